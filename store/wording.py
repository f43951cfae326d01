"""Counted nouns for messages shared by the app and the commands: '1 article', '2 articles', '0 facts'."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and the noun in the right number; `plural` for nouns that do not just add an s."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
