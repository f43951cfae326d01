"""Hostile but allowed input stays linear: bounded sentences, bounded fact texts, output size in proportion.

These check sizes and counts, never time (bench_adversarial.py measures time).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import analyze
from extract.facts import ELLIPSIS, EXCERPT_LIMIT, WHOLE_LIMIT
from extract.model import Entity, Fact, fact_to_dict
from extract.sentences import MAX_SENTENCE, split_sentences
from store.timeline import entity_keys

PUBLISHED = date(2021, 1, 5)
UNIT = "On March 3, 2021 the ministry said 4,500 people in Lagos and the Acme Corp board met again, "


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def json_size(text: str) -> int:
    return len(json.dumps(analyze(text, PUBLISHED).to_dict(), ensure_ascii=False))


def test_json_of_a_one_sentence_text_grows_in_proportion_to_its_length() -> None:
    # Before the fix every fact carried the whole sentence: 200 KB gave hundreds of MB of JSON.
    small, large = repeated(UNIT, 20_000), repeated(UNIT, 200_000)
    small_size, large_size = json_size(small), json_size(large)
    assert large_size < 40 * len(large)
    assert large_size < 12 * small_size


@pytest.mark.parametrize("unit", [".", "!?", "…", "?!.", "x", "7", ",", "and "])
def test_runs_without_boundaries_give_bounded_sentences(unit: str) -> None:
    text = repeated(unit, 50_000)
    sentences = split_sentences(text)
    assert all(0 < s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert sum(s.end - s.start for s in sentences) >= len(text.replace(" ", "")) - len(sentences)


def test_overlong_sentence_is_cut_after_a_semicolon_then_a_comma() -> None:
    clause = "the river rose and the road was closed"
    text = "; ".join([clause] * 40) + "."
    pieces = [text[s.start : s.end] for s in split_sentences(text)]
    assert len(pieces) > 1
    assert all(p.endswith(";") and len(p) <= MAX_SENTENCE for p in pieces[:-1])
    assert " ".join(pieces) == text
    text = ", ".join([clause] * 40) + "."
    pieces = [text[s.start : s.end] for s in split_sentences(text)]
    assert all(p.endswith(",") for p in pieces[:-1])
    assert " ".join(pieces) == text


def test_a_cut_avoids_the_comma_inside_a_date() -> None:
    text = "Officials said " + "the port and the road were shut and " * 24 + "on March 3, 2021 it reopened"
    text += " after a long wait" * 10 + "."
    assert MAX_SENTENCE // 2 < text.index(",") < MAX_SENTENCE < len(text)
    a = analyze(text, PUBLISHED)
    (mention,) = [d for d in a.dates if d.text == "March 3, 2021"]
    assert any(s.start <= mention.start and mention.end <= s.end for s in a.sentences)


def test_normal_sentences_are_stored_whole() -> None:
    text = "The council met on March 3, 2021 in Lagos. It adjourned."
    (fact,) = analyze(text, PUBLISHED).facts
    assert fact.text == "The council met on March 3, 2021 in Lagos."
    assert fact.text_offset is None
    assert "text_offset" not in fact_to_dict(fact)


def test_a_long_sentence_gives_a_bounded_excerpt_around_its_date() -> None:
    text = "Officials said " + "the port and the road were shut while " * 12 + "on March 3, 2021 "
    text += "the talks went on and on " * 19 + "."
    assert WHOLE_LIMIT < len(text) <= MAX_SENTENCE
    (fact,) = analyze(text, PUBLISHED).facts
    assert len(fact.text) <= EXCERPT_LIMIT + 2 * len(ELLIPSIS)
    assert fact.text.startswith(ELLIPSIS) and fact.text.endswith(ELLIPSIS)
    assert fact.text_offset is not None
    at = fact.date.start - fact.text_offset
    assert fact.text[at : at + len(fact.date.text)] == fact.date.text
    body = fact.text[len(ELLIPSIS) : -len(ELLIPSIS)]
    start = fact.text_offset + len(ELLIPSIS)
    assert text[start : start + len(body)] == body
    assert text[start - 1].isspace() and text[start + len(body)].isspace()  # cut at word boundaries
    assert fact_to_dict(fact)["text_offset"] == fact.text_offset


def test_entity_keys_match_a_scan_of_every_entity() -> None:
    text = repeated("Maria Lopez met Acme Corp in Lagos on March 3, 2021. ", 6_000)
    analysis = analyze(text, PUBLISHED)
    for fact in analysis.facts[:50]:
        s, e = fact.sentence.start, fact.sentence.end
        scanned = sorted({x.canonical.casefold() for x in analysis.entities if s <= x.start and x.end <= e})
        assert entity_keys(analysis.entities, s, e) == scanned
    other = (Entity(0, 3, "Oslo", "GPE", "Oslo"),)
    assert entity_keys(other, 0, 10) == ["oslo"]  # a new analysis is indexed afresh
    assert entity_keys((), 0, 10) == []


# Long texts made of a few repeated pieces: runs of punctuation, digits, words, no boundary at all.
PIECES = st.sampled_from(
    [".", "!", "?", "…", ";", ",", " ", "\n", "7", "2021", "March 3", "Lagos", "and", "(", '"', "-", "A."]
)
LONG_TEXTS = st.builds(
    lambda parts, times: "".join(parts) * times,
    st.lists(PIECES, min_size=1, max_size=8),
    st.integers(1, 600),
)


@settings(max_examples=60, deadline=None)
@given(LONG_TEXTS)
def test_long_texts_never_crash_and_every_offset_slices_to_its_text(text: str) -> None:
    a = analyze(text, PUBLISHED)
    previous_end = 0
    for s in a.sentences:
        assert previous_end <= s.start < s.end <= len(text)
        assert s.end - s.start <= MAX_SENTENCE
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        previous_end = s.end
    for item in (*a.entities, *a.figures, *a.dates):
        assert text[item.start : item.end] == item.text
    for fact in a.facts:
        if fact.text_offset is None:
            assert fact.text == text[fact.sentence.start : fact.sentence.end]
            assert len(fact.text) <= WHOLE_LIMIT
        else:
            assert len(fact.text) <= EXCERPT_LIMIT + 2 * len(ELLIPSIS)
        offset = fact.sentence.start if fact.text_offset is None else fact.text_offset
        at = fact.date.start - offset
        if fact.date.end <= fact.sentence.end:
            assert fact.text[at : at + len(fact.date.text)] == fact.date.text


def test_records_serialise_exactly_as_dataclasses_asdict() -> None:
    from dataclasses import asdict

    from extract.model import record_to_dict

    text = "On March 3, 2021 about 4,500 people in Lagos met Acme Corp officials. Prices rose 5%."
    a = analyze(text, PUBLISHED)
    records = [*a.sentences, *a.entities, *a.figures, *a.dates]
    assert {type(r) for r in records} == {
        type(a.sentences[0]),
        type(a.entities[0]),
        type(a.figures[0]),
        type(a.dates[0]),
    }
    for record in records:
        expected = asdict(record)
        if expected.get("guessed") is False:  # an entity's "guessed" appears only when true
            del expected["guessed"]
        assert list(record_to_dict(record).items()) == list(expected.items())


def _long_sentence_fact() -> Fact:
    text = "Officials said " + "the port and the road were shut while " * 12 + "on March 3, 2021 "
    text += "the talks went on and on " * 19 + "."
    (fact,) = analyze(text, PUBLISHED).facts
    assert fact.text_offset is not None
    return fact


def test_the_timeline_pane_underlines_the_date_inside_an_excerpt() -> None:
    from tui.render import timeline_lines

    body = timeline_lines(_long_sentence_fact(), 60)[-1]
    underlined = [body.plain[s.start : s.end] for s in body.spans if "underline" in str(s.style)]
    assert underlined == ["March 3, 2021"]


def test_the_analyze_table_styles_the_date_inside_an_excerpt() -> None:
    from cli._analysis_view import DATE_STYLE, _statement

    cell = _statement(_long_sentence_fact(), limit=2000)
    styled = [cell.plain[s.start : s.end] for s in cell.spans if s.style == DATE_STYLE]
    assert styled == ["March 3, 2021"]


def test_entity_keys_read_an_analysis_entities_once_for_all_its_facts() -> None:
    """Before, every fact scanned every entity of its article (facts x entities)."""

    class CountingList(list):  # type: ignore[type-arg]
        reads = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            CountingList.reads += 1
            return super().__iter__()

    entities = CountingList(Entity(i * 10, i * 10 + 5, "Oslo", "GPE", f"Name{i}") for i in range(1000))
    CountingList.reads = 0
    keys = [entity_keys(entities, s, s + 20) for s in range(0, 10_000, 100)]
    assert keys[3] == ["name30", "name31"]
    assert CountingList.reads <= 1


def test_an_analysis_serialises_as_its_dataclasses_do() -> None:
    """`Analysis.to_dict()` writes each record type out by hand: it stays `dataclasses.asdict` in field
    order (an entity's "guessed" only when true; a fact's tuples as lists, "text_offset" only when set)."""
    from dataclasses import asdict

    from extract.model import Analysis, DateMention, Figure, Sentence

    when = DateMention(3, 13, "3 May 2021", "DATE", "2021-05-03", "APPROX", False, True)
    entities = (Entity(0, 2, "On", "ORG", "On"), Entity(20, 25, "Lagos", "GPE", "Lagos", guessed=True))
    fact = Fact("2021-05-03", "2021-05-03", None, Sentence(0, 30), "x", when, ("Lagos",), ("5%",), 2, (when,))
    analysis = Analysis(
        date(2021, 5, 4),
        (Sentence(0, 30),),
        entities,
        (Figure(26, 28, "5%", 5.0, "percent", "%", "about", 7.5),),
        (when,),
        (fact,),
    )

    def record(item: Any) -> dict[str, Any]:
        expected = asdict(item)
        if expected.get("guessed") is False:
            del expected["guessed"]
        return expected

    fact_data = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(fact).items()}
    fact_data["dates"] = [asdict(when)]
    expected = {
        "published": "2021-05-04",
        "sentences": [record(analysis.sentences[0])],
        "entities": [record(e) for e in entities],
        "figures": [record(analysis.figures[0])],
        "dates": [record(when)],
        "facts": [fact_data],
    }
    assert json.dumps(analysis.to_dict()) == json.dumps(expected)  # the same keys in the same order
    no_offset = fact_to_dict(Fact("2021", "2021-01-01", "2021-12-31", Sentence(0, 4), "x", when))
    assert "text_offset" not in no_offset and no_offset["dates"] == [] and no_offset["entities"] == []
