"""Pure tests of extract/across: unit classes, series grouping and dating, the qualifier-aware conflict
rule, entity resolution; on small invented articles, no library."""

from __future__ import annotations

from extract.across.conflicts import allowed, conflicts
from extract.across.model import Series, SeriesPoint
from extract.across.resolve import resolve
from extract.across.units import count_class, noun_class
from tests.across_support import index, make


def _point(value: float, qualifier: str | None, article: str, day: str = "2024-05-27") -> SeriesPoint:
    return SeriesPoint(day, value, None, qualifier, article, f"src {article}", "t", str(value), 0, 1)


def test_counted_nouns_normalise_to_one_class() -> None:
    assert noun_class("troops") == noun_class("US forces") == noun_class("soldiers") == "troops"
    assert count_class("cardinal", "people", "", " remain out of their homes") == "displaced"
    assert count_class("cardinal", "people", "", " are still living in temporary shelters") == "displaced"
    assert count_class("cardinal", "people", "the storm has killed ", "") == "killed"
    assert count_class("cardinal", None, "the death toll rose to ", " on Wednesday") == "killed"


def test_unknown_or_uncountable_figures_have_no_class() -> None:
    assert count_class("cardinal", "temporary shelters", "", " opened") is None
    assert count_class("money", "dollars", "", " displaced") is None
    assert count_class("percent", "percent", "", " of people displaced") is None
    assert count_class("cardinal", "people", "", " attended the concert") is None


def test_qualifier_intervals() -> None:
    assert allowed(120, None, "at least") == (120, float("inf"))
    assert allowed(100, None, "up to") == (0.0, 100)
    low, high = allowed(12000, None, "about")
    assert low < 12400 < high
    assert allowed(3000, 4000, "between") == (3000, 4000)
    assert allowed(100, None, "nearly") == (90.0, 100)


def test_conflict_rules() -> None:
    def series(*points: SeriesPoint) -> Series:
        return Series("k", "Quake", "people killed", points)

    found = conflicts([series(_point(120, "at least", "a"), _point(85, None, "b"))])
    assert [len(c.claims) for c in found] == [2]
    assert {c.value for c in found[0].claims} == {120, 85}
    assert conflicts([series(_point(12000, "about", "a"), _point(12400, None, "b"))]) == []
    # different dates never conflict
    assert (
        conflicts([series(_point(38000, None, "a", "2022-10-19"), _point(41600, None, "b", "2022-10-16"))])
        == []
    )
    # one article repeating itself is not a disagreement between sources
    assert conflicts([series(_point(10, None, "a"), _point(20, None, "a"))]) == []
    assert conflicts([series(_point(120, "more than", "a"), _point(150, None, "b"))]) == []


STORM_1 = (
    "About 12,000 people have been moved out of their homes after Typhoon Marla struck, officials said on "
    "Wednesday. Seven people have died."
)
STORM_2 = (
    "More than 38,000 people remain out of their homes, officials said. The count reached a peak of 41,600 "
    "on Sunday before some families returned. Typhoon Marla stalled over the hills for two days."
)
STORM_3 = "About 4,200 people are still living in temporary shelters three months after Typhoon Marla."


def test_series_groups_by_subject_and_class_in_date_order() -> None:
    idx = index(
        make("a1", STORM_1, "2022-10-12"),
        make("a2", STORM_2, "2022-10-19"),
        make("a3", STORM_3, "2023-01-17"),
    )
    displaced = [s for s in idx.all_series() if s.unit == "people displaced"]
    assert len(displaced) == 1
    points = displaced[0].points
    assert displaced[0].subject == "Typhoon Marla"
    assert [p.value for p in points] == [12000, 41600, 38000, 4200]
    assert [p.date for p in points] == ["2022-10-12", "2022-10-16", "2022-10-19", "2023-01-17"]
    assert [p.qualifier for p in points] == ["about", "peak", "more than", "about"]
    assert idx.conflicts() == []
    assert idx.series_for_figure("a2", points[1].start) == displaced[0]
    assert idx.series_for_figure("a2", points[1].start + 1) is None


def test_one_figure_is_no_series_and_figures_without_subject_are_left_out() -> None:
    idx = index(make("a1", "About 12,000 people have been displaced, officials said.", "2022-10-12"))
    assert idx.all_series() == []
    idx = index(make("a1", STORM_1, "2022-10-12"))
    assert idx.all_series() == []  # one displaced figure, one death figure: nothing moved


def test_undated_figures_are_counted_not_plotted() -> None:
    idx = index(
        make("a1", STORM_1, "2022-10-12"),
        make("a2", STORM_2, "2022-10-19"),
        make("a3", STORM_3, None),
    )
    displaced = next(s for s in idx.all_series() if s.unit == "people displaced")
    assert displaced.undated == 1
    assert all(p.article_id != "a3" for p in displaced.points)


def test_disagreeing_sources_on_the_same_day_conflict() -> None:
    one = make(
        "q1", "At least 120 people were killed by Cyclone Vesna, the ministry said.", "2024-05-27", "A"
    )
    two = make("q2", "The agency said 85 people had been killed by Cyclone Vesna.", "2024-05-27", "B")
    later = make("q3", "The death toll from Cyclone Vesna rose to 131 on Wednesday.", "2024-05-29", "C")
    idx = index(one, two, later)
    assert [len(s.points) for s in idx.all_series()] == [3]
    found = idx.conflicts()
    assert len(found) == 1
    assert found[0].date == "2024-05-27"
    assert sorted(c.source or "" for c in found[0].claims) == ["A", "B"]
    assert idx.conflicts_for_article("q3") == []
    assert idx.conflicts_for_article("q1") == found


def test_names_resolve_across_articles() -> None:
    first = make(
        "r1", "Prime Minister Mustafa al-Kadhimi spoke in Baghdad. Kadhimi said the talks went well.", None
    )
    second = make("r2", "PM Kadhimi met the US envoy on Monday.", None)
    idx = index(first, second)
    found = idx.find_entities("kadhimi")
    assert [s.name for s in found] == ["Mustafa al-Kadhimi"]
    assert found[0].article_count == 2
    assert idx.find_entities("PM Kadhimi") == found
    assert idx.find_entities("Mustafa al-Kadhimi") == found
    profile = idx.profile(found[0].key)
    assert {a.article_id for a in profile.articles} == {"r1", "r2"}
    assert idx.find_entities("Nobody Atall") == []


def test_an_ambiguous_surname_stays_apart() -> None:
    resolution = resolve(
        [
            ("John Miller", "PERSON", 2, (("John Miller", 2),)),
            ("Anna Miller", "PERSON", 1, (("Anna Miller", 1),)),
            ("Miller", "PERSON", 1, (("Miller", 1),)),
        ]
    )
    assert resolution.key_of[("Miller", "PERSON")] == "PERSON:miller"
    assert resolution.key_of[("John Miller", "PERSON")] == "PERSON:john miller"


def test_a_nationality_joins_its_country_but_types_do_not_otherwise_merge() -> None:
    resolution = resolve(
        [
            ("United States", "GPE", 3, (("US", 3),)),
            ("United States", "NORP", 2, (("American", 2),)),
            ("Jordan", "PERSON", 1, (("Jordan", 1),)),
            ("Jordan", "GPE", 1, (("Jordan", 1),)),
        ]
    )
    assert resolution.key_of[("United States", "NORP")] == "GPE:united states"
    assert resolution.mentions["GPE:united states"] == 5
    assert resolution.key_of[("Jordan", "PERSON")] != resolution.key_of[("Jordan", "GPE")]


def test_digest_round_trips_through_json() -> None:
    import json

    from extract.across.digest import ArticleDigest

    dig = make("a2", STORM_2, "2022-10-19")
    again = ArticleDigest.from_dict(json.loads(json.dumps(dig.to_dict())))
    assert again == dig


def test_a_profile_lists_an_open_future_after_the_dated_facts_of_its_day() -> None:
    text = (
        "Minister Talia Brenner said the ferries will return in the coming weeks. "
        "Brenner opened the new pier on Tuesday. "
        "Brenner visited the shipyard on Monday."
    )
    idx = index(make("p1", text, "2021-01-05"))
    (found,) = idx.find_entities("Brenner")
    values = [fact.date_value for fact in idx.profile(found.key).facts]
    assert values == ["2021-01-04", "2021-01-05", "FUTURE_REF"]
