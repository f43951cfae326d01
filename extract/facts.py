"""Dated facts: one per dated statement, with the calendar interval its date covers, for the timeline.

`interval(value, mod, published)` maps a TIMEX3 value (and mod) to the closed interval of days it
covers, None on an open or unknown side; `build_facts` ties each DATE/TIME mention to its sentence, the
canonical entity names and the figures of that sentence, and orders the facts by interval start, finer
granularity first within the same start. A fact keeps its sentence whole up to `WHOLE_LIMIT` characters
and stores a bounded excerpt around its date beyond that, so output stays linear in the text.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from extract.figures.phrase import figure_phrase
from extract.model import DateMention, Entity, Fact, Figure, Sentence

Interval = tuple[date | None, date | None]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-([1-7]|WE))?(?:T.*)?")
_DECADE = re.compile(r"(\d{3})X")
_CENTURY = re.compile(r"(\d{2})XX")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}

# Longest sentence a fact stores whole (longer than any sentence of the samples or the development sets);
# of a longer one it stores at most EXCERPT_LIMIT characters around the date, cut at whitespace, and "…"
# where it was cut.
WHOLE_LIMIT = 640
EXCERPT_LIMIT = 360
ELLIPSIS = "…"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _base_interval(value: str, published: date | None) -> Interval:
    if value == "PRESENT_REF":
        return (published, published)
    if value == "PAST_REF":
        return (None, published)
    if value == "FUTURE_REF":
        return (published, None)
    try:
        if m := _DAY.fullmatch(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return (d, d)
        if m := _MONTH.fullmatch(value):
            year, month = int(m[1]), int(m[2])
            return (date(year, month, 1), _month_end(year, month))
        if m := _YEAR.fullmatch(value):
            year = int(m[1])
            return (date(year, 1, 1), date(year, 12, 31))
        if m := _PART.fullmatch(value):
            year, part = int(m[1]), m[2]
            if part[0] == "Q":
                q = int(part[1])
                return (date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
            if part[0] == "H":
                h = int(part[1])
                return (date(year, 6 * h - 5, 1), _month_end(year, 6 * h))
            if part == "WI":
                return (date(year, 12, 1), _month_end(year + 1, 2))
            first, last = _SEASON_MONTHS[part]
            return (date(year, first, 1), _month_end(year, last))
        if m := _WEEK.fullmatch(value):
            year, week, day = int(m[1]), int(m[2]), m[3]
            if day == "WE":
                return (date.fromisocalendar(year, week, 6), date.fromisocalendar(year, week, 7))
            if day:
                d = date.fromisocalendar(year, week, int(day))
                return (d, d)
            return (date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7))
        if m := _DECADE.fullmatch(value):
            decade = int(m[1]) * 10
            return (date(max(decade, 1), 1, 1), date(decade + 9, 12, 31))
        if m := _CENTURY.fullmatch(value):
            century = int(m[1]) * 100
            return (date(max(century, 1), 1, 1), date(century + 99, 12, 31))
    except ValueError:
        return (None, None)
    return (None, None)


def interval(value: str, mod: str | None = None, published: date | None = None) -> Interval:
    """The closed interval of days a TIMEX3 `value` covers, narrowed or opened by `mod`.

    Durations, sets and values with unknown parts (``XXXX-12``) give (None, None); PRESENT/PAST/FUTURE_REF
    are anchored on `published` when it is given. START/MID/END take the first/middle/last third.
    """
    start, end = _base_interval(value, published)
    if start is None or end is None:
        return (start, end)
    try:
        return _narrow(start, end, mod)
    except OverflowError:  # the day before year 1 or after year 9999
        return (start, end)


@lru_cache(maxsize=4096)
def _interval_iso(value: str, mod: str | None, published: date | None) -> tuple[str | None, str | None]:
    """`interval` as ISO strings; cached, as articles repeat their dates."""
    start, end = interval(value, mod, published)
    return (start.isoformat() if start else None, end.isoformat() if end else None)


def _narrow(start: date, end: date, mod: str | None) -> Interval:
    days = (end - start).days + 1
    third = days // 3
    if mod == "START" and third:
        return (start, start + timedelta(days=third - 1))
    if mod == "MID" and third:
        return (start + timedelta(days=third), end - timedelta(days=third))
    if mod == "END" and third:
        return (end - timedelta(days=third - 1), end)
    if mod == "BEFORE":
        return (None, start - timedelta(days=1))
    if mod == "AFTER":
        return (end + timedelta(days=1), None)
    if mod == "ON_OR_BEFORE":
        return (None, end)
    if mod == "ON_OR_AFTER":
        return (start, None)
    return (start, end)


def _sentence_for(sentences: Sequence[Sentence], starts: list[int], offset: int, end: int) -> Sentence:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].contains(offset):
        return sentences[i]
    return Sentence(offset, end)


class _Spans:
    """(start, end, label) spans; `within` gives the distinct labels of those inside a sentence, in the
    order given (a binary search when the spans are sorted by start, as every layer returns them)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self.starts = [start for start, _, _ in spans]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def within(self, sentence: Sentence) -> tuple[str, ...]:
        lo, hi = 0, len(self.spans)
        if self.ordered:
            lo = bisect.bisect_left(self.starts, sentence.start)
            hi = bisect.bisect_right(self.starts, sentence.end)
        inside = (
            label
            for start, end, label in self.spans[lo:hi]
            if sentence.start <= start and end <= sentence.end
        )
        return tuple(dict.fromkeys(inside))


def excerpt(text: str, sentence: Sentence, start: int, end: int) -> tuple[str, int | None]:
    """The fact text for a date at [start, end) in `sentence`: the whole sentence up to `WHOLE_LIMIT`
    characters, else at most `EXCERPT_LIMIT` characters around the date cut at whitespace, with "…" marking
    each cut; and the article offset that the text's index 0 stands for (None for the whole sentence)."""
    if sentence.end - sentence.start <= WHOLE_LIMIT:
        return text[sentence.start : sentence.end], None
    room = max(0, EXCERPT_LIMIT - (end - start))
    lo = max(sentence.start, start - room // 2)
    hi = min(sentence.end, lo + (end - start) + room)
    lo = max(sentence.start, min(lo, hi - EXCERPT_LIMIT))
    if lo > sentence.start:  # begin at a word: after the first whitespace, unless that passes the date
        gap = _first_space(text, lo, start)
        lo = gap + 1 if gap != -1 else lo
    if hi < sentence.end:  # end at a word: before the last whitespace, unless that cuts into the date
        gap = _last_space(text, end, hi)
        hi = gap if gap != -1 else hi
    body = text[lo:hi].strip()
    lead = len(text[lo:hi]) - len(text[lo:hi].lstrip())
    head = ELLIPSIS if lo > sentence.start else ""
    tail = ELLIPSIS if hi < sentence.end else ""
    return head + body + tail, lo + lead - len(head)


def _first_space(text: str, lo: int, hi: int) -> int:
    for i in range(lo, hi):
        if text[i].isspace():
            return i
    return -1


def _last_space(text: str, lo: int, hi: int) -> int:
    for i in range(hi - 1, lo - 1, -1):
        if text[i].isspace():
            return i
    return -1


def _order_key(fact: Fact) -> tuple[int, date, int, int]:
    start = date.fromisoformat(fact.start_date) if fact.start_date else None
    end = date.fromisoformat(fact.end_date) if fact.end_date else None
    if start is None and end is None:
        return (3, date.min, 0, fact.date.start)
    if start is None:
        return (0, date.min, 0, fact.date.start)
    if end is None:
        return (2, start, 0, fact.date.start)
    return (1, start, (end - start).days, fact.date.start)


def build_facts(
    text: str,
    sentences: Sequence[Sentence],
    dates: Sequence[DateMention],
    entities: Sequence[Entity],
    figures: Sequence[Figure],
    published: date | None = None,
) -> list[Fact]:
    """One fact per DATE/TIME mention (durations and sets are not dated statements), ordered for a timeline.

    Open-ended past facts ("recently") come first, open-ended future ones ("in the coming days") after
    every bounded one, and facts whose interval is unknown (an unanchored ``XXXX-12``) last.
    """
    starts = [s.start for s in sentences]
    by_sentence: dict[Sentence, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    entity_spans = _Spans([(e.start, e.end, e.canonical) for e in entities])
    figure_spans = _Spans([(f.start, f.end, figure_phrase(f)) for f in figures])
    facts: list[Fact] = []
    for mention in dates:
        if mention.type not in ("DATE", "TIME"):
            continue
        sentence = _sentence_for(sentences, starts, mention.start, mention.end)
        lo, hi = _interval_iso(mention.value, mention.mod, published)
        if sentence not in by_sentence:  # a sentence's names and amounts are collected once
            by_sentence[sentence] = (entity_spans.within(sentence), figure_spans.within(sentence))
        names, amounts = by_sentence[sentence]
        fact_text, text_offset = excerpt(text, sentence, mention.start, mention.end)
        facts.append(
            Fact(
                value=mention.value,
                start_date=lo,
                end_date=hi,
                sentence=sentence,
                text=fact_text,
                date=mention,
                entities=names,
                figures=amounts,
                text_offset=text_offset,
            )
        )
    facts.sort(key=_order_key)
    return facts
