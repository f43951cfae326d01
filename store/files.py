"""The library folder as files and locks: the handle every part of the Library (and each migration) shares.

Owns the checks made when a folder is opened as a library, the write lock (re-entrant in the process,
`.write.lock` across processes) and the session lock, the read-only state and its reason, the notices for
the user, one `TinyFile` per TinyDB file (analysis files in a small LRU), the body store, and the
journal that makes multi-file changes crash-safe (replayed on open and before every write).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from store.bodies import BodyStore
from store.errors import LibraryError, LibraryLocked, LibraryReadOnly
from store.ids import shard
from store.journal import FileChange, Journal, JournalDamaged
from store.leftovers import remove_leftover_temp_files
from store.paths import LIBRARY_MARKERS
from store.storage import AtomicJSONStorage
from store.tinyfile import TinyFile

LOCK_TIMEOUT = 15.0
_CACHE_ANALYSIS_FILES = 128


def _folder_writable(folder: Path) -> bool:
    try:
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True


def _looks_like_library(folder: Path) -> bool:
    """True for an empty folder or one with a library's files: never turn someone's other folder into one."""
    try:
        names = set(os.listdir(folder))
    except OSError:
        return True  # unreadable: let the usual checks report it
    if any(name in names for name in LIBRARY_MARKERS):
        return True
    return not any(not name.startswith(".") for name in names)  # hidden files (.DS_Store) do not count


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:]


class LibraryFiles:
    """The files of one library folder. Thread-safe through one re-entrant lock (`rlock`)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.notices: list[str] = []
        self.rlock = threading.RLock()
        self.bodies = BodyStore(path / "bodies")
        self.journal = Journal(path)
        # Damage the storage reported while reading an analysis file, by article id (see store.analyses).
        self.damaged_analyses: dict[str, str] = {}
        self._noticed: set[str] = set()
        self._read_only_reason = "the library is open read-only"
        self._write_lock: FileLock | None = None
        self._session_lock: FileLock | None = None
        self.waiting_for_session = False  # read-only only because another window holds the session lock
        self._held = 0  # depth of `writing()` in this process
        self._files: dict[Path, TinyFile] = {}
        self._by_name: dict[str, TinyFile] = {}  # the same files by the relative name asked for
        self._analysis_files: OrderedDict[str, TinyFile] = OrderedDict()

    # -- opening and closing -------------------------------------------------------------------------------
    def open_folder(self, *, session: bool) -> None:
        """Check (creating if needed) the folder and take the locks; read-only with a notice when it must."""
        folder = self.path
        if folder.exists() and not folder.is_dir():
            raise LibraryError(f"{folder} is a file, not a library folder")
        if not folder.exists():
            if self.read_only:
                raise LibraryError(f"there is no library at {folder}")
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                raise LibraryError(
                    f"cannot create the library folder {folder}: {exc.strerror or exc}"
                ) from exc
        if not _looks_like_library(folder):
            raise LibraryError(
                f"{folder} is not a Briefing Reader library (it holds other files); give a new or empty "
                "folder for a library (to add articles from this folder: briefing import PATH)"
            )
        if not self.read_only and not _folder_writable(folder):
            self.become_read_only(
                f"the library folder {folder} is not writable, so the library is open read-only "
                "(reading works; importing, stars, tags and annotations cannot be saved)"
            )
        if not self.read_only:
            self._write_lock = FileLock(folder / ".write.lock", thread_local=False)
        if session and not self.read_only:
            lock = FileLock(folder / ".session.lock", thread_local=False)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                self.become_read_only(
                    "another Briefing Reader window has this library open, so this one is read-only "
                    "until that one closes"
                )
                self.waiting_for_session = True
            else:
                self._session_lock = lock
        self.finish_interrupted_change()

    def sweep_leftovers(self, *, deep: bool) -> None:
        """Remove temporary files that killed writers left (`deep`: the bodies and analysis folders too)."""
        if self._write_lock is not None and not self.read_only:
            with self.rlock:  # the file lock is shared by this library's threads: hold theirs too
                remove_leftover_temp_files(self.path, self._write_lock, deep=deep)

    def close(self) -> None:
        with self.rlock:
            self.waiting_for_session = False  # closed: never take the session afterwards
            if self._session_lock is not None:
                with contextlib.suppress(OSError):
                    self._session_lock.release(force=True)
                self._session_lock = None

    # -- read-only state and notices ----------------------------------------------------------------------
    def become_read_only(self, reason: str) -> None:
        self.read_only = True
        self.waiting_for_session = False  # read-only for this reason too: taking the session will not do
        self._read_only_reason = reason
        self.notices.append(_sentence(reason) + ".")
        self._storages_read_only(True)

    def _storages_read_only(self, read_only: bool) -> None:
        """Every file opened so far refuses (or takes again) writes, as the library now does."""
        for tiny in [*self._files.values(), *self._analysis_files.values()]:
            tiny.storage.read_only = read_only

    def take_session(self) -> bool:
        """A window read-only only because another one held the session: take the session lock if that
        window has closed, and become writable (True). False while it is still held (or the library is
        read-only for another reason)."""
        with self.rlock:
            if not self.waiting_for_session or self._write_lock is None:
                return False
            lock = FileLock(self.path / ".session.lock", thread_local=False)
            try:
                lock.acquire(timeout=0)
            except (Timeout, OSError):
                return False
            self._session_lock = lock
            self.waiting_for_session = False
            self.read_only = False
            self._read_only_reason = "the library is open read-only"
            self._storages_read_only(False)
            return True

    def read_only_error(self, consequence: str = "") -> LibraryReadOnly:
        """The error for a write refused because the library is read-only (`consequence`: "; nothing ...")."""
        return LibraryReadOnly(_sentence(self._read_only_reason) + consequence + ".")

    def notice_once(self, message: str) -> None:
        """Tell the user `message`, once per library opened."""
        if message not in self._noticed:
            self._noticed.add(message)
            self.notices.append(message)

    # -- locks and writes ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the library's write lock (re-entrant). Raises LibraryReadOnly / LibraryLocked."""
        if self.read_only or self._write_lock is None:
            raise self.read_only_error()
        with self.rlock:
            try:
                self._write_lock.acquire(timeout=LOCK_TIMEOUT)
            except Timeout:
                raise LibraryLocked(
                    f"another briefing process has been writing to {self.path} for over {LOCK_TIMEOUT:.0f} s "
                    f"(lock file {self._write_lock.lock_file}); try again when it has finished"
                ) from None
            except OSError as exc:
                raise LibraryError(f"cannot lock the library at {self.path}: {exc.strerror or exc}") from exc
            self._held += 1
            try:
                if self._held == 1 and self.journal.pending():
                    self._replay()  # a change interrupted by a crash (here or in another process)
                yield
            finally:
                self._held -= 1
                self._write_lock.release()

    def commit(self, changes: Sequence[tuple[TinyFile, dict[str, Any]]]) -> None:
        """Replace the tables of several files as one change: after a crash, all or none of them."""
        with self.writing():
            entries = [
                FileChange(self._relative(tiny.path), tables, tiny.keep_backup) for tiny, tables in changes
            ]
            by_path = {tiny.path: tiny for tiny, _ in changes}
            self.journal.run(
                entries, lambda change: by_path[self.path / change.path].storage.write(change.tables)
            )

    def finish_interrupted_change(self) -> None:
        """Complete a multi-file change a crash interrupted (read-only: only say so)."""
        if not self.journal.pending():
            return
        if self.read_only:
            self.notice_once(
                "A change to this library was interrupted (journal.json); open it writable to complete it."
            )
            return
        with self.writing():  # replays it
            pass

    def _replay(self) -> None:
        try:
            changes = self.journal.read()
        except (OSError, JournalDamaged) as exc:
            aside = self.journal.path.with_name(f"{self.journal.path.name}.damaged")
            with contextlib.suppress(OSError):
                os.replace(self.journal.path, aside)
            self.notices.append(
                f"An interrupted change could not be completed: {self.journal.path.name} cannot be read "
                f"({exc}); it was kept as {aside.name}."
            )
            return
        for change in changes:
            tiny = self.file(change.path, keep_backup=change.backup)
            if tiny.storage.read() != change.tables:
                tiny.storage.write(change.tables)
        self.journal.remove()

    # -- the files ----------------------------------------------------------------------------------------
    def _relative(self, path: Path) -> str:
        return path.relative_to(self.path).as_posix()

    def new_file(
        self, path: Path, *, keep_backup: bool, notice: Callable[[str], None] | None = None
    ) -> TinyFile:
        storage = AtomicJSONStorage(
            path,
            lock=self.writing,
            notice=notice or self.notices.append,
            read_only=self.read_only,
            keep_backup=keep_backup,
        )
        return TinyFile(storage, keep_backup=keep_backup)

    def file(self, relative: str, *, keep_backup: bool = True) -> TinyFile:
        tiny = self._by_name.get(relative)  # found without making a Path (whole-library loops ask often)
        if tiny is None:
            path = self.path / relative
            tiny = self._files.get(path)
            if tiny is None:
                tiny = self._files[path] = self.new_file(path, keep_backup=keep_backup)
            self._by_name[relative] = tiny
        return tiny

    def shard_file(self, kind: str, key: str) -> TinyFile:
        return self.file(f"{kind}/{key}.json")

    def existing_shards(self, kind: str) -> list[str]:
        try:
            names = os.listdir(self.path / kind)
        except OSError:
            return []
        return sorted(n[:-5] for n in names if len(n) == 7 and n.endswith(".json"))

    @property
    def articles_file(self) -> TinyFile:
        return self.file("articles.json")

    @property
    def meta_file(self) -> TinyFile:
        return self.file("meta.json")

    def analysis_file(self, article_id: str) -> TinyFile:
        tiny = self._analysis_files.get(article_id)
        if tiny is None:
            path = self.path / "analysis" / shard(article_id) / f"{article_id}.json"

            def damaged(message: str) -> None:
                self.damaged_analyses[article_id] = message

            tiny = self.new_file(path, keep_backup=False, notice=damaged)  # derived data: recomputed if lost
            self._analysis_files[article_id] = tiny
            if len(self._analysis_files) > _CACHE_ANALYSIS_FILES:
                self._analysis_files.popitem(last=False)
        else:
            self._analysis_files.move_to_end(article_id)
        return tiny
