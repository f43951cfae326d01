"""The timeline panel: dated statements in calendar order, for the open article or the whole library.

One entry per statement (a sentence at its event date): the normalised date, the date as written and the
sentence's other dates, (in library scope) its article's title, and the sentence trimmed around the date
with figures in bold. `i` opens the fact in full (`tui.screens.fact_detail`), `z` maximises the pane and
back, `v` shows or hides vague facts (decades, centuries, past/present/future references, unanchored
dates), which the library scope hides by default. Virtualised like the article list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType

from store.records import TimelineEntry
from store.timeline import is_vague
from store.wording import counted
from tui.render import timeline_lines
from tui.widgets.virtual_list import VirtualList

Scope = Literal["article", "library"]


class Timeline(VirtualList):
    """Facts as two-line entries (three with the article title in library scope)."""

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
        self.row_height = 2
        self.empty_message = "No dated facts yet."
        self._update_title()

    def set_items(
        self,
        items: Sequence[TimelineEntry],
        *,
        scope: Scope,
        entity: str | None = None,
        empty_message: str = "No dated facts in this article.",
    ) -> None:
        self.scope = scope
        self.entity = entity
        self.row_height = 3 if scope == "library" else 2
        self.all_items = list(items)  # the library's calendar order
        self.empty_message = empty_message
        self._filter(cursor=0)
        self.scroll_to(y=0, animate=False, immediate=True)

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
        item = self.items[index]
        title = item.article_title if self.scope == "library" else None
        return timeline_lines(item.fact, width, title)

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
