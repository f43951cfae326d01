"""Anchoring annotations to text: quote selectors and re-attachment after the text changes.

An annotation is anchored twice, as web annotation's TextQuoteSelector and TextPositionSelector do: by
character offsets and by its quote (`exact` plus a little `prefix` and `suffix` of context). When the text
changes (a re-import of an edited article), `reattach` finds the quote again:

1. the old offsets, when the exact quote and its context are still there;
2. otherwise every occurrence of the exact quote, the best chosen by how well its surrounding text matches
   the stored prefix and suffix, then by closeness to the old position;
3. otherwise the quote with its whitespace changed (re-wrapped lines, doubled spaces);
4. otherwise None: the quote vanished and the caller keeps the annotation as orphaned.

Pure functions, no I/O.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Protocol

DEFAULT_CONTEXT = 32
# Occurrences scored with the (slower) fuzzy context ratio; the rest are ranked by exact adjacent context.
_FUZZY_CANDIDATES = 64


class QuoteAnchored(Protocol):
    """What re-attachment needs of an annotation (store.records.Annotation satisfies it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def exact(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...


def quote_selector(text: str, start: int, end: int, context: int = DEFAULT_CONTEXT) -> tuple[str, str, str]:
    """The quote of `text[start:end]`: (exact, prefix, suffix), with up to `context` characters each side.

    Raises ValueError for a range that is not inside the text.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}-{end} is outside a text of {len(text)} characters")
    if context < 0:
        raise ValueError("context must not be negative")
    return text[start:end], text[max(0, start - context) : start], text[end : end + context]


def reattach(new_text: str, annotation: QuoteAnchored) -> tuple[int, int] | None:
    """Where the annotation's quote is in `new_text`, as (start, end); None when the quote vanished.

    `new_text[start:end] == annotation.exact` for every exact match; a match found only after normalising
    whitespace covers the new, re-spaced text. An empty quote cannot be found again and gives None.
    """
    exact = annotation.exact
    if not exact:
        return None
    start, end = annotation.start, annotation.end
    if _context_intact(new_text, annotation):
        return start, end
    positions = _occurrences(new_text, exact)
    if positions:
        best = _best(new_text, annotation, [(p, p + len(exact)) for p in positions])
        return best
    spans = _whitespace_insensitive(new_text, exact)
    if spans:
        return _best(new_text, annotation, spans)
    return None


def _context_intact(text: str, ann: QuoteAnchored) -> bool:
    """True when the old offsets still hold the exact quote with the same prefix and suffix around it."""
    start, end = ann.start, ann.end
    if not 0 <= start <= end <= len(text) or text[start:end] != ann.exact:
        return False
    prefix, suffix = ann.prefix, ann.suffix
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return before == prefix and after == suffix


def _occurrences(text: str, exact: str) -> list[int]:
    """Every start index of `exact` in `text`, overlapping occurrences included."""
    found: list[int] = []
    i = text.find(exact)
    while i != -1:
        found.append(i)
        i = text.find(exact, i + 1)
    return found


def _whitespace_insensitive(text: str, exact: str) -> list[tuple[int, int]]:
    """Spans matching `exact` when every run of whitespace may be any other non-empty run of whitespace."""
    words = exact.split()
    if not words:
        return []
    lead = r"\s+" if exact[0].isspace() else ""
    trail = r"\s+" if exact[-1].isspace() else ""
    pattern = re.compile(lead + r"\s+".join(re.escape(w) for w in words) + trail)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _adjacent_score(text: str, ann: QuoteAnchored, span: tuple[int, int]) -> int:
    """How many context characters right next to the span agree with the stored prefix and suffix."""
    s, e = span
    before = text[max(0, s - len(ann.prefix)) : s]
    after = text[e : e + len(ann.suffix)]
    return _common_suffix(ann.prefix, before) + _common_prefix(ann.suffix, after)


def _fuzzy_score(text: str, ann: QuoteAnchored, span: tuple[int, int]) -> float:
    """Similarity (0..2) of the whole stored prefix and suffix to the text around the span."""
    s, e = span
    before = text[max(0, s - len(ann.prefix)) : s]
    after = text[e : e + len(ann.suffix)]
    score = 0.0
    if ann.prefix:
        score += SequenceMatcher(None, ann.prefix, before, autojunk=False).ratio()
    if ann.suffix:
        score += SequenceMatcher(None, ann.suffix, after, autojunk=False).ratio()
    return score


def _best(text: str, ann: QuoteAnchored, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The span whose context best matches the annotation's; ties go to the one nearest the old start."""
    if len(spans) == 1:
        return spans[0]
    adjacent = {span: _adjacent_score(text, ann, span) for span in spans}
    ranked = sorted(spans, key=lambda sp: (-adjacent[sp], abs(sp[0] - ann.start)))
    shortlist = ranked[:_FUZZY_CANDIDATES]
    scale = len(text) + 1

    def score(span: tuple[int, int]) -> float:
        # Adjacent agreeing characters dominate; fuzzy similarity breaks ties between equal adjacent
        # scores; distance from the old position (always < 1) breaks the remaining ties.
        distance = abs(span[0] - ann.start) / scale
        return adjacent[span] * 4 + _fuzzy_score(text, ann, span) - distance

    return max(shortlist, key=score)
