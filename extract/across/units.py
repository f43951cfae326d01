"""What a figure counts, normalised, so that figures of different articles can be compared.

`count_class` reads a cardinal figure's counted noun and the words around it in its sentence and returns
a class name ("troops", "displaced", "killed", ...) or None when the figure counts nothing we compare.
Deliberately a short closed list: a figure of an unknown kind never joins a series (a wrong series is
worse than none). Money, percentages, fractions, measurements and vague amounts are never counted here.
"""

from __future__ import annotations

import re

# Counted nouns that are a class by themselves (troops / forces / soldiers are the same thing).
_NOUN_CLASSES: dict[str, str] = {
    "troops": "troops",
    "troop": "troops",
    "forces": "troops",
    "soldiers": "troops",
    "service members": "troops",
    "servicemembers": "troops",
    "military personnel": "troops",
    "displaced": "displaced",
    "evacuees": "displaced",
    "refugees": "displaced",
    "deaths": "killed",
    "dead": "killed",
    "fatalities": "killed",
    "casualties": "killed",
    "injuries": "injured",
    "injured": "injured",
    "wounded": "injured",
}

# Counted nouns that need the predicate to say what happened to them ("people ... out of their homes").
_PEOPLE = frozenset(
    {"people", "persons", "residents", "villagers", "civilians", "inhabitants", "families", "households"}
)

# What happened to them, read in the words after the figure (and, for deaths, just before it).
_PREDICATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "displaced",
        re.compile(
            r"\b(?:displaced|displacement|evacuated|homeless"
            r"|(?:moved |forced |driven )?out of (?:their )?homes"
            r"|(?:living |staying |sheltering )?in (?:\w+ )?(?:shelters|camps)"
            r"|fled (?:their )?homes)\b",
            re.IGNORECASE,
        ),
    ),
    ("killed", re.compile(r"\b(?:killed|died|dead|lost their lives|death toll)\b", re.IGNORECASE)),
    ("injured", re.compile(r"\b(?:injured|wounded|hurt)\b", re.IGNORECASE)),
    ("missing", re.compile(r"\b(?:missing|unaccounted for)\b", re.IGNORECASE)),
)

# Just before the figure: "killed 85 people", "the death toll rose to 131", "its troops to 2,500".
_BEFORE = re.compile(
    r"(?:\b(?P<killed>killed|killing|kills|death toll(?:,? \w+){0,4} (?:to|at|of)"
    r"|toll(?:,? \w+){0,3} (?:to|at))"
    r"|\b(?P<noun>troops|forces|soldiers)(?: \w+)? (?:to|at|from|of|by))\s*$",
    re.IGNORECASE,
)

# Where the figure's clause ends, in the words after it: what happened to the count is read before it.
_CLAUSE_END = re.compile(r"[;:(]|, (?:and|but|while|as|over|up|down)\b")

# A sentence that refers back to the previous count: "The number was drawn down to 3,000".
_ANAPHOR = re.compile(r"^\W*(?:the|that|this) (?:number|figure|count|total|tally)\b", re.IGNORECASE)

# What a figure's qualifier word means for comparisons, plus "peak" read just before the figure.
_PEAK = re.compile(r"\bpeak(?:ed)?(?: of| at)?\s*$", re.IGNORECASE)

_COUNTABLE_KINDS = frozenset({"cardinal"})
AFTER_WINDOW = 70
BEFORE_WINDOW = 45


def noun_class(unit: str | None) -> str | None:
    """The class of a counted noun by itself ("US troops" -> "troops"), None when it needs context."""
    if not unit:
        return None
    words = unit.casefold().split()
    for size in (2, 1):
        if len(words) >= size:
            tail = " ".join(words[-size:])
            if tail in _NOUN_CLASSES:
                return _NOUN_CLASSES[tail]
    return None


def count_class(kind: str, unit: str | None, before: str, after: str) -> str | None:
    """The class of what a figure counts, or None. `before`/`after` are the sentence's text before and
    after the figure (only the last `BEFORE_WINDOW` and first `AFTER_WINDOW` characters are read)."""
    if kind not in _COUNTABLE_KINDS:
        return None
    found = noun_class(unit)
    if found is not None:
        return found
    head = unit.casefold().split()[-1] if unit else None
    if head is not None and head not in _PEOPLE:
        return None  # "112 temporary shelters", "60 communes": counted, but not a class we compare
    if m := _BEFORE.search(before[-BEFORE_WINDOW:]):
        if m.group("killed"):
            return "killed"
        return _NOUN_CLASSES[m.group("noun").casefold()]
    near_after = after[:AFTER_WINDOW]
    if cut := _CLAUSE_END.search(near_after):
        near_after = near_after[: cut.start()]
    for name, pattern in _PREDICATES:
        if pattern.search(near_after):
            return name
    return None


def is_anaphoric(sentence_head: str) -> bool:
    """Whether a sentence starts by referring back to a count ("The number ...", "The figure ...")."""
    return _ANAPHOR.match(sentence_head) is not None


def peak_before(before: str) -> bool:
    """Whether the figure is introduced as a peak ("a peak of 41,600", "peaked at 41,600")."""
    return _PEAK.search(before[-20:]) is not None


INCIDENT_CLASSES = frozenset({"displaced", "killed", "injured", "missing"})
"""Classes that count the toll of an event: their subject may be the article's event."""
