"""Word tables for temporal expressions: months, weekdays, seasons, number words, units and modifiers.

The words are data (extract/data/words/timex.json, numbers.json, calendar.json, read by `extract.words`);
this module shapes them into immutable tables and the regex fragments the grammar is built from. No
matching logic lives here.
"""

from __future__ import annotations

from types import MappingProxyType

from extract import words as words_module
from extract.words import mapping, table, words

_NUMBERS = table("numbers")
_TIMEX = table("timex")

MONTHS: MappingProxyType[str, int] = words_module.MONTHS
WEEKDAYS: MappingProxyType[str, int] = words_module.WEEKDAYS
SEASONS: MappingProxyType[str, str] = mapping("timex", "seasons")
PARTS_OF_DAY: MappingProxyType[str, str] = mapping("timex", "parts_of_day")

_ONES = [w for w, v in _NUMBERS["cardinals"].items() if 1 <= v <= 9]
_TEENS = [w for w, v in _NUMBERS["cardinals"].items() if 10 <= v <= 19]
_TENS = [w for w in _NUMBERS["tens"] if w not in _NUMBERS["misspellings"]]

# Amounts of a duration: the cardinals one to ninety-nine's parts plus phrases ("a couple of", "a dozen").
NUMBER_WORDS: MappingProxyType[str, int] = MappingProxyType(
    {
        **{w: _NUMBERS["cardinals"][w] for w in _ONES + _TEENS},
        **{w: _NUMBERS["tens"][w] for w in _TENS},
        **_TIMEX["amount_phrases"],
    }
)

# Amounts that say "some number of": durations become PXY-style values.
VAGUE_NUMBERS: frozenset[str] = words("timex", "vague_amounts")

# Ordinal day numbers: first to thirty-first.
_ORDINALS_TO_20 = {w: v for w, v in _NUMBERS["ordinals"].items() if v <= 20}
ORDINALS: MappingProxyType[str, int] = MappingProxyType(
    _ORDINALS_TO_20
    | {"twenty-first": 21, "thirtieth": 30, "thirty-first": 31}
    | {f"twenty-{w}": 20 + v for w, v in _ORDINALS_TO_20.items() if v < 10}
)

# "the twenties" -> 20: the plural of each tens word.
DECADE_WORDS: MappingProxyType[str, int] = MappingProxyType(
    {w[:-1] + "ies": _NUMBERS["tens"][w] for w in _TENS}
)

# Unit word -> (TIMEX3 duration letter, is a time-of-day unit, multiplier).
UNITS: MappingProxyType[str, tuple[str, bool, int]] = MappingProxyType(
    {unit: (str(letter), bool(clock), int(times)) for unit, (letter, clock, times) in _TIMEX["units"].items()}
)

SET_ADVERBS: MappingProxyType[str, str] = mapping("timex", "set_adverbs")

# Hedges in front of an amount or a date -> TIMEX3 mod.
QUANT_MODS: MappingProxyType[str, str] = mapping("timex", "quantity_mods")

# "early 2020", "mid-November", "the end of the year" -> TIMEX3 mod.
POSITION_MODS: MappingProxyType[str, str] = mapping("timex", "position_mods")


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so the longest wins (then alphabetical, so the
    pattern text is the same in every process)."""
    ordered = sorted({w.replace(" ", r"\s+") for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(ordered) + ")"


_MONTH_ABBR = list(words_module.MONTH_ABBREVIATIONS)
_MONTH_FULL = [m for m in MONTHS if m not in _MONTH_ABBR]
RX_MONTH = rf"(?:{_alt(_MONTH_FULL)}|{_alt(_MONTH_ABBR)}\.?)(?![\w'’-])"
_WD_ABBR = list(words_module.WEEKDAY_ABBREVIATIONS)
_WD_FULL = [w for w in WEEKDAYS if w not in _WD_ABBR]
RX_WEEKDAY = rf"(?:{_alt(_WD_FULL)}|{_alt(_WD_ABBR)}\.)"
RX_SEASON = _alt(list(SEASONS))
_NUM_SIMPLE = _alt(_ONES + _TEENS)
RX_NUMBER_WORD = rf"(?:{_alt(_TENS)}(?:[\s-]{_alt(_ONES)})?|{_NUM_SIMPLE}|hundred)"
RX_YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
RX_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
RX_ORDINAL_WORD = _alt(list(ORDINALS))
RX_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
RX_UNITS = r"(?:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries)"
RX_QUANT_MOD = _alt(list(QUANT_MODS))
# Hedges TimeML leaves outside a duration's span ("about a week" is tagged "a week"; "nearly a week" whole).
OUTSIDE_DURATION_MODS: frozenset[str] = frozenset({"about"})
RX_DURATION_QUANT_MOD = _alt([w for w in QUANT_MODS if w not in OUTSIDE_DURATION_MODS])
RX_DECADE_WORD = _alt(list(DECADE_WORDS))
RX_TZ = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local\s+time)"


# Every word a temporal expression of the grammar can begin with (besides digits and apostrophes).
START_WORDS: frozenset[str] = frozenset(
    [
        *_TIMEX["start_words"],
        *MONTHS,
        *WEEKDAYS,
        *SEASONS,
        *ORDINALS,
        *NUMBER_WORDS,
        *DECADE_WORDS,
        *SET_ADVERBS,
        *_TIMEX["quarter_start_words"],
    ]
)

_UNIT_WORDS: list[str] = _TIMEX["unit_words"]
_QUARTER_ADJECTIVES: list[str] = _TIMEX["quarter_adjectives"]
_A_FOLLOWERS: list[str] = _TIMEX["a_followers"]

# Frequent function words start an expression only before certain words: "the past three months",
# "a year ago", "that day", "its third quarter", "at least", "up to". Checking the next word rejects
# most of their occurrences before the full grammar runs.
FOLLOWERS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "the": frozenset(
            [
                *_TIMEX["the_followers"],
                *_UNIT_WORDS,
                *_QUARTER_ADJECTIVES,
                *ORDINALS,
                *NUMBER_WORDS,
                *DECADE_WORDS,
                *SEASONS,
            ]
        ),
        "a": frozenset([*_UNIT_WORDS, *NUMBER_WORDS, *_QUARTER_ADJECTIVES, *_A_FOLLOWERS]),
        "an": frozenset([*_UNIT_WORDS, *NUMBER_WORDS, *_A_FOLLOWERS]),
        "that": frozenset(
            [*_UNIT_WORDS, *_QUARTER_ADJECTIVES, *ORDINALS, *SEASONS, "morning", "afternoon", "evening"]
        ),
        "its": frozenset(_QUARTER_ADJECTIVES),
        "their": frozenset(_QUARTER_ADJECTIVES),
        "at": frozenset(["least", "most"]),
        "up": frozenset(["to"]),
    }
)
