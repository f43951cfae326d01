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


# The documented keys of each JSON form come first, in the documented order (then, for claims and
# conflicts, the extra keys in the order they were first published); the record's other fields follow
# in their own order (`to_dict`).
POINT_KEYS = ("date", "value", "high", "qualifier", "article_id", "text")
SERIES_KEYS = ("subject", "unit", "points")
CLAIM_KEYS = ("value", "article_id", "source", "text", "high", "qualifier", "title")
CONFLICT_KEYS = ("subject", "date", "claims", "unit")


def _contract_first(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {**{key: data[key] for key in keys}, **data}


def point_to_json(point: SeriesPoint) -> dict[str, Any]:
    return _contract_first(point.to_dict(), POINT_KEYS)


def series_to_json(series: Series) -> dict[str, Any]:
    data = _contract_first(series.to_dict(), SERIES_KEYS)
    data["points"] = [point_to_json(p) for p in series.points]
    return data


def claim_to_json(claim: Claim) -> dict[str, Any]:
    return _contract_first(claim.to_dict(), CLAIM_KEYS)


def conflict_to_json(conflict: Conflict) -> dict[str, Any]:
    data = _contract_first(conflict.to_dict(), CONFLICT_KEYS)
    data["claims"] = [claim_to_json(c) for c in conflict.claims]
    return data


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
