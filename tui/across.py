"""The cross-article views of the app (issue 12): the entity index (`I`), the profile of the name under
the reader's cursor (`e`), the series of the figure under it (`p`) or every series (`P`), the conflicts
list (`C`), and the conflict marker on the open article's figures.

`AcrossViews` owns these screens and the library calls behind them; the calls run in thread workers and
come back through `tui.threads.post`. A jump (Enter on a fact, an article, a point or a claim) or a name
filter chosen in one of the screens closes them all and hands the choice to the app's callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text

from store.safetext import one_line
from tui.across_render import conflict_status
from tui.keys import binding_rows
from tui.threads import post

if TYPE_CHECKING:
    from textual.app import App

    from extract.across.model import Conflict, EntitySummary, Series
    from store.library import Library
    from tui.render import Highlight
    from tui.screens.help import Section
    from tui.widgets.bars import StatusLine
    from tui.widgets.reader import Reader

WARM_UP_ARTICLES = 2_000  # a larger library builds the cross-article index on the first view, not at once
Jump = Callable[[str, tuple[int, int] | None], None]  # article id, body range to mark (None: the top)


def pick_entity(candidates: list[EntitySummary], kind: str | None) -> EntitySummary | None:
    """The candidate of the highlight's type (the most mentioned), else the most mentioned one."""
    same = [c for c in candidates if c.type == kind]
    return next(iter(same or candidates), None)


class AcrossViews:
    """Opens the cross-article screens over the app's main screen and feeds them from the library."""

    def __init__(
        self,
        app: App[Any],
        library: Library,
        *,
        status: StatusLine,
        reader: Reader,
        on_jump: Jump,
        on_filter: Callable[[str], None],
    ) -> None:
        self.app = app
        self.library = library
        self.status = status
        self.reader = reader
        self.on_jump = on_jump
        self.on_filter = on_filter
        self.ready = False  # the library's cross-article index has been built in this session

    def built(self) -> None:
        """A worker got an answer from the cross-article index: from now on each article opened gets its
        conflict marker, starting with the open one."""
        if not self.ready:
            self.ready = True
            article_id = self.reader.article_id
            if article_id is not None:
                self.run(lambda: self._load_conflicts(article_id), "across-marker")

    def run(self, work: Callable[[], None], group: str) -> None:
        """`work` in a thread worker of the app (one at a time per group)."""
        self.app.run_worker(work, group=group, exclusive=True, thread=True, exit_on_error=False)

    def say(self, message: str | Text) -> None:
        """A message in the status line, from any thread."""
        post(self.app, self.status.show_text, message)

    @staticmethod
    def help_sections() -> list[Section]:
        """The screens' keys for the help screen (`?`), from their own bindings."""
        from tui.screens.conflicts import ConflictsScreen
        from tui.screens.entities import EntityIndexScreen
        from tui.screens.profile import ProfileScreen
        from tui.screens.series import SeriesScreen

        return [
            ("Names (I)", [("type", "Filter by name or alias"), *binding_rows(EntityIndexScreen.BINDINGS)]),
            ("Profile (e, or enter on a name)", binding_rows(ProfileScreen.BINDINGS)),
            (
                "Figures over time (P, or p on a figure)",
                [("enter", "Jump to the point in the reader"), *binding_rows(SeriesScreen.BINDINGS)],
            ),
            ("Sources disagree (C)", binding_rows(ConflictsScreen.BINDINGS)),
        ]

    # -- the screens ---------------------------------------------------------------------------------
    def show_index(self) -> None:
        from tui.screens.entities import EntityIndexScreen

        if not isinstance(self.app.screen, EntityIndexScreen):
            self.app.push_screen(EntityIndexScreen(self))

    def show_profile(self, key: str) -> None:
        from tui.screens.profile import ProfileScreen

        self.app.push_screen(ProfileScreen(self, key))

    def show_series(
        self, key: str | None = None, entity: str | None = None, figure: tuple[str, int] | None = None
    ) -> None:
        """The series view on series `key` (the first when None), of the series about `entity` only when
        given; `figure` (article id, offset) selects that figure's point."""
        from tui.screens.series import SeriesScreen

        self.app.push_screen(SeriesScreen(self, key=key, entity=entity, figure=figure))

    def show_conflicts(self) -> None:
        from tui.screens.conflicts import ConflictsScreen

        if not isinstance(self.app.screen, ConflictsScreen):
            self.app.push_screen(ConflictsScreen(self))

    def close_all(self) -> None:
        """Back to the main screen (every screen over it closes)."""
        while len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def jump(self, article_id: str, span: tuple[int, int] | None) -> None:
        """Close the screens and open the article with `span` marked (None: at its top)."""
        self.close_all()
        self.on_jump(article_id, span)
        self.reader.focus()

    def filter(self, name: str) -> None:
        """Close the screens and filter the list and the timeline by `name`."""
        self.close_all()
        self.on_filter(name)

    # -- from the reader's cursor (e, p) ---------------------------------------------------------------
    def profile_of(self, highlight: Highlight | None) -> None:
        """`e`: the profile of the name under the reader's cursor."""
        if highlight is None or highlight.layer != "entity":
            self.status.show_text("Put the reader's cursor on a name first (n/N walk the highlights).")
            return
        name = one_line(getattr(highlight.item, "canonical", "")) or one_line(highlight.item.text)
        kind = getattr(highlight.item, "type", None)
        self.status.show_text(f"Looking up {name}…")
        self.run(lambda: self._find_profile(name, kind), "across-open")

    def _find_profile(self, name: str, kind: str | None) -> None:
        try:
            found = pick_entity(self.library.find_entities(name), kind)
        except Exception as error:
            self.say(f"Could not read the entities: {one_line(str(error))}")
            return
        post(self.app, self.built)
        if found is None:
            self.say(f"No profile for {name} (I lists every name).")
            return
        post(self.app, self.show_profile, found.key)
        self.say(f"Profile of {one_line(found.name)} · f in it filters the list and timeline")

    def series_of(self, article_id: str | None, highlight: Highlight | None) -> None:
        """`p`: the series of the figure under the reader's cursor."""
        if article_id is None or highlight is None or highlight.layer != "figure":
            self.status.show_text("Put the reader's cursor on a figure first (n/N); P lists every series.")
            return
        self.run(lambda: self._find_series(article_id, highlight.start), "across-open")

    def _find_series(self, article_id: str, start: int) -> None:
        try:
            series: Series | None = self.library.series_for_figure(article_id, start)
        except Exception as error:
            self.say(f"Could not read the series: {one_line(str(error))}")
            return
        post(self.app, self.built)
        if series is None:
            self.say("This figure is in no series (P lists every series).")
            return
        post(self.app, self.show_series, series.key, None, (article_id, start))

    # -- the conflict marker ---------------------------------------------------------------------------
    def load_conflicts(self, article_id: str, library_size: int) -> None:
        """Flag the open article's figures that other articles contradict (in a worker). The first call
        builds the cross-article index, which holds the library for as long as that takes: a library of
        more than `WARM_UP_ARTICLES` articles waits until a cross-article view has built it."""
        if self.ready or library_size <= WARM_UP_ARTICLES:
            self.run(lambda: self._load_conflicts(article_id), "across-marker")

    def _load_conflicts(self, article_id: str) -> None:
        try:
            conflicts: list[Conflict] = self.library.conflicts_for_article(article_id)
        except Exception as error:  # the marker is an extra: the reader works without it
            self.app.log.warning(f"conflicts of {article_id}: {error!r}")
            return
        self.ready = True
        if conflicts:
            post(self.app, self.reader.set_conflicts, article_id, conflicts)

    def conflict_note(self, highlight: Highlight | None) -> Text | None:
        """The status line's note for a conflicting figure under the cursor, else None."""
        conflict = self.reader.conflict_at(highlight)
        if conflict is None or highlight is None or self.reader.article_id is None:
            return None
        return conflict_status(conflict, self.reader.article_id, highlight.start)
