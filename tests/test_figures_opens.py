"""The figure finder reads the first non-blank character after a number once and hands it to the extensions
tried there (ratio, suffix, range, counted noun): each gives the same answer with it as when it reads the
character itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.figures import context as cx
from extract.figures import find as fd
from extract.figures import patterns as pt

WORDS = [
    "5", "12", "3.5", "one", "two", "million", "billion", "half", "a", "an", "of", "in", "out", "over", "to",
    "and", "-", "–", "%", "percent", "per", "cent", "dollars", "USD", "$", "kg", "km", "miles", "m", "a day",
    "troops", "people", "budget", "quarter", "wounded", "soldiers", "the", "Texas", "inches", "orders",
    "magnitude", "p", "/", "year", "old", "years",
]  # fmt: skip
SEPARATORS = ["", " ", "  ", "\t", "\u00a0", ",", ".", "-", "\n"]

texts = st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), min_size=1, max_size=8).map(
    lambda parts: "".join(sep + word for sep, word in parts)
)


def _num(text: str, end: int, value: float, kind: str, digits: bool) -> fd._Num:
    return fd._Num(0, end, value, kind, plain=digits, digits=digits)  # type: ignore[arg-type]


def _fields(num: fd._Num) -> tuple[object, ...]:
    return (num.start, num.end, num.value, num.kind, num.unit, num.high, num.plain, num.spanned_unit)


@settings(max_examples=300)
@given(
    text=texts,
    cut=st.integers(0, 40),
    value=st.sampled_from([1.0, 2.0, 5.0, 0.5, 1000.0]),
    kind=st.sampled_from(["cardinal", "fraction", "money"]),
    digits=st.booleans(),
)
def test_the_extensions_read_the_same_with_the_first_character_given(
    text: str, cut: int, value: float, kind: str, digits: bool
) -> None:
    end = min(cut, len(text))
    limit = len(text)
    opens = pt.next_non_blank(text, end, limit)
    fast_rm, slow_rm = fd._ratio_after(text, end, limit, opens), fd._ratio_after(text, end, limit)
    assert (fast_rm and fast_rm.span()) == (slow_rm and slow_rm.span())
    for extend in ("ratio", "suffix", "range"):
        fast, slow = _num(text, end, value, kind, digits), _num(text, end, value, kind, digits)
        if extend == "ratio":
            fd._ratio(text, fast, limit, opens)
            fd._ratio(text, slow, limit)
        elif extend == "suffix":
            fd._suffix(text, fast, limit, limit, opens)
            fd._suffix(text, slow, limit, limit)
        else:
            assert fd._range(text, fast, 0, limit, opens) == fd._range(text, slow, 0, limit)
        assert _fields(fast) == _fields(slow)
    if opens:  # found before `limit`, so the same within any later bound
        for allow_of in (True, False):
            assert cx.counted_noun(text, end, limit, allow_of, opens) == cx.counted_noun(
                text, end, limit, allow_of
            )
