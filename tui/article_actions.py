"""What the app does to a whole article: delete it to the trash (with undo), open its web page, copy a
quote with its source.

The library calls run in thread workers (the delete in the `flags` group, so quitting waits for it);
their results come back through `tui.threads.post`. The app hands in what these actions need.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from store.safetext import clean_line, one_line
from tui.threads import error_text, post, tell

if TYPE_CHECKING:
    from textual.app import App

    from store.library import Library
    from store.records import ArticleMeta
    from tui.widgets.bars import StatusLine

READ_ONLY_DELETE = "Nothing changed: this window has the library open read-only (see the notice)."
QUOTE_MAX_CHARS = 2_000  # a quote longer than this is cut (with …) before it reaches the clipboard


def quote_with_source(text: str, meta: ArticleMeta) -> str:
    """'“text” — Title, Source, 5 Jan 2021, https://…' (the parts the article has), on one line."""
    words = clean_line(text)
    if len(words) > QUOTE_MAX_CHARS:
        words = words[: QUOTE_MAX_CHARS - 1].rstrip() + "…"
    source = [clean_line(meta.title)]
    if meta.source:
        source.append(clean_line(meta.source))
    if meta.published:
        from store.export.datefmt import human_day  # when first used: it loads the export package

        source.append(human_day(meta.published.isoformat()))
    if meta.url:
        source.append(clean_line(meta.url))
    return f"“{words}” — {', '.join(part for part in source if part)}"


def web_address(url: str | None) -> str | None:
    """The URL if a browser may be sent to it (http or https only: a stored URL is untrusted)."""
    if not url:
        return None
    return url.strip() if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


class ArticleActions:
    """The actions behind d, u (after d), o and y."""

    def __init__(
        self,
        app: App[Any],
        library: Library,
        *,
        status: StatusLine,
        on_deleted: Callable[[list[ArticleMeta], str | None], None],
        on_restored: Callable[[list[ArticleMeta], str], None],
    ) -> None:
        self.app = app
        self.library = library
        self.status = status
        self.on_deleted = on_deleted  # (the library's articles now, the article to show next)
        self.on_restored = on_restored  # (the library's articles now, the restored article)
        self.deleted: list[ArticleMeta] = []  # undo stack for `d`

    # -- d and its undo ------------------------------------------------------------------------------
    def delete(self, meta: ArticleMeta, next_id: str | None) -> bool:
        """Move the article to the trash; False (and a message) when the library is read-only."""
        if self.library.read_only:
            self.status.show_text(READ_ONLY_DELETE)
            return False
        self.status.show_text(f"Deleting “{one_line(meta.title)}”…")
        self.app.run_worker(
            lambda: self._delete(meta, next_id), group="flags", thread=True, exit_on_error=False
        )
        return True

    def _delete(self, meta: ArticleMeta, next_id: str | None) -> None:
        try:
            self.library.delete([meta.id])
            metas = self.library.articles()
        except KeyError:  # another command deleted it meanwhile
            tell(
                self.app,
                f"“{one_line(meta.title)}” is no longer in the library: another command deleted it "
                f"(briefing restore {meta.id[:12]} brings it back).",
                severity="warning",
            )
            return
        except Exception as error:
            tell(self.app, f"Could not delete: {error_text(error)}", severity="error")
            return
        self.deleted.append(meta)
        post(self.app, self._deleted, meta, metas, next_id)

    def _deleted(self, meta: ArticleMeta, metas: list[ArticleMeta], next_id: str | None) -> None:
        self.on_deleted(metas, next_id)
        message = (
            f"Moved “{one_line(meta.title)}” to the trash · u undoes (later: briefing restore {meta.id[:12]})"
        )
        self.status.hold(message)
        # The status line soon shows the next article's highlights: say it where it stays a while too.
        self.app.notify(message, title="Deleted", timeout=8, markup=False)

    def undo_delete(self) -> None:
        if not self.deleted:
            self.status.show_text("Nothing to undo.")
            return
        meta = self.deleted.pop()
        self.app.run_worker(lambda: self._restore(meta), group="flags", thread=True, exit_on_error=False)

    def _restore(self, meta: ArticleMeta) -> None:
        title = one_line(meta.title)
        try:
            try:
                self.library.restore([meta.id])
                restored = True
            except KeyError:  # no longer in the trash: another command restored it (or emptied the trash)
                restored = False
            metas = self.library.articles()
        except Exception as error:
            tell(self.app, f"Could not restore “{title}”: {error_text(error)}", severity="error")
            return
        if restored:
            post(self.app, self._restored, meta, metas, f"Restored “{title}” from the trash.")
        elif any(m.id == meta.id for m in metas):
            post(self.app, self._restored, meta, metas, f"“{title}” is already back in the library.")
        else:
            tell(
                self.app,
                f"“{title}” is no longer in the trash (another command removed it from there); "
                "nothing to undo.",
                severity="warning",
            )

    def _restored(self, meta: ArticleMeta, metas: list[ArticleMeta], message: str) -> None:
        self.on_restored(metas, meta.id)
        self.status.hold(message)
        self.app.notify(message, title="Restored", timeout=4, markup=False)

    # -- o -------------------------------------------------------------------------------------------
    def open_url(self, meta: ArticleMeta | None) -> None:
        if meta is None:
            self.status.show_text("Open an article first (enter in the list).")
            return
        url = web_address(meta.url)
        if url is None:
            where = f" (imported from {one_line(meta.path)})" if meta.path else ""
            why = "has no web address" if not meta.url else "has no http(s) web address"
            self.status.show_text(f"This article {why} to open{where}.")
            return

        def open_it() -> None:
            try:
                opened = webbrowser.open(url)
            except Exception as error:  # a broken browser setting must not end the app
                tell(self.app, f"Could not open the browser: {one_line(str(error))}", severity="error")
                return
            message = (
                f"Opened {url} in the browser." if opened else f"No browser could be opened; the URL: {url}"
            )
            post(self.app, self.status.show_text, one_line(message))

        self.status.show_text(f"Opening {one_line(url)}…")
        self.app.run_worker(open_it, group="browser", thread=True, exit_on_error=False)

    # -- y -------------------------------------------------------------------------------------------
    def copy_quote(self, meta: ArticleMeta | None, text: str) -> None:
        if meta is None:
            self.status.show_text("Open an article first (enter in the list).")
            return
        if not text.strip():
            self.status.show_text("Move the reader's cursor onto the text first (j/k), then y copies it.")
            return
        quote = quote_with_source(text, meta)
        self.app.copy_to_clipboard(quote)
        self.status.hold(f"Copied the quote with its source ({len(quote):,} characters); paste it anywhere.")
