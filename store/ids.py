"""Stable ids: an article's id is a hash of its URL, else of its normalised text."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from urllib.parse import urlsplit, urlunsplit

ID_HEX = 16  # 64 bits: collisions stay improbable far beyond 100,000 articles


def normalise_text(text: str) -> str:
    """NFC with every run of whitespace collapsed to one space: re-wrapped or re-saved copies match."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def normalise_url(url: str) -> str:
    """Scheme and host lower-cased, fragment and trailing slash dropped."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def article_id(url: str | None, body: str) -> str:
    key = f"url:{normalise_url(url)}" if url else f"text:{normalise_text(body)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX]


def another_article_id(url: str, body: str, attempt: int) -> str:
    """An id for a new article whose URL's id is taken by an article that has another URL now (its file
    was edited): a hash of the URL, the text and `attempt` (1, 2, ... until one is free)."""
    key = f"url:{normalise_url(url)}\ntext:{normalise_text(body)}\n{attempt}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX]


def doc_id(hex_id: str) -> int:
    """The TinyDB document id for a hex id, so documents are found by key without a scan."""
    return int(hex_id, 16)


def key_doc_id(key: str) -> int:
    """A TinyDB document id for a text key (UI state entries)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16)


def new_annotation_id(article_id: str) -> str:
    """Annotation ids start with their article's shard, so the file holding them is known from the id."""
    return article_id[:2] + secrets.token_hex((ID_HEX - 2) // 2)


def shard(hex_id: str) -> str:
    return hex_id[:2]
