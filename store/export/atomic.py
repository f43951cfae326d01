"""Atomic file writing for exports: a temporary file in the target folder, fsync, then a rename.

Either the whole new document is in place or the target is untouched; no partial file is left behind.
The target must be a new path or, when replacing is allowed, a regular file: a symbolic link, a FIFO, a
device or a socket is refused (writing "to" /dev/null must not replace /dev/null). A new path is created
exclusively (a hard link of the finished temporary file), so a file that appears meanwhile is not lost.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from store.atomic import fsync_dir
from store.export.errors import ExportError

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.EEXIST: "the file exists",
}


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, (exc.strerror or str(exc)).lower())


def _new_file_mode(target: Path) -> int:
    """The mode the target would get if written normally: its current mode, else 0o666 minus the umask."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class OutputExists(ExportError):
    """The target is an existing regular file and replacing it was not asked for."""


def check_target(path: Path | str, *, replace: bool = False) -> bool:
    """Whether `path` exists (then it is a regular file and `replace` is true); raises ExportError (or
    OutputExists) with a one-line reason for anything else. Does not follow a final symbolic link."""
    target = Path(path)
    try:
        info = target.lstat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
    if stat.S_ISLNK(info.st_mode):
        raise ExportError(
            f"cannot write {target}: it is a symbolic link (give the path of a regular file, or - for stdout)"
        )
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"cannot write {target}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"cannot write {target}: it is not a regular file (a FIFO, device or socket)")
    if not replace:
        raise OutputExists(f"cannot write {target}: the file exists")
    return True


def write_atomic(path: Path | str, data: str | Iterable[str], *, replace: bool = False) -> None:
    """Write `data` (UTF-8; a text, or texts written one after the other as they come) to `path`
    atomically: a new file, or with `replace` also over an existing regular file. Raises ExportError with
    a one-line message on failure (OutputExists when the file exists and `replace` is false); an error
    raised while the texts are made leaves no file either."""
    target = Path(path)
    exists = check_target(target, replace=replace)
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in [data] if isinstance(data, str) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _new_file_mode(target))
        if exists:
            os.replace(tmp_name, target)  # replaces the directory entry: never writes through a link
        else:
            _create(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, FileExistsError):
            check_target(target, replace=replace)  # says what appeared there meanwhile
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
        raise
    fsync_dir(folder)


def _create(tmp_name: str, target: Path) -> None:
    """Put the finished temporary file at `target`, which must not exist (FileExistsError otherwise)."""
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(tmp_name, target)
        return
    os.unlink(tmp_name)
