"""The fact detail popup (`i` in the timeline): the selected statement in full, over the timeline.

Shows the fact's article title and source, its whole sentence, every date with its value, its figures and
names (`tui.render.fact_detail`); j/k step to the next/previous fact of the timeline without closing,
enter jumps to the sentence in the reader, escape or i closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.render import fact_detail

if TYPE_CHECKING:
    from tui.widgets.timeline import Timeline


class FactDetailScreen(ModalScreen[bool]):
    """Dismissed with True when the user asked to jump to the sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,i,q", "close", "Close"),
        Binding("j,down", "step(1)", "Next fact"),
        Binding("k,up", "step(-1)", "Previous fact"),
        Binding("enter", "jump", "Jump to the sentence"),
    ]

    DEFAULT_CSS = """
    FactDetailScreen { align: center middle; }
    FactDetailScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; border-title-align: left; border-subtitle-align: right;
        background: $surface; padding: 0 1;
    }
    FactDetailScreen Static { width: 100%; height: auto; }
    """

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        self.timeline = timeline

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_subtitle = "j/k next/previous · enter jumps · esc closes"
            yield Static(id="fact-detail")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        item = self.timeline.current
        scroll = self.query_one(VerticalScroll)
        body = self.query_one("#fact-detail", Static)
        if item is None:
            body.update("No fact selected.")
            return
        scroll.border_title = f"Fact {self.timeline.cursor + 1} of {len(self.timeline.items)}"
        body.update(fact_detail(item.fact, item.article_title, item.source))

    def action_step(self, delta: int) -> None:
        self.timeline.cursor = max(0, min(len(self.timeline.items) - 1, self.timeline.cursor + delta))
        self._show()

    def action_jump(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
