"""Temporal expressions: recognition of DATE, TIME, DURATION and SET mentions and their TIMEX3 values.

`find_dates(text, sentences, published, corrections)` scans the text once with `scan` (the rules of
`grammar`, tried only where they can begin), normalises each match with a per-call `normalize.Resolver`
(anchoring relative expressions to `published`, or leaving them unanchored when it is None) and returns
`DateMention`s in text order.
"""

from __future__ import annotations

from datetime import date

from extract.corrections import NO_CORRECTIONS, Corrections
from extract.model import DateMention, Sentence
from extract.timex.normalize import Resolver
from extract.timex.scanner import scan
from extract.timex.values import is_valid_mod, is_valid_value

__all__ = ["find_dates", "is_valid_value"]


def find_dates(
    text: str,
    sentences: list[Sentence] | tuple[Sentence, ...],
    published: date | None = None,
    corrections: Corrections = NO_CORRECTIONS,
) -> list[DateMention]:
    """Every temporal expression of `text`, in order, non-overlapping, with offsets into `text`."""
    resolver = Resolver(text, list(sentences), published)
    forced = corrections.date_values
    out: list[DateMention] = []
    for rule, m in scan(text):
        try:
            timex = resolver.resolve(rule, m)
        except (OverflowError, ValueError):
            continue  # anchored outside the calendar (year 1 or 9999): no calendar value exists
        if timex is None:
            continue
        start, end = m.start(), m.end()
        surface = text[start:end]
        value, anchored = timex.value, timex.anchored
        if surface in forced and is_valid_value(forced[surface]):
            value, anchored = forced[surface], True
        if not is_valid_value(value) or not is_valid_mod(timex.mod):
            continue
        resolver.remember(value, end)
        comparison = resolver.comparison(rule, start)
        out.append(DateMention(start, end, surface, timex.type, value, timex.mod, anchored, comparison))
    return out
