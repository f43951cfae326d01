"""The conflicts list (`C`): dates on which articles give incompatible values for the same series (their
qualifiers considered), each with its claims (value, source, article, the figure as written). `enter` on
a claim jumps to the figure in the reader; `esc` closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.safetext import one_line
from store.wording import counted
from tui.across_render import claim_line, conflict_title, no_data
from tui.render import META_STYLE
from tui.threads import post

if TYPE_CHECKING:
    from extract.across.model import Conflict
    from tui.across import AcrossViews


def conflict_options(conflicts: list[Conflict]) -> list[Option | None]:
    """A disabled title per conflict, then one option per claim (`conflict:claim` ids)."""
    options: list[Option | None] = []
    for n, conflict in enumerate(conflicts):
        if options:
            options.append(None)
        options.append(Option(conflict_title(conflict), id=f"title:{n}", disabled=True))
        options.extend(Option(claim_line(claim), id=f"{n}:{k}") for k, claim in enumerate(conflict.claims))
    return options


class ConflictsScreen(ModalScreen[None]):
    """Every conflict of the library; data from `Library.conflicts` in a worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close"),
        Binding("enter", "choose", "Jump", tooltip="Jump to the claim's figure in the reader"),
        Binding("j", "move(1)", "Next claim", show=False),
        Binding("k", "move(-1)", "Previous claim", show=False),
    ]
    DEFAULT_CSS = """
    ConflictsScreen { align: center middle; }
    ConflictsScreen > Vertical {
        width: 120; max-width: 100%; height: 100%;
        border: round $accent; border-title-align: center; border-subtitle-align: center;
        background: $surface; padding: 0 1;
    }
    ConflictsScreen #conflicts-note { height: auto; margin-bottom: 1; }
    ConflictsScreen OptionList { height: 1fr; }
    """

    def __init__(self, views: AcrossViews) -> None:
        super().__init__()
        self.views = views
        self.conflicts: list[Conflict] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Sources disagree"
            box.border_subtitle = "↑↓ claims · enter jumps to the figure · esc closes"
            yield Static(Text("Comparing the library's figures…", META_STYLE), id="conflicts-note")
            yield OptionList(id="conflicts")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.views.run(self._load, "across-conflicts")

    def _load(self) -> None:
        try:
            conflicts = self.views.library.conflicts()
        except Exception as error:
            post(self.app, self._note, no_data(f"Could not compare the figures: {one_line(str(error))}"))
            return
        post(self.app, self.views.built)
        post(self.app, self._loaded, conflicts)

    def _note(self, text: Text) -> None:
        self.query_one("#conflicts-note", Static).update(text)

    def _loaded(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        if not conflicts:
            self._note(
                Text("No conflicts: no two articles give incompatible figures for the same date.", META_STYLE)
            )
            return
        self._note(
            Text(
                f"{counted(len(conflicts), 'conflict')}: articles giving incompatible values for the same "
                "thing on the same date (beyond what “about”, “at least”… allow)",
                META_STYLE,
            )
        )
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(conflict_options(conflicts))
        options.action_first()

    @on(OptionList.OptionSelected, "#conflicts")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None or option.disabled:
            return
        n, _, k = option.id.partition(":")
        claim = self.conflicts[int(n)].claims[int(k)]
        self.views.jump(claim.article_id, (claim.start, claim.end))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_close(self) -> None:
        self.dismiss(None)
