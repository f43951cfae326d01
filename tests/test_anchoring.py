"""Quote selectors and re-attachment of annotations after the text changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.anchoring import quote_selector, reattach
from store.records import Annotation

TEXT = (
    "The US will withdraw troops. Officials said the US will withdraw troops by January. "
    "Critics said nothing."
)


def anchored(text: str, start: int, end: int, context: int = 32) -> Annotation:
    exact, prefix, suffix = quote_selector(text, start, end, context)
    return Annotation(
        id="a1",
        article_id="x",
        kind="highlight",
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
    )


def test_quote_selector_takes_context_each_side() -> None:
    start = TEXT.index("Officials")
    assert quote_selector(TEXT, start, start + 9, context=5) == ("Officials", "ops. ", " said")


def test_quote_selector_clips_at_text_edges() -> None:
    assert quote_selector("abcdef", 0, 2, context=32) == ("ab", "", "cdef")
    assert quote_selector("abcdef", 4, 6, context=32) == ("ef", "abcd", "")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_quote_selector_rejects_ranges_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        quote_selector("abcdef", start, end)


def test_unchanged_text_keeps_offsets() -> None:
    start = TEXT.rindex("the US will")
    ann = anchored(TEXT, start, start + 11)
    assert reattach(TEXT, ann) == (start, start + 11)


def test_repeated_quote_is_disambiguated_by_context_after_an_insertion() -> None:
    # The quote occurs twice; after an insertion the old offsets miss; the prefix picks the second one.
    start = TEXT.rindex("US will withdraw troops")
    ann = anchored(TEXT, start, start + len("US will withdraw troops"))
    edited = "BREAKING: " + TEXT
    new = reattach(edited, ann)
    assert new == (start + 10, start + 10 + len(ann.exact))


def test_old_offsets_landing_on_another_occurrence_are_not_trusted() -> None:
    text = "alpha XYZ beta gamma XYZ delta"
    ann = anchored(text, 21, 24)  # the second XYZ, after "gamma "
    edited = "gamma XYZ delta. alp XYZ beta"  # paragraphs swapped: another XYZ now sits at the old offsets
    assert edited[21:24] == "XYZ"
    assert reattach(edited, ann) == (6, 9)


def test_context_edited_on_one_side_still_reattaches() -> None:
    start = TEXT.index("by January")
    ann = anchored(TEXT, start, start + len("by January"))
    edited = TEXT.replace("Officials said", "A spokesman told reporters")
    s, e = reattach(edited, ann) or (-1, -1)
    assert edited[s:e] == "by January"


def test_nearest_occurrence_wins_when_contexts_tie() -> None:
    text = "one aa two. one aa two. one aa two."
    ann = anchored(text, 16, 18, context=4)  # the middle "aa"; all three share the context "one " / " two"
    assert ann.exact == "aa"
    assert reattach(text, ann) == (16, 18)
    # Shifted by two characters, the old offsets miss; the nearest occurrence with the same context wins.
    assert reattach("zz" + text, ann) == (18, 20)


def test_rewrapped_quote_reattaches_by_whitespace_insensitive_match() -> None:
    text = "He said the drawdown would be complete by January 15."
    start = text.index("the drawdown")
    end = text.index(" by January")
    ann = anchored(text, start, end)
    edited = text.replace("drawdown would", "drawdown\n  would")
    s, e = reattach(edited, ann) or (-1, -1)
    assert edited[s:e] == "the drawdown\n  would be complete"


def test_vanished_quote_gives_none() -> None:
    start = TEXT.index("Critics said nothing")
    ann = anchored(TEXT, start, start + len("Critics said nothing"))
    assert reattach(TEXT.replace("Critics said nothing.", "Critics objected."), ann) is None


def test_empty_quote_gives_none() -> None:
    ann = Annotation(id="a", article_id="x", kind="highlight", start=3, end=3, exact="")
    assert reattach("abcdef", ann) is None


def test_offsets_beyond_a_shorter_text_fall_back_to_search() -> None:
    text = "a long introduction that will be cut. The key line."
    start = text.index("The key line")
    ann = anchored(text, start, start + 12)
    assert reattach("The key line.", ann) == (0, 12)


# -- properties ---------------------------------------------------------------------------------------------

# Plain text around the quote never contains "#", the quote always does: the quote occurs exactly once, so
# where it must land is well defined.
plain = st.text(alphabet="ab \n.,", max_size=80)
marked = st.text(alphabet="ab #", min_size=1, max_size=20).filter(lambda s: "#" in s)


@given(text=st.text(max_size=200), data=st.data())
def test_property_unchanged_text_returns_same_offsets(text: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert reattach(text, anchored(text, start, end)) == (start, end)


@given(before=plain, quote=marked, after=plain, inserted=plain, data=st.data())
def test_property_insertion_before_the_quote_shifts_it(
    before: str, quote: str, after: str, inserted: str, data: st.DataObject
) -> None:
    text = before + quote + after
    ann = anchored(text, len(before), len(before) + len(quote))
    at = data.draw(st.integers(0, len(before)))
    edited = text[:at] + inserted + text[at:]
    shift = len(inserted)
    assert reattach(edited, ann) == (len(before) + shift, len(before) + len(quote) + shift)


@given(before=plain, quote=marked, after=plain, inserted=plain, data=st.data())
def test_property_insertion_after_the_quote_keeps_it(
    before: str, quote: str, after: str, inserted: str, data: st.DataObject
) -> None:
    text = before + quote + after
    ann = anchored(text, len(before), len(before) + len(quote))
    at = data.draw(st.integers(len(before) + len(quote), len(text)))
    edited = text[:at] + inserted + text[at:]
    assert reattach(edited, ann) == (len(before), len(before) + len(quote))


@given(before=plain, quote=marked, after=plain)
def test_property_deleting_the_quote_gives_none(before: str, quote: str, after: str) -> None:
    text = before + quote + after
    ann = anchored(text, len(before), len(before) + len(quote))
    assert reattach(before + after, ann) is None


@given(
    text=st.text(alphabet="ab #\n", max_size=60),
    edited=st.text(alphabet="ab #\n", max_size=60),
    data=st.data(),
)
def test_property_a_reattached_span_holds_the_quote(text: str, edited: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    ann = anchored(text, start, end)
    span = reattach(edited, ann)
    if span is not None:
        s, e = span
        assert 0 <= s < e <= len(edited)
        assert edited[s:e].split() == ann.exact.split()
