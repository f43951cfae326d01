"""Choosing what an export contains: filters over a Library, gathered into a Briefing.

Rules (the same for every format):
- articles: those named with --article (all when none), narrowed by tag, starred, and entity (the article
  mentions it) and by the date range (published in it, or one of its facts overlaps it);
- facts: the selected articles' facts, narrowed to those naming the entity and overlapping the date range
  (Library.timeline's rules; in addition an open-ended fact, such as "in recent years", counts only when
  its one known day is in the range; undated facts only when no range is set), in the timeline's order;
- key figures: every figure the user highlighted, plus the first eight definite figures of each article
  (no ordinals, vague amounts or cardinal counts below ten), each once per article; with an entity or date
  filter, only those in the sentences of the selected facts or in a highlight;
- annotations: every annotation of the selected articles, orphaned ones included.
Nothing selected is an ExportError, as is an unknown article id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from store.articles import ArticleTextMissing
from store.errors import LibraryError
from store.export.briefing import KEY_FACTS, Briefing, KeyFigure, Selection, TimelineFact
from store.export.errors import ExportError
from store.records import Annotation, Article, ArticleMeta, TimelineEntry
from store.timeline import article_bounds, name_matches, sort_key

if TYPE_CHECKING:  # the analysis engine is only needed by the Library that produces Analysis objects
    from extract.across.model import Claim, Conflict, Series
    from extract.model import Analysis, Fact

KEY_FIGURE_KINDS = frozenset({"cardinal", "percent", "money", "fraction", "quantity"})
SMALL_COUNT = 10  # "two provinces", "four are missing": counts below this are context, not key figures
FIGURES_PER_ARTICLE = 8  # the first ones in the text (the lede carries the news); highlighted ones on top
FAR_FUTURE = "9999-12-31"


class LibraryView(Protocol):
    """The part of store.library.Library an export reads."""

    def articles(self) -> list[ArticleMeta]: ...
    def article(self, article_id: str) -> Article: ...
    def resolve_id(self, prefix: str) -> str: ...
    def analysis(self, article_id: str) -> Analysis: ...
    def timeline(
        self,
        article_id: str | None = None,
        entity: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> list[TimelineEntry]: ...
    def annotations(self, article_id: str | None = None) -> list[Annotation]: ...
    def series(self, entity: str | None = None) -> list[Series]: ...
    def conflicts(self) -> list[Conflict]: ...


def select(
    library: LibraryView, selection: Selection, title: str | None = None, key_facts: int = KEY_FACTS
) -> Briefing:
    """Gather the articles, facts, key figures and annotations `selection` picks from `library`;
    `key_facts` is how many key facts a Markdown briefing leads with."""
    metas = _named_articles(library, selection.article_ids)
    if selection.tag is not None:
        wanted = selection.tag.casefold()
        metas = [m for m in metas if any(t.casefold() == wanted for t in m.tags)]
    if selection.starred:
        metas = [m for m in metas if m.starred]

    chosen: list[tuple[ArticleMeta, Analysis, list[Fact]]] = []
    for meta in metas:
        try:
            analysis = library.analysis(meta.id)
        except ArticleTextMissing:
            continue  # its text cannot be read: left out (the library has told the user)
        if selection.entity is not None and not _mentions(analysis, selection.entity):
            continue
        entries = library.timeline(
            article_id=meta.id, entity=selection.entity, start=selection.start, end=selection.end
        )
        facts = [e.fact for e in entries if _open_side_in_range(e.fact, selection)]
        if (selection.start or selection.end) and not (facts or _published_in(meta, selection)):
            continue
        chosen.append((meta, analysis, facts))
    if not chosen:
        if not selection.filtered:
            raise ExportError("the library has no articles to export")
        raise ExportError(f"no articles match {describe(selection)}")

    chosen.sort(key=lambda item: _article_order(item[0]))
    annotations: list[Annotation] = []
    figures: list[KeyFigure] = []
    timeline: list[TimelineFact] = []
    for meta, analysis, facts in chosen:
        notes = library.annotations(meta.id)
        annotations.extend(_annotation_order(notes))
        timeline.extend(TimelineFact(meta.id, f) for f in facts)
        body = library.article(meta.id).body
        figures.extend(_key_figures(meta.id, body, analysis, facts, notes, selection.narrows_facts))
    published = {meta.id: meta.published for meta, _, _ in chosen}
    # Open-ended facts sit beside their article's dated ones, exactly as in the app's timeline.
    bounds = {meta.id: article_bounds(analysis.facts) for meta, analysis, _ in chosen}
    timeline.sort(
        key=lambda tf: sort_key(tf.fact, published[tf.article_id], tf.article_id, bounds[tf.article_id])
    )
    articles = tuple(meta for meta, _, _ in chosen)
    series, conflicts = across_selected(library, {meta.id for meta in articles})
    return Briefing(
        title=title or default_title(articles, selection),
        selection=selection,
        articles=articles,
        facts=tuple(timeline),
        figures=tuple(figures),
        annotations=tuple(annotations),
        key_facts=key_facts,
        series=series,
        conflicts=conflicts,
    )


def across_selected(
    library: LibraryView, article_ids: set[str]
) -> tuple[tuple[Series, ...], tuple[Conflict, ...]]:
    """The library's figure series and conflicts cut down to the selected articles: a series keeps its
    points from them (and stays a series only with two dates or more), a conflict its claims from them
    (and stays one only with two articles or more)."""
    from dataclasses import replace

    from extract.across.conflicts import conflicts as find_conflicts

    series = []
    for whole in library.series():
        points = tuple(p for p in whole.points if p.article_id in article_ids)
        if len({p.date for p in points}) >= 2:
            series.append(whole if len(points) == len(whole.points) else replace(whole, points=points))
    conflicts = []
    for conflict in library.conflicts():
        claims = tuple(c for c in conflict.claims if c.article_id in article_ids)
        if len(claims) == len(conflict.claims):
            conflicts.append(conflict)
        elif len({c.article_id for c in claims}) >= 2:
            conflicts.extend(find_conflicts([_as_series(conflict, claims)]))
    return tuple(series), tuple(conflicts)


def _as_series(conflict: Conflict, claims: tuple[Claim, ...]) -> Series:
    from extract.across.model import Series, SeriesPoint

    points = tuple(
        SeriesPoint(
            conflict.date,
            c.value,
            c.high,
            c.qualifier,
            c.article_id,
            c.source,
            c.title,
            c.text,
            c.start,
            c.end,
        )
        for c in claims
    )
    return Series(conflict.series_key, conflict.subject, conflict.unit, points)


def describe(selection: Selection) -> str:
    """The filters in words, for messages and the document header: 'tag "iraq", starred'."""
    parts: list[str] = []
    if selection.article_ids:
        parts.append("article " + ", ".join(selection.article_ids))
    if selection.tag is not None:
        parts.append(f'tag "{selection.tag}"')
    if selection.entity is not None:
        parts.append(f'entity "{selection.entity}"')
    if selection.starred:
        parts.append("starred")
    if selection.start and selection.end:
        parts.append(f"from {selection.start.isoformat()} to {selection.end.isoformat()}")
    elif selection.start:
        parts.append(f"from {selection.start.isoformat()}")
    elif selection.end:
        parts.append(f"up to {selection.end.isoformat()}")
    return ", ".join(parts) if parts else "no filter"


def default_title(articles: Iterable[ArticleMeta], selection: Selection) -> str:
    """One article: its title. Otherwise 'Briefing', naming the entity or tag it is about."""
    articles = tuple(articles)
    if len(articles) == 1:
        return articles[0].title
    if selection.entity:
        return f"Briefing: {selection.entity}"
    if selection.tag:
        return f"Briefing: {selection.tag}"
    return "Briefing"


def _named_articles(library: LibraryView, ids: tuple[str, ...]) -> list[ArticleMeta]:
    metas = library.articles()
    if not ids:
        return metas
    by_id = {m.id: m for m in metas}
    picked: list[ArticleMeta] = []
    for given in ids:
        try:
            full = library.resolve_id(given)
        except (LookupError, ValueError, LibraryError) as exc:
            raise ExportError(f"unknown article id: {given}") from exc
        if full not in by_id:
            raise ExportError(f"unknown article id: {given}")
        if by_id[full] not in picked:
            picked.append(by_id[full])
    return picked


def _mentions(analysis: Analysis, query: str) -> bool:
    """Whether the article names the entity: a mention form or a canonical name, or whole words of one."""
    return any(name_matches(query, e.text) or name_matches(query, e.canonical) for e in analysis.entities)


def _open_side_in_range(fact: Fact, selection: Selection) -> bool:
    """With a date range, an open-ended fact counts only when its one known day is inside the range:
    "in recent years" (up to the publication day) must not put an article into a briefing about 1990."""
    start, end = fact.start_date, fact.end_date
    if (selection.start is None and selection.end is None) or (start is None) == (end is None):
        return True
    known = date.fromisoformat(start or end or "")
    return (selection.start is None or selection.start <= known) and (
        selection.end is None or known <= selection.end
    )


def _published_in(meta: ArticleMeta, selection: Selection) -> bool:
    if meta.published is None:
        return False
    if selection.start and meta.published < selection.start:
        return False
    return not (selection.end and meta.published > selection.end)


def _article_order(meta: ArticleMeta) -> tuple[str, str, str]:
    return (meta.published.isoformat() if meta.published else FAR_FUTURE, meta.title.casefold(), meta.id)


def _annotation_order(notes: list[Annotation]) -> list[Annotation]:
    anchored = sorted((a for a in notes if not a.orphaned), key=lambda a: (a.start, a.end, a.created, a.id))
    orphaned = sorted((a for a in notes if a.orphaned), key=lambda a: (a.created, a.id))
    return anchored + orphaned


def _key_figures(
    article_id: str,
    body: str,
    analysis: Analysis,
    facts: list[Fact],
    notes: list[Annotation],
    narrowed: bool,
) -> list[KeyFigure]:
    highlighted = [(a.start, a.end) for a in notes if not a.orphaned]
    fact_sentences = [(f.sentence.start, f.sentence.end) for f in facts]
    picked: list[KeyFigure] = []
    seen: set[tuple[str, float | None]] = set()
    unmarked = 0
    for figure in analysis.figures:
        marked = any(s <= figure.start and figure.end <= e for s, e in highlighted)
        in_facts = any(s <= figure.start and figure.end <= e for s, e in fact_sentences)
        if not marked:
            small = figure.kind == "cardinal" and figure.value is not None and abs(figure.value) < SMALL_COUNT
            if figure.kind not in KEY_FIGURE_KINDS or small or (narrowed and not in_facts):
                continue
            if unmarked >= FIGURES_PER_ARTICLE:
                continue
        key = (" ".join(figure.text.split()).casefold(), figure.value)
        if key in seen:  # a headline figure repeated in the lede is one figure
            continue
        seen.add(key)
        unmarked += 0 if marked else 1
        sentence = next((s for s in analysis.sentences if s.start <= figure.start < s.end), None)
        context = body[sentence.start : sentence.end] if sentence else figure.text
        picked.append(
            KeyFigure(
                article_id=article_id,
                start=figure.start,
                end=figure.end,
                text=figure.text,
                value=figure.value,
                kind=figure.kind,
                unit=figure.unit,
                qualifier=figure.qualifier,
                sentence=" ".join(context.split()),
            )
        )
    return picked
