"""The timeline panel: dated statements in calendar order, for the open article or the whole library.

One entry per statement (a sentence at its event date): a compact date column (the event date, its
modifier or time, the sentence's other dates) beside the sentence wrapped over two or three lines at word
boundaries (`tui.render.timeline_lines`: the date as written coloured and underlined, figures in bold), and
in library scope its article's title and source above it. Entries have one fixed height (three sentence
lines; two in a short pane), so the pane stays virtualised at any number of facts; the pane is wider in
library scope and while it has the focus (`app.tcss`). `i` opens the fact in full
(`tui.screens.fact_detail`), `z` maximises the pane and back, `v` shows or hides vague facts (decades,
centuries, past/present/future references, unanchored dates), which the library scope hides by default.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from store.records import TimelineEntry
from store.timeline import is_vague
from store.wording import counted
from tui.prefetch import DrawAhead, DrawnRows
from tui.render import SENTENCE_LINES, timeline_lines
from tui.widgets.virtual_list import VirtualList

Scope = Literal["article", "library"]
SHORT_PANE = 12  # content lines below which an entry shows two lines of its sentence instead of three
WIDE_PANE = 100  # columns from which two lines do too (the pane maximised with `z`)


class Timeline(VirtualList):
    """Facts as fixed-height entries: the sentence's lines, plus the article title in library scope."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Jump", tooltip="Jump to the fact's sentence in the reader"),
        Binding("l", "app.toggle_timeline_scope", "Scope", tooltip="This article / whole library"),
        Binding("i", "details", "Details", tooltip="The fact in full: sentence, source, dates, names"),
        Binding("z", "maximize", "Zoom", tooltip="Maximise the timeline pane and back"),
        Binding("v", "toggle_vague", "Vague", tooltip="Show or hide vague facts (decades, unanchored…)"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.all_items: list[TimelineEntry] = []
        self.items: list[TimelineEntry] = []
        self.scope: Scope = "article"
        self.entity: str | None = None
        self.show_vague = False  # in library scope; the article scope shows every fact
        self.hidden = 0
        self.sentence_lines = SENTENCE_LINES
        self.row_height = SENTENCE_LINES
        self._focused = False  # between a focus event and its blur (`has_focus` lags behind the events)
        self._drawn: DrawnRows | None = None
        self.empty_message = "No dated facts yet."
        self._update_title()

    def set_items(
        self,
        items: Sequence[TimelineEntry],
        *,
        scope: Scope,
        entity: str | None = None,
        empty_message: str = "No dated facts in this article.",
        drawn: DrawnRows | None = None,
    ) -> None:
        """Show `items`; `drawn` are their first rows drawn ahead (`tui.prefetch`), used while the pane
        has the width and the lines a sentence they were drawn for."""
        self.scope = scope
        self.entity = entity
        self.fit_rows()
        self._widen()
        self.all_items = list(items)  # the library's calendar order
        self.empty_message = empty_message
        self._filter(cursor=0)
        self._drawn = drawn if scope == "article" else None  # after `_filter`, which invalidates
        self.scroll_to(y=0, animate=False, immediate=True)

    def _widen(self, focused: bool | None = None) -> None:
        """The pane takes a larger share of the screen in library scope and while it has the focus (the
        screen class `-timeline-wide` in `app.tcss`); the reader gets it back otherwise."""
        self._focused = self._focused if focused is None else focused
        if self.is_mounted:
            self.screen.set_class(self._focused or self.scope == "library", "-timeline-wide")

    def on_focus(self) -> None:  # VirtualList's own handler runs too (Textual calls each class's)
        self._widen(focused=True)

    def on_blur(self) -> None:
        self._widen(focused=False)

    def draw_ahead(self) -> DrawAhead:
        """How to draw an article's first entries ahead: this pane's width, lines a sentence, entries in
        view and styles (the row under the cursor in the style it has now, focused or not)."""
        region = self.scrollable_content_region
        count = region.height // max(1, self.sentence_lines) + 1
        base, cursor_style, _ = self._styles()
        return DrawAhead(region.width, self.sentence_lines, count, base, cursor_style, self.app.console)

    def drawn_line(self, index: int, sub: int, width: int, style: Style) -> Strip | None:
        drawn = self._drawn
        if drawn is None or (drawn.width, drawn.sentence_lines) != (width, self.sentence_lines):
            return None
        if index == 0 and style == drawn.cursor_style and sub < len(drawn.cursor_strips):
            return drawn.cursor_strips[sub]
        if style == drawn.style and index < len(drawn.strips) and sub < len(drawn.strips[index]):
            return drawn.strips[index][sub]
        return None

    def invalidate(self) -> None:
        self._drawn = None  # drawn with the colours of before
        super().invalidate()

    def fit_rows(self) -> None:
        """Three lines of sentence per entry; two in a short pane (the timeline under the reader at 80x24),
        so that it still shows a few entries, and in a very wide one (zoomed), where two lines hold most
        sentences; one more line for the title in library scope."""
        region = self.scrollable_content_region
        short = 0 < region.height < SHORT_PANE or region.width >= WIDE_PANE
        self.sentence_lines = SENTENCE_LINES - 1 if short else SENTENCE_LINES
        self.row_height = self.sentence_lines + (self.scope == "library")

    def _filter(self, cursor: int) -> None:
        hide = self.scope == "library" and not self.show_vague
        self.items = [e for e in self.all_items if not (hide and is_vague(e.fact))]
        self.hidden = len(self.all_items) - len(self.items)
        self._update_title()
        self.set_row_count(len(self.items), cursor=cursor)

    def _update_title(self) -> None:
        where = "this article" if self.scope == "article" else "whole library"
        self.border_title = f"Timeline · {where}"
        facts = counted(len(self.items), "fact")
        if self.hidden:  # the pane is narrow: "v Vague" is in the footer
            self.border_subtitle = f"{self.hidden} vague hidden · {facts}"
        elif self.scope == "library" and self.show_vague:
            self.border_subtitle = f"{facts} · vague shown"
        else:
            self.border_subtitle = f"{facts} · l switches"

    @property
    def current(self) -> TimelineEntry | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def render_row(self, index: int, width: int) -> list[Text]:
        drawn = self._drawn
        drawn_for = None if drawn is None else (drawn.width, drawn.sentence_lines)
        if drawn is not None and index < len(drawn.rows) and drawn_for == (width, self.sentence_lines):
            return drawn.rows[index]
        item = self.items[index]
        if self.scope == "library":
            return timeline_lines(
                item.fact, width, item.article_title, source=item.source, sentence_lines=self.sentence_lines
            )
        return timeline_lines(item.fact, width, sentence_lines=self.sentence_lines)

    def action_toggle_vague(self) -> None:
        current = self.current
        self.show_vague = not self.show_vague
        self._filter(cursor=0)
        if current is not None and current in self.items:
            self.cursor = self.items.index(current)
        if self.scope == "article":
            self.app.notify(
                "This article's timeline shows every fact; v applies to the library scope.", markup=False
            )

    def action_maximize(self) -> None:
        if self.screen.maximized is self:
            self.screen.minimize()
        else:
            self.screen.maximize(self, container=False)

    def action_details(self) -> None:
        from tui.screens.fact_detail import FactDetailScreen

        if self.current is None:
            return

        def done(jump: bool | None) -> None:
            if jump:
                self.action_select()

        self.app.push_screen(FactDetailScreen(self), done)
