"""Date arguments of the library commands: `--from` / `--to` take a day, a month or a year."""

from __future__ import annotations

import argparse
import calendar
import re
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def bound(text: str, *, upper: bool) -> date:
    """YYYY-MM-DD, or YYYY-MM / YYYY meaning that month's or year's first day (--from) or last day (--to)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    m = _PARTIAL.match(text)
    try:
        if m is None:
            raise ValueError(text)
        year, month = int(m[1]), int(m[2]) if m[2] else None
        if month is None:
            return date(year, 12, 31) if upper else date(year, 1, 1)
        last = calendar.monthrange(year, month)[1]
        return date(year, month, last if upper else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def from_date(text: str) -> date:
    return bound(text, upper=False)


def to_date(text: str) -> date:
    return bound(text, upper=True)
