"""`briefing timeline [--article ID] [--entity NAME] [--tag T] [--source S] [--from DATE] [--to DATE]
[--json|--jsonl]`: the library's dated statements in calendar order, one per sentence (at its event date,
with all its dates), optionally for one article, entity, tag, source and date range. The table names
articles by title and never cuts a sentence. Filters that match nothing say so on stderr and exit with
status 1 (`--json` still writes `[]`).

Both JSON outputs come from the facts index (`Library.timeline_json`: no Fact is made, nor a text parsed
again). `--json` writes the JSON array entry by entry (the same text as one indented `json.dumps` of the
whole list, made with the C encoder by `store.jsonout`, never all in memory); `--jsonl` writes one compact
object per line as the index holds it (faster, for large libraries)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TextIO

from cli._dates import from_date, to_date
from cli._help import add_command, filter_value
from cli._library import (
    WRITE_CHUNK,
    error,
    note,
    open_library,
    stdout_console,
    tolerant_stdout,
    write_json_array,
)
from store.errors import LibraryError
from store.jsonout import array_of_texts, compact
from store.queries import timeline_entry_dict
from store.safetext import escape_json_text, terminal_text

if TYPE_CHECKING:
    from store.records import TimelineEntry

# The writers of JSON output (`write_json_array` lives in cli._library, shared with `list --json`).
__all__ = ["register", "run", "write_json_array", "write_json_lines", "write_json_texts", "write_text_lines"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "timeline",
        run,
        help="print the library's dated facts in calendar order",
        description="Print the dated facts of the library's articles in calendar order. Filters combine.",
        examples=(
            "briefing timeline",
            "briefing timeline --entity Kadhimi --from 2020-11 --to 2021",
            "briefing timeline --article 78032c --json",
            "briefing timeline --tag iraq --source Rudaw",
            "briefing timeline --jsonl > timeline.jsonl     one JSON object per line",
        ),
    )
    parser.add_argument(
        "--article", metavar="ID", type=filter_value, help="only this article (an id or a unique id prefix)"
    )
    parser.add_argument(
        "--entity",
        metavar="NAME",
        type=filter_value,
        help="only facts whose sentence mentions this entity (a name or alias)",
    )
    parser.add_argument(
        "--tag", metavar="T", type=filter_value, help="only articles with this tag (any case)"
    )
    parser.add_argument(
        "--source",
        metavar="S",
        type=filter_value,
        help="only articles from this source (its name or words of it)",
    )
    parser.add_argument(
        "--from",
        dest="start",
        type=from_date,
        metavar="DATE",
        help="only facts ending on or after DATE (YYYY-MM-DD; YYYY-MM or YYYY mean its first day)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=to_date,
        metavar="DATE",
        help="only facts starting on or before DATE (YYYY-MM-DD; YYYY-MM or YYYY mean its last day)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print a JSON array of timeline entries")
    output.add_argument(
        "--jsonl", action="store_true", help="print JSON Lines: one compact timeline entry per line"
    )


def entry_to_json(entry: TimelineEntry) -> dict[str, Any]:
    """One statement: its article, the fact (`extract.model.fact_to_dict`) with all its dates in "dates"."""
    return timeline_entry_dict(entry)


_CHUNK = WRITE_CHUNK  # entries encoded, escaped and written at a time


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, _CHUNK)):
        yield chunk


def write_json_texts(out: TextIO, texts: Iterable[str]) -> None:
    """`write_json_array` of items already written as indented array items (`store.jsonout.indented(item,
    1)`): the same text."""
    for text in array_of_texts(texts, chunk=_CHUNK):
        out.write(escape_json_text(text))
    out.write("\n")


def write_json_lines(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    """One compact JSON object per line (`json.dumps` without indent: the C encoder), as `safe_json`."""
    write_text_lines(out, (compact(item) for item in items))


def write_text_lines(out: TextIO, texts: Iterable[str]) -> None:
    """JSON texts already encoded, one per line, escaped as `safe_json` escapes."""
    for chunk in _chunks(texts):
        out.write(escape_json_text("\n".join(chunk)) + "\n")


class _Counted:
    """The texts of an iterable as they are taken, counted."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = iter(texts)
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        for text in self._texts:
            self.count += 1
            yield text


def _matched_nothing() -> int:
    """A filter matched nothing: said on stderr, exit status 1 (as `export`, `series`, `entity`)."""
    note("no dated facts match these filters")
    return 1


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    if args.start and args.end and args.start > args.end:
        return error(f"--from {args.start} is after --to {args.end}")
    try:
        with open_library(args) as library:
            article_id = None
            if args.article:
                try:
                    article_id = library.resolve_id(args.article)
                except KeyError:
                    return error(f"no article with id {args.article!r} (see `briefing list`)")
            filters: dict[str, Any] = {
                "article_id": article_id,
                "entity": args.entity,
                "start": args.start,
                "end": args.end,
                "tag": args.tag,
                "source": args.source,
            }
            filtered = any(value is not None for value in filters.values())
            if args.json or args.jsonl:
                written = _Counted(library.timeline_json(**filters, indent=args.json))
                if args.jsonl:  # the entries' texts as the index holds them: no Fact made, no dict encoded
                    write_text_lines(sys.stdout, written)
                else:
                    write_json_texts(sys.stdout, written)
                if written.count == 0 and filtered:  # `[]` (or no line) is written, and the status says it
                    return _matched_nothing()
                return 0
            entries = library.timeline(**filters)
    except LibraryError as exc:
        return error(str(exc))
    if not entries:
        if filtered:
            return _matched_nothing()
        note("the library has no dated facts yet (import articles with: briefing import PATH)")
        return 0
    from cli._analysis_view import facts_table

    one_article = len({e.article_id for e in entries}) == 1  # its title once, above the table
    titles = [terminal_text(e.article_title + (f" — {e.source}" if e.source else "")) for e in entries]
    table = facts_table([e.fact for e in entries], None if one_article else titles, limit=None)
    if one_article:
        table.title = f"Timeline · {titles[0]}"
    stdout_console().print(table)
    return 0
