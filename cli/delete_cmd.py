"""`briefing delete ID...`: move articles to the trash (with their annotations, flags and analysis)."""

from __future__ import annotations

import argparse

from cli._help import add_command
from cli._library import ID_CHARS, error, note, open_library, tolerant_stdout
from cli._trash import resolve_ids
from store.errors import LibraryError
from store.safetext import terminal_text
from store.wording import counted


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "delete",
        run,
        help="move articles to the trash (briefing restore brings them back)",
        description="Move articles to the trash: they leave the list, search, timeline and exports; their "
        "annotations, tags, read and star marks wait with them until `briefing restore`. IDs are those "
        "`briefing list` prints (a unique prefix is enough).",
        examples=("briefing delete 3f2a9c", "briefing list --trash", "briefing restore 3f2a9c"),
        notes="exit status: 0 deleted (or already in the trash), 1 an id matches no article or several",
    )
    parser.add_argument("ids", nargs="+", metavar="ID", help="article id or unique prefix")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            found = resolve_ids(
                args.ids,
                library.resolve_id,
                library.resolve_trashed_id,
                missing="no article with id {id!r} (briefing list shows the ids)",
            )
            titles = {m.id: m.title for m in library.articles() if m.id in found.ids}
            library.delete(found.ids)
    except LibraryError as exc:
        return error(str(exc))
    for aid in found.already:
        note(f"{aid[:ID_CHARS]} is already in the trash")
    for problem in found.problems:
        error(problem)
    for aid in found.ids:
        print(terminal_text(f"deleted  {aid[:ID_CHARS]}  {titles[aid]}"))
    if found.ids:
        print(f"{counted(len(found.ids), 'article')} moved to the trash; briefing restore ID brings one back")
    return 1 if found.problems else 0
