"""Properties of the figure layer on arbitrary text: it never raises, every offset slices to the reported
text, figures are ordered and never overlap each other or a taken (date) span."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.figures import find_figures
from extract.model import FIGURE_KINDS
from extract.sentences import split_sentences

TOKENS = [
    "2,500", "3.5", "1 234", "40 000", "100th", "21st", "half", "a third", "two-thirds", "twenty-one",
    "hundred", "hundreds", "of", "thousands", "million", "bn", "m", "k", "between", "and", "to", "-", "–",
    "$", "US$", "€", "£", "%", "percent", "percentage points", "km", "°C", "C", "a day", "per", "/", "1/2",
    "½", "roughly", "more than", "up to", "~", "<", "(", ")", "[", "]", ",", ".", ":", "+", "F-16", "G7",
    "1998", "January", "15", "one", "the", "troops", "people", "in", "out of", "over", "minus", "pH",
    "years", "old", "Fig.", "page", "\n", " ", "  ", "\u00a0", "10:30", "pm", "e6", "×10", "^", "±",
]  # fmt: skip

news_like = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)
any_text = st.one_of(
    st.text(max_size=200), news_like, st.tuples(news_like, st.text(max_size=40)).map("".join)
)


def _taken(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans inside `text` built from arbitrary cut points."""
    spans: list[tuple[int, int]] = []
    last = 0
    for a, b in sorted(cuts):
        lo, hi = sorted((a % (len(text) + 1), b % (len(text) + 1)))
        lo = max(lo, last)
        if hi > lo:
            spans.append((lo, hi))
            last = hi
    return spans


@settings(max_examples=300, deadline=None)
@given(any_text, st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), max_size=4))
def test_figures_hold_the_contract_on_any_text(text: str, cuts: list[tuple[int, int]]) -> None:
    taken = _taken(text, cuts)
    figures = find_figures(text, split_sentences(text), taken)
    previous_end = 0
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= previous_end, "figures overlap or are out of order"
        previous_end = f.end
        for a, b in taken:
            assert f.end <= a or f.start >= b, "a figure overlaps a taken span"
        assert f.kind in FIGURE_KINDS
        assert (f.value is None) == (f.kind == "vague")
        assert f.qualifier is None or f.qualifier == f.qualifier.lower()


@settings(max_examples=100, deadline=None)
@given(news_like)
def test_sentences_do_not_change_the_contract(text: str) -> None:
    """Without sentences the finder falls back to line bounds and still holds the contract."""
    for f in find_figures(text, [], []):
        assert text[f.start : f.end] == f.text
        assert "\n" not in f.text
