"""Finding grammar matches fast: a start filter, then only the rules that can begin with the next characters.

Scanning with one alternation of every rule costs a trip through all ~30 alternatives at each of the many
positions where an expression may start. Instead, a start-filter regex finds those positions, and the
first `KEY_CHARS` characters there (lower-cased, digits folded to "0", spaces to " ") select the rules
whose possible openings agree with them; only those are tried, in grammar order. The openings are computed
at build time from each rule's parsed regex (tools/build_openings.py) and stored in
extract/data/timex_openings.json. The result is exactly what the ordered alternation of all rules finds:
the selection only leaves out rules that cannot match at that position, and characters outside ASCII
(where case-insensitive matching has exceptions) fall back to trying every rule. A rule without stored
openings (the file missing, or made for another grammar) is tried everywhere: slower, never different.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from extract.timex.grammar import FLAGS, RULES, rule_pattern
from extract.timex.lexicon import FOLLOWERS, START_WORDS
from extract.timex.lowered import lower_case_twin
from extract.trie import trie_regex

KEY_CHARS = 8
OPENINGS_FILE = Path(__file__).resolve().parent.parent / "data" / "timex_openings.json"
_SPACE_CHARS = "".join(chr(c) for c in range(128) if chr(c).isspace())
_FOLD = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" + _SPACE_CHARS,
    "0" * 10 + "abcdefghijklmnopqrstuvwxyz" + " " * len(_SPACE_CHARS),
)
_NOT_FOLDABLE = re.compile(r"[^\x00-\x7f’]")
_MAX_OPENINGS = 4000  # beyond this a rule's openings are computed for fewer characters (tools/build_openings)


def fold(s: str) -> str:
    """Lower-case ASCII letters, every digit "0", every ASCII space " ": the form openings are kept in."""
    return s.translate(_FOLD)


def grammar_digest() -> str:
    """Identifies the grammar and selection settings the stored openings were computed for."""
    source = repr((KEY_CHARS, _MAX_OPENINGS, RULES)).encode("utf-8")
    return hashlib.sha256(source).hexdigest()[:16]


@cache
def _stored_openings() -> MappingProxyType[str, frozenset[str]] | None:
    """The openings generated at build time (tools/build_openings.py), unless the grammar changed since."""
    try:
        stored = json.loads(OPENINGS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("digest") != grammar_digest():
        return None
    return MappingProxyType({rule: frozenset(found) for rule, found in stored["openings"].items()})


_EVERYWHERE: frozenset[str] = frozenset({""})  # the empty opening: the rule may start anywhere


@cache
def openings(rule: str) -> frozenset[str]:
    """Every folded start of at most `KEY_CHARS` characters that a match of `rule` can begin with (a
    match's folded first characters always start with one of them), as generated at build time; when the
    generated file does not fit the grammar, the empty opening, so that the rule is tried everywhere."""
    stored = _stored_openings()
    if stored is not None and rule in stored:
        return stored[rule]
    return _EVERYWHERE


@lru_cache(maxsize=8192)
def candidates(key: str) -> tuple[str, ...]:
    """The rules, in grammar order, that may match where the text continues with `key`."""
    if len(key) < KEY_CHARS or _NOT_FOLDABLE.search(key):
        return tuple(name for name, _ in RULES)  # end of text or non-ASCII: try everything
    folded = fold(key)
    heads = {folded[:n] for n in range(KEY_CHARS + 1)}
    return tuple(name for name, _ in RULES if not heads.isdisjoint(openings(name)))


_Matcher = Callable[[str, int], "re.Match[str] | None"]


@lru_cache(maxsize=8192)
def _matchers(key: str) -> tuple[tuple[str, _Matcher], ...]:
    return tuple((name, rule_pattern(name).match) for name in candidates(key))


_NOT_AFTER = r"\w$€£#@/-"  # an expression never starts after these: inside a word, an amount or a path
_BOUNDARY = rf"(?<![{_NOT_AFTER}])"


@cache
def _start_lookahead() -> str:
    # Every position no rule can begin at is rejected by one trie-shaped test: a digit or apostrophe, a
    # start word, or a frequent function word followed by a word that can continue an expression.
    guarded = [
        rf"{word}\s+(?:[\d'’]|{trie_regex(after)}s?(?![a-z]))" for word, after in sorted(FOLLOWERS.items())
    ]
    free = trie_regex(START_WORDS - set(FOLLOWERS))
    return rf"(?=[\d'’]|(?:{'|'.join(guarded)})|{free}s?(?![a-z]))"


@cache
def _first_letter_lookahead() -> str:
    """`_start_lookahead` written as one alternation with a branch per first letter, each holding the
    start words and the guarded function words that begin with it: true at exactly the same positions (a
    look-ahead only asks whether some branch matches). Speed: every branch opens with its letter, which
    the engine compares before entering it, where the guarded words and the other start words were two
    nested alternations entered at every candidate position (16% fewer instructions for the filter over
    bench_import's articles)."""
    free = START_WORDS - set(FOLLOWERS)
    branches = []
    for letter in sorted({word[0] for word in START_WORDS}):
        tails = (
            [trie_regex(rests) + r"s?(?![a-z])"] if (rests := {w[1:] for w in free if w[0] == letter}) else []
        )
        tails += [
            re.escape(word[1:]) + rf"\s+(?:[\d'’]|{trie_regex(after)}s?(?![a-z]))"
            for word, after in sorted(FOLLOWERS.items())
            if word[0] == letter
        ]
        branches.append(re.escape(letter) + (tails[0] if len(tails) == 1 else f"(?:{'|'.join(tails)})"))
    return rf"(?=[\d'’]|{'|'.join(branches)})"


@cache
def start_filter() -> re.Pattern[str]:
    """Positions where an expression may start; compiled on first use (a large regex)."""
    return re.compile(_BOUNDARY + _start_lookahead(), FLAGS)


# The characters `_NOT_AFTER` leaves out (an expression may follow them): every ASCII character but a
# letter, a digit and _$#@/-, and every other character, of which _NOT_AFTER_CHAR then turns down the few
# that are \w, € or £. Written as the complement of those few ASCII ones: a class of ranges up to U+10FFFF
# costs the compiler a table of the first 65,536 characters filled one by one (about 8 ms at start-up); a
# negated class of ASCII characters is a 256-bit table, as fast to match.
_NOT_BEFORE_START = "0-9A-Za-z_$#@/-"
_NOT_AFTER_CHAR = re.compile(f"[{_NOT_AFTER}]")


@cache
def _lower_case_filter() -> re.Pattern[str]:
    """`start_filter` for a lower-cased text, case-sensitive (its words are all lower case): after a
    character an expression may follow (the match is that character), or after any character outside
    ASCII (`scan_with_twin` turns down the \\w, € and £ among them). Speed: it begins with a character
    class, which the engine scans for in C, skipping the letters inside words, instead of trying a
    look-behind at every character; and that class is a table look-up, where \\w asks Unicode's tables
    about each character. At the start of the text it is matched against the text behind a blank: its
    look-ahead reads only what follows, so no second large regex is compiled for that."""
    return re.compile(f"[^{_NOT_BEFORE_START}]{_first_letter_lookahead()}")


def _start_hits(text: str, lowered: str | None) -> Iterator[re.Match[str]]:
    """A match starting at each position of `text` that `start_filter` finds, in order; found in `lowered`
    (the text's `lower_case_twin`) case-sensitively when there is one (faster, the same). Speed: one
    `finditer` over the whole text instead of a search (and a Python call) from each position the scan
    reaches; the scan skips the starts inside an expression it has matched."""
    if lowered is None:
        return start_filter().finditer(text)
    # Behind a blank, a start at offset k of the text is a match of the filter at offset k (it consumes
    # the character before the start; its look-ahead reads only what follows).
    return _lower_case_filter().finditer(" " + lowered)


def scan(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """(rule name, match) for each expression, left to right, non-overlapping; at each position the first
    rule (in grammar order) that matches wins, as in one ordered alternation of all rules."""
    return scan_with_twin(text, lower_case_twin(text))


def scan_with_twin(text: str, lowered: str | None) -> Iterator[tuple[str, re.Match[str]]]:
    """`scan` given the text's `lower_case_twin` (computed once by the caller, who uses it too)."""
    pos = 0
    for hit in _start_hits(text, lowered):
        if (at := hit.start()) < pos:
            continue  # inside the expression matched last
        if (before := hit.group()) > "\x7f" and _NOT_AFTER_CHAR.match(before):
            continue  # a letter or digit outside ASCII, € or £ (found by _lower_case_filter)
        for rule, match in _matchers(text[at : at + KEY_CHARS]):
            m = match(text, at)
            if m is not None:
                yield rule, m
                pos = m.end()
                break
