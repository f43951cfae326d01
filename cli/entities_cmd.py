"""`briefing entities [--type T] [--json]`: every entity of the library, names resolved across articles,
most mentioned first."""

from __future__ import annotations

import argparse
import sys

from cli._across import print_rows
from cli._help import add_command
from cli._library import error, note, open_library, tolerant_stdout
from extract.model import ENTITY_TYPES
from store.errors import LibraryError
from store.safetext import safe_json


def _entity_type(text: str) -> str:
    wanted = text.upper()
    if wanted not in ENTITY_TYPES:
        raise argparse.ArgumentTypeError(f"unknown type {text!r} (one of {', '.join(ENTITY_TYPES)})")
    return wanted


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "entities",
        run,
        help="list the library's people, organisations and places by mentions",
        description="List every entity of the library (names resolved across articles), most mentioned "
        "first, with its aliases and how many articles name it.",
        examples=("briefing entities", "briefing entities --type person", "briefing entities --json"),
    )
    parser.add_argument(
        "--type", type=_entity_type, metavar="T", help=f"only this type ({', '.join(ENTITY_TYPES)})"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of entities")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            found = library.entities(args.type)
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        sys.stdout.write(safe_json([s.to_dict() for s in found]) + "\n")
        return 0
    if not found:
        note("no entities" + (f" of type {args.type}" if args.type else "") + " in the library")
        return 0
    print_rows(
        "Entities",
        ("mentions", "articles", "type", "name", "aliases"),
        [
            (
                str(s.mentions),
                str(s.article_count),
                s.type,
                s.name,
                ", ".join(f"{a} ({n})" for a, n in s.aliases),
            )
            for s in found
        ],
    )
    return 0
