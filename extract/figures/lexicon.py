"""Word tables for the figure layer: number words, ordinals, fraction words, currencies, measurement units,
qualifiers and the context words that mark a number as an identifier rather than a figure.

The words are data (extract/data/words/figures.json, numbers.json, calendar.json, read by `extract.words`);
this module names them. `patterns.py` builds regular expressions from them (compiled on first use).
"""

from __future__ import annotations

from typing import Any

from extract import words as _calendar
from extract.words import table

_NUMBERS = table("numbers")
_FIGURES = table("figures")


def _dict(source: Any, key: str) -> dict[Any, Any]:
    return dict(source[key])


def _set(key: str) -> frozenset[str]:
    return frozenset(_FIGURES[key])


def _tuple(key: str) -> tuple[str, ...]:
    return tuple(_FIGURES[key])


UNIT_WORDS: dict[str, int] = _dict(_NUMBERS, "cardinals")
TENS_WORDS: dict[str, int] = _dict(_NUMBERS, "tens")
SCALE_WORDS: dict[str, float] = _dict(_NUMBERS, "scales")
# Abbreviated multipliers written after a digit number ("1.5bn", "€40m", "10k", "2 mln").
MULTIPLIERS: dict[str, float] = _dict(_NUMBERS, "multipliers")
ORDINAL_WORDS: dict[str, int] = _dict(_NUMBERS, "ordinals")
# Fraction denominators that are not ordinals.
FRACTION_WORDS: dict[str, int] = _dict(_NUMBERS, "fractions")
# Plural number words that stand alone as a vague amount ("hundreds", "dozens of").
VAGUE_WORDS: frozenset[str] = _set("vague_words")
DOZEN_WORDS: dict[str, int] = _dict(_NUMBERS, "dozens")

# Currency symbols or codes written before the amount -> unit name.
CURRENCY_PREFIX: dict[str, str] = _dict(_FIGURES, "currency_prefix")
# Currency symbols written after the amount ("15€").
CURRENCY_SUFFIX_SYMBOLS: dict[str, str] = _dict(_FIGURES, "currency_suffix_symbols")
# Currency words written after the amount ("200 million dinars"); singular and plural.
CURRENCY_WORDS: tuple[str, ...] = _tuple("currency_words")
CURRENCY_CODES: tuple[str, ...] = tuple(k for k in CURRENCY_PREFIX if len(k) == 3 and k.isupper())

# Measurement units (written after the number; case-sensitive symbols, case-insensitive words).
UNIT_SYMBOLS: tuple[str, ...] = _tuple("unit_symbols")
UNIT_NAMES: tuple[str, ...] = _tuple("unit_names")
# Qualifiers written before a number, normalised to the key form (lower case, single spaces).
QUALIFIERS: tuple[str, ...] = _tuple("qualifiers")
QUALIFIER_SYMBOLS: dict[str, str] = _dict(_FIGURES, "qualifier_symbols")

# A bare number after one of these words is a label, not a figure ("page 4", "Figure 2", "Chapter 11").
LABEL_WORDS: frozenset[str] = _set("label_words")
# Words that end a counted-noun phrase ("5,000 troops stationed ..." -> "troops"), among them verbs that
# commonly follow a bare count ("4,200 remain", "11 died").
NOUN_STOP: frozenset[str] = _set("noun_stop")
# Plural nouns without a final "s": the counted-noun phrase ends after them.
IRREGULAR_PLURALS: frozenset[str] = _set("irregular_plurals")
# Words that may precede "one" when it is a pronoun ("the one", "which one", "no one").
ONE_PRONOUN_BEFORE: frozenset[str] = _set("one_pronoun_before")
ONE_PRONOUN_AFTER: frozenset[str] = _set("one_pronoun_after")
MONTHS: frozenset[str] = frozenset(_calendar.MONTHS)
# Capitalised words that open a sentence before a number without naming it ("Whilst 10 ...").
SENTENCE_OPENERS: frozenset[str] = _set("sentence_openers")
# Adjectives that often stand between a number and the noun it counts ("two small farms").
COMMON_ADJECTIVES: frozenset[str] = _set("common_adjectives")
