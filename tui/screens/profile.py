"""A name's profile (`e` on a name in the reader, `enter` in the entity index): canonical name, type and
the forms used with their counts; then the articles naming it (title, date, mentions), its dated facts in
date order, its figures and the names most often in the same sentences.

`enter` on an article opens it, on a fact or figure jumps to its sentence in the reader, on a co-mentioned
name opens that profile; `p` on a figure opens its series, `s` the series about this name, `f` filters the
article list and the timeline by this name (the `e` of earlier versions); `esc` goes back."""

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
from tui.across_render import (
    co_mention,
    no_data,
    profile_article,
    profile_fact,
    profile_figure,
    profile_header,
    section_title,
)
from tui.render import META_STYLE
from tui.threads import post

if TYPE_CHECKING:
    from extract.across.model import EntityProfile
    from tui.across import AcrossViews


def profile_options(profile: EntityProfile) -> list[Option | None]:
    """The profile's sections as options: a disabled title, then one option per row (`kind:index` ids);
    an empty section says so."""
    sections: list[tuple[str, str, list[Text]]] = [
        ("Articles", "article", [profile_article(a) for a in profile.articles]),
        ("Dated facts", "fact", [profile_fact(f) for f in profile.facts]),
        ("Figures", "figure", [profile_figure(f) for f in profile.figures]),
        ("Named in the same sentences", "co", [co_mention(*c) for c in profile.co_mentions]),
    ]
    options: list[Option | None] = []
    for title, kind, rows in sections:
        if options:
            options.append(None)
        options.append(Option(section_title(title, len(rows)), id=f"title:{kind}", disabled=True))
        if not rows:
            options.append(Option(Text("  none", META_STYLE), id=f"none:{kind}", disabled=True))
        options.extend(Option(row, id=f"{kind}:{n}") for n, row in enumerate(rows))
    return options


class ProfileScreen(ModalScreen[None]):
    """One entity's profile; built from `Library.entity_profile` in a worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back"),
        Binding("enter", "choose", "Open / jump", tooltip="Open the article, jump to the fact or figure"),
        Binding("f", "filter", "Filter by it", tooltip="List and timeline: everything about this name"),
        Binding("p", "figure_series", "Series", tooltip="The series of the figure under the cursor"),
        Binding("s", "entity_series", "Its series", tooltip="Every figure series about this name"),
        Binding("j", "move(1)", "Next row", show=False),
        Binding("k", "move(-1)", "Previous row", show=False),
    ]
    DEFAULT_CSS = """
    ProfileScreen { align: center middle; }
    ProfileScreen > Vertical {
        width: 120; max-width: 100%; height: 100%;
        border: round $accent; border-title-align: center; border-subtitle-align: center;
        background: $surface; padding: 0 1;
    }
    ProfileScreen #profile-head { height: auto; max-height: 6; margin-bottom: 1; }
    ProfileScreen OptionList { height: 1fr; }
    """

    def __init__(self, views: AcrossViews, key: str) -> None:
        super().__init__()
        self.views = views
        self.key = key
        self.profile: EntityProfile | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Profile"
            box.border_subtitle = "enter open/jump · p series · s its series · f filter by it · esc back"
            yield Static(Text("Reading the library…", META_STYLE), id="profile-head")
            yield OptionList(id="profile")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.views.run(self._load, "across-profile")

    def _load(self) -> None:
        try:
            profile = self.views.library.entity_profile(self.key)
        except KeyError:
            post(self.app, self._failed, "This name is no longer in the library.")
            return
        except Exception as error:
            post(self.app, self._failed, f"Could not read the profile: {one_line(str(error))}")
            return
        post(self.app, self.views.built)
        post(self.app, self._show, profile)

    def _failed(self, message: str) -> None:
        self.query_one("#profile-head", Static).update(no_data(message))

    def _show(self, profile: EntityProfile) -> None:
        self.profile = profile
        self.query_one(Vertical).border_title = f"Profile · {one_line(profile.name)}"
        self.query_one("#profile-head", Static).update(profile_header(profile))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(profile_options(profile))
        options.action_first()

    def _current(self) -> tuple[str, int] | None:
        """The highlighted row as (kind, index into its section)."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None or option.disabled:
            return None
        kind, _, index = option.id.partition(":")
        return kind, int(index)

    @on(OptionList.OptionSelected, "#profile")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        row, profile = self._current(), self.profile
        if row is None or profile is None:
            return
        kind, i = row
        if kind == "article":
            self.views.jump(profile.articles[i].article_id, None)
        elif kind == "fact":
            fact = profile.facts[i]
            self.views.jump(fact.article_id, (fact.sentence_start, fact.sentence_end))
        elif kind == "figure":
            figure = profile.figures[i]
            self.views.jump(figure.article_id, (figure.start, figure.end))
        elif kind == "co":
            self.views.show_profile(profile.co_mentions[i][1])

    def action_figure_series(self) -> None:
        row, profile = self._current(), self.profile
        if profile is None or row is None or row[0] != "figure":
            self.notify("Put the cursor on a figure first (s: every series about this name).", markup=False)
            return
        figure = profile.figures[row[1]]
        self.views.run(lambda: self._figure_series(figure.article_id, figure.start), "across-open")

    def _figure_series(self, article_id: str, start: int) -> None:
        try:
            series = self.views.library.series_for_figure(article_id, start)
        except Exception as error:
            post(self.app, self.notify, f"Could not read the series: {error}", markup=False)
            return
        if series is None:
            post(self.app, self.notify, "This figure is in no series.", markup=False)
            return
        post(self.app, self.views.show_series, series.key, None, (article_id, start))

    def action_entity_series(self) -> None:
        if self.profile is not None:
            self.views.show_series(entity=self.profile.key)

    def action_filter(self) -> None:
        if self.profile is not None:
            self.views.filter(self.profile.name)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_close(self) -> None:
        self.dismiss(None)
