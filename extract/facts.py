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
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Generic, TypeVar

from extract.figures.phrase import figure_phrase
from extract.model import DateMention, Entity, Fact, Figure, Sentence
from extract.trie import trie_regex

Interval = tuple[date | None, date | None]
_Item = TypeVar("_Item")

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-([1-7]|WE))?(?:T.*)?")
_DECADE = re.compile(r"(\d{3})X?")  # TimeML writes the 1990s "199" (older analyses "199X")
_CENTURY = re.compile(r"(\d{2})(?:XX)?")  # TIMEX3 writes a century as "18" ("the 19th century")
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


class _Spans(Generic[_Item]):
    """(start, end, item) spans; `within` gives the distinct labels of the items inside a sentence, in the
    order given (a binary search when the spans are sorted by start, as every layer returns them). An
    item's label is made only when a sentence with a fact holds it (most figures lie in other sentences)."""

    def __init__(self, spans: list[tuple[int, int, _Item]], label: Callable[[_Item], str]) -> None:
        self.spans = spans
        self.label = label
        self.starts = [start for start, _, _ in spans]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def within(self, sentence: Sentence) -> tuple[str, ...]:
        lo, hi = 0, len(self.spans)
        if self.ordered:
            lo = bisect.bisect_left(self.starts, sentence.start)
            hi = bisect.bisect_right(self.starts, sentence.end)
        inside = (
            self.label(item)
            for start, end, item in self.spans[lo:hi]
            if sentence.start <= start and end <= sentence.end
        )
        return tuple(dict.fromkeys(inside))


def _canonical(entity: Entity) -> str:
    return entity.canonical


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


# The event date of a sentence with several dates (`event_date`). A date right after a reporting verb
# ("said on Tuesday", "told Rudaw in December", "in his Tuesday speech") dates the report, not the event;
# a date in a forward-looking clause ("will ... in the coming days", "would ... by January 15") is what
# the statement is about.
_REPORTING_WORDS = (
    *("said", "says", "say", "told", "tells", "confirmed", "confirms", "announced", "announces", "added"),
    *("adds", "stated", "states", "reported", "reports", "wrote", "writes", "declared", "declares"),
    *("explained", "noted", "notes", "according", "speech", "statement", "remarks", "interview"),
    *("briefing", "conference"),
)
# A reporting word, at most three words before the end. Speed: the words as a trie (extract.trie), so that
# at each character searched the engine follows one branch per letter instead of trying every word.
_REPORTING = re.compile(rf"\b(?:{trie_regex(_REPORTING_WORDS)})\b(?:\W+\w+){{0,3}}?\W+$", re.IGNORECASE)
_REPORTING_BEFORE = 40  # characters before a date searched for its reporting verb
_REPORT_NOUN_AFTER = re.compile(r"\s*(?:speech|statement|remarks|interview|briefing|address)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:,\u2013\u2014]|\bthat\b")
_FORWARD_WORDS = (
    *("will", "would", "shall", "expected", "expects", "due", "scheduled", "plan", "plans", "planned"),
    *("planning", "intend", "intends", "set to", "going to", "aim", "aims", "forecast", "forecasts"),
    "projected",
)
_FORWARD = re.compile(rf"\b(?:{trie_regex(_FORWARD_WORDS)})\b", re.IGNORECASE)  # a trie, as _REPORTING
_FORWARD_BEFORE = 80  # characters before a date (within its clause) searched for a forward-looking word


def _reporting(text: str, sentence: Sentence, mention: DateMention) -> bool:
    """Is the mention the date of a report ("said on Tuesday", "told Rudaw in December")?"""
    lo = max(sentence.start, mention.start - _REPORTING_BEFORE)
    if _REPORTING.search(text, lo, mention.start):
        return True
    # "in his Tuesday speech": the date names the report itself
    after = text[mention.end : min(sentence.end, mention.end + 12)]
    return _REPORT_NOUN_AFTER.match(after) is not None


def _forward(text: str, sentence: Sentence, mention: DateMention) -> bool:
    """Is the mention in a forward-looking clause (`FUTURE_REF`, or "will/would/expected ..." before it
    in the same clause)?"""
    if mention.value == "FUTURE_REF":
        return True
    lo = max(sentence.start, mention.start - _FORWARD_BEFORE)
    window = text[lo : mention.start]
    clause = _CLAUSE_BREAK.split(window)[-1]
    return _FORWARD.search(clause) is not None


def _span_days(value: str, mod: str | None, published: date | None) -> int:
    lo, hi = _interval_iso(value, mod, published)
    if lo is None or hi is None:
        return 1 << 30  # open or unknown: the least precise
    return (date.fromisoformat(hi) - date.fromisoformat(lo)).days


def event_date(
    text: str, sentence: Sentence, mentions: Sequence[DateMention], published: date | None = None
) -> DateMention:
    """The date a statement is about, among the DATE/TIME mentions of its sentence (at least one).

    The rule, in order: (1) a date that is not the date of a report ("said on Tuesday", "told Rudaw in
    December", "in his Tuesday speech") over one that is; (2) a date in a forward-looking clause
    ("will be withdrawn in the coming days", "would draw down ... by January 15") over a past one, as the
    news is what is to happen; (3) the most precise date (the shortest calendar interval; open and
    unknown intervals last): "in late July" over "the 1970s"; (4) the first in the text.
    """

    # The rule's tests in turn, each on the mentions the tests before left tied: the same choice as the
    # least (reporting, not forward, span, position) key. Speed: no test once one mention is left.
    tied = list(mentions)
    tied = _least(tied, lambda mention: _reporting(text, sentence, mention))
    tied = _least(tied, lambda mention: not _forward(text, sentence, mention))
    tied = _least(tied, lambda mention: _span_days(mention.value, mention.mod, published))
    return tied[0]


def _least(mentions: list[DateMention], key: Callable[[DateMention], int]) -> list[DateMention]:
    """The mentions with the least `key`, in their order; `key` is not computed for a single mention."""
    if len(mentions) == 1:
        return mentions
    keys = [key(mention) for mention in mentions]
    least = min(keys)
    return [mention for mention, k in zip(mentions, keys, strict=True) if k == least]


def build_facts(
    text: str,
    sentences: Sequence[Sentence],
    dates: Sequence[DateMention],
    entities: Sequence[Entity],
    figures: Sequence[Figure],
    published: date | None = None,
) -> list[Fact]:
    """One fact per sentence with a DATE/TIME mention (durations, sets and the base of a comparison alone do
    not date a statement),
    placed at its event date (`event_date`) and carrying all the sentence's date mentions; ordered for a
    timeline.

    Open-ended past facts ("recently") come first, open-ended future ones ("in the coming days") after
    every bounded one, and facts whose interval is unknown (an unanchored ``XXXX-12``) last.
    """
    starts = [s.start for s in sentences]
    grouped: dict[Sentence, list[DateMention]] = {}
    for mention in dates:
        grouped.setdefault(_sentence_for(sentences, starts, mention.start, mention.end), []).append(mention)
    entity_spans = _Spans([(e.start, e.end, e) for e in entities], _canonical)
    figure_spans = _Spans([(f.start, f.end, f) for f in figures], figure_phrase)
    facts: list[Fact] = []
    for sentence, mentions in grouped.items():
        # A comparison's base ("up 17% from a year earlier") does not date the statement.
        dated = [m for m in mentions if m.type in ("DATE", "TIME") and not m.comparison]
        if not dated:
            continue
        event = event_date(text, sentence, dated, published) if len(dated) > 1 else dated[0]
        lo, hi = _interval_iso(event.value, event.mod, published)
        fact_text, text_offset = excerpt(text, sentence, event.start, event.end)
        facts.append(
            Fact(
                value=event.value,
                start_date=lo,
                end_date=hi,
                sentence=sentence,
                text=fact_text,
                date=event,
                entities=entity_spans.within(sentence),
                figures=figure_spans.within(sentence),
                text_offset=text_offset,
                dates=tuple(mentions),
            )
        )
    facts.sort(key=_order_key)
    return facts
