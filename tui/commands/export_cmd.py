"""`briefing export`: a briefing document (Markdown, JSON or TimelineJS) from a filtered selection.

Writes to stdout, or atomically to -o FILE. Exit codes: 0 written; 1 nothing exported (unknown article id,
a filter that matches nothing, an unwritable path, a library problem), with one line on stderr and no file
left behind; 2 usage (argparse).
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from datetime import date
from typing import Any

from store.errors import LibraryError
from store.export import FORMATS, Selection, export_document, write_atomic
from tui.commands._help import ExamplesHelpFormatter
from tui.commands._jsonout import escape_unsafe
from tui.commands._library import error, note, open_library, tolerant_stdout

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _bound(text: str, *, upper: bool) -> date:
    """YYYY-MM-DD, or YYYY-MM / YYYY meaning that month's or year's first day (--from) or last day (--to)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    m = _PARTIAL.match(text)
    try:
        if m is None:
            raise ValueError(text)
        year, month = int(m[1]), int(m[2]) if m[2] else None
        if month is None:
            return date(year, 12, 31) if upper else date(year, 1, 1)
        last = calendar.monthrange(year, month)[1]
        return date(year, month, last if upper else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _from_date(text: str) -> date:
    return _bound(text, upper=False)


def _to_date(text: str) -> date:
    return _bound(text, upper=True)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a briefing (Markdown, JSON or TimelineJS)",
        description=(
            "Export a briefing from the library: sources, key figures, a timeline and your highlights. "
            "Filters combine; without filters every article is exported."
        ),
        epilog="examples:\n"
        "  briefing export --format md -o briefing.md\n"
        "  briefing export --format md --entity Kadhimi --from 2020 --to 2021-01 -o kadhimi.md\n"
        "  briefing export --format json --starred > starred.json\n"
        "  briefing export --format timelinejs --tag iraq -o timeline.json",
        formatter_class=ExamplesHelpFormatter,
    )
    parser.add_argument(
        "--article",
        metavar="ID",
        action="extend",
        nargs="+",
        default=[],
        help="only these articles (ids or unique id prefixes; repeatable)",
    )
    parser.add_argument("--tag", metavar="T", help="only articles with this tag")
    parser.add_argument("--entity", metavar="NAME", help="only articles and facts naming this entity")
    parser.add_argument("--starred", action="store_true", help="only starred articles")
    parser.add_argument("--from", dest="start", metavar="DATE", type=_from_date, help="facts from this date")
    parser.add_argument("--to", dest="end", metavar="DATE", type=_to_date, help="facts up to this date")
    parser.add_argument("--format", required=True, choices=FORMATS, help="md, json or timelinejs")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically ('-': stdout)")
    parser.add_argument("--title", help="document title (default: the article's title, or 'Briefing')")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.start and args.end and args.start > args.end:
        return error(f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}")
    selection = Selection(
        article_ids=tuple(args.article),
        tag=args.tag,
        entity=args.entity,
        starred=args.starred,
        start=args.start,
        end=args.end,
    )
    try:
        with open_library(args) as library:
            for given in args.article:  # say which id is unknown and which is ambiguous, as `show` does
                try:
                    library.resolve_id(given)
                except KeyError:
                    return error(f"no article with id {given!r} (see `briefing list`)")
            text = export_document(library, selection, args.format, title=args.title)
        if args.format != "md":  # JSON: terminal controls in article text become \u escapes
            text = escape_unsafe(text)
        if args.output and args.output != "-":
            write_atomic(args.output, text)
        else:
            tolerant_stdout()
            sys.stdout.write(text)
            sys.stdout.flush()
    except LibraryError as exc:  # ExportError included: unknown id, nothing matches, unwritable path
        return error(str(exc))
    if args.output and args.output != "-":
        note(f"wrote {args.format} briefing to {args.output}")
    return 0
