"""The figure scanner finds exactly the positions where a figure can start: a digit or number word at the
start of a word, or a unicode fraction anywhere. Checked against the plain one-pattern definition."""

from __future__ import annotations

import re
from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.figures import find
from extract.figures import patterns as pt
from extract.figures.find import _starts
from extract.sentences import split_sentences

# The definition the scanner implements, written as one regex (slower, see patterns.py).
REFERENCE = re.compile(r"(?<![\w.,])[.]?\d|" + pt._UFRAC + r"|\b(?:" + pt._SCAN_WORD_ALT + r")\b")

PIECES = [
    "one", "One", "ONE", "someone", "twenty-first", "half", "thousands", "a", "an", "3", "3.5", ".5", "x.5",
    "1,5", "½", "3½", "x½", "٣", "_4", "Hundred", "millions", "bn", " ", "\n", ".", ",", "-", "(", "é",
    ",.5", "..5", " .٣", ",٣",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=24).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=24).map(" ".join),
)


def first_from(starts: list[int], text: str, pos: int) -> int:
    """The first of the scanner's starts at or after `pos`; the text's length when there is none."""
    i = bisect_left(starts, pos)
    return starts[i] if i < len(starts) else len(text)


def reference_first_from(text: str, pos: int) -> int:
    m = REFERENCE.search(text, pos)
    return m.start() if m else len(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_the_scanner_finds_every_start_the_reference_finds(text: str) -> None:
    starts = _starts(text)
    for pos in range(len(text) + 1):
        assert first_from(starts, text, pos) == reference_first_from(text, pos)


def test_the_scanner_on_examples() -> None:
    text = "½ and 3½ cost x.5 or .5; someone saw twenty-first and One 42"
    found = []
    starts = _starts(text)
    pos = 0
    while (s := first_from(starts, text, pos)) < len(text):
        found.append(text[s : s + 3])
        pos = s + 1
    # a fraction inside "3½" starts a figure; "x.5", the "one" in "someone" and "and" do not
    assert found == ["½ a", "3½ ", "½ c", ".5;", "twe", "fir", "One", "42"]


# ---------------------------------------------------------------- the starts left out of the scan

HOPELESS_PIECES = [
    "first", "First", "FIRST", "second", "Second", "halves", "HALVES", "quarter", "Quarter", "QUARTER",
    "quarters", "a", "an", "A", "of", "Of", "million", "Billion", "mıllion", "half", "twenty-first", "-",
    "final", "the", "3", "troops", "a third", "of the", " ", "  ", "\n", ".", ",", "(", "é", "ſ",
    "spokesman", "Ana", "xan", "ofx", "officials", "millions", "bn", "\u00a0",
]  # fmt: skip
hopeless_texts = st.lists(st.sampled_from(HOPELESS_PIECES), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(hopeless_texts, texts), cut=st.integers(0, 80), width=st.integers(0, 9))
def test_leaving_out_the_hopeless_starts_changes_no_figure(text: str, cut: int, width: int) -> None:
    lo = cut % (len(text) + 1)
    taken = [(lo, min(len(text), lo + width))] if width else []
    sentences = split_sentences(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(find, "_hopeless", lambda text, start, end: False)
        every_start = find.find_figures(text, sentences, taken)
    assert find.find_figures(text, sentences, taken) == every_start


def test_the_hopeless_starts_are_left_out() -> None:
    text = "the first quarter, a quarter of it, Second quarter-final, season quarter mile"
    starts = _starts(text, drop_hopeless=True)
    found = []
    pos = 0
    while (s := first_from(starts, text, pos)) < len(text):
        found.append(text[s : s + 7])
        pos = s + 1
    # "first", "Second" and the lone "quarter," and "season quarter mile" are gone; "a quarter of"
    # and "quarter-final" stay
    assert found == ["quarter", "quarter"]
    assert [text[s - 2 : s] for s in starts] == ["a ", "d "]
