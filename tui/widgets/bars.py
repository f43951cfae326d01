"""One-line bars: the highlight legend, the status line (highlight details, messages), the filter
indicator above the article list and the footer of key bindings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Footer, Static

from store.records import Annotation
from store.wording import counted
from tui.render import (
    LAYERS,
    META_STYLE,
    Highlight,
    Layer,
    annotation_summary,
    highlight_details,
    legend,
    one_line,
)

if TYPE_CHECKING:
    from textual.app import ComposeResult


class Legend(Static):
    """What each highlight colour means, and which layers (1/2/3) are on."""

    DEFAULT_CSS = """
    Legend { height: 1; width: 1fr; padding: 0 1; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(legend(LAYERS), id=id, markup=False)
        self._layers: set[Layer] = set(LAYERS)
        self._compact = False

    @property
    def compact(self) -> bool:
        return self._compact

    @compact.setter
    def compact(self, value: bool) -> None:
        self._compact = value
        self.update(legend(self._layers, compact=value), layout=False)

    def show_layers(self, layers: Iterable[Layer]) -> None:
        self._layers = set(layers)
        self.update(legend(self._layers, compact=self._compact), layout=False)


class StatusLine(Static):
    """Details of the highlight under the reader's cursor, else a hint or message."""

    DEFAULT_CSS = """
    StatusLine { height: 1; width: 1fr; padding: 0 1; background: $surface; }
    """

    HINT = "j/k sentence · J/K extend · w words · h highlight · a note · n/N highlights · A list · ? help"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(self.HINT, style=META_STYLE), id=id, markup=False)
        self.held: str | None = None  # a message kept until the reader's cursor moves

    def hold(self, message: str) -> None:
        """Show `message` and keep it while the reader's content changes under a cursor that stays put."""
        self.held = message
        self.show_text(message)

    def show_highlight(self, highlight: Highlight | None, flag: Text | None = None) -> None:
        """The highlight's details; `flag` (a conflict over this figure, say) goes first."""
        if highlight is None:
            self.update(Text(self.HINT, style=META_STYLE, no_wrap=True, overflow="ellipsis"), layout=False)
        else:
            details = highlight_details(highlight)
            if flag is not None:
                details = flag + Text("  ·  ") + details
            details.no_wrap = True
            details.overflow = "ellipsis"
            self.update(details, layout=False)

    def show_annotation(self, annotation: Annotation) -> None:
        self.update(annotation_summary(annotation), layout=False)

    def show_text(self, text: str | Text) -> None:
        self.update(text if isinstance(text, Text) else Text(text, style=META_STYLE), layout=False)


class FilterBar(Static):
    """Says which filter (search words, entity) narrows the list and timeline; hidden when none."""

    DEFAULT_CSS = """
    FilterBar {
        height: 1; width: 1fr; padding: 0 1; background: $warning 30%; display: none;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    FilterBar.-active { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show_filter(
        self, search: str | None, entity: str | None, matches: int | None, *, narrowed: str | None = None
    ) -> None:
        if not search and not entity and not narrowed:
            self.remove_class("-active")
            self.update("")
            return
        text = Text(no_wrap=True, overflow="ellipsis")
        if entity:
            text.append("about ", META_STYLE)
            text.append(one_line(entity), "bold")
        if narrowed:
            if entity:
                text.append(" · ")
            text.append("only ", META_STYLE)
            text.append(one_line(narrowed), "bold")
        if search:
            if entity or narrowed:
                text.append(" · ")
            text.append("search ", META_STYLE)
            text.append(f"“{one_line(search)}”", "bold")
        if matches is not None:
            text.append(f" · {counted(matches, 'article')}", META_STYLE)
        text.append(" · esc clears", META_STYLE)
        self.update(text)
        self.add_class("-active")


class KeyFooter(Footer):
    """Textual's footer of key bindings, composed again only when what it shows changes.

    Textual's footer rebuilds its keys (widgets: styled, laid out, the whole screen drawn again) after
    every signal that the screen's bindings may have changed (a focus change, a reactive bound to them),
    one rebuild per signal; most change nothing it shows (the three before the app's first article were
    all the same).
    """

    _shown: tuple[object, ...] | None = None  # what the keys were composed from (None: none composed)

    def _showing(self) -> tuple[object, ...]:
        bindings = self.screen.active_bindings
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        shown = tuple((b, enabled, tip) for _, b, enabled, tip in bindings.values() if b.show)
        return (*shown, None if palette is None else palette[1:], self.show_command_palette)

    def compose(self) -> ComposeResult:
        self._shown = self._showing() if self._bindings_ready else None
        yield from super().compose()

    async def recompose(self) -> None:
        if self._shown is not None and self.is_attached and self._showing() == self._shown:
            return  # the same keys as on screen
        await super().recompose()
