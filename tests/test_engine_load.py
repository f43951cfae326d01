"""The engine's load-time shortcuts keep its results: a filter matched at the text's start through the
pattern made for positions after a break (one large regex compiled instead of two) finds what the
pattern written for the start found."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.figures import patterns as pt
from extract.timex import scanner
from extract.timex.lexicon import FOLLOWERS, START_WORDS

# The regex NUMBER_HEAD was before: a figure's number at the very start of the text.
HEAD = re.compile(r"[.]?\d|(?:" + pt._SCAN_WORD_ALT + r")\b")

WORDS = st.sampled_from(
    ["3", ".5", "٣", "a", "A", "an", "two", "Two", "TWO", "twofold", "half", "Half-", "dozen", "quarter",
     "fifths", "few", "x", "the", ",", ".", " ", "-", "’", "'", "ſ", "İ", "\n", "2021", "million"]
)  # fmt: skip
HEADS = st.one_of(st.lists(WORDS, max_size=6).map("".join), st.lists(WORDS, max_size=6).map(" ".join))


@settings(max_examples=400, deadline=None)
@given(HEADS)
@example("")
@example("two")
@example("twofold")
@example(".5 of them")
@example(",5")
def test_number_head_is_the_start_regex(text: str) -> None:
    assert pt.NUMBER_HEAD.match(text) == (HEAD.match(text) is not None)


def test_number_head_sees_numbers_at_the_start() -> None:
    assert pt.NUMBER_HEAD.match("Two ferries")
    assert pt.NUMBER_HEAD.match("12 percent")
    assert not pt.NUMBER_HEAD.match("Twofold")
    assert not pt.NUMBER_HEAD.match("The 12 ferries")


TIMEX_WORDS = st.sampled_from(
    ["next", "Tuesday", "the", "day", "a", "few", "years", "ago", "2021", "'21", "’90s", "last", "week", "3",
     "March", "on", "in", "early", "x", ",", " ", "\t", "\n", "-", "mid", "ſ", "ı", "five", "of"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(TIMEX_WORDS, max_size=6).map(" ".join))
@example("")
@example("next Tuesday the 5th")  # an expression at the very start of the text
@example("2021 was the year")
@example("a few years ago")
@example("the day")  # a start word, but no expression at the start
def test_timex_start_test_is_the_start_regex(text: str) -> None:
    lowered = text.lower()
    at_start = re.compile(scanner._start_lookahead())  # the regex it replaces
    found = scanner._lower_case_filter().match(" " + lowered) is not None
    assert found == (at_start.match(lowered) is not None)


NAME_WORDS = st.sampled_from(
    ["John", "F.", "Kennedy", "U.S.", "Mr.", "Inc.", "al-Muhandis", "d'Estaing", "People's", "St.", "Mary's",
     "Lloyd's", "of", "London", "São", "the", "and", "Đặng", "x", ",", ".", "-", "'", "’", "\n", " ", "Co."]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(NAME_WORDS, max_size=6), st.sampled_from([" ", ""]))
@example(["John", "F.", "Kennedy", "said"], " ")
@example(["al-Muhandis"], " ")
@example(["People's", "Bank"], " ")
@example(["St.", "Mary's", "Hospital"], " ")
@example(["'", "Adan"], "")
def test_name_runs_at_the_start_are_the_run_regex(words: list[str], joiner: str) -> None:
    from extract.entities.patterns import RUN, name_runs

    text = joiner.join(words)
    assert list(name_runs(text)) == [m.span() for m in RUN.finditer(text)]


def test_timex_filter_class_is_the_listed_characters() -> None:
    # The class the lower-case start filter opens with, as it was written before: the ASCII characters an
    # expression may follow, listed one by one, and everything outside ASCII.
    listed = "".join(f"\\x{c:02x}" for c in range(128) if not (chr(c).isalnum() or chr(c) in "_$#@/-"))
    before = re.compile(f"[{listed}\\x80-\\U0010ffff]")
    now = re.compile(f"[^{scanner._NOT_BEFORE_START}]")
    text = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert [m.start() for m in now.finditer(text)] == [m.start() for m in before.finditer(text)]


_START_WORDS = sorted(START_WORDS | {w for after in FOLLOWERS.values() for w in after})
LOOKAHEAD_TOKENS = st.one_of(
    st.sampled_from(_START_WORDS),
    st.sampled_from(_START_WORDS).map(lambda w: w + "s"),
    st.sampled_from(_START_WORDS).map(lambda w: w[:-1]),
    st.sampled_from(["x", "3", "'", "’", "-", ",", "gone", "k", "ſ", "\t", "\n", "  "]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(LOOKAHEAD_TOKENS, max_size=10), st.sampled_from([" ", "", "\n", ", "]))
@example(["the", "past", "three", "months"], " ")
@example(["a", "year", "ago"], " ")
@example(["at", "least"], " ")
@example(["a couple of", "days"], " ")
@example(["q"], " ")
def test_first_letter_lookahead_holds_where_the_start_lookahead_holds(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    before = re.compile(scanner._start_lookahead())
    now = re.compile(scanner._first_letter_lookahead())
    assert [i for i in range(len(text) + 1) if now.match(text, i)] == [
        i for i in range(len(text) + 1) if before.match(text, i)
    ]
