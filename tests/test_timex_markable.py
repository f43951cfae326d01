"""What TimeML marks and what it leaves out (issue 11, the span side): names and titles, generic "today's",
discourse "now", growth rates; and the spans it marks that the grammar used to miss (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.sentences import split_sentences
from extract.timex import find_dates

DCT = date(2021, 1, 5)  # a Tuesday


def spans(text: str, published: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(d.text, d.type, d.value) for d in find_dates(text, split_sentences(text), published)]


def surfaces(text: str) -> list[str]:
    return [d[0] for d in spans(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('The minister defended the plan on the "This Week" programme on Sunday.', ["Sunday"]),
        ('She told the show "90 Minutes" that the vote was rigged.', []),
        ("You are listening to Radio Meridian Today.", []),
        ("The film Apocalypse Now opened the festival.", []),
        ("The city will host Expo 2030, the mayor said.", []),
        ("She set up a venture called Helios 1990 with two partners.", []),
    ],
)
def test_time_words_inside_names_and_titles_are_not_dates(text: str, kept: list[str]) -> None:
    assert surfaces(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Today, the council voted to close the bridge.", ["Today"]),
        ('"Today is a sad one," the mayor said.', ["Today"]),
        ("The mayor said: Today we start again.", ["Today"]),
        ("Crowds gathered on Memorial Day in the capital.", ["Memorial Day"]),
        ("Markets Slide This Week As Oil Prices Jump", ["This Week"]),  # a headline in title case
        ("Oil Falls This Week\n\nPrices fell on Monday.", ["This Week", "Monday"]),
        ("Analysts at Norvik Capital. Recently, they cut their forecast.", ["Recently"]),
        ("In 1990 the venture was sold.", ["1990"]),
        ("He bought shares in March 1990 and sold them.", ["March 1990"]),
        ("The company closed on Mondays.", ["Mondays"]),
        ("The ferry leaves at 10 A.M. from the pier.", ["10 A.M."]),
    ],
)
def test_capitals_that_are_ordinary_stay_dates(text: str, kept: list[str]) -> None:
    assert surfaces(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "The ruling matters for today's youth more than for anyone.",
        "Many of today's home computers run the new chip.",
        "He said he was choosing the leaders of tomorrow.",
        "Parents in today's world face new costs.",
    ],
)
def test_generic_today_is_an_era_not_a_day(text: str) -> None:
    assert spans(text) == []


def test_today_of_a_day_stays_a_date() -> None:
    assert spans("Today's meeting was cancelled.") == [("Today", "DATE", "2021-01-05")]
    assert spans("Tomorrow's vote will decide it.") == [("Tomorrow", "DATE", "2021-01-06")]


def test_the_future_of_something_is_its_prospects() -> None:
    assert spans("They debated the future of the alliance.") == []
    assert spans("Prices may fall in the future.") == [("the future", "DATE", "FUTURE_REF")]


def test_now_as_a_discourse_marker() -> None:
    assert spans("Now for the weather in the north.") == []
    assert spans("Now, the plant is closed.") == [("Now", "DATE", "PRESENT_REF")]  # time, not discourse


def test_growth_rates_are_not_recurrences() -> None:
    assert spans("Revenue is expected to grow 12% annually until 2025.") == [("2025", "DATE", "2025")]
    assert spans("Fares rose 3 percent monthly.") == []
    assert spans("The index is published annually.") == [("annually", "SET", "P1Y")]


def test_a_second_day_of_the_same_month() -> None:
    assert spans("The summit will be held on April 24 and 25.") == [
        ("April 24", "DATE", "2021-04-24"),
        ("25", "DATE", "2021-04-25"),
    ]
    assert spans("The fair runs from May 3 to 5 in the old port.") == [
        ("May 3", "DATE", "2021-05-03"),
        ("5", "DATE", "2021-05-05"),
    ]
    assert spans("Talks were held on Dec. 3 or 4, officials said.") == [
        ("Dec. 3", "DATE", "2020-12-03"),
        ("4", "DATE", "2020-12-04"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell on March 3 and 5 percent more on the next day.",
        "The vote was on May 9 and 2 members abstained.",
        "It opened on June 12 and 12 people came.",
        "Output rose on June 2 to 5 million barrels.",
    ],
)
def test_a_number_after_a_day_that_is_not_a_day(text: str) -> None:
    assert all(not d[0].isdigit() for d in spans(text))


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("The bank will decide at a later date.", "a later date", "DATE", "FUTURE_REF"),
        ("Losses will shrink in future quarters.", "future quarters", "DATE", "FUTURE_REF"),
        ("Over the years the town has grown.", "the years", "DURATION", "PXY"),
        ("In the months that followed, prices fell.", "the months", "DURATION", "PXM"),
        ("In the decades since, the river has moved.", "the decades", "DURATION", "PXY"),
        ("Funds may sell bonds in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
        ("The unions left their second day-long meeting.", "day-long", "DURATION", "P1D"),
        ("Net for the year-earlier nine months fell.", "the year-earlier nine months", "DURATION", "P9M"),
        ("Sales rose in the latest fiscal year.", "the latest fiscal year", "DATE", "2020"),
        ("The stock hit a high for the year of $42.", "the year", "DATE", "2021"),
    ],
)
def test_expressions_timeml_marks(text: str, span: str, kind: str, value: str) -> None:
    assert (span, kind, value) in spans(text)


def test_a_year_naming_an_event() -> None:
    assert spans("He hoped to attend the opening of the 2032 Olympics.") == [("2032", "DATE", "2032")]
    assert spans("She was one of the 2000 employees laid off.") == []


def test_the_weeks_ahead_of_something_is_not_a_span() -> None:
    assert spans("The vote came two weeks ahead of the deadline.") == [("two weeks", "DURATION", "P2W")]


def test_in_the_morning_of_the_day_just_named() -> None:
    text = "Prices fell on Friday. Dealers bought heavily in the morning."
    assert spans(text) == [("Friday", "DATE", "2021-01-01"), ("the morning", "TIME", "2021-01-01TMO")]
    assert spans("Trains are crowded in the morning.") == []  # a habit: no day named


def test_soon_is_the_future_only_as_an_adverb_of_time_to_come() -> None:
    assert spans("The council will soon vote on the budget.") == [("soon", "DATE", "FUTURE_REF")]
    assert spans("The protest soon turned violent.") == []  # shortly after a past event
    assert spans("They will leave as soon as the road opens.") == []
    assert spans("He resigned soon after the vote.") == []


def test_the_nth_day_of_an_ongoing_event_is_today_only_when_said_so() -> None:
    assert spans("Today is the fifth day of the strike.") == [
        ("Today", "DATE", "2021-01-05"),
        ("the fifth day", "DATE", "2021-01-05"),
    ]
    assert spans("It's the 12th day of the siege.") == [("the 12th day", "DATE", "2021-01-05")]
    assert spans("He testified on the third day of the trial.") == []  # the trial's dates are not given
