"""The `briefing` entry point: launches the app by default, dispatches headless subcommands.

Only the subcommand named on the command line is imported (launching the app imports none), so startup
does not pay for the others; `--help`, errors and unknown commands get the full parser with every
subcommand. Exit codes: 0 success, 1 some inputs failed, 2 usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence

from cli import __version__
from cli._help import not_blank

# Command name -> the module in cli/ that registers it and sets `func(args) -> int` on its parser.
# Listed in the order `briefing --help` shows them.
COMMANDS: dict[str, str] = {
    "import": "import_cmd",
    "list": "list_cmd",
    "show": "show_cmd",
    "analyze": "analyze_cmd",
    "timeline": "timeline_cmd",
    "export": "export_cmd",
    "entity": "entity_cmd",
    "entities": "entities_cmd",
    "series": "series_cmd",
    "conflicts": "conflicts_cmd",
    "feeds": "feeds_cmd",
    "delete": "delete_cmd",
    "restore": "restore_cmd",
}
SUBCOMMANDS: tuple[str, ...] = tuple(COMMANDS.values())

LIBRARY_ENV = "BRIEFING_LIBRARY"
# Why writing the output (stdout) can fail besides a closed pipe: a full disk or quota, a device error.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


# An empty value (`--library "$UNSET"`) must not quietly mean the default library.
_library_path = not_blank("empty path (leave --library out to use the default library)")


def needed_modules(argv: Sequence[str]) -> tuple[str, ...]:
    """The subcommand modules the parser needs for `argv`: the named command's only, none when the app
    is launched or `--version` asked for, and all of them for anything else (`--help`, an unknown or
    abbreviated option or command, a missing `--library` value), so help and errors list every command."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--library" and i + 1 < len(argv) and _plain_value(argv[i + 1]):
            i += 2
        elif token.startswith("--library=") and _plain_value(token.partition("=")[2]):
            i += 1
        elif token in COMMANDS:
            return (COMMANDS[token],)
        elif token == "--version":  # argparse prints the version as soon as it meets the option
            return ()
        else:
            return SUBCOMMANDS
    return ()


def _plain_value(value: str) -> bool:
    return bool(value.strip()) and not value.startswith("-")


def build_parser(modules: Sequence[str] = SUBCOMMANDS) -> argparse.ArgumentParser:
    """The `briefing` parser with the subcommands of `modules` (default: all of them)."""
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
    for name in modules:
        importlib.import_module(f"cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(needed_modules(arguments)).parse_args(arguments)
    if args.command is None:
        from cli.launch import launch

        return launch(args)
    try:
        status = int(args.func(args))
        # Flush here, not at exit: a reader that went away must be noticed inside this `try`, whether
        # the last write filled the pipe or sat in the buffer.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of a pipe went away (`briefing list | head`): it has read what it wanted, so the
        # command ends quietly with status 0 (as documented), whichever write noticed it. stdout points
        # at /dev/null so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _OUTPUT_ERRORS:
            raise  # not the output's failure: a bug to see whole
        # The output could not be written (`> file` on a full disk, a device error): one line, not a
        # traceback; stdout points at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        from cli._library import error

        return error(f"{exc.strerror or exc} (writing the output)")
    return status


if __name__ == "__main__":
    sys.exit(main())
