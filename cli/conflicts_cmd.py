"""`briefing conflicts [--json]`: dates on which articles give figures for the same series that their
qualifiers cannot reconcile ("at least 120" against "85")."""

from __future__ import annotations

import argparse
import sys

from cli._across import conflict_to_json, number, print_rows, source_of
from cli._help import add_command
from cli._library import error, note, open_library, tolerant_stdout
from store.errors import LibraryError
from store.safetext import safe_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "conflicts",
        run,
        help="list figures on which sources disagree",
        description="List the dates on which two or more articles give incompatible figures for the same "
        "series (qualifiers considered: 'about 12,000' and '12,400' agree; 'at least 120' and '85' do not).",
        examples=("briefing conflicts", "briefing conflicts --json"),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of conflicts")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            found = library.conflicts()
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        sys.stdout.write(safe_json([conflict_to_json(c) for c in found]) + "\n")
        return 0
    if not found:
        note("no conflicting figures in the library")
        return 0
    for conflict in found:
        print_rows(
            f"{conflict.subject}: {conflict.unit} on {conflict.date}",
            ("value", "qualifier", "as written", "source", "title"),
            [
                (
                    number(c.value, c.high),
                    c.qualifier or "",
                    c.text,
                    source_of(c.article_id, c.source),
                    c.title,
                )
                for c in conflict.claims
            ],
        )
    return 0
