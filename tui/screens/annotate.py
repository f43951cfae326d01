"""Small modal editors used while annotating: a note (multi-line), the article's tags (with completion)
and a correction of the analysis (entity type, "not a name", or a date's value)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from extract.corrections import NOT_AN_ENTITY
from extract.model import ENTITY_TYPES
from store.tags import split_tags
from tui.render import ENTITY_LABELS, ENTITY_STYLES, META_STYLE, indefinite, one_line

QUOTE_CHARS = 160
_DAY_PART = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
VALUE_EXAMPLES = "2020-01-03, 2020-01, 2020, 2020-Q3, 2020-SU, 2020-W02, 198, P3D, FUTURE_REF"

MODAL_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 76; max-width: 100%; height: auto; max-height: 100%;
    border: round $accent; border-title-align: center; border-subtitle-align: center;
    background: $surface; padding: 0 1;
}}
{name} .quote {{ height: auto; max-height: 4; margin-bottom: 1; }}
{name} .hint {{ height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }}
{name} .label {{ height: auto; color: $text-muted; }}
{name} .error {{ height: auto; color: $error; }}
"""


def quote_text(quote: str) -> Text:
    """The selected text, shown (trimmed, one line per paragraph) at the top of an editor."""
    flat = one_line(quote)
    if len(flat) > QUOTE_CHARS:
        flat = flat[: QUOTE_CHARS - 1] + "…"
    return Text(f"“{flat}”", style=META_STYLE)


def parse_tags(value: str) -> list[str]:
    """'iraq, troops,, Iraq ' -> ['iraq', 'troops'] (the store's one tag normaliser)."""
    return split_tags(value)


class TagSuggester(Suggester):
    """Completes the tag being typed after the last comma from the library's tags."""

    def __init__(self, tags: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = list(tags)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        taken = {t.casefold() for t in parse_tags(head)}
        for tag in self.tags:
            if tag.casefold().startswith(typed.casefold()) and tag.casefold() not in taken:
                return value + tag[len(typed) :]
        return None


class NoteScreen(ModalScreen[str | None]):
    """A multi-line note for the selection: ctrl+s saves, escape cancels. Returns the text or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save the note", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = MODAL_CSS.format(name="NoteScreen") + "NoteScreen TextArea { height: 8; }"

    def __init__(self, quote: str, note: str = "") -> None:
        super().__init__()
        self.quote = quote
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Note"
            box.border_subtitle = "ctrl+s saves · esc cancels"
            yield Static(quote_text(self.quote), classes="quote", markup=False)
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = getattr(self.app, "cursor_blink", True)
        area.move_cursor(area.document.end)
        area.focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class TagsScreen(ModalScreen[list[str] | None]):
    """The article's tags, comma-separated, completed from the library's tags (→ accepts)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = MODAL_CSS.format(name="TagsScreen")

    def __init__(self, title: str, tags: Sequence[str], known: Sequence[str]) -> None:
        super().__init__()
        self.article_title = title
        self.tags = list(tags)
        self.known = list(known)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Tags"
            box.border_subtitle = "enter saves · esc cancels"
            yield Static(Text(one_line(self.article_title), style="bold"), classes="quote", markup=False)
            value = ", ".join(self.tags) + (", " if self.tags else "")
            yield Input(
                value,
                placeholder="tag, another tag",
                id="tags",
                suggester=TagSuggester(self.known),
                select_on_focus=False,  # typing adds a tag; it must not replace the existing ones
            )
            known = ", ".join(self.known[:12]) if self.known else "none yet"
            yield Static(
                f"comma-separated · → completes · known: {known}",  # one line, cut with "…" (.hint)
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.cursor_position = len(field.value)
        field.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TimexValue(Validator):
    """Any value the date engine produces (`extract.timex.values.is_valid_value`): a day, month, year,
    quarter, season, week, decade, century, time, duration or PAST/PRESENT/FUTURE_REF; its day and month
    must exist in the calendar."""

    def validate(self, value: str) -> ValidationResult:
        from extract.timex.values import is_valid_value

        value = value.strip()
        if not is_valid_value(value):
            return self.failure(f"Write a date value such as {VALUE_EXAMPLES}.")
        if m := _DAY_PART.match(value):
            year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else 1
            try:
                date(year, month, day)
            except ValueError:
                return self.failure(f"{m[0]} is not a day of the calendar.")
        return self.success()


class CorrectionScreen(ModalScreen[dict[str, str] | None]):
    """Correct the analysis: a name's type or "not a name", or a date's value. Returns the correction."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = (
        MODAL_CSS.format(name="CorrectionScreen")
        + "CorrectionScreen OptionList { height: auto; max-height: 10; }"
    )

    def __init__(self, quote: str, *, is_date: bool, current: str = "") -> None:
        super().__init__()
        self.quote = quote
        self.is_date = is_date
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Correct the date" if self.is_date else "Correct the name"
            box.border_subtitle = "enter chooses · esc cancels"
            yield Static(quote_text(self.quote), classes="quote", markup=False)
            if self.is_date:
                yield Static(
                    "this date means (a day, month, year, quarter, season, week, decade, duration…):",
                    classes="label",
                    markup=False,
                )
                yield Input(
                    self.current,
                    placeholder="2020-01-03 · 2020-11 · 2020-Q3 · P3D",
                    id="date",
                    validators=[TimexValue()],
                    select_on_focus=True,
                )
                yield Static("", id="error", classes="error", markup=False)
            else:
                options = [
                    Option(self._type_prompt(kind), id=kind) for kind in ENTITY_TYPES if kind != self.current
                ]
                options.append(Option(Text("this is not a name", style="italic"), id=NOT_AN_ENTITY))
                yield OptionList(*options, id="choices")

    @staticmethod
    def _type_prompt(kind: str) -> Text:
        prompt = Text("this is " + indefinite(kind)[: -len(kind)])
        prompt.append(kind, ENTITY_STYLES[kind])
        prompt.append(f"  ({ENTITY_LABELS[kind]})", META_STYLE)
        return prompt

    def on_mount(self) -> None:
        if self.is_date:
            field = self.query_one(Input)
            field.cursor_blink = getattr(self.app, "cursor_blink", True)
            field.focus()
        else:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss({"type": event.option.id})

    @on(Input.Submitted)
    def _date_submitted(self, event: Input.Submitted) -> None:
        result = TimexValue().validate(event.value)
        if not result.is_valid:
            self.query_one("#error", Static).update(Text(" ".join(result.failure_descriptions)))
            return
        self.dismiss({"date": event.value.strip()})

    def action_cancel(self) -> None:
        self.dismiss(None)
