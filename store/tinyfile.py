"""One TinyDB file of the library: a TinyDB over `AtomicJSONStorage`, with raw read access for fast scans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from store.storage import AtomicJSONStorage, RepairingTable, Signature


class TinyFile:
    """A TinyDB database stored in one file. Writes must happen under the library's write lock."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self.path: Path = storage.path
        self.storage = storage
        self.db = TinyDB(storage=lambda: storage)
        self.db.table_class = RepairingTable

    def table(self, name: str) -> Table:
        """A TinyDB table; the query cache is off because other processes may change the file."""
        return self.db.table(name, cache_size=0)

    def raw(self, name: str) -> dict[str, Any]:
        """The table's documents keyed by doc id, straight from the storage cache (read-only use)."""
        return self.storage.table(name)

    def signature(self) -> Signature | None:
        return self.storage.signature()

    def exists(self) -> bool:
        return self.path.exists()
