"""Finding grammar matches fast: a start filter, then only the rules that can begin with the next characters.

Scanning with one alternation of every rule costs a trip through all ~30 alternatives at each of the many
positions where an expression may start. Instead, a start-filter regex finds those positions, and the
first `KEY_CHARS` characters there (lower-cased, digits folded to "0", spaces to " ") select the rules
whose possible openings agree with them; only those are tried, in grammar order. The openings are computed
from each rule's parsed regex by `compute_openings` and stored at build time in
extract/data/timex_openings.json. The result is exactly what the ordered alternation of all rules finds:
the selection only leaves out rules that cannot match at that position, and characters outside ASCII
(where case-insensitive matching has exceptions) fall back to trying every rule.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import MappingProxyType

from extract.timex.grammar import FLAGS, RULES, rule_pattern
from extract.timex.lexicon import FOLLOWERS, START_WORDS
from extract.trie import trie_regex

KEY_CHARS = 8
OPENINGS_FILE = Path(__file__).resolve().parent.parent / "data" / "timex_openings.json"
_SPACE_CHARS = "".join(chr(c) for c in range(128) if chr(c).isspace())
_FOLD = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" + _SPACE_CHARS,
    "0" * 10 + "abcdefghijklmnopqrstuvwxyz" + " " * len(_SPACE_CHARS),
)
_NOT_FOLDABLE = re.compile(r"[^\x00-\x7f’]")

# (prefix, closed): `closed` when what follows the prefix is unconstrained (a wildcard was reached).
_Openings = frozenset[tuple[str, bool]]
_OPEN_END: _Openings = frozenset({("", False)})
_ANYTHING: _Openings = frozenset({("", True)})


_MAX_OPENINGS = 4000  # beyond this a rule's openings are computed for fewer characters (cheaper start-up)


class _TooMany(Exception):
    """A rule has too many distinct openings of the length tried."""


def _fold(s: str) -> str:
    return s.translate(_FOLD)


def _class_chars(items: list[tuple[object, object]]) -> set[str] | None:
    """The folded characters a character class accepts; None when it accepts (too) many."""
    out: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            out.add(_fold(chr(arg)))  # type: ignore[arg-type]
        elif op is sre.RANGE:
            lo, hi = arg  # type: ignore[misc]
            if hi - lo > 64:
                return None
            out.update(_fold(chr(c)) for c in range(lo, hi + 1))
        elif op is sre.CATEGORY and arg in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
            out.add("0")
        elif op is sre.CATEGORY and arg in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
            out.add(" ")
        else:
            return None  # a negated class, \w, ...
    return out


def _concat(head: _Openings, tail: Callable[[int], _Openings], limit: int) -> _Openings:
    """Every opening of `head` followed by `tail`, cut to `limit` characters; the tail's openings are
    only computed as long as the shortest open head still needs."""
    shortest = min((len(p) for p, closed in head if not closed), default=limit)
    if shortest >= limit:
        return head
    more = tail(limit - shortest)
    out: set[tuple[str, bool]] = set()
    for prefix, closed in head:
        if closed:
            out.add((prefix, True))
            continue
        for rest, rest_closed in more:
            joined = prefix + rest
            out.add((joined[:limit], True) if len(joined) >= limit else (joined, rest_closed))
        if len(out) > _MAX_OPENINGS:
            raise _TooMany
    return frozenset(out)


def _sequence(items: sre_parse.SubPattern | list[tuple[object, object]], limit: int) -> _Openings:
    acc = _OPEN_END
    for op, arg in items:
        acc = _concat(acc, lambda need, op=op, arg=arg: _item(op, arg, need), limit)
        if all(closed for _, closed in acc):
            break
    return acc


def _item(op: object, arg: object, limit: int) -> _Openings:
    """The openings (at most `limit` characters) of one parsed regex item."""
    if op is sre.LITERAL:
        return frozenset({(_fold(chr(arg)), limit <= 1)})  # type: ignore[arg-type]
    if op is sre.IN:
        chars = _class_chars(arg)  # type: ignore[arg-type]
        return _ANYTHING if chars is None else frozenset((c, limit <= 1) for c in chars)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _OPEN_END  # zero-width: ignoring the condition only widens the selection
    if op is sre.SUBPATTERN:
        return _sequence(arg[3], limit)  # type: ignore[index]
    if op is sre.BRANCH:
        return frozenset().union(*(_sequence(alt, limit) for alt in arg[1]))  # type: ignore[index]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg  # type: ignore[misc]
        out: set[tuple[str, bool]] = set(_OPEN_END) if low == 0 else set()
        current = _OPEN_END
        for count in range(1, min(high, limit + 1) + 1):
            current = _concat(current, lambda need: _sequence(body, need), limit)
            if count >= low:
                out |= current
        if high > limit + 1:
            out |= {(p, True) for p, _ in current}
        return frozenset(out)
    return _ANYTHING


def compute_openings(rule: str) -> frozenset[str]:
    """Every folded start of at most `KEY_CHARS` characters that a match of `rule` can begin with; a
    match's folded first characters always start with one of them (shorter ones are followed by anything)."""
    parsed = sre_parse.parse(dict(RULES)[rule], FLAGS)
    for length in range(KEY_CHARS, 1, -1):
        try:
            return frozenset(prefix for prefix, _ in _sequence(parsed, length))
        except _TooMany:
            continue  # shorter openings select a little less sharply
    return frozenset({""})  # no selection: the rule is tried everywhere


def grammar_digest() -> str:
    """Identifies the grammar and selection settings the stored openings were computed for."""
    source = repr((KEY_CHARS, _MAX_OPENINGS, RULES)).encode("utf-8")
    return hashlib.sha256(source).hexdigest()[:16]


@cache
def _stored_openings() -> MappingProxyType[str, frozenset[str]] | None:
    """The openings generated at build time (build_openings.py), unless the grammar changed since."""
    try:
        stored = json.loads(OPENINGS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("digest") != grammar_digest():
        return None
    return MappingProxyType({rule: frozenset(found) for rule, found in stored["openings"].items()})


@cache
def openings(rule: str) -> frozenset[str]:
    """`compute_openings(rule)`, read from the generated file when it matches the grammar (computing all
    of them takes a noticeable fraction of a second at start-up)."""
    stored = _stored_openings()
    if stored is not None and rule in stored:
        return stored[rule]
    return compute_openings(rule)


@lru_cache(maxsize=8192)
def candidates(key: str) -> tuple[str, ...]:
    """The rules, in grammar order, that may match where the text continues with `key`."""
    if len(key) < KEY_CHARS or _NOT_FOLDABLE.search(key):
        return tuple(name for name, _ in RULES)  # end of text or non-ASCII: try everything
    folded = _fold(key)
    heads = {folded[:n] for n in range(KEY_CHARS + 1)}
    return tuple(name for name, _ in RULES if not heads.isdisjoint(openings(name)))


_Matcher = Callable[[str, int], "re.Match[str] | None"]


@lru_cache(maxsize=8192)
def _matchers(key: str) -> tuple[tuple[str, _Matcher], ...]:
    return tuple((name, rule_pattern(name).match) for name in candidates(key))


_BOUNDARY = r"(?<![\w$€£#@/-])"  # an expression never starts inside a word, an amount or a path


def _start_lookahead() -> str:
    # Every position no rule can begin at is rejected by one trie-shaped test: a digit or apostrophe, a
    # start word, or a frequent function word followed by a word that can continue an expression.
    guarded = [
        rf"{word}\s+(?:[\d'’]|{trie_regex(after)}s?(?![a-z]))" for word, after in sorted(FOLLOWERS.items())
    ]
    free = trie_regex(START_WORDS - set(FOLLOWERS))
    return rf"(?=[\d'’]|(?:{'|'.join(guarded)})|{free}s?(?![a-z]))"


@cache
def start_filter() -> re.Pattern[str]:
    """Positions where an expression may start; compiled on first use (a large regex)."""
    return re.compile(_BOUNDARY + _start_lookahead(), FLAGS)


def scan(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """(rule name, match) for each expression, left to right, non-overlapping; at each position the first
    rule (in grammar order) that matches wins, as in one ordered alternation of all rules."""
    search = start_filter().search
    pos = 0
    while (hit := search(text, pos)) is not None:
        at = hit.start()
        for rule, match in _matchers(text[at : at + KEY_CHARS]):
            m = match(text, at)
            if m is not None:
                yield rule, m
                pos = max(m.end(), at + 1)
                break
        else:
            pos = at + 1
