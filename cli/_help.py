"""Help layout of the subcommands (descriptions wrapped to the terminal, example epilogs kept as written)
and the argument types they share."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any


class ExamplesHelpFormatter(argparse.HelpFormatter):
    """Wraps the description like argparse does, but prints an epilog that starts with "examples:" verbatim,
    so each example stays on its own line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def add_command(
    subparsers: Any,
    name: str,
    run: Callable[[argparse.Namespace], int],
    *,
    help: str,
    description: str,
    examples: Sequence[str],
    notes: str | None = None,
) -> argparse.ArgumentParser:
    """Add subcommand `name` that calls `run(args) -> exit code`; its help ends with the examples, one
    per line as written, then `notes` (a paragraph of its own)."""
    epilog = "examples:\n" + "".join(f"  {example}\n" for example in examples).rstrip("\n")
    if notes:
        epilog += f"\n\n{notes}"
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=description, epilog=epilog, formatter_class=ExamplesHelpFormatter
    )
    add_version(parser)
    parser.set_defaults(func=run)
    return parser


def add_version(parser: argparse.ArgumentParser) -> None:
    """`--version` after a command too (`briefing list --version`, `briefing feeds add --version`), as
    the README promises; not listed in the command's help."""
    from cli import __version__

    parser.add_argument(
        "--version", action="version", version=f"briefing {__version__}", help=argparse.SUPPRESS
    )


def not_blank(message: str) -> Callable[[str], str]:
    """An argparse `type` for a value that must say something: an empty or blank one (`--entity "$UNSET"`)
    is a usage error with `message` (exit status 2), never quietly the same as leaving the option out."""

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(message)
        return text

    check.__name__ = "not blank"  # how argparse names the type in its other errors
    return check


filter_value = not_blank("empty value (leave the option out not to filter)")
"""The type of every filter option (`--article`, `--entity`, `--tag`, `--source`)."""
