"""The signature kept beside a large library file (`articles.json` → `articles.sig.json`): what lets an
unchanged file be read without checking each of its records again.

When the storage writes such a file from tables whose every checked record passed its check
(`store.serialise.RECORD_CHECKS`), it writes, in the same group of atomic replacements and after the
file, a small JSON object: the file's length and CRC-32, the version of the record checks
(`CHECKS_VERSION`) and whether orjson wrote the bytes (`store.fastjson.dumps_telling`). When the storage
reads the file, bytes of exactly that length and CRC mean records already checked: they are not checked
again, and orjson's write-back check is skipped if orjson wrote them. Anything else (no signature, as in
a library written by an earlier version; a hand edit; another program's write; a crash between the two
replacements, which leaves the signature of the previous bytes; damage; stricter checks since) gives no
match, and the file is read and checked in full as before. The signature describes content only, so a
file restored with the very bytes it describes is as good as the one written.

CRC-32 guards against accidents (edits, truncation, bit rot), not against someone forging a file; a
forged file is still parsed as JSON and the list reads every field defensively.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

# Bump whenever a record check gets stricter: signatures made under the older checks stop matching.
CHECKS_VERSION = 1
# Files that get a signature (by name): the large one that every open reads whole.
SIGNED_FILES = frozenset({"articles.json"})


def signature_path(path: Path) -> Path:
    """Where the signature of the file at `path` is kept: `articles.json` → `articles.sig.json`."""
    return path.with_name(path.name.removesuffix(".json") + ".sig.json")


def signature_of(blob: bytes, orjson_wrote: bool) -> bytes:
    """The signature's bytes for a file of `blob` whose checked records all pass their checks."""
    record = {
        "checks": CHECKS_VERSION,
        "length": len(blob),
        "crc32": zlib.crc32(blob),
        "orjson": orjson_wrote,
    }
    return json.dumps(record, separators=(",", ":")).encode("ascii")


def matching(path: Path, blob: bytes) -> bool | None:
    """None unless the signature beside `path` describes `blob` (the bytes just read from `path`): then
    whether orjson wrote them (see the module docstring). A missing or unreadable signature is no match."""
    try:
        record = json.loads(signature_path(path).read_bytes())
        if (
            type(record) is dict
            and record.get("checks") == CHECKS_VERSION
            and record.get("length") == len(blob)
            and record.get("crc32") == zlib.crc32(blob)
        ):
            return record.get("orjson") is True
    except (OSError, ValueError):
        pass
    return None
