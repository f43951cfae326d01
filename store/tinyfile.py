"""One TinyDB file of the library: a TinyDB over `AtomicJSONStorage`, with raw read access for fast scans
and whole-document replacement computed as new tables (so several files can be changed as one)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from store.storage import AtomicJSONStorage, RepairingTable, Signature

Tables = dict[str, dict[str, Any]]


class TinyFile:
    """A TinyDB database stored in one file. Writes must happen under the library's write lock."""

    def __init__(self, storage: AtomicJSONStorage, *, keep_backup: bool = True) -> None:
        self.path: Path = storage.path
        self.storage = storage
        self.keep_backup = keep_backup
        self.db = TinyDB(storage=lambda: storage)
        self.db.table_class = RepairingTable

    def table(self, name: str) -> Table:
        """A TinyDB table; the query cache is off because other processes may change the file."""
        return self.db.table(name, cache_size=0)

    def raw(self, name: str) -> dict[str, Any]:
        """The table's documents keyed by doc id, straight from the storage cache (read-only use)."""
        return self.storage.table(name)

    def with_docs(self, name: str, docs: Mapping[int, dict[str, Any]]) -> Tables:
        """The file's tables with `docs` (by doc id) put into table `name`, each replacing the whole
        document of that id or appended after the others; the cached tables are not modified."""
        tables = dict(self.storage.read() or {})
        table = dict(tables.get(name, {}))
        for did, doc in docs.items():
            table[str(did)] = dict(doc)
        tables[name] = table
        return tables

    def put_docs(self, name: str, docs: Mapping[int, dict[str, Any]]) -> None:
        """Insert or replace whole documents by id, in one write."""
        self.storage.write(self.with_docs(name, docs))

    def signature(self) -> Signature | None:
        return self.storage.signature()

    def exists(self) -> bool:
        return self.path.exists()
