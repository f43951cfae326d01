"""The analysis data model: immutable records with character offsets into the analysed text.

Every record produced by `extract` carries `start`/`end` Python string indices such that
`text[start:end] == record.text`. `Analysis.to_dict()` is the JSON contract of `briefing analyze`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER"]
FigureKind = Literal["cardinal", "ordinal", "percent", "money", "fraction", "quantity", "vague"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexMod = Literal[
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
]

# The same vocabularies as values, for checks and menus (in the order above).
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
FIGURE_KINDS: tuple[FigureKind, ...] = get_args(FigureKind)
TIMEX_TYPES: tuple[TimexType, ...] = get_args(TimexType)
TIMEX_MODS: tuple[TimexMod, ...] = get_args(TimexMod)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or headline / dateline line) as a half-open character range."""

    start: int
    end: int

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention; `canonical` is the article-level name it resolves to."""

    start: int
    end: int
    text: str
    type: EntityType
    canonical: str
    guessed: bool = False  # no evidence for the type: a default (JSON has "guessed": true only then)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: a count, amount, percentage, fraction, measurement or vague amount.

    `value` is None only for vague amounts ("hundreds"); `unit` is what is counted or measured;
    `qualifier` is the hedge in front of it ("roughly", "more than"), normalised to lower case.
    A range ("3,000 to 4,000", "between 10 and 20") is one figure: `value` is its lower end, `high` its
    upper end (None for single values).
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: FigureKind
    unit: str | None = None
    qualifier: str | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression with its TIMEX3 type, value and modifier.

    `anchored` is False when the value depends on a publication date that was not given
    (values such as `XXXX-12`), so the UI can show it as unresolved. `comparison` is True when the
    expression is only the base of a comparison ("up 17% from a year earlier"): not the date of a fact.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: TimexMod | None = None
    anchored: bool = True
    comparison: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated statement: a sentence placed at its event date, with every date it gives.

    `date` is the event date (the mention the statement is about, see `extract.facts.event_date`), `value`
    its TIMEX3 value and `start_date`/`end_date` the calendar interval it covers (ISO dates; None means
    open-ended on that side, e.g. `FUTURE_REF`). `dates` are all the sentence's date mentions in text
    order, the event date among them.
    `text` is the sentence, or for a sentence longer than `extract.facts.WHOLE_LIMIT` a bounded excerpt
    around the date with "…" where it was cut; then `text_offset` is the article offset that index 0 of
    `text` stands for (`text[i] == article[text_offset + i]` outside the markers), else None (the sentence's
    start).
    """

    value: str
    start_date: str | None
    end_date: str | None
    sentence: Sentence
    text: str
    date: DateMention
    entities: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    text_offset: int | None = None
    dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything `extract.analyze` finds in one text."""

    published: date | None
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    facts: tuple[Fact, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form documented in DESIGN.md (the `briefing analyze --json` contract)."""
        return {
            "published": self.published.isoformat() if self.published else None,
            "sentences": list(map(_sentence_dict, self.sentences)),
            "entities": list(map(_entity_dict, self.entities)),
            "figures": list(map(_figure_dict, self.figures)),
            "dates": list(map(_date_dict, self.dates)),
            "facts": list(map(fact_to_dict, self.facts)),
        }


# Each record type as a dict in field order, written out (a large analysis has many records: one dict
# display each is the cheapest way to make them); tests check them against `dataclasses.asdict`.
def _sentence_dict(s: Sentence) -> dict[str, Any]:
    return {"start": s.start, "end": s.end}


def _entity_dict(e: Entity) -> dict[str, Any]:
    data = {"start": e.start, "end": e.end, "text": e.text, "type": e.type, "canonical": e.canonical}
    if e.guessed:
        data["guessed"] = True
    return data


def _figure_dict(f: Figure) -> dict[str, Any]:
    return {
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "value": f.value,
        "kind": f.kind,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "high": f.high,
    }


def _date_dict(d: DateMention) -> dict[str, Any]:
    return {
        "start": d.start,
        "end": d.end,
        "text": d.text,
        "type": d.type,
        "value": d.value,
        "mod": d.mod,
        "anchored": d.anchored,
        "comparison": d.comparison,
    }


_RECORD_DICTS: dict[type, Callable[[Any], dict[str, Any]]] = {
    Sentence: _sentence_dict,
    Entity: _entity_dict,
    Figure: _figure_dict,
    DateMention: _date_dict,
}


def record_to_dict(record: Sentence | Entity | Figure | DateMention) -> dict[str, Any]:
    """A flat record (only str, number, bool and None fields) as a dict in field order: what
    `dataclasses.asdict` gives (an entity's "guessed" only when true), without its recursive copying."""
    return _RECORD_DICTS[type(record)](record)


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """A fact as JSON, in field order: records as flat dicts, tuples as lists; "text_offset" appears only
    when `text` is an excerpt."""
    sentence = fact.sentence
    data: dict[str, Any] = {
        "value": fact.value,
        "start_date": fact.start_date,
        "end_date": fact.end_date,
        "sentence": {"start": sentence.start, "end": sentence.end},
        "text": fact.text,
        "date": _date_dict(fact.date),
        "entities": list(fact.entities),
        "figures": list(fact.figures),
    }
    if fact.text_offset is not None:
        data["text_offset"] = fact.text_offset
    data["dates"] = list(map(_date_dict, fact.dates))
    return data
