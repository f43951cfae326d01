"""The Briefing: everything one export shows, gathered once and handed to the format builders.

Plain immutable data (store records and fact dicts), so the builders are pure functions of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from store.export.storedfact import plain_fact_form
from store.fastjson import pack_plain, unpack
from store.records import Annotation, ArticleMeta

if TYPE_CHECKING:
    from extract.across.model import Conflict, Series
    from extract.model import Fact

PERIOD_LIMITS = (31, 366)  # days: a month, else a year
KEY_FACTS = 20  # key facts a Markdown briefing leads with by default: a page or two


def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


@dataclass(frozen=True, slots=True)
class Selection:
    """The filters an export was made with (all optional; empty means "everything")."""

    article_ids: tuple[str, ...] = ()
    tag: str | None = None
    entity: str | None = None
    starred: bool = False
    start: date | None = None
    end: date | None = None

    @property
    def narrows_facts(self) -> bool:
        """True when the filters select facts within an article, not only whole articles."""
        return self.entity is not None or self.start is not None or self.end is not None

    @property
    def filtered(self) -> bool:
        """True when any filter is set."""
        return bool(self.article_ids or self.tag is not None or self.starred or self.narrows_facts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": list(self.article_ids),
            "tag": self.tag,
            "entity": self.entity,
            "starred": self.starred,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }


class KeyFigure(NamedTuple):
    """A figure worth listing, with the sentence that says what it counts. A named tuple: an export at
    10,000 articles makes 80,000 of them, and a frozen dataclass sets each field through a call."""

    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    kind: str
    unit: str | None
    qualifier: str | None
    sentence: str


class TimelineFact:
    """A selected fact with its article: made from a Fact, or from the fact's `fact_to_dict` form as the
    facts index holds it (`data`; the Fact is then made only when asked for, and the JSON export writes
    the dict as it is). Such a dict is kept as its compact JSON (`store.fastjson.pack`:
    a third of the memory) when it is in `fact_to_dict`'s form and that gives it back exactly
    (`store.export.storedfact.plain_fact_form`, asked once here: the writers trust `packed`). Immutable,
    and equal to another with the same article and fact."""

    __slots__ = ("_fact", "_interval", "_packed", "_telling", "article_id")

    def __init__(self, article_id: str, fact: Fact | None = None, *, data: dict[str, Any] | None = None):
        if fact is None and data is None:
            raise TypeError("TimelineFact needs a fact or its data")
        self.article_id = article_id
        self._fact = fact
        self._packed: bytes | dict[str, Any] | None = None
        if data is not None:
            self._packed = (pack_plain(data) if plain_fact_form(data) else None) or data
            self._interval = (data["start_date"], data["end_date"])
            self._telling = bool(data["figures"] and data["entities"])  # read now: no unpacking later

    @property
    def fact(self) -> Fact:
        """The Fact; one made from `data` is made again at each call (not kept: memory), so a caller
        reading several of its fields takes it once."""
        if self._fact is not None:
            return self._fact
        from store.serialise import fast_fact_from_dict

        data = self.data
        assert data is not None
        return fast_fact_from_dict(data)

    def has_figures_and_names(self) -> bool:
        """Whether the fact gives at least one figure and names at least one entity."""
        if self._fact is not None:
            return bool(self._fact.figures and self._fact.entities)
        return self._telling

    @property
    def interval(self) -> tuple[str | None, str | None]:
        """The fact's `start_date` and `end_date` (read without making the Fact)."""
        if self._packed is not None:
            return self._interval
        return self.fact.start_date, self.fact.end_date

    @property
    def data(self) -> dict[str, Any] | None:
        """The fact's stored form it was made from (None: it was made from a Fact)."""
        packed = self._packed
        return unpack(packed) if isinstance(packed, bytes) else packed

    @property
    def packed(self) -> bytes | None:
        """`data` as compact JSON whose every value orjson writes as the standard library does, in
        `fact_to_dict`'s form (`storedfact.fact_form`: read as the Fact it makes). None: made from a Fact,
        or from a dict that is not such."""
        packed = self._packed
        return packed if isinstance(packed, bytes) else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TimelineFact):
            return NotImplemented
        return self.article_id == other.article_id and self.fact == other.fact

    def __hash__(self) -> int:
        return hash((self.article_id, self.fact))

    def __repr__(self) -> str:
        return f"TimelineFact(article_id={self.article_id!r}, fact={self.fact!r})"


@dataclass(frozen=True, slots=True)
class Briefing:
    """Articles in reading order (oldest first), their selected facts in date order, key figures,
    every annotation of the selected articles (anchored ones in text order, then orphaned ones), and the
    figure series and conflicts across the selected articles."""

    title: str
    selection: Selection
    articles: tuple[ArticleMeta, ...]
    facts: tuple[TimelineFact, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    key_facts: int = KEY_FACTS
    series: tuple[Series, ...] = ()  # figures over time, only the points of the selected articles
    conflicts: tuple[Conflict, ...] = ()  # sources disagreeing, only the claims of the selected articles
    _by_id: dict[str, ArticleMeta] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {meta.id: meta for meta in self.articles})

    def article(self, article_id: str) -> ArticleMeta:
        """The selected article with this id (KeyError if it is not part of the briefing)."""
        return self._by_id[article_id]

    def period(self) -> tuple[str | None, str | None]:
        """Earliest start and latest end (ISO dates) of the selected facts, None, None when there is none.

        Only facts spanning at most a month count when there are any (else at most a year): coarse facts
        ("last year", "this decade") and open-ended ones would stretch the period far beyond the events the
        articles report. They stay in the timeline; they only do not set the period."""
        spans = [f.interval for f in self.facts]
        days: dict[tuple[str, str], int] = {}  # facts share their intervals: each one's length reckoned once
        for s, e in spans:
            if s and e and (s, e) not in days:
                days[s, e] = _days(s, e)
        for limit in PERIOD_LIMITS:
            bounded = [(s, e) for s, e in spans if s and e and days[s, e] <= limit]
            if bounded:
                return min(s for s, _ in bounded), max(e for _, e in bounded)
        return None, None
