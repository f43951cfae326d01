"""Pure rendering helpers: untrusted text and analysis records in, `rich.text.Text` out.

Everything the widgets draw is built here with explicit spans and styles, never from markup strings, so a
title such as `[bold red]` or `[@click=app.quit]` stays literal text. Untrusted text goes through
`store.safetext` (`sanitize` replaces unsafe characters one for one, so offsets into the text stay valid;
`one_line` for titles and names). No I/O, no widgets, no global mutable state.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, cast

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.style import Style
from rich.text import Text

from store.records import Annotation, ArticleMeta
from store.safetext import one_line as one_line  # re-exported: titles, names, messages in the widgets
from store.safetext import sanitize as sanitize  # re-exported: the reader sanitises its body with it
from tui import theme
from tui.theme import Palette

if TYPE_CHECKING:  # the app does not import the analysis engine just to draw (startup time)
    from extract.model import Analysis, DateMention, Entity, Fact, Figure

Layer = Literal["entity", "figure", "date"]
LAYERS: tuple[Layer, ...] = ("entity", "figure", "date")
LAYER_NAMES: dict[Layer, str] = {"entity": "names", "figure": "figures", "date": "dates"}


class _ActiveStyles(Mapping[str, Style]):
    """A read-only view of one style table of the active palette (`tui.theme.active()`), so code that
    imports ENTITY_STYLES or ANNOTATION_COLORS draws with the colours of the app's current theme."""

    def __init__(self, table: Callable[[Palette], Mapping[str, Style]]) -> None:
        self._table = table

    def __getitem__(self, key: str) -> Style:
        return self._table(theme.active())[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table(theme.active()))

    def __len__(self) -> int:
        return len(self._table(theme.active()))


# Colours come from `tui.theme` (one palette per kind of background); labels too.
ENTITY_STYLES: Mapping[str, Style] = _ActiveStyles(lambda p: p.entity)
ANNOTATION_COLORS: Mapping[str, Style] = _ActiveStyles(lambda p: p.annotation_colors)
ENTITY_LABELS = theme.ENTITY_LABELS
SHORT_LABELS = theme.SHORT_LABELS
# The dark palette's, for code that takes one fixed style; the drawing functions below use the active one.
FIGURE_STYLE = theme.DARK.figure
DATE_STYLE = theme.DARK.date
UNANCHORED_DATE_STYLE = theme.DARK.unanchored_date
NOTE_STYLE = theme.DARK.note
MARKED_SENTENCE_STYLE = theme.DARK.marked_sentence
CURRENT_HIGHLIGHT_STYLE = Style(reverse=True)
TITLE_STYLE = Style(bold=True)
META_STYLE = Style(color="#9e9e9e", italic=True)
NOTICE_STYLE = Style(color="#ffb74d", italic=True)
ERROR_STYLE = Style(color="#ff6e6e", bold=True)
COLOR_NAMES: tuple[str, ...] = tuple(theme.DARK.annotation_colors)  # `h` cycles through these (stored)
NOTE_SPAN_STYLE = Style(underline=True)
NOTE_MARK = "✎"
CORRECTION_LABELS = theme.CORRECTION_LABELS
correction_label = theme.correction_label
indefinite = theme.indefinite

# --------------------------------------------------------------------------------------------------------
# Highlights


@dataclass(frozen=True, slots=True)
class Highlight:
    """A styled span of the article body and the analysis record behind it."""

    start: int
    end: int
    layer: Layer
    item: Entity | Figure | DateMention

    @property
    def style(self) -> Style:
        """Looked up when drawn, so a change of theme recolours the highlights already built."""
        return highlight_style(self.layer, self.item)


def highlight_style(layer: Layer, item: Entity | Figure | DateMention) -> Style:
    palette = theme.active()
    if layer == "entity":
        return palette.entity_style(cast("Entity", item).type)
    if layer == "figure":
        return palette.figure
    return palette.date if cast("DateMention", item).anchored else palette.unanchored_date


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
            candidates.extend(Highlight(it.start, it.end, layer, it) for it in items if it.end > it.start)
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


def format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def highlight_details(h: Highlight) -> Text:
    """One line describing a highlight: type and canonical name, figure value/unit/qualifier, date value."""
    out = Text()
    if h.layer == "entity":
        entity = cast("Entity", h.item)
        out.append(ENTITY_LABELS.get(entity.type, entity.type.lower()) + f" ({entity.type})", h.style)
        out.append("  ")
        out.append(one_line(entity.canonical), TITLE_STYLE)
        if entity.text != entity.canonical:
            out.append(f"  written “{one_line(entity.text)}”", META_STYLE)
        if entity.guessed:
            out.append("  type guessed: no cue in the text (c corrects it)", META_STYLE)
    elif h.layer == "figure":
        figure = cast("Figure", h.item)
        out.append(f"figure ({figure.kind})", h.style)
        out.append("  ")
        if figure.value is None:
            out.append("vague amount, no definite value", META_STYLE)
        else:
            out.append("value ", META_STYLE)
            out.append(format_number(figure.value), TITLE_STYLE)
        if figure.unit:
            out.append("  unit ", META_STYLE)
            out.append(one_line(figure.unit))
        if figure.qualifier:
            out.append("  qualifier ", META_STYLE)
            out.append(one_line(figure.qualifier))
    else:
        mention = cast("DateMention", h.item)
        out.append(f"date ({mention.type.lower()})", h.style)
        out.append("  value ", META_STYLE)
        words = _date_value(mention)  # in words with its modifier, as the fact view shows it
        out.append(words, TITLE_STYLE)
        code = " ".join(one_line(part) for part in (mention.value, mention.mod or "") if part)
        if words != code:  # "summer (XXXX-SU)": the value the analysis stores, for a correction
            out.append(f" ({code})", META_STYLE)
        if not mention.anchored:
            out.append("  unanchored: no publication date to resolve it", NOTICE_STYLE)
    return out


def legend(enabled: Iterable[Layer], *, compact: bool = False) -> Text:
    """The colour key, with each layer's toggle key and whether it is on (compact: fits 80 columns)."""
    on = set(enabled)
    palette = theme.active()
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
        out.append(label, palette.entity[etype] if "entity" in on else Style(dim=True))
        out.append(" ")
    out.append(gap[1:])
    switch("2", "figure")
    out.append("figure" if compact else "42", palette.figure if "figure" in on else Style(dim=True))
    out.append(gap)
    switch("3", "date")
    out.append("date", palette.date if "date" in on else Style(dim=True))
    out.append(" ")
    out.append("unanchored", palette.unanchored_date if "date" in on else Style(dim=True))
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
    flagged: Sequence[tuple[int, int]] = (),
) -> Text:
    """One wrapped line of the (sanitised) body with the selection, the user's highlights, the marked
    sentence, the analysis highlights, the flagged spans (figures other articles contradict, in the
    palette's `conflict` style) and the cursor highlight, in that order (later styles win)."""
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
            line.stylize(theme.active().marked_sentence, a - start, b - start)
    for h in index.overlapping(start, visible_end):
        line.stylize(h.style, max(h.start, start) - start, min(h.end, visible_end) - start)
    for a, b in flagged:
        a, b = max(a, start), min(b, visible_end)
        if a < b:
            line.stylize(theme.active().conflict, a - start, b - start)
    if current is not None and current.end > start and current.start < visible_end:
        line.stylize(
            CURRENT_HIGHLIGHT_STYLE, max(current.start, start) - start, min(current.end, visible_end) - start
        )
    return line


def reader_header(
    meta: ArticleMeta, width: int, notices: Sequence[Text] = (), *, show_title: bool = True
) -> list[Text]:
    """Title (wrapped; left out when the body starts with it), the metadata line (source · dateline ·
    publication date), notices, a blank line."""
    title = Text(one_line(meta.title) or "(untitled)", style=TITLE_STYLE)
    lines = list(title.wrap(_console(), max(1, width))) if show_title else []
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
        meta_line.append("★ starred", theme.active().star + Style(italic=False))
    if meta.tags:
        meta_line.append(" · tags ")
        meta_line.append(", ".join(one_line(t) for t in meta.tags), theme.active().tags)
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


LIST_SOURCE_MIN_WIDTH = 44  # a list narrower than this shows the source only when sorted by it


def list_row(meta: ArticleMeta, width: int, *, show_source: bool = True, by_source: bool = False) -> Text:
    """One article-list row: unread dot, star, title, source, date; aligned by terminal cells. Too narrow
    for both, the row ends with what the list is sorted by: the date, or the source (`by_source`)."""
    row = Text(no_wrap=True, overflow="ellipsis", end="")
    palette = theme.active()
    row.append("●" if not meta.read else " ", palette.unread)
    row.append("★" if meta.starred else " ", palette.star)
    row.append(" ")
    date_text = meta.published.isoformat() if meta.published else "   no date"
    source = one_line(meta.source)
    source_w = min(16, max(8, width // 5)) if show_source and width >= LIST_SOURCE_MIN_WIDTH else 0
    if by_source and not source_w:
        src = Text(source or "no source", style=META_STYLE)
        src.truncate(10, overflow="ellipsis", pad=True)
        date_text = src.plain  # the source takes the date's column (ten cells)
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
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A value of no known year (an undated article's "this summer", "on Monday", "next month"): the engine
# writes the unknown parts as X ("XXXX-SU", "XXXX-WXX-1", "XXXX-XX"), a time after "T".
_NO_YEAR = re.compile(r"^XXXX(?:-(.+?))?(?:T(\d{2}:\d{2}(?::\d{2})?))?$")
_NO_YEAR_PARTS: dict[str, str] = {
    "": "some year",
    "XX": "some month",
    "XX-XX": "some day",
    "WXX": "some week",
    "H1": "H1",
    "H2": "H2",
    **{f"Q{n}": f"Q{n}" for n in range(1, 5)},
}
_DURATION = re.compile(
    r"^P(?:(?P<year>[\d.]+|X)Y)?(?:(?P<month>[\d.]+|X)M)?(?:(?P<week>[\d.]+|X)W)?(?:(?P<day>[\d.]+|X)D)?"
    r"(?:T(?:(?P<hour>[\d.]+|X)H)?(?:(?P<minute>[\d.]+|X)M)?(?:(?P<second>[\d.]+|X)S)?)?$"
)


def _no_year_label(rest: str, short: bool) -> str | None:
    """The part of a value after "XXXX-" in words: "SU" -> "summer", "06" -> "June", "06-03" -> "3 June"
    ("3 Jun" when `short`), "WXX-1" -> "a Monday" ("Monday"), "XX" -> "some month"; None if unknown."""
    from store.export.datefmt import SEASONS

    if rest in _NO_YEAR_PARTS:
        return _NO_YEAR_PARTS[rest]
    if rest in SEASONS:
        return SEASONS[rest]
    if re.fullmatch(r"0[1-9]|1[0-2]", rest):
        return MONTH_NAMES[int(rest) - 1]
    if m := re.fullmatch(r"(0[1-9]|1[0-2])-(\d{2})", rest):
        month = MONTH_NAMES[int(m[1]) - 1]
        return f"{int(m[2])} {month[:3] if short else month}"
    if m := re.fullmatch(r"WXX-([1-7])", rest):
        day = WEEKDAYS[int(m[1]) - 1]
        return day if short else f"a {day}"
    if m := re.fullmatch(r"W(\d{2})", rest):
        return f"week {int(m[1])}"
    return None


def _duration_label(value: str) -> str | None:
    """'P4M' -> '4 months', 'PT2H30M' -> '2 hours 30 minutes', 'PXD' -> 'days'; None if not a duration."""
    m = _DURATION.match(value)
    if m is None or value.endswith("T"):
        return None
    parts = [
        f"{unit}s" if amount == "X" else f"{amount} {unit if amount == '1' else unit + 's'}"
        for unit, amount in m.groupdict().items()
        if amount is not None
    ]
    return " ".join(parts) or None


def value_label(value: str, short: bool = False) -> str:
    """A TIMEX3 value as the timeline shows it in its 11-cell column: references in words ("future"), a
    decade as "1980s" (TimeML writes it "198"; analyses before version 12 "198X"), a season as "winter
    2023" ("win 2023" when `short`), a quarter or half as "Q4 2024" / "H1 2023"; a value of no known year
    in words ("summer", "June", "3 June", "a Monday", "some month", "some day 06:00"), a duration in words
    ("4 months"); anything else (a day, a month of a known year) as it is."""
    from store.export.datefmt import DECADE, HALF, QUARTER, SEASON, SEASONS  # as MOD_WORDS below

    if m := DECADE.match(value):
        return f"{m[1]}0s"
    if m := SEASON.match(value):
        words = SEASONS[m[2]]
        return f"{words[:3] if short else words} {m[1]}"
    if m := QUARTER.match(value):
        return f"Q{m[2]} {m[1]}"
    if m := HALF.match(value):
        return f"H{m[2]} {m[1]}"
    if (m := _NO_YEAR.match(value)) and (part := _no_year_label(m[1] or "", short)) is not None:
        return f"{part} {m[2]}" if m[2] else part
    if (duration := _duration_label(value)) is not None:
        return duration
    return REFERENCE_WORDS.get(value, value)


def _date_value(mention: DateMention) -> str:
    """A date's value with its modifier in words, as the fact view lists it: "mid-June", "about 4 months"."""
    from store.export.datefmt import MOD_WORDS, with_mod  # as in `_date_column`

    words = value_label(one_line(mention.value)) or "?"
    mod = one_line(mention.mod or "")
    return with_mod(words, mod) if mod in MOD_WORDS else f"{words} {mod.lower()}".rstrip()


DATE_COLUMN = 11  # the timeline's date column: "2021-01-15", "+2020-12" (longer values cut; a time below)
SENTENCE_LINES = 3  # lines of a timeline entry's sentence (fewer in a short pane: `Timeline.sentence_lines`)


def _column_style(mention: DateMention, palette: Palette) -> Style:
    return palette.timeline_date if mention.anchored else palette.timeline_unanchored


def _day_and_clock(value: str, short: bool = False) -> tuple[str, str]:
    """A calendar value's day in words for the date column and its time apart: "2024-11-28T06:00" ->
    ("2024-11-28", "06:00"), "XXXX-XX-XXT06:00" -> ("some day", "06:00"), "FUTURE_REF" -> ("future", "")."""
    value = one_line(value)
    day, _, clock = value.partition("T") if value[:4].isdigit() or value.startswith("X") else (value, "", "")
    return value_label(day, short) or "?", clock


def _date_column(fact: Fact, lines: int) -> list[Text]:
    """The compact date column of a timeline entry, `lines` tall at most: the event value (a time on the
    next line), its modifier in words, "unanchored", then the sentence's other calendar dates ("+2020-12";
    "+2 more" when they do not fit)."""
    from store.export.datefmt import MOD_WORDS  # not at startup: it loads the export package

    mention = fact.date
    palette = theme.active()
    day, clock = _day_and_clock(fact.value)
    out = [Text(day, style=_column_style(mention, palette))]
    below = " ".join(w for w in (MOD_WORDS.get(mention.mod or "", (mention.mod or "").lower()), clock) if w)
    if below:
        out.append(Text(below, style=META_STYLE))
    if not mention.anchored:
        out.append(Text("unanchored", style=NOTICE_STYLE))
    others = [d for d in fact.dates if d != mention]
    calendar = [d for d in others if d.type in ("DATE", "TIME")]
    rest = len(others) - len(calendar)
    for n, other in enumerate(calendar):
        room = lines - len(out)
        if room <= 0:
            break
        left = len(calendar) - n  # durations and sets are in the sentence; calendar dates come first
        if room == 1 and left > 1:
            out.append(Text(f"+{left} more", style=META_STYLE))
            break
        out.append(Text(f"+{_day_and_clock(other.value, short=True)[0]}", style=META_STYLE))
    else:
        if rest and len(out) < lines:  # durations and sets ("for two days", "every year")
            out.append(Text(f"+{rest} more", style=META_STYLE))
    for cell in out:
        cell.truncate(DATE_COLUMN, overflow="ellipsis", pad=True)
    return out[:lines]


def excerpt_lines(
    text: str, start: int, end: int, width: int, lines: int
) -> tuple[str, list[tuple[int, int]]]:
    """Wrap `text` to `width` cells in at most `lines` lines that show [start, end) (the event date) and a
    few words after it: from the sentence's start when they fit, else from the earliest word that lets
    them fit, behind "…". Returns the shown string (`text`, or "…" + a tail of it) and its line ranges; when
    text is left out at the end, the last range stops after a whole word with room for an "…"."""
    width, lines = max(1, width), max(1, lines)
    shown, ranges = text, wrap_offsets(text, width)
    need = min(len(text.rstrip(" ")), end + width // 3)  # the date and about a third of a line after it
    if len(ranges) > lines and need > ranges[lines - 1][1]:  # the date would be cut off: start nearer it

        def window(cut: int) -> tuple[str, list[tuple[int, int]]] | None:
            tail = "…" + text[cut:]
            wrapped = wrap_offsets(tail, width)
            fits = len(wrapped) <= lines or need - cut + 1 <= wrapped[lines - 1][1]
            return (tail, wrapped) if fits else None

        words = [i for i in range(1, start + 1) if text[i] != " " and text[i - 1] == " "] or [start]
        lo, hi = 0, len(words) - 1  # the earliest word start that fits (a later start fits more easily)
        found = window(words[hi]) or ("…" + text[start:], wrap_offsets("…" + text[start:], width))
        while lo < hi:
            mid = (lo + hi) // 2
            candidate = window(words[mid])
            if candidate is None:
                lo = mid + 1
            else:
                found, hi = candidate, mid
        shown, ranges = found
    if len(ranges) <= lines:
        return shown, ranges
    kept = ranges[:lines]
    a, b = kept[-1]
    while b > a and shown[b - 1] == " ":
        b -= 1
    while b > a and cell_len(shown[a:b]) + 1 > width:  # room for the "…": drop the last word
        space = shown.rfind(" ", a, b - 1)
        b = space if space > a else b - 1
        while b > a and shown[b - 1] == " ":
            b -= 1
    kept[-1] = (a, b)
    return shown, kept


def timeline_lines(
    fact: Fact,
    width: int,
    article_title: str | None = None,
    *,
    source: str | None = None,
    sentence_lines: int = SENTENCE_LINES,
) -> list[Text]:
    """A timeline entry: a compact date column (event date, its modifier or time, other dates) beside the
    sentence wrapped over `sentence_lines` lines at word boundaries (cut with "…", always showing the event
    date, which is underlined; the other dates coloured; figures in bold); in library scope the article's
    title (and source) above the sentence. Every line is `width` cells at most."""
    palette = theme.active()
    text_w = max(1, width - DATE_COLUMN - 1)
    right: list[Text] = []
    if article_title is not None:
        t = Text(one_line(article_title) or "(untitled)", style=palette.timeline_title, end="")
        if source:
            t.append(f" · {one_line(source)}", META_STYLE)
        t.truncate(text_w, overflow="ellipsis")
        right.append(t)
    sentence = sanitize(fact.text, keep_newlines=False)
    origin = fact.text_offset if fact.text_offset is not None else fact.sentence.start  # an excerpt
    d_start, d_end = fact.date.start - origin, fact.date.end - origin
    if not (0 <= d_start <= d_end <= len(sentence)):
        d_start = d_end = 0
    lead = len(sentence) - len(sentence.lstrip(" "))
    body = sentence[lead:].rstrip(" ")
    d_start, d_end = max(0, d_start - lead), max(0, d_end - lead)
    shown, ranges = excerpt_lines(body, d_start, d_end, text_w, sentence_lines)
    shift = len(shown) - len(body)  # "…" + a tail of the sentence: offsets move by the cut
    styled = Text(shown, end="")
    for mention in fact.dates or (fact.date,):
        a, b = mention.start - origin - lead + shift, mention.end - origin - lead + shift
        if 0 <= a < b <= len(shown):
            if mention == fact.date:  # the date as written, in the date's colour, underlined
                styled.stylize(_column_style(mention, palette) + Style(underline=True), a, b)
            else:
                styled.stylize(_column_style(mention, palette) + Style(bold=False), a, b)
    _stylize_figures(styled, shown, fact.figures, 0, palette.timeline_figure)
    parts = styled.divide([offset for r in ranges for offset in r])
    for n, (_, b) in enumerate(ranges):
        line = parts[2 * n + 1] if 2 * n + 1 < len(parts) else Text("")
        line.rstrip()
        if n == len(ranges) - 1 and b < len(shown.rstrip(" ")):
            line.append("…")
        right.append(line)
    column = _date_column(fact, sentence_lines + (article_title is not None))
    out: list[Text] = []
    for n in range(max(len(right), len(column))):
        row = Text(no_wrap=True, overflow="ellipsis", end="")
        row.append_text(column[n] if n < len(column) else Text(" " * DATE_COLUMN))
        row.append(" ")
        if n < len(right):
            row.append_text(right[n])
        row.truncate(width, overflow="ellipsis")
        out.append(row)
    return out


def _stylize_figures(out: Text, plain: str, figures: Sequence[str], shift: int, style: Style | str) -> None:
    """Bold each whole figure phrase found in `plain` (shown in `out` from index `shift`)."""
    for fig in figures:
        fig = one_line(fig)
        if not fig:
            continue
        pos = plain.find(fig)
        while pos != -1:
            end = pos + len(fig)
            alone = (pos == 0 or not plain[pos - 1].isalnum()) and (
                end == len(plain) or not plain[end].isalnum()
            )
            if alone:  # a whole figure, not digits inside a date such as "1980s"
                out.stylize(style, pos + shift, end + shift)
            pos = plain.find(fig, end)


def fact_detail(fact: Fact, title: str, source: str | None) -> Text:
    """The selected timeline fact in full: its article's title and source, the whole sentence (dates
    underlined, figures in bold), every date with its value, its figures and its names."""
    palette = theme.active()
    out = Text(end="")
    out.append(one_line(title) or "(untitled)", palette.timeline_title)
    if source:
        out.append(f" · {one_line(source)}", META_STYLE)
    out.append("\n")
    sentence = sanitize(fact.text, keep_newlines=False)
    start = len(out)
    out.append(sentence)
    origin = fact.text_offset if fact.text_offset is not None else fact.sentence.start
    for mention in fact.dates or (fact.date,):
        a, b = mention.start - origin, mention.end - origin
        if 0 <= a <= b <= len(sentence):
            out.stylize(Style(underline=True), start + a, start + b)
    _stylize_figures(out, sentence, fact.figures, start, palette.timeline_figure)
    out.append("\nDates: ", META_STYLE)
    for n, mention in enumerate(fact.dates or (fact.date,)):
        if n:
            out.append(" · ")
        style = palette.timeline_date if mention.anchored else palette.timeline_unanchored
        out.append(f"“{one_line(mention.text)}” ")
        out.append(_date_value(mention), style)
        if mention == fact.date:
            out.append(" (event)", META_STYLE)
    if fact.figures:
        out.append("\nFigures: ", META_STYLE)
        out.append(" · ".join(one_line(f) for f in fact.figures))
    if fact.entities:
        out.append("\nNames: ", META_STYLE)
        out.append(" · ".join(one_line(e) for e in fact.entities))
    return out


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
    indent = "    "  # the note mark's column: every line of the note starts after it
    for n, raw in enumerate(note.splitlines() or [""]):
        style = theme.active().note
        text = Text(one_line(raw), style=style, end="")
        for k, line in enumerate(text.wrap(_console(), max(1, width - len(indent)))):
            prefix = f"  {NOTE_MARK} " if n == 0 and k == 0 else indent
            lines.append(_strip_end(Text(prefix, style=style, end="") + line))
    return lines


def annotation_summary(annotation: Annotation) -> Text:
    """One line for the status bar: kind, colour or correction, note."""
    out = Text(no_wrap=True, overflow="ellipsis")
    if annotation.kind == "correction":
        out.append("correction", theme.active().correction)
        out.append(f"  {correction_label(annotation.correction)}")
    else:
        style = ANNOTATION_COLORS.get(annotation.color or "")
        out.append(f" {annotation.color or annotation.kind} ", (style or Style()) + Style(bold=True))
        if annotation.note:
            out.append(f"  {NOTE_MARK} {one_line(annotation.note)}", theme.active().note)
    if annotation.orphaned:
        out.append("  orphaned: its text changed on re-import", NOTICE_STYLE)
    out.append("  · x removes", META_STYLE)
    return out
