"""Noticing articles another process imported while the app is open.

Once a second the app compares the signature (inode, mtime, size) of the library's article index with the
one it last read: a single `stat` on the event loop. When it changed, the metadata is re-read in a thread
worker and handed to the app, which refreshes its list and counts.

A window that opened the library read-only because another window had it open tries, at each poll, to take
the session over (in a thread worker: the library's lock may be busy); once that window has closed it does,
and `on_writable()` tells the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from store.storage import Signature, file_signature
from tui.threads import error_text, post, tell

if TYPE_CHECKING:
    from textual.app import App

    from store.library import Library
    from store.records import ArticleMeta

POLL_SECONDS = 1.0
ARTICLES_FILE = "articles.json"  # the library's article index: its signature changes on every import


class LibraryWatch:
    """Polls the library; `on_articles(metas)` gets every article's metadata after a change and returns
    False to be asked again at the next poll (while its own writes are being saved, say)."""

    def __init__(
        self,
        app: App[Any],
        library: Library,
        on_articles: Callable[[list[ArticleMeta]], bool],
        on_writable: Callable[[], None] | None = None,
    ) -> None:
        self.app = app
        self.library = library
        self.on_articles = on_articles
        self.on_writable = on_writable
        self.signature: Signature | None = None  # the article index as last handed over

    def current_signature(self) -> Signature | None:
        return file_signature(self.library.path / ARTICLES_FILE)

    def start(self) -> None:
        """Take the signature of what the app is about to read, then poll."""
        self.signature = self.current_signature()
        self.app.set_interval(POLL_SECONDS, self.poll, name="library poll")

    def poll(self) -> None:
        if self.on_writable is not None and self.library.waiting_for_session:
            self.app.run_worker(
                self._take_session, group="session", exclusive=True, thread=True, exit_on_error=False
            )
        signature = self.current_signature()
        if signature != self.signature:
            self.app.run_worker(
                lambda: self._read(signature),
                group="reload",
                exclusive=True,
                thread=True,
                exit_on_error=False,
            )

    def _take_session(self) -> None:
        try:
            taken = self.library.take_session()
        except Exception as error:  # the session taken, but an interrupted change not completed now
            taken = not self.library.read_only
            if taken:
                tell(
                    self.app,
                    f"This window can now save changes, but: {error_text(error)}",
                    severity="warning",
                )
        if taken and self.on_writable is not None:
            post(self.app, self.on_writable)

    def _read(self, signature: Signature | None) -> None:
        try:
            metas = self.library.articles()
        except Exception:  # half-written by the other process, say: the next poll tries again
            return
        post(self.app, self._deliver, metas, signature)

    def _deliver(self, metas: list[ArticleMeta], signature: Signature | None) -> None:
        if self.on_articles(metas):
            self.signature = signature
