"""Atomic file writing for exports: a temporary file in the target folder, fsync, then os.replace.

Either the whole new document is in place or the target is untouched; no partial file is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
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


def write_atomic(path: Path | str, data: str) -> None:
    """Write `data` (UTF-8) to `path` atomically. Raises ExportError with a one-line message on failure."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _new_file_mode(target))
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
        raise
    fsync_dir(folder)
