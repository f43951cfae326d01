"""Rich renderings for the terminal commands: an analysed text with its highlights, and timeline tables.

Text is styled by span, never by markup; unsafe characters are replaced one for one (`store.safetext`). The
commands import this (and so Rich and the analysis engine) when they run, never to parse arguments.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from extract import Analysis
from extract.model import Fact
from store.safetext import one_line, sanitize
from store.wording import counted
from tui.theme import ENTITY_LABELS, ENTITY_ORDER, TERMINAL

# The app's colours and labels (tui.theme), in their variant for a terminal of unknown background.
PALETTE = TERMINAL
DATE_STYLE = PALETTE.date
FIGURE_STYLE = PALETTE.figure


def highlighted(text: str, analysis: Analysis) -> Text:
    """The article text with dates, entities and figures styled by span (never by markup)."""
    out = Text(sanitize(text))  # one for one: display offsets stay analysis offsets
    for entity in analysis.entities:
        out.stylize(PALETTE.entity_style(entity.type), entity.start, entity.end)
    for figure in analysis.figures:
        out.stylize(FIGURE_STYLE, figure.start, figure.end)
    for mention in analysis.dates:
        out.stylize(DATE_STYLE if mention.anchored else PALETTE.unanchored_date, mention.start, mention.end)
    return out


def _cell(value: str, limit: int | None = None) -> Text:
    clean = sanitize(value, keep_newlines=False)
    if limit is not None and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return Text(clean)


def _when(fact: Fact) -> Text:
    mention = fact.date
    cell = _cell(fact.value)
    if mention.mod:
        cell.append(f" {mention.mod}", style="italic")
    lo, hi = fact.start_date, fact.end_date
    if lo is None and hi is None:
        span = "unanchored" if not mention.anchored else ""
    elif lo == hi:
        span = ""
    else:
        span = f"{lo or '…'} → {hi or '…'}"
    if span:
        cell.append(f"\n{span}", style="dim")
    return cell


def _statement(fact: Fact, limit: int | None = 240) -> Text:
    """The sentence with its dates styled (cut at `limit` characters unless None), then its other dates,
    who and how many in dim lines."""
    text = fact.text
    cell = _cell(text)
    origin = fact.text_offset if fact.text_offset is not None else fact.sentence.start
    for mention in fact.dates or (fact.date,):
        begin = mention.start - origin
        if 0 <= begin < len(text):
            cell.stylize(DATE_STYLE, begin, begin + len(mention.text))
    if limit is not None and len(cell) > limit:
        cell.truncate(limit - 1)
        cell.append("…")
    others = [d for d in fact.dates if d != fact.date]
    if others:
        cell.append("\nalso " + one_line(", ".join(f"{d.value} ({d.text})" for d in others)), style="dim")
    who = [*fact.entities, *fact.figures]
    if who:
        cell.append("\n" + one_line(" · ".join(who)), style="dim")
    return cell


def facts_table(facts: list[Fact], articles: list[str] | None = None, *, limit: int | None = 240) -> Table:
    """A timeline table of facts; `articles` (titles) adds each fact's article as the cell's first line;
    `limit` cuts long sentences (None: never)."""
    table = Table(title="Timeline", expand=True, show_lines=True)
    table.add_column("when", no_wrap=True)
    table.add_column("statement", ratio=1, overflow="fold")
    for i, fact in enumerate(facts):
        statement = _statement(fact, limit)
        if articles is not None:
            statement = Text.assemble(
                Text(sanitize(articles[i], keep_newlines=False), "bold"), "\n", statement
            )
        table.add_row(_when(fact), statement)
    return table


def legend() -> Text:
    """The colour key: each entity type in its colour, then figures and dates (as in the app)."""
    out = Text()
    for kind in ENTITY_ORDER:
        out.append(ENTITY_LABELS[kind], PALETTE.entity_style(kind))
        out.append(" · ")
    out.append("figure", FIGURE_STYLE)
    out.append(" · ")
    out.append("date", DATE_STYLE)
    out.append(" · ")
    out.append("unanchored date", PALETTE.unanchored_date)
    return out


def analysis_counts(analysis: Analysis) -> str:
    """'12 sentences · 1 entity · 3 figures · 4 dates · 2 facts'."""
    return " · ".join(
        (
            counted(len(analysis.sentences), "sentence"),
            counted(len(analysis.entities), "entity", "entities"),
            counted(len(analysis.figures), "figure"),
            counted(len(analysis.dates), "date"),
            counted(len(analysis.facts), "fact"),
        )
    )


def render(console: Console, path: str, text: str, analysis: Analysis) -> None:
    unanchored = "not given: relative dates stay unanchored"
    published = analysis.published.isoformat() if analysis.published else unanchored
    header = Text(path, style="bold")
    header.append(f"  published {published}", style="dim")
    console.rule(header)
    console.print(highlighted(text, analysis))
    console.print(legend())
    console.print(facts_table(list(analysis.facts)))
    counts = analysis_counts(analysis)
    console.print(Text(counts, style="dim"))
