"""The TimelineJS export: Knight Lab TimelineJS 3 JSON, loadable as-is by `new TL.Timeline(id, data)`.

Format (TimelineJS 3 json-format documentation and its TimelineConfig/TLDate sources):
- `events` (required, non-empty): slides with `start_date` (required: a date object with an integer `year`;
  `month` 1-12, `day`, `hour`, `minute` optional integers), optional `end_date`, `text` {headline, text}
  (HTML), `group` (events of a group share a row), `display_date`, `unique_id`.
- `title`: a slide without dates.
Each dated fact becomes one event in the precision its value has ("2020-11" -> year and month; a week or a
quarter -> first and last day). Facts with no known start (unanchored values such as XXXX-12, PAST_REF)
cannot be placed and are left out, and the title slide says how many; open-ended facts (FUTURE_REF) start at
their known day with no end. Every text field (headline, text, group, display_date, the title slide) is
HTML-escaped (`&`, `<`, `>`), because TimelineJS inserts them as HTML, `group` and `display_date` included.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from store.export.briefing import Briefing, TimelineFact
from store.export.datefmt import DAY, MONTH, YEAR, describe_fact_date
from store.export.errors import ExportError
from store.jsonout import indented
from store.safetext import clean_line, html_text

if TYPE_CHECKING:
    from extract.model import Fact

HEADLINE_LIMIT = 80


def build_timelinejs(briefing: Briefing) -> str:
    """The briefing's dated facts as TimelineJS JSON, ending with one newline.

    Raises ExportError when no fact can be placed on a timeline (TimelineJS rejects an empty `events`).
    """
    events: list[dict[str, Any]] = []
    used: set[str] = set()
    skipped = 0
    for item in briefing.facts:
        event = _event(briefing, item, used)
        if event is None:
            skipped += 1
        else:
            events.append(event)
    if not events:
        raise ExportError("nothing to put on a timeline: no dated facts in this selection")
    # TimelineJS places slides by start date; list them in that order too (a stable sort keeps the
    # briefing's order among equal starts, e.g. "the coming days" after the dated facts of that day).
    events.sort(
        key=lambda e: tuple(e["start_date"].get(k, 0) for k in ("year", "month", "day", "hour", "minute"))
    )
    document = {"title": _title(briefing, skipped), "events": events, "scale": "human"}
    return indented(document) + "\n"


def date_object(iso: str, precision: str = "day") -> dict[str, int]:
    """A TimelineJS date object from an ISO date/datetime, down to `precision` (year, month, day, minute)."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?", iso)
    if not m:
        raise ValueError(f"not an ISO date: {iso!r}")
    parts = {"year": int(m[1])}
    if precision in ("month", "day", "minute"):
        parts["month"] = int(m[2])
    if precision in ("day", "minute"):
        parts["day"] = int(m[3])
    if precision == "minute" and m[4]:
        parts["hour"] = int(m[4])
        parts["minute"] = int(m[5])
    return parts


def _dates(fact: Fact) -> tuple[dict[str, int], dict[str, int] | None] | None:
    """(start_date, end_date) objects for a fact, or None when it has no known start."""
    start, end = fact.start_date, fact.end_date
    value = fact.value
    if not start:
        return None
    if m := DAY.match(value):
        return date_object(value, "minute" if m[4] else "day"), None
    if MONTH.match(value):
        return date_object(start, "month"), None
    if YEAR.match(value):
        return date_object(start, "year"), None
    end_object = date_object(end, "day") if end and end != start else None
    return date_object(start, "day"), end_object


def _event(briefing: Briefing, item: TimelineFact, used: set[str]) -> dict[str, Any] | None:
    fact = item.fact
    dates = _dates(fact)
    if dates is None:
        return None
    start_date, end_date = dates
    meta = briefing.article(item.article_id)
    event: dict[str, Any] = {"start_date": start_date}
    if end_date is not None:
        event["end_date"] = end_date
    headline = html.escape(_headline(fact), quote=False)  # _headline is plain text: escape once
    event["text"] = {"headline": headline, "text": _body(fact, meta.title, meta.url)}
    event["group"] = html_text(meta.title)
    value = fact.value
    if fact.date.mod or not (DAY.match(value) or MONTH.match(value) or YEAR.match(value)):
        # TimelineJS formats plain days, months and years itself; for the rest it would show bare day
        # numbers, so say "mid-Nov 2020", "week 2 of 2020" or "after 5 Jan 2021" instead.
        event["display_date"] = html_text(describe_fact_date(fact))
    event["unique_id"] = _unique_id(item, used)
    return event


def _headline(fact: Fact) -> str:
    """Short: the figures the statement gives, else the entities it names, else its date expression."""
    figures = list(fact.figures)
    entities = list(fact.entities)
    date_text = fact.date.text
    words = ", ".join(figures) or ", ".join(entities[:3]) or date_text or "Statement"
    words = clean_line(words)
    if len(words) > HEADLINE_LIMIT:
        words = words[: HEADLINE_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return words[:1].upper() + words[1:]


def _body(fact: Fact, title: str, url: str | None) -> str:
    sentence = html_text(fact.text)
    source = html_text(title)
    if url and re.match(r"^https?://", url, re.IGNORECASE):
        source = f'<a href="{html.escape(clean_line(url), quote=True)}">{source}</a>'
    return f"<p>{sentence}</p><p><em>Source:</em> {source}</p>"


def _title(briefing: Briefing, skipped: int) -> dict[str, Any]:
    count = len(briefing.articles)
    lines = [f"{count} article{'s' if count != 1 else ''}"]
    if skipped:
        noun = "statement" if skipped == 1 else "statements"
        lines.append(f"{skipped} {noun} without a known start date left out")
    text = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines)
    return {"text": {"headline": html_text(briefing.title), "text": text}}


def _unique_id(item: TimelineFact, used: set[str]) -> str:
    """A slug (lower-case letters, digits, hyphens), stable across runs and unique in the document."""
    offset = item.fact.date.start
    base = re.sub(r"[^a-z0-9]+", "-", f"{item.article_id[:12]}-{offset}".lower()).strip("-") or "fact"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug
