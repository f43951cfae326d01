"""Properties of the date layer on any text and any publication date (hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.facts import build_facts, interval
from extract.model import TIMEX_TYPES
from extract.sentences import split_sentences
from extract.timex import find_dates
from extract.timex.values import is_valid_mod, is_valid_value

WORDS = st.sampled_from(
    [
        "January",
        "Jan.",
        "5",
        "5th",
        "2021",
        "1990s",
        "the",
        "past",
        "three",
        "months",
        "ago",
        "last",
        "next",
        "week",
        "Tuesday",
        "mid-November",
        "early",
        "late",
        "February",
        "30",
        ",",
        ".",
        "in",
        "on",
        "by",
        "every",
        "year",
        "daily",
        "10:35",
        "a.m.",
        "p.m.",
        "today",
        "yesterday",
        "quarter",
        "third",
        "Q3",
        "summer",
        "decade",
        "century",
        "20th",
        "said",
        "will",
        "was",
        "—",
        "\n",
        "01/05/2021",
        "2021-02-30",
        "F-16",
        "COVID-19",
        "$",
        "%",
        "about",
        "more",
        "than",
        "two",
        "years",
        "Christmas",
        "fiscal",
        "1989",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))
DAYS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(TEXTS, DAYS)
def test_any_text_any_date(text: str, published: date | None) -> None:
    sentences = split_sentences(text)
    found = find_dates(text, sentences, published)
    last_end = -1
    for d in found:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert d.start >= last_end  # in order, never overlapping
        last_end = d.end
        assert d.type in TIMEX_TYPES
        assert is_valid_value(d.value), d
        assert is_valid_mod(d.mod), d
        if published is None and "X" in d.value and d.type in ("DATE", "TIME"):
            assert not d.anchored or not d.value.startswith("XXXX")
    for fact in build_facts(text, sentences, found, [], [], published=published):
        if fact.start_date and fact.end_date:
            assert fact.start_date <= fact.end_date
        assert text[fact.sentence.start : fact.sentence.end] == fact.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_partition_the_text(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last = s.end


@given(
    st.sampled_from(
        ["2020", "2020-02", "2020-02-29", "2020-Q4", "2020-H2", "2020-WI", "2020-W01", "199", "199X", "19XX"]
    ),
    st.sampled_from(
        [None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"]
    ),
)
def test_interval_start_before_end(value: str, mod: str | None) -> None:
    lo, hi = interval(value, mod)
    assert lo is not None or hi is not None
    if lo and hi:
        assert lo <= hi


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 25), date(9999, 12, 31)])
def test_calendar_edges(published: date) -> None:
    text = (
        "Tomorrow and yesterday, next week, last week, next month, next year, the next day, the weekend, "
        "in two centuries, 5 years from now, 3 days ago, Friday, next Friday, in December, January 15, "
        "the third quarter, the year-ago quarter, next quarter, Christmas, Easter, the 1990s, next decade, "
        "1:30 p.m. tomorrow, noon Friday, the first half of next year, next winter, "
        "in late 9999, before 0001."
    )
    sentences = split_sentences(text)
    found = find_dates(text, sentences, published)
    assert found and all(is_valid_value(d.value) for d in found)
    for fact in build_facts(text, sentences, found, [], [], published=published):
        if fact.start_date and fact.end_date:
            assert fact.start_date <= fact.end_date
    assert interval("9999", "AFTER") == (date(9999, 1, 1), date(9999, 12, 31))
