"""Temporal expressions: every family of issue 3 with its expected TIMEX3 value, and the negatives."""

from __future__ import annotations

import re
from datetime import date

import pytest

from extract.sentences import split_sentences
from extract.timex import find_dates, is_valid_value

DCT = date(2021, 1, 5)  # a Tuesday


def dates(text: str, published: date | None = DCT) -> list[tuple[str, str, str, str | None]]:
    return [(d.text, d.type, d.value, d.mod) for d in find_dates(text, split_sentences(text), published)]


def one(text: str, published: date | None = DCT) -> tuple[str, str, str, str | None]:
    found = dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It happened on 5 January 2021.", "5 January 2021", "2021-01-05"),
        ("It happened on Jan. 5, 2020.", "Jan. 5, 2020", "2020-01-05"),
        ("It happened on January 5th, 2021.", "January 5th, 2021", "2021-01-05"),
        ("The file is dated 2021-01-05 here.", "2021-01-05", "2021-01-05"),
        ("Filed 01/25/2021 in court.", "01/25/2021", "2021-01-25"),
        ("Filed 25/01/2021 in court.", "25/01/2021", "2021-01-25"),
        ("Filed 01/05/2021 in court.", "01/05/2021", "2021"),  # day and month ambiguous: the year only
        ("He came Monday, Oct. 26, 2020: a visit.", "Monday, Oct. 26, 2020", "2020-10-26"),
        ("Sales rose in January 2020.", "January 2020", "2020-01"),
        ("Sales rose in 2019.", "2019", "2019"),
        ("Prices soared in the 1990s.", "the 1990s", "199"),
        ("It was built in the 20th century.", "the 20th century", "19"),
        ("Profit fell in the third quarter of 2019.", "the third quarter of 2019", "2019-Q3"),
        ("Revenue doubled in Q2 2020.", "Q2 2020", "2020-Q2"),
        ("Crops failed in summer 2019.", "summer 2019", "2019-SU"),
        ("The holiday is on Christmas Day, 2020.", "Christmas Day, 2020", "2020-12-25"),
    ],
)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    found = one(text)
    assert found[0] == span
    assert found[1] == "DATE"
    assert found[2] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The minister spoke today.", "today", "2021-01-05"),
        ("The minister spoke yesterday.", "yesterday", "2021-01-04"),
        ("The minister will speak tomorrow.", "tomorrow", "2021-01-06"),
        ("Talks ended last week.", "last week", "2020-W53"),
        ("Talks resume next month.", "next month", "2021-02"),
        ("The plant closed two years ago.", "two years ago", "2019"),
        ("The plant closed three days ago.", "three days ago", "2021-01-02"),
        ("Prices rose earlier this year.", "earlier this year", "2021"),
        ("Prices rose last year.", "last year", "2020"),
        ("The vote is next year.", "next year", "2022"),
        ("The minister is in Paris now.", "now", "PRESENT_REF"),
        ("The minister recently resigned.", "recently", "PAST_REF"),
        ("Troops will leave in the coming days.", "the coming days", "FUTURE_REF"),
        ("It may change in the near future.", "the near future", "FUTURE_REF"),
        ("Rents have risen in recent years.", "recent years", "PAST_REF"),
    ],
)
def test_relative_dates(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found[0], found[2]) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("Shops reopened in early 2020.", "early 2020", "2020", "START"),
        ("Shops reopened in mid-2020.", "mid-2020", "2020", "MID"),
        ("Shops reopened in late 2020.", "late 2020", "2020", "END"),
        ("The decision was announced in mid-November.", "mid-November", "2020-11", "MID"),
        ("The deal was signed at the end of 2019.", "the end of 2019", "2019", "END"),
        ("It lasted about three months.", "three months", "P3M", "APPROX"),  # TimeML: "about" outside
        ("It lasted more than two years.", "more than two years", "P2Y", "MORE_THAN"),
    ],
)
def test_modifiers(text: str, span: str, value: str, mod: str) -> None:
    found = one(text)
    assert (found[0], found[2], found[3]) == (span, value, mod)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Talks went on for three months.", "three months", "P3M"),
        ("It took a decade to finish.", "a decade", "P10Y"),
        ("Output fell over the past three months.", "the past three months", "P3M"),
        ("The strike lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("They waited two and a half years.", "two and a half years", "P2Y6M"),
        ("It signed a two-year contract.", "two-year", "P2Y"),
        ("The war dragged on for years.", "years", "PXY"),
        ("It took several weeks.", "several weeks", "PXW"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found[0], found[1], found[2]) == (span, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The committee meets every week.", "every week", "P1W"),
        ("The paper is printed daily.", "daily", "P1D"),
        ("Fees are reviewed annually.", "annually", "P1Y"),
        ("The board meets each month.", "each month", "P1M"),
        ("The market opens on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("The choir rehearses on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("Sunday mornings are quiet here.", "Sunday mornings", "XXXX-WXX-7TMO"),
        ("It is held every July.", "every July", "XXXX-07"),
        ("Fees rise twice a year.", "a year", "P1Y"),
    ],
)
def test_sets(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found[0], found[1], found[2]) == (span, "SET", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The blast came at 10:35 a.m. local time.", "10:35 a.m. local time", "2021-01-05T10:35"),
        ("The vote closes at 5 p.m. EST Tuesday.", "5 p.m. EST Tuesday", "2021-01-05T17:00"),
        ("Shelling resumed at 14:30 in the north.", "14:30", "2021-01-05T14:30"),
        ("The meeting starts at noon.", "noon", "2021-01-05T12:00"),
        ("Gunfire was heard last night.", "last night", "2021-01-04TNI"),
        ("The president speaks tonight.", "tonight", "2021-01-05TNI"),
    ],
)
def test_times(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found[0], found[1], found[2]) == (span, "TIME", value)


def test_tense_chooses_direction_of_bare_months_and_weekdays() -> None:
    text = "Marotto told Rudaw in December that the US would draw down troops by January 15."
    assert [(d[0], d[2]) for d in dates(text)] == [("December", "2020-12"), ("January 15", "2021-01-15")]
    assert one("The minister said Friday that talks failed.")[2] == "2021-01-01"
    assert one("The minister will visit on Friday.")[2] == "2021-01-08"
    assert one("The talks will resume in March.")[2] == "2021-03"
    assert one("The talks collapsed in March.")[2] == "2020-03"
    assert one("The vote was held last Monday.")[2] == "2021-01-04"
    assert one("The vote is next Monday.")[2] == "2021-01-11"


def test_quarter_references_follow_financial_convention() -> None:
    text = "Profit rose in the third quarter. It was 5% above the year-ago quarter."
    assert [d[2] for d in dates(text, date(1989, 10, 27))] == ["1989-Q3", "1988-Q3"]
    assert one("Net fell in the latest quarter.", date(1989, 10, 27))[2] == "1989-Q3"


def test_unanchored_without_publication_date() -> None:
    text = "He told Rudaw in December that talks ended on Tuesday and last year."
    found = find_dates(text, split_sentences(text), None)
    assert [(d.text, d.value, d.anchored) for d in found] == [
        ("December", "XXXX-12", False),
        ("Tuesday", "XXXX-WXX-2", False),
        ("last year", "XXXX", False),
    ]
    absolute = find_dates("Signed on 5 January 2021.", split_sentences("Signed on 5 January 2021."), None)
    assert [(d.value, d.anchored) for d in absolute] == [("2021-01-05", True)]


@pytest.mark.parametrize(
    "text",
    [
        "The F-16 jets flew over the base.",
        "COVID-19 spread quickly.",
        "See page 2020 of the report.",
        "Call 555-2020 or (212) 555-1998 for details.",
        "The fund is worth $2021 million.",
        "About 2000 people marched.",
        "The ratio was 1.5 to 3.",
        "He may go to the market.",
        "Soldiers march on.",
        "Thousands joined the annual March for Clean Rivers.",
        "The chip runs 15 million instructions per second.",
        "The preferred stock pays $1.76 a year.",
        "It felt like high noon in the square.",
    ],
)
def test_negatives_have_no_dates(text: str) -> None:
    assert dates(text) == []


def test_impossible_dates_never_become_calendar_values() -> None:
    assert dates("The deal was signed on February 30, 2021.") == []
    assert dates("Dated 2021-02-30 in the file.") == []
    assert dates("It was signed on 31 April.") == []
    assert dates("Leap day is February 29, 2020.")[0][2] == "2020-02-29"


def test_corrections_force_a_value() -> None:
    from extract.corrections import Corrections

    text = "The attack on January 3 shocked Baghdad."
    fixed = find_dates(text, split_sentences(text), DCT, Corrections(date_values={"January 3": "2020-01-03"}))
    assert [(d.text, d.value) for d in fixed] == [("January 3", "2020-01-03")]


def test_spans_exclude_leading_prepositions() -> None:
    assert one("He spoke on Tuesday.")[0] == "Tuesday"
    assert one("They met in the past three months.")[0] == "the past three months"


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2021-01-05", True),
        ("2021-01-05T14:30", True),
        ("XXXX-12", True),
        ("XXXX-WXX-2", True),
        ("2020-W53-WE", True),
        ("2020-Q3", True),
        ("199", True),
        ("199X", True),
        ("P2Y6M", True),
        ("PT5H30M", True),
        ("PXY", True),
        ("FUTURE_REF", True),
        ("2021-1-5", False),
        ("P", False),
        ("yesterday", False),
        ("2020-Q5", False),
        ("", False),
    ],
)
def test_value_validator(value: str, ok: bool) -> None:
    assert is_valid_value(value) is ok


def test_no_publication_date_never_means_today() -> None:
    text = "Officials met today and will meet again tomorrow."
    found = find_dates(text, split_sentences(text), None)
    assert [(d.value, d.anchored) for d in found] == [("XXXX-XX-XX", False), ("XXXX-XX-XX", False)]


def test_idioms_and_rates() -> None:
    assert one("She hopes he may one day return.")[1:3] == ("DATE", "FUTURE_REF")
    assert dates("Protesters stood there 24 hours a day.") == [
        ("24 hours", "DURATION", "PT24H", None),
        ("a day", "SET", "P1D", None),
    ]


def _bare_alternation() -> re.Pattern[str]:
    """The ordered alternation of every rule, without start filter or dispatch: the reference for `scan`."""
    from extract.timex.grammar import FLAGS, RULES

    return re.compile(
        r"(?<![\w$€£#@/-])(?:"
        + "|".join(f"(?P<{name}>{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', pattern)})" for name, pattern in RULES)
        + ")",
        FLAGS,
    )


def test_scan_finds_exactly_what_the_ordered_alternation_finds() -> None:
    """The start filter and the per-position rule selection are optimisations only."""
    from extract.timex.scanner import scan

    bare = _bare_alternation()
    text = (
        "Profit rose in a flat second quarter, that third-quarter and a calendar year, from the year-ago "
        "period. "
        "On Monday, Oct. 26, 2020 at 5 p.m. EST the firm said that in the past three months, an "
        "additional year, "
        "the coming days, recently, now, every week, annually, Mondays, the 1990s, the 20th century, "
        "mid-November, "
        "early 2020, late last week, the day after tomorrow, twice a year, 24 hours a day, Easter, Q3 2019, "
        "fiscal 1989, the first half of next year, this past spring, about two years ago, a year earlier, "
        "the weekend, that same day, its fourth quarter, at least 30 days, up to 180 days, for years, "
        "year-end."
    )
    found = [(m.span(), rule) for rule, m in scan(text)]
    assert found == [(m.span(), m.lastgroup) for m in bare.finditer(text)]
    assert len(found) > 30


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Its current owners want to sell the mill.", [("current", "PRESENT_REF")]),
        ("Holders may buy at the then current price.", [("current", "PAST_REF")]),
        ("The current account deficit widened.", []),
        ("Swimmers fought the current in the bay.", []),
        ("Profit in the current year will rise.", [("the current year", "2021")]),
    ],
)
def test_current_before_a_noun_is_the_present(text: str, found: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, split_sentences(text), date(2021, 1, 5))] == found


def test_a_weekday_sharing_a_plural_is_a_set() -> None:
    text = "Ferries leave on Monday and Tuesday nights."
    found = find_dates(text, split_sentences(text), date(2021, 1, 5))
    assert [(d.text, d.type, d.value) for d in found] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]
    text = "The talks were on Monday and Tuesday."
    assert [d.type for d in find_dates(text, split_sentences(text), date(2021, 1, 5))] == ["DATE", "DATE"]
