"""Organisation evidence in news text (issue 13): statements, league tables and results lines, and faith
groups that are peoples, not companies.

Every sentence here is invented; the names are made up. Each case lists (name, type) pairs the analysis
must find exactly.
"""

from __future__ import annotations

import pytest

from extract.analyze import analyze

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # A company speaks through a document
    ("Analysts expect more. Torvaldsson said in a statement that orders rose.", [("Torvaldsson", "ORG")]),
    ("Orders slowed. Mirakovic said on Monday in a filing that it sold a mine.", [("Mirakovic", "ORG")]),
    ("Costs rose. Pellerin announced in its annual report a cut in the dividend.", [("Pellerin", "ORG")]),
    # League tables and results lines: the rows name teams, even without a known place in them
    (
        "Standings ( played , won , drawn , lost , points ):\n"
        "Brackley Thistle 6 4 2 0 11 5 14\nKestrel Vale 6 2 1 3 7 9 7",
        [("Brackley Thistle", "ORG"), ("Kestrel Vale", "ORG")],
    ),
    (
        "Results on Saturday:\nMarlo Thistle 2 Brennock 1\nOsterby 0 Calder Wanderers 3",
        [("Marlo Thistle", "ORG")],
    ),
    # Faiths and their followers are groups, not organisations
    ("Sunni and Shiite leaders met in Basra to calm the protests.", [("Sunni", "NORP"), ("Basra", "GPE")]),
    ("Thousands of Moslems marched through the old town.", [("Moslems", "NORP")]),
    ("The Buddhist monks led the procession.", [("Buddhist", "NORP")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_organisation_evidence(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = [(e.text, e.type) for e in analyze(sentence).entities]
    for pair in expected:
        assert pair in found, f"{pair} not in {found}"


def test_golf_scores_do_not_make_a_team() -> None:
    text = "Leading scores, final round:\nTomas Elvander 70 69 71 68 278\nRui Caldeira 71 70 70 69 280"
    types = {e.text: e.type for e in analyze(text).entities}
    assert types["Tomas Elvander"] == "PERSON"
    assert types["Rui Caldeira"] == "PERSON"


def test_a_person_speaking_without_a_document_stays_a_person() -> None:
    types = {e.text: e.type for e in analyze('"We will win," Torvaldsson said in Oslo.').entities}
    assert types.get("Torvaldsson") == "PERSON"


def test_golf_rounds_after_a_position_do_not_make_a_team() -> None:
    text = "Leading scores:\n281 Tomas Elvander 70 69 71 71\n283 Rui Caldeira 71 70 70 72"
    types = {e.text: e.type for e in analyze(text).entities}
    assert types["Tomas Elvander"] == "PERSON"


@pytest.mark.parametrize(
    "sentence",
    [
        'The club lost the league match 2-1. "We played badly," said Van Drunen, the coach.',
        'The match went five sets in the tournament. "I kept fighting," said Florence after the win.',
    ],
)
def test_the_speaker_after_a_quotation_is_a_person(sentence: str) -> None:
    speaker = sentence.split("said ", 1)[1].split(",")[0].split(" after")[0]
    types = {e.text: e.type for e in analyze(sentence).entities}
    assert types.get(speaker) == "PERSON", types


def test_a_company_named_with_descriptor_and_suffix_is_shortened_to_its_own_name() -> None:
    text = (
        "Talks on a merger of Harbour Freight with Marenko International Inc resumed.\n"
        "Analysts said the merger would help Marenko win seat orders."
    )
    types = {e.text: e.type for e in analyze(text).entities}
    assert types.get("Marenko") == "ORG", types


@pytest.mark.parametrize(
    ("sentence", "index"),
    [
        ("Traders watched the Varona composite index slip for a third day.", "Varona"),
        ("Lisbon's main Tarsel average lost ground at the open.", "Tarsel"),
        ("Gains in the Kestrel Jones industrial average faded by noon.", "Kestrel Jones"),
    ],
)
def test_a_market_index_is_not_an_organisation(sentence: str, index: str) -> None:
    types = {e.text: e.type for e in analyze(sentence).entities}
    assert types.get(index) == "OTHER", types


def test_a_county_team_in_a_table_row_is_a_team() -> None:
    text = "League standings:\nHarlow County 5 3 2 0 8 1 11\nMarsby 5 0 1 4 2 12 1"
    types = {e.text: e.type for e in analyze(text).entities}
    assert types.get("Harlow County") == "ORG", types


def test_a_county_in_prose_stays_a_place() -> None:
    types = {e.text: e.type for e in analyze("Floods hit Harlow County on Monday.").entities}
    assert types.get("Harlow County") == "GPE", types


def test_the_region_after_a_dateline_city_is_a_place_even_in_a_sports_report() -> None:
    text = "TORRES HITS TWO HOMERS .\nHARLOW , Kestrelia 2024-05-02\n"
    text += "The pitcher gave up a homer in the league match.\nKestrelia won the match."
    found = [(e.text, e.type) for e in analyze(text).entities]
    assert ("Kestrelia", "GPE") in found, found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Flights resumed, the state news agency Darnovic reported on Friday.", "Darnovic"),
        ("He told the daily Marta Novak that he would stay.", "Marta Novak"),
        ("The order went to carmaker Osterholm for 400 buses.", "Osterholm"),
    ],
)
def test_an_organisation_noun_before_a_name_makes_it_an_organisation(sentence: str, name: str) -> None:
    types = {e.text: e.type for e in analyze(sentence).entities}
    assert types.get(name) == "ORG", types


def test_an_aircraft_carrier_is_not_a_company() -> None:
    types = {e.text: e.type for e in analyze("Jets flew from the aircraft carrier Kestrel Bay.").entities}
    assert types.get("Kestrel Bay") != "ORG", types


_SPORTS = "The league match ended in a draw after the striker missed a penalty in the tournament. "


def test_a_town_named_given_name_before_a_surname_is_a_person_in_sports() -> None:
    types = {e.text: e.type for e in analyze(_SPORTS + "Goals: Paul Ortega ( 71st minute )").entities}
    assert types.get("Paul Ortega") == "PERSON", types


def test_a_city_before_a_plural_nickname_is_still_a_team_in_sports() -> None:
    types = {e.text: e.type for e in analyze(_SPORTS + "Later Paul Hornets beat them.").entities}
    assert types.get("Paul Hornets") == "ORG", types


@pytest.mark.parametrize(
    "line",
    [
        "Nine-month results ( in millions ):\nSales 41.3 38.9 35.2\nNet 7.4 6.1 5.8",
        "Innings closed.\nExtras ( b 4 w 2 ) 6\nTotal ( 44.2 overs ) 213",
        "-- Coastal desk Tel +27 21 555 0134 , Fax +27 21 555 0199",
    ],
)
def test_table_row_labels_are_not_names(line: str) -> None:
    assert [e.text for e in analyze(line).entities if e.text in ("Sales", "Net", "Extras", "Fax")] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The deal was confirmed by Valdemarsson spokesman Per Lind on Friday.", "Valdemarsson"),
        ("Dravic chairman Ivo Petrov promised new signings.", "Dravic"),
        ("The referee booked the Sporvikov defender in the second half.", "Sporvikov"),
        ("She modelled for Carla Vance International in Milan.", "Carla Vance International"),
    ],
)
def test_officers_players_and_descriptors_mark_an_organisation(sentence: str, name: str) -> None:
    types = {e.text: e.type for e in analyze(sentence).entities}
    assert types.get(name) == "ORG", types


def test_a_given_name_in_a_list_with_a_company_stays_a_person() -> None:
    types = {
        e.text: e.type for e in analyze("Talks between Brenmoor Holdings and Lorna Reyes stalled.").entities
    }
    assert types == {"Brenmoor Holdings": "ORG", "Lorna Reyes": "PERSON"}
