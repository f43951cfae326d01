"""What the timex rules are made of: the regex fragments several rules share, and `rule`, which declares one.

A rule is a named regex with its normaliser (a `Resolver` method called `r_NAME`) and examples, declared
together in normalize.py as

    @rule(r"(?P<y>\\d{4})-...", examples={"2021-01-05": "2021-01-05"})
    def r_iso(self, m): ...

Rules are tried in the order they are declared (see grammar.py). Each example maps a text that the rule
matches in full to its TIMEX3 value when published on `EXAMPLE_DATE`; a test checks every one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, TypeVar

from extract.timex.lexicon import RX_NUMBER_WORD

EXAMPLE_DATE = date(2021, 1, 5)  # a Tuesday


@dataclass(frozen=True, slots=True)
class Rule:
    """One expression family: its name, regex source, examples (text -> value) and normaliser."""

    name: str
    pattern: str
    examples: Mapping[str, str]
    normalise: Callable[..., Any]


_DECLARED: list[Rule] = []
_F = TypeVar("_F", bound=Callable[..., Any])


def rule(pattern: str, *, examples: Mapping[str, str]) -> Callable[[_F], _F]:
    """Declare the method it decorates (`r_NAME`) as the normaliser of rule NAME matching `pattern`."""

    def declare(normalise: _F) -> _F:
        name = normalise.__name__.removeprefix("r_")
        if any(r.name == name for r in _DECLARED):
            raise ValueError(f"timex rule {name!r} declared twice")
        _DECLARED.append(Rule(name, pattern, MappingProxyType(dict(examples)), normalise))
        return normalise

    return declare


def declared() -> tuple[Rule, ...]:
    """Every rule declared so far, in declaration (priority) order."""
    return tuple(_DECLARED)


# Fragments shared by several rules.
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?|"
    rf"{RX_NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|couple\s+of|a\s+few|a\s+dozen|a\s+hundred|"
    r"a\s+thousand|several|few|many|some|numerous|dozens\s+of|a\s+number\s+of|half\s+an?|an?)"
)
POS_PRE = (
    r"(?:early|mid|late|the\s+(?:beginning|start|middle|end|close)\s+of|"
    r"(?:the\s+)?(?:early|late|latter|first|last)\s+part\s+of)"
)
QMOD_TIGHT = r"(?:at\s+least|more\s+than|less\s+than|no\s+more\s+than|nearly|almost|about|roughly|some)"
YEAR_WORDS = (
    r"(?:(?:nineteen|eighteen|twenty)[\s-](?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|"
    r"two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)"
    r"|(?<![\d:])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"|(?P<noon>noon|midnight|midday)"
    r"|(?P<h3>\d{1,2})\s+o['’]clock"
    r"|(?P<h5>\d{1,2})\s+in\s+the\s+(?P<pod5>morning|afternoon|evening))"
)
REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|that|the\s+(?:current|past|last|previous|prior|next|coming|"
    r"following|same|preceding|latest)|current|past|previous|coming|following)"
)
