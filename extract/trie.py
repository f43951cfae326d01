"""Literal word sets as prefix-factored regex alternations, shared by the timex and figure scanners."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


class _Trie(dict[str, "_Trie"]):
    """A character trie; the key "" marks the end of a word."""


def _trie(words: Iterable[str]) -> _Trie:
    root = _Trie()
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()
    return root


def trie_regex(words: Iterable[str], char: Callable[[str], str] = re.escape) -> str:
    """A regex matching exactly `words`, factored by common prefixes so the engine branches per letter
    (a longer word is tried before its prefix); `char` writes one character of a word as regex."""
    root = _trie(words)

    def build(node: _Trie) -> str:
        branches = [char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def trie_regex_chains(words: Iterable[str], head: Callable[[str], str], chain: Callable[[str], str]) -> str:
    """`trie_regex(words, head)` with each chain of characters that follows a branch's first one (where
    no word ends and nothing branches) written at once by `chain`: the same alternatives in the same
    order, for a writing of characters that is cheaper to compile as a run (a case-insensitive group)
    but that the regex engine skips slower at the head of a branch."""
    root = _trie(words)

    def build(node: _Trie) -> str:
        branches = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            run = ""
            while len(child) == 1 and "" not in child:
                (nxt, child), *_ = child.items()
                run += nxt
            branches.append(head(ch) + (chain(run) if run else "") + build(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
