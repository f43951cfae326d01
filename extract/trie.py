"""Literal word sets as prefix-factored regex alternations, shared by the timex and figure scanners."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


class _Trie(dict[str, "_Trie"]):
    """A character trie; the key "" marks the end of a word."""


def trie_regex(words: Iterable[str], char: Callable[[str], str] = re.escape) -> str:
    """A regex matching exactly `words`, factored by common prefixes so the engine branches per letter
    (a longer word is tried before its prefix); `char` writes one character of a word as regex."""
    root = _Trie()
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()

    def build(node: _Trie) -> str:
        branches = [char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
