"""The figure layer: one test group per family (cardinals, ordinals, percentages, money, fractions, ranges,
rates, measurements, vague amounts), the things that are not figures, and the user's article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.figures import figure_phrase, find_figures
from extract.model import Figure
from extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def figs(text: str, taken: list[tuple[int, int]] | None = None) -> list[Figure]:
    found = find_figures(text, split_sentences(text), taken or [])
    for f in found:
        assert text[f.start : f.end] == f.text
    return found


def one(text: str) -> Figure:
    found = figs(text)
    assert len(found) == 1, found
    return found[0]


def texts(text: str) -> list[str]:
    return [f.text for f in figs(text)]


# ---------------------------------------------------------------- cardinals


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Rescuers pulled 2,500 people from the rubble.", "2,500", 2500),
        ("The ministry hired three inspectors.", "three", 3),
        ("It has twenty-one branches.", "twenty-one", 21),
        ("The city has 1.2 million residents.", "1.2 million", 1_200_000),
        ("About a hundred and two families returned.", "About a hundred and two", 102),
        ("Some 40 000 fans attended.", "Some 40 000", 40_000),
        ("They ordered a dozen buses.", "a dozen", 12),
        ("The fleet has 12 ships.", "12", 12),
        ("Three hundred and forty volunteers signed up.", "Three hundred and forty", 340),
        ("Revenue was 3 thousand.", "3 thousand", 3000),
    ],
)
def test_cardinals(text: str, span: str, value: float) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind) == (span, value, "cardinal")


def test_cardinal_counted_noun_is_the_unit_outside_the_span() -> None:
    f = one("Officials said roughly 5,000 troops were stationed there.")
    assert (f.text, f.value, f.unit, f.qualifier) == ("roughly 5,000", 5000, "troops", "roughly")


def test_counted_noun_skips_determiners_and_stops_at_verbs() -> None:
    assert one("More than 1,200 people remain in camps.").unit == "people"
    assert one("Nearly 300 armoured vehicles crossed.").unit == "armoured vehicles"
    assert one("The number fell to 3,000 in May last year.").unit is None


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The fire destroyed about 40 homes.", "about"),
        ("Prices rose by nearly 9 percent.", "nearly"),
        ("It can carry up to 600 passengers.", "up to"),
        ("At least 17 people died.", "at least"),
        ("The plan costs more than $2 billion.", "more than"),
        ("The levee rose ~3 m.", "about"),
        ("It sold approximately 1,500 units.", "approximately"),
    ],
)
def test_qualifiers_are_in_the_span_and_normalised(text: str, qualifier: str) -> None:
    f = one(text)
    assert f.qualifier == qualifier
    assert f.text.lower().startswith(qualifier.split()[0]) or not f.text[0].isalpha()


# ---------------------------------------------------------------- ordinals


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The party marks its 100th anniversary.", "100th", 100),
        ("She finished third in the race.", "third", 3),
        ("It is the 21st branch to open.", "21st", 21),
        ("This is the twenty-second round of talks.", "twenty-second", 22),
    ],
)
def test_ordinals(text: str, span: str, value: float) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind) == (span, value, "ordinal")


def test_ordinal_negatives() -> None:
    assert figs("First, the minister spoke; second, the mayor.") == []
    assert figs("It arrived on May 4th.") == []
    assert figs("It is a 21st-century problem.") == []
    assert figs("The 3th item is wrong.") == []


# ---------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Turnout reached 12% on Sunday.", "12%", 12, "percent"),
        ("Turnout reached 12 percent on Sunday.", "12 percent", 12, "percent"),
        ("Turnout reached 12 per cent on Sunday.", "12 per cent", 12, "percent"),
        ("Support fell 4.5 percentage points.", "4.5 percentage points", 4.5, "percentage points"),
        ("Inflation stood at twelve percent.", "twelve percent", 12, "percent"),
    ],
)
def test_percentages(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind, f.unit) == (span, value, "percent", unit)


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The deal is worth $3.2 billion.", "$3.2 billion", 3_200_000_000, "dollars"),
        ("The club paid €40m for him.", "€40m", 40_000_000, "euros"),
        ("The bank lent £1.5bn to the firm.", "£1.5bn", 1_500_000_000, "pounds"),
        ("Baghdad set aside 200 million dinars.", "200 million dinars", 200_000_000, "dinars"),
        ("Tickets cost US$45.", "US$45", 45, "US dollars"),
        ("The fine was 15€.", "15€", 15, "euros"),
        ("It raised ¥3.8 billion.", "¥3.8 billion", 3_800_000_000, "yen"),
        ("Bonds worth 500 USD were sold.", "500 USD", 500, "USD"),
        ("He spent 20 million pounds on it.", "20 million pounds", 20_000_000, "pounds"),
    ],
)
def test_money(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind, f.unit) == (span, value, "money", unit)


def test_money_rate_and_negative() -> None:
    f = one("Cleaners earn $15.40/hour there.")
    assert (f.value, f.kind, f.unit) == (15.4, "money", "dollars per hour")
    assert one("The account shows -$250 after fees.").value == -250


# ---------------------------------------------------------------- fractions


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("Half of the budget went unspent.", "Half", 0.5, None),
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3, None),
        ("More than half of the staff left.", "More than half", 0.5, "more than"),
        ("Roughly a third of homes flooded.", "Roughly a third", 1 / 3, "roughly"),
        ("Three quarters of the wells ran dry.", "Three quarters", 0.75, None),
        ("One in five adults smoke.", "One in five", 0.2, None),
        ("Add 3/4 of the mix.", "3/4", 0.75, None),
        ("Nearly ½ of the crop failed.", "Nearly ½", 0.5, "nearly"),
    ],
)
def test_fractions(text: str, span: str, value: float, qualifier: str | None) -> None:
    f = one(text)
    assert (f.text, f.kind, f.qualifier) == (span, "fraction", qualifier)
    assert f.value == pytest.approx(value)


def test_fraction_unit_after_of() -> None:
    assert one("More than half of American forces will leave.").unit == "American forces"


def test_mixed_numbers_and_scaled_fractions() -> None:
    assert one("It is two and a half miles away.").value == 2.5
    assert one("Five and a half million people voted.").value == 5_500_000
    assert one("A crowd of half a million gathered.").value == 500_000


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "span", "value", "high", "unit"),
    [
        ("Between 3,000 and 4,000 homes were damaged.", "Between 3,000 and 4,000", 3000, 4000, "homes"),
        ("It employs 3,000 to 4,000 workers.", "3,000 to 4,000", 3000, 4000, "workers"),
        ("Wages rose by 10-15% this year.", "10-15%", 10, 15, "percent"),
        ("Temperatures fell to between -5 and -2 C.", "between -5 and -2 C", -5, -2, "C"),
        ("The ship needs 8–10 metres of water.", "8–10 metres", 8, 10, "metres"),
    ],
)
def test_ranges_value_is_lower_end_and_high_the_upper(
    text: str, span: str, value: float, high: float, unit: str
) -> None:
    f = one(text)
    assert (f.text, f.value, f.high, f.unit) == (span, value, high, unit)


def test_range_negatives() -> None:
    # a score is not a range (nor a figure); "and" joins a range only after "between"
    assert [f.high for f in figs("They bought 5 and sold 9.")] == [None, None]
    assert figs("The home side won 3-1 on Sunday.") == []
    assert [(f.text, f.unit) for f in figs("He scored 30 points.")] == [("30", "points")]


# ---------------------------------------------------------------- rates and measurements


def test_rates() -> None:
    f = one("The field pumps 3 million barrels a day.")
    assert (f.text, f.value, f.kind, f.unit) == (
        "3 million barrels a day",
        3_000_000,
        "quantity",
        "barrels a day",
    )
    f = one("About 200 trucks a day cross the border.")
    assert (f.value, f.unit) == (200, "trucks a day")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The convoy drove 40 km north.", "40 km", 40, "km"),
        ("It was 35C in the shade.", "35C", 35, "C"),
        ("Highs reached 41 °C on Monday.", "41 °C", 41, "°C"),
        ("The wall is 2.5 metres high.", "2.5 metres", 2.5, "metres"),
        ("The plant produces 1,410 megawatts.", "1,410 megawatts", 1410, "megawatts"),
        ("Rain totalled 120mm overnight.", "120mm", 120, "mm"),
        ("The lorry carried 12 tonnes.", "12 tonnes", 12, "tonnes"),
        ("Winds of 90 km/h were recorded.", "90 km/h", 90, "km/h"),
        ("The area covers 301 sq km.", "301 sq km", 301, "sq km"),
        ("He is a 54-year-old farmer.", "54-year-old", 54, "years old"),
    ],
)
def test_measurements(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind, f.unit) == (span, value, "quantity", unit)


def test_unit_shared_by_a_list() -> None:
    found = figs("Samples of 45 and 50 mg were taken.")
    assert [(f.text, f.unit) for f in found] == [("45", "mg"), ("50 mg", "mg")]


# ---------------------------------------------------------------- vague amounts


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Hundreds gathered outside.", "Hundreds", None),
        ("Dozens of shops closed.", "Dozens", "shops"),
        ("Thousands of people marched.", "Thousands", "people"),
        ("Tens of thousands of fans came.", "Tens of thousands", "fans"),
        ("Several hundred families left.", "Several hundred", "families"),
    ],
)
def test_vague_amounts(text: str, span: str, unit: str | None) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind, f.unit) == (span, None, "vague", unit)


def test_tens_alone_is_not_vague() -> None:
    assert figs("The tens digit is wrong.") == []


# ---------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "Two F-16 jets and an A320 landed.",
        "COVID-19 cases fell across the G7.",
        "In 1998 the treaty was signed.",
        "The law dates from the 1990s.",
        "See page 4 and section 12.",
        "Details are in Figure 3 and Table 2.",
        "Call 555-0143 or +44 20 7946 0958.",
        "The meeting starts at 10:30.",
        "The meeting starts at 2 pm.",
        "The server is at 192.168.1.20.",
        "It happened on January 15.",
        "It happened on 3 March.",
        "Apollo 11 landed safely.",
        "The protocol uses 4G and 5G bands.",
        "The agent's code name was 007.",
        "Previous studies [12, 14] disagree.",
        "The helpline runs 24/7.",
        "The home side won 1-0 and the vote was 6-3.",
        "It is a 50-50 call.",
        "He bought an iPhone 14 at a 7-Eleven.",
        "The shop opens at 5 o'clock.",
    ],
)
def test_not_figures(text: str) -> None:
    found = [f.text for f in figs(text) if f.text.lower() not in ("two", "one")]
    assert found == []


def test_list_markers_and_ages() -> None:
    assert figs("1. Open the file\n2) Read it") == []
    assert figs("John Smith, 45, was arrested.") == []
    assert figs("By Jane Doe, 34\nLONDON — Police said.") == []
    assert texts("In London, 45 people died.") == ["45"]


def test_one_as_a_pronoun() -> None:
    assert figs("The one she picked is broken.") == []
    assert figs("No one was hurt.") == []
    assert texts("Only one bridge is open.") == ["Only one"]


def test_names_with_number_words() -> None:
    assert figs("They visited the Three Gorges Dam.") == []


def test_taken_spans_are_never_crossed() -> None:
    text = "By January 15, 2021, some 2,500 troops will remain."
    date_start = text.index("January")
    taken = [(date_start, text.index(",", text.index("2021")))]
    found = figs(text, taken)
    assert [f.text for f in found] == ["some 2,500"]
    for f in found:
        assert f.end <= taken[0][0] or f.start >= taken[0][1]


def test_taken_span_cuts_a_range() -> None:
    text = "Output rose from 3,000 to 2021 levels."
    taken = [(text.index("2021"), text.index("2021") + 4)]
    assert [f.text for f in figs(text, taken)] == ["3,000"]


# ---------------------------------------------------------------- the user's article


def _article_body() -> str:
    raw = (ROOT / "sample_articles" / "2021-01-05-rudaw-kadhimi-withdrawal.md").read_text(encoding="utf-8")
    return re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)


def test_users_article_figures() -> None:
    text = _article_body()
    found = figs(text)
    by_text = {f.text: f for f in found}
    assert [f.text.lower() for f in found if f.text.lower() == "more than half"] == ["more than half"] * 3
    assert by_text["hundreds"].kind == "vague" and by_text["hundreds"].value is None
    assert by_text["2,500"].value == 2500
    assert (by_text["roughly 5,000"].value, by_text["roughly 5,000"].unit) == (5000, "troops")
    assert by_text["3,000"].value == 3000
    assert (by_text["100th"].kind, by_text["100th"].value) == ("ordinal", 100)
    assert by_text["More than half"].unit == "American forces"
    # "January 15", "January 3" and "January 2020" are dates, never figures
    assert not any(f.text in ("15", "3", "2020") for f in found)
    assert len(found) == 8


def test_figure_phrase_adds_the_counted_noun() -> None:
    text = "As of January, roughly 5,000 troops and more than half of American forces left; costs hit $3m."
    phrases = [figure_phrase(f) for f in figs(text)]
    assert phrases == ["roughly 5,000 troops", "more than half of American forces", "$3m"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rates rose by half a percentage point.",
            ("half a percentage point", 0.5, "percent", "percentage points"),
        ),
        ("Shares closed at 340p.", ("340p", 340, "money", "pence")),
        ("The firm sold 3.5m units.", ("3.5m", 3_500_000, "cardinal", "units")),
        ("He ran the 100m final.", ("100m", 100, "quantity", "m")),
        ("She won a fourth term.", ("fourth", 4, "ordinal", "term")),
        ("The package is worth £1.2tn.", ("£1.2tn", 1_200_000_000_000, "money", "pounds")),
        ("A magnitude 6.4 earthquake struck.", ("6.4", 6.4, "cardinal", "earthquake")),
    ],
)
def test_news_conventions(text: str, expected: tuple[str, float, str, str]) -> None:
    f = one(text)
    assert (f.text, f.value, f.kind, f.unit) == expected


def test_day_ranges_and_year_ranges_are_dates() -> None:
    assert figs("The summit runs Nov 15-16 in Bali.") == []
    assert figs("The plan covers 2013–2017.") == []


def test_more_conventions() -> None:
    assert figs("The ferry Martı-3 sailed.") == []
    f = one("It cost roughly a fifth more than a diesel boat.")
    assert (f.text, f.kind, f.value) == ("roughly a fifth", "fraction", pytest.approx(0.2))
    f = one("Officials estimate that one in five farms failed.")
    assert (f.text, f.value, f.unit) == ("one in five", 0.2, "farms")
    assert one("Output was 16.1 million barrels.").value == 16_100_000


def test_a_rate_taken_by_the_date_layer_still_names_the_unit() -> None:
    text = "The line carries about 180,000 barrels a day now."
    start = text.index("a day")
    f = figs(text, [(start, start + len("a day"))])[0]
    assert (f.text, f.unit) == ("about 180,000 barrels", "barrels a day")


def test_singular_time_word_after_an_amount_is_not_its_unit() -> None:
    f = one("It posted a C$ 3.81 billion second-quarter surplus.")
    assert (f.text, f.kind, f.unit) == ("C$ 3.81 billion", "money", "Canadian dollars")
    assert one("It lasted 1 second.").unit == "second"


def test_short_years_and_dotted_nouns() -> None:
    assert figs("He played in '91 and ’92.") == []
    assert one("There are 4,700 U.S. troops there.").unit == "U.S. troops"


@pytest.mark.parametrize(
    ("text", "span", "value", "high", "kind"),
    [
        ("It costs $500m-$600m.", "$500m-$600m", 500_000_000, 600_000_000, "money"),
        ("Fees run between $5 and $10.", "between $5 and $10", 5, 10, "money"),
        ("The bill is $3-4 billion.", "$3-4 billion", 3_000_000_000, 4_000_000_000, "money"),
        ("Between 2 and 3 million people fled.", "Between 2 and 3 million", 2_000_000, 3_000_000, "cardinal"),
    ],
)
def test_ranges_share_currency_and_scale(text: str, span: str, value: float, high: float, kind: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.high, f.kind) == (span, value, high, kind)


def test_addresses_and_pc() -> None:
    assert figs("He lives at 10 Downing Street.") == []
    f = one("Inflation hit 2.5pc.")
    assert (f.text, f.kind, f.unit) == ("2.5pc", "percent", "percent")


def test_a_number_grouped_in_thousands_after_a_label_word_is_a_count() -> None:
    # "year" and "week" label small numbers ("week 3"), but a thousands-grouped number counts something.
    text = "In the past year 12,400 families left the valley; in week 3 the road reopened."
    found = [(f.text, f.value, f.unit) for f in figs(text)]
    assert found == [("12,400", 12400.0, "families")]
