"""`caseless(words)` (the figure patterns' case-insensitive word lists written with explicit case classes)
matches exactly what `(?i:trie_regex(words))` matches."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.figures import find_figures
from extract.figures import lexicon as lx
from extract.figures import patterns as pt
from extract.trie import trie_regex, trie_regex_chains

WORD_LISTS = {
    "units": list(lx.UNIT_NAMES),
    "currencies": list(lx.CURRENCY_WORDS),
    "numbers": sorted(set(pt.NUMBER_WORDS) | set(pt.FRACTION_DENOMS) | set(pt.ORDINAL_TENS_UNITS)),
    "mixed": ["Km", "km", "sq.", "sq", "square", "İstanbul", "straße", "µm", "Kelvin", "K"],
}


def test_case_partners_are_every_non_ascii_letter_that_ignorecase_pairs_with_ascii() -> None:
    ascii_letter = re.compile(r"(?i)[a-z]")
    found: dict[str, str] = {}
    for code in range(128, sys.maxunicode + 1):
        ch = chr(code)
        if ascii_letter.fullmatch(ch):
            letter = next(c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch("(?i)" + c, ch))
            found[letter] = found.get(letter, "") + ch
    assert found == pt._CASE_PARTNERS


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int] | None]:
    return [(m.span() if (m := pattern.match(text, i)) else None) for i in range(len(text) + 1)]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(WORD_LISTS)),
    st.lists(st.integers(0, 10_000), min_size=1, max_size=6),
    st.text(alphabet="aAiIkKsSİıſK .-µ", max_size=6),
)
def test_caseless_matches_like_ignorecase(name: str, picks: list[int], noise: str) -> None:
    words = WORD_LISTS[name]
    # case-mangled words from the list, run together with noise, so prefixes and partial words occur
    chosen = [words[i % len(words)] for i in picks]
    forms = (str.upper, str.title, str.lower)
    text = noise.join(forms[i % 3](w) for i, w in enumerate(chosen))
    expected = re.compile("(?i:" + trie_regex(words) + r")")
    written = re.compile("(?:" + pt.caseless(words) + ")")
    assert _spans(written, text) == _spans(expected, text)


def test_caseless_examples() -> None:
    kilometres = re.compile(pt.caseless(["km", "kilometre", "kilometres"]) + r"\b")
    assert [bool(kilometres.match(t)) for t in ("KM", "Km", "\u212am", "kilometres", "kms")] == [
        True,
        True,
        True,
        True,
        False,
    ]


def test_a_scale_word_with_a_case_partner_letter_is_read_as_its_word() -> None:
    # the case-insensitive patterns after "half", a fraction or "and a half" match "mıllion" (dotless ı),
    # "mİllion" and "ſix"; looking the matched word up in the word lists raised KeyError
    for text, value in (
        ("half mıllion troops", 500_000),
        ("quarter bıllion", 250_000_000),
        ("five and a half mİllion", 5_500_000),
        ("two thirds of a mıllion", 666_666.666667),
    ):
        [figure] = find_figures(text, [], [])
        assert figure.value == pytest.approx(value) and figure.end == len(text.split(" troops")[0]), text
    [figure] = find_figures("two and ſix ninths", [], [])
    assert figure.value == pytest.approx(2 + 6 / 9)


def test_each_letter_is_written_to_match_what_ignorecase_matches() -> None:
    # a letter with a partner is written "(?i:i)" (a class holding it compiles ~25 times slower), the
    # others as a class of their two cases: each matches exactly the characters (?i) pairs with it
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for ch in (letter, letter.upper()):
            written = re.findall(pt._caseless_char(ch), everything)
            assert written == re.findall("(?i:" + ch + ")", everything), ch
            assert written == sorted({letter, letter.upper(), *pt._CASE_PARTNERS.get(letter, "")}), ch


def test_opening_sets_hold_every_case_form() -> None:
    assert frozenset("oOiI\u0130\u0131") == pt.RATIO_OPENS
    assert frozenset("oOmMbB") == pt.QUARTER_CONTEXT_OPENS
    assert frozenset("sS\u017fdDcC") <= pt.UNIT_OPENS


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc-.", min_size=1, max_size=6), min_size=1, max_size=12))
def test_the_trie_with_chains_is_the_trie_written_per_character(words: list[str]) -> None:
    # written per character, a chain is the characters one after another: the very same regex
    per_character = trie_regex_chains(words, re.escape, lambda chars: "".join(map(re.escape, chars)))
    assert per_character == trie_regex(words)
    chained = re.compile(
        "(?:" + trie_regex_chains(words, re.escape, lambda chars: f"(?:{re.escape(chars)})") + ")"
    )
    plain = re.compile("(?:" + trie_regex(words) + ")")
    text = "".join(words) + "-" + " ".join(words)
    assert _spans(chained, text) == _spans(plain, text)
