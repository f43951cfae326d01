"""Rich renderings for the terminal commands: an analysed text with its highlights, and timeline tables.

Text is styled by span, never by markup; control characters are replaced one for one by spaces. The
commands import this (and so Rich and the analysis engine) when they run, never to parse arguments.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from extract import Analysis
from extract.model import fact_to_dict

# Control characters are replaced one for one by spaces, so display offsets stay analysis offsets.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ENTITY_STYLES = {
    "PERSON": "bold magenta",
    "ORG": "bold blue",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "magenta",
    "EVENT": "bold red",
    "OTHER": "italic",
}
DATE_STYLE = "bold cyan underline"
FIGURE_STYLE = "bold yellow"


def highlighted(text: str, analysis: Analysis) -> Text:
    """The article text with dates, entities and figures styled by span (never by markup)."""
    out = Text(CONTROL.sub(" ", text))
    for entity in analysis.entities:
        out.stylize(_ENTITY_STYLES.get(entity.type, "bold"), entity.start, entity.end)
    for figure in analysis.figures:
        out.stylize(FIGURE_STYLE, figure.start, figure.end)
    for mention in analysis.dates:
        out.stylize(DATE_STYLE if mention.anchored else "cyan", mention.start, mention.end)
    return out


def _cell(value: str, limit: int | None = None) -> Text:
    clean = CONTROL.sub(" ", value).replace("\n", " ")
    if limit is not None and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return Text(clean)


def _when(fact: dict[str, Any]) -> Text:
    mention = fact.get("date") or {}
    cell = _cell(str(fact.get("value", "")))
    if mention.get("mod"):
        cell.append(f" {mention['mod']}", style="italic")
    lo, hi = fact.get("start_date"), fact.get("end_date")
    if lo is None and hi is None:
        span = "unanchored" if mention.get("anchored") is False else ""
    elif lo == hi:
        span = ""
    else:
        span = f"{lo or '…'} → {hi or '…'}"
    if span:
        cell.append(f"\n{span}", style="dim")
    return cell


def _statement(fact: dict[str, Any], limit: int = 240) -> Text:
    """The sentence with its date mention styled, then who and how many in a dim line."""
    sentence = fact.get("sentence") or {}
    mention = fact.get("date") or {}
    text = str(fact.get("text", ""))
    cell = _cell(text)
    begin = int(mention.get("start", 0)) - int(fact.get("text_offset", sentence.get("start", 0)))
    if 0 <= begin < len(text):
        cell.stylize(DATE_STYLE, begin, begin + len(str(mention.get("text", ""))))
    if len(cell) > limit:
        cell.truncate(limit - 1)
        cell.append("…")
    who = [*fact.get("entities", ()), *fact.get("figures", ())]
    if who:
        cell.append("\n" + CONTROL.sub(" ", " · ".join(who)), style="dim")
    return cell


def facts_table(facts: list[dict[str, Any]], articles: list[str] | None = None) -> Table:
    """A timeline table of facts in `fact_to_dict` form; `articles` adds an article column."""
    table = Table(title="Timeline", expand=True, show_lines=True)
    table.add_column("when", no_wrap=True)
    table.add_column("statement", ratio=1, overflow="fold")
    if articles is not None:
        table.add_column("article", no_wrap=True, style="dim")
    for i, fact in enumerate(facts):
        row = [_when(fact), _statement(fact)]
        if articles is not None:
            row.append(_cell(articles[i]))
        table.add_row(*row)
    return table


def render(console: Console, path: str, text: str, analysis: Analysis) -> None:
    unanchored = "not given: relative dates stay unanchored"
    published = analysis.published.isoformat() if analysis.published else unanchored
    header = Text(path, style="bold")
    header.append(f"  published {published}", style="dim")
    console.rule(header)
    console.print(highlighted(text, analysis))
    legend = Text("dates ", style=DATE_STYLE)
    legend.append("· entities ", style=_ENTITY_STYLES["PERSON"])
    legend.append("· figures", style=FIGURE_STYLE)
    console.print(legend)
    console.print(facts_table([fact_to_dict(f) for f in analysis.facts]))
    counts = (
        f"{len(analysis.sentences)} sentences · {len(analysis.entities)} entities · "
        f"{len(analysis.figures)} figures · {len(analysis.dates)} dates · {len(analysis.facts)} facts"
    )
    console.print(Text(counts, style="dim"))
