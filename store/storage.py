"""A TinyDB Storage that writes atomically, keeps a backup, notices other processes' writes and never
overwrites a damaged file.

- `write` serialises first, then replaces the file through `store.atomic.atomic_write` (the previous
  generation becomes `<name>.bak`).
- `read` parses the file only when its (inode, mtime_ns, size) signature changed since the last read, so a
  write made by another process is picked up by the next operation, and an unchanged file costs a stat.
- A file that is not valid JSON or not TinyDB's layout (tables of documents keyed by integer ids) is
  moved aside to `<name>.corrupt-<timestamp>`, the backup restored if it is readable, and a notice given.
- `table(name)` (the read path of the library) leaves out documents that are valid JSON but not usable
  records (`store.serialise.RECORD_CHECKS`: a missing id, a title that is a number, a bad date...), with
  one notice per document; they stay in the file untouched, and an insert at their id replaces them
  (re-importing the article repairs it).
- A file written from tables whose checked records all pass is known good until it changes: writes check
  only the documents the storage has not checked already, and `articles.json` gets a signature beside it
  (`store.signed`) so that opening it again skips the record checks and orjson's write-back check.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage
from tinydb.table import Document, Table

from store import fastjson, signed
from store.atomic import Prepared, atomic_write, atomic_write_many, fsync_dir
from store.bulk import collector_paused
from store.errors import LibraryCorrupt, LibraryError, LibraryReadOnly, quote_input, save_error
from store.serialise import RECORD_CHECKS, RecordCheck
from store.wording import counted

Tables = dict[str, dict[str, Any]]
Signature = tuple[int, int, int]

# Files at least this large are parsed with the garbage collector paused and their objects then frozen.
BULK_BYTES = 1 << 20


class NotTinyDB(ValueError):
    """The bytes are not a TinyDB file; the message says why."""


def parse_tinydb(raw: bytes, *, orjson_wrote: bool = False) -> Tables:
    """Parse and validate TinyDB's JSON layout: {table: {"<int id>": {document}}}. `orjson_wrote`: see
    `store.fastjson.loads`.

    A large file is parsed with the cyclic garbage collector paused and its objects frozen afterwards
    (`store.bulk`): they hold no cycles, and collecting would only walk them again and again."""
    try:
        with collector_paused(freeze=len(raw) >= BULK_BYTES):
            data = fastjson.loads(raw, orjson_wrote=orjson_wrote)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotTinyDB(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise NotTinyDB("not a TinyDB file (the top level is not an object of tables)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise NotTinyDB(f"not a TinyDB file (table {name!r} is not an object of documents)")
        if all(map(str.isdigit, table)) and all(type(doc) is dict for doc in table.values()):
            continue  # the usual case, tested quickly; otherwise find the culprit for the message
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise NotTinyDB(f"not a TinyDB file (table {name!r} has a malformed document {key!r})")
    return data


def salvage_tinydb(raw: bytes) -> Tables:
    """The complete documents at the start of a damaged TinyDB file (for example one cut short by another
    program or a full disk), read in order until the first damage; {} when there are none."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw[: exc.start].decode("utf-8")
    decoder = json.JSONDecoder()
    found: Tables = {}
    pos = 0

    def skip(expected: str = "") -> None:
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if expected:
            if text[pos : pos + 1] != expected:
                raise ValueError(expected)
            pos += 1

    def value() -> Any:
        nonlocal pos
        skip()
        item, pos = decoder.raw_decode(text, pos)
        return item

    try:
        skip("{")
        while True:
            name = value()
            if not isinstance(name, str):
                break
            skip(":")
            skip("{")
            table = found.setdefault(name, {})
            skip()
            if text[pos : pos + 1] == "}":
                pos += 1
            else:
                while True:
                    key = value()
                    skip(":")
                    doc = value()
                    if not (isinstance(key, str) and key.isdigit() and isinstance(doc, dict)):
                        return found
                    table[key] = doc
                    skip()
                    if text[pos : pos + 1] == "}":
                        pos += 1
                        break
                    skip(",")
            skip(",")
    except ValueError:  # the damage (json.JSONDecodeError is a ValueError)
        pass
    return found


def dump_tinydb(data: Tables) -> bytes:
    """The file's bytes: compact UTF-8 JSON, the same whether orjson or the standard library wrote them."""
    return fastjson.dumps(data)


def _all_pass(storage: AtomicJSONStorage, data: Tables) -> bool:
    """Whether every document of the checked tables of `data` passes its check. A document the storage
    found usable in the tables it holds now (the same object, under the same key) is not checked again,
    unless a TinyDB table operation may have changed documents of that table in place."""
    for name, docs in data.items():
        check = storage._checks.get(name)
        if check is None:
            continue
        cached = storage._checked.get(name)
        usable = cached[1] if cached is not None and cached[0] == storage.version else {}
        known = {} if name in storage._changed_in_place else usable
        get = known.get
        for key, doc in docs.items():
            if get(key) is not doc and (not isinstance(doc, dict) or check(doc, key) is not None):
                return False
    return True


def file_signature(path: Path) -> Signature | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _aside_name(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return candidate


def _link_or_copy(path: Path, target: Path) -> None:
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)
    fsync_dir(target.parent)


class AtomicJSONStorage(Storage):
    """TinyDB storage for one library file (see the module docstring).

    `lock()` returns the library's (re-entrant) write lock, taken to move a damaged file aside;
    `notice(message)` reports what happened to the user.
    """

    def __init__(
        self,
        path: Path,
        *,
        lock: Callable[[], AbstractContextManager[object]],
        notice: Callable[[str], None],
        read_only: bool = False,
        keep_backup: bool = True,
        checks: dict[str, RecordCheck] | None = None,
    ) -> None:
        self.path = path
        self.backup = path.with_name(path.name + ".bak")
        self._lock = lock
        self._notice = notice
        self.read_only = read_only
        self._keep_backup = keep_backup
        self._data: Tables | None = None
        self._sig: Signature | None = None
        self._showing_backup = False  # read-only view of the backup of a missing file
        # Bumped whenever the cached tables change (load, write, invalidate): a cheap key for derived caches.
        self.version = 0
        self._checks = RECORD_CHECKS if checks is None else checks
        self._checked: dict[str, tuple[int, dict[str, Any], frozenset[str]]] = {}  # name -> version, ok, bad
        self._reported: set[tuple[str, str, str]] = set()
        self._signed = path.name in signed.SIGNED_FILES  # kept with a signature (store.signed)
        self._loaded_good = False  # the last load matched the signature: every checked record passes
        self._changed_in_place: set[str] = set()  # tables a TinyDB operation changed since the last write

    # -- TinyDB's Storage interface ------------------------------------------------------------------------
    def read(self) -> Tables | None:
        sig = file_signature(self.path)
        if sig is None and self._showing_backup:
            return self._data
        if sig is None and self._data is None and self.backup.exists():
            # Our writes never leave the file missing beside its backup: something deleted it.
            restored = self._restore_missing()
            if restored is not None:
                self._data, self._sig = restored, file_signature(self.path)
                self._showing_backup = self._sig is None  # read-only: the file stays missing
                self.version += 1
                return self._data
        if sig is None:
            if self._sig is not None or self._data is not None:
                self.invalidate()
            return None
        if sig != self._sig or self._data is None:
            # The signature taken before reading: if the file changes meanwhile, the next read parses again.
            self._data, self._sig = self._load(), sig
            self._showing_backup = False
            self.version += 1
            if self._loaded_good and self._data is not None:
                self._known_good(self._data)
        return self._data

    def write(self, data: Tables) -> None:
        write_many([(self, data)])

    def close(self) -> None:
        self._data = None

    # -- helpers -----------------------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Forget the cached tables: the next read parses the file again."""
        self._data, self._sig = None, None
        self._showing_backup = False
        self.version += 1

    def signature(self) -> Signature | None:
        return file_signature(self.path)

    def _known_good(self, data: Tables) -> None:
        """Record that every document of the checked tables of `data` (the tables now held) passes."""
        for name in self._checks.keys() & data.keys():
            self._checked[name] = (self.version, data[name], frozenset())

    def table(self, name: str) -> dict[str, Any]:
        """The usable documents of one table (shared with the cache: callers must not modify them).

        Documents that fail the table's record check are left out and reported once (see the module
        docstring); `read()` still has them, so writes keep them in the file."""
        data = self.read()
        docs = {} if data is None else data.get(name, {})
        check = self._checks.get(name)
        if check is None:
            return docs
        cached = self._checked.get(name)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        problems = list(map(check, docs.values(), docs))  # once per document when a file is read
        if problems.count(None) == len(problems):  # the usual case: all usable
            self._checked[name] = (self.version, docs, frozenset())
            return docs
        usable: dict[str, Any] = {}
        bad: set[str] = set()
        for (key, doc), problem in zip(docs.items(), problems, strict=True):
            if problem is None:
                usable[key] = doc
            else:
                bad.add(key)
                self._report_bad(name, key, doc, problem)
        self._checked[name] = (self.version, usable, frozenset(bad))
        return usable

    def rejected(self, name: str) -> frozenset[str]:
        """The keys of the documents `table(name)` leaves out."""
        self.table(name)
        cached = self._checked.get(name)
        return frozenset() if cached is None else cached[2]

    def _report_bad(self, name: str, key: str, doc: dict[str, Any], problem: str) -> None:
        if (name, key, problem) in self._reported:
            return
        self._reported.add((name, key, problem))
        title = doc.get("title")
        named = f" ({quote_input(title, 40)})" if isinstance(title, str) and title else ""
        self._notice(
            f"{self.path}: skipped the {name} record {quote_input(key)}{named} because {problem}; "
            "it is kept in the file unchanged"
        )

    def backup_table(self, name: str) -> dict[str, Any]:
        """The raw documents of one table in the backup generation (empty if there is no usable backup)."""
        backup = self._read_backup()
        return {} if backup is None else backup.get(name, {})

    def _load(self) -> Tables | None:
        self._loaded_good = False
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        orjson_wrote = signed.matching(self.path, raw) if self._signed else None
        try:
            data = parse_tinydb(raw, orjson_wrote=orjson_wrote is True)
            self._loaded_good = orjson_wrote is not None
            return data
        except NotTinyDB as exc:
            return self._recover(str(exc), salvage_tinydb(raw))

    def _read_backup(self) -> Tables | None:
        try:
            return parse_tinydb(self.backup.read_bytes())
        except (OSError, NotTinyDB):
            return None

    def _restore_missing(self) -> Tables | None:
        """The file is gone but its previous generation is here: bring that back (read-only: show it)."""
        backup = self._read_backup()
        if backup is None:
            return None
        if self.read_only:
            self._notice(
                f"{self.path} is missing; showing its backup {self.backup.name}. "
                "Open the library writable to restore it."
            )
            return backup
        with self._lock():
            if self.path.exists():  # another process restored or rewrote it meanwhile
                return self._load()
            atomic_write(self.path, dump_tinydb(backup))
        self._notice(f"{self.path.name} was missing; it was restored from {self.backup.name}.")
        return backup

    def _recover(self, reason: str, salvaged: Tables) -> Tables | None:
        """The file is damaged: keep it aside, restore the backup with the documents still readable in the
        damaged file on top (they are newer), say so. Never overwrite it."""
        backup = self._read_backup()
        recovered = sum(len(docs) for docs in salvaged.values())
        if backup is None:
            source = f"its {counted(recovered, 'readable record')}"
        else:
            source = f"{self.backup.name}" + (
                f" plus {counted(recovered, 'newer record')} it still held" if recovered else ""
            )
        if recovered:
            merged: Tables = {name: dict(docs) for name, docs in (backup or {}).items()}
            for name, docs in salvaged.items():
                merged.setdefault(name, {}).update(docs)
            backup = merged
        if self.read_only:
            if backup is None:
                raise LibraryCorrupt(
                    f"{self.path} cannot be read: {reason}. It has no usable backup and the library is "
                    "read-only, so nothing was changed."
                )
            self._notice(
                f"{self.path} cannot be read ({reason}); showing {source}. "
                "Open the library writable to repair it."
            )
            return backup
        with self._lock():
            try:  # another process may have repaired it while we waited for the lock
                return parse_tinydb(self.path.read_bytes())
            except FileNotFoundError:
                return None
            except (OSError, NotTinyDB):
                pass
            aside = _aside_name(self.path)
            try:
                if backup is not None:
                    # Keep the damaged file under its new name while it is still in place, so a crash
                    # before the restore below leaves it damaged (recovered again next time), never missing.
                    _link_or_copy(self.path, aside)
                else:
                    os.replace(self.path, aside)
            except OSError as exc:
                raise LibraryCorrupt(
                    f"{self.path} cannot be read ({reason}) and could not be moved aside "
                    f"({exc.strerror or exc}); nothing was changed."
                ) from exc
            if backup is not None:
                atomic_write(self.path, dump_tinydb(backup))
                self._notice(
                    f"{self.path.name} could not be read ({reason}). The damaged file was kept as {aside} "
                    f"and the library was restored from {source}."
                )
                return backup
            self._notice(
                f"{self.path.name} could not be read ({reason}) and has no usable backup. The damaged file "
                f"was kept as {aside}; the library continues without it."
            )
            return None


def write_many(changes: Sequence[tuple[AtomicJSONStorage, Tables | bytes | Prepared]]) -> None:
    """Write library files, each replaced atomically (`store.atomic.atomic_write_many`: the waits for the
    disk are shared by all of them), from their tables, their bytes already made (`dump_tinydb`) or their
    bytes already in a temporary file (`store.atomic.Prepared`); a storage given bytes reads the file
    again when next asked. On a failure, the files not yet replaced are unchanged, and every storage of
    the call forgets its cached tables (TinyDB changes them in place before calling write)."""
    for storage, _ in changes:
        if storage.read_only:
            raise LibraryReadOnly(f"the library is open read-only; {storage.path.name} was not changed")
    # Bytes already made are not checked here (they are not signed: read and checked when next asked).
    good = [isinstance(data, dict) and _all_pass(storage, data) for storage, data in changes]
    try:
        items: list[tuple[Path, bytes | Prepared, Path | None]] = []
        for (storage, data), all_pass in zip(changes, good, strict=True):
            blob, orjson_wrote = (data, False) if not isinstance(data, dict) else fastjson.dumps_telling(data)
            if not storage.path.parent.is_dir():
                storage.path.parent.mkdir(parents=True, exist_ok=True)
            items.append((storage.path, blob, storage.backup if storage._keep_backup else None))
            # The signature after the file (a crash between them leaves no match); all_pass: tables given.
            if storage._signed and all_pass and isinstance(blob, bytes):
                items.append(
                    (signed.signature_path(storage.path), signed.signature_of(blob, orjson_wrote), None)
                )
        atomic_write_many(items)
    except OSError as exc:
        for storage, _ in changes:
            storage.invalidate()
        # A failed rename names its destination: the backup (e.g. a folder in its place) or the file.
        failed = Path(exc.filename2) if exc.filename2 else None
        named = [s for s, _ in changes if failed in (s.path, s.backup)] or [changes[0][0]]
        if failed is None:
            failed = named[0].path
        what = f"{failed} (the backup of {named[0].path.name})" if failed == named[0].backup else str(failed)
        raise save_error(what, exc) from exc
    except BaseException:
        for storage, _ in changes:
            storage.invalidate()
        raise
    for (storage, data), all_pass in zip(changes, good, strict=True):
        if not isinstance(data, dict):
            storage.invalidate()
            continue
        storage._data, storage._sig = data, file_signature(storage.path)
        storage.version += 1
        storage._changed_in_place.clear()
        if all_pass:
            storage._known_good(data)


class RepairingTable(Table):
    """A TinyDB table whose inserts replace documents the storage rejected (see `AtomicJSONStorage.table`)
    instead of failing on their id: re-importing an article, or starring it, repairs its damaged record."""

    _replace: frozenset[int] = frozenset()

    def insert(self, document: Any) -> int:
        with self._replacing([document]):
            return super().insert(document)

    def insert_multiple(self, documents: Any) -> list[int]:
        docs = list(documents)
        with self._replacing(docs):
            return super().insert_multiple(docs)

    @contextmanager
    def _replacing(self, documents: list[Any]) -> Iterator[None]:
        storage = self._storage
        bad = storage.rejected(self.name) if isinstance(storage, AtomicJSONStorage) else frozenset()
        self._replace = frozenset(
            d.doc_id for d in documents if isinstance(d, Document) and str(d.doc_id) in bad
        )
        try:
            yield
        finally:
            self._replace = frozenset()

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self._storage
        if isinstance(storage, AtomicJSONStorage):  # TinyDB updates documents in place: check them all
            storage._changed_in_place.add(self.name)
        replace = self._replace
        if not replace:
            super()._update_table(updater)
            return

        def replacing(table: dict[int, Any]) -> None:
            for doc_id in replace:
                table.pop(doc_id, None)
            updater(table)

        super()._update_table(replacing)
