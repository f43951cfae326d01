"""The reader's selection model (tui/selection.py): sentence moves, ranges and word spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui import selection as sm

TEXT = "Colonel Maria Lindqvist said 2,500 troops leave. The U.S. convoy left. Done."
SENTENCES = [(0, 48), (49, 70), (71, 76)]


def test_move_clamps_and_collapses() -> None:
    sel = sm.Selection()
    assert sel.span(SENTENCES) == SENTENCES[0]
    sel = sm.move(sel, SENTENCES, 5)
    assert sel.span(SENTENCES) == SENTENCES[2]
    sel = sm.extend(sel, SENTENCES, -2)
    assert sel.span(SENTENCES) == (0, 76) and sel.extended
    assert sm.move(sel, SENTENCES, 0).span(SENTENCES) == SENTENCES[0]
    assert sm.Selection().span([]) is None


def test_words_move_grow_and_shrink() -> None:
    sel = sm.enter_words(sm.Selection(), TEXT, SENTENCES)
    assert sel.word_mode
    span = sel.span(SENTENCES)
    assert span is not None and TEXT[span[0] : span[1]] == "Colonel"
    sel = sm.grow_words(sm.step_word(sel, 1), 1)
    span = sel.span(SENTENCES)
    assert span is not None and TEXT[span[0] : span[1]] == "Maria Lindqvist"
    sel = sm.grow_words(sel, 2)
    span = sel.span(SENTENCES)
    assert span is not None and TEXT[span[0] : span[1]] == "Maria Lindqvist said 2,500"
    sel = sm.grow_words(sel, -10)  # never less than one word
    span = sel.span(SENTENCES)
    assert span is not None and TEXT[span[0] : span[1]] == "Maria"
    second = sm.enter_words(sm.move(sel, SENTENCES, 1), TEXT, SENTENCES)
    assert [TEXT[a:b] for a, b in second.words] == ["The", "U.S", "convoy", "left"]


def test_sentence_at() -> None:
    assert sm.sentence_at(SENTENCES, 0) == 0
    assert sm.sentence_at(SENTENCES, 48) == 0  # the gap belongs to the sentence before
    assert sm.sentence_at(SENTENCES, 60) == 1
    assert sm.sentence_at(SENTENCES, 500) == 2
    assert sm.sentence_at([], 3) == 0


@given(st.lists(st.sampled_from(["j", "k", "J", "K", "w", "b", "W", "B"]), max_size=40))
def test_any_key_sequence_keeps_the_selection_inside_the_text(keys: list[str]) -> None:
    sel = sm.Selection()
    for key in keys:
        if key in "jk":
            sel = sm.move(sel, SENTENCES, 1 if key == "j" else -1)
        elif key in "JK":
            sel = sm.extend(sel, SENTENCES, 1 if key == "J" else -1)
        elif key in "wb":
            sel = (
                sm.step_word(sel, 1 if key == "w" else -1)
                if sel.word_mode
                else sm.enter_words(sel, TEXT, SENTENCES)
            )
        else:
            sel = sm.grow_words(sel, 1 if key == "W" else -1)
        span = sel.span(SENTENCES)
        assert span is not None
        assert 0 <= span[0] < span[1] <= len(TEXT)
        if sel.word_mode:
            sentence = SENTENCES[sel.sentence]
            assert sentence[0] <= span[0] and span[1] <= sentence[1]
