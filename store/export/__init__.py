"""Briefing exports: select from a Library, build Markdown, JSON or TimelineJS, write atomically.

briefing = select(library, Selection(tag="iraq"))      # ExportError if nothing matches
text = render(briefing, "md")                            # pure; "md" | "json" | "timelinejs"
write_atomic(path, text)                                 # a new file; replace=True: also over a regular file
write_atomic(path, export_chunks(library, selection, "json"))   # the same, written as it is made
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from store.bulk import collector_paused
from store.export.atomic import OutputExists, check_target, write_atomic
from store.export.briefing import KEY_FACTS, Briefing, KeyFigure, Selection, TimelineFact
from store.export.errors import ExportError
from store.export.selection import LibraryView, describe, select

# Each format's module, whole builder and block-by-block builder (the same text a block at a time, to
# stream to a file or stdout; TimelineJS is made whole when called, so that its refusal of an empty
# timeline comes before any output). A module is imported when its format is asked for: an export loads
# only its own builder.
BUILDERS: dict[str, tuple[str, str, str | None]] = {
    "md": ("markdown", "build_markdown", "markdown_chunks"),
    "json": ("json_format", "build_json", "json_chunks"),
    "timelinejs": ("timelinejs", "build_timelinejs", None),
}
FORMATS: tuple[str, ...] = tuple(BUILDERS)
SUFFIXES: dict[str, str] = {"md": ".md", "json": ".json", "timelinejs": ".timeline.json"}
FILENAME_STEM = 60
ACROSS_FORMATS = frozenset({"md"})  # the formats with figure series and conflicts


def render(briefing: Briefing, fmt: str) -> str:
    """The briefing in format `fmt` (one of FORMATS)."""
    builder: Callable[[Briefing], str] = _builder(fmt, chunked=False)
    return builder(briefing)


def render_chunks(briefing: Briefing, fmt: str) -> Iterator[str]:
    """The text of `render(briefing, fmt)` in pieces; errors are raised before the first one."""
    chunks: Callable[[Briefing], Iterator[str]] | None = _builder(fmt, chunked=True)
    if chunks is None:
        whole: Callable[[Briefing], str] = _builder(fmt, chunked=False)
        return iter([whole(briefing)])
    return _collector_paused_while(chunks(briefing))


def _collector_paused_while(pieces: Iterator[str]) -> Iterator[str]:
    """`pieces`, made with the cyclic garbage collector off: writing a large briefing makes hundreds of
    thousands of short-lived dicts, lists and strings and no reference cycle, yet the collector would run
    every few hundred of them (about a seventh of the JSON's writing at 10,000 articles). It is on again
    when the pieces end or are abandoned."""
    with collector_paused():
        yield from pieces


def _builder(fmt: str, *, chunked: bool) -> Any:
    """Format `fmt`'s whole or block-by-block builder (None: it has none by blocks), its module imported."""
    try:
        module, whole, blocks = BUILDERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format: {fmt} (choose from {', '.join(FORMATS)})") from None
    name = blocks if chunked else whole
    return None if name is None else getattr(importlib.import_module(f"store.export.{module}"), name)


def __getattr__(name: str) -> Any:
    """SCHEMA, from the JSON builder's module when asked for."""
    if name == "SCHEMA":
        from store.export.json_format import SCHEMA

        return SCHEMA
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def suggested_filename(title: str, fmt: str) -> str:
    """A file name from an export's title: 'Briefing: Red River relief' -> 'briefing-red-river-relief.md'."""
    words = re.findall(
        r"\w+", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    )
    stem = "-".join(words)[:FILENAME_STEM].rstrip("-") or "briefing"
    return stem + SUFFIXES.get(fmt, ".txt")


def export_document(
    library: LibraryView,
    selection: Selection,
    fmt: str,
    title: str | None = None,
    key_facts: int = KEY_FACTS,
) -> str:
    """Select and render in one step (what `briefing export` and the app's export action do)."""
    return render(select(library, selection, title, key_facts, across=fmt in ACROSS_FORMATS), fmt)


def export_chunks(
    library: LibraryView,
    selection: Selection,
    fmt: str,
    title: str | None = None,
    key_facts: int = KEY_FACTS,
) -> Iterator[str]:
    """`export_document`'s text in pieces, to write as they come (`briefing export`); the selection is
    made, and its errors raised, before the first piece."""
    return render_chunks(select(library, selection, title, key_facts, across=fmt in ACROSS_FORMATS), fmt)


__all__ = [
    "FORMATS",
    "SCHEMA",
    "SUFFIXES",
    "Briefing",
    "ExportError",
    "KeyFigure",
    "LibraryView",
    "OutputExists",
    "Selection",
    "TimelineFact",
    "check_target",
    "describe",
    "export_chunks",
    "export_document",
    "render",
    "render_chunks",
    "select",
    "suggested_filename",
    "write_atomic",
]
