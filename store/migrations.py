"""Schema versions of the library on disk and the migrations between them.

`MIGRATIONS[n]` upgrades a library from schema n to n+1, given the library's files (`LibraryFiles`);
`check_schema` (run on every open) records the version of a new library, opens a newer one read-only and
runs the missing steps under the write lock, recording each new version in the `meta` table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tinydb.table import Document

from store.errors import LibraryError, quote_input

if TYPE_CHECKING:
    from store.files import LibraryFiles

SCHEMA_VERSION = 1

Migration = Callable[["LibraryFiles"], None]

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


def check_schema(files: LibraryFiles) -> bool:
    """Bring the library to this schema version (see the module docstring). True when the library was
    created just now (it has no articles file yet), so the caller may add the sample briefings."""
    meta = files.meta_file
    current = meta.raw("meta").get("1")
    if current is None:
        if files.read_only:
            return False
        fresh = not (files.path / "articles.json").exists()
        with files.writing():
            if meta.raw("meta").get("1") is not None:  # another process created it meanwhile
                return False
            created = datetime.now(UTC).isoformat(timespec="seconds")
            meta.table("meta").insert(
                Document({"schema_version": SCHEMA_VERSION, "created": created}, doc_id=1)
            )
        return fresh
    found = current.get("schema_version", 0)
    if not isinstance(found, int) or isinstance(found, bool) or found < 0:  # hand-edited or damaged
        files.become_read_only(
            f"the schema version in {meta.path} is {quote_input(found)}, not a version number, so the "
            "library is open read-only"
        )
    elif found > SCHEMA_VERSION:
        files.become_read_only(
            f"this library was written by a newer Briefing Reader (schema {found}; this one knows "
            f"{SCHEMA_VERSION}), so it is open read-only"
        )
    elif found < SCHEMA_VERSION:
        if files.read_only:
            files.notices.append(
                f"This library uses an older layout (schema {found}); open it writable once to upgrade it."
            )
            return False
        _migrate(files)
    return False


def _migrate(files: LibraryFiles) -> None:
    meta = files.meta_file
    with files.writing():
        found = int(meta.raw("meta").get("1", {}).get("schema_version", 0))
        try:
            steps = pending(found)
        except ValueError as exc:
            raise LibraryError(f"cannot upgrade the library at {files.path}: {exc}") from exc
        for version, step in steps:
            step(files)
            meta.table("meta").update({"schema_version": version + 1}, doc_ids=[1])
    if steps:
        files.notices.append(f"The library was upgraded from schema {found} to {SCHEMA_VERSION}.")
