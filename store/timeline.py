"""Pure helpers for timeline queries over facts (`extract.model.Fact`): matching, overlap, vagueness,
ordering."""

from __future__ import annotations

import bisect
import calendar
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.model import Entity, Fact

_LATEST = "9999-99-99"
VAGUE_DAYS = 3660  # a fact whose event date spans more than about ten years is vague (a decade, a century)
_UNKNOWN_PART = re.compile(r"X")
_DECADE_OR_CENTURY = re.compile(r"\d{2,3}")  # TimeML "199" (the 1990s), "18" (the 19th century)


class _EntityIndex:
    """An article's entities sorted by start, so the entities inside a sentence are found by bisection."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        ordered = sorted(entities, key=lambda e: e.start)
        self.starts = [e.start for e in ordered]
        self.items = [(e.end, e.canonical.casefold()) for e in ordered]

    def keys(self, start: int, end: int) -> list[str]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        return sorted({key for stop, key in self.items[lo:hi] if stop <= end})


# The index of the last entity list asked about (each fact of an article asks in turn); holding the list
# itself keeps its identity from being reused while it is cached.
_last: tuple[object, _EntityIndex] | None = None
_last_lock = threading.Lock()


def entity_keys(entities: Sequence[Entity], sentence_start: int, sentence_end: int) -> list[str]:
    """Case-folded canonical names of the entities in a sentence (for entity filters); calls for the facts
    of one analysis share one sorted index, so an article's facts cost linear time, not facts x entities."""
    global _last
    with _last_lock:
        cached = _last
        if cached is None or cached[0] is not entities:
            cached = (entities, _EntityIndex(entities))
            _last = cached
    return cached[1].keys(sentence_start, sentence_end)


def aliases(entities: Iterable[Entity]) -> dict[str, str]:
    """Every case-folded mention text and canonical name of an article -> its canonical name."""
    table: dict[str, str] = {}
    for e in entities:
        canonical = e.canonical.casefold()
        table[canonical] = canonical
        table.setdefault(e.text.casefold(), canonical)
    return table


def _words(name: str) -> str:
    """A case-folded name as space-separated words, hyphens splitting words ("al-Kadhimi" -> "al kadhimi")."""
    return " " + " ".join(name.casefold().replace("-", " ").split()) + " "


def name_matches(query: str, name: str) -> bool:
    """Does `query` name `name`: the same name, or a run of its whole words ("Marotto", "Wayne Marotto")?"""
    words = _words(query)
    return words.strip() != "" and words in _words(name)


# The names a library resolves an entity filter to, asked for only when needed (`wanted_names`).
Resolve = Callable[[], Iterable[str]]


def source_matches(query: str, source: str | None) -> bool:
    """Does `query` name the article's source: the same words, or a run of its whole words ("Rudaw")?"""
    return source is not None and name_matches(query, source)


def wanted_names(
    wanted: str, alias_tables: Iterable[dict[str, str]], resolve: Resolve | None = None
) -> set[str]:
    """The names an entity filter keeps facts by: the case-folded query plus every canonical name it is a
    mention of, or a part of, in the articles; when it is none of them, the names `resolve()` gives
    (`Library.entity_names`: those of the entities `briefing entity` finds for it, an alias of another
    article or with a title, "PM Kadhimi"), asked only then: it may build the cross-article index."""
    target = " ".join(wanted.casefold().split())
    found: set[str] = set()
    for table in alias_tables:
        if target in table:
            found.add(table[target])
        found.update(canonical for canonical in table.values() if name_matches(target, canonical))
    if not found and resolve is not None:
        found.update(resolve())
    return {target, *found}


def matches_entity(fact: Fact, keys: Iterable[str], wanted: set[str]) -> bool:
    """Does the fact's sentence mention one of the `wanted` (case-folded canonical) names?"""
    return names_wanted(fact.entities, keys, wanted)


def names_wanted(entities: Iterable[str], keys: Iterable[str], wanted: set[str]) -> bool:
    """`matches_entity` for a fact given by its entity names and its sentence's entity keys."""
    names = set(keys) | {name.casefold() for name in entities}
    return not names.isdisjoint(wanted)


def overlaps(fact: Fact, start: date | None, end: date | None) -> bool:
    """Does the fact's interval meet [start, end] (either may be None: open)? The one rule of every date
    filter (`timeline`, `export`, the app's `FROM..TO`). Facts with no dates at all match only an open
    query. An open-ended reference (FUTURE_REF "in the coming days": from the publication day on; PAST_REF
    "in recent years": up to it) is anchored on that one known day only, its other end unknown: it matches
    when that day is inside the range ("the coming days" of a January 2021 article are not in May 2024)."""
    return interval_overlaps(fact.start_date, fact.end_date, start, end)


def interval_overlaps(f_start: str | None, f_end: str | None, start: date | None, end: date | None) -> bool:
    """`overlaps` for a fact given by its interval's ISO ends (None: open on that side)."""
    if start is None and end is None:
        return True
    if f_start is None and f_end is None:
        return False
    if f_start is None or f_end is None:  # open-ended: its one known day
        f_start = f_end = f_start or f_end
    if end is not None and f_start is not None and f_start > end.isoformat():
        return False
    return not (start is not None and f_end is not None and f_end < start.isoformat())


_BOUND = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_RANGE = re.compile(rf"({_BOUND})?\.\.({_BOUND})?")


def _bound(text: str, upper: bool) -> date:
    parts = [int(p) for p in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if upper else 1)
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if upper else 1)
    return date(year, month, day)


def split_date_range(query: str) -> tuple[str, date | None, date | None]:
    """A search query with a date range written as `FROM..TO` (`2020..2021`, `2020-11..`, `..2021-01-15`;
    a year or month means its first day as FROM, its last as TO; the two the other way round mean the
    same range): the other words, FROM and TO. A word that is not a valid range is left in the words."""
    words, start, end = [], None, None
    for word in query.split():
        m = _RANGE.fullmatch(word)
        if m is None or not (m[1] or m[2]):
            words.append(word)
            continue
        first, last = m[1], m[2]
        try:
            if first and last and _bound(first, upper=False) > _bound(last, upper=True):
                first, last = last, first  # `2021..2020` is the range between them, not an empty one
            start = _bound(first, upper=False) if first else None
            end = _bound(last, upper=True) if last else None
        except ValueError:
            words.append(word)
    return " ".join(words), start, end


def is_vague(fact: Fact) -> bool:
    """A fact a library timeline hides by default: its event date is a reference (PAST_REF, PRESENT_REF,
    FUTURE_REF), unanchored or with unknown parts (``XXXX-12``), or spans a decade or more."""
    if fact.value.endswith("_REF") or not fact.date.anchored or _UNKNOWN_PART.search(fact.value):
        return True
    if _DECADE_OR_CENTURY.fullmatch(fact.value):
        return True  # "the late 1980s" (a third of a decade) is as vague as the decade
    if fact.start_date is None or fact.end_date is None:
        return True
    span = date.fromisoformat(fact.end_date) - date.fromisoformat(fact.start_date)
    return span.days >= VAGUE_DAYS


def article_bounds(facts: Iterable[Fact]) -> tuple[str | None, str | None]:
    """The earliest start and latest end among an article's facts with both ends dated."""
    return interval_bounds((f.start_date, f.end_date) for f in facts)


def interval_bounds(intervals: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """`article_bounds` of facts given by their intervals' ISO ends."""
    bounded = [(s, e) for s, e in intervals if s and e]
    if not bounded:
        return None, None
    return min(s for s, _ in bounded), max(e for _, e in bounded)


def sort_key(
    fact: Fact,
    published: date | None,
    article_id: str,
    bounds: tuple[str | None, str | None] = (None, None),
) -> tuple[Any, ...]:
    """Ordered by interval start, then the finer interval (earlier end) first; undated facts last.

    Open intervals are placed relative to their article's dated facts (`bounds`, see `article_bounds`):
    an open past ("in recent years", up to a date) just before the article's earliest dated fact, an
    open future ("in the coming days", from a date) just after its latest one.
    """
    return order_key(
        fact.start_date,
        fact.end_date,
        published.isoformat() if published else None,
        article_id,
        fact.sentence.start,
        fact.date.start,
        bounds,
    )


def order_key(
    f_start: str | None,
    f_end: str | None,
    published: str | None,
    article_id: str,
    sentence_start: int,
    date_start: int,
    bounds: tuple[str | None, str | None] = (None, None),
) -> tuple[Any, ...]:
    """`sort_key` of a fact given by its parts (ISO interval ends, ISO publication day, offsets)."""
    first, last = bounds
    if f_start is None and f_end is None:
        anchor, rank = _LATEST, 3
    elif f_start is None:
        anchor, rank = min(f_end or _LATEST, first or f_end or _LATEST), 0
    elif f_end is None:
        anchor, rank = max(f_start, last or f_start), 2
    else:
        anchor, rank = f_start, 1
    return (
        rank == 3,
        anchor,
        rank,
        f_end or _LATEST,
        published or _LATEST,
        article_id,
        sentence_start,
        date_start,
    )
