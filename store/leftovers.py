"""Removing the temporary files a killed process left in a library folder.

Every library file is written as a temporary file beside it that is then renamed over it
(`store.atomic`): `.<name>.<8 random chars>.tmp`, or `.<name>.bak.<pid>.<8 hex>.tmp` for a backup link.
A process killed between the two leaves that file behind. Only names of this pattern, for the library's
own kinds of file (`.json`, `.json.bak`, `.txt`), in the library's own folders are removed, and only while
this process holds the write lock (every writer holds it while its temporary file exists, so none is in
use) and only if older than the sweep. A `deep` sweep also lists the (many) folders of article texts and
analyses: the library does it when a session opens and before an import, not for every command.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from filelock import BaseFileLock, Timeout

_TEMP = re.compile(r"\..+\.(?:json|json\.bak|txt)\.(?:[a-z0-9_]{8}|\d+\.[0-9a-f]{8})\.tmp")
_SHARD = re.compile(r"[0-9a-f]{2}")
_FLAT = ("user", "annotations", "facts", "across")  # folders of files
_SHARDED = ("bodies", "analysis")  # folders of 2-hex folders of files


def _folders(library: Path, deep: bool) -> Iterator[Path]:
    yield library
    for name in _FLAT:
        yield library / name
    for name in _SHARDED if deep else ():
        with contextlib.suppress(OSError), os.scandir(library / name) as entries:
            for entry in entries:
                if _SHARD.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                    yield Path(entry.path)


def remove_leftover_temp_files(library: Path, lock: BaseFileLock, *, deep: bool = False) -> int:
    """Remove the temporary files killed writers left in `library`; the number removed. Does nothing when
    another process holds `lock` (it may be writing them now). The caller must also keep its own other
    threads from writing meanwhile (a FileLock is re-entrant across the threads sharing it)."""
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return 0
    removed = 0
    try:
        started = time.time()
        for folder in _folders(library, deep):
            try:
                names = [name for name in os.listdir(folder) if name[0] == "." and _TEMP.fullmatch(name)]
            except OSError:
                continue
            for name in names:
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    info = os.lstat(path)
                    if stat.S_ISREG(info.st_mode) and info.st_mtime < started:
                        os.unlink(path)
                        removed += 1
    finally:
        lock.release()
    return removed
