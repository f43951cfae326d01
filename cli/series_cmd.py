"""`briefing series [--entity NAME] [--json]`: figures that count the same thing on different dates, as
series in date order (see "Across articles" in the README for how they are decided)."""

from __future__ import annotations

import argparse
import sys

from cli._across import number, print_rows, series_to_json, source_of
from cli._help import add_command, filter_value
from cli._library import error, note, open_library, tolerant_stdout
from store.errors import LibraryError
from store.safetext import safe_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "series",
        run,
        help="show how figures moved over time (troops, people displaced, ...)",
        description="Show figure series: figures of different dates that count the same thing about the "
        "same subject, in date order, each with its qualifier and article.",
        examples=("briefing series", "briefing series --entity 'Typhoon Kestrel'", "briefing series --json"),
    )
    parser.add_argument(
        "--entity", metavar="NAME", type=filter_value, help="only series about this entity (a name or alias)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of series")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            if args.entity and not library.find_entities(args.entity):
                hints = library.entity_suggestions(args.entity)
                tip = f"; did you mean {', '.join(repr(h) for h in hints)}?" if hints else ""
                return error(f"no entity named {args.entity!r} in the library{tip}")
            found = library.series(args.entity)
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        sys.stdout.write(safe_json([series_to_json(s) for s in found]) + "\n")
        return 0
    if not found:
        note("no figure series" + (f" about {args.entity!r}" if args.entity else " in the library"))
        return 0
    for series in found:
        undated = f" ({series.undated} undated left out)" if series.undated else ""
        print_rows(
            f"{series.subject}: {series.unit}{undated}",
            ("date", "value", "qualifier", "as written", "source"),
            [
                (
                    p.date,
                    number(p.value, p.high),
                    p.qualifier or "",
                    p.text,
                    source_of(p.article_id, p.source),
                )
                for p in series.points
            ],
        )
    return 0
