"""Shared by `briefing delete` and `briefing restore`: resolving the ids (unique prefixes, as `show`
accepts) against the library or the trash, with one line per id that cannot be used."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cli._library import ID_CHARS, error, note, open_library, tolerant_stdout
from store.errors import ArticleNotMoved, LibraryError
from store.library import Library
from store.safetext import terminal_text
from store.wording import counted


@dataclass(slots=True)
class Resolved:
    """The full ids to act on, the ids already where they should end up, and the ids that are wrong."""

    ids: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def resolve_ids(
    prefixes: Iterable[str],
    here: Callable[[str], str],
    there: Callable[[str], str],
    *,
    missing: str,
) -> Resolved:
    """Each prefix resolved with `here` (where the command acts); one that only `there` knows is
    `already` done; `missing` is the problem for one neither knows ("{id!r}" is filled in)."""
    out = Resolved()
    for prefix in prefixes:
        try:
            found = here(prefix)
        except KeyError:
            try:
                out.already.append(there(prefix))
            except (KeyError, LibraryError):
                out.problems.append(missing.format(id=prefix))
            continue
        except LibraryError as exc:
            out.problems.append(str(exc))
            continue
        if found not in out.ids:
            out.ids.append(found)
    return out


@dataclass(frozen=True, slots=True)
class Move:
    """One direction of `delete`/`restore`: where ids are looked up, what is done, and what is said."""

    verb: str  # "deleted " / "restored": the start of each article's line, aligned
    missing: str  # the problem for an id found nowhere ("{id!r}" is filled in)
    already: str  # the note for an id already where the command would put it ("{id}")
    done: str  # the summary after "N articles"
    from_trash: bool  # restore: ids are looked up in the trash


def run_move(args: argparse.Namespace, move: Move) -> int:
    """Resolve `args.ids`, move the articles as one change, and report each; exit 1 when an id is wrong."""
    tolerant_stdout()
    moving: list[str] = []
    try:
        with open_library(args) as library:
            lookups = (library.resolve_trashed_id, library.resolve_id)
            found = resolve_ids(
                args.ids, *(lookups if move.from_trash else lookups[::-1]), missing=move.missing
            )
            titles = _titles(library, found.ids, move.from_trash)
            moving = found.ids
            (library.restore if move.from_trash else library.delete)(found.ids)
    except ArticleNotMoved as exc:
        # The articles move as one change: when one cannot, none did; say so for the others too.
        others = [aid[:ID_CHARS] for aid in moving if aid != exc.article_id]
        return error(
            f"{exc}" + (f"; so nothing was {move.done} ({', '.join(others)} neither)" if others else "")
        )
    except LibraryError as exc:
        return error(str(exc))
    for aid in found.already:
        note(move.already.format(id=aid[:ID_CHARS]))
    for problem in found.problems:
        error(problem)
    for aid in found.ids:
        print(terminal_text(f"{move.verb} {aid[:ID_CHARS]}  {titles[aid]}"))
    if found.ids:
        print(f"{counted(len(found.ids), 'article')} {move.done}")
    return 1 if found.problems else 0


def _titles(library: Library, ids: list[str], from_trash: bool) -> dict[str, str]:
    if from_trash:
        return {t.meta.id: t.meta.title for t in library.trash() if t.meta.id in ids}
    return {m.id: m.title for m in library.articles() if m.id in ids}
