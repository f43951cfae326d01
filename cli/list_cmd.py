"""`briefing list [--json]`: the library's articles, newest first."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from cli._help import add_command
from cli._library import ID_CHARS, error, note, open_library, tolerant_stdout
from store.errors import LibraryError
from store.safetext import safe_json, terminal_text

if TYPE_CHECKING:
    from store.records import ArticleMeta


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "list",
        run,
        help="list the library's articles, newest first",
        description="List the library's articles, newest publication first (undated last): id prefix, "
        "date, star, title and source.",
        examples=("briefing list", "briefing list --json | jq -r '.[].title'"),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of article metadata")


def meta_to_json(meta: ArticleMeta) -> dict[str, Any]:
    """The `briefing list --json` object of one article (also the head of `briefing show --json`)."""
    from store.serialise import meta_to_dict

    return {**meta_to_dict(meta), "path": meta.path, "read": meta.read, "starred": meta.starred}


def line(meta: ArticleMeta) -> str:
    day = meta.published.isoformat() if meta.published else "(no date)".ljust(10)
    star = "*" if meta.starred else " "
    source = f"  — {meta.source}" if meta.source else ""
    return terminal_text(f"{meta.id[:ID_CHARS]}  {day} {star} {meta.title}{source}")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            metas = library.articles()
            where = library.path
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        sys.stdout.write(safe_json([meta_to_json(m) for m in metas]) + "\n")
        return 0
    if not metas:
        note(f"the library at {where} has no articles; add some with: briefing import PATH")
        return 0
    for meta in metas:
        print(line(meta))
    return 0
