"""Choosing what an export contains: filters over a Library, gathered into a Briefing.

Rules (the same for every format):
- articles: those named with --article (all when none), narrowed by tag, starred, and entity (the article
  mentions it) and by the date range (published in it, or one of its facts overlaps it);
- facts: the selected articles' facts, narrowed to those naming the entity and overlapping the date range
  (Library.timeline's rules, `store.timeline.overlaps`: an open-ended fact, such as "in recent years",
  counts only when its one known day is in the range; undated facts only when no range is set), in the
  timeline's order;
- key figures: every figure the user highlighted, plus the first eight definite figures of each article
  (no ordinals, vague amounts or cardinal counts below ten), each once per article; with an entity or date
  filter, only those in the sentences of the selected facts or in a highlight;
- annotations: every annotation of the selected articles, orphaned ones included.
Nothing selected is an ExportError, as is an unknown article id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol

from store.bulk import collector_paused
from store.errors import LibraryError
from store.export.briefing import KEY_FACTS, Briefing, KeyFigure, Selection, TimelineFact
from store.export.errors import ExportError
from store.facts_index import (
    FIGURES_PER_ARTICLE,
    KEY_FIGURE_KINDS,
    SMALL_COUNT,
    FigureRow,
    figure_rows,
)
from store.records import Annotation, Article, ArticleMeta
from store.timeline import (
    interval_bounds,
    interval_overlaps,
    name_matches,
    names_wanted,
    order_key,
    wanted_names,
)

if TYPE_CHECKING:  # the analysis engine is only needed by the Library that produces Analysis objects
    from extract.across.model import Claim, Conflict, Series

FAR_FUTURE = "9999-12-31"
_OTHER_ASCII_SPACES = ("\t", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x1f")  # all but " " and "\n"
NO_BOUNDS: tuple[str | None, str | None] = (None, None)
BULK_ANNOTATIONS = 64  # articles from which all the annotations are read at once


class LibraryView(Protocol):
    """The part of store.library.Library an export reads."""

    def articles(self) -> list[ArticleMeta]: ...
    def article(self, article_id: str) -> Article: ...
    def article_text(self, article_id: str, body_key: str | None = None) -> str: ...
    def resolve_id(self, prefix: str) -> str: ...
    def entity_names(self, name: str) -> frozenset[str]: ...
    def fact_entries(self, article_ids: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]: ...
    def annotations(self, article_id: str | None = None) -> list[Annotation]: ...
    def series(self, entity: str | None = None) -> list[Series]: ...
    def conflicts(self) -> list[Conflict]: ...


Fact = dict[str, Any]  # a fact in its stored form (`extract.model.fact_to_dict`), as the facts index holds it


def select(
    library: LibraryView,
    selection: Selection,
    title: str | None = None,
    key_facts: int = KEY_FACTS,
    across: bool = True,
) -> Briefing:
    """Gather the articles, facts, key figures and annotations `selection` picks from `library`;
    `key_facts` is how many key facts a Markdown briefing leads with; with `across`, the figure series
    and conflicts of those articles (only the Markdown briefing shows them: the library's cross-article
    index is built for them on first use).

    Reads each article's facts index entry (store.facts_index), never its whole analysis. The cyclic
    garbage collector waits until the briefing is made (`store.bulk`): its many small records hold no
    cycles, and collecting while they are made only walked them again and again."""
    with collector_paused(freeze=True):
        return _select(library, selection, title, key_facts, across)


def _select(
    library: LibraryView, selection: Selection, title: str | None, key_facts: int, across: bool
) -> Briefing:
    metas = _named_articles(library, selection.article_ids)
    if selection.tag is not None:
        wanted = selection.tag.casefold()
        metas = [m for m in metas if any(t.casefold() == wanted for t in m.tags)]
    if selection.starred:
        metas = [m for m in metas if m.starred]

    by_id = {meta.id: meta for meta in metas}
    chosen: list[tuple[ArticleMeta, list[Annotation], list[KeyFigure]]] = []
    # Open-ended facts sit beside their article's dated ones, exactly as in the app's timeline
    # (`store.timeline.sort_key`, read from the facts' stored form: no Fact is made for the sort). The
    # facts are kept as TimelineFacts at once, and the entries let go shard by shard: memory.
    timeline: list[tuple[tuple[Any, ...], TimelineFact]] = []
    notes_of = _annotations_of(library, by_id)
    narrowed = selection.narrows_facts
    # The entity as the articles name it; when none does, the names `briefing entity` resolves it to (an
    # alias of another article, a title dropped: "PM Kadhimi"), asked only then, for a second pass: it
    # may build the cross-article index (`Library.entity_names`).
    named: frozenset[str] = frozenset()
    while True:
        named_any = False
        # An article whose text cannot be read is not among the entries (the library has told the user).
        for aid, entry in library.fact_entries(by_id):
            meta = by_id[aid]
            names: dict[str, str] = entry["names"]
            if selection.entity is not None and not (
                any(name_matches(selection.entity, n) for n in names) or not named.isdisjoint(names.values())
            ):
                continue
            named_any = True
            # Not narrowed: every fact (the index's entry has an entity key per fact: store.facts_index).
            facts = _selected_facts(entry, selection, named) if narrowed else entry["facts"]
            if (selection.start or selection.end) and not (facts or _published_in(meta, selection)):
                continue
            # The article's dated span: for open-ended facts.
            span: tuple[str | None, str | None] | None = None
            published = meta.published.isoformat() if meta.published else None
            for f in facts:
                f_start, f_end = f["start_date"], f["end_date"]
                if (f_start is None) == (f_end is None):
                    bounds = NO_BOUNDS  # order_key reads the span only for a fact open on one side
                elif span is None:
                    bounds = span = interval_bounds((g["start_date"], g["end_date"]) for g in entry["facts"])
                else:
                    bounds = span
                key = order_key(
                    f_start, f_end, published, aid, f["sentence"]["start"], f["date"]["start"], bounds
                )
                timeline.append((key, TimelineFact(aid, data=f)))
            notes = notes_of(aid)
            figures = _key_figures(library, aid, entry, facts, notes, narrowed)
            # Not the entry: memory.
            chosen.append((meta, _annotation_order(notes) if notes else [], figures))
        if named_any or not selection.entity or named:
            break
        named = library.entity_names(selection.entity)
        if not named:
            break
    if not chosen:
        if not selection.filtered:
            raise ExportError("the library has no articles to export")
        raise ExportError(f"no articles match {describe(selection)}")

    chosen.sort(key=lambda item: _article_order(item[0]))
    annotations = [a for _, notes, _ in chosen for a in notes]
    timeline.sort(key=itemgetter(0))  # stable: an article's facts that tie stay in text order
    figures = [f for *_, article_figures in chosen for f in article_figures]
    articles = tuple(meta for meta, *_ in chosen)
    series, conflicts = across_selected(library, {meta.id for meta in articles}) if across else ((), ())
    return Briefing(
        title=title or default_title(articles, selection),
        selection=selection,
        articles=articles,
        facts=tuple(item for _, item in timeline),
        figures=tuple(figures),
        annotations=tuple(annotations),
        key_facts=key_facts,
        series=series,
        conflicts=conflicts,
    )


def _annotations_of(library: LibraryView, article_ids: dict[str, Any]) -> Callable[[str], list[Annotation]]:
    """`library.annotations` of one article at a time, from one read of them all when there are many
    articles (each shard once, instead of once per article)."""
    if len(article_ids) < BULK_ANNOTATIONS:
        return library.annotations
    by_article: dict[str, list[Annotation]] = {}
    for annotation in library.annotations():  # in text order, as each article's own are
        by_article.setdefault(annotation.article_id, []).append(annotation)
    return lambda article_id: by_article.get(article_id, [])


def _selected_facts(entry: dict[str, Any], selection: Selection, named: frozenset[str]) -> list[Fact]:
    """The article's facts `Library.timeline(article_id=..., entity=..., start=..., end=...)` gives (the
    entity's names looked up in this article, else the `named` ones: `Library.entity_names`; the dates
    by `store.timeline.interval_overlaps`), in text order; in their stored form
    (`extract.model.fact_to_dict`)."""
    resolve = (lambda: named) if named else None
    wanted = wanted_names(selection.entity, [entry["names"]], resolve) if selection.entity else set()
    facts = []
    for fact, keys in zip(entry["facts"], entry["keys"], strict=True):
        if selection.entity and not names_wanted(fact["entities"], keys, wanted):
            continue
        if interval_overlaps(fact["start_date"], fact["end_date"], selection.start, selection.end):
            facts.append(fact)
    return facts


def across_selected(
    library: LibraryView, article_ids: set[str]
) -> tuple[tuple[Series, ...], tuple[Conflict, ...]]:
    """The library's figure series and conflicts cut down to the selected articles: a series keeps its
    points from them (and stays a series only with two dates or more), a conflict its claims from them
    (and stays one only with two articles or more)."""
    from dataclasses import replace

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
            from extract.across.conflicts import conflicts as find_conflicts  # only for a conflict cut down

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
    library: LibraryView,
    article_id: str,
    entry: dict[str, Any],
    facts: list[Fact],
    notes: list[Annotation],
    narrowed: bool,
) -> list[KeyFigure]:
    """Key figures from the article's facts index entry (`store.facts_index`: its first key figures, or
    when there are highlights or the facts are narrowed, all its figure rows: a figure's fields and its
    sentence's span); the article's text (by the key the entry has) is read only when one is picked, for
    the sentence."""
    highlighted = [(a.start, a.end) for a in notes if not a.orphaned]
    if highlighted or narrowed:
        fact_sentences = [(f["sentence"]["start"], f["sentence"]["end"]) for f in facts] if narrowed else []
        chosen = _chosen_rows(figure_rows(entry), highlighted, fact_sentences, narrowed)
    else:
        chosen = entry["firsts"]  # the first FIGURES_PER_ARTICLE definite figures, as _chosen_rows picks
    if not chosen:
        return []
    body_key: str = entry["key"]["body"]
    body: str | None = None
    lines = False  # whether the text's only whitespace characters are spaces and line breaks
    sentences: dict[tuple[int, int], str] = {}
    picked: list[KeyFigure] = []
    for start, end, text, value, kind, unit, qualifier, s_start, s_end in chosen:
        if s_start is not None and s_end is not None:
            if body is None:
                body = library.article_text(article_id, body_key)
                lines = body.isascii() and not any(space in body for space in _OTHER_ASCII_SPACES)
            sentence = sentences.get((s_start, s_end))
            if sentence is None:  # figures of one sentence share its text: memory
                sentence = sentences[s_start, s_end] = _one_line(body[s_start:s_end], lines)
        else:
            sentence = " ".join(text.split())
        # By position (KeyFigure's field order): twice as quick as by keyword (80,000 at 10,000 articles).
        picked.append(KeyFigure(article_id, start, end, text, value, kind, unit, qualifier, sentence))
    return picked


def _chosen_rows(
    rows: list[FigureRow],
    highlighted: list[tuple[int, int]],
    fact_sentences: list[tuple[int, int]],
    narrowed: bool,
) -> list[FigureRow]:
    """The key figures' rows in text order: every highlighted figure, and the first FIGURES_PER_ARTICLE
    definite ones (inside a selected fact's sentence when `narrowed`), each figure once."""
    kinds = KEY_FIGURE_KINDS
    chosen: list[FigureRow] = []
    seen: set[tuple[str, float | None]] = set()
    unmarked = 0
    for row in rows:
        start, end, text, value, kind = row[:5]
        marked = any(s <= start and end <= e for s, e in highlighted) if highlighted else False
        if not marked:
            if unmarked >= FIGURES_PER_ARTICLE:
                if not highlighted:
                    break  # only highlighted figures could still be picked
                continue
            small = kind == "cardinal" and value is not None and abs(value) < SMALL_COUNT
            if kind not in kinds or small:
                continue
            if narrowed and not any(s <= start and end <= e for s, e in fact_sentences):
                continue
        key = (" ".join(text.split()).casefold(), value)
        if key in seen:  # a headline figure repeated in the lede is one figure
            continue
        seen.add(key)
        unmarked += 0 if marked else 1
        chosen.append(row)
    return chosen


def _one_line(text: str, lines: bool = False) -> str:
    """`" ".join(text.split())`, a third quicker for text that is already so (every sentence of most
    articles): printable text holds no whitespace but the space (every other whitespace character is a
    separator or a control), so it is one line of single spaces when no two spaces meet and none ends it.
    `lines`: the text is known to hold no whitespace but spaces and line breaks (then only those are
    looked for: quicker still than telling whether it is printable)."""
    simple = "\n" not in text if lines else text.isprintable()
    if simple and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
