"""Where the year goes: relative dates anchored as a careful reader would, by tense, modality and context.

Every sentence here is invented for the test; the publication dates are fixed so each value is exact.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.model import DateMention
from extract.sentences import split_sentences
from extract.timex import find_dates


def dates(text: str, published: date | None) -> list[DateMention]:
    return find_dates(text, split_sentences(text), published)


def values(text: str, published: date | None) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in dates(text, published)]


def value_of(text: str, span: str, published: date | None) -> str:
    found = {d.text: d.value for d in dates(text, published)}
    assert span in found, f"{span!r} not found in {found}"
    return found[span]


DEC_10 = date(2020, 12, 10)
NOV_25 = date(2020, 11, 25)
AUG_12 = date(2020, 8, 12)
JAN_12 = date(2021, 1, 12)
JUN_10 = date(2021, 6, 10)
WED_JAN_6 = date(2021, 1, 6)


@pytest.mark.parametrize(
    ("text", "span", "published", "value"),
    [
        # Future or expected context: the next occurrence.
        ("The regulator is expected to approve the merger in June.", "June", DEC_10, "2021-06"),
        ("The ferry service will resume in March.", "March", DEC_10, "2021-03"),
        ("Growers plan to replant in February, the union said.", "February", DEC_10, "2021-02"),
        ("The toll bridge reopens in March, the county said.", "March", DEC_10, "2021-03"),
        ("Hotels reported strong bookings for April and May.", "April", NOV_25, "2021-04"),
        ("Hotels reported strong bookings for April and May.", "May", NOV_25, "2021-05"),
        ("Analysts see the expected fourth-quarter rebound as fragile.", "fourth-quarter", AUG_12, "2020-Q4"),
        ("The sale is due to close on January 20.", "January 20", DEC_10, "2021-01-20"),
        ("Dividends will be paid on Feb. 3.", "Feb. 3", DEC_10, "2021-02-03"),
        ("The board will meet to vote on the revised plan in March.", "March", DEC_10, "2021-03"),
        ("The hearing was postponed until Monday.", "Monday", WED_JAN_6, "2021-01-11"),
        ("The plant is to restart on Friday.", "Friday", WED_JAN_6, "2021-01-08"),
        ("Dockers were planning to strike on Friday.", "Friday", WED_JAN_6, "2021-01-08"),
        # The present of a timetable speaks of what is to come.
        ("The new ferry terminal opens in June.", "June", DEC_10, "2021-06"),
        ("In June the new ferry terminal opens.", "June", DEC_10, "2021-06"),
        ("The tender expires on February 2.", "February 2", DEC_10, "2021-02-02"),
        ("The ferry terminal opened in June.", "June", DEC_10, "2020-06"),
        ("The group began buying in July, and meets every week.", "July", DEC_10, "2020-07"),
        # Past context: the previous occurrence.
        ("The reservoir overflowed in October.", "October", date(2021, 3, 2), "2020-10"),
        ("Fishermen landed a record catch in July.", "July", date(2021, 3, 2), "2020-07"),
        ("Prices had fallen in the year to March.", "March", JAN_12, "2020-03"),
        ("The mill has been idle since March and was due to reopen.", "March", date(2020, 8, 13), "2020-03"),
        # Seasons in the past, and "the winter before" relative to the winter just named.
        ("The storm destroyed the autumn rice crop.", "the autumn", JAN_12, "2020-FA"),
        ("Floods ruined the spring planting.", "the spring", JAN_12, "2020-SP"),
        ("The winter was mild; the winter before was harsh.", "the winter before", JAN_12, "2019-WI"),
        ("The summer of 2016 was dry and the summer before was wet.", "the summer before", JAN_12, "2015-SU"),
        ("The league expects crowds to return in the summer.", "the summer", JAN_12, "2021-SU"),
        # "last" or "next" before a month and day: the whole date, on that side of publication.
        ("The ferry sank last Oct. 23 off the cape.", "last Oct. 23", JUN_10, "2020-10-23"),
        ("The ballot is set for next March 3.", "next March 3", JUN_10, "2022-03-03"),
        # "as planned", "previously scheduled": a plan that says nothing of the date's side.
        ("The regatta went ahead as previously planned on Saturday.", "Saturday", WED_JAN_6, "2021-01-02"),
        ("The regatta will go ahead as planned on Saturday.", "Saturday", WED_JAN_6, "2021-01-09"),
        # Without a tense of its own, a date listed after another lies on the same side of publication.
        (
            "Prices climbed sharply on the news, touching a peak in June after a low in March.",
            "March",
            date(2020, 10, 30),
            "2020-03",
        ),
        (
            "The line will open on March 30, with a third weekly sailing from August 6.",
            "August 6",
            date(2020, 2, 13),
            "2020-08-06",
        ),
        # A possessive date names the noun's event: the clause's verb does not date it.
        (
            "The relatives will appeal against Wednesday's ruling.",
            "Wednesday",
            date(2021, 1, 8),
            "2021-01-06",
        ),
        ("The agency revised December's jobs figures on Friday.", "December", date(2021, 2, 5), "2020-12"),
        # "in March for ...": a date, unlike "the March for Life".
        ("The chairman stepped down in March for health reasons.", "March", JUN_10, "2021-03"),
        # A day and month with a relative year.
        ("April 15 last year was the wettest day.", "April 15 last year", JUN_10, "2020-04-15"),
        ("On 3 May last year the dam gave way.", "3 May last year", JUN_10, "2020-05-03"),
        # Year ranges, years as modifiers, centuries.
        ("The drought of 2014-2015 emptied the wells.", "2014-2015", JUN_10, "2014"),
        ("The 1961-62 season was the coldest.", "1961-62", JUN_10, "1961"),
        ("A 2019 survey of harbour towns found little change.", "2019", JUN_10, "2019"),
        ("The mill dates from the 19th century.", "the 19th century", JUN_10, "18"),
        ("Cities grew fast in the last century.", "the last century", JUN_10, "19"),
        # Durations.
        ("Repairs to the pier took hours.", "hours", JUN_10, "PTXH"),
        ("The talks dragged on for months.", "months", JUN_10, "PXM"),
        ("Spending will rise over the coming decade.", "the coming decade", JUN_10, "P10Y"),
        # A split range is one duration, valued by its lower end.
        ("Repairs to the lock take between 6 and 9 weeks.", "6 and 9 weeks", JUN_10, "P6W"),
        ("The dredging lasts from two to three months.", "two to three months", JUN_10, "P2M"),
        ("The quay stays shut for one or two weeks.", "one or two weeks", JUN_10, "P1W"),
        ("Five years from now the harbour will be full.", "Five years from now", JUN_10, "2026"),
        ("The firm lost money in the year ended March 31.", "the year", JUN_10, "P1Y"),
        ("Sales for the year rose by a tenth.", "the year", JUN_10, "2021"),
        # The verb that governs a date: a fronted date takes the main clause's verb however far it is; a
        # verb further away still governs a date of its own clause; "next to" is no future.
        (
            "On Friday, the mayor and several council members from the coastal towns said the pier was safe.",
            "Friday",
            WED_JAN_6,
            "2021-01-01",
        ),
        (
            "The ferry operator switched its timetable from the summer schedule to a winter one in December.",
            "December",
            date(2020, 10, 20),
            "2019-12",
        ),
        ("Crowds gathered next to the station on Friday.", "Friday", WED_JAN_6, "2021-01-01"),
        (
            "Both unions said they had agreed to pool their data and to meet again in the third quarter.",
            "the third quarter",
            date(2019, 5, 21),
            "2019-Q3",
        ),
        # A plan of the past ("had been due to"): its date has gone by.
        ("The offer had been due to expire on Friday.", "Friday", WED_JAN_6, "2021-01-01"),
        ("The offer is due to expire on Friday.", "Friday", WED_JAN_6, "2021-01-08"),
        # A participle after "a still", "the recently" describes a noun; the modal governs.
        ("Bonuses will be paid on a still unspecified date in March.", "March", DEC_10, "2021-03"),
        # Anaphora: "the following month", "the previous Friday" count from the date just named.
        (
            "The union struck in May 2018. The following month, the mill closed.",
            "The following month",
            DEC_10,
            "2018-06",
        ),
        (
            "Shares ended lower on Friday, down 4% from the previous Friday.",
            "the previous Friday",
            WED_JAN_6,
            "2020-12-25",
        ),
        # A weekday and a part of that day: a TIME of that day.
        ("The council met on Thursday evening.", "Thursday evening", date(2021, 1, 8), "2021-01-07TEV"),
        ("Lifeboats searched the bay on Monday night.", "Monday night", WED_JAN_6, "2021-01-04TNI"),
        # A weekday and a time of that day.
        (
            "The market opens Saturday morning at 10 a.m. on the quay.",
            "10 a.m.",
            WED_JAN_6,
            "2021-01-09T10:00",  # "opens": the coming Saturday
        ),
    ],
)
def test_anchoring(text: str, span: str, published: date, value: str) -> None:
    assert value_of(text, span, published) == value


def test_race_times_are_not_clock_times() -> None:
    assert values("She won the marathon in 2:11:48 on Sunday.", WED_JAN_6) == [("Sunday", "2021-01-03")]
    assert values("The winner clocked 1:02:03.", WED_JAN_6) == []


@pytest.mark.parametrize(
    "text",
    [
        "He ran the mile in 3:59.4 at the indoor meet.",
        "The winner crossed the line in 2:05.",
        "She clocked a time of 1:58 over two laps.",
    ],
)
def test_race_times_with_minutes_only_are_not_clock_times(text: str) -> None:
    assert values(text, WED_JAN_6) == []


def test_a_clock_time_still_reads_as_one() -> None:
    assert value_of("The vote starts at 14:30 today.", "14:30 today", WED_JAN_6) == "2021-01-06T14:30"
    assert values("The train leaves at 10:15 and arrives by 11:40.", WED_JAN_6) == [
        ("10:15", "2021-01-06T10:15"),
        ("11:40", "2021-01-06T11:40"),
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The carnival is usually held in October.", "October"),
        ("Tenders typically close in March.", "March"),
        ("It was the second-highest October reading this decade.", "October"),
        ("That was the wettest April in memory.", "April"),
    ],
)
def test_habitual_and_superlative_months_are_not_a_past_date(text: str, span: str) -> None:
    found = {d.text: d for d in dates(text, JUN_10)}
    assert found[span].value == f"XXXX-{found[span].value[-2:]}"
    assert not found[span].anchored


def test_every_monday_is_a_set() -> None:
    found = dates("The ferry sails every Monday.", JUN_10)
    assert [(d.text, d.type, d.value) for d in found] == [("every Monday", "SET", "XXXX-WXX-1")]


@pytest.mark.parametrize(
    "text",
    [
        "Back then the harbour was busy.",
        "The week before the vote was quiet.",
        "In his first year in office he cut the port fees.",
        "When she took office the mill had closed.",
    ],
)
def test_event_anchored_phrases_get_no_calendar_date(text: str) -> None:
    assert all(not d.value[:1].isdigit() for d in dates(text, JUN_10))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Exports were 17% higher than a year earlier.", "a year earlier"),
        ("Exports were 17% more than a year earlier.", "a year earlier"),
        ("Output was 4 percent lower than a year ago.", "a year ago"),
        ("Profit rose to $3 million, up from $2 million last year.", "last year"),
        ("Revenue fell compared with the year-ago quarter.", "the year-ago quarter"),
    ],
)
def test_comparison_bases_are_flagged_not_dated_facts(text: str, span: str) -> None:
    found = {d.text: d for d in dates(text, JUN_10)}
    assert found[span].comparison
    assert found[span].mod is None  # "17% more than": the qualifier belongs to the figure


def test_a_dated_statement_is_not_a_comparison() -> None:
    found = dates("A year earlier, the plant closed. Last year it reopened.", JUN_10)
    assert [(d.text, d.comparison) for d in found] == [("A year earlier", False), ("Last year", False)]


def test_without_a_publication_date_the_year_stays_unknown() -> None:
    found = dates("The ferry service will resume in March. April 15 last year was wet.", None)
    assert [(d.value, d.anchored) for d in found] == [("XXXX-03", False), ("XXXX-04-15", False)]


def test_about_stays_outside_a_duration() -> None:
    """TimeML tags "about a week" as "a week"; the hedge still gives the mod."""
    found = dates("Repairs to the slipway took about a week.", JUN_10)
    assert [(d.text, d.value, d.mod) for d in found] == [("a week", "P1W", "APPROX")]
    found = dates("Repairs to the slipway took nearly a week.", JUN_10)
    assert [(d.text, d.value, d.mod) for d in found] == [("nearly a week", "P1W", "APPROX")]


def test_the_march_for_life_is_no_date() -> None:
    assert values("The March for Life drew crowds.", JUN_10) == []


def test_digit_ranges_outside_between_are_left_to_the_figures() -> None:
    """ "5-6 days", "10 to 12 days": a range of figures (the figure extractor takes it whole)."""
    assert values("Seedlings grew for 5-6 days.", JUN_10) == []
    assert values("The port closed for 10 to 12 days.", JUN_10) == []
    assert values("Five and a quarter tonnes were landed.", JUN_10) == []
    assert values("Sales will grow over the next 12 to 18 months.", JUN_10) == [
        ("the next 12 to 18 months", "P12M")
    ]
