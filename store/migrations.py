"""Schema versions of the library on disk and the migrations between them.

`MIGRATIONS[n]` upgrades a library from schema n to n+1; `Library.open` runs the missing steps under
the write lock and records the new version in the `meta` table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.library import Library

SCHEMA_VERSION = 1

Migration = Callable[["Library"], None]

# Version 1 is the first layout; later versions add their upgrade step here.
MIGRATIONS: dict[int, Migration] = {}


def pending(found: int, target: int | None = None) -> list[tuple[int, Migration]]:
    """The steps that take a library from schema `found` to `target`; ValueError if one is missing."""
    goal = SCHEMA_VERSION if target is None else target
    steps = []
    for version in range(found, goal):
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from library schema {version} to {version + 1}")
        steps.append((version, step))
    return steps
