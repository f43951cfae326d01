"""Shared by `briefing delete` and `briefing restore`: resolving the ids (unique prefixes, as `show`
accepts) against the library or the trash, with one line per id that cannot be used."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from store.errors import LibraryError


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
