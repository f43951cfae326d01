"""The `briefing` entry point: launches the app by default, dispatches headless subcommands.

Exit codes: 0 success, 1 some inputs failed, 2 usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tui import __version__

# Each module in tui/commands registers one subcommand and sets `func(args) -> int` on its parser.
SUBCOMMANDS: tuple[str, ...] = ("import_cmd", "list_cmd", "show_cmd", "analyze_cmd", "timeline_cmd", "export_cmd")

LIBRARY_ENV = "BRIEFING_LIBRARY"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read news briefings: who, how many and when. Without a command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
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
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
