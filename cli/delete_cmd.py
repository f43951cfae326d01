"""`briefing delete ID...`: move articles to the trash (with their annotations, flags and analysis)."""

from __future__ import annotations

import argparse

from cli._help import add_command
from cli._trash import Move, run_move


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
    return run_move(
        args,
        Move(
            verb="deleted ",
            missing="no article with id {id!r} (briefing list shows the ids)",
            already="{id} is already in the trash",
            done="moved to the trash; briefing restore ID brings one back",
            from_trash=False,
        ),
    )
