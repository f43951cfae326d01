"""The feeds screen (`F`): each subscription with its article count, last update and last error; `r`
updates them all in a thread worker with the progress shown here (the UI never waits); enter narrows the
article list to the chosen feed's articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from store.safetext import one_line
from store.wording import counted
from tui.threads import post

if TYPE_CHECKING:
    from store.feeds import Feed, FeedResult
    from store.library import Library

Narrowed = tuple[str, frozenset[str]]  # what the filter bar says, and the article ids


def when(stamp: str | None) -> str:
    """'2024-05-14T09:30:00+00:00' -> '2024-05-14 09:30 UTC'; None -> 'never'."""
    return f"{stamp[:16].replace('T', ' ')} UTC" if stamp else "never"


def progress_line(result: FeedResult, done: int, total: int) -> Text:
    text = Text(f"Updating {done} of {total} · ")
    text.append(one_line(result.title), "bold")
    if result.error:
        text.append(f": failed ({one_line(result.error)})", "red")
    elif result.not_modified:
        text.append(": not changed")
    else:
        text.append(f": {result.new} new, {result.present} already present, {result.failed} failed")
    return text


class FeedsScreen(ModalScreen[Narrowed | None]):
    """The subscriptions; dismissed with the chosen feed's (label, article ids), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "update", "Update all", tooltip="Fetch every feed now (the app stays usable)"),
        Binding("enter", "choose", "Narrow the list", tooltip="Show only this feed's articles"),
        Binding("escape,q", "close", "Close"),
    ]

    DEFAULT_CSS = """
    FeedsScreen { align: center middle; }
    FeedsScreen > Vertical {
        width: 110; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; border-title-align: center; border-subtitle-align: center;
        background: $surface; padding: 0 1;
    }
    FeedsScreen DataTable { height: auto; max-height: 30; }
    FeedsScreen #feeds-status { height: auto; margin-top: 1; color: $text-muted; }
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.feeds: list[Feed] = []
        self.counts: dict[str, int] = {}
        self.updating = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Feeds"
            box.border_subtitle = "r updates all · enter narrows the list · esc closes"
            yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text("Loading the feeds…"), id="feeds-status")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Feed", "Articles", "Last update", "Last error")
        table.focus()
        self._load()

    @property
    def status(self) -> Static:
        return self.query_one("#feeds-status", Static)

    # -- loading ---------------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="feeds-load", exit_on_error=False)
    def _load(self, message: Text | None = None) -> None:
        from store.feeds import feed_counts

        try:
            feeds = self.library.feed_store().list()
            counts = feed_counts(self.library, feeds)
        except Exception as error:
            post(self.app, self.status.update, Text(f"Could not read the feeds: {one_line(str(error))}"))
            return
        post(self.app, self._show, feeds, counts, message)

    def _show(self, feeds: list[Feed], counts: dict[str, int], message: Text | None) -> None:
        self.feeds, self.counts = feeds, counts
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for feed in feeds:
            table.add_row(
                Text(one_line(feed.title)),
                Text(f"{counts.get(feed.url, 0):,}", justify="right"),
                Text(when(feed.updated)),
                Text(one_line(feed.error) if feed.error else "", style="red"),
                key=feed.url,
            )
        if feeds:
            table.move_cursor(row=min(row, len(feeds) - 1))
        if message is not None:
            self.status.update(message)
        elif not feeds:
            self.status.update(Text("No feeds yet. Subscribe from the command line: briefing feeds add URL"))
        else:
            self.status.update(Text(f"{counted(len(feeds), 'feed')} · r updates them all"))

    # -- r ---------------------------------------------------------------------------------------------
    def action_update(self) -> None:
        if self.library.read_only:
            self.status.update(Text("Nothing changed: this window has the library open read-only."))
            return
        if self.updating:
            self.status.update(Text("An update is already running."))
            return
        if not self.feeds:
            self.status.update(Text("No feeds to update (briefing feeds add URL subscribes to one)."))
            return
        self.updating = True
        self.status.update(Text(f"Updating {counted(len(self.feeds), 'feed')}…"))
        self._update()

    @work(thread=True, exclusive=True, group="feeds-update", exit_on_error=False)
    def _update(self) -> None:
        from store.feeds import update_feeds

        def progress(result: FeedResult, done: int, total: int) -> None:  # in this worker thread
            post(self.app, self.status.update, progress_line(result, done, total))

        try:
            results = update_feeds(self.library, progress=progress)
        except Exception as error:
            post(self.app, self._finished, Text(f"Update failed: {one_line(str(error))}", style="red"))
            return
        new = sum(r.new for r in results)
        failed = [r for r in results if r.error]
        summary = Text(f"Updated: {counted(new, 'new article')}")
        if failed:
            summary.append(f" · {counted(len(failed), 'feed')} failed: ", "red")
            summary.append(", ".join(one_line(r.title) for r in failed), "red")
        post(self.app, self._finished, summary)

    def _finished(self, summary: Text) -> None:
        self.updating = False
        self._load(summary)

    # -- enter, esc ------------------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        table = self.query_one(DataTable)
        if not self.feeds or not 0 <= table.cursor_row < len(self.feeds):
            return
        feed = self.feeds[table.cursor_row]
        self.dismiss((f"feed {one_line(feed.title)}", frozenset(feed.article_ids)))

    def action_close(self) -> None:
        self.dismiss(None)
