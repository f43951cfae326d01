"""Figure series: the series candidates of every article (see `extract.across.digest`) grouped by
subject and count class, in date order.

A series needs at least two dated points on at least two different dates; a group that has only one is
no series (nothing moved). Undated candidates of a series are counted in `Series.undated`, never placed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extract.across.digest import ArticleDigest
from extract.across.model import Series, SeriesPoint

UNIT_LABELS = {
    "troops": "troops",
    "displaced": "people displaced",
    "killed": "people killed",
    "injured": "people injured",
    "missing": "people missing",
}


def series_key(subject_key: str, unit: str) -> str:
    return f"{subject_key}|{unit}"


def build_series(
    digests: Sequence[ArticleDigest], key_of: Callable[[ArticleDigest, int], str], names: dict[str, str]
) -> list[Series]:
    """All series of the library; `key_of(digest, entity_index)` is the library-wide entity key and
    `names` the entities' display names. Sorted by subject then unit."""
    groups: dict[str, list[tuple[tuple[str, str, str, int], SeriesPoint]]] = {}
    undated: dict[str, int] = {}
    subjects: dict[str, tuple[str, str]] = {}
    for digest in digests:
        info = digest.info
        for cand in digest.candidates:
            subject = key_of(digest, cand.subject)
            key = series_key(subject, cand.unit)
            subjects[key] = (subject, cand.unit)
            fig = digest.figure(cand.figure)
            if cand.date is None or cand.sort_day is None or fig.value is None:
                undated[key] = undated.get(key, 0) + 1
                continue
            point = SeriesPoint(
                cand.date,
                fig.value,
                fig.high,
                cand.qualifier,
                info.article_id,
                info.source,
                info.title,
                fig.text,
                fig.start,
                fig.end,
                fig.sentence,
            )
            order = (cand.sort_day, info.published or "", info.article_id, fig.start)
            groups.setdefault(key, []).append((order, point))
    found = []
    for key, items in groups.items():
        if len(items) < 2 or len({p.date for _, p in items}) < 2:
            continue
        items.sort(key=lambda item: item[0])
        subject, unit = subjects[key]
        found.append(
            Series(
                key,
                names.get(subject, subject),
                UNIT_LABELS.get(unit, unit),
                tuple(p for _, p in items),
                undated.get(key, 0),
            )
        )
    found.sort(key=lambda s: (s.subject.casefold(), s.unit, s.key))
    return found
