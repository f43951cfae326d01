"""One article reduced to what the cross-article views need: its entities with their aliases, the
sentences that name several of them, its dated facts and figures with the entities of their sentences,
and its series candidates (figures that count a known class of thing, with a subject and a date).

`digest(info, analysis, text)` is pure and linear in the analysis; `ArticleDigest.to_dict()` /
`from_dict()` are its stored (JSON) form, so the store can cache digests article by article and rebuild
the library-wide views without re-reading analyses. The many small records are named tuples of plain
values: the garbage collector stops tracking such tuples, so a library's worth of digests in memory does
not slow every later collection down.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

from extract.across.model import ArticleInfo
from extract.across.units import (
    AFTER_WINDOW,
    BEFORE_WINDOW,
    INCIDENT_CLASSES,
    count_class,
    is_anaphoric,
    peak_before,
)
from extract.facts import interval
from extract.model import Analysis, DateMention, Entity, Figure, Sentence

DIGEST_VERSION = 2
"""Bump when the digest's content or rules change: stored digests of another version are rebuilt."""

_NEAR_AFTER = 60  # a date this close after a figure, in the same clause, dates it ("2,500 by January 15")
_SUBJECT_TYPES = ("GPE", "NORP")


class DigestEntity(NamedTuple):
    canonical: str
    type: str
    mentions: int
    aliases: tuple[tuple[str, int], ...]


class DigestFact(NamedTuple):
    date_value: str
    date_text: str
    start_date: str | None
    sentence_start: int
    sentence_end: int
    text: str
    entities: tuple[int, ...]


class DigestFigure(NamedTuple):
    text: str
    start: int
    end: int
    value: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    kind: str
    sentence_start: int
    sentence_end: int
    sentence: str
    entities: tuple[int, ...]


class Candidate(NamedTuple):
    """A figure that may belong to a series: `subject` indexes the article's entities, `unit` the count
    class; `date` None means undated (counted, never plotted). `sort_day` orders points (ISO day)."""

    subject: int
    unit: str
    date: str | None
    sort_day: str | None
    figure: int  # index into the digest's figures
    qualifier: str | None = None  # the figure's, or "peak" ("a peak of 41,600")


Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class ArticleDigest:
    """An article's digest. The records are kept as plain tuples (`*_rows`, what the garbage collector
    can stop tracking); `entities`, `facts`, `figures` and `candidates` give them as named tuples."""

    info: ArticleInfo
    entity_rows: tuple[Row, ...]
    co_sentences: tuple[tuple[int, ...], ...]  # entity indices of sentences naming two or more entities
    fact_rows: tuple[Row, ...]
    figure_rows: tuple[Row, ...]
    candidate_rows: tuple[Row, ...]

    @property
    def entities(self) -> tuple[DigestEntity, ...]:
        return tuple(DigestEntity._make(row) for row in self.entity_rows)

    @property
    def facts(self) -> tuple[DigestFact, ...]:
        return tuple(DigestFact._make(row) for row in self.fact_rows)

    @property
    def figures(self) -> tuple[DigestFigure, ...]:
        return tuple(DigestFigure._make(row) for row in self.figure_rows)

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return tuple(Candidate._make(row) for row in self.candidate_rows)

    def figure(self, index: int) -> DigestFigure:
        return DigestFigure._make(self.figure_rows[index])

    def to_dict(self) -> dict[str, Any]:
        """The stored form (tuples become JSON arrays)."""
        return {
            "v": DIGEST_VERSION,
            "info": self.info.to_dict(),
            "entities": self.entity_rows,
            "co": self.co_sentences,
            "facts": self.fact_rows,
            "figures": self.figure_rows,
            "candidates": self.candidate_rows,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleDigest:
        """The digest stored by `to_dict`; ValueError when it is of another version or malformed."""
        try:
            if data["v"] != DIGEST_VERSION:
                raise ValueError("digest of another version")
            shared: dict[str, str] = {}
            one = shared.setdefault  # a sentence written once per figure in it is kept once in memory
            return cls(
                ArticleInfo(**data["info"]),
                tuple(
                    (str(c), str(t), int(m), tuple((str(a), int(n)) for a, n in al))
                    for c, t, m, al in data["entities"]
                ),
                tuple(tuple(int(i) for i in s) for s in data["co"]),
                tuple(
                    (v, t, sd, int(ss), int(se), x, tuple(int(i) for i in e))
                    for v, t, sd, ss, se, x, e in data["facts"]
                ),
                tuple(
                    (
                        t,
                        int(s),
                        int(e),
                        v,
                        h,
                        u,
                        q,
                        k,
                        int(ss),
                        int(se),
                        one(st, st),
                        tuple(int(i) for i in en),
                    )
                    for t, s, e, v, h, u, q, k, ss, se, st, en in data["figures"]
                ),
                tuple((int(s), u, d, sd, int(f), q) for s, u, d, sd, f, q in data["candidates"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed digest: {exc}") from exc


def digest(info: ArticleInfo, analysis: Analysis, text: str) -> ArticleDigest:
    """The digest of one article: `analysis` is its analysis (corrections applied) and `text` the text
    its offsets index."""
    index: dict[tuple[str, str], int] = {}
    aliases: list[Counter[str]] = []
    kinds: list[tuple[str, str]] = []
    entity_of: list[int] = []  # per mention (in analysis order)
    for entity in analysis.entities:
        ident = (entity.canonical, entity.type)
        n = index.get(ident)
        if n is None:
            n = index[ident] = len(kinds)
            kinds.append(ident)
            aliases.append(Counter())
        aliases[n][entity.text] += 1
        entity_of.append(n)
    entities = tuple(
        DigestEntity(
            c, t, sum(aliases[n].values()), tuple(sorted(aliases[n].items(), key=lambda a: (-a[1], a[0])))
        )
        for n, (c, t) in enumerate(kinds)
    )
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
    per_sentence: dict[int, list[int]] = {}
    for mention, n in zip(analysis.entities, entity_of, strict=True):
        k = _sentence_index(starts, sentences, mention.start)
        if k is not None:
            found = per_sentence.setdefault(k, [])
            if n not in found:
                found.append(n)
    co = tuple(tuple(v) for _, v in sorted(per_sentence.items()) if len(v) > 1)
    facts = tuple(
        DigestFact(
            fact.value,
            fact.date.text,
            fact.start_date,
            fact.sentence.start,
            fact.sentence.end,
            fact.text,
            _entities_of(per_sentence, _sentence_index(starts, sentences, fact.sentence.start)),
        )
        for fact in analysis.facts
    )
    figures: list[DigestFigure] = []
    sentence_of_figure: list[int | None] = []
    sentence_text: dict[int | None, str] = {}  # one string per sentence, shared by its figures
    for fig in analysis.figures:
        k = _sentence_index(starts, sentences, fig.start)
        sentence_of_figure.append(k)
        sent = sentences[k] if k is not None else Sentence(fig.start, fig.end)
        if k is None or (said := sentence_text.get(k)) is None:
            said = text[sent.start : sent.end]
            if k is not None:
                sentence_text[k] = said
        figures.append(
            DigestFigure(
                fig.text,
                fig.start,
                fig.end,
                fig.value,
                fig.high,
                fig.unit,
                fig.qualifier,
                fig.kind,
                sent.start,
                sent.end,
                said,
                _entities_of(per_sentence, k),
            )
        )
    candidates = _candidates(info, analysis, text, sentences, sentence_of_figure, kinds)
    return ArticleDigest(
        info,
        tuple(tuple(e) for e in entities),
        co,
        tuple(tuple(f) for f in facts),
        tuple(tuple(f) for f in figures),
        tuple(tuple(c) for c in candidates),
    )


def _entities_of(per_sentence: dict[int, list[int]], k: int | None) -> tuple[int, ...]:
    """The entities named in sentence `k` (none when the offset lies in no sentence)."""
    return tuple(per_sentence.get(k, ())) if k is not None else ()


def _sentence_index(starts: list[int], sentences: tuple[Sentence, ...], offset: int) -> int | None:
    k = bisect_right(starts, offset) - 1
    if k >= 0 and sentences[k].contains(offset):
        return k
    return None


def _candidates(
    info: ArticleInfo,
    analysis: Analysis,
    text: str,
    sentences: tuple[Sentence, ...],
    sentence_of_figure: list[int | None],
    kinds: list[tuple[str, str]],
) -> tuple[Candidate, ...]:
    ident = {kind: n for n, kind in enumerate(kinds)}
    first_event = next((ident[(e.canonical, e.type)] for e in analysis.entities if e.type == "EVENT"), None)
    found: list[Candidate] = []
    last: tuple[int, int, str] | None = None  # (sentence index, subject, unit) of the latest candidate
    for n, (fig, k) in enumerate(zip(analysis.figures, sentence_of_figure, strict=True)):
        if k is None or fig.value is None:
            continue
        sent = sentences[k]
        # only the words next to the figure are read: a window, not the whole rest of the sentence
        before = text[max(sent.start, fig.start - BEFORE_WINDOW) : fig.start]
        after = text[fig.end : min(sent.end, fig.end + AFTER_WINDOW)]
        unit = count_class(fig.kind, fig.unit, before, after)
        subject: int | None = None
        if unit is None:
            if last is not None and k - last[0] in (1, 2) and is_anaphoric(text[sent.start : sent.end][:40]):
                _, subject, unit = last
            else:
                continue
        else:
            subject = _subject(analysis.entities, ident, sent, fig, unit, first_event)
        if subject is None:
            continue
        day, sort_day = _point_date(text, analysis.dates, sent, fig, info.published)
        qualifier = "peak" if peak_before(before) else fig.qualifier
        found.append(Candidate(subject, unit, day, sort_day, n, qualifier))
        last = (k, subject, unit)
    return tuple(found)


def _subject(
    entities: tuple[Entity, ...],
    ident: dict[tuple[str, str], int],
    sent: Sentence,
    fig: Figure,
    unit: str,
    first_event: int | None,
) -> int | None:
    """What a count is about: the nearest event named in its sentence; for a toll (displaced, killed,
    ...) else the article's first-named event; else the nearest country or nationality named before it
    in its sentence ("the US had roughly 5,000 troops"); else nothing (no series)."""
    inside = [e for e in entities if sent.start <= e.start and e.end <= sent.end]
    events = [e for e in inside if e.type == "EVENT"]
    if events:
        nearest = min(events, key=lambda e: min(abs(e.start - fig.end), abs(fig.start - e.end)))
        return ident[(nearest.canonical, nearest.type)]
    if unit in INCIDENT_CLASSES and first_event is not None:
        return first_event
    before = [e for e in inside if e.end <= fig.start and e.type in _SUBJECT_TYPES]
    if before:
        return ident[(before[-1].canonical, before[-1].type)]
    return None


def _day_of(mention: DateMention) -> str | None:
    value = mention.value
    if not mention.anchored or mention.comparison or mention.type not in ("DATE", "TIME"):
        return None
    if len(value) >= 4 and value[:4].isdigit():
        return value[:10] if len(value) > 10 and value[10] == "T" else value
    return None


def _point_date(
    text: str, dates: tuple[DateMention, ...], sent: Sentence, fig: Figure, published: str | None
) -> tuple[str | None, str | None]:
    """The date a count holds for: a date right after it in its clause ("to 3,000 ... in September"),
    else one before it in its sentence ("As of January 2020, ... roughly 5,000"), else the publication
    day (a count in the present tense holds on the day of the report); with the day that orders it."""
    inside = [d for d in dates if sent.start <= d.start and d.end <= sent.end and _day_of(d) is not None]
    chosen: DateMention | None = None
    for d in inside:
        near = d.start >= fig.end and d.start - fig.end <= _NEAR_AFTER
        if near and not any(mark in text[fig.end : d.start] for mark in ",;:—"):
            chosen = d
            break
    if chosen is None:
        earlier = [d for d in inside if d.end <= fig.start]
        if earlier:
            chosen = earlier[-1]
    if chosen is None:
        return (published, published) if published else (None, None)
    value = _day_of(chosen)
    assert value is not None
    start, end = interval(chosen.value[:10] if "T" in chosen.value else chosen.value, chosen.mod)
    if start and end:
        middle = start + (end - start) / 2
        return value, middle.isoformat()
    day = start or end
    return value, day.isoformat() if day else None
