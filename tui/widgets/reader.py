"""The reader: an article's title, metadata line and body with analysis highlights, on the line API.

The body is wrapped once per width into (start, end) offsets (in a thread for long articles) and each
visible line is styled on demand, so a 1 MB article scrolls as fast as a short one. A line cursor (a
subtle background) selects the highlight under it; `next_highlight`/`previous_highlight` walk them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import get_character_cell_size
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.records import ArticleMeta
from tui.render import (
    ERROR_STYLE,
    LAYERS,
    NOTICE_STYLE,
    Highlight,
    HighlightIndex,
    Layer,
    body_line,
    build_highlights,
    reader_header,
    sanitize,
    wrap_offsets,
)

if TYPE_CHECKING:
    from extract.model import Analysis

SYNC_LAYOUT_CHARS = 60_000  # longer bodies are wrapped in a worker thread


class Reader(ScrollView, can_focus=True):
    """Shows one article; the app feeds it text, then the analysis (or an error) when ready."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Cursor line down", show=False),
        Binding("k,up", "cursor_up", "Cursor line up", show=False),
        Binding("g,home", "top", "Top of the article", show=False),
        Binding("G,end", "bottom", "End of the article", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"reader--cursor-line", "reader--message"}

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
    }
    Reader > .reader--cursor-line { background: $boost; }
    Reader:focus > .reader--cursor-line { background: $primary 20%; }
    Reader > .reader--message { color: $text-muted; }
    """

    class CursorChanged(Message):
        """The highlight under the reader's cursor changed (None: no highlight there)."""

        def __init__(self, highlight: Highlight | None) -> None:
            super().__init__()
            self.highlight = highlight

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meta: ArticleMeta | None = None
        self.body = ""
        self.analysis: Analysis | None = None
        self.highlight_layers: set[Layer] = set(LAYERS)
        self.notices: list[Text] = []
        self.message: list[Text] = [Text("Loading the library…")]
        self.index = HighlightIndex([])
        self.current: int | None = None
        self.marked: tuple[int, int] | None = None
        self.cursor_line = 0
        self._header: list[Text] = []
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._laid_out_width = -1
        self._layout_pending = False
        self._generation = 0
        self._cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(256)
        self._style_memo: tuple[Style, Style, Style] | None = None
        self.border_title = "Reader"

    # -- feeding -----------------------------------------------------------------------------------
    @property
    def article_id(self) -> str | None:
        return self.meta.id if self.meta else None

    @property
    def has_text(self) -> bool:
        """True once the body is laid out and on screen."""
        return self.meta is not None and not self._layout_pending

    def show_message(self, *lines: str) -> None:
        """No article: show a message in place (empty library, nothing selected)."""
        self.meta = None
        self.body = ""
        self.analysis = None
        self.message = [Text(line) for line in lines]
        self.index = HighlightIndex([])
        self._lines, self._line_starts, self._header = [], [], []
        self.current = None
        self.marked = None
        self.cursor_line = 0
        self._invalidate(layout=True)
        self.post_message(self.CursorChanged(None))

    def show_article(self, meta: ArticleMeta, body: str, notices: Iterable[Text] = ()) -> None:
        """Show an article's text at once (highlights follow with `show_analysis`)."""
        self.meta = meta
        self.body = sanitize(body)
        self.analysis = None
        self.message = []
        self.notices = list(notices)
        if not self.body.strip():
            self.notices.append(Text("This article has no text.", style=NOTICE_STYLE))
        self.index = HighlightIndex([])
        self.current = None
        self.marked = None
        self.cursor_line = 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self._invalidate(layout=True)
        self.post_message(self.CursorChanged(None))

    def show_analysis(self, article_id: str, analysis: Analysis) -> None:
        if article_id != self.article_id:
            return
        self.analysis = analysis
        self._rebuild_highlights()

    def show_analysis_error(self, article_id: str, message: str) -> None:
        if article_id != self.article_id:
            return
        notice = f"Could not analyse this article ({message}); showing the plain text."
        self.notices = [Text(notice, style=ERROR_STYLE)]
        self.analysis = None
        self._rebuild_highlights()
        self._invalidate(layout=True, body=False)

    def set_layers(self, layers: Iterable[Layer]) -> None:
        self.highlight_layers = set(layers)
        self._rebuild_highlights()

    def _rebuild_highlights(self) -> None:
        old = self.current_highlight
        self.index = HighlightIndex(build_highlights(self.analysis, self.highlight_layers))
        self.current = None
        if old is not None:
            i = self.index.at(old.start)
            self.current = i
        if self.current is None:
            self._select_on_cursor_line()
        self._invalidate()
        self.post_message(self.CursorChanged(self.current_highlight))

    @property
    def current_highlight(self) -> Highlight | None:
        if self.current is None or not (0 <= self.current < len(self.index.items)):
            return None
        return self.index.items[self.current]

    # -- layout ------------------------------------------------------------------------------------
    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _invalidate(self, *, layout: bool = False, body: bool = True) -> None:
        self._generation += 1
        self._cache.clear()
        if layout:
            self._layout(body=body)
        self.refresh()

    def _layout(self, *, body: bool = True) -> None:
        width = self._text_width()
        self._header = reader_header(self.meta, width, self.notices) if self.meta else []
        if self.meta is None:
            self._lines, self._line_starts = [], []
        elif body or width != self._laid_out_width:
            if len(self.body) <= SYNC_LAYOUT_CHARS:
                self._apply_lines(self.article_id, width, wrap_offsets(self.body, width, paragraph_gap=True))
            else:
                self._layout_pending = True
                self._lines, self._line_starts = [], []
                self._wrap_in_thread(self.article_id, self.body, width)
        self._update_virtual_size()

    @work(thread=True, exclusive=True, group="reader-layout")
    def _wrap_in_thread(self, article_id: str | None, body: str, width: int) -> None:
        lines = wrap_offsets(body, width, paragraph_gap=True)
        self.app.call_from_thread(self._apply_lines, article_id, width, lines)

    def _apply_lines(self, article_id: str | None, width: int, lines: list[tuple[int, int]]) -> None:
        if article_id != self.article_id:
            return
        self._lines = lines
        self._line_starts = [a for a, _ in lines]
        self._laid_out_width = width
        self._layout_pending = False
        self._generation += 1
        self._cache.clear()
        self._update_virtual_size()
        if self.marked is not None:
            self._scroll_to_offset(self.marked[0])
        self.refresh()

    def _update_virtual_size(self) -> None:
        total = len(self._header) + len(self._lines) if self.meta else len(self.message) + 1
        size = Size(self._text_width(), total)
        if size == self.virtual_size:
            return
        # The reader's own size does not depend on its content, so skip the screen-wide layout pass that
        # assigning `virtual_size` triggers: update the scrollbars and redraw this widget only.
        self.set_reactive(Reader.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._laid_out_width and self.meta is not None:
            self._invalidate(layout=True, body=False)
        else:
            self._invalidate()

    @property
    def line_count(self) -> int:
        return len(self._header) + len(self._lines)

    def line_of_offset(self, offset: int) -> int:
        """Display line (header included) holding body offset `offset`."""
        if not self._line_starts:
            return 0
        return len(self._header) + max(0, bisect_right(self._line_starts, offset) - 1)

    # -- rendering ---------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        key = (line_no, width, self._generation)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        base, cursor_style, message_style = self._styles()
        style = base
        if self.meta is None:
            text = self.message[line_no - 1] if 1 <= line_no <= len(self.message) else Text("")
            style = message_style
            text = Text(" ") + text
        elif line_no < len(self._header):
            text = self._header[line_no]
        elif self._layout_pending and line_no == len(self._header):
            text = Text(f"Laying out {len(self.body) / 1_000_000:.1f} MB of text…", style=NOTICE_STYLE)
        else:
            i = line_no - len(self._header)
            if i >= len(self._lines):
                return Strip.blank(width, base)
            start, end = self._lines[i]
            text = body_line(
                self.body, start, end, self.index, current=self.current_highlight, marked=self.marked
            )
        if self.meta is not None and line_no == self.cursor_line:
            style = cursor_style
        text = text.copy()
        text.no_wrap = True
        text.end = ""
        text.truncate(width, overflow="crop")
        strip = Strip(list(text.render(self.app.console, end="")), text.cell_len).apply_style(style)
        strip = strip.crop_extend(0, width, style)
        self._cache[key] = strip
        return strip

    def _styles(self) -> tuple[Style, Style, Style]:
        """Base, cursor-line and message styles; computed once per style change (not per line)."""
        if self._style_memo is None:
            base = self.rich_style
            self._style_memo = (
                base,
                base + self.get_component_rich_style("reader--cursor-line"),
                base + self.get_component_rich_style("reader--message"),
            )
        return self._style_memo

    def notify_style_update(self) -> None:
        self._style_memo = None
        self._cache.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._style_memo = None
        self._invalidate()

    def on_blur(self) -> None:
        self._style_memo = None
        self._invalidate()

    # -- cursor and highlights ---------------------------------------------------------------------
    def _line_range(self, line_no: int) -> tuple[int, int] | None:
        i = line_no - len(self._header)
        return self._lines[i] if 0 <= i < len(self._lines) else None

    def _select_on_cursor_line(self) -> None:
        span = self._line_range(self.cursor_line)
        self.current = None
        if span is None:
            return
        found = self.index.overlapping(span[0], max(span[1], span[0] + 1))
        if found:
            self.current = self.index.items.index(found[0])

    def set_cursor_line(self, line_no: int, *, select: bool = True) -> None:
        line_no = min(max(0, line_no), max(0, self.line_count - 1))
        old = self.current
        self.cursor_line = line_no
        if select:
            self._select_on_cursor_line()
        self._invalidate()
        self.scroll_to_region(Region(0, line_no, 1, 1), animate=False, immediate=True, x_axis=False)
        if self.current != old or select:
            self.post_message(self.CursorChanged(self.current_highlight))

    def action_cursor_down(self) -> None:
        self.set_cursor_line(self.cursor_line + 1)

    def action_cursor_up(self) -> None:
        self.set_cursor_line(self.cursor_line - 1)

    def action_top(self) -> None:
        self.set_cursor_line(0)

    def action_bottom(self) -> None:
        self.set_cursor_line(self.line_count - 1)

    def action_page_down(self) -> None:
        self.set_cursor_line(self.cursor_line + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.set_cursor_line(self.cursor_line - max(1, self.scrollable_content_region.height - 1))

    def _go_to_highlight(self, i: int) -> None:
        self.current = i
        h = self.index.items[i]
        self.cursor_line = self.line_of_offset(h.start)
        self._invalidate()
        self.scroll_to_region(Region(0, self.cursor_line, 1, 1), animate=False, immediate=True, x_axis=False)
        self.post_message(self.CursorChanged(h))

    def next_highlight(self) -> bool:
        """Move to the next highlight; False when there is none after the cursor."""
        items = self.index.items
        if not items:
            return False
        if self.current is not None:
            i = self.current + 1
        else:
            span = self._line_range(self.cursor_line)
            pos = span[0] if span else 0
            i = next((k for k, h in enumerate(items) if h.start >= pos), len(items))
        if i >= len(items):
            return False
        self._go_to_highlight(i)
        return True

    def previous_highlight(self) -> bool:
        items = self.index.items
        if not items:
            return False
        if self.current is not None:
            i = self.current - 1
        else:
            span = self._line_range(self.cursor_line)
            pos = span[0] if span else 0
            i = max((k for k, h in enumerate(items) if h.start < pos), default=-1)
        if i < 0:
            return False
        self._go_to_highlight(i)
        return True

    def mark(self, start: int, end: int) -> None:
        """Mark a body range (a timeline fact's sentence) and scroll it into view, near the top."""
        self.marked = (start, end)
        if self._lines:
            self._scroll_to_offset(start)
        self._invalidate()

    def _scroll_to_offset(self, offset: int) -> None:
        line = self.line_of_offset(offset)
        self.cursor_line = line
        self._select_on_cursor_line()
        self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)
        self.post_message(self.CursorChanged(self.current_highlight))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.meta is None:
            return
        line_no = self.scroll_offset.y + offset.y
        self.set_cursor_line(line_no)
        span = self._line_range(line_no)
        if span is None:
            return
        cells, pos = 0, span[0]
        while pos < span[1] and cells + get_character_cell_size(self.body[pos]) <= offset.x:
            cells += get_character_cell_size(self.body[pos])
            pos += 1
        hit = self.index.at(pos)
        if hit is not None:
            self.current = hit
            self._invalidate()
            self.post_message(self.CursorChanged(self.current_highlight))
