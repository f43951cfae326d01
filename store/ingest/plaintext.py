"""What a plain-text or Markdown article says about itself without front matter.

- A publication date in a byline or dateline near the top ("By Jane Roe | 14 May 2024", "Published May
  14, 2024", "2024-05-14", "BAGHDAD, 14 May 2024 —") becomes `published`, and a note says so.
- Hard-wrapped plain text (lines broken at a fixed width, paragraphs separated by blank lines) is
  reflowed, one line per paragraph; only when the file clearly is hard-wrapped, and never Markdown.

Dates are recognised by the analyser's own date grammar (`extract.timex`), so every form it reads works.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from store.ingest.reader import ParsedArticle

TOP_LINES = 8  # non-blank lines looked at for a byline or dateline
BYLINE_CHARS = 120  # a line longer than this is text, not a byline (unless it opens with a dateline)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATELINE_END = re.compile(r"^\s*(?:[—–-]{1,2}|:|\))")
_BYLINE_WORD = re.compile(r"^(?:by|published|posted|updated|dated?|filed|written)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last edited)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|#|>|\|)")
_WRAP_MIN, _WRAP_MAX = 50, 100  # the widths a hard-wrapping editor uses


def byline_date(body: str) -> tuple[date, str] | None:
    """The publication date in a byline or dateline near the top, and the line it came from.

    Looked at: the short lines between the title and the article's first paragraph of text (a byline:
    "By Jane Roe | 14 May 2024", "Published May 14, 2024", "2024-05-14"), and the opening of that first
    paragraph (a dateline: "PORT VEYRA, 14 May 2024 — ..."). Dates further into the text are events, not
    the publication date. An "Updated ..." date is used only when there is no other."""
    from extract.timex import find_dates

    lines = [line.strip() for line in body.splitlines() if line.strip()][1 : TOP_LINES + 1]  # after the title
    candidates: list[tuple[int, date, str]] = []
    for n, line in enumerate(lines):
        long = len(line) > BYLINE_CHARS
        for mention in find_dates(line[:BYLINE_CHARS], []):
            if mention.type != "DATE" or not _DAY.match(mention.value) or not mention.anchored:
                continue
            if long:
                usable = mention.start <= 40 and _DATELINE_END.match(line[mention.end :]) is not None
            else:
                usable = _looks_like_byline(line, mention.end - mention.start)
            if not usable:
                continue
            try:
                day = date.fromisoformat(mention.value)
            except ValueError:
                continue
            rank = n + (TOP_LINES if _UPDATED.search(line[: mention.start]) else 0)
            candidates.append((rank, day, line))
            break
        if long:
            break  # the article's text has begun
    if not candidates:
        return None
    _, day, line = min(candidates, key=lambda c: c[0])
    return day, line


def _looks_like_byline(line: str, date_chars: int) -> bool:
    """A short line that is a byline, not a sentence: a byline word, a separator, mostly the date, or no
    sentence ending."""
    return bool(
        _BYLINE_WORD.match(line)
        or any(sep in line for sep in ("|", "·", "•"))
        or date_chars >= 0.4 * len(line)
        or not line.rstrip().endswith((".", "!", "?", '"', "”"))
    )


def _paragraphs(body: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in body.split("\n"):
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def is_hard_wrapped(body: str) -> bool:
    """True when the text's paragraphs are broken into lines of nearly equal width (an editor's wrap)."""
    inner: list[int] = []  # lengths of the lines that are not the last of their paragraph
    for paragraph in _paragraphs(body):
        if len(paragraph) < 2 or any(_LIST_ITEM.match(line) for line in paragraph):
            continue
        inner.extend(len(line.rstrip()) for line in paragraph[:-1])
    if len(inner) < 4:
        return False
    width = max(inner)
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return False
    near = sum(1 for n in inner if n >= width - 20)
    return near >= 0.8 * len(inner)


def reflow(body: str) -> str:
    """Each paragraph on one line (list items, quotes and indented blocks kept as they are)."""
    out: list[str] = []
    for paragraph in _paragraphs(body):
        if len(paragraph) < 2 or any(
            _LIST_ITEM.match(line) or line.startswith(("    ", "\t")) for line in paragraph
        ):
            out.append("\n".join(paragraph))
            continue
        joined = paragraph[0].rstrip()
        for line in paragraph[1:]:
            piece = line.strip()
            if joined.endswith("-") and joined[-2:-1].isalpha():
                joined += piece  # "well-" + "known": the hyphen stays
            else:
                joined += " " + piece
        out.append(joined)
    return "\n\n".join(out) + "\n"


def refine(parsed: ParsedArticle) -> ParsedArticle:
    """Apply the byline date and the reflow to a freshly read file."""
    changes: dict[str, object] = {}
    notes = list(parsed.notes)
    if parsed.path.lower().endswith(".txt") and is_hard_wrapped(parsed.body.replace("\r\n", "\n")):
        body = reflow(parsed.body.replace("\r\n", "\n"))
        changes["body"] = body
        notes.append(f"hard-wrapped lines joined into {len(_paragraphs(body))} paragraphs")
    if parsed.published is None:
        found = byline_date(str(changes.get("body", parsed.body)))
        if found is not None:
            day, line = found
            changes["published"] = day
            shown = line if len(line) <= 60 else line[:59] + "…"
            notes.append(f"published {day.isoformat()}, from the line {shown!r}")
    if not changes:
        return parsed
    return dataclasses.replace(parsed, notes=tuple(notes), **changes)  # type: ignore[arg-type]
