"""Counts in the app's messages: "1 article", "3 articles", "1 fact" (never "1 articles")."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and the noun, singular for exactly one ("1 name", "0 names", "2 names")."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"
