"""Timeline ordering and filters over stored fact documents (pure functions of store.timeline)."""

from __future__ import annotations

from datetime import date

from extract.model import Entity, Fact
from store.serialise import fact_from_dict
from store.timeline import (
    aliases,
    article_bounds,
    is_vague,
    matches_entity,
    name_matches,
    overlaps,
    sort_key,
    split_date_range,
    wanted_names,
)


def fact(value: str, start: str | None, end: str | None, at: int = 0, entities: tuple[str, ...] = ()) -> Fact:
    return fact_from_dict(
        {
            "value": value,
            "start_date": start,
            "end_date": end,
            "sentence": {"start": at, "end": at + 10},
            "text": "x" * 10,
            "date": {"start": at, "end": at + 1, "text": "x", "type": "DATE", "value": value},
            "entities": list(entities),
        }
    )


def ordered(facts: list[Fact]) -> list[str]:
    bounds = article_bounds(facts)
    return [f.value for f in sorted(facts, key=lambda f: sort_key(f, date(2021, 1, 5), "a", bounds))]


def test_interval_order_with_finer_first_and_open_intervals_at_the_edges() -> None:
    facts = [
        fact("FUTURE_REF", "2021-01-05", None, at=1),
        fact("2021-01-15", "2021-01-15", "2021-01-15"),
        fact("2021-01", "2021-01-01", "2021-01-31"),
        fact("2021-01-01", "2021-01-01", "2021-01-01"),
        fact("XXXX-12", None, None),
        fact("PAST_REF", None, "2021-01-05"),
        fact("2020-01", "2020-01-01", "2020-01-31"),
        fact("2020", "2020-01-01", "2020-12-31"),
    ]
    assert ordered(facts) == [
        "PAST_REF",
        "2020-01",
        "2020",
        "2021-01-01",
        "2021-01",
        "2021-01-15",
        "FUTURE_REF",
        "XXXX-12",
    ]


def test_overlap() -> None:
    month = fact("2020-03", "2020-03-01", "2020-03-31")
    assert overlaps(month, None, None)
    assert overlaps(month, date(2020, 3, 31), None) and not overlaps(month, date(2020, 4, 1), None)
    assert overlaps(month, None, date(2020, 3, 1)) and not overlaps(month, None, date(2020, 2, 29))
    # an open-ended reference is anchored on its one known day (the publication day): it matches a
    # range only when that day is inside it, whichever side is open
    coming = fact("FUTURE_REF", "2021-01-05", None)
    assert overlaps(coming, date(2021, 1, 5), date(2021, 1, 5)) and overlaps(coming, None, date(2021, 1, 5))
    assert not overlaps(coming, date(2030, 1, 1), None) and not overlaps(coming, date(2021, 1, 6), None)
    assert not overlaps(coming, None, date(2021, 1, 4))
    recent = fact("PAST_REF", None, "2021-01-05")
    assert overlaps(recent, date(2021, 1, 5), None) and overlaps(recent, date(2021, 1, 1), date(2021, 1, 31))
    assert not overlaps(recent, None, date(1, 1, 1)) and not overlaps(recent, None, date(2021, 1, 4))
    assert not overlaps(recent, date(2021, 1, 6), None)
    assert not overlaps(fact("XXXX-12", None, None), date(2020, 1, 1), None)


def test_entity_filter_resolves_mentions_to_canonical_names() -> None:
    entities = [
        Entity(0, 8, "Kadhimi", "PERSON", "Mustafa al-Kadhimi"),
        Entity(20, 38, "Mustafa al-Kadhimi", "PERSON", "Mustafa al-Kadhimi"),
    ]
    wanted = wanted_names("KADHIMI", [aliases(entities)])
    assert wanted == {"kadhimi", "mustafa al-kadhimi"}
    assert matches_entity(fact("2021", "2021-01-01", "2021-12-31"), ["mustafa al-kadhimi"], wanted)
    assert matches_entity(fact("2021", "2021-01-01", "2021-12-31", entities=("Kadhimi",)), [], wanted)
    assert not matches_entity(fact("2021", "2021-01-01", "2021-12-31"), ["iraq"], wanted)


def test_a_name_matches_by_whole_words_never_by_fragments() -> None:
    assert name_matches("Marotto", "Wayne Marotto")
    assert name_matches("wayne  marotto", "Wayne Marotto")
    assert name_matches("Kadhimi", "Mustafa al-Kadhimi")  # a hyphen separates words
    assert not name_matches("arott", "Wayne Marotto")
    assert not name_matches("Wayne Smith", "Wayne Marotto")
    assert not name_matches("  ", "Wayne Marotto")


def test_wanted_names_include_full_names_that_contain_the_query() -> None:
    tables = [{"wayne marotto": "wayne marotto", "oir": "operation inherent resolve"}]
    assert wanted_names("Marotto", tables) == {"marotto", "wayne marotto"}
    assert "operation inherent resolve" in wanted_names("OIR", tables)
    assert wanted_names("Rott", tables) == {"rott"}


def test_vague_facts_are_references_unanchored_values_and_decades() -> None:
    assert is_vague(fact("PAST_REF", None, "2021-01-05"))
    assert is_vague(fact("FUTURE_REF", "2021-01-05", None))
    assert is_vague(fact("XXXX-12", None, None))
    assert is_vague(fact("198X", "1980-01-01", "1989-12-31"))
    assert is_vague(fact("198", "1980-01-01", "1989-12-31"))
    assert is_vague(fact("198", "1986-09-02", "1989-12-31"))  # "the late 1980s"
    assert is_vague(fact("19", "1900-01-01", "1999-12-31"))
    assert not is_vague(fact("2020", "2020-01-01", "2020-12-31"))
    assert not is_vague(fact("2020-11", "2020-11-11", "2020-11-20"))


def test_a_date_range_in_a_search_query() -> None:
    assert split_date_range("iraq 2020..2021") == ("iraq", date(2020, 1, 1), date(2021, 12, 31))
    assert split_date_range("2020-11..") == ("", date(2020, 11, 1), None)
    assert split_date_range("..2021-02") == ("", None, date(2021, 2, 28))
    assert split_date_range("x 2020-13..2021") == ("x 2020-13..2021", None, None)  # not a month: a word
    assert split_date_range("a..b") == ("a..b", None, None)
    assert split_date_range("2021..2020") == ("", date(2020, 1, 1), date(2021, 12, 31))  # either way round
    assert split_date_range("2021-03..2021-01") == ("", date(2021, 1, 1), date(2021, 3, 31))
    assert split_date_range("2021-05..2021") == ("", date(2021, 5, 1), date(2021, 12, 31))  # not reversed
    assert split_date_range("2021-06-15..2021-06") == ("", date(2021, 6, 15), date(2021, 6, 30))
