"""`briefing show ID`: one article's metadata and text (id or a unique prefix of it), printed safely."""

from __future__ import annotations

import argparse
import sys

from cli._help import add_command
from cli._library import error, open_library, tolerant_stdout
from cli.list_cmd import meta_to_json
from store.errors import LibraryError
from store.safetext import safe_json, terminal_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "show",
        run,
        help="print an article's details and text",
        description="Print one article's metadata and text. ID may be the first characters of the id "
        "shown by `briefing list`, as long as only one article starts with them.",
        examples=("briefing show 78032c", "briefing show 78032c --json"),
    )
    parser.add_argument("id", metavar="ID", help="article id, or its first characters (see `briefing list`)")
    parser.add_argument("--json", action="store_true", help="print metadata and body as JSON")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            try:
                article = library.article(library.resolve_id(args.id))
            except KeyError:
                return error(f"no article with id {args.id!r} (see `briefing list`)")
    except LibraryError as exc:
        return error(str(exc))
    meta = article.meta
    if args.json:
        sys.stdout.write(safe_json({**meta_to_json(meta), "body": article.body}) + "\n")
        return 0
    rows = [
        ("Title", meta.title),
        ("Id", meta.id),
        ("Published", meta.published.isoformat() if meta.published else "unknown"),
        ("Source", meta.source),
        ("Dateline", meta.dateline),
        ("Author", meta.author),
        ("URL", meta.url),
        ("Tags", ", ".join(meta.tags) or None),
        ("File", meta.path),
        ("Status", ", ".join(s for s, on in (("starred", meta.starred), ("read", meta.read)) if on) or None),
    ]
    for label, value in rows:
        if value:
            print(terminal_text(f"{label + ':':<11}{value}"))
    print()
    body = terminal_text(article.body, keep_newlines=True)
    sys.stdout.write(body if body.endswith("\n") else body + "\n")
    return 0
