"""`briefing restore ID...`: bring deleted articles back from the trash, as they were."""

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
        "restore",
        run,
        help="bring deleted articles back from the trash",
        description="Bring deleted articles back from the trash with their annotations, tags, read and "
        "star marks. IDs are those `briefing list --trash` prints (a unique prefix is enough).",
        examples=("briefing list --trash", "briefing restore 3f2a9c"),
        notes="exit status: 0 restored (or already in the library), 1 an id matches no deleted article "
        "or several",
    )
    parser.add_argument("ids", nargs="+", metavar="ID", help="deleted article id or unique prefix")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            found = resolve_ids(
                args.ids,
                library.resolve_trashed_id,
                library.resolve_id,
                missing="no deleted article with id {id!r} (briefing list --trash shows them)",
            )
            titles = {t.meta.id: t.meta.title for t in library.trash() if t.meta.id in found.ids}
            library.restore(found.ids)
    except LibraryError as exc:
        return error(str(exc))
    for aid in found.already:
        note(f"{aid[:ID_CHARS]} is not in the trash: it is in the library")
    for problem in found.problems:
        error(problem)
    for aid in found.ids:
        print(terminal_text(f"restored {aid[:ID_CHARS]}  {titles[aid]}"))
    if found.ids:
        print(f"{counted(len(found.ids), 'article')} restored")
    return 1 if found.problems else 0
