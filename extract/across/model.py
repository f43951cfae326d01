"""The data contract of the cross-article views: entity profiles, figure series and conflicts.

Frozen, typed records made by the pure functions of `extract.across` from per-article analyses and
article metadata, and handed out unchanged by `store.library.Library` (`entities`, `entity_profile`,
`series`, `conflicts`, ...). Every record has `to_dict()`, its JSON-ready form. Offsets (`start`, `end`,
`sentence_start`, `sentence_end`) index the stored article text (the body the reader shows), so a view can
jump to them; `text` fields are the article's own words (untrusted: render them as plain text).

Dates are strings: a point's or a claim's `date` is the TIMEX3 value it is placed at (`2020-01`,
`2021-01-15`), `published` an ISO day or None.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = [
    "ArticleInfo",
    "Claim",
    "Conflict",
    "EntityProfile",
    "EntitySummary",
    "ProfileArticle",
    "ProfileFact",
    "ProfileFigure",
    "Series",
    "SeriesPoint",
    "conflict_from_dict",
    "series_from_dict",
]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return value


class _Record:
    """`to_dict()` for the frozen records below: fields in order, tuples as lists, records as dicts."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ArticleInfo(_Record):
    """What the cross-article logic needs to know about an article besides its analysis."""

    article_id: str
    title: str
    source: str | None = None
    published: str | None = None  # ISO day


@dataclass(frozen=True, slots=True)
class EntitySummary(_Record):
    """One entity across the library: `key` is its stable identifier (type and case-folded canonical
    name, e.g. "PERSON:mustafa al-kadhimi"); `aliases` the forms used, with their mention counts, most
    used first."""

    key: str
    name: str
    type: str
    mentions: int
    article_count: int
    aliases: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ProfileArticle(_Record):
    """An article that mentions the entity, with how often."""

    article_id: str
    title: str
    published: str | None
    source: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class ProfileFact(_Record):
    """A dated statement naming the entity: its event date (`date_value` TIMEX3, `date_text` as written,
    `start_date` the ISO day it starts, None when open-ended) and its sentence."""

    article_id: str
    title: str
    date_value: str
    date_text: str
    start_date: str | None
    sentence_start: int
    sentence_end: int
    text: str


@dataclass(frozen=True, slots=True)
class ProfileFigure(_Record):
    """A figure in a sentence naming the entity: the figure as written (`text`, `start`, `end`), its
    value, range end, counted noun or unit, qualifier and kind, and its sentence."""

    article_id: str
    title: str
    text: str
    start: int
    end: int
    value: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    kind: str
    sentence_start: int
    sentence_end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class EntityProfile(_Record):
    """Everything about one entity: aliases with counts, the articles naming it (most mentions first),
    its dated facts in date order, its figures, and the entities most often named in the same sentences
    (`co_mentions`: name, key, count; most frequent first)."""

    key: str
    name: str
    type: str
    aliases: tuple[tuple[str, int], ...]
    articles: tuple[ProfileArticle, ...]
    facts: tuple[ProfileFact, ...]
    figures: tuple[ProfileFigure, ...]
    co_mentions: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True, slots=True)
class SeriesPoint(_Record):
    """One figure of a series: `date` the TIMEX3 value it is placed at (the fact's date, else the
    article's publication day), `value` (`high` for a range), `qualifier` ("roughly", "more than",
    "peak"), the article, and the figure as written with its offsets (`start`, `end`) in the article
    text; `sentence` is the sentence around it."""

    date: str
    value: float
    high: float | None
    qualifier: str | None
    article_id: str
    source: str | None
    title: str
    text: str
    start: int
    end: int
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Series(_Record):
    """Figures counting the same thing over time, in date order. `key` identifies the series across
    calls (subject key + normalised unit); `subject` is what it is about ("Typhoon Kestrel"), `unit` what
    is counted ("displaced", "troops"); `undated` counts the matching figures left out for want of a
    date."""

    key: str
    subject: str
    unit: str
    points: tuple[SeriesPoint, ...]
    undated: int = 0


@dataclass(frozen=True, slots=True)
class Claim(_Record):
    """One article's figure in a conflict."""

    value: float
    high: float | None
    qualifier: str | None
    article_id: str
    source: str | None
    text: str
    start: int
    end: int
    title: str = ""


@dataclass(frozen=True, slots=True)
class Conflict(_Record):
    """Articles giving incompatible values for one series on one date (qualifiers considered)."""

    series_key: str
    subject: str
    date: str
    claims: tuple[Claim, ...]
    unit: str = ""


def series_from_dict(data: dict[str, Any]) -> Series:
    """The Series `Series.to_dict()` gave (TypeError or KeyError when `data` is not one)."""
    return Series(**{**data, "points": tuple(SeriesPoint(**point) for point in data["points"])})


def conflict_from_dict(data: dict[str, Any]) -> Conflict:
    """The Conflict `Conflict.to_dict()` gave (TypeError or KeyError when `data` is not one)."""
    return Conflict(**{**data, "claims": tuple(Claim(**claim) for claim in data["claims"])})
