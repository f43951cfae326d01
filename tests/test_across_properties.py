"""Hypothesis properties of extract/across: never crash; every point's offsets slice to its figure text;
series in date order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.across_support import index, make

WORDS = st.sampled_from(
    [
        "About 12,000 people",
        "more than 38,000",
        "troops",
        "the US had roughly 5,000 troops",
        "displaced",
        "out of their homes",
        "Typhoon Marla",
        "killed",
        "on Sunday",
        "in September",
        "The number was drawn down to 3,000",
        "at least 120 people were killed",
        ".",
        ",",
        "in shelters",
        "Kadhimi",
        "said",
        "2,500 by January 15",
    ]
)
TEXTS = st.lists(WORDS, max_size=30).map(" ".join)
DAYS = st.sampled_from([None, "2020-01-05", "2022-10-12", "2022-10-19"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXTS, DAYS), min_size=1, max_size=4))
def test_series_are_sound(articles: list[tuple[str, str | None]]) -> None:
    texts = {f"a{n}": text for n, (text, _) in enumerate(articles)}
    idx = index(*(make(f"a{n}", text, day) for n, (text, day) in enumerate(articles)))
    for series in idx.all_series():
        assert len(series.points) >= 2
        for point in series.points:
            assert texts[point.article_id][point.start : point.end] == point.text
        days = [p.date for p in series.points]
        assert len(set(days)) >= 2
        exact = [d for d in days if len(d) == 10]  # whole days keep their calendar order
        assert exact == sorted(exact)
    for conflict in idx.conflicts():
        assert len({c.article_id for c in conflict.claims}) >= 2
    for summary in idx.entities():
        assert idx.profile(summary.key).name == summary.name
