"""A virtualised, keyboard-driven list on Textual's line API: only the visible rows are ever rendered.

Subclasses say how many rows there are and how to draw one (`render_row`, fixed `row_height` lines per
row); the base class owns the cursor, scrolling, mouse clicks and a small strip cache. Cost per frame is
proportional to the screen height, not to the number of rows (smooth at 100,000 entries).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


def line_strip(text: Text, width: int, style: Style, console: Console) -> Strip:
    """One list line: `text` cut with an ellipsis or padded to `width` cells, over `style`. Pure, so a
    worker thread may draw lines ahead (`tui.prefetch`)."""
    text = text.copy()
    text.no_wrap = True
    text.end = ""
    text.truncate(width, overflow="ellipsis", pad=True)
    strip = Strip(list(text.render(console, end="")), width).apply_style(style)
    return strip.crop_extend(0, width, style)


class VirtualList(ScrollView, can_focus=True):
    """Base class: a cursor over `row_count` rows, each `row_height` lines tall."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next row", show=False),
        Binding("k,up", "cursor_up", "Previous row", show=False),
        Binding("g,home", "first", "First row", show=False),
        Binding("G,end", "last", "Last row", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor", "virtual-list--empty"}

    DEFAULT_CSS = """
    VirtualList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    VirtualList > .virtual-list--cursor { background: $block-cursor-blurred-background; }
    VirtualList:focus > .virtual-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    VirtualList > .virtual-list--empty { color: $text-muted; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=False, init=False)
    row_height: int = 1

    class CursorMoved(Message):
        """The cursor moved to `index`."""

        def __init__(self, sender: VirtualList, index: int) -> None:
            super().__init__()
            self.sender = sender
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.sender

    class Chosen(Message):
        """`enter` or a click chose row `index`."""

        def __init__(self, sender: VirtualList, index: int) -> None:
            super().__init__()
            self.sender = sender
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.sender

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._row_count = 0
        self._generation = 0
        self._cache: LRUCache[tuple[int, int, int, bool, int, bool], Strip] = LRUCache(512)
        self.empty_message: str = "Nothing here."
        self._style_memo: tuple[Style, Style, Style] | None = None
        # Called at once when the cursor moves, before `CursorMoved` travels up the DOM: what it changes is
        # drawn in the same frame as the cursor (the app shows an article loaded ahead this way).
        self.cursor_hook: Callable[[int], None] | None = None
        self._empty_memo: tuple[str, int, list[Text]] | None = None
        self._row_memo: tuple[tuple[int, int, int], list[Text]] | None = None  # the last row drawn

    # -- content ---------------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return self._row_count

    def render_row(self, index: int, width: int) -> list[Text]:
        """The `row_height` lines of row `index`; override."""
        raise NotImplementedError

    def set_row_count(self, count: int, *, cursor: int | None = None) -> None:
        """Replace the content (rows are drawn on demand); keeps the cursor in range."""
        self._row_count = max(0, count)
        self.invalidate()
        self._set_virtual_size(Size(self.scrollable_content_region.width, self._row_count * self.row_height))
        target = self.cursor if cursor is None else cursor
        clamped = min(max(0, target), max(0, self._row_count - 1))
        if clamped != self.cursor:
            self.cursor = clamped
        else:
            self._scroll_cursor_into_view()
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        """Assigning `virtual_size` lays out the whole screen again; the list's own size does not depend on
        its content, so only its scrollbar is updated (a layout only when the scrollbar appears or goes)."""
        if size == self.virtual_size:
            return
        had_scrollbar = self.show_vertical_scrollbar
        self.set_reactive(VirtualList.virtual_size, size)
        self._scroll_update(size)
        if self.show_vertical_scrollbar != had_scrollbar:
            self.refresh(layout=True)

    def invalidate(self) -> None:
        """Forget cached rows (call when the rows' data changed but not their number)."""
        self._generation += 1
        self._cache.clear()
        self._row_memo = None
        self.refresh()

    def refresh_row(self, index: int) -> None:
        self._generation += 1
        self._cache.clear()
        self._row_memo = None
        self.refresh_lines(index * self.row_height, self.row_height)

    # -- rendering -------------------------------------------------------------------------------------
    def fit_rows(self) -> None:
        """Called when the size changes, before the rows are measured: a subclass may set `row_height`."""

    def on_resize(self, event: events.Resize) -> None:
        self.fit_rows()
        self._cache.clear()
        self._row_memo = None
        self.virtual_size = Size(self.scrollable_content_region.width, self._row_count * self.row_height)
        self._scroll_cursor_into_view(animate=False)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        base, cursor_style, empty_style = self._styles()
        if self._row_count == 0:
            message_lines = self._empty_lines(width)
            if 1 <= y <= len(message_lines):
                message = message_lines[y - 1].copy()
                message.stylize_before(empty_style)
                message.truncate(width, overflow="ellipsis", pad=True)
                return Strip(list(message.render(self.app.console, end="")), width)
            return Strip.blank(width, base)
        index, sub = divmod(line_no, self.row_height)
        if index >= self._row_count:
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        focused = self.has_focus
        key = (index, sub, width, is_cursor, self._generation, focused)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        style = cursor_style if is_cursor else base
        strip = self.drawn_line(index, sub, width, style)
        if strip is None:
            memo_key = (index, width, self._generation)
            if self._row_memo is not None and self._row_memo[0] == memo_key:
                lines = self._row_memo[1]  # the row's other lines: drawn together, wrapped once
            else:
                lines = self.render_row(index, width)
                self._row_memo = (memo_key, lines)
            text = lines[sub] if sub < len(lines) else Text("")
            strip = line_strip(text, width, style, self.app.console)
        self._cache[key] = strip
        return strip

    def drawn_line(self, index: int, sub: int, width: int, style: Style) -> Strip | None:
        """Line `sub` of row `index` if it was drawn ahead for this width and style; override."""
        return None

    def _styles(self) -> tuple[Style, Style, Style]:
        """Base, cursor-row and empty-message styles; computed once per style change (not per line)."""
        if self._style_memo is None:
            base = self.rich_style
            self._style_memo = (
                base,
                base + self.get_component_rich_style("virtual-list--cursor"),
                base + self.get_component_rich_style("virtual-list--empty"),
            )
        return self._style_memo

    def notify_style_update(self) -> None:
        self._style_memo = None
        self._cache.clear()
        self._row_memo = None
        super().notify_style_update()

    def on_focus(self) -> None:
        self._style_memo = None
        self.refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._style_memo = None
        self.refresh_row(self.cursor)

    def _empty_lines(self, width: int) -> list[Text]:
        """The empty message wrapped to `width`; wrapped once per message and width, not once per line."""
        memo = self._empty_memo
        if memo is not None and memo[0] == self.empty_message and memo[1] == width:
            return memo[2]
        lines: list[Text] = []
        for paragraph in self.empty_message.split("\n"):
            if not paragraph:
                lines.append(Text(""))
                continue
            wrapped = Text(paragraph).wrap(self.app.console, max(1, width - 2))
            lines.extend(Text(" ") + line for line in wrapped)
        self._empty_memo = (self.empty_message, width, lines)
        return lines

    # -- cursor ----------------------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        # cached strips are keyed by "is the cursor row", so only the two changed rows are redrawn
        self.refresh_lines(old * self.row_height, self.row_height)
        self.refresh_lines(new * self.row_height, self.row_height)
        self._scroll_cursor_into_view()
        if self._row_count:
            if self.cursor_hook is not None:
                self.cursor_hook(new)
            self.post_message(self.CursorMoved(self, new))

    def validate_cursor(self, value: int) -> int:
        return min(max(0, value), max(0, self._row_count - 1))

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        if not self._row_count:
            return
        region = Region(0, self.cursor * self.row_height, 1, self.row_height)
        self.scroll_to_region(region, animate=animate, immediate=True, x_axis=False)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._row_count - 1

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_page_down(self) -> None:
        self.cursor += self._page_rows()

    def action_page_up(self) -> None:
        self.cursor -= self._page_rows()

    def action_select(self) -> None:
        if self._row_count:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._row_count:
            return
        index = (self.scroll_offset.y + offset.y) // self.row_height
        if 0 <= index < self._row_count:
            self.cursor = index
            self.post_message(self.Chosen(self, index))
