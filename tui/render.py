"""Pure rendering helpers: untrusted text and analysis records in, `rich.text.Text` out.

Everything the widgets draw is built here with explicit spans and styles, never from markup strings, so a
title such as `[bold red]` or `[@click=app.quit]` stays literal text. `sanitize` replaces control
characters one-for-one (offsets into the text stay valid). No I/O, no widgets, no global mutable state.
"""

from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, cast

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.style import Style
from rich.text import Text

from store.records import Annotation, ArticleMeta

if TYPE_CHECKING:  # the app does not import the analysis engine just to draw (startup time)
    from extract.model import Analysis, DateMention, Entity, Figure

Layer = Literal["entity", "figure", "date"]
LAYERS: tuple[Layer, ...] = ("entity", "figure", "date")
LAYER_NAMES: dict[Layer, str] = {"entity": "names", "figure": "figures", "date": "dates"}

# One style per entity type, one for figures, one for dates (and its unanchored variant).
ENTITY_STYLES: dict[str, Style] = {
    "PERSON": Style(color="#ffcb6b", bold=True),
    "ORG": Style(color="#82aaff", bold=True),
    "GPE": Style(color="#c3e88d", bold=True),
    "LOC": Style(color="#89ddff", bold=True),
    "NORP": Style(color="#f78c6c", bold=True),
    "EVENT": Style(color="#c792ea", bold=True),
    "OTHER": Style(color="#b0bec5", bold=True),
}
ENTITY_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country/city",
    "LOC": "place",
    "NORP": "group/nationality",
    "EVENT": "event",
    "OTHER": "other name",
}
FIGURE_STYLE = Style(color="#1b1b1b", bgcolor="#e5c07b", bold=True)
DATE_STYLE = Style(color="#e0f0ff", bgcolor="#2a4d7a", underline=True)
UNANCHORED_DATE_STYLE = Style(color="#9aa7b8", bgcolor="#3a3a3a", italic=True, underline=True, dim=True)
CURRENT_HIGHLIGHT_STYLE = Style(reverse=True)
MARKED_SENTENCE_STYLE = Style(bgcolor="#4a3b12")
TITLE_STYLE = Style(bold=True)
META_STYLE = Style(color="#9e9e9e", italic=True)
NOTICE_STYLE = Style(color="#ffb74d", italic=True)
ERROR_STYLE = Style(color="#ff6e6e", bold=True)

# The user's own highlights: `h` cycles through these background colours (names are stored).
ANNOTATION_COLORS: dict[str, Style] = {
    "yellow": Style(bgcolor="#5a4a00"),
    "green": Style(bgcolor="#1f4d2b"),
    "blue": Style(bgcolor="#1d3f66"),
    "pink": Style(bgcolor="#5e2347"),
}
COLOR_NAMES: tuple[str, ...] = tuple(ANNOTATION_COLORS)
NOTE_SPAN_STYLE = Style(underline=True)
NOTE_STYLE = Style(color="#b39ddb", italic=True, dim=True)
NOTE_MARK = "✎"
CORRECTION_LABELS: dict[str, str] = {"NONE": "not a name"}

_CONTROL_PICTURE = "\N{SYMBOL FOR SUBSTITUTE FORM TWO}"  # one cell wide


def _translation(keep_newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    unsafe = [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]
    unsafe += [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # bidi controls
    for code in unsafe:
        table[code] = _CONTROL_PICTURE
    for ch in "\t\r\f\v\u2028\u2029":
        table[ord(ch)] = " "
    table[ord("\n")] = "\n" if keep_newlines else " "
    return table


_KEEP_NEWLINES = _translation(True)
_ONE_LINE = _translation(False)


def sanitize(text: str, *, keep_newlines: bool = True) -> str:
    """Replace control characters one-for-one so offsets into `text` stay valid.

    Tabs become spaces; ESC, other C0/C1 controls, DEL, bidi overrides and lone surrogates become a
    visible substitute glyph (so an ANSI escape shows as text instead of reaching the terminal).
    Newlines are kept unless `keep_newlines` is False (then they become spaces: one-line fields).
    """
    if text.isprintable():
        return text
    return text.translate(_KEEP_NEWLINES if keep_newlines else _ONE_LINE)


def one_line(text: str | None) -> str:
    """A safe single-line version of a metadata field."""
    return sanitize(text or "", keep_newlines=False).strip()


# --------------------------------------------------------------------------------------------------------
# Highlights


@dataclass(frozen=True, slots=True)
class Highlight:
    """A styled span of the article body and the analysis record behind it."""

    start: int
    end: int
    layer: Layer
    style: Style
    item: Entity | Figure | DateMention


def highlight_style(layer: Layer, item: Entity | Figure | DateMention) -> Style:
    if layer == "entity":
        return ENTITY_STYLES.get(cast("Entity", item).type, ENTITY_STYLES["OTHER"])
    if layer == "figure":
        return FIGURE_STYLE
    return DATE_STYLE if cast("DateMention", item).anchored else UNANCHORED_DATE_STYLE


def build_highlights(analysis: Analysis | None, layers: Iterable[Layer] = LAYERS) -> list[Highlight]:
    """The highlights of the enabled layers, sorted, without overlaps (dates win, then names, figures)."""
    if analysis is None:
        return []
    enabled = set(layers)
    candidates: list[Highlight] = []
    groups: tuple[tuple[Layer, Sequence[Entity | Figure | DateMention]], ...] = (
        ("date", analysis.dates),
        ("entity", analysis.entities),
        ("figure", analysis.figures),
    )
    for layer, items in groups:
        if layer in enabled:
            candidates.extend(
                Highlight(it.start, it.end, layer, highlight_style(layer, it), it)
                for it in items
                if it.end > it.start
            )
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    for h in candidates:
        i = bisect_left(taken, (h.start, h.end))
        left_ok = i == 0 or taken[i - 1][1] <= h.start
        right_ok = i == len(taken) or taken[i][0] >= h.end
        if left_ok and right_ok:
            taken.insert(i, (h.start, h.end))
    keep = set(taken)
    out: list[Highlight] = []
    for h in candidates:
        if (h.start, h.end) in keep:
            keep.discard((h.start, h.end))
            out.append(h)
    out.sort(key=lambda h: h.start)
    return out


def _format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def highlight_details(h: Highlight) -> Text:
    """One line describing a highlight: type and canonical name, figure value/unit/qualifier, date value."""
    out = Text()
    if h.layer == "entity":
        item = cast("Entity", h.item)
        out.append(ENTITY_LABELS.get(item.type, item.type.lower()) + f" ({item.type})", h.style)
        out.append("  ")
        out.append(one_line(item.canonical), TITLE_STYLE)
        if item.text != item.canonical:
            out.append(f"  written “{one_line(item.text)}”", META_STYLE)
    elif h.layer == "figure":
        item = cast("Figure", h.item)
        out.append(f"figure ({item.kind})", FIGURE_STYLE)
        out.append("  ")
        if item.value is None:
            out.append("vague amount, no definite value", META_STYLE)
        else:
            out.append("value ", META_STYLE)
            out.append(_format_number(item.value), TITLE_STYLE)
        if item.unit:
            out.append("  unit ", META_STYLE)
            out.append(one_line(item.unit))
        if item.qualifier:
            out.append("  qualifier ", META_STYLE)
            out.append(one_line(item.qualifier))
    else:
        item = cast("DateMention", h.item)
        out.append(f"date ({item.type.lower()})", h.style)
        out.append("  value ", META_STYLE)
        out.append(one_line(item.value), TITLE_STYLE)
        if item.mod:
            out.append(f"  mod {one_line(item.mod)}", META_STYLE)
        if not item.anchored:
            out.append("  unanchored: no publication date to resolve it", NOTICE_STYLE)
    return out


SHORT_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "country",
    "LOC": "place",
    "NORP": "group",
    "EVENT": "event",
}


def legend(enabled: Iterable[Layer], *, compact: bool = False) -> Text:
    """The colour key, with each layer's toggle key and whether it is on (compact: fits 80 columns)."""
    on = set(enabled)
    out = Text(no_wrap=True, overflow="ellipsis", end="")
    gap = " " if compact else "  "

    def switch(key: str, layer: Layer) -> None:
        mark = "●" if layer in on else "○"
        label = "" if compact else LAYER_NAMES[layer]
        out.append(f"{key}{mark}{label}", Style(dim=layer not in on, bold=layer in on))
        out.append(" ")

    switch("1", "entity")
    for etype in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"):
        label = SHORT_LABELS[etype] if compact else ENTITY_LABELS[etype]
        out.append(label, ENTITY_STYLES[etype] if "entity" in on else Style(dim=True))
        out.append(" ")
    out.append(gap[1:])
    switch("2", "figure")
    out.append("figure" if compact else "42", FIGURE_STYLE if "figure" in on else Style(dim=True))
    out.append(gap)
    switch("3", "date")
    out.append("date", DATE_STYLE if "date" in on else Style(dim=True))
    out.append(" ")
    out.append("unanchored", UNANCHORED_DATE_STYLE if "date" in on else Style(dim=True))
    return out


# --------------------------------------------------------------------------------------------------------
# Reader text: wrapping by terminal cells and styled lines


def wrap_offsets(text: str, width: int, *, paragraph_gap: bool = False) -> list[tuple[int, int]]:
    """Split `text` into display lines of at most `width` cells, as (start, end) offsets into `text`.

    Breaks at newlines and at spaces; words wider than the line are folded by cells (wide CJK characters
    and emoji count as two). The space at a break stays at the end of its line. With `paragraph_gap`,
    paragraphs separated by a single newline get an empty display line between them (an empty range at
    the newline), so text without blank lines still reads as paragraphs.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        para_end = length if nl == -1 else nl
        _wrap_paragraph(text, pos, para_end, width, lines)
        if nl == -1:
            break
        if paragraph_gap and para_end > pos and nl + 1 < length and text[nl + 1] != "\n":
            lines.append((nl, nl))
        pos = nl + 1
    return lines


def _wrap_paragraph(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    if start == end:
        lines.append((start, end))
        return
    if end - start <= width and cell_len(text[start:end]) <= width:
        lines.append((start, end))
        return
    line_start = start
    used = 0
    i = start
    while i < end:
        # next word: non-spaces followed by spaces
        j = i
        while j < end and text[j] != " ":
            j += 1
        k = j
        while k < end and text[k] == " ":
            k += 1
        word_cells = cell_len(text[i:j])
        if used and used + word_cells > width:
            lines.append((line_start, i))
            line_start, used = i, 0
        if word_cells > width:  # fold a long word by cells
            for p in range(i, j):
                w = get_character_cell_size(text[p])
                if used + w > width and used:
                    lines.append((line_start, p))
                    line_start, used = p, 0
                used += w
        else:
            used += word_cells
        used += k - j
        i = k
    lines.append((line_start, end))


class HighlightIndex:
    """Sorted highlights with a fast lookup of those overlapping a range."""

    def __init__(self, highlights: Sequence[Highlight]) -> None:
        self.items = list(highlights)
        self.starts = [h.start for h in self.items]
        self.max_len = max((h.end - h.start for h in self.items), default=0)

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        hi = bisect_left(self.starts, end)
        lo = bisect_left(self.starts, start - self.max_len)
        return [h for h in self.items[lo:hi] if h.end > start]

    def at(self, offset: int) -> int | None:
        """Index of the highlight containing `offset`, if any."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.starts[i] >= offset - self.max_len:
            if self.items[i].start <= offset < self.items[i].end:
                return i
            i -= 1
        return None


def body_line(
    text: str,
    start: int,
    end: int,
    index: HighlightIndex,
    *,
    current: Highlight | None = None,
    marked: tuple[int, int] | None = None,
    selection: tuple[int, int] | None = None,
    selection_style: Style | None = None,
    user_spans: Sequence[tuple[int, int, Style]] = (),
) -> Text:
    """One wrapped line of the (sanitised) body with the selection, the user's highlights, the marked
    sentence, the analysis highlights and the cursor highlight, in that order (later styles win)."""
    visible_end = end
    while visible_end > start and text[visible_end - 1] == " ":
        visible_end -= 1
    line = Text(text[start:visible_end], no_wrap=True, end="")
    if selection is not None and selection_style is not None:
        a, b = max(selection[0], start), min(selection[1], visible_end)
        if a < b:
            line.stylize(selection_style, a - start, b - start)
    for a, b, style in user_spans:
        a, b = max(a, start), min(b, visible_end)
        if a < b:
            line.stylize(style, a - start, b - start)
    if marked is not None:
        a, b = max(marked[0], start), min(marked[1], visible_end)
        if a < b:
            line.stylize(MARKED_SENTENCE_STYLE, a - start, b - start)
    for h in index.overlapping(start, visible_end):
        line.stylize(h.style, max(h.start, start) - start, min(h.end, visible_end) - start)
    if current is not None and current.end > start and current.start < visible_end:
        line.stylize(
            CURRENT_HIGHLIGHT_STYLE, max(current.start, start) - start, min(current.end, visible_end) - start
        )
    return line


def reader_header(meta: ArticleMeta, width: int, notices: Sequence[Text] = ()) -> list[Text]:
    """Title (wrapped), the metadata line (source · dateline · publication date), notices, a blank line."""
    title = Text(one_line(meta.title) or "(untitled)", style=TITLE_STYLE)
    lines = list(title.wrap(_console(), max(1, width)))
    meta_line = Text(style=META_STYLE)
    parts = [one_line(meta.source) or "unknown source"]
    if meta.dateline:
        parts.append(one_line(meta.dateline))
    meta_line.append(" · ".join(parts))
    meta_line.append(" · ")
    if meta.published:
        meta_line.append(f"published {meta.published.isoformat()}")
    else:
        meta_line.append("no publication date: relative dates stay unanchored", NOTICE_STYLE)
    if meta.author:
        meta_line.append(f" · by {one_line(meta.author)}")
    if meta.starred:
        meta_line.append(" · ")
        meta_line.append("★ starred", Style(color="#ffd54f", italic=False))
    if meta.tags:
        meta_line.append(" · tags ")
        meta_line.append(", ".join(one_line(t) for t in meta.tags), Style(color="#80cbc4", italic=False))
    lines.extend(meta_line.wrap(_console(), max(1, width)))
    for notice in notices:
        lines.extend(notice.wrap(_console(), max(1, width)))
    lines.append(Text(""))
    return [_strip_end(line) for line in lines]


def _strip_end(text: Text) -> Text:
    text.rstrip()
    text.end = ""
    return text


@lru_cache(maxsize=1)
def _console() -> Console:
    """A private Rich console used only to measure and wrap (never prints)."""
    return Console(width=200, color_system=None, force_terminal=False, file=io.StringIO())


# --------------------------------------------------------------------------------------------------------
# Article list rows


def list_row(meta: ArticleMeta, width: int, *, show_source: bool = True) -> Text:
    """One article-list row: unread dot, star, title, source, date; aligned by terminal cells."""
    row = Text(no_wrap=True, overflow="ellipsis", end="")
    row.append("●" if not meta.read else " ", Style(color="#64b5f6", bold=True))
    row.append("★" if meta.starred else " ", Style(color="#ffd54f"))
    row.append(" ")
    date_text = meta.published.isoformat() if meta.published else "   no date"
    source = one_line(meta.source)
    source_w = min(16, max(8, width // 5)) if show_source and width >= 48 else 0
    title_w = max(1, width - 3 - 1 - 10 - (source_w + 1 if source_w else 0))
    title = Text(one_line(meta.title) or "(untitled)", style=Style(bold=not meta.read))
    title.truncate(title_w, overflow="ellipsis", pad=True)
    row.append_text(title)
    row.append(" ")
    if source_w:
        src = Text(source, style=META_STYLE)
        src.truncate(source_w, overflow="ellipsis", pad=True)
        row.append_text(src)
        row.append(" ")
    row.append(date_text, Style(color="#9e9e9e"))
    row.truncate(width, overflow="ellipsis", pad=True)
    return row


# --------------------------------------------------------------------------------------------------------
# Timeline entries


def trim_around(text: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut `text` to about `width` cells keeping [start, end) visible; returns text and the new offsets."""
    if cell_len(text) <= width:
        return text, start, end
    budget = max(width - 2, end - start)
    before = max(0, (budget - (end - start)) // 3)
    lo = max(0, start - before)
    hi = lo
    used = 0
    while hi < len(text) and used + get_character_cell_size(text[hi]) <= budget:
        used += get_character_cell_size(text[hi])
        hi += 1
    hi = max(hi, min(len(text), end))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    shift = len(prefix) - lo
    return prefix + text[lo:hi] + suffix, start + shift, end + shift


REFERENCE_WORDS: dict[str, str] = {"PAST_REF": "past", "PRESENT_REF": "now", "FUTURE_REF": "future"}


def timeline_lines(fact: dict[str, Any], width: int, article_title: str | None = None) -> list[Text]:
    """A timeline entry: normalised date and date as written; optional article title; trimmed sentence
    with the date underlined and figures in bold."""
    date_rec = fact.get("date") or {}
    anchored = bool(date_rec.get("anchored", True))
    head = Text(no_wrap=True, overflow="ellipsis", end="")
    value = one_line(str(fact.get("value") or date_rec.get("value") or "?"))
    value = REFERENCE_WORDS.get(value, value)
    mod = date_rec.get("mod")
    head.append(value, Style(bold=True, color="#82aaff" if anchored else "#9aa7b8", italic=not anchored))
    if mod:
        head.append(f" {one_line(str(mod)).lower()}", META_STYLE)
    head.append("  ")
    head.append(f"“{one_line(date_rec.get('text'))}”", META_STYLE)
    if not anchored:
        head.append("  unanchored", NOTICE_STYLE)
    head.truncate(width, overflow="ellipsis")
    lines = [head]
    if article_title is not None:
        t = Text("  " + (one_line(article_title) or "(untitled)"), style=Style(color="#c792ea"), end="")
        t.truncate(width, overflow="ellipsis")
        lines.append(t)
    sentence_text = one_line(fact.get("text"))
    sent = fact.get("sentence") or {}
    origin = int(fact.get("text_offset", sent.get("start", 0)))  # an excerpt of a long sentence
    d_start = int(date_rec.get("start", 0)) - origin
    d_end = int(date_rec.get("end", 0)) - origin
    if not (0 <= d_start <= d_end <= len(sentence_text)):
        d_start = d_end = 0
    body_w = max(1, width - 2)
    trimmed, a, b = trim_around(sentence_text, d_start, d_end, body_w)
    body = Text("  " + trimmed, no_wrap=True, overflow="ellipsis", end="")
    if b > a:
        body.stylize(Style(underline=True), a + 2, b + 2)
    for fig in fact.get("figures") or ():
        fig = one_line(str(fig))
        if not fig:
            continue
        pos = trimmed.find(fig)
        while pos != -1:
            end = pos + len(fig)
            alone = (pos == 0 or not trimmed[pos - 1].isalnum()) and (
                end == len(trimmed) or not trimmed[end].isalnum()
            )
            if alone:  # a whole figure, not digits inside a date such as "1980s"
                body.stylize(Style(bold=True, color="#e5c07b"), pos + 2, end + 2)
            pos = trimmed.find(fig, end)
    body.truncate(width, overflow="ellipsis")
    lines.append(body)
    return lines


# --------------------------------------------------------------------------------------------------------
# The user's annotations


def annotation_style(annotation: Annotation) -> Style | None:
    """How an annotation's span looks in the reader (corrections change the analysis instead)."""
    if annotation.kind == "correction" or annotation.orphaned:
        return None
    style = ANNOTATION_COLORS.get(annotation.color or "")
    if annotation.note:
        return style + NOTE_SPAN_STYLE if style else NOTE_SPAN_STYLE
    return style


def note_lines(note: str, width: int) -> list[Text]:
    """A note shown under its sentence: dim, prefixed with the note mark, wrapped to `width`."""
    lines: list[Text] = []
    for n, raw in enumerate(note.splitlines() or [""]):
        prefix = f"  {NOTE_MARK} " if n == 0 else "    "
        text = Text(prefix + one_line(raw), style=NOTE_STYLE, end="")
        lines.extend(_strip_end(line) for line in text.wrap(_console(), max(1, width)))
    return lines


def correction_label(correction: dict[str, str] | None) -> str:
    """'this is a PERSON' / 'this is not a name' / 'this date means 2020-01-03'."""
    correction = correction or {}
    if "date" in correction:
        return f"this date means {one_line(correction['date'])}"
    kind = one_line(correction.get("type", "?"))
    return f"this is {CORRECTION_LABELS.get(kind, indefinite(kind))}"


def indefinite(kind: str) -> str:
    """'PERSON' -> 'a PERSON', 'ORG' -> 'an ORG' (entity types are read letter by letter or as words)."""
    return ("an " if kind[:1] in ("A", "E", "I", "O", "U") else "a ") + kind


def annotation_summary(annotation: Annotation) -> Text:
    """One line for the status bar: kind, colour or correction, note."""
    out = Text(no_wrap=True, overflow="ellipsis")
    if annotation.kind == "correction":
        out.append("correction", Style(bold=True, color="#ff9e80"))
        out.append(f"  {correction_label(annotation.correction)}")
    else:
        style = ANNOTATION_COLORS.get(annotation.color or "")
        out.append(f" {annotation.color or annotation.kind} ", (style or Style()) + Style(bold=True))
        if annotation.note:
            out.append(f"  {NOTE_MARK} {one_line(annotation.note)}", NOTE_STYLE)
    if annotation.orphaned:
        out.append("  orphaned: its text changed on re-import", NOTICE_STYLE)
    out.append("  · x removes", META_STYLE)
    return out
