"""The library's figure series and conflicts kept on disk, so that a new process answering `series()` or
`conflicts()` (the Markdown export, `briefing series`/`conflicts`) needs neither the digests nor the
library-wide index (`store.across`).

`across/views.cache` (JSON, written atomically; derived data, so not fsynced) holds the series and the
conflicts of the index last built, and what that index was built from: the format of this file, the digest
version, the analyzer version, the fingerprint of the library's corrections, and the key of every article's
digest (`store.across`: the metadata part, then the corrections part). It is trusted only when all of
those are the library's current ones and it names exactly the library's articles, each with the
metadata part of its current key; otherwise (another article, a change to one, a correction, another
analyzer; a digest file changed since, its size or modification time other than when the views were
written; a views file that is missing, does not parse or is not of this layout) it is ignored, the index
is built as before and the file written again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from extract.across.digest import DIGEST_VERSION
from extract.across.model import Conflict, Series, conflict_from_dict, series_from_dict
from store.atomic import atomic_write

FILE = "views.cache"
FORMAT = 1

Views = tuple[list[Series], list[Conflict]]


def header(analyzer: str, corrections: str) -> dict[str, Any]:
    """What a views file must have been built with to answer for the library now."""
    return {"format": FORMAT, "digest": DIGEST_VERSION, "analyzer": analyzer, "corrections": corrections}


def write(
    folder: Path,
    built_with: dict[str, Any],
    keys: dict[str, str],
    series: list[Series],
    conflicts: list[Conflict],
) -> None:
    """Write the views of an index built from the digests with these keys (by article id); OSError
    when it cannot be written."""
    data = {
        **built_with,
        "digests": _signatures(folder),
        "keys": keys,
        "series": [s.to_dict() for s in series],
        "conflicts": [c.to_dict() for c in conflicts],
    }
    folder.mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    atomic_write(folder / FILE, text.encode(), durable=False)


def _signatures(folder: Path) -> dict[str, list[int]]:
    """The size and modification time of each digest file (`<2 hex>.json`) in the folder."""
    found: dict[str, list[int]] = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".json"):
                with contextlib.suppress(OSError):
                    st = entry.stat()
                    found[entry.name] = [st.st_size, st.st_mtime_ns]
    return found


def read(
    folder: Path,
    built_with: dict[str, Any],
    docs: Iterable[dict[str, Any]],
    count: int,
    cheap_key: Callable[[dict[str, Any]], str],
) -> Views | None:
    """The stored views when they answer for the library now (`docs`: its `count` article documents;
    `cheap_key(doc)`: the metadata part of an article's digest key), else None."""
    try:
        raw = (folder / FILE).read_bytes()
    except OSError:
        return None
    with contextlib.suppress(ValueError, TypeError, KeyError, AttributeError):
        data = json.loads(raw)
        if any(data.get(name) != value for name, value in built_with.items()):
            return None
        if data["digests"] != _signatures(folder):
            return None  # a digest file changed (written again, damaged) since: built again
        keys = data["keys"]
        if not isinstance(keys, dict) or len(keys) != count:
            return None
        for doc in docs:
            key = keys.get(doc["id"])
            if not isinstance(key, str) or not key.startswith(cheap_key(doc)):
                return None
        series = [series_from_dict(s) for s in data["series"]]
        return series, [conflict_from_dict(c) for c in data["conflicts"]]
    return None  # damaged or of another layout: built again
