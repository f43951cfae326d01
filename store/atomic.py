"""Crash-safe file replacement: temporary file in the same folder, flush, fsync, os.replace, fsync folder.

A reader (or a crash) at any moment sees either the complete old file or the complete new one. The
previous generation can be kept as a backup: it is hard-linked (no copy) to `<name>.bak` just before
the replace.

`atomic_write_many` replaces several files the same way with the waits for the disk shared: every new
content is written to its temporary file, all of them are made durable at once, then each file is
replaced, then the renames are made durable at once. Each file is still old or new after a crash at any
instant (they are not one change: for that, see `store.journal`). "At once" is one `sync()` on Linux,
where one fsync waits for the filesystem's whole journal anyway and a busy disk makes each wait long;
elsewhere, one fsync per file and per folder. A file's new content may come already written to its
temporary file (`Prepared`, made by `write_temp` in another process: an import's worker processes write
the analyses they make), so that the writer only makes it durable and renames it.

Tests simulate a crash at any write step with `set_step_hook`: the hook is called just before and just
after every replace (and before every durable removal), and may raise to stop the program there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

StepHook = Callable[[str, Path], None]
_step_hook: StepHook | None = None


def set_step_hook(hook: StepHook | None) -> StepHook | None:
    """Install `hook(event, path)` for every write step (tests only); returns the previous hook.

    Events: "replace" (the new content is complete in its temporary file), "replaced" (the rename is
    done) and "remove" (a file is about to be deleted by `remove_file`).
    """
    global _step_hook
    previous, _step_hook = _step_hook, hook
    return previous


def _step(event: str, path: Path) -> None:
    if _step_hook is not None:
        _step_hook(event, path)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` the current content of `path` (a hard link where possible, else a copy)."""
    tmp = backup.with_name(f".{backup.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            os.link(path, tmp)
        except OSError:
            shutil.copy2(path, tmp)
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None, durable: bool = True) -> None:
    """Replace `path` with `data` atomically; keep the old content as `backup` when given.

    With `durable`, the data and the rename are on disk when this returns. On any failure the old file
    is left untouched and the temporary file removed.
    """
    if not durable and backup is None:  # many small files (an import's texts), made durable by the caller
        tmp_path = _write_temp(path, data)
        try:
            _step("replace", path)
            os.replace(tmp_path, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp_path)
            raise
        _step("replaced", path)
        return
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        _step("replace", path)
        if backup is not None and path.exists():
            keep_backup(path, backup)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _step("replaced", path)
    if durable:
        fsync_dir(folder)


def _sync_all(paths: Sequence[str | Path]) -> None:
    """Make the content of `paths` (files or folders) durable."""
    if sys.platform.startswith("linux") and len(paths) > 1:
        os.sync()  # on Linux, returns when everything is on disk
        return
    for path in paths:
        if os.path.isdir(path):
            fsync_dir(Path(path))
        else:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


_TEMP_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
) | getattr(os, "O_BINARY", 0)


class Prepared(NamedTuple):
    """A file's new content already in a temporary file beside it (`write_temp`), for `atomic_write_many`
    to make durable and rename into place."""

    temp: str


def write_temp(path: str | Path, data: bytes) -> Prepared:
    """`data` written to a new temporary file beside `path` (its folder made if missing), to be put in
    place by `atomic_write_many` (in this process or another); removed by `discard` if it is not."""
    try:
        return Prepared(_write_temp(path, data))
    except FileNotFoundError:  # the folder is not made yet
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return Prepared(_write_temp(path, data))


def discard(prepared: Prepared) -> None:
    """Remove a temporary file `write_temp` made that will not be put in place (gone already: nothing)."""
    with contextlib.suppress(OSError):
        os.unlink(prepared.temp)


def _write_temp(path: str | Path, data: bytes) -> str:
    """A new temporary file beside `path` holding `data`, named and created as `tempfile.mkstemp` does
    (`.<name>.<8 random characters>.tmp`, readable and writable by the owner only) with less work for a
    group of many small files."""
    folder, name = os.path.split(path)
    while True:
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, _TEMP_FLAGS, 0o600)
            break
        except FileExistsError:
            continue
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def atomic_write_many(items: Sequence[tuple[Path, bytes | Prepared, Path | None]]) -> None:
    """Replace each `path` with its `data` (or its `Prepared` temporary file) atomically, keeping the old
    content as `backup` when given, waiting for the disk once for all of them (see the module
    docstring). On a failure the files not yet replaced are left untouched and every temporary file is
    removed, the prepared ones too."""
    if len(items) == 1:
        path, data, backup = items[0]
        if isinstance(data, bytes):
            atomic_write(path, data, backup=backup)
            return
    temps: list[str] = []
    replaced = 0
    try:
        for path, data, _ in items:
            temps.append(data.temp if isinstance(data, Prepared) else _write_temp(path, data))
        _sync_all(temps)
        for (path, _, backup), tmp in zip(items, temps, strict=True):
            _step("replace", path)
            if backup is not None and path.exists():
                keep_backup(path, backup)
            os.replace(tmp, path)
            replaced += 1
            _step("replaced", path)
    finally:
        for tmp in temps[replaced:]:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for _, data, _ in items[len(temps) :]:  # not reached: a temporary file still to be written failed
            if isinstance(data, Prepared):
                discard(data)
    _sync_all(sorted({path.parent for path, _, _ in items}))


def remove_file(path: Path) -> None:
    """Delete `path` (if present) durably: the removal is on disk when this returns."""
    _step("remove", path)
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_dir(path.parent)
