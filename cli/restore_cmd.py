"""`briefing restore ID...`: bring deleted articles back from the trash, as they were."""

from __future__ import annotations

import argparse

from cli._help import add_command
from cli._trash import Move, run_move


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
    return run_move(
        args,
        Move(
            verb="restored",
            missing="no deleted article with id {id!r} (briefing list --trash shows them)",
            already="{id} is not in the trash: it is in the library",
            done="restored",
            from_trash=True,
        ),
    )
