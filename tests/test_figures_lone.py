"""The short way through a lone number word (extract/figures/lone.py) gives the figures the full path
gives: on word sequences around number words, with the context words of every pattern read before or
after a number, in every case, and with the characters that a case-insensitive match pairs with ASCII."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.figures import find as fd
from extract.figures import lexicon as lx
from extract.figures import lone
from extract.figures import patterns as pt
from extract.model import Figure
from extract.sentences import split_sentences

NUMBER_WORDS = sorted(set(lx.UNIT_WORDS) | set(lx.TENS_WORDS) | set(lx.SCALE_WORDS) | lx.VAGUE_WORDS)
CONTEXT = sorted(
    lone._CONTINUES_NUMBER
    | lone._EXTENDS_FIGURE
    | set(lone._ENDERS)
    | set(lx.QUALIFIERS)
    | set(lx.CURRENCY_CODES)
)
PLAIN = ["troops", "people", "the", "harbour", "said", "rose", "handsome", "urban", "areas", "s", "x"]
PLAIN += ["spokesman", "Bofa", "whereof", "Xan", "tomato", "nearlyabout", "San"]
PLAIN += ["officials", "barrels", "wounded", "soldiers", "of", "American", "forces", "day", "year", "'s"]
SEPARATORS = [" "] * 40 + ["", "  ", "-", ".", ", ", "\n", "ſ", "ı", "İ", "\u212a", "é", "5", "'", "%", "$"]


def _case(word: str, how: int) -> str:
    return (word.upper(), word.title(), word.swapcase())[how % 3] if how < 3 else word


# a lone word needs a plain word on each side: number and plain words come more often than context words
words = st.one_of(
    *[st.sampled_from(NUMBER_WORDS)] * 2, *[st.sampled_from(PLAIN)] * 3, st.sampled_from(CONTEXT)
)
texts = st.lists(
    st.tuples(st.sampled_from(SEPARATORS), words, st.integers(0, 20)), min_size=1, max_size=12
).map(lambda parts: "".join(sep + _case(word, how) for sep, word, how in parts))
texts = st.one_of(texts, texts.map(lambda text: text + " end."))  # a last word with a word after it


def _figures(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    return fd.find_figures(text, split_sentences(text), taken)


def _full_path(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(fd, "lone_word", lambda text, s, limit, left: None)
        return _figures(text, taken)


@settings(max_examples=1000, deadline=None)
@given(text=texts, cut=st.integers(0, 200), width=st.integers(0, 12))
@example(text="the harbour million troops rose", cut=0, width=0)
@example(text="at handsome million analysts", cut=0, width=0)
@example(text="roughly ſome million troops", cut=0, width=0)
@example(text="by urban two thirds", cut=0, width=0)
@example(text="said five percent of", cut=0, width=0)
def test_a_lone_number_word_gives_the_figures_of_the_full_path(text: str, cut: int, width: int) -> None:
    # a taken (date) span anywhere: it bounds the room a figure has
    lo = cut % (len(text) + 1)
    taken = [(lo, min(len(text), lo + width))] if width else []
    assert _figures(text, taken) == _full_path(text, taken)


def test_the_short_way_is_taken_where_it_should_be() -> None:
    text = "the harbour million troops rose"
    s = text.index("million")
    assert lone.lone_word(text, s, len(text), 0) == (s + 7, 1e6, False, "troops")
    [figure] = _figures(text, [])
    assert (figure.text, figure.value, figure.unit) == ("million", 1_000_000, "troops")
    # after a qualifier, before a word that continues the number, or "one" (maybe a pronoun): the full path
    for blocked, word in (
        ("the harbour about million troops", "million"),
        ("the harbour million two troops", "million"),
        ("the harbour one troops", "one"),
    ):
        assert lone.lone_word(blocked, blocked.index(word), len(blocked), 0) is None, blocked
    # before a unit: the number is the word's, the extensions are still tried
    text = "the harbour million tonnes rose"
    s = text.index("million")
    assert lone.lone_word(text, s, len(text), 0) == (s + 7, 1e6, True, "tonnes")
    [figure] = _figures(text, [])
    assert (figure.text, figure.kind, figure.unit) == ("million tonnes", "quantity", "tonnes")


def test_every_lone_value_is_a_cardinal_number_word() -> None:
    values = lone._lone_values()
    assert values["million"] == 1e6 and values["twenty"] == 20 and values["zero"] == 0
    assert "one" not in values and not set(values) & lx.VAGUE_WORDS
    assert all(word in pt.NUMBER_WORDS for word in values)
