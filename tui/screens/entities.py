"""The entity index (`I`): every name of the library resolved across articles, most mentioned first.
Typing filters by name or alias, `tab`/`shift+tab` step through the types (all, person, organisation…),
`enter` opens the profile (`tui.screens.profile`), `esc` closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from store.safetext import one_line
from store.wording import counted
from tui.across_render import entity_cells
from tui.render import META_STYLE, SHORT_LABELS
from tui.theme import ENTITY_ORDER
from tui.threads import post

if TYPE_CHECKING:
    from extract.across.model import EntitySummary
    from tui.across import AcrossViews

TYPES: tuple[str | None, ...] = (None, *ENTITY_ORDER)  # None: every type
MAX_ROWS = 500  # the table shows at most this many matches; typing narrows


def entity_matches(entity: EntitySummary, words: list[str], kind: str | None) -> bool:
    """Of type `kind` (any when None) and every one of `words` (case-folded) in its name or an alias."""
    if kind is not None and entity.type != kind:
        return False
    if not words:
        return True
    hay = " ".join([entity.name, *(alias for alias, _ in entity.aliases)]).casefold()
    return all(word in hay for word in words)


def type_bar(current: str | None) -> Text:
    """'all · person · organisation …' with the current one reversed."""
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append("tab ", META_STYLE)
    for n, kind in enumerate(TYPES):
        if n:
            out.append(" · ", META_STYLE)
        label = "all" if kind is None else SHORT_LABELS.get(kind, kind.lower())
        out.append(label, Style(reverse=True, bold=True) if kind == current else Style(dim=True))
    return out


class EntityIndexScreen(ModalScreen[None]):
    """All entities in a table; the filter box has the focus first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("tab", "cycle_type(1)", "Next type", tooltip="Only people, organisations, places… (cycles)"),
        Binding("shift+tab", "cycle_type(-1)", "Previous type", show=False),
        Binding("down", "to_table", "To the table", show=False),
        Binding("slash", "to_filter", "Filter", tooltip="Type part of a name or alias", show=False),
        Binding("j", "move(1)", "Next name", show=False),
        Binding("k", "move(-1)", "Previous name", show=False),
    ]
    DEFAULT_CSS = """
    EntityIndexScreen { align: center middle; }
    EntityIndexScreen > Vertical {
        width: 120; max-width: 100%; height: 100%;
        border: round $accent; border-title-align: center; border-subtitle-align: center;
        background: $surface; padding: 0 1;
    }
    EntityIndexScreen Input { height: 3; }
    EntityIndexScreen #entity-types { height: 1; }
    EntityIndexScreen #entity-note { height: auto; color: $text-muted; }
    EntityIndexScreen DataTable { height: 1fr; }
    """

    def __init__(self, views: AcrossViews) -> None:
        super().__init__()
        self.views = views
        self.entities: list[EntitySummary] = []
        self.shown: list[EntitySummary] = []
        self.kind: str | None = None
        self.loaded = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Names across the library"
            box.border_subtitle = "type to filter · tab type · ↓ table · enter profile · esc closes"
            yield Input(placeholder="Filter: part of a name or alias", id="entity-filter")
            yield Static(type_bar(None), id="entity-types")
            yield Static(Text("Reading the library's names…", META_STYLE), id="entity-note")
            yield DataTable(id="entities", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        table = self.query_one(DataTable)
        table.add_columns("Name", "Mentions", "Articles", "Type", "Also written")
        field.focus()
        self.views.run(self._load, "across-index")

    def _load(self) -> None:
        try:
            entities = self.views.library.entities()
        except Exception as error:
            post(self.app, self._failed, one_line(str(error)))
            return
        post(self.app, self.views.built)
        post(self.app, self._loaded, entities)

    def _failed(self, message: str) -> None:
        self.query_one("#entity-note", Static).update(Text(f"Could not read the names: {message}"))

    def _loaded(self, entities: list[EntitySummary]) -> None:
        self.entities, self.loaded = entities, True
        self._fill()

    def _fill(self) -> None:
        words = self.query_one(Input).value.casefold().split()
        matching = [e for e in self.entities if entity_matches(e, words, self.kind)]
        self.shown = matching[:MAX_ROWS]
        table = self.query_one(DataTable)
        table.clear()
        for entity in self.shown:
            table.add_row(*entity_cells(entity), key=entity.key)
        note = self.query_one("#entity-note", Static)
        if not self.entities:
            message = "No names yet: the library's articles name no one (or are not analysed yet)."
        elif not matching:
            message = "No name matches the filter (tab changes the type)."
        elif len(matching) > len(self.shown):
            message = f"{len(self.shown):,} of {counted(len(matching), 'name')} shown: type to narrow."
        else:
            message = f"{counted(len(matching), 'name')} · enter opens the profile"
        note.update(Text(message, META_STYLE))
        self.query_one("#entity-types", Static).update(type_bar(self.kind))

    @on(Input.Changed, "#entity-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self.loaded:
            self._fill()

    @on(Input.Submitted, "#entity-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self._open(self.query_one(DataTable).cursor_row)

    @on(DataTable.RowSelected, "#entities")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.cursor_row)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.views.show_profile(self.shown[row].key)

    def action_cycle_type(self, step: int) -> None:
        self.kind = TYPES[(TYPES.index(self.kind) + step) % len(TYPES)]
        if self.loaded:
            self._fill()
        else:
            self.query_one("#entity-types", Static).update(type_bar(self.kind))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("to_table", "move"):  # ↓ from the box; j/k only in the table (typed in the box)
            return (
                isinstance(self.focused, Input)
                if action == "to_table"
                else isinstance(self.focused, DataTable)
            )
        if action == "to_filter":
            return not isinstance(self.focused, Input)
        return True

    def action_to_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_to_filter(self) -> None:
        self.query_one(Input).focus()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        (table.action_cursor_down if step > 0 else table.action_cursor_up)()

    def action_close(self) -> None:
        self.dismiss(None)
