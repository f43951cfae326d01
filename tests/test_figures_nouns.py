"""`counted_noun` reads each word's kind from a table filled once per distinct word (`context._facts`);
it gives what the word-by-word tests it replaces gave (`reference` below, the earlier code)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.figures import context as cx
from extract.figures import lexicon as lx
from extract.figures.patterns import NOUN_WORD, OF_WORD, OF_WORD_OPENS, RATE_AFTER, RATE_OPENS, next_non_blank


def reference(text: str, end: int, limit: int, allow_of: bool = True) -> tuple[str | None, int]:
    p = end
    if allow_of and next_non_blank(text, p, limit) in OF_WORD_OPENS:
        om = OF_WORD.match(text, p, limit)
        if om:
            p = om.end()
    words: list[str] = []
    q = p
    while len(words) < 3:
        m = NOUN_WORD.match(text, q, limit)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in lx.NOUN_STOP:
            if not words and p != end and lw in cx._DETERMINERS:
                q = m.end()
                continue
            break
        if lw.endswith(("'s", "’s")):
            words = []
            q = m.end()
            continue
        if len(lw) > 4 and lw.endswith("ly"):
            break
        if len(lw) > 4 and lw.endswith(("ed", "ing")):
            if words:
                break
            nm = NOUN_WORD.match(text, m.end(), limit)
            nxt = nm.group(1) if nm else ""
            if not (nxt[:1].islower() and nxt.endswith("s") and nxt.lower() not in lx.NOUN_STOP):
                break
        plural = (lw.endswith("s") and not lw.endswith("ss")) or lw in lx.IRREGULAR_PLURALS
        if (
            words
            and words[-1][0].islower()
            and not cx._ADJECTIVE.search(words[-1])
            and words[-1].lower() not in lx.COMMON_ADJECTIVES
            and not plural
        ):
            break
        words.append(w)
        q = m.end()
        if w[0].islower() and plural:
            break
    if not words:
        return None, end
    rate = RATE_AFTER.match(text, q, limit) if next_non_blank(text, q, limit) in RATE_OPENS else None
    if rate:
        return " ".join(words) + " a " + rate.group(1).lower(), q
    return " ".join(words), q


WORDS = sorted(lx.NOUN_STOP)[:40] + sorted(lx.COMMON_ADJECTIVES)[:20] + sorted(lx.IRREGULAR_PLURALS)[:10]
WORDS += [
    "troops", "the", "its", "of", "consortium's", "Smith’s", "recently", "only", "wounded", "killing", "red",
    "soldiers", "armoured", "vehicles", "riverside", "provinces", "earthquake", "struck", "glass", "US",
    "U.S.", "American", "forces", "pro-government", "anti-aircraft", "a", "day", "per", "year", "each",
    "people", "Chinese", "nuclear", "famous", "X", "o'clock", "rock-’n", "fed", "bring",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "-", ",", ".", "\n", "’"]
texts = st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), max_size=8).map(
    lambda parts: "".join(sep + word for sep, word in parts)
)


@settings(max_examples=500, deadline=None)
@given(text=texts, cut=st.integers(0, 80), allow_of=st.booleans(), small_table=st.booleans())
def test_counted_noun_reads_what_the_word_by_word_tests_read(
    text: str, cut: int, allow_of: bool, small_table: bool
) -> None:
    if small_table:  # the table starting afresh in the middle of a phrase changes nothing
        cx._word_facts.clear()
    limit = len(text) - cut % (len(text) + 1)
    assert cx.counted_noun(text, 0, limit, allow_of) == reference(text, 0, limit, allow_of)
    assert cx.counted_noun(text, 0, limit, allow_of) == reference(text, 0, limit, allow_of)  # from the table


def test_the_table_of_word_facts_stays_bounded() -> None:
    for i in range(cx._WORD_FACTS_MAX + 10):
        cx._facts(f"word{i}s")
    assert len(cx._word_facts) <= cx._WORD_FACTS_MAX
    assert cx._facts("troops") == (cx._NOUN, True, False)
    assert cx._facts("the")[0] == cx._DETERMINER and cx._facts("wounded")[0] == cx._PARTICIPLE


@settings(max_examples=500, deadline=None)
@given(text=texts, cut=st.integers(0, 80), allow_of=st.booleans())
def test_counted_noun_given_its_first_word_reads_the_same(text: str, cut: int, allow_of: bool) -> None:
    # the caller's word (a lone number word's next word): NOUN_WORD's match at the start, one blank and
    # the word within the limit
    limit = len(text) - cut % (len(text) + 1)
    m = NOUN_WORD.compiled.match(text, 0, limit)
    if m and m.start(1) == 1:
        first = m.group(1)
        expected = reference(text, 0, limit, allow_of)
        assert cx.counted_noun(text, 0, limit, allow_of, None, first) == expected
        assert cx.counted_noun(text, 0, limit, allow_of, text[1], first) == expected
