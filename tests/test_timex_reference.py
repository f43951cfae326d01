"""Anchoring by reference and by reading: which quarter "a year ago" compares with, the day of a clock time,
generic holidays and years, modals and timetables, quarters spoken of in the future.

Every sentence here is invented for the test; the publication dates are fixed so each value is exact.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract import analyze
from extract.model import DateMention
from extract.sentences import split_sentences
from extract.timex import find_dates


def dates(text: str, published: date | None) -> list[DateMention]:
    return find_dates(text, split_sentences(text), published)


def mention(text: str, span: str, published: date | None) -> DateMention:
    """The mention over `span` (its first occurrence), whatever qualifiers its span keeps or leaves out."""
    start = text.index(span)
    found = [d for d in dates(text, published) if d.start < start + len(span) and start < d.end]
    assert found, f"no date over {span!r} in {[d.text for d in dates(text, published)]}"
    return found[0]


def value_of(text: str, span: str, published: date | None) -> str:
    return mention(text, span, published).value


NOV_3 = date(2021, 11, 3)  # a Wednesday, after the third quarter ended
DEC_9 = date(2021, 12, 9)  # a Thursday
JAN_14 = date(2022, 1, 14)  # a Friday, two weeks after the fourth quarter ended
AUG_10 = date(2022, 8, 10)  # a Wednesday


# --- which quarter a back-reference means ------------------------------------------------------------


def test_year_ago_compares_with_the_quarter_just_reported_not_one_recalled_in_passing() -> None:
    text = (
        "Larchmont Mills posted a 14% rise in third-quarter profit. "
        "After a weak second quarter, the miller raised flour prices. "
        "Profit was $8 million, against $7 million a year ago."
    )
    assert value_of(text, "a year ago", NOV_3) == "2020-Q3"


def test_year_ago_compares_with_the_quarter_just_reported_not_one_looked_ahead_to() -> None:
    text = (
        "Larchmont Mills posted a 14% rise in third-quarter profit. "
        "It expects a slower fourth quarter. "
        "Sales rose to $90 million from $81 million a year earlier."
    )
    assert value_of(text, "a year earlier", NOV_3) == "2020-Q3"


def test_a_quarter_in_the_same_sentence_is_the_one_compared() -> None:
    text = (
        "Larchmont Mills posted a 14% rise in third-quarter profit. "
        "Fourth-quarter sales will trail those of a year earlier."
    )
    assert value_of(text, "a year earlier", NOV_3) == "2020-Q4"


def test_a_year_ago_after_a_period_of_several_quarters_is_that_year() -> None:
    text = (
        "Larchmont Mills posted a 14% rise in third-quarter profit. "
        "For the nine months, it earned $20 million, up from $17 million a year earlier. "
        "In the first half, sales fell from year-earlier levels. "
        "Third-quarter sales rose to $90 million from $81 million a year ago."
    )
    assert value_of(text, "a year earlier", NOV_3) == "2020"  # nine months of 2020, not its third quarter
    assert value_of(text, "year-earlier", NOV_3) == "2020"
    assert value_of(text, "a year ago", NOV_3) == "2020-Q3"  # a quarter named last: the quarter


def test_last_year_as_the_base_of_a_quarters_comparison_is_the_year_ago_quarter() -> None:
    text = (
        "Quayside Brewing reported third-quarter income of $4 million. "
        "Its cider unit earned $2 million, compared with a loss of $1 million last year. "
        "Sales were $31.5 million, up from last year's $29.2 million."
    )
    assert value_of(text, "last year", NOV_3) == "2020-Q3"
    assert value_of(text, "last year's", NOV_3) == "2020-Q3"


@pytest.mark.parametrize(
    "second",
    [
        "Last year the brewery shut its oldest line.",  # no comparison: the year
        "Sales were lower than the $3 million it reported last year.",  # a verb of its own dates it
        "Analysts expect $9 million for this year, up from last year's $8 million.",  # years compared
        "For the nine months, it earned $12 million, against $10 million last year.",  # several quarters
    ],
)
def test_last_year_outside_a_quarters_comparison_stays_the_year(second: str) -> None:
    text = "Quayside Brewing reported third-quarter income of $4 million. " + second
    assert value_of(text, "ast year", NOV_3) == "2020"


def test_last_year_as_a_comparison_base_without_a_quarter_is_the_year() -> None:
    text = "Exports rose to $31.5 million, up from $29.2 million last year."
    assert value_of(text, "last year", NOV_3) == "2020"


def test_last_years_quarter_is_the_year_ago_quarter() -> None:
    text = (
        "Quayside Brewing reported third-quarter income of $4 million. "
        "Cider sales for last year's quarter were $2 million."
    )
    found = mention(text, "last year's quarter", NOV_3)
    assert (found.text, found.value) == ("last year's quarter", "2020-Q3")


def test_the_period_of_a_year_is_the_reported_period_in_that_year() -> None:
    text = (
        "Quayside Brewing reported third-quarter income of $4 million. "
        "In the 2020 period, it had earned $3 million."
    )
    found = mention(text, "the 2020 period", NOV_3)
    assert (found.text, found.value) == ("the 2020 period", "2020-Q3")
    nine_months = (
        "Quayside Brewing reported third-quarter income of $4 million. "
        "For the nine months, it earned $9 million, against $8 million in the 2020 period."
    )
    assert value_of(nine_months, "the 2020 period", NOV_3) == "2020"  # several quarters: that year
    alone = mention("Rainfall in the 2019 period was lower.", "the 2019 period", NOV_3)
    assert (alone.text, alone.value) == ("the 2019 period", "2019")  # no quarter reported: the year


def test_the_first_or_last_two_quarters_of_a_year_are_its_half() -> None:
    text = "The slump should last through the first two quarters of 2022, analysts said."
    found = mention(text, "the first two quarters", NOV_3)
    assert (found.text, found.type, found.value) == ("the first two quarters of 2022", "DATE", "2022-H1")
    assert (
        value_of("Sales fell in the last two quarters of 2019.", "the last two quarters", NOV_3) == "2019-H2"
    )
    # without a year, a span of time as before
    assert value_of("Sales fell in the last two quarters.", "the last two quarters", NOV_3) == "P2Q"


def test_the_year_earlier_period_follows_the_reported_quarter() -> None:
    text = (
        "Quayside Brewing reported third-quarter income of $4 million. "
        "A poor second quarter had hurt its shares. "
        "In the year-earlier period, it earned $3 million."
    )
    assert value_of(text, "the year-earlier period", NOV_3) == "2020-Q3"


def test_the_latest_quarter_names_the_quarter_compared() -> None:
    text = (
        "The insurer expects fourth-quarter claims to climb. "
        "In the latest quarter, its marine unit lost $2 million. "
        "It had earned $1 million a year ago."
    )
    assert value_of(text, "the latest quarter", NOV_3) == "2021-Q3"
    assert value_of(text, "a year ago", NOV_3) == "2020-Q3"


def test_that_quarter_is_the_quarter_just_named() -> None:
    text = "The year-ago quarter was the weakest in a decade. Results for that quarter included a write-down."
    assert value_of(text, "that quarter", NOV_3) == "2020-Q3"  # not this year's third quarter


def test_the_quarter_ended_on_a_date_is_the_quarter_of_those_three_months() -> None:
    text = "For the quarter ended July 31, the retailer earned $5 million."
    assert value_of(text, "the quarter", NOV_3) == "2021-Q2"  # May to July: mostly the second quarter
    text = "In the quarter ended Sept. 30, revenue rose 4%."
    assert value_of(text, "the quarter", NOV_3) == "2021-Q3"


# --- the day of a clock time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "The dam gave way at about 9:40 a.m. (0640 GMT) Monday, flooding the valley.",
            "9:40 a.m.",
            "2021-12-06T09:40",
        ),
        (
            "The convoy will leave at 5 in the morning (5 a.m. local time Saturday).",
            "5 in the morning",
            "2021-12-11T05:00",
        ),
    ],
)
def test_a_clock_time_takes_the_day_in_the_bracket_after_it(text: str, span: str, value: str) -> None:
    assert value_of(text, span, DEC_9) == value


# --- clause tense: possessives and the words of other dates ------------------------------------------


def test_a_possessive_s_is_no_present_tense() -> None:
    # "the cooperative's" is a possessive, so "sold" dates the clause: the March before publication.
    text = "Its members sold the cooperative's old warehouse in March."
    assert value_of(text, "March", NOV_3) == "2021-03"


def test_the_words_of_another_date_mark_no_tense() -> None:
    # "earlier" belongs to "a year earlier"; the fourth quarter is this year's, as written in August.
    text = "Volumes should be flat, up 2% from a year earlier, before a pick-up in the fourth quarter."
    assert value_of(text, "the fourth quarter", AUG_10) == "2022-Q4"


# --- generic holidays and years ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Toy makers are counting on the Christmas trade.", "Christmas", "XXXX-12-25"),
        ("Ferries fill up during the Easter holidays.", "Easter", "XXXX-XX-XX"),
    ],
)
def test_a_holiday_before_a_seasonal_noun_is_generic(text: str, span: str, value: str) -> None:
    found = mention(text, span, AUG_10)
    assert (found.value, found.anchored) == (value, False)


def test_a_holiday_on_its_own_is_still_dated() -> None:
    assert value_of("The market closes on Christmas Eve.", "Christmas Eve", AUG_10) == "2022-12-24"


def test_the_year_as_any_year_is_generic() -> None:
    text = "Harvest week is when the valley earns a third of the year's income."
    found = mention(text, "the year", AUG_10)
    assert (found.value, found.anchored) == ("XXXX", False)
    text = "Growers usually bring in half the year's crop in a fortnight."
    assert value_of(text, "the year", AUG_10) == "XXXX"


def test_the_year_ranked_or_in_the_past_is_this_year() -> None:
    assert value_of("It is the year's largest merger so far.", "the year", AUG_10) == "2022"
    assert value_of("The year's first frost came on Monday.", "The year", AUG_10) == "2022"


def test_generic_holidays_and_years_date_no_fact() -> None:
    text = (
        "Toy makers expect sales to jump in the fourth quarter ahead of the Christmas trade. "
        "Harvest week is when the valley earns a third of the year's income."
    )
    facts = analyze(text, AUG_10).facts
    assert [(f.value, f.start_date) for f in facts if f.start_date] == [("2022-Q4", "2022-10-01")]


# --- modals, "due", forecasts and timetables -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Mortgage rates may fall in June.", "June", "2022-06"),
        ("The central bank might pause in March.", "March", "2022-03"),
        ("Mortgage rates may have peaked in June.", "June", "2021-06"),
        ("The new tram line is due in September.", "September", "2022-09"),
        ("The first payment was due in September.", "September", "2021-09"),
        ("The export ban takes effect in July.", "July", "2022-07"),
        ("Exports are forecast to recover in the second quarter.", "the second quarter", "2022-Q2"),
    ],
)
def test_modals_due_forecasts_and_timetables(text: str, span: str, value: str) -> None:
    assert value_of(text, span, DEC_9) == value


FRI_5 = date(2021, 11, 5)  # a Friday: a bare Monday or Tuesday is nearer behind than ahead


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the bare present of a timetable, as "meets" and "resumes" already were: the coming day
        ("The two foreign ministers meet separately Monday with the envoy.", "2021-11-08"),
        ("Talks on the canal resume Tuesday in Geneva.", "2021-11-09"),
        # an infinitive or a negated past is no timetable
        ("The mill failed to meet demand on Monday.", "2021-11-01"),
        ("The two sides did not meet on Monday.", "2021-11-01"),
    ],
)
def test_a_timetables_bare_present_looks_ahead(text: str, value: str) -> None:
    assert value_of(text, "day", FRI_5) == value


def test_could_not_is_no_future() -> None:
    # Published on a Thursday: "could not be reached on Tuesday" is the Tuesday before.
    assert value_of("The mayor could not be reached on Tuesday.", "Tuesday", DEC_9) == "2021-12-07"


def test_a_modal_capitalised_is_the_month() -> None:
    assert value_of("May was the wettest month, and rain fell again in June.", "June", DEC_9) == "2021-06"


# --- quarters spoken of in the future --------------------------------------------------------------------


def test_a_future_quarter_is_the_next_one_not_over() -> None:
    assert (
        value_of("The smelter will restart in the fourth quarter.", "the fourth quarter", JAN_14) == "2022-Q4"
    )


def test_results_still_to_come_are_those_of_the_quarter_just_ended() -> None:
    text = "The bank will report fourth-quarter results on Feb. 1."
    assert value_of(text, "fourth-quarter", JAN_14) == "2021-Q4"
    text = "The chain expects to report net income of $3 million for the fourth quarter."
    assert value_of(text, "the fourth quarter", JAN_14) == "2021-Q4"


# --- decades as spans ----------------------------------------------------------------------------------


def test_over_the_past_decade_is_a_span_and_in_the_last_decade_the_one_before() -> None:
    found = mention("Rents have doubled over the past decade.", "the past decade", DEC_9)
    assert (found.type, found.value) == ("DURATION", "P10Y")
    assert value_of("Wages lost ground in the last decade.", "the last decade", DEC_9) == "201"


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("The mill prospered in the 1970s.", "the 1970s", "197", None),
        ("Vinyl sales peaked in the early 2000s.", "the early 2000s", "200", "START"),
        ("Fashions of the '60s came back.", "the '60s", "196", None),
        ("The ferry was built in the late eighties.", "the late eighties", "198", "END"),
        ("The grid must be rebuilt in the next decade.", "the next decade", "203", None),
    ],
)
def test_a_decade_is_written_as_timeml_writes_it(text: str, span: str, value: str, mod: str | None) -> None:
    """TimeML 1.2 (and TempEval-3) write a decade as its three leading digits ("197"), as a century is
    written as its two ("18"); the TIDES form with a trailing X ("197X") is not a TIMEX3 decade."""
    found = mention(text, span, DEC_9)
    assert (found.type, found.value, found.mod) == ("DATE", value, mod)


# --- the reference time: counted from the date just told of ---------------------------------------------

JUN_10 = date(2021, 6, 10)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The tannery shut in 2014. Three years later, it reopened as flats.", "Three years later", "2017"),
        (
            "The guild was formed in 1997. A year earlier, its founder had left the docks.",
            "A year earlier",
            "1996",
        ),
        ("The tannery shut in 2014 and reopened the next year.", "the next year", "2015"),
        ("The flood peaked on Oct. 4, 2018. Later that week, the levee held.", "that week", "2018-W40"),
        (
            "The flood peaked on Oct. 4, 2018. The following week, schools reopened.",
            "The following week",
            "2018-W41",
        ),
    ],
)
def test_later_earlier_next_and_that_count_from_the_date_just_told_of(
    text: str, span: str, value: str
) -> None:
    assert value_of(text, span, JUN_10) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Net income rose to $5 million from $4 million a year earlier.", "a year earlier", "2020"),
        ("The guild expects to hire 40 people in the next year.", "the next year", "2022"),
    ],
)
def test_without_a_date_told_of_they_count_from_publication(text: str, span: str, value: str) -> None:
    assert value_of(text, span, JUN_10) == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Published on the Monday of Easter week 2024 (Easter Sunday is 31 March): the week has begun.
        ("Pilgrims filled the town as Easter week began.", date(2024, 3, 25), "2024-W13"),
        ("Shoppers will crowd the arcades over the Thanksgiving weekend.", date(2021, 11, 20), "2021-W47-WE"),
        ("Shoppers crowded the arcades over the Thanksgiving weekend.", date(2021, 12, 2), "2021-W47-WE"),
    ],
)
def test_a_holiday_week_is_the_week_holding_the_holiday(text: str, published: date, value: str) -> None:
    holiday = "Easter" if "Easter" in text else "Thanksgiving"
    assert value_of(text, holiday, published) == value


# --- seasons counted from the time just told of ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The quarry flooded in 2011. That summer, the village had no work.", "That summer", "2011-SU"),
        ("The quarry flooded in 2011, and that autumn the pumps arrived.", "that autumn", "2011-FA"),
        (
            "The roof fell in on August 3, 2014. The following winter was bitter.",
            "The following winter",
            "2014-WI",
        ),
        (
            "Frost ruined the orchard in the spring of 2016. The following autumn it bore nothing.",
            "The following autumn",
            "2016-FA",
        ),
        (
            "The orchard burned in the autumn of 2016. The previous summer had been dry.",
            "The previous summer",
            "2016-SU",
        ),
        (
            "The orchard burned in the autumn of 2016. The previous spring had been wet.",
            "The previous spring",
            "2016-SP",
        ),
        ("The school shut in April 2010 and reopened the next autumn.", "the next autumn", "2010-FA"),
        ("The strike began on January 12, 2019 and ended that winter.", "that winter", "2018-WI"),
        ("Drivers struck in October 2018; the following spring they won.", "the following spring", "2019-SP"),
    ],
)
def test_a_season_after_a_time_just_told_of_counts_from_it(text: str, span: str, value: str) -> None:
    assert value_of(text, span, DEC_9) == value


def test_that_season_with_no_time_told_of_is_left_alone() -> None:
    assert [d.text for d in dates("The ferry ran late that summer.", DEC_9)] == []
    # "that" as a conjunction before a seasonal noun is no date, a year nearby or not
    assert [d.text for d in dates("In 2014 she said that summer tourism would grow.", DEC_9)] == ["2014"]
    found = mention("The dykes held; the following winter was another matter.", "the following winter", DEC_9)
    assert (found.value, found.anchored) == ("XXXX-WI", False)


# --- "the week of" a day ----------------------------------------------------------------------------------


def test_the_week_of_a_day_is_that_week() -> None:
    found = mention("The inquiry resumes the week of March 7.", "the week of March 7", DEC_9)
    assert (found.text, found.type, found.value) == ("the week of March 7", "DATE", "2022-W10")
    assert value_of("Crews worked through the week of Oct. 4, 2010.", "the week of", DEC_9) == "2010-W40"


# --- "May" the month after a preposition ------------------------------------------------------------------


def test_may_after_a_preposition_is_the_month_not_the_modal() -> None:
    assert value_of("In May the harbour board raised its fees.", "May", DEC_9) == "2021-05"
    assert value_of("Since May the ferry has run twice a day.", "May", DEC_9) == "2021-05"
    assert [d.text for d in dates("May the better crew win.", DEC_9)] == []


# --- the sample library's briefing -----------------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


@pytest.mark.parametrize(
    ("name", "published", "sentence_start", "dated"),
    [
        # "... a seasonal pick-up in the fourth quarter ahead of the Christmas trade": this year's fourth
        # quarter (written in August), not Christmas Day.
        (
            "2023-08-09-gdansk-terminal-first-half.md",
            date(2023, 8, 9),
            "Wiśniewska said throughput",
            "2023-Q4",
        ),
        # "Golden Week is when we earn a quarter of the year's income": no dated statement.
        ("2024-11-28-niigata-sado-ferry-refit.md", date(2024, 11, 28), '"Golden Week is when', None),
        # "... used the company's services in the year to March": the March before publication.
        ("2024-11-28-niigata-sado-ferry-refit.md", date(2024, 11, 28), "About 800,000 passengers", "2024-03"),
    ],
)
def test_sample_statements_are_dated_as_a_reader_dates_them(
    name: str, published: date, sentence_start: str, dated: str | None
) -> None:
    analysis = analyze((SAMPLES / name).read_text(encoding="utf-8"), published)
    facts = [f for f in analysis.facts if f.text.startswith(sentence_start)]
    assert len(facts) == 1
    assert (facts[0].value if facts[0].start_date else None) == dated


# --- the verb of a date's own clause ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a relative clause: its own verb, not the main clause's present or future, dates the month
        (
            "Ana Ruiz succeeds Tom Hale, who stepped down as chairman, president and chief "
            "executive in March.",
            "March",
            "2021-03",
        ),
        (
            "Tom Hale, who retired as chairman, treasurer and secretary in March, will remain a director.",
            "March",
            "2021-03",
        ),
        (
            "The mill, which closed its doors to most of the remaining staff in June, will reopen.",
            "June",
            "2021-06",
        ),
        (
            "The board picked Ana Ruiz, who will take over as head of the regional freight group in March.",
            "March",
            "2022-03",
        ),
        # a participial clause
        (
            "Having stepped down as chairman, president and chief executive in March, Hale now "
            "advises the board.",
            "March",
            "2021-03",
        ),
        # a subordinate clause
        (
            "Output will recover, the owners say, after the mill closed its two old furnaces and "
            "the kiln in June.",
            "June",
            "2021-06",
        ),
    ],
)
def test_the_verb_of_the_dates_own_clause_governs_it(text: str, span: str, value: str) -> None:
    assert value_of(text, span, NOV_3) == value


def test_a_clause_closed_before_the_date_does_not_govern_it() -> None:
    # "that ... must be returned to its owner, Sea Lines Ltd, and set Friday": "set" is the main clause's
    assert (
        value_of(
            "The ministry ruled that the ferry must be returned to its owner, Sea Lines Ltd, and "
            "set Friday as the deadline.",
            "Friday",
            date(2021, 11, 8),  # a Monday: "must" would make it the coming Friday
        )
        == "2021-11-05"
    )
    # "said that prices of grain, rice and wheat would rise": the complement clause's own modal
    assert (
        value_of("He said that prices of grain, rice and wheat would rise in March.", "March", NOV_3)
        == "2022-03"
    )


@pytest.mark.parametrize(
    ("published", "season", "value"),
    [
        (date(2024, 11, 28), "summer", "2024-SU"),  # the summer just gone
        (date(2024, 7, 10), "summer", "2023-SU"),  # this one is under way: the one before
        (date(2024, 11, 28), "autumn", "2023-FA"),  # this autumn is not over yet
        (date(2024, 11, 28), "winter", "2023-WI"),  # December 2023 to February 2024
        (date(2025, 1, 20), "winter", "2023-WI"),  # the winter under way began in December 2024
        (date(2025, 3, 5), "winter", "2024-WI"),  # the winter just over
    ],
)
def test_last_season_is_the_latest_one_over_before_publication(
    published: date, season: str, value: str
) -> None:
    text = f"The valley ferry cancelled dozens of crossings last {season}."
    assert mention(text, f"last {season}", published).value == value


def test_a_qualified_count_before_a_date_is_no_comparison() -> None:
    text = "More than 300 homes in the delta flooded last year, the agency said."
    found = mention(text, "last year", date(2024, 11, 28))
    assert (found.value, found.comparison) == ("2023", False)
    assert [fact.date.text for fact in analyze(text, date(2024, 11, 28)).facts] == ["last year"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Ridership on the coastal line was twice as high as in 2019.", "2019"),
        ("The orchard lost fewer trees than in 2021.", "2021"),
        ("The pass closed 30 times last winter, as often as in the winter before.", "the winter before"),
    ],
)
def test_a_date_right_after_than_or_as_as_is_a_comparisons_base(text: str, span: str) -> None:
    assert mention(text, span, date(2024, 11, 28)).comparison
    assert all(not fact.date.text.endswith(span) for fact in analyze(text, date(2024, 11, 28)).facts)
