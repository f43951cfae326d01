"""The analysis data model: immutable records with character offsets into the analysed text.

Every record produced by `extract` carries `start`/`end` Python string indices such that
`text[start:end] == record.text`. `Analysis.to_dict()` is the JSON contract of `briefing analyze`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
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
            "sentences": [record_to_dict(s) for s in self.sentences],
            "entities": [record_to_dict(e) for e in self.entities],
            "figures": [record_to_dict(f) for f in self.figures],
            "dates": [record_to_dict(d) for d in self.dates],
            "facts": [fact_to_dict(f) for f in self.facts],
        }


def record_to_dict(record: Sentence | Entity | Figure | DateMention) -> dict[str, Any]:
    """A flat record (only str, number, bool and None fields) as a dict in field order: what
    `dataclasses.asdict` gives, without its recursive copying (a large analysis has many records)."""
    names, values = _FIELDS[type(record)]
    data = dict(zip(names, values(record), strict=True))
    if type(record) is Entity and record.guessed:
        data["guessed"] = True
    return data


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """A fact as JSON, in field order: records as flat dicts, tuples as lists; "text_offset" appears only
    when `text` is an excerpt."""
    sentence_names, sentence_values = _FIELDS[Sentence]
    date_names, date_values = _FIELDS[DateMention]
    data: dict[str, Any] = {
        "value": fact.value,
        "start_date": fact.start_date,
        "end_date": fact.end_date,
        "sentence": dict(zip(sentence_names, sentence_values(fact.sentence), strict=True)),
        "text": fact.text,
        "date": dict(zip(date_names, date_values(fact.date), strict=True)),
        "entities": list(fact.entities),
        "figures": list(fact.figures),
    }
    if fact.text_offset is not None:
        data["text_offset"] = fact.text_offset
    data["dates"] = [dict(zip(date_names, date_values(d), strict=True)) for d in fact.dates]
    return data


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls) if f.name != "guessed")
    for cls in (Sentence, Entity, Figure, DateMention)
}
# Each record type's field names and a getter of their values (one call for all of them).
_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {
    cls: (names, attrgetter(*names)) for cls, names in _FIELD_NAMES.items()
}
