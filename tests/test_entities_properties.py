"""Property tests of the entity layer: any text is safe, offsets exact, spans disjoint and clear of dates."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.corrections import NO_CORRECTIONS, Corrections
from extract.entities import find_entities
from extract.entities.patterns import (
    DATELINE,
    LOWER_WORD,
    RUN,
    LowerWords,
    dateline_places,
    lower_words,
    name_runs,
)
from extract.model import ENTITY_TYPES
from extract.sentences import split_sentences

WORDS = st.sampled_from(
    [
        "the",
        "The",
        "of",
        "al-Rawi",
        "Bank",
        "Ministry",
        "Iraq",
        "US",
        "U.S.",
        "(",
        ")",
        "PMF",
        ",",
        ".",
        "said",
        "Gen.",
        "Prime",
        "Minister",
        "São",
        "Paulo",
        "Đặng",
        "Thị",
        "ERBIL",
        "\n",
        "—",
        "’s",
        "'s",
        "Monday",
        "and",
        "Forces",
        "Popular",
        "-",
        "Iran-backed",
        "Leipzig",
        "beat",
        "2-1",
        "in",
        ":",
        "“",
    ]
)
NEWSISH = st.lists(WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.text(max_size=300)


def check(text: str, taken: list[tuple[int, int]], corrections: Corrections = NO_CORRECTIONS) -> None:
    found = find_entities(text, split_sentences(text), corrections, taken)
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.type in ENTITY_TYPES
        assert e.canonical
        assert not any(s < e.end and e.start < t for s, t in taken)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text(text: str) -> None:
    check(text, [])


@settings(max_examples=300, deadline=None)
@given(NEWSISH, st.data())
def test_news_like_text_with_taken_spans(text: str, data: st.DataObject) -> None:
    taken: list[tuple[int, int]] = []
    if text:
        ends = st.integers(0, len(text))
        pairs = data.draw(st.lists(st.tuples(ends, ends), max_size=4))
        taken = [(min(a, b), max(a, b)) for a, b in pairs if a != b]  # may overlap one another
    check(text, taken)


@settings(max_examples=100, deadline=None)
@given(
    NEWSISH,
    st.sampled_from(["Iraq", "PMF", "Leipzig", "Bank", "US", "the", "said", "Prime Minister", "al-Rawi"]),
    st.sampled_from([*ENTITY_TYPES, "NONE"]),
)
def test_corrections_never_break_the_contract(text: str, name: str, etype: str) -> None:
    corrections = Corrections(entity_types={name: etype})
    check(text, [], corrections)
    found = find_entities(text, split_sentences(text), corrections, [])
    for e in found:
        if e.text == name:
            assert e.type == etype
    if etype == "NONE":
        assert name not in [e.text for e in found]


# Joined without spaces too, so that runs meet other words, apostrophes, dots and hyphens head on.
ADJOINED = st.lists(
    st.one_of(WORDS, st.sampled_from(["d'", "l’", "al-", "el‐", ".", "'", "x", "5", "\u00a0"])), max_size=40
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(NEWSISH, ADJOINED.map("".join), ADJOINED.map(" ".join), ANY_TEXT))
@example("Abu al-Rawi met bani-Tamim, ash-Shami and ould-Salem in d'Estaing")  # prefixes of each length
@example("bal-Rawi xal-Rawi -al-Rawi 'ash-Shami al-'Rawi O'Brien")  # prefix-like, or joined to a word
def test_name_runs_are_the_runs_of_the_run_pattern(text: str) -> None:
    assert list(name_runs(text)) == [m.span() for m in RUN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSISH, ADJOINED.map("".join), ADJOINED.map(" ".join), ANY_TEXT))
@example("ERBIL, Kurdistan Region — Officials said")
@example("A headline\nOSLO 2020-05-14 - The talks\nLAGOS (Reuters) -")
def test_dateline_places_are_the_dateline_pattern_matches(text: str) -> None:
    assert [m.span(1) for m in dateline_places(text)] == [m.span(1) for m in DATELINE.finditer(text)]


ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=127), max_size=200)
ASCII_WORDS = st.lists(
    st.sampled_from(
        ["the", "it's", "don't", "'tis", "x", "re-run", "a_b", "b2", "Bank", "ok'", "-", "_", "'"]
    ),
    max_size=30,
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(NEWSISH, ASCII_TEXT, ANY_TEXT, ASCII_WORDS.map(" ".join), ASCII_WORDS.map("".join)))
def test_lower_words_are_the_lower_word_matches(text: str) -> None:
    assert lower_words(text) == frozenset(LOWER_WORD.findall(text))


QUERY_WORDS = st.one_of(
    st.sampled_from(
        ["the", "it's", "don't", "'tis", "x", "re-run", "a_b", "b2", "Bank", "ok'", "", "it’s", "é"]
    ),
    st.text(alphabet="abT'’- _2", max_size=6),
)
WORD_LISTS = st.frozensets(QUERY_WORDS, max_size=8)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(NEWSISH, ASCII_TEXT, ANY_TEXT, ASCII_WORDS.map(" ".join), ASCII_WORDS.map("".join)),
    st.lists(QUERY_WORDS, max_size=8),
    WORD_LISTS,
)
@example(
    "the half-time score, it's a semi-final",
    ["the", "it's", "half", "time"],
    frozenset({"half-time", "score"}),
)
def test_lower_words_object_answers_as_the_set(text: str, queries: list[str], listed: frozenset[str]) -> None:
    words = lower_words(text)
    vocabulary = LowerWords(text)
    assert [q in vocabulary for q in queries] == [q in words for q in queries]
    assert [w in vocabulary for w in words] == [True] * len(words)
    assert vocabulary.among(listed) == listed & words
    assert vocabulary.among(words | listed) == words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Aa-‐'’.zZé", max_size=8))
def test_hyphen_lower_tail_is_its_regex(word: str) -> None:
    from extract.entities.candidates import _hyphen_lower_tail
    from extract.entities.patterns import HYPHEN_LOWER_TAIL

    found, expected = _hyphen_lower_tail(word), HYPHEN_LOWER_TAIL.search(word)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["april", "june", "monday", "friday", "may", "mayday", "x", ""]), max_size=3))
def test_period_is_every_piece_a_month_or_weekday(pieces: list[str]) -> None:
    from extract.entities import lexicon as lx
    from extract.entities.candidates import _period

    key = "-".join(pieces)
    assert _period(key) == all(p in lx.MONTHS or p in lx.WEEKDAYS for p in key.split("-"))
