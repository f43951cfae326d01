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

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from store.export import mdtext
from store.export.briefing import Briefing, KeyFigure, TimelineFact
from store.export.datefmt import describe_date, describe_fact_date, human_day, human_value, interval_words
from store.export.selection import describe
from store.export.storedfact import fact_form
from store.fastjson import unpack_all
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
BLOCKS_AT_ONCE = 64  # blocks (headings, tables, lists) given to the writer at a time


def build_markdown(briefing: Briefing) -> str:
    """The whole briefing as Markdown text, ending with one newline."""
    return "".join(markdown_chunks(briefing))


def markdown_chunks(briefing: Briefing) -> Iterator[str]:
    """The text of `build_markdown`, a few blocks at a time."""
    key = key_facts(briefing)
    groups = _Groups(briefing)
    blocks: Iterable[str] = chain(
        [f"# {mdtext.inline(briefing.title)}", _summary(briefing, key)],
        _key_facts(briefing, key),
        _series(briefing),
        _disagreements(briefing),
        _sources(briefing),
        _articles(briefing, groups),
        _orphans(briefing, groups),
    )
    parts: list[str] = []
    for block in blocks:
        if block:
            parts.append(block)
            if len(parts) >= BLOCKS_AT_ONCE:
                yield "\n\n".join(parts)
                parts = [""]  # the next block's separator
    yield "\n\n".join(parts) + "\n"


class _Groups:
    """The briefing's facts, figures and annotations by article (each list in the briefing's order)."""

    def __init__(self, briefing: Briefing) -> None:
        self.facts: dict[str, list[TimelineFact]] = defaultdict(list)
        self.figures: dict[str, list[KeyFigure]] = defaultdict(list)
        self.anchored: dict[str, list[Annotation]] = defaultdict(list)
        self.orphaned: dict[str, list[Annotation]] = defaultdict(list)
        for item in briefing.facts:
            self.facts[item.article_id].append(item)
        for figure in briefing.figures:
            self.figures[figure.article_id].append(figure)
        for annotation in briefing.annotations:
            group = self.orphaned if annotation.orphaned else self.anchored
            group[annotation.article_id].append(annotation)


def key_facts(briefing: Briefing) -> list[TimelineFact]:
    """Dated statements worth leading with: a precise date (not vague, see `store.timeline.is_vague`), at
    least one figure and one named actor; newest first, at most `briefing.key_facts`."""
    chosen = [item for item in briefing.facts if item.has_figures_and_names() and not is_vague(item.fact)]
    chosen.sort(key=lambda item: (item.interval[0] or "", item.interval[1] or ""), reverse=True)
    return chosen[: max(0, briefing.key_facts)]


def _summary(briefing: Briefing, key: list[TimelineFact]) -> str:
    start: str | None
    end: str | None
    if key:
        start = min(item.interval[0] or "" for item in key)
        end = max(item.interval[1] or "" for item in key)
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
        fact = item.fact
        line = f"- **{mdtext.inline(describe_fact_date(fact))}** — {mdtext.inline(fact.text)}"
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


def _articles(briefing: Briefing, groups: _Groups) -> Iterator[str]:
    """One section per article: its timeline, key figures and highlights."""
    for number, meta in enumerate(briefing.articles, 1):
        yield f"## {number}. {mdtext.inline(meta.title)}"
        if meta.tags:
            yield "Tags: " + ", ".join(mdtext.code(t) for t in meta.tags)
        yield from _timeline(groups.facts.get(meta.id, []))
        yield from _figures(groups.figures.get(meta.id, []))
        yield from _highlights(groups.anchored.get(meta.id, []))


def _figures(figures: list[KeyFigure]) -> Iterator[str]:
    """ "Key figures": each figure in bold, its unit when the figure does not say it, and its sentence."""
    if not figures:
        return
    yield "### Key figures"
    inline = mdtext.inline
    sentences: dict[str, str] = {}  # an article's figures often share a sentence: escaped once
    items = []
    # By position (KeyFigure's field order; 80,000 at 10,000 articles): one loop, no call per figure.
    for _, _, _, text, _, _, unit, _, sentence in figures:
        item = f"- **{inline(text)}**"
        if unit and unit.casefold() not in text.casefold():
            item += f" ({inline(unit)})"
        if sentence and sentence != text:
            escaped = sentences.get(sentence)
            if escaped is None:
                escaped = sentences[sentence] = inline(sentence)
            item += f": “{escaped}”"
        items.append(item)
    yield "\n".join(items)


def _timeline(facts: list[TimelineFact]) -> Iterator[str]:
    yield "### Timeline"
    if not facts:
        yield "No dated statements in this selection."
        return
    rows = ["| Date | Fact |", "| --- | --- |"]
    packed = [item.packed for item in facts]
    stored = iter(unpack_all([p for p in packed if p is not None]))  # the packed ones read at once
    for item, fact_packed in zip(facts, packed, strict=True):
        if fact_packed is None:
            data = item.data
            if data is not None and not fact_form(data):
                data = None
        else:
            data = next(stored)  # in fact_to_dict's form (TimelineFact.packed)
        if data is not None:  # read as the Fact it makes, without making it
            mention = data["date"]
            start, end = data["start_date"], data["end_date"]
            when = describe_date(data["value"], mention["mod"], mention["text"], start, end)
            others = [" ".join(d["text"].split()) for d in data["dates"] if d != mention]
            text = data["text"]
        else:
            fact = item.fact
            when = describe_fact_date(fact)
            others = [" ".join(d.text.split()) for d in fact.dates if d != fact.date]
            text = fact.text
        if others:
            when += " (also " + ", ".join(f"“{text}”" for text in others) + ")"
        date_cell = mdtext.cell(when)
        rows.append(f"| {date_cell} | {mdtext.cell(text)} |")
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


def _highlights(notes: list[Annotation]) -> Iterator[str]:
    if not notes:
        return
    yield "### Highlights"
    for annotation in notes:
        yield _annotation_block(annotation)


def _orphans(briefing: Briefing, groups: _Groups) -> Iterator[str]:
    if not groups.orphaned:
        return
    yield "## Orphaned annotations"
    yield (
        "These passages are no longer in the current text of their article (it changed on re-import); "
        "they are kept as they were written."
    )
    for meta in briefing.articles:
        notes = groups.orphaned.get(meta.id)
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
