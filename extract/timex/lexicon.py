"""Word tables for temporal expressions: months, weekdays, seasons, number words, units and modifiers.

Plain immutable data plus the regex fragments built from it; no matching logic lives here.
"""

from __future__ import annotations

from types import MappingProxyType

MONTHS: MappingProxyType[str, int] = MappingProxyType(
    {
        name: i + 1
        for i, names in enumerate(
            (
                "january jan",
                "february feb",
                "march mar",
                "april apr",
                "may",
                "june jun",
                "july jul",
                "august aug",
                "september sept sep",
                "october oct",
                "november nov",
                "december dec",
            )
        )
        for name in names.split()
    }
)

WEEKDAYS: MappingProxyType[str, int] = MappingProxyType(
    {
        name: i
        for i, names in enumerate(
            (
                "monday mon",
                "tuesday tue tues",
                "wednesday wed",
                "thursday thu thur thurs",
                "friday fri",
                "saturday sat",
                "sunday sun",
            )
        )
        for name in names.split()
    }
)

SEASONS: MappingProxyType[str, str] = MappingProxyType(
    {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
)

PARTS_OF_DAY: MappingProxyType[str, str] = MappingProxyType(
    {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
)

_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: MappingProxyType[str, int] = MappingProxyType(
    {
        **{w: i + 1 for i, w in enumerate(_ONES)},
        **{w: i + 10 for i, w in enumerate(_TEENS)},
        **{w: (i + 2) * 10 for i, w in enumerate(_TENS)},
        "a": 1,
        "an": 1,
        "one": 1,
        "single": 1,
        "a couple of": 2,
        "couple of": 2,
        "a dozen": 12,
        "dozen": 12,
        "hundred": 100,
        "a hundred": 100,
        "one hundred": 100,
        "a thousand": 1000,
        "two thousand": 2000,
    }
)

# Amounts that say "some number of": durations become PXY-style values.
VAGUE_NUMBERS: frozenset[str] = frozenset(
    [
        "several",
        "few",
        "many",
        "some",
        "numerous",
        "various",
        "countless",
        "dozens",
        "hundreds",
        "a few",
        "a number of",
        "a couple",
        "dozens of",
        "hundreds of",
        "a handful of",
    ]
)

ORDINALS: MappingProxyType[str, int] = MappingProxyType(
    {
        w: i + 1
        for i, w in enumerate(
            [
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth",
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth",
                "twentieth",
            ]
        )
    }
    | {"twenty-first": 21, "thirtieth": 30, "thirty-first": 31}
    | {
        f"twenty-{w}": 20 + i + 1
        for i, w in enumerate(
            ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        )
    }
)

DECADE_WORDS: MappingProxyType[str, int] = MappingProxyType(
    {
        w: (i + 2) * 10
        for i, w in enumerate(
            ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        )
    }
)

# Unit word -> (TIMEX3 duration letter, is a time-of-day unit, multiplier).
UNITS: MappingProxyType[str, tuple[str, bool, int]] = MappingProxyType(
    {
        "second": ("S", True, 1),
        "minute": ("M", True, 1),
        "hour": ("H", True, 1),
        "day": ("D", False, 1),
        "night": ("D", False, 1),
        "week": ("W", False, 1),
        "fortnight": ("W", False, 2),
        "month": ("M", False, 1),
        "quarter": ("Q", False, 1),
        "year": ("Y", False, 1),
        "decade": ("Y", False, 10),
        "century": ("Y", False, 100),
    }
)

SET_ADVERBS: MappingProxyType[str, str] = MappingProxyType(
    {
        "hourly": "PT1H",
        "daily": "P1D",
        "nightly": "P1D",
        "weekly": "P1W",
        "biweekly": "P2W",
        "fortnightly": "P2W",
        "monthly": "P1M",
        "quarterly": "P1Q",
        "annually": "P1Y",
        "yearly": "P1Y",
        "biannually": "P6M",
    }
)

# Hedges in front of an amount or a date -> TIMEX3 mod.
QUANT_MODS: MappingProxyType[str, str] = MappingProxyType(
    {
        "about": "APPROX",
        "around": "APPROX",
        "approximately": "APPROX",
        "roughly": "APPROX",
        "some": "APPROX",
        "nearly": "APPROX",
        "almost": "APPROX",
        "close to": "APPROX",
        "more than": "MORE_THAN",
        "over": "MORE_THAN",
        "upwards of": "MORE_THAN",
        "less than": "LESS_THAN",
        "under": "LESS_THAN",
        "fewer than": "LESS_THAN",
        "at least": "EQUAL_OR_MORE",
        "at most": "EQUAL_OR_LESS",
        "up to": "EQUAL_OR_LESS",
        "no more than": "EQUAL_OR_LESS",
    }
)

# "early 2020", "mid-November", "the end of the year" -> TIMEX3 mod.
POSITION_MODS: MappingProxyType[str, str] = MappingProxyType(
    {
        "early": "START",
        "earlier": "START",
        "the beginning of": "START",
        "the start of": "START",
        "the early part of": "START",
        "the first part of": "START",
        "mid": "MID",
        "the middle of": "MID",
        "late": "END",
        "later": "END",
        "the end of": "END",
        "the late part of": "END",
        "the latter part of": "END",
        "the last part of": "END",
        "pre": "BEFORE",
        "post": "AFTER",
    }
)


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so the longest wins (then alphabetical, so the
    pattern text is the same in every process)."""
    ordered = sorted({w.replace(" ", r"\s+") for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(ordered) + ")"


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL]
RX_MONTH = rf"(?:{_alt(_MONTH_FULL)}|{_alt(_MONTH_ABBR)}\.?)(?![\w'’-])"
_WD_FULL = [w for w in WEEKDAYS if w.endswith("day")]
_WD_ABBR = [w for w in WEEKDAYS if not w.endswith("day")]
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
RX_DECADE_WORD = _alt(list(DECADE_WORDS))
RX_TZ = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local\s+time)"


def _words(spaced: str) -> list[str]:
    return spaced.split()


# Every word a temporal expression of the grammar can begin with (besides digits and apostrophes).
START_WORDS: frozenset[str] = frozenset(
    [
        *_words(
            "a an the this that these its their last next past coming previous prior preceding following "
            "latest current same comparable corresponding most more recent recently lately formerly "
            "currently "
            "nowadays now presently right someday early earlier late later mid middle pre post fiscal "
            "calendar "
            "fy q year month quarter first second third fourth final latter back initial remaining ensuing "
            "upcoming each every per about around approximately roughly some nearly almost close over "
            "upwards "
            "less under fewer at up no several few many numerous dozens couple half dozen hundred thousand "
            "noon "
            "midnight midday today tonight yesterday tomorrow new christmas thanksgiving independence "
            "election "
            "easter labor memorial halloween valentine veterans boxing nineteen eighteen twenty two hourly "
            "daily "
            "nightly weekly biweekly fortnightly monthly yearly biannually years months weeks days decades "
            "hours "
            "centuries minutes year-ago year-earlier"
        ),
        *MONTHS,
        *WEEKDAYS,
        *SEASONS,
        *ORDINALS,
        *NUMBER_WORDS,
        *DECADE_WORDS,
        *SET_ADVERBS,
        *_words("flat strong weak disappointing comparable corresponding"),
    ]
)

_UNIT_WORDS = _words("second minute hour day night week fortnight month quarter year decade century weekend")
_QUARTER_ADJECTIVES = _words(
    "current latest most comparable same year-ago year-earlier year-before previous prior fiscal calendar "
    "flat "
    "strong weak disappointing recent preceding corresponding past first second third fourth"
)

_A_FOLLOWERS = (
    "couple few dozen hundred thousand number half full straight consecutive trading business more "
    "additional "
    "extra long calendar working solid"
)

# Frequent function words start an expression only before certain words: "the past three months",
# "a year ago", "that day", "its third quarter", "at least", "up to". Checking the next word rejects
# most of their occurrences before the full grammar runs.
FOLLOWERS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "the": frozenset(
            [
                *_words(
                    "beginning start middle end close early late latter last next coming following final "
                    "remaining ensuing upcoming initial full entire whole present future near distant "
                    "foreseeable immediate short long medium mid nineteen several few many some numerous "
                    "dozens "
                    "couple"
                ),
                *_UNIT_WORDS,
                *_QUARTER_ADJECTIVES,
                *ORDINALS,
                *NUMBER_WORDS,
                *DECADE_WORDS,
                *SEASONS,
            ]
        ),
        "a": frozenset([*_UNIT_WORDS, *NUMBER_WORDS, *_QUARTER_ADJECTIVES, *_words(_A_FOLLOWERS)]),
        "an": frozenset([*_UNIT_WORDS, *NUMBER_WORDS, *_words(_A_FOLLOWERS)]),
        "that": frozenset([*_UNIT_WORDS, *_QUARTER_ADJECTIVES, *ORDINALS, "morning", "afternoon", "evening"]),
        "its": frozenset(_QUARTER_ADJECTIVES),
        "their": frozenset(_QUARTER_ADJECTIVES),
        "at": frozenset(["least", "most"]),
        "up": frozenset(["to"]),
    }
)
