"""The short way through a number word that stands alone between two plain words ("... the harbour
million tonnes ..."): what `find._figure_at` would conclude after a dozen regex calls, decided from the
two neighbouring words with a few set look-ups.

A lone word is a cardinal number word other than "one" (a pronoun test applies to it), written in lower
case, with one blank on each side. The word after it must not continue the number (another number word,
"and", "point"), and the word before it must end nothing that a pattern read before a number ends with
(an article, "several", "minus", a qualifier's last word). Then the number is the word's value and
nothing before it joins the figure. When the word after it cannot extend the figure either (a percent,
currency or unit word, "to", "over", "in", ...), the only thing left to read is the noun it counts.
tests/test_figures_lone.py checks against the full path that both give the same figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.figures import lexicon as lx
from extract.figures import patterns as pt
from extract.figures.spelled import parse_spelled

# the next word: ASCII letters, the first in lower case (no currency code or capitalised currency name
# can open there), ending before a character that is no word character
_NEXT_WORD = re.compile(r" ([a-z][A-Za-z]*)(?=[ .,;:\n])")


def _leading_letters(word: str) -> str:
    """The ASCII letters `word` opens with, in lower case: a pattern matching `word` at a plain word
    matches only when that word is exactly these letters (a letter after them would break the match)."""
    m = re.match(r"[A-Za-z]*", word)
    return m.group().lower() if m else ""


def _lowered(words: Iterable[str]) -> set[str]:
    return {w for w in map(_leading_letters, words) if w}


# What may follow a number word and make it a longer number (spelled.py): another number word, a
# connector, a decimal point. The full path reads those.
_CONTINUES_NUMBER = frozenset(
    _lowered(pt.NUMBER_WORDS)
    | _lowered(pt.FRACTION_DENOMS)
    | _lowered(lx.VAGUE_WORDS)
    | _lowered(pt.ORDINAL_TENS_UNITS)
    | {"a", "an", "and", "point"}
)
# What may follow a number and extend the figure (the extensions of find.py): after one of these, the
# figure is read from the number on, without the part before it.
_EXTENDS_FIGURE = frozenset(
    {"pc", "wt", "vol", "per", "percent", "percentage", "pct", "basis", "bps"}  # PERCENT_AFTER
    | _lowered(lx.CURRENCY_WORDS)
    | _lowered(lx.UNIT_SYMBOLS)
    | _lowered(lx.UNIT_NAMES)
    | {"square", "sq", "cubic", "cu", "degrees", "degree", "deg"}  # UNIT_AFTER's leads
    | {"in", "order", "orders", "over", "out", "to", "through"}  # inches, orders of magnitude, ratio, range
)
# The last words of what may be read before a number (an article, a vague determiner, a minus word, a
# qualifier). A qualifier that ends with "." ("approx.", "c.") cannot end right before the blank after a
# letter, which the lone word needs.
_ENDERS = tuple(
    sorted(
        {"a", "an", "several", "few", "of", "many", "some", "minus", "negative"}
        | {q.split()[-1].lower() for q in lx.QUALIFIERS if not q.endswith(".")}
    )
)
_BEFORE_REACH = max(map(len, _ENDERS)) + 1  # a longer word is seen by its ending, which is enough
_values: dict[str, float] = {}


def _lone_values() -> dict[str, float]:
    """The value of each lone word: what `parse_spelled` reads from the word on its own (once)."""
    if not _values:
        words = (set(lx.UNIT_WORDS) | set(lx.TENS_WORDS) | set(lx.SCALE_WORDS)) - lx.VAGUE_WORDS
        for word in sorted(words):
            spelled = parse_spelled(word, 0, len(word))
            if spelled and spelled.kind == "cardinal" and spelled.end == len(word) and spelled.value != 1:
                _values[word] = spelled.value
    return _values


def lone_word(text: str, s: int, limit: int, left: int) -> tuple[int, float, bool, str] | None:
    """The end and value of the lone number word at `s` (see the module's docstring), whether the word
    after it may extend the figure (a unit, a currency, a range...: the extensions must still be tried),
    and that word (after one blank); None when the word is not one and the full path must read it.
    `limit`: where the figure's sentence (or room) ends; `left`: where the text the patterns before the
    number read begins."""
    if s < 2 or text[s - 1] != " ":
        return None
    end = text.find(" ", s, s + 12)  # the longest number word has 10 letters
    if end < 0:
        return None
    value = (_values or _lone_values()).get(text[s:end])
    if value is None:
        return None
    nxt = _NEXT_WORD.match(text, end, limit)
    if nxt is None:
        return None
    word = nxt.group(1)
    after = word.lower()
    if after in _CONTINUES_NUMBER:
        return None
    # the word before: ASCII letters right before the blank, none of them a partner of an ASCII letter
    # under a case-insensitive match ("ſome"), and not ending like anything read before a number
    before = text[max(0, s - 1 - _BEFORE_REACH) : s - 1]
    if not (before[-1:].isalpha() and before.isascii()):
        return None
    lowered = before.lower()
    if lowered.endswith(_ENDERS) and not _inside_word(before, lowered, s - 1 - left):
        return None
    return end, value, after in _EXTENDS_FIGURE, word


def _inside_word(before: str, lowered: str, room: int) -> bool:
    """Every ender that `before` ends with is the tail of a longer word ("spokesman", "handsome"), whose
    letter before it lies in the `room` characters the patterns read: their look-behind (no word character
    before the word they match) fails there."""
    for ender in _ENDERS:
        if lowered.endswith(ender):
            n = len(ender)
            if n >= len(before) or n >= room or not before[-n - 1].isalpha():
                return False
    return True
