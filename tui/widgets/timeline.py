"""The timeline panel: dated facts in calendar order, for the open article or the whole library.

Each entry shows the normalised date, the date as written, (in library scope) its article's title, and
the sentence trimmed around the date with figures in bold. Virtualised like the article list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType

from store.records import TimelineEntry
from tui.render import timeline_lines
from tui.widgets.virtual_list import VirtualList
from tui.words import counted

Scope = Literal["article", "library"]


class Timeline(VirtualList):
    """Facts as two-line entries (three with the article title in library scope)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Jump", tooltip="Jump to the fact's sentence in the reader"),
        Binding("l", "app.toggle_timeline_scope", "Scope", tooltip="This article / whole library"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[TimelineEntry] = []
        self.scope: Scope = "article"
        self.entity: str | None = None
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
        self.items = list(items)  # the library's calendar order
        self.empty_message = empty_message
        self._update_title()
        self.set_row_count(len(self.items), cursor=0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def _update_title(self) -> None:
        where = "this article" if self.scope == "article" else "whole library"
        self.border_title = f"Timeline · {where}"
        self.border_subtitle = f"{counted(len(self.items), 'fact')} · l switches"

    @property
    def current(self) -> TimelineEntry | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def render_row(self, index: int, width: int) -> list[Text]:
        item = self.items[index]
        title = item.article_title if self.scope == "library" else None
        return timeline_lines(item.fact, width, title)
