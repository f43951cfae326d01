"""The figure patterns' pre-checks are exact: a pattern never matches where its set of opening (or
ending) characters says it cannot, so skipping the regex call there changes no figure."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.figures import context as cx
from extract.figures import lexicon as lx
from extract.figures import patterns as pt
from extract.figures import spelled as sp
from extract.figures.lazy import LazyPattern

AFTER = [
    (pt.PERCENT_AFTER, pt.PERCENT_OPENS),
    (pt.CURRENCY_WORD_AFTER, pt.CURRENCY_WORD_OPENS),
    (pt.CURRENCY_CODE_AFTER, pt.CURRENCY_CODE_OPENS),
    (pt.UNIT_AFTER, pt.UNIT_OPENS),
    (pt.INCH_CONTEXT, pt.INCH_OPENS),
    (pt.ORDERS_OF_MAGNITUDE, pt.ORDERS_OPENS),
    (pt.RATIO, pt.RATIO_OPENS),
    (pt.RANGE_JOIN, pt.RANGE_JOIN_OPENS),
    (pt.POINT, pt.POINT_OPENS),
    (sp._AND_FRACTION, pt.AND_FRACTION_OPENS),
    (pt.OF_WORD, pt.OF_WORD_OPENS),
    (pt.RATE_AFTER, pt.RATE_OPENS),
    (pt.QUARTER_CONTEXT, pt.QUARTER_CONTEXT_OPENS),
    (pt.WORD_SCALE_AFTER_DIGITS, pt.SCALE_AFTER_DIGITS_OPENS),
    (pt.DOZEN_AFTER, pt.DOZEN_OPENS),
    (pt.MULTIPLIER, pt.MULTIPLIER_OPENS),
    (pt.CURRENCY_SYMBOL_AFTER, pt.CURRENCY_SYMBOL_OPENS),
    (pt.ADDRESS_AFTER, pt.ADDRESS_OPENS),
]
BEFORE = [
    (cx._A_BEFORE, pt.A_BEFORE_ENDS),
    (pt.VAGUE_DET_BEFORE, pt.VAGUE_DET_ENDS),
    (pt.MINUS_WORD_BEFORE, pt.MINUS_WORD_ENDS),
    (pt.PART_BEFORE, pt.PART_ENDS),
]

# the words that open (or end) the patterns
CONTEXT_WORDS = [
    "per", "cent", "percent", "pct", "percentage", "points", "basis", "bps", "wt%", "vol%", "pc", "%", "‰",
    "in", "thick", ")", "orders", "of", "magnitude", "over", "out", "and", "&", "a", "an", "half", "third",
    "point", "five", "US", "U.S.", "New", "degrees", "deg", "°C", "square", "sq.", "cubic", "cu", "day",
    "year", "each", "every", "million", "billion", "several", "few", "couple", "many", "some", "minus",
    "negative", "upper", "top", "bottom", "first", "latter", "at", "”", '"', "’", "-", "–", "—", "/", "to",
    "through", "hundred", "thousands", "lakh", "crores", "dozen", "dz", "dozs", "bn", "mln", "mil", "MM",
    "trillion", "k", "K", "M", "B", "G", "T", "m", "b", "t", "€", "£", "¥", "₹", "Downing", "Street", "Rd",
]  # fmt: skip
WORDS = (
    list(lx.CURRENCY_WORDS)
    + list(lx.CURRENCY_CODES)
    + list(lx.UNIT_NAMES)
    + list(lx.UNIT_SYMBOLS)
    + CONTEXT_WORDS
)
SEPARATORS = ["", " ", "  ", "\t", "\u00a0", "\u2009", "-", ".", ",", "\n", "İ", "ı", "ſ", "\u212a", "5"]


def _case(word: str, how: int) -> str:
    """The word as written, in capitals, title case, swapped case, or with the non-ASCII letters that a
    case-insensitive match pairs with s, k and i."""
    partners = word.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131")
    return (word, word.upper(), word.title(), word.swapcase(), partners)[how % 5]


texts = st.lists(
    st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS), st.integers(0, 4)), min_size=1, max_size=6
).map(lambda parts: "".join(sep + _case(word, how) for sep, word, how in parts))


def _compiled(pattern: LazyPattern) -> re.Pattern[str]:
    return pattern.compiled


@pytest.mark.parametrize(("pattern", "opens"), AFTER, ids=[p.source[:24] for p, _ in AFTER])
@settings(max_examples=150, deadline=None)
@given(text=texts, cut=st.integers(0, 60))
def test_an_after_pattern_matches_only_where_its_next_character_may_open_it(
    pattern: LazyPattern, opens: frozenset[str], text: str, cut: int
) -> None:
    compiled = _compiled(pattern)
    for pos in range(len(text) + 1):
        for limit in {len(text), min(len(text), pos + cut)}:
            if compiled.match(text, pos, limit):
                assert pt.next_non_blank(text, pos, limit) in opens, (text, pos, limit)


@pytest.mark.parametrize(("pattern", "ends"), BEFORE, ids=[p.source[:24] for p, _ in BEFORE])
@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_a_before_pattern_matches_only_after_a_word_it_may_end_with(
    pattern: LazyPattern, ends: frozenset[str], text: str
) -> None:
    compiled = _compiled(pattern)
    for pos in range(len(text) + 1):
        for lo in range(pos + 1):
            if compiled.search(text[lo:pos]):
                assert pt.last_before_blanks(text, pos, lo) in ends, (text, lo, pos)


def test_the_helpers_on_examples() -> None:
    assert pt.next_non_blank("5 \u00a0 percent", 1, 20) == "p"
    assert pt.next_non_blank("5   ", 1, 4) == ""
    assert pt.next_non_blank("5 percent", 1, 2) == ""  # the limit comes first
    assert pt.last_before_blanks("rose by an  5", 12, 0) == "n"
    assert pt.last_before_blanks("an5", 2, 0) == ""  # no blank before the number
    assert pt.last_before_blanks("  5", 2, 0) == ""  # nothing before the blanks
    assert {"k", "K", "\u212a"} <= pt.UNIT_OPENS  # "km", "KM", and the Kelvin sign that (?i) takes for k


def _every_form_of_every_word() -> list[str]:
    return [f"5 {_case(word, how)} 5 {_case(word, how)}. 5" for word in WORDS for how in range(5)]


@pytest.mark.parametrize(("pattern", "opens"), AFTER, ids=[p.source[:24] for p, _ in AFTER])
def test_after_patterns_on_every_word_in_every_case(pattern: LazyPattern, opens: frozenset[str]) -> None:
    compiled = _compiled(pattern)
    for text in _every_form_of_every_word():
        for pos in range(len(text)):
            if compiled.match(text, pos):
                assert pt.next_non_blank(text, pos, len(text)) in opens, (text, pos)


@pytest.mark.parametrize(("pattern", "ends"), BEFORE, ids=[p.source[:24] for p, _ in BEFORE])
def test_before_patterns_on_every_word_in_every_case(pattern: LazyPattern, ends: frozenset[str]) -> None:
    compiled = _compiled(pattern)
    for text in _every_form_of_every_word():
        for pos in range(len(text) + 1):
            if compiled.search(text[:pos]):
                assert pt.last_before_blanks(text, pos, 0) in ends, (text, pos)


# Pre-checks on the text around a digit number, each a substring or character test
digit_texts = st.lists(
    st.sampled_from(["1", "12", "123", "1234", ",", "-", "–", " ", "'", "’", "x", ".", "p", "E"]), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(parts=digit_texts)
def test_the_digit_pre_checks_pass_wherever_their_pattern_matches(parts: list[str]) -> None:
    text = "".join(parts)
    for s in range(len(text) + 1):
        if pt.SCORE.compiled.match(text, s):  # a dash within a blank of at most three digits
            assert "-" in text[s : s + 5] or "–" in text[s : s + 5]
        if cx._GROUPED.compiled.match(text, s):  # a comma after at most three digits
            assert "," in text[s + 1 : s + 4]
        if pt.PENCE_AFTER.compiled.match(text, s) or pt.HYPHEN_NAME_AFTER.compiled.match(text, s):
            assert text[s] in "p-–"
        if s and text[s - 1] in "'’ " and pt.SHORT_YEAR_BEFORE.compiled.search(text[max(0, s - 3) : s]):
            assert text[s - 1] in "'’" or text[s - 2 : s - 1] in ("'", "’")


# Label lists and qualifiers before a number: the pre-checks against the patterns they spare
LABEL_PIECES = [
    "Fig", "Figs", "Table", "page", ".", " ", "  ", "\u00a0", "(", ")", "1", "12", "4.2", "A", "b", ",",
    "and", "to", "-", "–", "\n", "x",
]  # fmt: skip
label_texts = st.lists(st.sampled_from(LABEL_PIECES), max_size=14)


@settings(max_examples=400, deadline=None)
@given(parts=label_texts)
def test_a_label_list_ends_as_its_pre_check_says(parts: list[str]) -> None:
    text = "".join(parts)
    for pos in range(len(text) + 1):
        zone = text[max(0, pos - 60) : pos]
        if pt.LABEL_LIST_BEFORE.compiled.search(zone):
            assert pt.LABEL_LIST_END.compiled.search(zone), zone


def _qualifier_by_pattern(text: str, start: int, left: int, ranged: bool) -> tuple[int, str] | None:
    """`qualifier_before` without its zone pre-check: the last word's test, then the pattern searched on
    the zone."""
    lo = max(left, start - 32)
    zone = text[lo:start]
    tail = zone.rstrip()
    if not tail:
        return None
    if tail[-1] not in lx.QUALIFIER_SYMBOLS:
        last = tail.rsplit(None, 1)[-1].lower()
        if last not in cx._QUALIFIER_LAST and (
            cx._opens_with_word_or_sign(last) or cx._LEADING_PUNCT.sub("", last) not in cx._QUALIFIER_LAST
        ):
            return None
    m = pt.QUALIFIER_BEFORE.compiled.search(zone)
    if not m:
        return None
    if m.group(1):
        q = " ".join(m.group(1).lower().split())
        if q in cx._RANGE_ONLY and not ranged:
            return None
        return lo + m.start(), cx._QUALIFIER_NORMAL.get(q, q)
    return lo + m.start(), lx.QUALIFIER_SYMBOLS[m.group(2)]


qualifier_words = sorted({w for q in lx.QUALIFIERS for w in q.split()}) + list(lx.QUALIFIER_SYMBOLS)
qualifier_texts = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\n", "(", "-", "x", "İ", "ſ"]),
        st.sampled_from([*qualifier_words, "5", "per", "cent", "spokesman", "Than"]),
        st.integers(0, 4),
    ),
    max_size=6,
).map(lambda parts: "".join(sep + _case(word, how) for sep, word, how in parts) + " 5")


@settings(max_examples=400, deadline=None)
@given(text=qualifier_texts, left=st.integers(0, 40), ranged=st.booleans())
def test_the_qualifier_pre_checks_keep_every_qualifier(text: str, left: int, ranged: bool) -> None:
    start = len(text) - 1
    left = min(left, start)
    assert cx.qualifier_before(text, start, left, ranged) == _qualifier_by_pattern(text, start, left, ranged)


def test_the_qualifier_pre_checks_on_every_qualifier() -> None:
    for q in [*lx.QUALIFIERS, *lx.QUALIFIER_SYMBOLS]:
        for how in range(5):
            for text in (f"{_case(q, how)} 5", f"rose {_case(q, how)}\u00a0 5", f"x{_case(q, how)} 5"):
                start = len(text) - 1
                for ranged in (False, True):
                    expected = _qualifier_by_pattern(text, start, 0, ranged)
                    assert cx.qualifier_before(text, start, 0, ranged) == expected, text


# The currency word after a number and the phone number at it: their pre-checks against the patterns
@settings(max_examples=300, deadline=None)
@given(text=texts, cut=st.integers(0, 60))
def test_a_currency_word_opens_where_its_pre_check_says(text: str, cut: int) -> None:
    compiled = _compiled(pt.CURRENCY_WORD_AFTER)
    for pos in range(len(text) + 1):
        for limit in {len(text), min(len(text), pos + cut)}:
            if compiled.match(text, pos, limit):
                opens = pt.next_non_blank(text, pos, limit)
                assert pt.currency_word_may_open(text, pos, opens), (text, pos, limit)


def test_every_currency_word_in_every_case_passes_the_pre_check() -> None:
    compiled = _compiled(pt.CURRENCY_WORD_AFTER)
    for text in _every_form_of_every_word():
        for pos in range(len(text)):
            if compiled.match(text, pos):
                assert pt.currency_word_may_open(text, pos, pt.next_non_blank(text, pos, len(text))), text
    assert not pt.currency_word_may_open("5 people", 1, "p")
    assert pt.currency_word_may_open("5 pesos", 1, "p")


phone_texts = st.lists(
    st.sampled_from(["1", "12", "123", "1234", "٣", "+", "(", ")", "-", ".", " ", "x", "\u00a0"]), max_size=14
)


@settings(max_examples=500, deadline=None)
@given(parts=phone_texts, cut=st.integers(0, 20))
def test_a_phone_number_starts_where_its_pre_check_says(parts: list[str], cut: int) -> None:
    text = "".join(parts)
    for s in range(len(text)):
        if text[s].isdigit() or text[s] == ".":
            for limit in {len(text), min(len(text), s + cut)}:
                if pt.PHONE_LIKE.compiled.match(text, s, limit):
                    assert pt.may_be_phone(text, s), (text, s)
