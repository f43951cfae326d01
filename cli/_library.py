"""Shared by the headless library commands: opening the library from `--library`, messages on stderr
(terminal-safe through `store.safetext`)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from store.safetext import escape_json_text, terminal_text

if TYPE_CHECKING:
    from rich.console import Console

    from store.library import Library

ID_CHARS = 12  # the id prefix `list` and `timeline` print: unique in practice, and accepted by `show`
WRITE_CHUNK = 256  # items (array entries, lines) made, escaped and written at a time


@contextlib.contextmanager
def open_library(args: argparse.Namespace, **options: Any) -> Iterator[Library]:
    """Open the library named by `--library` (else $BRIEFING_LIBRARY, else the default) for one command.

    Its notices (read-only, restored backups, ...) go to stderr as they arise. Raises
    store.errors.LibraryError with a user-facing message.
    """
    from store.library import Library

    library = Library.open(getattr(args, "library", None), **options)
    shown = 0
    try:
        for notice in library.notices:
            note(notice)
        shown = len(library.notices)
        yield library
    finally:
        for notice in library.notices[shown:]:
            note(notice)
        library.close()


def note(message: str, stream: TextIO | None = None) -> None:
    print(f"briefing: {terminal_text(message)}", file=stream or sys.stderr)


def error(message: str) -> int:
    """Print an error line to stderr; returns exit code 1."""
    print(f"briefing: error: {terminal_text(message)}", file=sys.stderr)
    return 1


def tolerant_stdout() -> None:
    """Never crash on a terminal or pipe that cannot encode some character of an article."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


def stdout_console() -> Console:
    """A Rich console on stdout that lets a closed pipe reach `cli.main` (which ends the command quietly
    with status 0) instead of exiting with status 1 as Rich does by default."""
    from rich.console import Console

    class _PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return _PipeConsole(highlight=False)


def write_json_array(out: TextIO, items: Iterable[Any]) -> None:
    """Write `safe_json(list(items)) + "\\n"` a few items at a time: the same text, never all of it in
    memory (`store.jsonout`: orjson or the C encoder)."""
    from store.jsonout import array_chunks

    for text in array_chunks(items, chunk=WRITE_CHUNK):
        out.write(escape_json_text(text))
    out.write("\n")
