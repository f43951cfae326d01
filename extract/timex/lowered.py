"""The lower-cased twin of a text, on which lower-case patterns run case-sensitively instead of IGNORECASE.

Speed: an IGNORECASE pattern maps the case of every character it reads and cannot drop a branch of an
alternation at its first letter; the same pattern without the flag, on the lower-cased text, does both
cheaply (the date layer's start filter and tense markers run about twice as fast). The twin is computed
once per text and shared.
"""

from __future__ import annotations

# Letters that IGNORECASE matches to an ASCII letter although lower() leaves them as they are: dotless i
# ("ı" ~ "i") and long s ("ſ" ~ "s"). Checked with `in`, which costs nothing on an ASCII text.
_CASE_EXCEPTIONS = ("\u0131", "\u017f")


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
