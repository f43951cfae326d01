"""Named entities for the analysis: people, organisations, places, nationalities, events.

`find_entities(text, sentences, corrections, taken)` is rule-based and offline: capitalised runs cut
into names (`candidates`), typed from the article's own evidence, then gazetteers, then shape
(`classify`), resolved within the article (`resolve`), with headlines and datelines handled apart
(`headlines`). User corrections force a type or remove a name. Entities never overlap each other or
the `taken` (date) spans; every span slices `text` exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.corrections import NOT_AN_ENTITY, Corrections
from extract.entities import lexicon as lx
from extract.entities.candidates import Candidate, find_candidates, overlaps
from extract.entities.classify import ARTICLE, CORRECTED, SHAPE, Article, Typed, classify
from extract.entities.gazetteer import Gazetteer, gazetteer
from extract.entities.headlines import datelines, headline_lines, match_headline
from extract.entities.patterns import (
    HYPHEN_CAPITAL,
    LETTER_WORD,
    NAME_PREFIXES,
    PREFIXED_NAME,
    SENTENCE_OPENER,
    LowerWords,
)
from extract.entities.resolve import resolve
from extract.model import ENTITY_TYPES, Entity, Sentence

__all__ = ["find_entities"]

_QUOTE_OPENERS = "\"“‘'(:"
_DASHES = ("—", "–", " - ", "--")


def _past_opener(text: str, i: int) -> int:
    """The offset past the quotes, dashes and spaces that open a sentence at `i`."""
    m = SENTENCE_OPENER.match(text, i)
    return m.end() if m else i


def _opener_starts(text: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    """Offsets where a sentence (or a quotation inside one) begins, past quotes and dashes."""
    starts = set()
    for s in sentences:
        starts.add(s.start)
        starts.add(_past_opener(text, s.start))
    for dash in _DASHES:
        i = text.find(dash)
        while i >= 0:
            starts.add(_past_opener(text, i + len(dash)))
            i = text.find(dash, i + 1)
    for q in _QUOTE_OPENERS:
        i = text.find(q)
        while i >= 0:
            starts.add(_past_opener(text, i + 1))
            i = text.find(q, i + 1)
    return frozenset(starts)


def _dateline_mentions(text: str, spans: list[tuple[int, int]], gaz: Gazetteer) -> list[Typed]:
    out = []
    for s, e in spans:
        name = text[s:e]
        hit = gaz.lookup_folded(name)
        etype, canonical = hit if hit else ("GPE", name.title())
        out.append(Typed(s, e, name, etype, ARTICLE, canonical, tuple(name.split()), False, "dateline"))
    return out


def _prefixed(text: str) -> list[Typed]:
    """'pro-Kremlin', 'sub-Saharan', 'ex-Soviet': an adjective of a group or place, typed NORP."""
    out = []
    for hyphen in HYPHEN_CAPITAL.finditer(text):
        j = i = hyphen.start()
        if not (i and text[i - 1].islower()):
            continue
        while j > 0 and i - j < 6 and text[j - 1].isalpha():
            j -= 1
        if text[j:i] not in NAME_PREFIXES or (j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-")):
            continue
        m = PREFIXED_NAME.match(text, j)
        if m is not None:
            name = m.group()
            out.append(Typed(j, m.end(), name, "NORP", ARTICLE, name, (name,), False, "prefixed"))
    return out


def _apply_corrections(mentions: list[Typed], corrections: Corrections) -> list[Typed]:
    """Force the corrected type of a found name, or drop it when the user said it is not an entity."""
    if not corrections.entity_types:
        return mentions
    out = []
    for m in mentions:
        forced = corrections.entity_types.get(m.name)
        if forced == NOT_AN_ENTITY:
            continue
        if forced in ENTITY_TYPES:
            m = replace(m, type=forced, strength=CORRECTED, basis="correction")
        out.append(m)
    return out


def _corrected_mentions(text: str, corrections: Corrections) -> list[Typed]:
    """Every whole-word occurrence of a name the user typed, even where the rules found nothing."""
    out = []
    for name, etype in corrections.entity_types.items():
        if etype not in ENTITY_TYPES or not name.strip():
            continue
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if not (i > 0 and text[i - 1].isalnum()) and not (j < len(text) and text[j].isalnum()):
                out.append(
                    Typed(i, j, name, etype, CORRECTED, name, tuple(name.split()), False, "correction")
                )
            i = text.find(name, i + 1)
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged, as `overlaps` requires."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def find_entities(
    text: str,
    sentences: Sequence[Sentence],
    corrections: Corrections,
    taken: Sequence[tuple[int, int]],
) -> list[Entity]:
    """All entity mentions of `text`, in order, typed and resolved within the article."""
    if not text:
        return []
    gaz = gazetteer()
    blocked = _disjoint(list(taken))
    headlines = headline_lines(text)
    dateline_spans = datelines(text, headlines)
    dated = _dateline_mentions(text, [d for d in dateline_spans if not _hits(blocked, d)], gaz)
    blocked_body = _disjoint([*blocked, *((m.start, m.end) for m in dated)])
    lower_vocab = LowerWords(text)
    candidates: list[Candidate] = find_candidates(
        text, _opener_starts(text, sentences), lower_vocab, blocked_body, headlines, gaz.exact
    )
    head_vocab = {w.lower() for s, e in headlines for w in LETTER_WORD.findall(text, s, e)}
    sports = len(lower_vocab.among(lx.SPORTS_WORDS) | (lx.SPORTS_WORDS & head_vocab)) >= lx.SPORTS_MIN_WORDS
    article = Article(gaz, sports)
    mentions = [t for c in candidates for t in classify(text, c, article)]
    mentions.extend(_prefixed(text))
    mentions = _apply_corrections(mentions, corrections)
    mentions = resolve(text, [*dated, *mentions])
    known: dict[str, tuple[str, str]] = {}
    for m in mentions:
        known.setdefault(m.name.lower(), (m.type, m.canonical))
        if m.type == "PERSON" and len(m.words) > 1:
            known.setdefault(m.words[-1].lower(), (m.type, m.canonical))
    head_taken = _disjoint([*blocked, *((m.start, m.end) for m in mentions)])
    for s, e in headlines:
        for hs, he, etype, canonical in match_headline(text, s, e, known, gaz, head_taken, sports):
            name = text[hs:he]
            mentions.append(
                Typed(hs, he, name, etype, ARTICLE, canonical, tuple(name.split()), False, "headline")
            )
    mentions = _apply_corrections(mentions, corrections)
    if corrections.entity_types:
        forced = _without_overlaps(_corrected_mentions(text, corrections), blocked)
        forced_spans = [(f.start, f.end) for f in forced]
        starts = [s for s, _ in forced_spans]
        kept = [m for m in mentions if not (forced_spans and overlaps(forced_spans, starts, m.start, m.end))]
        return sorted([*forced, *_without_overlaps(kept, blocked)], key=lambda e: e.start)
    return _without_overlaps(mentions, blocked)


def _hits(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return bool(spans) and overlaps(spans, [s for s, _ in spans], span[0], span[1])


def _without_overlaps(mentions: list[Typed], blocked: list[tuple[int, int]]) -> list[Entity]:
    """Entities in text order; of two overlapping mentions the earlier (then longer) one stays."""
    out: list[Entity] = []
    last_end = -1
    starts = [s for s, _ in blocked]
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < last_end or m.start >= m.end or (blocked and overlaps(blocked, starts, m.start, m.end)):
            continue
        guessed = m.strength == SHAPE and m.basis == "guess"
        out.append(Entity(m.start, m.end, m.name, m.type, m.canonical, guessed))  # type: ignore[arg-type]
        last_end = m.end
    return out
