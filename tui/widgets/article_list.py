"""The article list: every article as one row (unread dot, star, title, source, date), sortable and
filterable, virtualised so 100,000 entries scroll as smoothly as ten."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType

from store.records import ArticleMeta
from tui.render import list_row
from tui.widgets.virtual_list import VirtualList

SortMode = Literal["date", "source"]
EMPTY_LIBRARY = "No articles yet.\n\nImport some with:\n  briefing import FILE_OR_FOLDER"
NO_MATCH = "No article matches.\nPress escape to clear the filter."


def _date_key(meta: ArticleMeta) -> date:
    return meta.published or date.min


class ArticleList(VirtualList):
    """Rows of `ArticleMeta`; the cursor row is the article shown in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", tooltip="Open in the reader and mark read"),
        Binding("S", "toggle_sort", "Sort", tooltip="Sort by date or by source"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._all: list[ArticleMeta] = []
        self._rows: list[ArticleMeta] = []
        self._index: dict[str, int] = {}
        self._allowed: frozenset[str] | None = None
        self._newest_first = False  # `_all` is in the date order already (see `set_articles`)
        self.sort_mode: SortMode = "date"
        self.read_only = False  # the window cannot save changes: said in the border
        self.empty_message = "Loading the library…"
        self.border_title = "Articles"

    # -- data --------------------------------------------------------------------------------------
    def set_articles(
        self, articles: Sequence[ArticleMeta], *, keep_id: str | None = None, newest_first: bool = False
    ) -> None:
        """Show `articles`. `newest_first`: they come in the list's date order already (newest first,
        undated last: `Library.articles()`'s order), so the date order is theirs and no sort reads every
        row's date (the library's rows fill their fields when first read: the list reads only those on
        screen)."""
        self._all = list(articles)
        self._newest_first = newest_first
        self._rebuild(keep_id)

    def set_filter(self, ids: Collection[str] | None) -> None:
        """Show only these article ids (None: all); keeps the current article when it is still shown."""
        self._allowed = None if ids is None else frozenset(ids)
        self._rebuild(self.current_id)

    def sort_by(self, mode: SortMode) -> None:
        self.sort_mode = mode
        self._rebuild(self.current_id)

    def action_toggle_sort(self) -> None:
        self.sort_by("source" if self.sort_mode == "date" else "date")
        self.app.notify(f"Sorted by {self.sort_mode}", timeout=2)

    def _rebuild(self, keep_id: str | None) -> None:
        rows = self._all if self._allowed is None else [m for m in self._all if m.id in self._allowed]
        if self.sort_mode == "date":
            # a stable sort of rows in this order already keeps it: the filter above keeps it too
            rows = list(rows) if self._newest_first else sorted(rows, key=_date_key, reverse=True)
        else:
            rows = sorted(rows, key=lambda m: ((m.source or "\uffff").casefold(), -_date_key(m).toordinal()))
        self._rows = rows
        self._index = {m.id: i for i, m in enumerate(rows)}
        if not self._all:
            self.empty_message = EMPTY_LIBRARY
        else:
            self.empty_message = NO_MATCH
        self._update_title()
        cursor = self._index.get(keep_id, 0) if keep_id else 0
        self.set_row_count(len(rows), cursor=cursor)

    def _update_title(self) -> None:
        shown, total = len(self._rows), len(self._all)
        unread = sum(1 for m in self._rows if not m.read) if shown <= 200_000 else 0
        count = f"{shown}" if shown == total else f"{shown} of {total}"
        self.border_title = f"Articles {count}"
        self.border_subtitle = f"{unread} unread · by {self.sort_mode}" + (
            " · read-only" if self.read_only else ""
        )

    def show_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_title()

    def update_meta(self, meta: ArticleMeta) -> None:
        """Replace one article's metadata (after marking read or starring)."""
        self._all = [meta if m.id == meta.id else m for m in self._all]
        i = self._index.get(meta.id)
        if i is not None:
            self._rows[i] = meta
            self.refresh_row(i)
        self._update_title()

    # -- queries -----------------------------------------------------------------------------------
    @property
    def rows(self) -> list[ArticleMeta]:
        return self._rows

    @property
    def all_articles(self) -> list[ArticleMeta]:
        """Every article the list holds, filtered out or not."""
        return self._all

    @property
    def current(self) -> ArticleMeta | None:
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    @property
    def current_id(self) -> str | None:
        meta = self.current
        return meta.id if meta else None

    def meta(self, article_id: str) -> ArticleMeta | None:
        i = self._index.get(article_id)
        if i is not None:
            return self._rows[i]
        return next((m for m in self._all if m.id == article_id), None)

    def select_id(self, article_id: str) -> bool:
        i = self._index.get(article_id)
        if i is None:
            return False
        self.cursor = i
        return True

    def render_row(self, index: int, width: int) -> list[Text]:
        return [list_row(self._rows[index], width, by_source=self.sort_mode == "source")]
