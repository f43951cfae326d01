"""Clause tense around a date expression: the verb marker nearest to it decides PAST, FUTURE or PRESENT.

Used only to pick the direction of bare months, month-days and weekdays ("told ... in December" is the
December before publication; "will ... by January 15" the coming one).
"""

from __future__ import annotations

import re

_FUTURE = (
    r"will|'ll|’ll|shall|would|wo|going\s+to|gonna|expects?|expected|plans?\s+to|planned|plans|scheduled|"
    r"due\s+to|set\s+to|intends?|upcoming|aims?\s+to|hopes?\s+to|next|coming|soon"
)
_IRREGULAR_PAST = (
    "was were had did said told began came went took made saw gave rose fell met won lost sold bought paid "
    "left held led spent sent got thought brought kept ran struck found became hit cut put quit wrote spoke "
    "broke chose drew grew knew threw flew fought caught taught ago been gone done earlier previously "
    "stood sat shot slid sank fled swore tore wore bore forgave froze hid lay rode rang shook stole stuck "
    "stung swept swung woke heard felt meant dealt lent built bent burnt learnt drawn shown known given "
    "taken seen written begun chosen driven spoken broken fallen risen grown thrown flown"
)
_PRESENT = r"is|are|am|says|say|does|do|has|have|'s|’s|now|currently|today"
_MARKER = re.compile(
    rf"\b(?:(?P<fut>{_FUTURE})|(?P<past>{'|'.join(_IRREGULAR_PAST.split())}|(?-i:[a-z]{{2,}}(?<!ne)(?<!ee)(?<!hundr)ed))|"
    rf"(?P<pres>{_PRESENT}))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas)\b|\bthat\b")


def sentence_markers(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, tense) for every tense marker in text[start:end]."""
    out: list[tuple[int, str]] = []
    for m in _MARKER.finditer(text, start, end):
        kind = "FUTURE" if m.group("fut") else "PAST" if m.group("past") else "PRESENT"
        if kind == "PRESENT" and m.group(0).lower() in ("has", "have"):
            kind = "PAST"
        out.append((m.start(), kind))
    return out


def tense_at(markers: list[tuple[int, str]], start: int, end: int) -> tuple[str, float]:
    """The tense of the marker nearest to the span [start, end) and its distance in characters
    (markers after the span count a little further); ("", inf) when the sentence has none."""
    best = ""
    best_distance = float("inf")
    for offset, kind in markers:
        if start <= offset < end:
            continue
        distance = start - offset if offset < start else (offset - end) * 1.5 + 4
        if kind == "FUTURE" and offset < start:
            distance /= 2  # a modal ("will", "would") governs its whole clause
        if distance < best_distance:
            best, best_distance = kind, distance
    return best, best_distance


def has_clause_break(text: str, start: int, end: int) -> bool:
    return _CLAUSE_BREAK.search(text, start, end) is not None
