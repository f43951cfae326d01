"""Shared by the headless library commands: opening the library from `--library`, safe text output."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from store.library import Library

ID_CHARS = 12  # the id prefix `list` and `timeline` print: unique in practice, and accepted by `show`

# C0/C1 control characters (terminal escapes) and bidi embeddings, overrides and isolates, which can make
# text display differently from what it is. Zero-width joiners stay: scripts and emoji need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """Untrusted text made safe for a terminal: control characters (and escapes) removed; tabs and,
    with `keep_newlines`, newlines kept (carriage returns dropped)."""
    if keep_newlines:
        return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    return _CONTROL_LINE.sub(" ", text)


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
    print(f"briefing: {printable(message)}", file=stream or sys.stderr)


def error(message: str) -> int:
    """Print an error line to stderr; returns exit code 1."""
    print(f"briefing: error: {printable(message)}", file=sys.stderr)
    return 1


def tolerant_stdout() -> None:
    """Never crash on a terminal or pipe that cannot encode some character of an article."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
