"""The user's article (sample_articles/, published 2021-01-05) gives the entities DESIGN.md lists."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from extract.corrections import NO_CORRECTIONS
from extract.entities import find_entities
from extract.model import Entity
from extract.sentences import split_sentences

ARTICLE = (
    Path(__file__).resolve().parent.parent / "sample_articles" / "2021-01-05-rudaw-kadhimi-withdrawal.md"
)


def body(path: Path) -> str:
    """The article text below its front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2].lstrip("\n")
    return text


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    text = body(ARTICLE)
    return find_entities(text, split_sentences(text), NO_CORRECTIONS, [])


@pytest.fixture(scope="module")
def by_text(entities: list[Entity]) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for e in entities:
        out.setdefault(e.text, set()).add((e.type, e.canonical))
    return out


@pytest.mark.parametrize(
    ("text", "etype", "canonical"),
    [
        ("Mustafa al-Kadhimi", "PERSON", "Mustafa al-Kadhimi"),
        ("Kadhimi", "PERSON", "Mustafa al-Kadhimi"),
        ("Iraq", "GPE", "Iraq"),
        ("US", "GPE", "United States"),
        ("American", "NORP", "United States"),
        ("ERBIL", "GPE", "Erbil"),
        ("Kurdistan Region", "GPE", "Kurdistan Region"),
        ("Iran", "GPE", "Iran"),
        ("Washington", "GPE", "Washington"),
        ("Baghdad", "GPE", "Baghdad"),
        ("Iraqi", "NORP", "Iraq"),
        ("Iraqi Army", "ORG", "Iraqi Army"),
        ("Operation Inherent Resolve", "ORG", "Operation Inherent Resolve"),
        ("OIR", "ORG", "Operation Inherent Resolve"),
        ("Rudaw", "ORG", "Rudaw"),
        ("Pentagon", "ORG", "Pentagon"),
        ("Islamic State", "ORG", "Islamic State"),
        ("ISIS", "ORG", "Islamic State"),
        ("Popular Mobilization Forces", "ORG", "Popular Mobilization Forces"),
        ("PMF", "ORG", "Popular Mobilization Forces"),
        ("Hashd al-Shaabi", "ORG", "Popular Mobilization Forces"),
        ("Wayne Marotto", "PERSON", "Wayne Marotto"),
        ("Christopher Miller", "PERSON", "Christopher Miller"),
        ("Qasem Soleimani", "PERSON", "Qasem Soleimani"),
        ("Abu Mahdi al-Muhandis", "PERSON", "Abu Mahdi al-Muhandis"),
        ("Iranian", "NORP", "Iran"),
        ("Shiite", "NORP", "Shiite"),
    ],
)
def test_expected_entity(
    by_text: dict[str, set[tuple[str, str]]], text: str, etype: str, canonical: str
) -> None:
    assert by_text.get(text) == {(etype, canonical)}


def test_no_spurious_names(by_text: dict[str, set[tuple[str, str]]]) -> None:
    for word in ("Tuesday", "December", "January", "September", "More", "Prime Minister", "Acting", "PM"):
        assert word not in by_text
    assert not any(name.endswith(("’s", "'s")) for name in by_text)


def test_offsets_slice_the_text(entities: list[Entity]) -> None:
    text = body(ARTICLE)
    assert entities
    for e in entities:
        assert text[e.start : e.end] == e.text


def test_every_sample_article_analyses_cleanly() -> None:
    for path in sorted(ARTICLE.parent.iterdir()):
        if path.suffix not in (".md", ".txt"):
            continue
        text = body(path)
        found = find_entities(text, split_sentences(text), NO_CORRECTIONS, [])
        assert found, path.name
        assert all(text[e.start : e.end] == e.text for e in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))
