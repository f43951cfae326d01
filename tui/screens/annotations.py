"""The annotations list (`A`): every annotation in the library with its article, kind, quote, note and
tags; an Input filters it (words, `#tag`); `enter` returns the chosen annotation to jump to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.records import Annotation, ArticleMeta
from tui.render import (
    ANNOTATION_COLORS,
    META_STYLE,
    NOTE_MARK,
    NOTE_STYLE,
    NOTICE_STYLE,
    correction_label,
    one_line,
)

QUOTE_CELLS = 200


@dataclass(frozen=True, slots=True)
class AnnotationRow:
    """An annotation with the article it belongs to (None: the article is gone)."""

    annotation: Annotation
    article: ArticleMeta | None

    @property
    def title(self) -> str:
        return one_line(self.article.title) if self.article else "(article removed)"

    @property
    def tags(self) -> tuple[str, ...]:
        return self.article.tags if self.article else ()

    def haystack(self) -> str:
        a = self.annotation
        parts = [self.title, a.kind, a.exact, a.note or "", a.color or "", " ".join(self.tags)]
        if a.correction:
            parts.append(correction_label(a.correction))
        if a.orphaned:
            parts.append("orphaned")
        return " ".join(parts).casefold()


def matches(row: AnnotationRow, query: str) -> bool:
    """All words of `query` occur in the row; a `#tag` must be one of the article's tags. A tag with
    spaces is typed as shown (`#new york`: the longest run of words after `#` that is a tag) or with
    `-` or `_` for its spaces (`#new-york`)."""
    hay = None
    tags = {t.casefold() for t in row.tags}
    terms = query.casefold().split()
    i = 0
    while i < len(terms):
        term = terms[i]
        i += 1
        if term.startswith("#") and len(term) > 1:
            words = [term[1:], *terms[i:]]
            for n in range(len(words), 0, -1):  # the longest run of words that is a tag
                tag = " ".join(words[:n])
                if tag in tags or " ".join(tag.replace("-", " ").replace("_", " ").split()) in tags:
                    i += n - 1
                    break
            else:
                return False
            continue
        hay = hay if hay is not None else row.haystack()
        if term not in hay:
            return False
    return True


def row_prompt(row: AnnotationRow) -> Text:
    """Three lines: kind and article (tags), the quote, the note or correction."""
    a = row.annotation
    out = Text(no_wrap=False, overflow="fold")
    if a.kind == "correction":
        out.append(" correction ", Style(bold=True, color="#1b1b1b", bgcolor="#ff9e80"))
    else:
        style = ANNOTATION_COLORS.get(a.color or "", Style(bgcolor="#444444"))
        out.append(f" {a.color or a.kind} ", style + Style(bold=True))
    out.append(" ")
    out.append(row.title, Style(bold=True))
    if row.tags:
        out.append("  " + " ".join(f"#{one_line(t)}" for t in row.tags), Style(color="#80cbc4"))
    if a.orphaned:
        out.append("  orphaned", NOTICE_STYLE)
    quote = one_line(a.exact)
    if len(quote) > QUOTE_CELLS:
        quote = quote[: QUOTE_CELLS - 1] + "…"
    out.append("\n  “" + quote + "”", META_STYLE)
    if a.kind == "correction":
        out.append("\n  " + correction_label(a.correction), Style(color="#ff9e80"))
    elif a.note:
        out.append(f"\n  {NOTE_MARK} " + one_line(a.note), NOTE_STYLE)
    return out


class AnnotationsScreen(ModalScreen[Annotation | None]):
    """Lists annotations; typing in the filter narrows them; enter jumps; escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "to_list", "To the list", show=False),
    ]
    DEFAULT_CSS = """
    AnnotationsScreen { align: center middle; }
    AnnotationsScreen > Vertical {
        width: 100; max-width: 100%; height: 90%;
        border: round $accent; border-title-align: center; border-subtitle-align: center;
        background: $surface; padding: 0 1;
    }
    AnnotationsScreen Input { margin-bottom: 1; }
    AnnotationsScreen OptionList { height: 1fr; }
    AnnotationsScreen #empty { height: auto; color: $text-muted; }
    """

    def __init__(self, rows: Sequence[AnnotationRow], query: str = "") -> None:
        super().__init__()
        self.rows = list(rows)
        self.initial_query = query
        self.shown: list[AnnotationRow] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Annotations · {len(self.rows)}"
            box.border_subtitle = "type to filter (#tag, words) · ↓ the list · enter jumps · esc closes"
            yield Input(
                self.initial_query,
                placeholder="Filter: words from the title, quote or note; #tag",
                id="filter",
            )
            yield Static("", id="empty", markup=False)
            yield OptionList(id="annotations")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        self._fill(self.initial_query)
        field.focus()

    def _fill(self, query: str) -> None:
        self.shown = [row for row in self.rows if matches(row, query)]
        options = self.query_one(OptionList)
        options.clear_options()
        items: list[Option | None] = []
        for row in self.shown:
            if items:
                items.append(None)  # a separator line between annotations
            items.append(Option(row_prompt(row), id=row.annotation.id))
        options.add_options(items)
        if self.shown:
            options.highlighted = 0
        empty = self.query_one("#empty", Static)
        if not self.rows:
            empty.update("No annotations yet: in the reader, h highlights a sentence and a adds a note.")
        elif not self.shown:
            empty.update("No annotation matches the filter.")
        else:
            empty.update("")
        empty.display = not self.shown

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if self.shown and options.highlighted is not None:
            self._jump(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#annotations")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._jump(event.option.id)

    def _jump(self, annotation_id: str | None) -> None:
        row = next((r for r in self.shown if r.annotation.id == annotation_id), None)
        if row is not None:
            self.dismiss(row.annotation)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_list":  # only from the filter box; the list uses ↓ itself
            return isinstance(self.focused, Input)
        return True

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
