"""The date layer's speed-ups change nothing: `scan` equals the start filter followed by the ordered
alternation of all rules (the single regex it replaced), and the
word-level tense markers equal the verb-marker regex they replaced (hypothesis, on adversarial texts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.sentences import split_sentences
from extract.timex import find_dates
from extract.timex.grammar import FLAGS, RULES
from extract.timex.lowered import lower_case_twin
from extract.timex.normalize import (
    _CLAUSE_OPENER,
    _COMPARED_RIGHT_BEFORE,
    _COMPARISON_WORD_CASELESS,
    _OUTSIDE_CALENDAR,
    _RESULTS,
    RULE_BOOK,
    _compared_right_before,
    _outside_calendar,
)
from extract.timex.rulebook import EXAMPLE_DATE
from extract.timex.scanner import KEY_CHARS, candidates, openings, scan, start_filter
from extract.timex.tense import (
    CLITICS,
    FUTURE_BEFORE_TO,
    FUTURE_WORDS,
    PAST_WORDS,
    PERFECT_WORDS,
    PRESENT_WORDS,
    sentence_markers,
)
from extract.words import table

# The single regex the scanner replaced: start filter, then the ordered alternation of every rule.
MASTER = re.compile(
    start_filter().pattern
    + "(?:"
    + "|".join(f"(?P<{name}>{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', pattern)})" for name, pattern in RULES)
    + ")",
    FLAGS,
)


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_FUTURE = _alternation(FUTURE_WORDS) + "|" + "|".join(rf"{w}\s+to" for w in FUTURE_BEFORE_TO)
_CLITIC = {
    kind: "|".join(f"['’]{c}" for c, k in CLITICS.items() if k == kind) for kind in ("FUTURE", "PRESENT")
}
# The marker regex of the previous implementation, rebuilt from the word tables.
MARKER = re.compile(
    rf"\b(?:(?P<fut>{_FUTURE}|{_CLITIC['FUTURE']})"
    rf"|(?P<past>{_alternation(PAST_WORDS)}|(?-i:[a-z]{{2,}}(?<!ne)(?<!ee)(?<!hundr)ed))"
    rf"|(?P<pres>{_alternation(PRESENT_WORDS | PERFECT_WORDS)}|{_CLITIC['PRESENT']}))\b",
    re.IGNORECASE,
)


# Added since that implementation: "due" before a time ("is due in September", "due next week") looks
# ahead, unless it follows "was/were/been" ("was due in May": the plan, not the future).
DUE = re.compile(r"\bdue(?=\s+(?:in|on|by|for|next|this|later|back|out)\b)", re.IGNORECASE)
WAS_BEFORE = re.compile(r"\b(?:was|were|been)\s+(?:(?:already|originally|previously|initially)\s+)?$", re.I)


# And "next" before "to" is the preposition ("next to the embassy"), not the future.
NEXT_TO = re.compile(r"\bnext(?=\s+to(?!\w))", re.IGNORECASE)


# And "'s" is the verb "is" only after a word it can follow ("it's", "that's"), never a possessive
# ("the company's", "0's").
S_HOST = re.compile(r"(?<![\w'’])(?:it|he|she|that|there|here|what|who|where|how|let)$", re.IGNORECASE)


def reference_markers(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out = []
    prepositions = {m.start() for m in NEXT_TO.finditer(text, start, end)}
    for m in MARKER.finditer(text, start, end):
        if m.start() in prepositions and m.group(0).lower() == "next":
            continue
        clitic_s = m.group(0)[1:].casefold() == "s" and m.group(0)[0] in "'’"
        if clitic_s and not S_HOST.search(text, max(start, m.start() - 7), m.start()):
            continue
        kind = "FUTURE" if m.group("fut") else "PAST" if m.group("past") else "PRESENT"
        if m.group(0).lower() in PERFECT_WORDS:
            kind = "PAST"
        out.append((m.start(), kind))
    for m in DUE.finditer(text, start, end):
        if m.end() < end and not WAS_BEFORE.search(text, start, m.start()) and m.start() not in dict(out):
            out.append((m.start(), "FUTURE"))
    return sorted(out)


TOKENS = st.sampled_from(
    [
        *"0123456789",
        *" ,.-'’$/:%\n\t\xa0",
        "the",
        "The",
        "THE",
        "a",
        "an",
        "that",
        "at",
        "up",
        "to",
        "least",
        "past",
        "last",
        "next",
        "three",
        "twenty-one",
        "months",
        "month",
        "years",
        "year",
        "days",
        "ago",
        "earlier",
        "later",
        "quarter",
        "third",
        "fiscal",
        "half",
        "early",
        "mid",
        "late",
        "January",
        "Jan",
        "May",
        "march",
        "Tuesday",
        "Tues",
        "tonight",
        "morning",
        "every",
        "per",
        "once",
        "twice",
        "daily",
        "summer",
        "fall",
        "Christmas",
        "now",
        "recently",
        "the past",
        "1990s",
        "'90s",
        "2020",
        "Q3",
        "5th",
        "a.m.",
        "p.m.",
        "noon",
        "o'clock",
        "will",
        "won",
        "wo",
        "going",
        "plans",
        "due",
        "said",
        "reported",
        "REPORTED",
        "need",
        "hundred",
        "seed",
        "has",
        "ll",
        "s",
        "ſ",
        "ı",
        "K",
        "İ",
        "é",
        "_",
        "€",
        "£",
        "٣",
        "—",
        "“",
        "\u2009",
    ]
)
TEXTS = st.one_of(
    st.lists(TOKENS, max_size=30).map("".join),
    st.lists(TOKENS, max_size=30).map(" ".join),
    st.text(alphabet="the0123 456789past yrsmonQ'’-.,:aAlkKſıİ", max_size=60),
)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example(
    "café2021 é2021 ü 5 May €2021 £2021 ٣2021 ٣ 2021 —2021 “2021” x\u20092021"
)  # non-ASCII before a start
def test_scan_equals_the_filtered_ordered_alternation(text: str) -> None:
    assert [(m.span(), rule) for rule, m in scan(text)] == [
        (m.span(), m.lastgroup) for m in MASTER.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.integers(0, 80), st.integers(0, 80))
@example("he said it will", 3, 12)  # a marker right at the start of the range
@example("said he'll go", 0, 13)
@example("it's due in May", 2, 13)
@example("next to", 0, 7)  # found by hypothesis: the preposition
@example("the next  to", 0, 12)
@example("İs", 0, 2)  # found by hypothesis: a letter IGNORECASE reads as "i"
@example("waſ ıs wİll", 0, 11)
def test_markers_equal_the_marker_regex(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert sentence_markers(text, start, end) == reference_markers(text, start, end)
    # On the lower-cased twin (case-sensitive) where there is one: the same markers.
    assert sentence_markers(text, start, end, lower_case_twin(text)) == reference_markers(text, start, end)


def test_rule_selection_keeps_the_rules_that_can_start_here() -> None:
    assert "iso" in candidates("2021-01-05"[:KEY_CHARS])
    assert "weekday" in candidates("Tuesday "[:KEY_CHARS])
    assert "iso" not in candidates("Tuesday "[:KEY_CHARS])
    assert candidates("the past three"[:KEY_CHARS]) == tuple(
        name for name, _ in RULES if name in candidates("the past three"[:KEY_CHARS])
    )
    assert any(p.startswith("q") for p in openings("qcode"))
    # non-ASCII or end of text: every rule is tried
    assert len(candidates("ſummer 2")) == len(RULES)
    assert len(candidates("2020")) == len(RULES)


def test_generated_openings_match_the_grammar() -> None:
    """extract/data/timex_openings.json is current (else run `python tools/build_openings.py`)."""
    from extract.timex import scanner
    from tools.build_openings import compute_openings

    stored = scanner._stored_openings()
    assert stored is not None, "timex_openings.json missing or made for another grammar"
    for name, _ in RULES:
        assert stored[name] == compute_openings(name)


def test_without_generated_openings_every_rule_is_tried_and_the_matches_stay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extract.timex import scanner

    text = "On Tuesday, 2021-01-05, the past three months and every week since mid-November 2020."
    expected = [(rule, m.span()) for rule, m in scan(text)]
    for cached in (scanner._stored_openings, scanner.openings, scanner.candidates, scanner._matchers):
        cached.cache_clear()
    monkeypatch.setattr(scanner, "OPENINGS_FILE", scanner.OPENINGS_FILE.with_name("missing.json"))
    try:
        assert scanner.openings("iso") == frozenset({""})
        assert scanner.candidates("2021-01-"[:KEY_CHARS]) == tuple(name for name, _ in RULES)
        assert [(rule, m.span()) for rule, m in scan(text)] == expected
    finally:
        for cached in (scanner._stored_openings, scanner.openings, scanner.candidates, scanner._matchers):
            cached.cache_clear()


def test_the_runtime_package_uses_no_private_regex_internals() -> None:
    root = Path(__file__).resolve().parent.parent / "extract"
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "_parser" not in source and "_constants" not in source and "sre_" not in source, path


RULE_EXAMPLES = [(r.name, text, value) for r in RULE_BOOK for text, value in r.examples.items()]


def test_every_rule_declares_examples_in_grammar_order() -> None:
    assert [r.name for r in RULE_BOOK] == [name for name, _ in RULES]
    assert all(r.examples for r in RULE_BOOK)


@pytest.mark.parametrize(("rule", "text", "value"), RULE_EXAMPLES)
def test_each_rule_example_is_matched_by_its_rule_with_its_value(rule: str, text: str, value: str) -> None:
    """The examples written beside each rule: the scan picks that rule, the match reaches the end of the
    example (a rule that needs a word before it, "for years", starts after it) and gives that value."""
    (found,) = list(scan(text))
    name, match = found
    assert name == rule
    assert match.end() == len(text)
    mention = find_dates(text, split_sentences(text), EXAMPLE_DATE)
    assert [(d.start, d.value) for d in mention] == [(match.start(), value)]


@pytest.mark.parametrize(
    "text",
    [
        "In ſummer 2020 it rained",
        "the laſt three months",
        "ſeptember 3",
        "İn May",
        "in thıs month",
        "ıt ıs Tuesday",
    ],
)
def test_scan_finds_what_ignorecase_finds_where_lower_case_differs(text: str) -> None:
    # The start filter runs on the lower-cased text; "ı" and "ſ" match "i" and "s" only case-insensitively.
    assert [(m.span(), rule) for rule, m in scan(text)] == [
        (m.span(), m.lastgroup) for m in MASTER.finditer(text)
    ]
    assert list(scan(text))


WINDOW_TOKENS = st.sampled_from(
    ["than", "THAN", "as", "As", "many", "in", "during", "At", "on", "over", "for", "x", "2019", ",", ".",
     "ſ", "ı", "İ", " ", "\t", "\n", "\u2003", "\xa0", "lathan", "has", "begin"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(WINDOW_TOKENS, max_size=10).map("".join), st.lists(WINDOW_TOKENS, max_size=10).map(" ".join))
@example("", "more than ")
@example("", "as many as in ")
@example("", "rose more than\t")
@example("", "longer than for ")
@example("", "as long as during\n")
@example("", "than 2019")
def test_compared_right_before_is_its_regex(glued: str, spaced: str) -> None:
    for window in (glued, spaced):
        expected = _COMPARED_RIGHT_BEFORE.ignoring_case.search(window) is not None
        assert _compared_right_before(window, lower_case_twin(window)) == expected
        assert _compared_right_before(window, None) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("0129-XTQW:٣²"), max_size=12))
@example("0000-05")
@example("-0001")
@example("12345")
@example("2021-03-04")
def test_outside_calendar_is_its_regex(value: str) -> None:
    found = _outside_calendar(value)
    reference = _OUTSIDE_CALENDAR.match(value)
    assert (found and found.span()) == (reference and reference.span())


CLAUSE_TOKENS = st.sampled_from(
    ["than", "As", "as many", "in", "WHO", "which", "Having", "that", "Once", "ı", "İ", "ſ",
     *table("timex")["results_nouns"], "Sales", "LOSSES", "profitable", "datas"]
)  # fmt: skip
# The results-noun pattern as first written (a plain alternation, IGNORECASE).
RESULTS = re.compile(rf"\b(?:{'|'.join(table('timex')['results_nouns'])})\b", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.lists(st.one_of(TOKENS, CLAUSE_TOKENS), max_size=20).map(" ".join)))
def test_caseless_patterns_on_the_twin_find_what_ignorecase_finds(text: str) -> None:
    assert [m.span() for m in _RESULTS.finditer(text, None)] == [m.span() for m in RESULTS.finditer(text)]
    twin = lower_case_twin(text)
    for pattern in (_CLAUSE_OPENER, _COMPARED_RIGHT_BEFORE, _COMPARISON_WORD_CASELESS, _RESULTS):
        expected = [(m.span(), m.lastgroup) for m in pattern.ignoring_case.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in pattern.finditer(text, twin)] == expected
        found = pattern.search(text, twin, 1, len(text) - 1)
        reference = pattern.ignoring_case.search(text, 1, len(text) - 1)
        assert (found and found.span()) == (reference and reference.span())
