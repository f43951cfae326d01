"""The intent journal that makes a change to several library files crash-safe as a whole.

A change that must not be seen half-done (a re-import that moves annotations onto the new text; a
delete or a restore: `store.trash`) is written first as one intent record, `journal.json` in the library
folder, holding the complete new content of every file it changes. Then each file is replaced
(atomically, one by one) and the record removed. After a crash at any instant:

- before the record is complete on disk (it is written atomically): nothing changed, the library is as
  before the change;
- after it: the next writer (`replay`, run on open and before every write) writes each file again from
  the record (skipping those already holding it) and removes the record, so the library is as after.

The record is JSON: {"version": 1, "files": [{"path": "<relative, / separated>", "backup": bool,
"tables": {TinyDB tables}}]}. Pure file handling; the caller holds the library's write lock.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from store import fastjson
from store.atomic import atomic_write, remove_file

JOURNAL_NAME = "journal.json"
_VERSION = 1

Tables = dict[str, dict[str, Any]]


class JournalDamaged(ValueError):
    """The intent record cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class FileChange:
    """The complete new content of one library file (`path` relative to the library folder)."""

    path: str
    tables: Tables
    backup: bool = True


def _checked_path(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise JournalDamaged("a file entry has no path")
    parts = PurePosixPath(value).parts
    if PurePosixPath(value).is_absolute() or ".." in parts or "\\" in value:
        raise JournalDamaged(f"a file entry names a path outside the library ({value!r})")
    return value


class Journal:
    """The intent record of one library folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL_NAME

    def pending(self) -> bool:
        return self.path.exists()

    def write(self, changes: Sequence[FileChange]) -> None:
        """Record the intent durably (before any of the files is touched)."""
        record = {
            "version": _VERSION,
            "files": [{"path": c.path, "backup": c.backup, "tables": c.tables} for c in changes],
        }
        atomic_write(self.path, fastjson.dumps(record))

    def read(self) -> list[FileChange]:
        """The recorded changes; JournalDamaged if the record is not one this version wrote."""
        try:
            record = fastjson.loads(self.path.read_bytes())
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise JournalDamaged(f"not valid JSON ({exc})") from None
        if not isinstance(record, dict) or record.get("version") != _VERSION:
            raise JournalDamaged("not a journal of this version")
        entries = record.get("files")
        if not isinstance(entries, list):
            raise JournalDamaged("no list of files")
        changes = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("tables"), dict):
                raise JournalDamaged("a file entry has no tables")
            changes.append(
                FileChange(_checked_path(entry.get("path")), entry["tables"], bool(entry.get("backup")))
            )
        return changes

    def remove(self) -> None:
        remove_file(self.path)

    def run(self, changes: Sequence[FileChange], apply: Callable[[FileChange], None]) -> None:
        """Make `changes` as one: record them, `apply` each, remove the record. A single change needs
        no record (each file is replaced atomically on its own)."""
        if len(changes) == 1:
            apply(changes[0])
            return
        self.write(changes)
        for change in changes:
            apply(change)
        self.remove()
