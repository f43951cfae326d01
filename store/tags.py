"""The one tag normaliser: what a tag is, wherever tags come from (front matter, the app, the library).

A tag is one line of plain text (`safetext.clean_line`: unsafe characters dropped, white space runs one
space, trimmed); empty tags are dropped and tags that differ only in case are one tag (the first spelling
wins), as `export --tag` and the app's `#tag` filter compare them without case.
"""

from __future__ import annotations

from collections.abc import Iterable

from store.safetext import clean_line


def normalize_tags(tags: Iterable[object]) -> list[str]:
    """['iraq', ' Iraq ', '', 'troops'] -> ['iraq', 'troops']."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in tags:
        tag = clean_line(str(raw))
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return out


def split_tags(text: str) -> list[str]:
    """Tags typed or written on one line, comma-separated: 'iraq, troops,, Iraq ' -> ['iraq', 'troops']."""
    return normalize_tags(text.split(","))
