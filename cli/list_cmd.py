"""`briefing list [--json]`: the library's articles, newest first."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from cli._help import add_command
from cli._library import (
    ID_CHARS,
    WRITE_CHUNK,
    error,
    note,
    open_library,
    tolerant_stdout,
    write_json_array,
)
from store.errors import LibraryError
from store.safetext import safe_json, terminal_text

if TYPE_CHECKING:
    from store.records import ArticleMeta
    from store.trash import TrashedArticle


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "list",
        run,
        help="list the library's articles, newest first",
        description="List the library's articles, newest publication first (undated last): id prefix, "
        "date, star, title and source. With --trash: the deleted articles, most recently deleted first.",
        examples=(
            "briefing list",
            "briefing list --json | jq -r '.[].title'",
            "briefing list --trash",
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of article metadata")
    parser.add_argument(
        "--trash",
        action="store_true",
        help="list the deleted articles instead (briefing restore ID brings one back)",
    )


def meta_to_json(meta: ArticleMeta) -> dict[str, Any]:
    """The `briefing list --json` object of one article (also the head of `briefing show --json`)."""
    from store.serialise import meta_to_dict

    return {**meta_to_dict(meta), "path": meta.path, "read": meta.read, "starred": meta.starred}


def line(meta: ArticleMeta) -> str:
    day = meta.published.isoformat() if meta.published else "(no date)".ljust(10)
    star = "*" if meta.starred else " "
    source = f"  — {meta.source}" if meta.source else ""
    return terminal_text(f"{meta.id[:ID_CHARS]}  {day} {star} {meta.title}{source}")


def trashed_to_json(trashed: TrashedArticle) -> dict[str, Any]:
    """The `briefing list --trash --json` object: the article's, with when it was deleted and how many
    annotations wait with it."""
    return {**meta_to_json(trashed.meta), "deleted": trashed.deleted, "annotations": trashed.annotations}


def run_trash(args: argparse.Namespace) -> int:
    try:
        with open_library(args) as library:
            trashed = library.trash()
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        sys.stdout.write(safe_json([trashed_to_json(t) for t in trashed]) + "\n")
        return 0
    if not trashed:
        note("the trash is empty")
        return 0
    for item in trashed:
        print(terminal_text(f"{line(item.meta)}  (deleted {item.deleted[:16].replace('T', ' ')})"))
    return 0


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    if args.trash:
        return run_trash(args)
    try:
        with open_library(args) as library:
            metas = library.articles()
            where = library.path
    except LibraryError as exc:
        return error(str(exc))
    if args.json:  # written a few articles at a time: the text of one safe_json of them all
        write_json_array(sys.stdout, map(meta_to_json, metas))
        return 0
    if not metas:
        note(f"the library at {where} has no articles; add some with: briefing import PATH")
        return 0
    for first in range(0, len(metas), WRITE_CHUNK):  # a few lines at a time: one write each
        sys.stdout.write("".join([line(meta) + "\n" for meta in metas[first : first + WRITE_CHUNK]]))
    return 0
