"""Article bodies as content-addressed text files: `bodies/<2 hex>/<32 hex of SHA-256>.txt`.

Bodies are large and written once, so they stay out of TinyDB: the articles table holds only the key.
Files are written atomically (temporary file + rename); an import writes a batch of them and then
`flush`es the batch (fsync of every file and folder, in parallel threads so the file system can merge
them into few journal commits) before the metadata that refers to them is saved. Bodies are checked
against their hash when read.

`undo_on_error(articles)` brackets an import's batch: if the batch fails (a full disk, an I/O error), the
bodies it wrote are removed again unless the articles file (or its backup) refers to them by then, so a
failed import leaves no unreferenced files behind and never removes a text in use.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from store.atomic import atomic_write, fsync_dir
from store.errors import LibraryCorrupt, LibraryError, save_error

if TYPE_CHECKING:
    from store.storage import AtomicJSONStorage


READ_SIZE = 1 << 16  # bytes asked for at once when a text is read (most are a few KB: one read)


def body_key(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


class BodyStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root = str(folder)  # `get` builds its paths as strings: pathlib costs more than the read
        self._written: list[Path] | None = None  # inside `undo_on_error`: the bodies written so far

    @contextlib.contextmanager
    def undo_on_error(
        self, articles: AtomicJSONStorage, keep_all: Callable[[], bool] = lambda: False
    ) -> Iterator[None]:
        """If the block raises, remove the bodies `put` wrote inside it that no document of `articles`
        (the current generation on disk or its backup) refers to, unless `keep_all()` says the change may
        still complete (a pending journal that the next open replays refers to them). Re-entrant: the
        outermost block decides.
        """
        if self._written is not None:
            yield
            return
        self._written = []
        try:
            yield
        except BaseException:
            if not keep_all():
                self._remove_unreferenced(self._written, articles)
            raise
        finally:
            self._written = None

    def _remove_unreferenced(self, paths: list[Path], articles: AtomicJSONStorage) -> None:
        if not paths:
            return
        try:
            articles.invalidate()  # what is on disk now, not what the failed write left in the cache
            docs = [*(articles.read() or {}).get("articles", {}).values()]
            docs.extend(articles.backup_table("articles").values())
        except (OSError, LibraryError):
            return  # cannot tell what is in use: keep them all
        in_use = {doc.get("body") for doc in docs if isinstance(doc, dict)}
        for path in paths:
            if path.stem not in in_use:
                with contextlib.suppress(OSError):
                    path.unlink()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.txt"

    def put(self, body: str, *, durable: bool = True, key: str | None = None) -> tuple[str, Path | None]:
        """Store `body` (if not already stored): its key (`key`: known already, `body_key(body)`), and its
        path if it was written now.

        With `durable=False` the caller must `flush` the written paths before relying on them.
        """
        key = body_key(body) if key is None else key
        path = self.path(key)
        if self._intact(path, key):
            return key, None
        # Missing, or left damaged by a crash before it was flushed (nothing referred to it then): write it.
        data = body.encode("utf-8")
        try:
            try:
                atomic_write(path, data, durable=durable)
            except FileNotFoundError:  # its folder is not made yet
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(path, data, durable=durable)
        except OSError as exc:
            raise save_error(f"article text to {path}", exc) from exc
        if self._written is not None:
            self._written.append(path)
        return key, path

    @staticmethod
    def _intact(path: Path, key: str) -> bool:
        try:
            return hashlib.sha256(read_bytes(str(path))).hexdigest()[:32] == key
        except OSError:
            return False

    @staticmethod
    def flush(paths: Iterable[Path]) -> None:
        """Make written bodies durable: fsync each file, then each folder holding them."""
        files = list(paths)
        if not files:
            return
        folders = {p.parent for p in files}
        try:
            with ThreadPoolExecutor(max_workers=min(16, len(files))) as pool:
                list(pool.map(_fsync_file, files))
                list(pool.map(fsync_dir, folders))
        except OSError as exc:
            raise save_error(f"article text to {exc.filename or files[0].parent}", exc) from exc

    def get(self, key: str) -> str:
        path = f"{self._root}{os.sep}{key[:2]}{os.sep}{key}.txt"  # str(self.path(key)), without pathlib
        try:
            raw = read_bytes(path)
        except FileNotFoundError:
            raise LibraryCorrupt(f"the article text {path} is missing from the library") from None
        except OSError as exc:
            raise LibraryError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if hashlib.sha256(raw).hexdigest()[:32] != key:
            raise LibraryCorrupt(f"the article text {path} is damaged (its content does not match its name)")
        return raw.decode("utf-8")

    def remove(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self.path(key).unlink()


def read_bytes(path: str) -> bytes:
    """The file's bytes, read with the system calls alone (an export reads 10,000 texts and thousands of
    facts index shards: half the time of `open(...).read()`, whose file objects cost more than the reads)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, READ_SIZE):  # until the end of the file: most texts take one read
            chunks.append(chunk)
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _fsync_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        exc.filename = exc.filename or str(path)
        raise
    finally:
        os.close(fd)
