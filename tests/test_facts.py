"""Dated facts: calendar intervals of TIMEX3 values, ordering, and the user's article timeline."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extract import analyze, facts
from extract.facts import _forward, _reporting, _span_days, build_facts, event_date, interval
from extract.model import DateMention, Entity, Figure, Sentence

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
USER_ARTICLE = SAMPLES / "2021-01-05-rudaw-kadhimi-withdrawal.md"


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2021-01-05", None, ("2021-01-05", "2021-01-05")),
        ("2021-01-05T14:00", None, ("2021-01-05", "2021-01-05")),
        ("2020-02", None, ("2020-02-01", "2020-02-29")),
        ("2020", None, ("2020-01-01", "2020-12-31")),
        ("2020-Q3", None, ("2020-07-01", "2020-09-30")),
        ("2020-H1", None, ("2020-01-01", "2020-06-30")),
        ("2020-SU", None, ("2020-06-01", "2020-08-31")),
        ("2020-WI", None, ("2020-12-01", "2021-02-28")),
        ("2020-W53", None, ("2020-12-28", "2021-01-03")),
        ("2020-W53-WE", None, ("2021-01-02", "2021-01-03")),
        ("199", None, ("1990-01-01", "1999-12-31")),
        ("199X", None, ("1990-01-01", "1999-12-31")),
        ("19XX", None, ("1900-01-01", "1999-12-31")),
        ("2020-11", "MID", ("2020-11-11", "2020-11-20")),
        ("2020-11", "START", ("2020-11-01", "2020-11-10")),
        ("2020-11", "END", ("2020-11-21", "2020-11-30")),
        ("2020", "BEFORE", (None, "2019-12-31")),
        ("2020", "AFTER", ("2021-01-01", None)),
        ("XXXX-12", None, (None, None)),
        ("P3M", None, (None, None)),
        ("2021-W60", None, (None, None)),
    ],
)
def test_interval(value: str, mod: str | None, expected: tuple[str | None, str | None]) -> None:
    lo, hi = interval(value, mod)
    assert (lo.isoformat() if lo else None, hi.isoformat() if hi else None) == expected


def test_reference_intervals_need_the_publication_date() -> None:
    day = date(2021, 1, 5)
    assert interval("PRESENT_REF", None, day) == (day, day)
    assert interval("PAST_REF", None, day) == (None, day)
    assert interval("FUTURE_REF", None, day) == (day, None)
    assert interval("FUTURE_REF") == (None, None)


def test_facts_order_and_content() -> None:
    text = "In 2020 Iraq had 5,000 troops. In January 2020 the US left. On January 3, 2020 it struck."
    sentences = [Sentence(0, 30), Sentence(31, 59), Sentence(60, 89)]
    dates = [
        DateMention(3, 7, "2020", "DATE", "2020"),
        DateMention(34, 46, "January 2020", "DATE", "2020-01"),
        DateMention(63, 78, "January 3, 2020", "DATE", "2020-01-03"),
        DateMention(79, 80, "x", "DURATION", "P3D"),
    ]
    entities = [Entity(8, 12, "Iraq", "GPE", "Iraq"), Entity(51, 53, "US", "GPE", "United States")]
    figures = [Figure(17, 22, "5,000", 5000.0, "cardinal", "troops")]
    facts = build_facts(text, sentences, dates, entities, figures)
    # By interval start; within the same start (2020-01-01) the finer interval first.
    assert [f.value for f in facts] == ["2020-01", "2020", "2020-01-03"]
    # A figure is listed with what it counts ("5,000 troops"), as DESIGN.md shows.
    assert facts[1].entities == ("Iraq",) and facts[1].figures == ("5,000 troops",)
    assert facts[0].entities == ("United States",)
    assert facts[2].text == text[60:89]
    assert all(f.date.type in ("DATE", "TIME") for f in facts)


def test_user_article_timeline_in_order() -> None:
    text = USER_ARTICLE.read_text(encoding="utf-8")
    analysis = analyze(text, date(2021, 1, 5))
    values = [f.value for f in analysis.facts]
    # DESIGN.md: 2020-01 · 2020-09 · mid-November 2020 · 2020-12 · 2021-01-03 (tense-only limit: the
    # event was in 2020) · 2021-01-05 (the speech) · 2021-01-15 · the coming days. "Marotto told Rudaw in
    # December that the US would be drawing down ... by January 15" is one statement: one row at its event
    # date (January 15) that also shows December.
    expected = ["2020-01", "2020-09", "2020-11", "2021-01-03", "2021-01-05", "2021-01-15", "FUTURE_REF"]
    positions = [values.index(v) for v in expected]
    assert positions == sorted(positions), values
    by_value = {f.value: f for f in reversed(analysis.facts)}
    assert by_value["2020-11"].date.mod == "MID"
    assert by_value["2020-11"].start_date == "2020-11-11"
    assert "roughly 5,000" in " ".join(by_value["2020-01"].figures)
    assert by_value["FUTURE_REF"].end_date is None
    assert values[-1] == "FUTURE_REF"
    assert [d.value for d in by_value["2021-01-15"].dates] == ["2020-12", "2021-01-15"]
    # Each sentence is one row.
    sentences = [f.sentence for f in analysis.facts]
    assert len(sentences) == len(set(sentences))
    # "confirmed on Tuesday that ... will have withdrawn within the coming days": the event is the future.
    erbil = next(f for f in analysis.facts if f.text.startswith("ERBIL"))
    assert erbil.value == "FUTURE_REF"
    assert [d.text for d in erbil.dates] == ["Tuesday", "coming days"]
    speech = [f for f in analysis.facts if f.value == "2021-01-05" and f.date.text == "Tuesday"]
    assert len(speech) == 1


def _event_of(sentence: str, published: date = date(2021, 1, 5)) -> str:
    facts = analyze(sentence, published).facts
    assert len(facts) == 1, facts
    return facts[0].date.text


def test_event_date_skips_reporting_dates() -> None:
    assert _event_of("The minister said on Monday that the plant would reopen in March.") == "March"
    assert _event_of("The port reopened on 4 January, officials told reporters on Friday.") == "4 January"


def test_event_date_prefers_the_precise_date() -> None:
    sentence = "The mill shut in late July after a survey of pipes laid in the 1970s."
    assert _event_of(sentence) == "late July"


def test_event_date_prefers_the_forward_clause() -> None:
    sentence = "Exports fell in 2019, and the ministry expects them to recover in the coming months."
    assert _event_of(sentence) != "2019"


def test_a_century_is_a_fact_of_its_hundred_years() -> None:
    result = analyze("The bridge was built in the 19th century.\n", date(2021, 1, 5))
    (fact,) = result.facts
    assert (fact.value, fact.start_date, fact.end_date) == ("18", "1800-01-01", "1899-12-31")


def test_a_comparison_base_does_not_date_the_statement() -> None:
    text = "Exports rose 17% from a year earlier, the ministry reported.\n"
    result = analyze(text, date(2021, 1, 5))
    assert [d.comparison for d in result.dates] == [True]
    assert not result.facts


_CLAUSES = [
    "the minister said on Monday",
    "the plant would reopen in March",
    "exports fell in 2019",
    "officials told reporters on Friday",
    "the mill shut in late July",
    "pipes laid in the 1970s",
    "prices will recover in the coming months",
    "the council met on 4 January",
    "sales rose last year",
    "the plan is due by January 15",
    "in his Tuesday speech he spoke",
]


def _least_ranked(
    text: str, sentence: Sentence, dated: list[DateMention], published: date | None
) -> DateMention:
    """The event date as first defined: the least (reporting, not forward, span, position) key."""

    def rank(item: tuple[int, DateMention]) -> tuple[bool, bool, int, int]:
        position, mention = item
        return (
            _reporting(text, sentence, mention),
            not _forward(text, sentence, mention),
            _span_days(mention.value, mention.mod, published),
            position,
        )

    return min(enumerate(dated), key=rank)[1]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSES), min_size=2, max_size=5), st.sampled_from([None, date(2021, 1, 5)]))
def test_event_date_is_the_least_ranked_mention(clauses: list[str], published: date | None) -> None:
    """The event date's tests applied in turn choose what the least key chose when every test was
    computed for every mention."""
    text = ", and ".join(clauses).capitalize() + "."
    analysis = analyze(text, published)
    (sentence,) = analysis.sentences
    dated = [m for m in analysis.dates if m.type in ("DATE", "TIME") and not m.comparison]
    assume(len(dated) >= 2)
    assert event_date(text, sentence, dated, published) is _least_ranked(text, sentence, dated, published)


# The reporting-verb pattern as first written: the words as one plain alternation.
_REPORTING_ALTERNATION = re.compile(
    rf"\b(?:{'|'.join(facts._REPORTING_WORDS)})\b(?:\W+\w+){{0,3}}?\W+$", re.IGNORECASE
)
_WINDOW_WORDS = st.sampled_from(
    [*facts._REPORTING_WORDS, "Said", "SAYS", "sayings", "resaid", "the", "on", "in", "his", ",", " ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WINDOW_WORDS, max_size=8), st.sampled_from([" ", "", " , "]))
def test_reporting_trie_finds_what_the_alternation_finds(words: list[str], joiner: str) -> None:
    text = joiner.join(words) + " "
    for lo in range(len(text)):
        found = facts._REPORTING.search(text, lo, len(text))
        expected = _REPORTING_ALTERNATION.search(text, lo, len(text))
        assert (found and found.span()) == (expected and expected.span())


_FORWARD_ALTERNATION = re.compile(
    r"\b(?:will|would|shall|expected|expects|due|scheduled|plans?|planned|planning|intends?|set to|"
    r"going to|aims?|forecasts?|projected)\b",
    re.IGNORECASE,
)  # the forward-looking pattern as first written
_CLAUSE_WORDS = st.sampled_from(
    [
        *facts._FORWARD_WORDS,
        "WILL",
        "Plans",
        "planet",
        "set",
        "to",
        "going",
        "aimless",
        "undue",
        "the",
        ",",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLAUSE_WORDS, max_size=8), st.sampled_from([" ", ""]))
def test_forward_trie_finds_what_the_alternation_finds(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    assert [m.span() for m in facts._FORWARD.finditer(text)] == [
        m.span() for m in _FORWARD_ALTERNATION.finditer(text)
    ]
