"""Calendar arithmetic for anchoring relative expressions to the publication date.

Every function takes the reference date (or None) and returns a TIMEX3 value string; with no reference
date the value keeps its unknown parts as X (``XXXX-12``). Month arithmetic and floating holidays use
python-dateutil's relativedelta; day and week shifts are plain `timedelta`s (same result, far cheaper).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import MAXYEAR, MINYEAR, date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, TU, relativedelta

Tense = str  # "PAST" | "FUTURE" | "PRESENT" | ""

# A month-day this close to the reference keeps the reference year whatever the tense: news gives the
# year for dates further away, and a past verb near a date close ahead is more often a deadline set
# ("set Nov. 10 as the deadline", "payable Dec. 15") than an event a year ago.
_NEAR_DAYS = 60


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_days(ref: date | None, days: int) -> str:
    if ref is None:
        return "XXXX-XX-XX"
    return day_value(ref + timedelta(days=days))


def shift_weeks(ref: date | None, weeks: int) -> str:
    if ref is None:
        return "XXXX-WXX"
    return week_value(ref + timedelta(weeks=weeks))


def shift_months(ref: date | None, months: int) -> str:
    if ref is None:
        return "XXXX-XX"
    d = ref + relativedelta(months=months)
    return month_value(d.year, d.month)


def shift_years(ref: date | None, years: int) -> str:
    if ref is None:
        return "XXXX"
    return f"{ref.year + years:04d}"


def shift_quarters(ref: date | None, quarters: int) -> str:
    if ref is None:
        return "XXXX-QX"
    d = ref + relativedelta(months=3 * quarters)
    return f"{d.year:04d}-Q{quarter_of(d)}"


def shift_decades(ref: date | None, decades: int) -> str:
    if ref is None:
        return "XXXX"
    return f"{(ref.year // 10 + decades):03d}"  # TimeML writes a decade as its three leading digits


def shift_centuries(ref: date | None, centuries: int) -> str:
    if ref is None:
        return "XX"
    return f"{(ref.year // 100 + centuries):02d}"


def year_for_month(ref: date, month: int, day: int | None, tense: Tense) -> int:
    """The year of a bare "December" / "January 15", as a careful reader takes it: in a past-tense clause
    the latest occurrence not after the reference, in a future one ("expected in June", "will ... by
    January 15") the next one not before it, and without a clear tense the nearest occurrence, the past
    one favoured (news reports what happened). The reference's own month is this year's either way."""
    if day is None:
        if month == ref.month:
            return ref.year
        if tense == "PAST":
            return ref.year - 1 if month > ref.month else ref.year
        if tense == "FUTURE":
            return ref.year + 1 if month < ref.month else ref.year
    middle = min(day or 15, 28)
    gap = (date(ref.year, month, middle) - ref).days
    if tense == "PAST":
        return ref.year - 1 if gap > _NEAR_DAYS else ref.year
    if tense == "FUTURE":
        return ref.year + 1 if gap < -_NEAR_DAYS else ref.year
    # No clear tense: the nearest occurrence, the past one favoured (news reports what happened).
    candidates = (ref.year - 1, ref.year, ref.year + 1)

    def cost(y: int) -> float:
        days = (date(y, month, middle) - ref).days
        return days * 1.5 if days > 0 else -days

    return min(candidates, key=cost)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(ref: date, season: str, tense: Tense) -> int:
    """The year of a bare season ("the autumn harvest", "in winter"): the latest one begun by the reference
    in a past-tense clause, the next one not yet over in a future one, else the reference's year (the
    winter of January and February is the one that began the December before)."""
    start = _SEASON_START[season]
    current_winter = season == "WI" and ref.month <= 2
    if tense == "PAST":
        return ref.year - 1 if start > ref.month else ref.year
    if current_winter:
        return ref.year - 1
    if tense == "FUTURE":
        return ref.year + 1 if start + 2 < ref.month else ref.year
    return ref.year


def last_season_year(ref: date, season: str) -> int:
    """The year of "last SEASON": the latest one over before `ref` (its last month before `ref`'s month):
    "last summer" in November is that year's, in July the year before's; "last winter" in January is the
    one before the winter under way (a winter's year is that of its December)."""
    if season == "WI":  # over at the end of the February after its December
        return ref.year - 1 if ref.month > 2 else ref.year - 2
    return ref.year if _SEASON_START[season] + 2 < ref.month else ref.year - 1


def weekday_date(ref: date, weekday: int, tense: Tense, relation: str = "") -> date:
    """The date of a weekday name (0 = Monday) relative to `ref`, chosen by relation word or tense;
    without a clear tense the nearer one, the past one when they are about as near (news reports)."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if relation in ("last", "this past", "the previous", "past"):
        return ref - timedelta(days=back or 7)
    if relation in ("next", "this coming", "the following", "the next", "coming"):
        return ref + timedelta(days=ahead or 7)
    if back == 0:
        return ref
    if tense == "FUTURE" or (tense != "PAST" and ahead < back - 1):
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


# How long after a quarter ends its results are still to come ("will report fourth-quarter results" in
# January speaks of the quarter just ended).
_RESULTS_DAYS = 75


def quarter_year(ref: date, quarter: int, tense: Tense, results: bool = False) -> int:
    """The year of "the third quarter": a quarter not yet begun is last year's when spoken of in the past; in
    the future, the next one not yet over ("growth will recover in the second quarter", said in December:
    next year's), or, for its results ("will report fourth-quarter results", in January), the one whose
    results are still to come."""
    current = quarter_of(ref)
    if tense == "FUTURE":
        for year in (ref.year - 1, ref.year, ref.year + 1):
            if not MINYEAR <= year <= MAXYEAR:
                continue
            end = date(year, 3 * quarter, monthrange(year, 3 * quarter)[1])
            if end >= ref - timedelta(days=_RESULTS_DAYS if results else 0):
                return year
    if quarter > current and tense == "PAST":
        return ref.year - 1
    if quarter >= current and quarter == 4 and ref.month <= 2 and tense != "FUTURE":
        return ref.year - 1
    return ref.year


FIXED_HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
    "boxing day": (12, 26),
    "may day": (5, 1),
}


def holiday(name: str, year: int) -> date | None:
    """The date of a named holiday in `year` (US conventions for the floating ones)."""
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name.startswith("easter"):
        d = easter(year)
        return d + timedelta(days=1) if name.endswith("monday") else d
    if name.startswith("thanksgiving"):
        return date(year, 11, 1) + relativedelta(weekday=TH(4))
    if name == "election day":
        return date(year, 11, 2) + relativedelta(weekday=TU(1))
    if name == "labor day":
        return date(year, 9, 1) + relativedelta(weekday=MO(1))
    if name == "memorial day":
        return date(year, 5, 31) + relativedelta(weekday=MO(-1))
    return None


def nearest_holiday(name: str, ref: date, tense: Tense) -> date | None:
    """The occurrence of a holiday before `ref` (past tense), after it (future), else the nearest."""
    days = [d for d in (holiday(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d is not None]
    if not days:
        return None
    if tense == "PAST":
        past = [d for d in days if d <= ref]
        return past[-1] if past else None
    if tense == "FUTURE":
        future = [d for d in days if d >= ref]
        return future[0] if future else None
    return min(days, key=lambda d: abs((d - ref).days))


def holiday_week(name: str, ref: date, tense: Tense) -> date | None:
    """The holiday of "Easter week" or "the Thanksgiving weekend" around `ref`: the latest whose week had
    begun by `ref` (past tense), the first whose week is not over (future), else the one whose week starts
    nearest."""
    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if MINYEAR <= y <= MAXYEAR]
    days = [d for d in (holiday(name, y) for y in years) if d is not None]
    starts = [(d - timedelta(days=d.weekday()), d) for d in days]
    if tense == "PAST":
        begun = [d for start, d in starts if start <= ref]
        return begun[-1] if begun else None
    if tense == "FUTURE":
        open_weeks = [d for start, d in starts if start + timedelta(days=6) >= ref]
        return open_weeks[0] if open_weeks else None
    return min(starts, key=lambda pair: abs((pair[0] - ref).days))[1] if starts else None
