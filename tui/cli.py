"""The `briefing` entry point: launches the app by default, dispatches headless subcommands.

Exit codes: 0 success, 1 some inputs failed, 2 usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from tui import __version__

# Each module in tui/commands registers one subcommand and sets `func(args) -> int` on its parser.
SUBCOMMANDS: tuple[str, ...] = (
    "import_cmd",
    "list_cmd",
    "show_cmd",
    "analyze_cmd",
    "timeline_cmd",
    "export_cmd",
)

LIBRARY_ENV = "BRIEFING_LIBRARY"


def _library_path(text: str) -> str:
    # An empty value (`--library "$UNSET"`) must not quietly mean the default library.
    if not text.strip():
        raise argparse.ArgumentTypeError("empty path (leave --library out to use the default library)")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read news briefings: who, how many and when. Without a command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        type=_library_path,
        help=f"library folder (default: ${LIBRARY_ENV}, else the platform's user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(f"tui.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from tui.commands.launch import launch

        return launch(args)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # The reader of a pipe went away (`briefing list | head`): stop quietly, as other tools do.
        # Point stdout at /dev/null so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
