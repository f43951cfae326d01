"""Temporal expressions: recognition of DATE, TIME, DURATION and SET mentions and their TIMEX3 values.

`find_dates(text, sentences, published, corrections)` scans the text once with `scan` (the rules of
`grammar`, tried only where they can begin), drops the matches TimeML does not mark (`nonmarkable`),
normalises each match with a per-call `normalize.Resolver` (anchoring relative expressions to `published`,
or leaving them unanchored when it is None) and returns `DateMention`s in text order. A day number joined
to a month-day ("April 24 and 25", "from May 3 to 5") is a date of its own, in the same month.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from extract.corrections import NO_CORRECTIONS, Corrections
from extract.model import DateMention, Sentence
from extract.timex.lowered import lower_case_twin
from extract.timex.nonmarkable import non_markable
from extract.timex.normalize import Resolver
from extract.timex.scanner import scan_with_twin
from extract.timex.values import is_valid_mod, is_valid_value

__all__ = ["find_dates", "is_valid_value"]

_DAY_RULES = frozenset({"md", "dm"})
# "April 24 and 25", "March 3 or 4", "from May 3 to 5": a second day of the same month, then the clause goes
# on (not "and 25%", not "to 5 million").
_NEXT_DAY = re.compile(
    r"\s+(?:and|or|&|to|through|until|till)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?=\s*[,.;:)\]\"”’']|\s*$|\s+(?:and|or|in|at|to|the|this|last|next|when|while|after|before)\b)"
)


def find_dates(
    text: str,
    sentences: list[Sentence] | tuple[Sentence, ...],
    published: date | None = None,
    corrections: Corrections = NO_CORRECTIONS,
) -> list[DateMention]:
    """Every temporal expression of `text`, in order, non-overlapping, with offsets into `text`."""
    lowered = lower_case_twin(text)  # computed once for the scan and the tense markers
    resolver = Resolver(text, list(sentences), published, lowered)
    forced = corrections.date_values
    starts = [s.start for s in sentences]
    out: list[DateMention] = []
    taken = 0  # where the last mention added without a match of its own ends
    for rule, m in scan_with_twin(text, lowered):
        start, end = m.span()
        if start < taken:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if non_markable(text, rule, start, end, sentences[i].start if i >= 0 else 0):
            continue
        try:
            timex = resolver.resolve(rule, m)
        except (OverflowError, ValueError):
            continue  # anchored outside the calendar (year 1 or 9999): no calendar value exists
        if timex is None:
            continue
        surface = text[start:end]
        value, anchored = timex.value, timex.anchored
        if forced and surface in forced and is_valid_value(forced[surface]):
            value, anchored = forced[surface], True
        if not is_valid_value(value) or not is_valid_mod(timex.mod):
            continue
        resolver.remember(value, end)
        comparison = resolver.comparison(rule, start)
        out.append(DateMention(start, end, surface, timex.type, value, timex.mod, anchored, comparison))
        if rule in _DAY_RULES and (following := _following_day(text, end, value)) is not None:
            at, taken, day = following
            out.append(DateMention(at, taken, text[at:taken], "DATE", day, None, anchored, False))
    return out


def _following_day(text: str, end: int, value: str) -> tuple[int, int, str] | None:
    """The second day of "April 24 and 25" after the month-day ending at `end` whose value is `value`: its
    span and value (the same year and month); None when none follows or it is no later day of that month."""
    m = _NEXT_DAY.match(text, end)
    if m is None or len(value) != 10:
        return None
    day = int(m["d"])
    if day <= int(value[8:10]):
        return None
    following = f"{value[:8]}{day:02d}"
    if not is_valid_value(following):
        return None
    if value[:4].isdigit():
        try:
            date.fromisoformat(following)
        except ValueError:
            return None  # "February 28 and 30"
    return m.start("d"), m.end("d"), following
