"""The Briefing Reader app: article list, reader and timeline wired to a `store.Library`.

The app routes keys and messages between panes; every library call (loading, analysing, searching,
writing marks, annotations and UI state, exporting) runs in a thread worker and hands its result back
with `call_from_thread` (`tui.threads`). The annotation actions belong to an `Annotator`
(`tui.annotating`) and the Markdown export to an `Exporter` (`tui.exporting`), both created with the
panes they use. The filters (search, the name filter, the timeline's scope) are reactives whose watchers
refresh the list and the timeline; a `LibraryWatch` (`tui.watching`) brings in articles that another
process imported.

Start-up: what the first screen does not need (the screens opened later, the cross-article views, the
delete/copy actions, the export) is imported when first used, the first article's text is loaded with
the list, and the saved theme is applied before the first frame.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import textwrap
import threading
import time
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from store.library import Library
from store.records import Annotation, ArticleMeta, TimelineEntry
from store.timeline import split_date_range
from store.wording import counted
from tui import theme as palettes
from tui.annotating import SAVING_GROUPS, Annotator, current_meta
from tui.keys import binding_rows, key_hints
from tui.palette import BriefingCommands
from tui.prefetch import (
    PREFETCH_IDLE,
    ArticleCache,
    DrawAhead,
    DrawnRows,
    Loaded,
    draw_rows,
    load_analysis,
    load_text,
    neighbours,
)
from tui.reader_ahead import DrawnText, ReaderPane
from tui.render import LAYERS, NOTICE_STYLE, Highlight, Layer, one_line, value_label
from tui.threads import error_text, post
from tui.watching import LibraryWatch
from tui.widgets.article_list import ArticleList
from tui.widgets.bars import FilterBar, KeyFooter, Legend, StatusLine
from tui.widgets.reader import Reader
from tui.widgets.timeline import Scope, Timeline
from tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from extract.model import Analysis
    from tui.across import AcrossViews
    from tui.article_actions import ArticleActions
    from tui.exporting import Exporter
    from tui.screens.help import Section

PANES: tuple[str, ...] = ("list", "reader", "timeline")
NARROW_WIDTH = 110  # below this the timeline moves under the reader
LONG_ARTICLE_CHARS = 200_000
STATE_ARTICLE = "last_article"
STATE_PANE = "last_pane"
STATE_DELAY = 1.0  # seconds of calm before the reading position is written
STATE_THEME = "theme"
LIST_MIN_WIDTH = 20  # `<` and `>` resize the article list within these bounds
READER_MIN_WIDTH = 40
# A frame allocates thousands of short-lived containers (segments, strips, texts): with the default young-
# generation threshold (700) the collector ran about a dozen times between a key and its frame. A larger
# one (for the app's lifetime; the older generations keep their thresholds) runs it about once in a few keys.
GC_YOUNG_THRESHOLD = 10_000
READ_ONLY_MARKS = "Not changed: this window has the library open read-only (see the notice)."
OPEN_FIRST = "Open an article first (enter in the list)."


def about_highlight(annotation: Annotation, highlight: Highlight) -> bool:
    """Whether the annotation is about this highlight itself (a correction of it, or on its very words)
    rather than about the sentence around it."""
    if annotation.kind == "correction":
        return annotation.start <= highlight.start and highlight.end <= annotation.end
    return (annotation.start, annotation.end) == (highlight.start, highlight.end)


# Textual's own palette commands that the app's commands replace (`get_system_commands`).
_PALETTE_OWN = frozenset({"Quit", "Keys"})


class BriefingApp(App[None]):
    """Three panes over one library: list · reader · timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "Briefing Reader"
    COMMANDS: ClassVar[set[Any]] = {*App.COMMANDS, BriefingCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        # priority: focus moves to the search box before the keys typed after "/" are routed
        Binding("slash", "search", "Search", priority=True),
        Binding("escape", "clear", "Clear the name, source/feed or search filter", show=False),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
        Binding("n", "next_highlight", "Next highlight", tooltip="Next highlight (details below)"),
        Binding("N", "previous_highlight", "Previous highlight", show=False),
        Binding("right_square_bracket", "next_article", "Next article", show=False),
        Binding("left_square_bracket", "previous_article", "Previous article", show=False),
        Binding("m", "toggle_read", "Read/unread", show=False),
        Binding("s", "toggle_star", "Star", show=False),
        Binding("1", "toggle_layer('entity')", "Names highlights on/off", show=False),
        Binding("2", "toggle_layer('figure')", "Figures highlights on/off", show=False),
        Binding("3", "toggle_layer('date')", "Dates highlights on/off", show=False),
        Binding("e", "profile", "About", tooltip="Profile of the name under the cursor (f in it filters)"),
        Binding("l", "toggle_timeline_scope", "Timeline: this article / whole library", show=False),
        Binding("S", "toggle_sort", "Sort by date/source", show=False),
        Binding("less_than_sign", "resize_list(-4)", "Narrower article list", show=False),
        Binding("greater_than_sign", "resize_list(4)", "Wider article list", show=False),
        Binding("t", "edit_tags", "Tags", show=False, tooltip="Edit the open article's tags"),
        Binding("u", "undo_remove", "Undo", show=False, tooltip="Undo the last removal (x) or delete (d)"),
        Binding(
            "d", "delete_article", "Delete", show=False, tooltip="Move the article to the trash (u undoes)"
        ),
        Binding(
            "o", "open_url", "Open web page", show=False, tooltip="Open the article's web page in the browser"
        ),
        Binding(
            "y", "copy_quote", "Copy quote", show=False, tooltip="Copy the sentence/selection with its source"
        ),
        Binding(
            "F", "feeds", "Feeds", show=False, tooltip="Feeds: counts, last update; r updates, enter narrows"
        ),
        Binding(
            "f",
            "narrow_source",
            "Only this source",
            show=False,
            tooltip="List: only this article's source (esc clears)",
        ),
        Binding("A", "annotations", "Annotations", tooltip="Every annotation; filter, enter jumps"),
        Binding("E", "export", "Export", tooltip="Write a Markdown briefing of the list's articles"),
        # across articles (issue 12): tui/across.py
        Binding(
            "p", "figure_series", "Series", show=False, tooltip="The series of the figure under the cursor"
        ),
        Binding("P", "series", "All series", show=False, tooltip="Figures over time: every series, plotted"),
        Binding(
            "I", "entities", "Names", show=False, tooltip="Every name in the library; enter: its profile"
        ),
        Binding("C", "conflicts", "Conflicts", show=False, tooltip="Figures on which the sources disagree"),
    ]

    # The filters. Setting one refreshes what depends on it (the watchers below).
    search_query: reactive[str] = reactive("", init=False)
    search_ids: reactive[frozenset[str] | None] = reactive(None, init=False, always_update=True)
    entity: reactive[str | None] = reactive(None, init=False)
    entity_ids: reactive[frozenset[str] | None] = reactive(None, init=False, always_update=True)
    timeline_scope: reactive[Scope] = reactive("article", init=False)
    # The list narrowed to one source or feed: (what it says, e.g. "source Baltic Freight", the ids).
    narrowed: reactive[tuple[str, frozenset[str]] | None] = reactive(None, init=False, always_update=True)

    _theme_loaded = False  # True once the saved theme is applied: later changes are the user's, saved

    def __init__(self, library: Library, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.library = library
        self.cursor_blink = cursor_blink
        self.layers: set[Layer] = set(LAYERS)
        self.first_article_shown: Callable[[], None] | None = None  # benchmark hook
        self.prefetch = True  # load the list's neighbours ahead (the benchmark compares without)
        self._pending_mark: tuple[str, int, int] | None = None
        self._restoring_pane: str | None = None
        self._article_items: tuple[str | None, list[TimelineEntry]] = (None, [])
        self._pending_state: dict[str, str] = {}
        self._state_timer: Timer | None = None
        self._pending_select: tuple[str, int, int] | None = None
        self._loading: str | None = None  # the article whose text a worker is fetching
        self._list_width: int | None = None  # set by `<` and `>` (None: the stylesheet's width)
        self._undo_kinds: list[str] = []  # what `u` undoes, last first: "annotation" (x) or "article" (d)
        # The open article another command deleted: the reader says so, and nothing is open until the
        # user opens another (keys that act on "the article" then act on none, not on the list's row).
        self._gone: str | None = None
        self._gc_threshold: tuple[int, int, int] | None = None  # the collector's, restored on unmount
        self._use_saved_theme()

    def _use_saved_theme(self) -> None:
        """The theme chosen last time, read as the app is made (before it runs, like the library's opening),
        so that the first frame is drawn in it: set once the library's worker has read it, it restyled every
        widget as the first article was drawn. A library that cannot say keeps the default theme here (the
        worker reports what is wrong)."""
        try:
            theme = self.library.get_state(STATE_THEME)
        except Exception:
            return
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    # -- layout --------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Input(
                    placeholder="Search titles, text, names…",
                    id="search",
                    select_on_focus=False,
                )
                yield FilterBar(id="filter")
                yield ArticleList(id="list")
            with Container(id="right"):
                yield Reader(id="reader")
                yield Timeline(id="timeline")
        yield Legend(id="legend")
        yield StatusLine(id="status")
        yield KeyFooter()

    # The panes exist for the app's whole life: look them up once (these run on every key press).
    @cached_property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @cached_property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @cached_property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @cached_property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @cached_property
    def annotator(self) -> Annotator:
        """The reader's annotation actions (h a c x u t A)."""
        return Annotator(
            self,
            self.library,
            reader=self.reader,
            article_list=self.article_list,
            status=self.status,
            on_reanalysed=self._reanalysed,
            on_jump=self.jump_to_annotation,
            current=self._current_meta,
        )

    @cached_property
    def article_actions(self) -> ArticleActions:
        """Delete with undo, open the web page, copy a quote (d u o y)."""
        from tui.article_actions import ArticleActions

        return ArticleActions(
            self,
            self.library,
            status=self.status,
            on_deleted=self._after_delete,
            on_restored=self._after_delete,
        )

    @cached_property
    def across(self) -> AcrossViews:
        """The cross-article screens and the conflict marker (e p P I C)."""
        from tui.across import AcrossViews

        return AcrossViews(
            self,
            self.library,
            status=self.status,
            reader=self.reader,
            on_jump=self.jump_to_sentence,
            on_filter=self.filter_by_name,
        )

    @cached_property
    def exporter(self) -> Exporter:
        """The Markdown export (E)."""
        from tui.exporting import Exporter

        return Exporter(self, self.library, self.status)

    def on_mount(self) -> None:
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(max(GC_YOUNG_THRESHOLD, self._gc_threshold[0]), *self._gc_threshold[1:])
        self._use_palette(self.current_theme.dark)
        self.theme_changed_signal.subscribe(self, lambda theme: self._use_palette(theme.dark))
        search = self.query_one("#search", Input)
        search.cursor_blink = self.cursor_blink
        search.display = False
        self._apply_width(self.size.width)
        self.article_list.focus()
        for notice in self.library.notices:
            self.notify(one_line(notice), title="Library", timeout=8, markup=False)
        self.article_list.cursor_hook = self._list_cursor_now
        self.article_list.show_read_only(self.library.read_only)
        self.library_watch = LibraryWatch(self, self.library, self._articles_changed, self._now_writable)
        self.library_watch.start()
        self._load_library()

    def _use_palette(self, dark: bool) -> None:
        """Entity and highlight colours follow the theme: `tui.theme`'s light palette on a light theme."""
        if not palettes.use(dark):
            return
        self.prefetched.forget()  # timeline rows drawn ahead in the former colours
        self.query_one(Legend).show_layers(self.layers)
        if self.reader.article_id is not None:  # the user's highlights are coloured when set
            self.reader.set_annotations(self.reader.article_id, self.reader.annotations)
        for pane in self.query(VirtualList):
            pane.invalidate()

    def watch_theme(self, theme: str) -> None:
        if self._theme_loaded:  # chosen now (the palette's theme command), not the saved one applied
            self._save_state(STATE_THEME, theme)

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        # The main screen's layout, even while a pop-up is on top of it (it gets no resize of its own).
        self.screen_stack[0].set_class(width < NARROW_WIDTH, "-narrow")
        self.query_one(Legend).compact = width < NARROW_WIDTH

    # -- threads -------------------------------------------------------------------------------------
    def _from_thread(self, callback: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        post(self, callback, *args, **kwargs)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load_library(self) -> None:
        try:
            metas = self.library.articles()
            last_article = self.library.get_state(STATE_ARTICLE)
            last_pane = self.library.get_state(STATE_PANE)
            theme = self.library.get_state(STATE_THEME)
        except Exception as error:  # a broken library must not crash the reader
            self._from_thread(self._library_failed, str(error))
            return
        first = self._first_text(metas, last_article)
        self._from_thread(self._library_loaded, metas, last_article, last_pane, theme, first)

    def _first_text(self, metas: list[ArticleMeta], last_article: Any) -> Loaded | None:
        """The text of the article the list opens first (the last one read, else the newest: the list keeps
        the library's order), loaded with the list so that both reach the screen in one frame; None if it
        cannot be loaded (opening it then says why)."""
        if not metas:
            return None
        wanted = metas[0].id
        if isinstance(last_article, str) and any(m.id == last_article for m in metas):
            wanted = last_article
        try:
            return load_text(self.library, wanted)
        except Exception:
            return None

    # -- articles imported by another process ------------------------------------------------------
    def _articles_changed(self, metas: list[ArticleMeta]) -> bool:
        """Another process imported or deleted articles: refresh the list and its counts, keeping the
        selection. The open article deleted: the reader says so and shows nothing (the next key must not
        act on another article unseen); the list's cursor goes to its neighbour, opened by enter or a move."""
        if any(w.group in SAVING_GROUPS and not w.is_finished for w in self.workers):
            return False  # a mark being saved would flicker back: take the list at the next poll
        listing = self.article_list
        shown = self.reader.meta
        was_empty = shown is None and self._gone is None
        self.prefetched.forget()  # a re-import may have changed an article's text
        if shown is not None and not any(m.id == shown.id for m in metas):
            self._open_article_gone(shown, metas)
            return True
        listing.set_articles(metas, keep_id=listing.current_id, newest_first=True)
        if self.search_query:
            self._run_search(self.search_query)  # new articles may match it
        if was_empty and listing.current_id:
            self.open_article(listing.current_id)
        return True

    def _open_article_gone(self, gone: ArticleMeta, metas: list[ArticleMeta]) -> None:
        listing = self.article_list
        present = {m.id for m in metas}
        rows = [m.id for m in listing.rows]
        i = rows.index(gone.id) if gone.id in rows else listing.cursor
        after = [aid for aid in rows[i + 1 :] + rows[:i][::-1] if aid in present]
        with self.prevent(VirtualList.CursorMoved):  # the cursor's move must not open the neighbour
            listing.set_articles(metas, keep_id=after[0] if after else None, newest_first=True)
        self._loading = None
        self.workers.cancel_group(self, "article")
        self._gone = gone.id
        title = one_line(gone.title)
        message = f"“{title}” was moved to the trash by another command."
        self.reader.show_message(  # short lines: the message is not wrapped
            "Moved to the trash by another",
            "command:",
            *textwrap.wrap(f"“{title}”", 34),  # the title over a few short lines, not cut
            "",
            "To bring it back:",
            f"  briefing restore {gone.id[:12]}",
            "",
            "Enter in the list opens the",
            "article under its cursor.",
        )
        if self.timeline_scope == "article":
            self.timeline.set_items([], scope="article")
        self.notify(message, title="Deleted elsewhere", severity="warning", timeout=8, markup=False)

    def _now_writable(self) -> None:
        """The window that had the library open closed: this one has taken it over and saves changes."""
        self.article_list.show_read_only(self.library.read_only)
        message = "This window can now save changes (the other window has closed)."
        self.status.hold(message)
        self.notify(message, title="Library", timeout=8, markup=False)

    def _library_failed(self, message: str) -> None:
        self._theme_loaded = True
        self.article_list.set_articles([])
        self.reader.show_message("Could not read the library:", message)

    def _library_loaded(
        self,
        metas: list[ArticleMeta],
        last_article: Any,
        last_pane: Any,
        theme: Any = None,
        first: Loaded | None = None,
    ) -> None:
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme  # the one chosen in the palette last time
        self._theme_loaded = True
        listing = self.article_list
        keep = last_article if isinstance(last_article, str) else None
        listing.set_articles(metas, keep_id=keep, newest_first=True)
        self.timeline.set_items([], scope="article")
        if not metas:
            self.reader.show_message(
                "Your library is empty.",
                "",
                "Add articles from the command line, then start briefing again:",
                "  briefing import path/to/article.md",
                "  briefing import path/to/folder/",
            )
            self.timeline.empty_message = "No facts: the library is empty."
            return
        if listing.current_id:
            self.open_article(listing.current_id, loaded=first)
        if isinstance(last_pane, str) and last_pane in PANES:
            self._restoring_pane = last_pane
            self.pane_widget(last_pane).focus()

    def pane_widget(self, pane: str) -> Widget:
        return {"list": self.article_list, "reader": self.reader, "timeline": self.timeline}[pane]

    def action_focus_next(self) -> None:  # Screen binds Tab to app.focus_next
        self._cycle_pane(1)

    def action_focus_previous(self) -> None:
        self._cycle_pane(-1)

    def _cycle_pane(self, step: int) -> None:
        """Tab moves between the three panes only: the search box is reached with `/`, not by Tab."""
        if self.screen is not self.screen_stack[0]:  # a dialog keeps Tab for its own fields
            (self.screen.focus_next if step > 0 else self.screen.focus_previous)()
            return
        panes = [w for w in (self.pane_widget(p) for p in PANES) if w.display]
        if not panes:
            return
        focused = self.focused
        if focused in panes:
            target = panes[(panes.index(focused) + step) % len(panes)]
        else:
            target = panes[0] if step > 0 else panes[-1]
        target.focus()

    # -- opening articles ----------------------------------------------------------------------------
    def open_article(self, article_id: str, *, mark_read: bool = False, loaded: Loaded | None = None) -> None:
        """Show `article_id` in the reader (text first, highlights when the analysis is ready); `loaded`:
        its text loaded already (used only if it is this article's)."""
        self._gone = None
        if mark_read:
            meta = self.article_list.meta(article_id)
            if meta is not None and not meta.read:
                self._set_flag(meta, read=True)
        if self.reader.article_id == article_id and self.reader.meta is not None:
            self._apply_pending_mark()
            if self.reader.analysis is not None or self.reader.sentences:
                self._apply_pending_select()
            return
        if self._loading == article_id:  # already on its way (the list's cursor message and a direct call)
            return
        self._save_state(STATE_ARTICLE, article_id)
        # what is still loading ahead was chosen around the article before: it would compete with this one
        self.workers.cancel_group(self, "prefetch")
        if loaded is None or loaded.article.meta.id != article_id:
            loaded = self.prefetched.take(article_id) if self.prefetch else None
        if loaded is not None:  # loaded beforehand (`tui.prefetch`): shown now, on this thread
            self._show_loaded(loaded)
            return
        self._loading = article_id
        self.reader.border_subtitle = "loading…"
        self._load_article(article_id, draw=self._timeline_ahead())

    # -- the next-article path: neighbours loaded ahead in a worker (`tui.prefetch`) -------------------
    @cached_property
    def prefetched(self) -> ArticleCache:
        return ArticleCache()

    def _list_cursor_now(self, index: int) -> None:
        """The list's cursor moved: an article loaded ahead is shown in the same frame as the cursor (the
        others are opened when `CursorMoved` arrives, `_list_moved`)."""
        meta = self.article_list.current
        if meta is not None and meta.id in self.prefetched and self.reader.article_id != meta.id:
            self.open_article(meta.id)

    def _show_loaded(self, loaded: Loaded) -> None:
        """A prefetched article: its text at once, its analysis at once or from a worker."""
        self.workers.cancel_group(self, "article")  # a load still running for the article before
        self._loading = None
        meta = loaded.article.meta
        self._show_text(meta, loaded.article.body, None, loaded.annotations, loaded.text)
        if loaded.analysis is not None:
            self._analysis_ready(meta.id, loaded.analysis, list(loaded.entries), loaded.drawn)
        elif loaded.error is not None:
            self._analysis_failed(meta.id, loaded.error)
        else:  # analysed once the text is on screen, not beside its drawing
            self.call_after_refresh(self._analyse_shown, loaded)

    def _analyse_shown(self, loaded: Loaded) -> None:
        if self.reader.article_id == loaded.article.meta.id and self.reader.analysis is None:
            self._load_article(loaded.article.meta.id, loaded, self._timeline_ahead())

    def _timeline_ahead(self) -> DrawAhead | None:
        """How to draw an article's first timeline rows in a worker, when the pane shows this article's."""
        return (
            self.timeline.draw_ahead() if self.timeline_scope == "article" and self.entity is None else None
        )

    def _prefetch_neighbours(self) -> None:
        """Load the articles around the list's cursor that are not loaded yet (after the open article's
        analysis is on screen, so that they never compete with it): their texts at once, their analyses
        and timeline rows after `PREFETCH_IDLE` seconds on this article."""
        listing = self.article_list
        if not self.prefetch or listing.current_id != self.reader.article_id:
            return
        wanted = [i for i in neighbours(listing.rows, listing.cursor) if not self.prefetched.complete(i)]
        if wanted:
            draw = self._timeline_ahead()
            texts = [loaded for i in wanted if (loaded := self.prefetched.get(i)) is not None]
            missing = [i for i in wanted if i not in self.prefetched]
            self._prefetch(missing, texts, self.prefetched.generation, draw, self.reader.draw_ahead())

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def _prefetch(
        self,
        article_ids: list[str],
        texts: list[Loaded],
        generation: int,
        draw: DrawAhead | None = None,
        pane: ReaderPane | None = None,
    ) -> None:
        """Load the texts of `article_ids` (drawn for the reader's `pane`), then analyse them and `texts`
        (loaded before, not analysed)."""
        worker = get_current_worker()
        texts = list(texts)
        for article_id in article_ids:  # the texts first: cheap, and what `j` shows first
            if worker.is_cancelled:
                return
            try:
                loaded = load_text(self.library, article_id, pane)
            except Exception:  # opening it will say what is wrong
                continue
            texts.append(loaded)
            self._from_thread(self._prefetch_done, generation, loaded)
        # The analyses only once the reader lingers on this article: `j` pressed again at once must not
        # find the interpreter busy analysing beside it (the next article's analysis then comes on demand).
        lingered = 0.0
        while lingered < PREFETCH_IDLE:
            if worker.is_cancelled:
                return
            time.sleep(0.02)
            lingered += 0.02
        for loaded in texts:
            if worker.is_cancelled:
                return
            loaded = load_analysis(self.library, loaded, one_line)
            if draw is not None:  # the timeline's first entries, drawn here rather than when shown
                loaded = dataclasses.replace(loaded, drawn=draw_rows(loaded.entries, draw))
            self._from_thread(self._prefetch_done, generation, loaded)

    def _prefetch_done(self, generation: int, loaded: Loaded) -> None:
        if loaded.article.meta.id != self.reader.article_id:  # the open article is never served again
            self.prefetched.put(generation, loaded)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An annotation, a correction or tags were saved: prefetched articles may be out of date."""
        if event.worker.group == "annotate" and event.state == WorkerState.SUCCESS:
            self.prefetched.forget()

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(
        self, article_id: str, shown: Loaded | None = None, draw: DrawAhead | None = None
    ) -> None:
        """The article's text (unless `shown` already on screen), then its analysis and timeline (its
        first rows drawn here for the pane described by `draw`)."""
        if shown is None:
            try:
                article = self.library.article(article_id)
                notes = self.library.annotations(article_id)
            except Exception as error:
                self._from_thread(self._article_failed, article_id, str(error))
                return
            drawn = threading.Event()
            self._from_thread(self._show_text, article.meta, article.body, drawn, notes)
            # let the text reach the screen before the analysis competes for the interpreter
            drawn.wait(timeout=0.5)
        if get_current_worker().is_cancelled:
            return
        try:
            analysis = self.library.analysis(article_id)
            entries = self.library.timeline(article_id=article_id)
        except Exception as error:
            message = one_line(str(error)) or type(error).__name__
            self._from_thread(self._analysis_failed, article_id, message)
            return
        rows = draw_rows(entries, draw) if draw is not None else None
        self._from_thread(self._analysis_ready, article_id, analysis, entries, rows)

    def _article_failed(self, article_id: str, message: str) -> None:
        if self._loading == article_id:
            self._loading = None
        self.reader.show_message("Could not open this article:", message)

    def _show_text(
        self,
        meta: ArticleMeta,
        body: str,
        drawn: threading.Event | None = None,
        annotations: Iterable[Annotation] = (),
        text: DrawnText | None = None,
    ) -> None:
        if self._loading == meta.id:
            self._loading = None
        notices: list[Text] = []
        if len(body) > LONG_ARTICLE_CHARS:
            notices.append(
                Text(f"Long article: {len(body):,} characters. Highlights may take a moment.", NOTICE_STYLE)
            )
        self.reader.show_article(self.article_list.meta(meta.id) or meta, body, notices, annotations, text)
        self.reader.border_subtitle = "analysing…"
        self._apply_pending_mark()
        if drawn is not None:
            self.call_after_refresh(drawn.set)
        if self.first_article_shown is not None:
            callback, self.first_article_shown = self.first_article_shown, None
            self.call_after_refresh(callback)

    def _analysis_ready(
        self,
        article_id: str,
        analysis: Analysis,
        items: list[TimelineEntry],
        drawn: DrawnRows | None = None,
    ) -> None:
        if article_id != self.reader.article_id:
            return
        self.reader.show_analysis(article_id, analysis)
        self.reader.border_subtitle = (
            f"{counted(len(analysis.entities), 'name')} · {counted(len(analysis.figures), 'figure')} · "
            f"{counted(len(analysis.dates), 'date')}"
        )
        self._article_items = (article_id, items)
        if self.timeline_scope == "article" and self.entity is None:
            self.timeline.set_items(items, scope="article", drawn=drawn)
        self._apply_pending_mark()
        self._apply_pending_select()
        self.across.load_conflicts(article_id, len(self.article_list.all_articles))
        self.call_after_refresh(self._prefetch_neighbours)  # once this article is drawn

    def _reanalysed(self, article_id: str, analysis: Analysis, items: list[TimelineEntry]) -> None:
        """A correction changed the analysis: redraw the reader and the timeline."""
        self.prefetched.forget()
        self._analysis_ready(article_id, analysis, items)
        if self.timeline_scope != "article" or self.entity is not None:
            self._refresh_timeline()

    def _analysis_failed(self, article_id: str, message: str) -> None:
        self.reader.show_analysis_error(article_id, message)
        self.reader.border_subtitle = "analysis failed"
        if self.timeline_scope == "article" and self.entity is None:
            self.timeline.set_items([], scope="article", empty_message="No facts: the analysis failed.")
        self._apply_pending_select()
        self.call_after_refresh(self._prefetch_neighbours)  # once this article is drawn

    def _apply_pending_mark(self) -> None:
        if self._pending_mark and self._pending_mark[0] == self.reader.article_id:
            _, start, end = self._pending_mark
            self._pending_mark = None
            self.reader.mark(start, end)
            self.reader.walk_to(start, end)  # a figure (series point, conflicting claim): its details

    # -- pane messages -------------------------------------------------------------------------------
    @on(VirtualList.CursorMoved, "#list")
    def _list_moved(self, event: VirtualList.CursorMoved) -> None:
        meta = self.article_list.current
        if meta is not None:
            self.open_article(meta.id)

    @on(VirtualList.Chosen, "#list")
    def _list_chosen(self, event: VirtualList.Chosen) -> None:
        meta = self.article_list.current
        if meta is not None:
            self.open_article(meta.id, mark_read=True)
            self.reader.focus()

    @on(VirtualList.Chosen, "#timeline")
    def _timeline_chosen(self, event: VirtualList.Chosen) -> None:
        item = self.timeline.current
        if item is None:
            return
        self.jump_to_sentence(item.article_id, (item.fact.sentence.start, item.fact.sentence.end))
        self.status.show_text(f"Jumped to the sentence of {value_label(one_line(item.fact.value))}")

    def jump_to_sentence(self, article_id: str, span: tuple[int, int] | None) -> None:
        """Open the article with `span` marked and in view (None: as it opens), and mark it read (the user
        chose it): the timeline's `enter` and the cross-article screens'."""
        if span is not None:
            self._pending_mark = (article_id, *span)
        if article_id != self.reader.article_id:
            self.article_list.select_id(article_id)
        self.open_article(article_id, mark_read=True)

    @on(Reader.CursorChanged)
    def _reader_cursor(self, event: Reader.CursorChanged) -> None:
        if not event.moved and self.status.held is not None:
            return  # an annotating message stays until the cursor moves
        self.status.held = None
        annotation, highlight = event.annotation, event.highlight
        if event.hint:
            self.status.show_text(event.hint)
        elif annotation is not None and (
            highlight is None or not event.walked or about_highlight(annotation, highlight)
        ):
            self.status.show_annotation(annotation)
        else:  # n/N walked to a name, figure or date: its details, even inside an annotated sentence
            self.status.show_highlight(highlight, self.across.conflict_note(highlight))

    def on_descendant_focus(self, event: Any) -> None:
        widget = self.focused
        for pane in PANES:
            if widget is self.pane_widget(pane):
                if self._restoring_pane == pane:
                    self._restoring_pane = None
                    return
                self._save_state(STATE_PANE, pane)
                return

    # -- state and flags -----------------------------------------------------------------------------
    def _save_state(self, key: str, value: str) -> None:
        """Remember the reading position (or the theme) for the next session; a read-only window
        keeps it to itself. The position is written after `STATE_DELAY` seconds without a change (and
        when the app closes), not on every key: `j` held down does not write the library each time."""
        if self.library.read_only:
            return
        if key == STATE_THEME:
            self._write_state(key, value)
            return
        self._pending_state[key] = value
        if self._state_timer is None:
            self._state_timer = self.set_timer(STATE_DELAY, self._flush_state, name="save-position")
        else:
            self._state_timer.reset()

    def _flush_state(self) -> None:
        self._state_timer = None
        pending, self._pending_state = self._pending_state, {}
        for key, value in pending.items():
            self._write_state(key, value)

    async def on_unmount(self) -> None:
        """Closing: the collector's thresholds as they were; the reading position not written yet is
        written now, after the writes already under way."""
        if self._gc_threshold is not None:
            gc.set_threshold(*self._gc_threshold)
        if self._state_timer is not None:
            self._state_timer.stop()
            self._state_timer = None
        pending, self._pending_state = self._pending_state, {}
        for worker in [w for w in self.workers if w.group == "state"]:
            with contextlib.suppress(Exception):
                await worker.wait()
        for key, value in pending.items():
            with contextlib.suppress(Exception):  # closing: there is no window left to say it in
                self.library.set_state(key, value)

    @work(thread=True, group="state", exit_on_error=False)
    def _write_state(self, key: str, value: str) -> None:
        try:
            self.library.set_state(key, value)
        except Exception as error:
            self._from_thread(
                self.notify, f"Could not save the reading position: {error}", severity="warning", markup=False
            )

    def _set_flag(self, meta: ArticleMeta, *, read: bool | None = None, starred: bool | None = None) -> bool:
        """Change the article's read or star mark on screen and on disk; False when the library is
        read-only (nothing changes)."""
        if self.library.read_only:
            return False
        updated = dataclasses.replace(
            meta,
            read=meta.read if read is None else read,
            starred=meta.starred if starred is None else starred,
        )
        self.article_list.update_meta(updated)
        self.reader.update_meta(updated)
        self._write_flag(meta.id, read, starred)
        return True

    @work(thread=True, group="flags", exit_on_error=False)
    def _write_flag(self, article_id: str, read: bool | None, starred: bool | None) -> None:
        try:
            if read is not None:
                self.library.set_read(article_id, read)
            if starred is not None:
                self.library.set_starred(article_id, starred)
        except Exception as error:
            self._from_thread(
                self.notify, f"Could not save the mark: {error_text(error)}", severity="error", markup=False
            )

    def _current_meta(self) -> ArticleMeta | None:
        if self._gone is not None and self.focused is not self.article_list:
            return None  # the reader says the article it showed was deleted: not the list's row unseen
        return current_meta(self.reader, self.article_list)

    # -- actions -------------------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Quit once the annotation writes already asked for are on disk (`h` then `q` loses nothing);
        the other workers (analysing the library for its timeline, say) are cancelled, not awaited."""
        for worker in list(self.workers):
            if worker.group not in SAVING_GROUPS:
                worker.cancel()
        for worker in list(self.workers):
            if worker.group in SAVING_GROUPS and not worker.is_finished:
                with contextlib.suppress(Exception):
                    await worker.wait()
        self.exit()

    # The annotation actions (their keys are bound here and in the reader) belong to the annotator.
    def action_highlight(self) -> None:
        self.annotator.highlight()

    def action_note(self) -> None:
        self.annotator.note()

    def action_correct(self) -> None:
        self.annotator.correct()

    def action_remove_annotation(self) -> None:
        if self.reader.annotation_under_cursor() is not None and not self.library.read_only:
            self._undo_kinds.append("annotation")
        self.annotator.remove_annotation()

    def action_undo_remove(self) -> None:
        """`u`: undo the last removal (x) or delete (d), whichever came last."""
        kind = self._undo_kinds.pop() if self._undo_kinds else "annotation"
        if kind == "article":
            self.article_actions.undo_delete()
        else:
            self.annotator.undo_remove()

    # -- whole articles: d o y, and the feeds screen (F) ------------------------------------------------
    def _target_meta(self) -> ArticleMeta | None:
        """The list's cursor row when the list has the focus, else the article the reader shows."""
        if self.focused is self.article_list:
            return self.article_list.current
        return self._current_meta()

    def action_delete_article(self) -> None:
        if len(self.screen_stack) > 1:  # a dialog is open (its own keys come first): never delete unseen
            return
        meta = self._target_meta()
        if meta is None:
            self.status.show_text("No article to delete.")
            return
        rows = [m.id for m in self.article_list.rows]
        i = rows.index(meta.id) if meta.id in rows else -1
        after = [aid for aid in rows[i + 1 :] + rows[:i][::-1] if aid != meta.id] if i >= 0 else rows
        if self.article_actions.delete(meta, after[0] if after else None):
            self._undo_kinds.append("article")

    def _after_delete(self, metas: list[ArticleMeta], show_id: str | None) -> None:
        """The library's articles changed by a delete or its undo: refresh the list, show `show_id`."""
        self.prefetched.forget()
        listing = self.article_list
        listing.set_articles(metas, keep_id=show_id, newest_first=True)
        if self.narrowed is not None:
            self._apply_filters()  # its count
        if show_id is not None and listing.select_id(show_id):
            self.open_article(show_id)
        elif listing.current_id:
            self.open_article(listing.current_id)
        elif not metas:
            self.reader.show_message(
                "Your library is empty.", "", "briefing list --trash shows the deleted articles."
            )
            self.timeline.set_items([], scope="article")
        else:
            self.reader.show_message("No article in the list (esc clears the filters).")

    def action_open_url(self) -> None:
        self.article_actions.open_url(self._target_meta())

    def action_copy_quote(self) -> None:
        meta = self._current_meta()
        text = self.reader.selected_text if meta is not None and meta.id == self.reader.article_id else ""
        self.article_actions.copy_quote(meta, text)

    def action_feeds(self) -> None:
        from tui.screens.feeds import FeedsScreen

        if isinstance(self.screen, FeedsScreen):
            return

        def closed(narrow: tuple[str, frozenset[str]] | None) -> None:
            self._refresh_articles(narrow)

        self.push_screen(FeedsScreen(self.library), closed)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _refresh_articles(self, narrow: tuple[str, frozenset[str]] | None = None) -> None:
        """The feeds screen closed: its update may have brought articles; then narrow to its choice."""
        try:
            metas = self.library.articles()
        except Exception as error:
            self._from_thread(self.status.show_text, f"Could not read the library: {error}")
            return
        self._from_thread(self._articles_refreshed, metas, narrow)

    def _articles_refreshed(
        self, metas: list[ArticleMeta], narrow: tuple[str, frozenset[str]] | None
    ) -> None:
        self._articles_changed(metas)
        if narrow is not None:
            self.narrowed = narrow

    def action_narrow_source(self) -> None:
        """Only the articles from the source of the article at hand (esc clears)."""
        meta = self._target_meta()
        if meta is None or not meta.source:
            self.status.show_text("This article names no source to narrow the list to.")
            return
        ids = frozenset(m.id for m in self.article_list.all_articles if m.source == meta.source)
        self.narrowed = (f"source {meta.source}", ids)

    def action_narrow_feed(self) -> None:
        """Only the articles of the feed the article at hand came from (esc clears)."""
        meta = self._target_meta()
        if meta is None:
            self.status.show_text("No article at hand.")
            return
        self._find_feed(meta.id)

    @work(thread=True, exclusive=True, group="narrow", exit_on_error=False)
    def _find_feed(self, article_id: str) -> None:
        try:
            feeds = self.library.feed_store().list()
        except Exception as error:
            self._from_thread(self.status.show_text, f"Could not read the feeds: {error}")
            return
        feed = next((f for f in feeds if article_id in f.article_ids), None)
        if feed is None:
            self._from_thread(self.status.show_text, "This article did not come from a feed (F lists them).")
            return
        self._from_thread(setattr, self, "narrowed", (f"feed {feed.title}", frozenset(feed.article_ids)))

    def watch_narrowed(self) -> None:
        self._apply_filters()

    def action_edit_tags(self) -> None:
        self.annotator.edit_tags()

    def action_annotations(self) -> None:
        self.annotator.show_annotations()

    def jump_to_annotation(self, annotation: Annotation | None) -> None:
        """Open the annotation's article with the cursor on it (an orphan: the article and a notice)."""
        if annotation is None:
            return
        article_id = annotation.article_id
        if not self.article_list.select_id(article_id):
            self.entity = None
            self._close_search()
            self.entity_ids = None  # the list shows everything again
            self.article_list.select_id(article_id)
        if annotation.orphaned:
            quote = one_line(annotation.exact)[:80]
            self.notify(
                f"“{quote}” is no longer in the article's text (it changed on re-import); "
                "the annotation is kept and exported.",
                title="Orphaned annotation",
                markup=False,
                timeout=10,
            )
        else:
            self._pending_select = (article_id, annotation.start, annotation.end)
        self.open_article(article_id)
        self.reader.focus()

    def _apply_pending_select(self) -> None:
        pending = self._pending_select
        if pending is None or pending[0] != self.reader.article_id:
            return
        self._pending_select = None
        self.reader.select_range(pending[1], pending[2])

    def action_export(self) -> None:
        """A Markdown briefing of the articles in the list (the whole library when nothing filters it)."""
        from store.export import Selection

        filtered = self.search_ids is not None or self.entity_ids is not None
        ids = tuple(m.id for m in self.article_list.rows) if filtered else ()
        if filtered and not ids:
            self.status.show_text("Nothing to export: no article in the list.")
            return
        what = "the list" if filtered else "the library"
        self.exporter.export(Selection(article_ids=ids, entity=self.entity), what)

    def action_export_article(self) -> None:
        from store.export import Selection

        if self.reader.article_id is None:
            self.status.show_text("Open an article first.")
            return
        self.exporter.export(Selection(article_ids=(self.reader.article_id,)), "this article")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        from tui.screens.feeds import FeedsScreen

        global_rows = [*binding_rows(self.BINDINGS), ("Ctrl+P", "Command palette: every command by name")]
        return [
            ("Everywhere", global_rows),
            ("Article list", binding_rows([*VirtualList.BINDINGS[:-1], *ArticleList.BINDINGS])),
            ("Reader", binding_rows(Reader.BINDINGS)),
            ("Timeline", binding_rows([*VirtualList.BINDINGS[:-1], *Timeline.BINDINGS])),
            ("Search box", [("Esc", "Clear the search and close the box"), ("Enter", "Back to the list")]),
            ("Feeds screen (F)", binding_rows(FeedsScreen.BINDINGS)),
            *self.across.help_sections(),
            (
                "Annotating",
                [
                    ("Ctrl+S Esc", "Note editor: save · cancel"),
                    ("→ Enter", "Tags: complete the tag · save (comma-separated)"),
                    ("↑ ↓ Enter", "Correction: choose; a date takes any date value (2020-11, 2020-Q3, P3D…)"),
                    ("#tag Enter", "Annotations list (A): filter by tag or words · jump"),
                ],
            ),
            ("Mouse", [("click", "Open an article, pick a highlight, jump to a fact"), ("wheel", "Scroll")]),
        ]

    def key_hints(self) -> dict[str, str]:
        """Action -> its keys, from the same bindings the help screen lists (the palette shows them)."""
        return key_hints([*self.BINDINGS, *Reader.BINDINGS, *ArticleList.BINDINGS, *Timeline.BINDINGS])

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands but its "Quit" and "Keys", which the app's own "Quit" and "Show keys"
        (tui.palette) already offer: each command once."""
        return [c for c in super().get_system_commands(screen) if c.title not in _PALETTE_OWN]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":  # a "/" typed in the search box, the palette or help is just a character
            on_main_screen = len(self.screen_stack) == 1
            return on_main_screen and not isinstance(self.focused, Input)
        return True

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        # focus now, not after the queued keys: "/kadh" typed in one burst must all reach the box
        self.screen.set_focus(search)

    def action_clear(self) -> None:
        if self.entity is not None:
            self.set_reactive(BriefingApp.timeline_scope, "article")  # the entity's watcher redraws it
            self.entity = None
        elif self.narrowed is not None:
            self.narrowed = None
        elif self.search_query or self.query_one("#search", Input).display:
            self._close_search()

    def _close_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        self.search_query = ""
        if self.focused is None or self.focused is search:
            self.article_list.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search_query = event.value.strip()

    # -- the filters' watchers -------------------------------------------------------------------------
    def watch_search_query(self, query: str) -> None:
        if query:
            self._run_search(query)
        else:
            self.search_ids = None

    def watch_search_ids(self) -> None:
        self._apply_filters()
        if self.timeline_scope == "library":  # the library timeline follows the search (titles, tags…)
            self._refresh_timeline()

    def watch_entity(self, entity: str | None) -> None:
        if entity is None:
            self.entity_ids = None
        else:
            self._filter_by_entity(entity)
        self._refresh_timeline()

    def watch_entity_ids(self) -> None:
        self._apply_filters()

    def watch_timeline_scope(self) -> None:
        self._refresh_timeline()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.article_list.focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, query: str) -> None:
        try:
            ids = self.library.search(query)
        except Exception as error:
            self._from_thread(self.status.show_text, f"Search failed: {error}")
            return
        self._from_thread(self._search_done, query, ids)

    def _search_done(self, query: str, ids: Iterable[str]) -> None:
        if query != self.search_query:
            return
        self.search_ids = frozenset(ids)

    def _apply_filters(self) -> None:
        allowed: frozenset[str] | None = None
        narrowed = self.narrowed[1] if self.narrowed is not None else None
        for ids in (self.search_ids, self.entity_ids, narrowed):
            if ids is not None:
                allowed = ids if allowed is None else allowed & ids
        self.article_list.set_filter(allowed)
        current = self.article_list.current_id
        if current is not None and current != self.reader.article_id:
            self.open_article(current)  # the reader follows the list's selection
        matches = None if allowed is None else len(allowed)
        if narrowed is not None:  # a feed's ids may name deleted articles: count those listed
            matches = self.article_list.row_count
        self.query_one(FilterBar).show_filter(
            self.search_query or None,
            self.entity,
            matches,
            narrowed=self.narrowed[0] if self.narrowed is not None else None,
        )

    def action_next_highlight(self) -> None:
        if not self.reader.next_highlight():
            self.status.show_text("No further highlight in this article (enabled layers only).")

    def action_previous_highlight(self) -> None:
        if not self.reader.previous_highlight():
            self.status.show_text("No earlier highlight in this article (enabled layers only).")

    def _step_article(self, delta: int) -> None:
        listing = self.article_list
        if not listing.row_count:
            return
        listing.cursor = listing.cursor + delta
        if listing.current_id:
            self.open_article(listing.current_id, mark_read=True)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_toggle_read(self) -> None:
        meta = self._current_meta()
        if meta is None:
            self.status.show_text(OPEN_FIRST)
            return
        if self._set_flag(meta, read=not meta.read):
            self.status.show_text("Marked read." if not meta.read else "Marked unread.")
        else:
            self.status.show_text(READ_ONLY_MARKS)

    def action_toggle_star(self) -> None:
        meta = self._current_meta()
        if meta is None:
            self.status.show_text(OPEN_FIRST)
            return
        if self._set_flag(meta, starred=not meta.starred):
            self.status.show_text("Starred." if not meta.starred else "Star removed.")
        else:
            self.status.show_text(READ_ONLY_MARKS)

    def action_toggle_layer(self, layer: Layer) -> None:
        if layer in self.layers:
            self.layers.discard(layer)
        else:
            self.layers.add(layer)
        self.reader.set_layers(self.layers)
        self.query_one(Legend).show_layers(self.layers)

    def action_toggle_sort(self) -> None:
        self.article_list.action_toggle_sort()

    def action_resize_list(self, delta: int) -> None:
        """Narrow or widen the article list (longer titles) by `delta` columns."""
        left = self.query_one("#left")
        most = max(LIST_MIN_WIDTH, self.size.width - READER_MIN_WIDTH)
        width = min(max(LIST_MIN_WIDTH, (self._list_width or left.outer_size.width) + delta), most)
        self._list_width = width
        left.styles.max_width = None
        left.styles.min_width = None
        left.styles.width = width
        self.status.show_text(f"Article list: {width} columns (< narrower · > wider)")

    def action_toggle_timeline_scope(self) -> None:
        self.timeline_scope = "library" if self.timeline_scope == "article" else "article"

    def _refresh_timeline(self) -> None:
        if self.entity is None and self.timeline_scope == "article":
            article_id, items = self._article_items
            if article_id != self.reader.article_id:
                items = []
            self.timeline.set_items(items, scope="article")
            return
        self.timeline.border_subtitle = "loading…"
        self._load_library_timeline(self.entity)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def _load_library_timeline(self, entity: str | None) -> None:
        """The whole library's timeline. Analysing a large library takes a while: it is done article by
        article first, so that quitting (or another scope) cancels the worker between two articles."""
        worker = get_current_worker()
        try:
            for meta in self.library.articles():
                if worker.is_cancelled:
                    return
                with contextlib.suppress(Exception):  # a failing article: the timeline call reports it
                    self.library.analysis(meta.id)
            if worker.is_cancelled:
                return
            _, start, end = split_date_range(self.search_query)  # `/2020..2021` narrows the dates too
            entries = self.library.timeline(entity=entity, start=start, end=end)
        except Exception as error:
            self._from_thread(self.status.show_text, f"Could not load the timeline: {error}")
            return
        self._from_thread(self._library_timeline_ready, entity, entries)

    def _library_timeline_ready(self, entity: str | None, items: list[TimelineEntry]) -> None:
        if entity != self.entity:
            return
        message = f"No dated facts about {entity}." if entity else "No dated facts in the library."
        if self.search_ids is not None:
            items = [e for e in items if e.article_id in self.search_ids]
            message = "No dated facts in the articles found."
        self.timeline.set_items(items, scope="library", entity=entity, empty_message=message)
        if entity:
            self.timeline.border_title = f"Timeline · about {entity}"

    def action_filter_entity(self) -> None:
        highlight = self.reader.current_highlight
        if highlight is None or highlight.layer != "entity":
            self.status.show_text("Put the reader's cursor on a name first (n/N walk the highlights).")
            return
        self.filter_by_name(one_line(getattr(highlight.item, "canonical", "")))

    def filter_by_name(self, name: str) -> None:
        """The list and the library timeline: everything about `name` (esc clears)."""
        self.set_reactive(BriefingApp.timeline_scope, "library")  # the entity's watcher redraws it
        self.entity = name

    # -- across articles (issue 12): the screens and the conflict marker live in tui/across.py ---------
    def action_profile(self) -> None:
        self.across.profile_of(self.reader.current_highlight)

    def action_figure_series(self) -> None:
        self.across.series_of(self.reader.article_id, self.reader.current_highlight)

    def action_series(self) -> None:
        self.across.show_series()

    def action_entities(self) -> None:
        self.across.show_index()

    def action_conflicts(self) -> None:
        self.across.show_conflicts()

    @work(thread=True, exclusive=True, group="entity", exit_on_error=False)
    def _filter_by_entity(self, entity: str) -> None:
        try:
            ids = {e.article_id for e in self.library.timeline(entity=entity)}
            ids.update(self.library.search(entity))
        except Exception as error:
            self._from_thread(self.status.show_text, f"Could not filter: {error}")
            return
        self._from_thread(self._entity_ids_ready, entity, frozenset(ids))

    def _entity_ids_ready(self, entity: str, ids: frozenset[str]) -> None:
        if entity != self.entity:
            return
        if self.reader.article_id:
            ids = ids | {self.reader.article_id}
        self.entity_ids = ids
