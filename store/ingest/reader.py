"""Reading one article file into a `ParsedArticle`, refusing what is not a usable UTF-8 text article."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from store.ingest.frontmatter import FrontMatterError, parse_front_matter, split_front_matter
from store.safetext import clean_line

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TITLE_CHARS = 200
_SNIFF_BYTES = 8192
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # not expected in text
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")


class IngestError(ValueError):
    """The file cannot be imported; `str(error)` says why (without the path)."""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    path: str  # absolute path of the file
    title: str
    body: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    body_offset: int = 0  # where the body starts in the decoded file (after front matter)
    warnings: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())  # what the import inferred (a date from the byline, ...)


def _title_from(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return clean_line(_HEADING.sub("", line))
    return ""


def _shorten(title: str) -> str:
    if len(title) > MAX_TITLE_CHARS:
        return title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return title


def _decode(raw: bytes) -> str:
    # UTF-32's little-endian mark starts with UTF-16's, so it is tested first.
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise IngestError("is UTF-32 text; save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("is UTF-16 text; save it as UTF-8")
    sniff = raw[:_SNIFF_BYTES]
    controls = len(sniff) - len(sniff.translate(None, _CONTROL_BYTES))
    # A NUL byte anywhere (a scan of the bytes already in memory, not a second read) means binary data.
    if controls > len(sniff) // 10 or b"\x00" in raw:
        raise IngestError("is a binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def parse_article(text: str, path: str) -> ParsedArticle:
    """Split front matter from `text` and build the article; raises IngestError."""
    if not text.strip():
        raise IngestError("is empty")
    try:
        source, body, offset = split_front_matter(text)
        fields, warnings = parse_front_matter(source) if source is not None else ({}, [])
    except FrontMatterError as exc:
        raise IngestError(str(exc)) from None
    if not body.strip():
        raise IngestError("has front matter but no article text")
    given = fields.pop("title", None)
    title = _shorten(given or _title_from(body))
    notes = () if not given or title == given else (f"title shortened to {MAX_TITLE_CHARS} characters",)
    return ParsedArticle(
        path=path, title=title, body=body, body_offset=offset, warnings=tuple(warnings), notes=notes, **fields
    )


def read_text(path: Path) -> str:
    """The decoded UTF-8 text of one file (a leading byte-order mark removed); raises IngestError with a
    one-line reason for anything that is not a readable text file of at most 10 MB."""
    return _decode(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """The bytes of one regular file of at most 10 MB; raises IngestError with a one-line reason."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError("is a directory, not a text file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device (a link to /dev/zero) would block or never end
        raise IngestError("is not a regular file")
    size = info.st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(f"is {size / 1024 / 1024:.1f} MB; articles are limited to 10 MB")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise IngestError("is larger than 10 MB; articles are limited to 10 MB")
    return raw


def read_article(path: Path) -> ParsedArticle:
    """Read and parse one file; raises IngestError with a one-line reason."""
    from store.ingest import html, plaintext

    if html.is_html_path(path.name):
        return html.parse_html(read_bytes(path), os.path.abspath(path))
    text = read_text(path)
    if not text.strip():
        raise IngestError("is empty")
    return plaintext.refine(parse_article(text, os.path.abspath(path)))
