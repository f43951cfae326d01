"""The lower-cased twin of a text, on which lower-case patterns run case-sensitively instead of IGNORECASE.

Speed: an IGNORECASE pattern maps the case of every character it reads and cannot drop a branch of an
alternation at its first letter; the same pattern without the flag, on the lower-cased text, does both
cheaply (the date layer's start filter and tense markers run about twice as fast). The twin is computed
once per text and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from sys import maxsize

# Letters that IGNORECASE matches to an ASCII letter although lower() leaves them as they are: dotless i
# ("ı" ~ "i") and long s ("ſ" ~ "s"). Checked with `in`, which costs nothing on an ASCII text.
_CASE_EXCEPTIONS = ("\u0131", "\u017f")

ASCII_AS_IGNORECASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
"""For `str.translate`: the letters that IGNORECASE matches to an ASCII letter whose lower() is another
character ("İ" lowers to two, "ı" and "ſ" stay as they are), written as that letter; the only others
("K", the kelvin sign) lower() already maps to it. So a word an IGNORECASE pattern found is looked up in
a table of lower-case words as the pattern read it: `word.translate(ASCII_AS_IGNORECASE).lower()`."""


def lower_case_twin(text: str) -> str | None:
    """`text.lower()` when a pattern whose letters are all lower case (ASCII) finds, case-sensitively in it,
    exactly what it finds with IGNORECASE in `text`, at the same offsets; else None.

    lower() keeps the offsets unless a character grows ("İ" becomes two: the length changes); it maps
    every character as IGNORECASE compares it except for `_CASE_EXCEPTIONS`; \\w, \\s and \\d hold for a
    character exactly when they hold for its lower case (checked over all of Unicode when this was
    written).
    """
    lowered = text.lower()
    if len(lowered) != len(text) or any(c in text for c in _CASE_EXCEPTIONS):
        return None
    return lowered


class CaselessPattern:
    """A pattern whose letters are all lower case, matched as with IGNORECASE: case-sensitively in the
    text's lower-case twin when the caller has one (faster), else with IGNORECASE in the text itself.
    Either way the spans are the same (the groups of a twin's match hold lower-cased text)."""

    def __init__(self, source: str) -> None:
        self.ignoring_case = re.compile(source, re.IGNORECASE)
        self.lower_case = re.compile(source)

    def search(
        self, text: str, lowered: str | None, pos: int = 0, endpos: int = maxsize
    ) -> re.Match[str] | None:
        if lowered is None:
            return self.ignoring_case.search(text, pos, endpos)
        return self.lower_case.search(lowered, pos, endpos)

    def finditer(
        self, text: str, lowered: str | None, pos: int = 0, endpos: int = maxsize
    ) -> Iterator[re.Match[str]]:
        if lowered is None:
            return self.ignoring_case.finditer(text, pos, endpos)
        return self.lower_case.finditer(lowered, pos, endpos)
