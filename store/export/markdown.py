"""The Markdown briefing: a document that reads well as plain text and renders well on GitHub.

Sections: title and period, sources with links, key figures, a timeline table (date, fact, source), each
article's highlights as blockquotes with their notes and corrections, and orphaned annotations (quotes no
longer found in the article text) in a section of their own. A pure function of the Briefing.
"""

from __future__ import annotations

from collections.abc import Iterator

from store.export import mdtext
from store.export.briefing import Briefing, KeyFigure
from store.export.datefmt import describe_fact_date, human_day, interval_words
from store.export.selection import describe
from store.records import Annotation, ArticleMeta

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
    blocks: list[str] = [f"# {mdtext.inline(briefing.title)}", _summary(briefing)]
    blocks += list(_sources(briefing))
    blocks += list(_figures(briefing))
    blocks += list(_timeline(briefing))
    blocks += list(_highlights(briefing))
    blocks += list(_orphans(briefing))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _summary(briefing: Briefing) -> str:
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


def _figures(briefing: Briefing) -> Iterator[str]:
    if not briefing.figures:
        return
    yield "## Key figures"
    several = len(briefing.articles) > 1
    yield "\n".join(_figure_item(briefing, f, several) for f in briefing.figures)


def _figure_item(briefing: Briefing, figure: KeyFigure, several: bool) -> str:
    item = f"- **{mdtext.inline(figure.text)}**"
    if figure.unit and figure.unit.casefold() not in figure.text.casefold():
        item += f" ({mdtext.inline(figure.unit)})"
    if figure.sentence and figure.sentence != figure.text:
        item += f": “{mdtext.inline(figure.sentence)}”"
    if several:
        item += f" — {mdtext.inline(briefing.article(figure.article_id).title)}"
    return item


def _timeline(briefing: Briefing) -> Iterator[str]:
    yield "## Timeline"
    if not briefing.facts:
        yield "No dated statements in this selection."
        return
    rows = ["| Date | Fact | Source |", "| --- | --- | --- |"]
    for item in briefing.facts:
        meta = briefing.article(item.article_id)
        date_cell = mdtext.cell(describe_fact_date(item.fact))
        fact_cell = mdtext.cell(item.fact.text)
        rows.append(f"| {date_cell} | {fact_cell} | {_source_cell(meta)} |")
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


def _highlights(briefing: Briefing) -> Iterator[str]:
    yield "## Highlights"
    anchored = [a for a in briefing.annotations if not a.orphaned]
    if not anchored:
        yield "No highlights or notes in this selection."
        return
    for meta in briefing.articles:
        notes = [a for a in anchored if a.article_id == meta.id]
        if not notes:
            continue
        yield f"### {mdtext.inline(meta.title)}"
        if meta.tags:
            yield "Tags: " + ", ".join(mdtext.code(t) for t in meta.tags)
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
