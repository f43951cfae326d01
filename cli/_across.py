"""Shared by `briefing entity`, `entities`, `series` and `conflicts`: the JSON forms of their records
(the documented contracts, extra keys after them) and their output as Rich tables on a terminal or plain,
uncut lines when piped."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cli._library import ID_CHARS, stdout_console
from store.safetext import terminal_text

if TYPE_CHECKING:
    from extract.across.model import Claim, Conflict, Series, SeriesPoint


def number(value: float | None, high: float | None = None) -> str:
    """12000 -> "12,000"; 0.5 -> "0.5"; a range "3,000–4,000"."""
    if value is None:
        return "?"
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if high is None else f"{text}–{number(high)}"


def point_to_json(point: SeriesPoint) -> dict[str, Any]:
    return {
        "date": point.date,
        "value": point.value,
        "high": point.high,
        "qualifier": point.qualifier,
        "article_id": point.article_id,
        "text": point.text,
        "source": point.source,
        "title": point.title,
        "start": point.start,
        "end": point.end,
        "sentence": point.sentence,
    }


def series_to_json(series: Series) -> dict[str, Any]:
    return {
        "subject": series.subject,
        "unit": series.unit,
        "points": [point_to_json(p) for p in series.points],
        "key": series.key,
        "undated": series.undated,
    }


def claim_to_json(claim: Claim) -> dict[str, Any]:
    return {
        "value": claim.value,
        "article_id": claim.article_id,
        "source": claim.source,
        "text": claim.text,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "title": claim.title,
        "start": claim.start,
        "end": claim.end,
    }


def conflict_to_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "subject": conflict.subject,
        "date": conflict.date,
        "claims": [claim_to_json(c) for c in conflict.claims],
        "unit": conflict.unit,
        "series_key": conflict.series_key,
    }


def print_rows(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A Rich table on a terminal; piped, one tab-separated line per row, nothing cut. Cells are article
    text: made terminal-safe here and never read as markup."""
    safe = [[terminal_text(cell) for cell in row] for row in rows]
    if not sys.stdout.isatty():
        print(f"# {terminal_text(title)}")
        for row in safe:
            print("\t".join(row))
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(terminal_text(title)), expand=True)
    for n, name in enumerate(columns):
        table.add_column(name, overflow="fold", ratio=1 if n == len(columns) - 1 else None)
    for row in safe:
        table.add_row(*(Text(cell) for cell in row))
    stdout_console().print(table)


def source_of(article_id: str, source: str | None) -> str:
    return f"{source or '(no source)'} [{article_id[:ID_CHARS]}]"
