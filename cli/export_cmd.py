"""`briefing export`: a briefing document (Markdown, JSON or TimelineJS) from a filtered selection.

Writes to stdout, or atomically to -o FILE: a new file, or an existing regular file with --force (never a
symbolic link, FIFO or device). Exit codes: 0 written; 1 nothing exported (unknown article id, a filter
that matches nothing, an unwritable or existing path, a library problem), with one line on stderr and no
file left behind; 2 usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from cli._dates import bound as _bound
from cli._dates import from_date, to_date
from cli._help import add_command, filter_value
from cli._library import error, note, open_library, tolerant_stdout
from store.errors import LibraryError
from store.safetext import escape_json_text

__all__ = ["_bound", "register", "run"]  # _bound: the --from/--to parser, kept under its old name


def register(subparsers: Any) -> None:
    from store.export import FORMATS

    parser = add_command(
        subparsers,
        "export",
        run,
        help="export a briefing (Markdown, JSON or TimelineJS)",
        description=(
            "Export a briefing from the library: sources, key figures, a timeline and your highlights. "
            "Filters combine; without filters every article is exported."
        ),
        examples=(
            "briefing export --format md -o briefing.md",
            "briefing export --format md --entity Kadhimi --from 2020 --to 2021-01 -o kadhimi.md",
            "briefing export --format json --starred > starred.json",
            "briefing export --format timelinejs --tag iraq -o timeline.json",
        ),
    )
    parser.add_argument(
        "--article",
        metavar="ID",
        type=filter_value,
        action="extend",
        nargs="+",
        default=[],
        help="only these articles (ids or unique id prefixes; repeatable)",
    )
    parser.add_argument("--tag", metavar="T", type=filter_value, help="only articles with this tag")
    parser.add_argument(
        "--entity", metavar="NAME", type=filter_value, help="only articles and facts naming this entity"
    )
    parser.add_argument("--starred", action="store_true", help="only starred articles")
    parser.add_argument("--from", dest="start", metavar="DATE", type=from_date, help="facts from this date")
    parser.add_argument("--to", dest="end", metavar="DATE", type=to_date, help="facts up to this date")
    parser.add_argument("--format", required=True, choices=FORMATS, help="md, json or timelinejs")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to a new FILE atomically ('-': stdout)")
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (a regular file only)"
    )
    parser.add_argument("--title", help="document title (default: the article's title, or 'Briefing')")
    parser.add_argument(
        "--limit",
        metavar="N",
        type=_count,
        default=None,
        help="key facts the Markdown briefing leads with (default 20)",
    )


FORCE_HINT = "; add --force to replace it"


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return value


def _terminal_safe_json(chunk: str) -> str:
    """`escape_json_text(chunk)` of a piece of JSON text. JSON text holds no raw control character
    outside its white space (its strings escape them), so one that is all ASCII can hold only one
    character to escape, DEL: such a piece (most of them) is returned as it is, unscanned."""
    if chunk.isascii() and "\x7f" not in chunk:
        return chunk
    return escape_json_text(chunk)


def run(args: argparse.Namespace) -> int:
    from store.export import OutputExists, Selection, check_target, export_chunks, write_atomic

    to_file = bool(args.output) and args.output != "-"
    existed = False
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
        if to_file:  # say at once, before the work, that the path will not do
            existed = check_target(args.output, replace=args.force)
        with open_library(args) as library:
            for given in args.article:  # say which id is unknown and which is ambiguous, as `show` does
                try:
                    library.resolve_id(given)
                except KeyError:
                    return error(f"no article with id {given!r} (see `briefing list`)")
            options: dict[str, Any] = {"title": args.title}
            if args.limit is not None:
                options["key_facts"] = args.limit
            chunks: Iterator[str] = export_chunks(library, selection, args.format, **options)
        if args.format != "md":  # JSON: terminal controls in article text become \u escapes
            chunks = (_terminal_safe_json(chunk) for chunk in chunks)
        if to_file:  # written as it is made: the document is never whole in memory
            write_atomic(args.output, chunks, replace=args.force)
        else:
            tolerant_stdout()
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
    except OutputExists as exc:
        return error(f"{exc}{FORCE_HINT}")
    except LibraryError as exc:  # ExportError included: unknown id, nothing matches, unwritable path
        return error(str(exc))
    if to_file:
        done = "replaced" if existed else "wrote"
        note(
            f"{done} {args.output} with the {args.format} briefing"
            if existed
            else f"{done} {args.format} briefing to {args.output}"
        )
    return 0
