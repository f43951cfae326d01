"""The reader's selection model: a sentence cursor, extendable to a range of sentences or narrowed to a
span of words inside the cursor sentence. Pure and immutable: every move returns a new `Selection`.

Offsets index the article body; sentences come from the analysis (`Analysis.sentences`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import itemgetter

from store.wording import counted

Span = tuple[int, int]

# A word: letters/digits, keeping inner apostrophes, hyphens, dots and commas ("U.S.", "2,500", "don't").
_WORD = re.compile(r"\w+(?:[’'\-.,:/]\w+)*")


def word_spans(text: str, start: int, end: int) -> tuple[Span, ...]:
    """The words of `text[start:end]` as absolute (start, end) offsets."""
    return tuple((m.start(), m.end()) for m in _WORD.finditer(text, start, end))


def sentence_at(sentences: Sequence[Span], offset: int) -> int:
    """Index of the sentence holding `offset` (else the last one starting before it; 0 when none)."""
    return max(0, bisect_right(sentences, offset, key=itemgetter(0)) - 1)


@dataclass(frozen=True, slots=True)
class Selection:
    """`sentence` is the cursor sentence and `anchor` the other end of a sentence range (equal when the
    selection is one sentence). In word mode (`words` not empty) the selection is words[first..last]."""

    sentence: int = 0
    anchor: int = 0
    words: tuple[Span, ...] = ()
    first: int = 0
    last: int = 0

    @property
    def word_mode(self) -> bool:
        return bool(self.words)

    @property
    def extended(self) -> bool:
        return self.anchor != self.sentence

    def span(self, sentences: Sequence[Span]) -> Span | None:
        """The selected body range, or None without sentences."""
        if not sentences:
            return None
        if self.words:
            return self.words[self.first][0], self.words[self.last][1]
        lo, hi = sorted((self.sentence, self.anchor))
        lo, hi = min(lo, len(sentences) - 1), min(hi, len(sentences) - 1)
        return sentences[lo][0], sentences[hi][1]

    def describe(self) -> str:
        """A few words for the status line: what is selected and which keys change it."""
        if self.words:
            count = self.last - self.first + 1
            return f"{counted(count, 'word')} selected · w/b move · W/B grow/shrink · esc back"
        if self.extended:
            count = abs(self.sentence - self.anchor) + 1
            return f"{counted(count, 'sentence')} selected · J/K extend · esc back to one sentence"
        return ""


def move(sel: Selection, sentences: Sequence[Span], delta: int) -> Selection:
    """Move the cursor `delta` sentences (collapsing a range and leaving word mode)."""
    if not sentences:
        return sel
    target = min(max(0, sel.sentence + delta), len(sentences) - 1)
    return Selection(target, target)


def go_to(sentences: Sequence[Span], index: int) -> Selection:
    index = min(max(0, index), max(0, len(sentences) - 1))
    return Selection(index, index)


def extend(sel: Selection, sentences: Sequence[Span], delta: int) -> Selection:
    """Grow or shrink a sentence range: the anchor stays, the cursor moves."""
    if not sentences:
        return sel
    target = min(max(0, sel.sentence + delta), len(sentences) - 1)
    return Selection(target, sel.anchor if not sel.words else sel.sentence)


def enter_words(sel: Selection, text: str, sentences: Sequence[Span]) -> Selection:
    """Word mode on the cursor sentence, starting with its first word (unchanged if it has none)."""
    if not sentences:
        return sel
    start, end = sentences[min(sel.sentence, len(sentences) - 1)]
    words = word_spans(text, start, end)
    if not words:
        return sel
    return Selection(sel.sentence, sel.sentence, words, 0, 0)


def step_word(sel: Selection, delta: int) -> Selection:
    """Move a one-word selection by `delta` words (a longer one collapses onto its moved end)."""
    if not sel.words:
        return sel
    i = min(max(0, (sel.last if delta > 0 else sel.first) + delta), len(sel.words) - 1)
    return replace(sel, first=i, last=i)


def grow_words(sel: Selection, delta: int) -> Selection:
    """Extend (delta > 0) or shrink (delta < 0) the word selection at its end; at least one word."""
    if not sel.words:
        return sel
    last = min(max(sel.first, sel.last + delta), len(sel.words) - 1)
    return replace(sel, last=last)
