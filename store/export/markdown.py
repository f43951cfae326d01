"""The Markdown briefing: a document that reads well as plain text and renders well on GitHub.

Sections: title and period; key facts first (dated statements that give figures and name actors, newest
first, at most `Briefing.key_facts`); figures over time (each series as a small table) and sources that
disagree (conflicting figures), when there are any; sources with links; then one section per article:
its timeline (date, statement: each sentence once), its key figures, its highlights as blockquotes with
their notes and corrections; and orphaned annotations (quotes no longer found in the article text) in a
section of their own. The header's period is that of the key facts listed (of the selected facts when none
is). A pure function of the Briefing.
"""

from __future__ import annotations

from collections.abc import Iterator

from store.export import mdtext
from store.export.briefing import Briefing, KeyFigure, TimelineFact
from store.export.datefmt import describe_fact_date, human_day, human_value, interval_words
from store.export.selection import describe
from store.records import Annotation, ArticleMeta
from store.timeline import is_vague

CORRECTION_LABELS = {
    "PERSON": "a person",
    "ORG": "an organisation",
    "GPE": "a country, state or city",
    "LOC": "a place",
    "NORP": "a nationality, religious or political group",
    "EVENT": "an event",
    "OTHER": "a name",
    "NONE": "not an entity",
}
SOURCE_LIMIT = 48


def build_markdown(briefing: Briefing) -> str:
    """The whole briefing as Markdown text, ending with one newline."""
    key = key_facts(briefing)
    blocks: list[str] = [f"# {mdtext.inline(briefing.title)}", _summary(briefing, key)]
    blocks += list(_key_facts(briefing, key))
    blocks += list(_series(briefing))
    blocks += list(_disagreements(briefing))
    blocks += list(_sources(briefing))
    blocks += list(_articles(briefing))
    blocks += list(_orphans(briefing))
    return "\n\n".join(b for b in blocks if b) + "\n"


def key_facts(briefing: Briefing) -> list[TimelineFact]:
    """Dated statements worth leading with: a precise date (not vague, see `store.timeline.is_vague`), at
    least one figure and one named actor; newest first, at most `briefing.key_facts`."""
    chosen = [
        item
        for item in briefing.facts
        if item.fact.figures and item.fact.entities and not is_vague(item.fact)
    ]
    chosen.sort(key=lambda item: (item.fact.start_date or "", item.fact.end_date or ""), reverse=True)
    return chosen[: max(0, briefing.key_facts)]


def _summary(briefing: Briefing, key: list[TimelineFact]) -> str:
    start: str | None
    end: str | None
    if key:
        start = min(item.fact.start_date or "" for item in key)
        end = max(item.fact.end_date or "" for item in key)
    else:
        start, end = briefing.period()
    count = len(briefing.articles)
    lines = []
    if start and end:
        lines.append(f"**Period:** {interval_words(start, end)}")
    published = sorted(a.published for a in briefing.articles if a.published)
    if published:
        first, last = published[0].isoformat(), published[-1].isoformat()
        when = human_day(first) if first == last else f"{human_day(first)} to {human_day(last)}"
        lines.append(f"**Articles:** {count}, published {when}")
    else:
        lines.append(f"**Articles:** {count}")
    selection = briefing.selection
    if selection.filtered:
        lines.append(f"**Selection:** {mdtext.inline(describe(selection))}")
    # A list: one line each both as plain text and on GitHub.
    return "\n".join(f"- {line}" for line in lines)


def _key_facts(briefing: Briefing, key: list[TimelineFact]) -> Iterator[str]:
    yield "## Key facts"
    if not key:
        yield "No dated statements with figures and names in this selection."
        return
    several = len(briefing.articles) > 1
    items = []
    for item in key:
        line = f"- **{mdtext.inline(describe_fact_date(item.fact))}** — {mdtext.inline(item.fact.text)}"
        if several:
            line += f" ({_source_cell(briefing.article(item.article_id))})"
        items.append(line)
    yield "\n".join(items)


def _when(value: str) -> str:
    return human_value(value) or value


def _series(briefing: Briefing) -> Iterator[str]:
    """ "Figures over time": each series as a small table (date, figure as written, source)."""
    if not briefing.series:
        return
    yield "## Figures over time"
    for series in briefing.series:
        left = f" ({series.undated} undated not shown)" if series.undated else ""
        yield f"### {mdtext.inline(series.subject)}: {mdtext.inline(series.unit)}{left}"
        rows = ["| Date | Figure | Source |", "| --- | --- | --- |"]
        for point in series.points:
            figure = point.text
            if point.qualifier and point.qualifier.casefold() not in figure.casefold():
                figure = f"{point.qualifier} {figure}"  # "peak 41,600" (the peak is said before the figure)
            cells = (_when(point.date), figure, point.source or point.title)
            rows.append("| " + " | ".join(mdtext.cell(c) for c in cells) + " |")
        yield "\n".join(rows)


def _disagreements(briefing: Briefing) -> Iterator[str]:
    """ "Sources disagree": each conflict with its claims, one per article."""
    if not briefing.conflicts:
        return
    yield "## Sources disagree"
    items = []
    for conflict in briefing.conflicts:
        claims = "; ".join(
            f"**{mdtext.inline(c.text)}** ({mdtext.inline(c.source or c.title)})" for c in conflict.claims
        )
        subject = f"{mdtext.inline(conflict.subject)}, {mdtext.inline(conflict.unit)}"
        items.append(f"- {subject}, {_when(conflict.date)}: {claims}")
    yield "\n".join(items)


def _sources(briefing: Briefing) -> Iterator[str]:
    yield "## Sources"
    items = []
    for number, meta in enumerate(briefing.articles, 1):
        details = [mdtext.inline(d) for d in (meta.source, meta.author) if d]
        if meta.published:
            details.append(human_day(meta.published.isoformat()))
        if meta.starred:
            details.append("starred")
        if meta.tags:
            details.append("tags: " + ", ".join(mdtext.code(t) for t in meta.tags))
        rest = f" — {', '.join(details)}" if details else ""
        items.append(f"{number}. {mdtext.link(meta.title, meta.url)}{rest}")
    yield "\n".join(items)


def _articles(briefing: Briefing) -> Iterator[str]:
    """One section per article: its timeline, key figures and highlights."""
    for number, meta in enumerate(briefing.articles, 1):
        yield f"## {number}. {mdtext.inline(meta.title)}"
        if meta.tags:
            yield "Tags: " + ", ".join(mdtext.code(t) for t in meta.tags)
        yield from _timeline(briefing, meta)
        yield from _figures(briefing, meta)
        yield from _highlights(briefing, meta)


def _figures(briefing: Briefing, meta: ArticleMeta) -> Iterator[str]:
    figures = [f for f in briefing.figures if f.article_id == meta.id]
    if not figures:
        return
    yield "### Key figures"
    yield "\n".join(_figure_item(f) for f in figures)


def _figure_item(figure: KeyFigure) -> str:
    item = f"- **{mdtext.inline(figure.text)}**"
    if figure.unit and figure.unit.casefold() not in figure.text.casefold():
        item += f" ({mdtext.inline(figure.unit)})"
    if figure.sentence and figure.sentence != figure.text:
        item += f": “{mdtext.inline(figure.sentence)}”"
    return item


def _timeline(briefing: Briefing, meta: ArticleMeta) -> Iterator[str]:
    yield "### Timeline"
    facts = [item for item in briefing.facts if item.article_id == meta.id]
    if not facts:
        yield "No dated statements in this selection."
        return
    rows = ["| Date | Fact |", "| --- | --- |"]
    for item in facts:
        when = describe_fact_date(item.fact)
        others = [" ".join(d.text.split()) for d in item.fact.dates if d != item.fact.date]
        if others:
            when += " (also " + ", ".join(f"“{text}”" for text in others) + ")"
        date_cell = mdtext.cell(when)
        rows.append(f"| {date_cell} | {mdtext.cell(item.fact.text)} |")
    yield "\n".join(rows)


def _source_cell(meta: ArticleMeta) -> str:
    """Short: 'Outlet, 5 Jan 2021' (the Sources list has the full title), else the title, shortened."""
    if meta.source:
        label = meta.source + (f", {human_day(meta.published.isoformat())}" if meta.published else "")
    else:
        label = meta.title
        if len(label) > SOURCE_LIMIT:
            label = label[: SOURCE_LIMIT - 1].rstrip() + "…"
    # A pipe inside the URL is percent-encoded so the table stays intact.
    url = meta.url.replace("|", "%7C") if meta.url else None
    return mdtext.link(label, url)


def _highlights(briefing: Briefing, meta: ArticleMeta) -> Iterator[str]:
    notes = [a for a in briefing.annotations if not a.orphaned and a.article_id == meta.id]
    if not notes:
        return
    yield "### Highlights"
    for annotation in notes:
        yield _annotation_block(annotation)


def _orphans(briefing: Briefing) -> Iterator[str]:
    orphaned = [a for a in briefing.annotations if a.orphaned]
    if not orphaned:
        return
    yield "## Orphaned annotations"
    yield (
        "These passages are no longer in the current text of their article (it changed on re-import); "
        "they are kept as they were written."
    )
    for meta in briefing.articles:
        notes = [a for a in orphaned if a.article_id == meta.id]
        if notes:
            yield f"### {mdtext.inline(meta.title)}"
            for annotation in notes:
                yield _annotation_block(annotation)


def _annotation_block(annotation: Annotation) -> str:
    parts = [mdtext.blockquote(annotation.exact)]
    if annotation.note and annotation.note.strip():
        note = mdtext.user_markdown(annotation.note)
        parts.append(f"**Note:**\n\n{note}" if mdtext.starts_with_block(note) else f"**Note:** {note}")
    if annotation.correction:
        parts.append(f"**Correction:** {_correction_words(annotation.correction)}")
    return "\n\n".join(parts)


def _correction_words(correction: dict[str, str]) -> str:
    if "type" in correction:
        kind = correction["type"]
        label = CORRECTION_LABELS.get(kind, kind)
        return f"marked as {mdtext.inline(label)}"
    if "date" in correction:
        return f"this date means {mdtext.inline(correction['date'])}"
    return mdtext.inline(", ".join(f"{k}: {v}" for k, v in sorted(correction.items())))
