"""Which figures of one series disagree: the qualifier-aware rule.

Each claim stands for an interval of values its words allow: a plain number itself; "about", "roughly",
"around", "some", "an estimated" 10% either side; "nearly", "almost", "just under" up to 10% below;
"more than", "over", "at least", "upwards of" itself and above; "fewer than", "less than", "under", "up
to", "at most" itself and below; a range its two ends. Claims conflict when two of them, from different
articles, have intervals that do not meet, and only when they are placed on the very same date (the
same day, or the same month/year written the same way): a count moves, so different dates never
conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.across.model import Claim, Conflict, Series, SeriesPoint

_TOLERANCE = 0.10
_APPROX = frozenset(
    {
        "about",
        "roughly",
        "around",
        "some",
        "an estimated",
        "estimated",
        "approximately",
        "circa",
        "c.",
    }
)
_BELOW = frozenset({"nearly", "almost", "just under", "close to"})
_AT_LEAST = frozenset(
    {"more than", "over", "at least", "upwards of", "in excess of", "above", "no fewer than"}
)
_AT_MOST = frozenset({"fewer than", "less than", "under", "up to", "at most", "no more than", "below"})

INF = float("inf")


def allowed(value: float, high: float | None, qualifier: str | None) -> tuple[float, float]:
    """The interval of true values a claim allows (see the module docstring)."""
    q = (qualifier or "").casefold()
    top = high if high is not None and high >= value else value
    if q in _BELOW:
        return value * (1 - _TOLERANCE), top
    if q in _APPROX:
        return value * (1 - _TOLERANCE), top * (1 + _TOLERANCE)
    if q in _AT_LEAST:
        return value, INF
    if q in _AT_MOST:
        return 0.0, top
    return value, top


def disagree(a: SeriesPoint, b: SeriesPoint) -> bool:
    """Whether two points' allowed intervals do not meet."""
    lo_a, hi_a = allowed(a.value, a.high, a.qualifier)
    lo_b, hi_b = allowed(b.value, b.high, b.qualifier)
    return hi_a < lo_b or hi_b < lo_a


def claim_of(point: SeriesPoint) -> Claim:
    return Claim(
        point.value,
        point.high,
        point.qualifier,
        point.article_id,
        point.source,
        point.text,
        point.start,
        point.end,
        point.title,
    )


def conflicts(all_series: Sequence[Series]) -> list[Conflict]:
    """Every date of every series on which two articles disagree, with all that date's claims (one per
    article: its first figure there)."""
    found: list[Conflict] = []
    for series in all_series:
        by_date: dict[str, list[SeriesPoint]] = {}
        for point in series.points:
            same_day = by_date.setdefault(point.date, [])
            if all(p.article_id != point.article_id for p in same_day):
                same_day.append(point)
        for day, points in by_date.items():
            if len(points) < 2:
                continue
            if any(disagree(a, b) for i, a in enumerate(points) for b in points[i + 1 :]):
                claims = tuple(claim_of(p) for p in points)
                found.append(Conflict(series.key, series.subject, day, claims, series.unit))
    return found
