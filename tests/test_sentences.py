"""Sentence splitting for news text: abbreviations, initials, quotes, datelines, headlines."""

from __future__ import annotations

import pytest

from extract.sentences import split_sentences


def parts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said Gen. Smith arrived. He left.",
            ["The U.S. Army said Gen. Smith arrived.", "He left."],
        ),
        (
            "Talks ended on Jan. 5 in Geneva. Nothing changed.",
            ["Talks ended on Jan. 5 in Geneva.", "Nothing changed."],
        ),
        ("No. 10 Downing St. confirmed it. Fine.", ["No. 10 Downing St. confirmed it.", "Fine."]),
        ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
        ("Growth was 3.5 percent. It rose.", ["Growth was 3.5 percent.", "It rose."]),
        ("It began at 3 p.m. The crowd grew.", ["It began at 3 p.m.", "The crowd grew."]),
        ("Aid came from the U.S. But it was late.", ["Aid came from the U.S.", "But it was late."]),
        (
            "“We will stay,” he said. “Not now.” Then he left.",
            ["“We will stay,” he said.", "“Not now.”", "Then he left."],
        ),
        ('He said "stop." She ran.', ['He said "stop."', "She ran."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


def test_headline_without_full_stop_and_dateline() -> None:
    text = (
        "More than half of forces will have withdrawn in ‘coming days’: PM\n"
        "ERBIL, Kurdistan Region — Iraqi Prime Minister Mustafa al-Kadhimi confirmed on Tuesday that troops "
        "would leave. He spoke in Baghdad.\n\nA new paragraph."
    )
    got = parts(text)
    assert got[0] == "More than half of forces will have withdrawn in ‘coming days’: PM"
    assert got[1].startswith("ERBIL, Kurdistan Region — Iraqi Prime Minister")
    assert got[1].endswith("would leave.")
    assert got[2:] == ["He spoke in Baghdad.", "A new paragraph."]


def test_offsets_index_the_text_and_lowercase_continuation_does_not_split() -> None:
    text = "  Prices rose 5 p.c. in May. and fell.  "
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["Prices rose 5 p.c. in May. and fell."]


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []
