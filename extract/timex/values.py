"""TIMEX3 value and mod vocabulary: what a valid `value` string looks like, and the allowed `mod`s."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeGuard

from extract.model import TIMEX_MODS, TimexMod

MODS: frozenset[str] = frozenset(TIMEX_MODS)

_PART = r"(?:MO|AF|EV|NI|DT)"
_CLOCK = r"(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?"
VALUE_RE = re.compile(
    r"(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    rf"|[\dX]{{4}}(?:-[01X][\dX](?:-[0-3X][\dX])?)?(?:T(?:{_CLOCK}|{_PART}))?"
    rf"|[\dX]{{4}}-W[0-5X][\dX](?:-(?:[1-7X]|WE))?(?:T{_PART})?"
    r"|[\dX]{4}-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)"
    r"|\d{3}X?|\d{2}(?:XX)?|XX"
    r"|P(?:(?:\d+(?:\.\d+)?|X)[YMWDQ])+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
    r"|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+)"
)


@lru_cache(maxsize=4096)
def is_valid_value(value: str) -> bool:
    """True when `value` is a TIMEX3 value string this project emits (dates, weeks, quarters, seasons,
    decades, centuries, times, durations, and the PRESENT/PAST/FUTURE references)."""
    return VALUE_RE.fullmatch(value) is not None


def is_valid_mod(mod: str | None) -> TypeGuard[TimexMod | None]:
    return mod is None or mod in MODS
