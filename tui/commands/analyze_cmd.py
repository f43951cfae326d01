"""`briefing analyze FILE... [--date YYYY-MM-DD] [--json]`: analyse text files without a library.

The whole decoded content of each file (UTF-8, newlines as they are) is the analysed text. `--json`
prints the DESIGN.md contract (one object; several files give JSON Lines, each with its "path") and
nothing else on stdout; without it a Rich rendering shows the highlighted text and the timeline.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from extract import Analysis, analyze
from extract.model import fact_to_dict
from store.ingest import MAX_FILE_BYTES
from tui.commands._help import ExamplesHelpFormatter
from tui.commands._jsonout import safe_json

# Control characters are replaced one for one by spaces, so display offsets stay analysis offsets.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
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


class InputError(Exception):
    """A file that cannot be analysed; the message is for the user."""


def parse_date(value: str) -> date:
    """argparse type for --date: an ISO calendar date."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a calendar date in YYYY-MM-DD form: {value!r}") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse text files: entities, figures, dates and the timeline (no library needed)",
        description="Analyse FILE(s) as plain UTF-8 text. Relative dates are anchored to --date; "
        "without it they stay unanchored (e.g. XXXX-12).",
        epilog="examples:\n"
        "  briefing analyze article.txt --date 2021-01-05\n"
        "  briefing analyze article.txt --date 2021-01-05 --json\n"
        "  briefing analyze *.txt --json > analyses.jsonl   one JSON object per line, with its path",
        formatter_class=ExamplesHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file(s) to analyse")
    parser.add_argument(
        "--date", type=parse_date, metavar="YYYY-MM-DD", help="publication date to anchor relative dates to"
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON (JSON Lines with a 'path' key for several files)"
    )
    parser.set_defaults(func=run)


def read_text(path: Path) -> str:
    """The decoded content of `path`, or InputError saying why it cannot be read as text."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)  # never more: a huge file would take minutes and gigabytes
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path}: is larger than 10 MB; articles are limited to 10 MB")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (bad byte at offset {exc.start})") from None


def analysis_json(path: str, analysis: Analysis) -> dict[str, Any]:
    data = analysis.to_dict()
    return {"path": path, **data}


def highlighted(text: str, analysis: Analysis) -> Text:
    """The article text with dates, entities and figures styled by span (never by markup)."""
    out = Text(_CONTROL.sub(" ", text))
    for entity in analysis.entities:
        out.stylize(_ENTITY_STYLES.get(entity.type, "bold"), entity.start, entity.end)
    for figure in analysis.figures:
        out.stylize(FIGURE_STYLE, figure.start, figure.end)
    for mention in analysis.dates:
        out.stylize(DATE_STYLE if mention.anchored else "cyan", mention.start, mention.end)
    return out


def _cell(value: str, limit: int | None = None) -> Text:
    clean = _CONTROL.sub(" ", value).replace("\n", " ")
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
    begin = int(mention.get("start", 0)) - int(sentence.get("start", 0))
    if 0 <= begin < len(text):
        cell.stylize(DATE_STYLE, begin, begin + len(str(mention.get("text", ""))))
    if len(cell) > limit:
        cell.truncate(limit - 1)
        cell.append("…")
    who = [*fact.get("entities", ()), *fact.get("figures", ())]
    if who:
        cell.append("\n" + _CONTROL.sub(" ", " · ".join(who)), style="dim")
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


def run(args: argparse.Namespace) -> int:
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    console = Console(highlight=False)
    several = len(args.files) > 1
    status = 0
    for name in args.files:
        try:
            text = read_text(Path(name))
        except InputError as exc:
            print(f"briefing: error: {_CONTROL.sub('?', str(exc))}", file=sys.stderr)
            status = 1
            continue
        analysis = analyze(text, args.date)
        if args.json:
            data = analysis_json(name, analysis)
            if several:
                sys.stdout.write(safe_json(data, indent=None) + "\n")
            else:
                sys.stdout.write(safe_json(data) + "\n")
            sys.stdout.flush()
        else:
            render(console, name, text, analysis)
    return status
