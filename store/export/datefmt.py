"""Human-readable dates for exports: TIMEX3 values and fact intervals as a reader would write them.

"2020-11" with mod MID -> "mid-Nov 2020"; "2021-01-05" -> "5 Jan 2021"; FUTURE_REF from 2021-01-05 ->
"after 5 Jan 2021". Pure functions.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.model import Fact

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
MOD_WORDS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "up to",
    "EQUAL_OR_MORE": "at least",
}

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
HALF = re.compile(r"^(\d{4})-H([12])$")
SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
DECADE = re.compile(r"^(\d{3})X?$")  # "199" (TimeML), "199X" (analyses before version 12)
# Values and days remembered in words: a briefing writes the same dates again and again (at 10,000
# articles 51,000 facts' dates and 10,000 articles' days).
DATES_KEPT = 4096


@lru_cache(maxsize=DATES_KEPT)
def human_day(iso: str) -> str:
    """'2021-01-05' -> '5 Jan 2021'."""
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@lru_cache(maxsize=DATES_KEPT)
def human_value(value: str) -> str | None:
    """A calendar TIMEX3 value in words, or None when the value is not a calendar point or period."""
    if m := DAY.match(value):
        day = human_day(f"{m[1]}-{m[2]}-{m[3]}")
        return f"{day} {m[4]}:{m[5]}" if m[4] else day
    if m := MONTH.match(value):
        return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := YEAR.match(value):
        return m[1]
    if m := WEEK.match(value):
        return f"week {int(m[2])} of {m[1]}"
    if m := QUARTER.match(value):
        return f"Q{m[2]} {m[1]}"
    if m := HALF.match(value):
        return f"{'first' if m[2] == '1' else 'second'} half of {m[1]}"
    if m := SEASON.match(value):
        return f"{SEASONS[m[2]]} {m[1]}"
    if m := DECADE.match(value):
        return f"{m[1]}0s"
    return None


def with_mod(words: str, mod: str | None) -> str:
    """'Nov 2020' with MID -> 'mid-Nov 2020', with END -> 'late Nov 2020'; other modifiers likewise."""
    if not mod or mod not in MOD_WORDS:
        return words
    word = MOD_WORDS[mod]
    if words.startswith("the "):  # "the 1980s": "late 1980s", "mid-1980s"
        words = words[len("the ") :]
    return f"mid-{words}" if word == "mid" else f"{word} {words}"


REFERENCES = {"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}


def interval_words(start: str | None, end: str | None) -> str:
    """A fact's calendar interval in words: 'from 5 Jan 2021', 'until 4 Jan 2021', '1 Jan to 7 Jan 2021'."""
    if start and end:
        return human_day(start) if start == end else f"{human_day(start)} to {human_day(end)}"
    if start:
        return f"after {human_day(start)}"
    if end:
        return f"before {human_day(end)}"
    return "undated"


def describe_fact_date(fact: Fact) -> str:
    """How a timeline shows a fact's date: the calendar value in words with its modifier, or, for
    references and unanchored values, the interval it covers with the expression as written."""
    return describe_date(fact.value, fact.date.mod, fact.date.text, fact.start_date, fact.end_date)


def describe_date(value: str, mod: str | None, text: str, start: str | None, end: str | None) -> str:
    """`describe_fact_date` of a fact given by its parts: its value, its date's modifier and expression
    as written, and the ISO ends of its interval."""
    words = human_value(value)
    if words is not None:
        return with_mod(words, mod)
    interval = REFERENCES[value] if not (start or end) and value in REFERENCES else interval_words(start, end)
    expression = " ".join(text.split())
    return f'{interval} ("{expression}")' if expression else interval
