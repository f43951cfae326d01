"""The annotate-and-brief flows of the app (a mixin of `BriefingApp`): highlight, note, tags, remove and
undo, corrections (re-analysing at once), the annotations list with its jump, and the Markdown export.

Every write goes through the `Library` (atomic, saved immediately) in a thread worker; one lock keeps the
writes in key-press order, so a second `h` sees the highlight the first one saved. The editor screens are
imported when first used (they are not needed to show the first article).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from store.records import Annotation, ArticleMeta, TimelineEntry
from tui.render import COLOR_NAMES, correction_label, one_line

if TYPE_CHECKING:
    from textual.worker_manager import WorkerManager

    from extract.model import Analysis
    from store.export import Selection
    from store.library import Library
    from tui.screens.annotations import AnnotationRow
    from tui.widgets.article_list import ArticleList
    from tui.widgets.bars import StatusLine
    from tui.widgets.reader import Reader

Change = Callable[["Library"], str]
SAVING_GROUPS = frozenset({"annotate", "flags", "state"})  # workers that write: quitting waits for them


def next_color(color: str | None) -> str:
    """The colour after `color` in the cycle (the first one for a note without colour)."""
    if color not in COLOR_NAMES:
        return COLOR_NAMES[0]
    return COLOR_NAMES[(COLOR_NAMES.index(color) + 1) % len(COLOR_NAMES)]


def mark_on(annotations: Iterable[Annotation], span: tuple[int, int]) -> Annotation | None:
    """The user's highlight or note on exactly `span` (corrections and orphans aside), if any."""
    return next(
        (a for a in annotations if (a.start, a.end) == span and a.kind != "correction" and not a.orphaned),
        None,
    )


def free_path(path: Path) -> Path:
    """`path`, or `name-2.md`, `name-3.md`… when it exists (an export never overwrites silently)."""
    if not path.exists():
        return path
    stem, suffix = path.name.split(".", 1) if "." in path.name else (path.name, "")
    n = 2
    while True:
        candidate = path.with_name(f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}")
        if not candidate.exists():
            return candidate
        n += 1


def export_folder() -> Path:
    """The current directory when writable, else the user's home."""
    here = Path.cwd()
    return here if os.access(here, os.W_OK) else Path.home()


class AnnotatingMixin:
    """Actions behind h, a, t, x, u, c, A and E. Mixed into `BriefingApp` (which provides the panes)."""

    if TYPE_CHECKING:
        library: Library
        reader: Reader
        article_list: ArticleList
        status: StatusLine
        entity: str | None
        search_ids: frozenset[str] | None
        entity_ids: frozenset[str] | None
        timeline_scope: str
        _pending_select: tuple[str, int, int] | None

        def _from_thread(self, callback: Callable[..., object], *args: Any, **kwargs: Any) -> None: ...
        def _analysis_ready(
            self, article_id: str, analysis: Analysis, items: list[TimelineEntry]
        ) -> None: ...
        def _refresh_timeline(self) -> None: ...
        def _current_meta(self) -> ArticleMeta | None: ...
        def open_article(self, article_id: str, *, mark_read: bool = False) -> None: ...
        def notify(self, message: str, **kwargs: Any) -> None: ...
        def push_screen(self, screen: Any, callback: Any = None) -> Any: ...
        def _apply_filters(self) -> None: ...
        def exit(self) -> None: ...

        @property
        def workers(self) -> WorkerManager: ...
        def _close_search(self) -> None: ...

    def _tell(self, message: str, **options: Any) -> None:
        """Show a notification from a worker thread."""
        options.setdefault("markup", False)  # messages quote paths and errors: never markup
        self._from_thread(partial(self.notify, message, **options))

    def init_annotating(self) -> None:
        self.removed: list[Annotation] = []  # undo stack for `x`
        self.export_dir: Path | None = None  # None: the current directory, else home
        self.last_export: Path | None = None
        self.status_hold: str | None = None  # an annotating message kept until the cursor moves
        self._write_lock = threading.Lock()

    async def action_quit(self) -> None:
        """Quit once the annotation writes already asked for are on disk (`h` then `q` loses nothing)."""
        for worker in list(self.workers):
            if worker.group in SAVING_GROUPS and not worker.is_finished:
                with contextlib.suppress(Exception):
                    await worker.wait()
        self.exit()

    # -- writing -------------------------------------------------------------------------------------
    @work(thread=True, group="annotate", exit_on_error=False)
    def _annotate(self, article_id: str, change: Change, reanalyse: bool = False) -> None:
        """Run `change(library)` (it returns the message to show), then redraw the article's annotations."""
        with self._write_lock:
            try:
                message = change(self.library)
                annotations = self.library.annotations(article_id)
            except Exception as error:
                self._tell(f"Could not save: {one_line(str(error))}", severity="error")
                return
        self._from_thread(self._annotations_saved, article_id, annotations, message)
        if reanalyse:
            self._reanalyse(article_id, message)

    def _annotations_saved(self, article_id: str, annotations: list[Annotation], message: str) -> None:
        if message:
            self.status_hold = message
            self.status.show_text(message)
        self.reader.set_annotations(article_id, annotations)

    def _reanalyse(self, article_id: str, message: str) -> None:
        """Analyse again after a correction (the library honours it) and refresh reader and timeline."""
        try:
            analysis = self.library.analysis(article_id)
            entries = self.library.timeline(article_id=article_id)
        except Exception as error:
            self._tell(f"Could not re-analyse: {one_line(str(error))}", severity="error")
            return
        self._from_thread(self._reanalysed, article_id, analysis, entries, message)

    def _reanalysed(
        self, article_id: str, analysis: Analysis, items: list[TimelineEntry], message: str
    ) -> None:
        self._analysis_ready(article_id, analysis, items)
        self.status_hold = message.replace(" · re-analysing…", "")
        self.status.show_text(self.status_hold)
        if self.timeline_scope != "article" or self.entity is not None:
            self._refresh_timeline()

    def _target(self) -> tuple[str, tuple[int, int]] | None:
        """The open article and the selected range, or a hint in the status line."""
        article_id, span = self.reader.article_id, self.reader.selection
        if article_id is None:
            self.status.show_text("Open an article first (enter in the list).")
            return None
        if span is None:
            self.status.show_text("Move the reader's cursor onto the text first (j/k).")
            return None
        return article_id, span

    # -- h a x u -------------------------------------------------------------------------------------
    def action_highlight(self) -> None:
        target = self._target()
        if target is None:
            return
        article_id, (start, end) = target

        def change(library: Library) -> str:
            existing = mark_on(library.annotations(article_id), (start, end))
            if existing is not None:
                color = next_color(existing.color)
                library.update_annotation(existing.id, color=color)
                return f"Highlight colour: {color} (h again: next colour · x removes)"
            library.add_annotation(article_id, start, end, "highlight", color=COLOR_NAMES[0])
            return f"Highlighted in {COLOR_NAMES[0]} (h again: next colour · a adds a note · x removes)"

        self._annotate(article_id, change)

    def action_note(self) -> None:
        target = self._target()
        if target is None:
            return
        article_id, (start, end) = target
        existing = mark_on(self.reader.annotations, (start, end))
        quote = self.reader.body[start:end]

        def saved(note: str | None) -> None:
            if note is None:
                self.status.show_text("Note not saved.")
                return
            if existing is None and not note:
                return

            def change(library: Library) -> str:
                if existing is not None and not note and existing.kind == "note" and not existing.color:
                    self.removed.append(library.remove_annotation(existing.id))  # nothing left to show
                    return "Note removed · u undoes"
                if existing is not None:
                    library.update_annotation(existing.id, note=note or None)
                    return "Note saved." if note else "Note cleared."
                library.add_annotation(article_id, start, end, "note", note=note)
                return "Note saved (it shows under its sentence · x removes)."

            self._annotate(article_id, change)

        from tui.screens.annotate import NoteScreen

        current = (existing.note or "") if existing is not None else ""
        self.push_screen(NoteScreen(quote, current), saved)

    def action_remove_annotation(self) -> None:
        annotation = self.reader.annotation_under_cursor()
        if annotation is None:
            self.status.show_text("No annotation under the cursor (A lists them all).")
            return

        def change(library: Library) -> str:
            self.removed.append(library.remove_annotation(annotation.id))
            return f"Removed the {annotation.kind} · u undoes"

        self._annotate(annotation.article_id, change, reanalyse=annotation.kind == "correction")

    def action_undo_remove(self) -> None:
        if not self.removed:
            self.status.show_text("Nothing to undo.")
            return
        annotation = self.removed.pop()

        def change(library: Library) -> str:
            library.restore_annotation(annotation)
            return f"Restored the {annotation.kind}."

        self._annotate(annotation.article_id, change, reanalyse=annotation.kind == "correction")

    # -- t -------------------------------------------------------------------------------------------
    def action_edit_tags(self) -> None:
        meta = self._current_meta()
        if meta is None:
            self.status.show_text("Open an article first.")
            return
        self._open_tags(meta)

    @work(thread=True, group="tags", exit_on_error=False)
    def _open_tags(self, meta: ArticleMeta) -> None:
        try:
            known = self.library.all_tags()
        except Exception as error:
            self._tell(f"Could not read the tags: {error}", severity="error")
            return
        self._from_thread(self._show_tags, meta, known)

    def _show_tags(self, meta: ArticleMeta, known: list[str]) -> None:
        def saved(tags: list[str] | None) -> None:
            if tags is not None:
                self._save_tags(meta.id, tags)

        from tui.screens.annotate import TagsScreen

        self.push_screen(TagsScreen(meta.title, meta.tags, known), saved)

    @work(thread=True, group="annotate", exit_on_error=False)
    def _save_tags(self, article_id: str, tags: list[str]) -> None:
        with self._write_lock:
            try:
                self.library.set_tags(article_id, tags)
                meta = next(m for m in self.library.articles() if m.id == article_id)
            except Exception as error:
                self._tell(f"Could not save the tags: {error}", severity="error")
                return
        self._from_thread(self._tags_saved, meta)

    def _tags_saved(self, meta: ArticleMeta) -> None:
        current = self.article_list.meta(meta.id)
        if current is not None:  # keep the flags the list may have changed in the meantime
            meta = dataclasses.replace(current, tags=meta.tags)
        self.article_list.update_meta(meta)
        self.reader.update_meta(meta)
        self.status.show_text("Tags: " + (", ".join(meta.tags) if meta.tags else "none"))

    # -- c -------------------------------------------------------------------------------------------
    def action_correct(self) -> None:
        reader = self.reader
        article_id = reader.article_id
        highlight = reader.current_highlight
        if article_id is None:
            return
        if highlight is not None and highlight.layer == "figure" and not reader.sel.word_mode:
            self.status.show_text("Figures cannot be corrected; put the cursor on a name or a date.")
            return
        if highlight is not None and highlight.layer != "figure" and not reader.sel.word_mode:
            start, end = highlight.start, highlight.end
            is_date = highlight.layer == "date"
            current = "" if is_date else str(getattr(highlight.item, "type", ""))
            if is_date:
                value = str(getattr(highlight.item, "value", ""))
                current = value if len(value) == 10 else ""
        elif reader.sel.word_mode and reader.selection is not None:
            (start, end), is_date, current = reader.selection, False, ""
        else:
            self.status.show_text(
                "Put the cursor on a name or date (n/N), or select words (w) for a missed name."
            )
            return

        def chosen(correction: dict[str, str] | None) -> None:
            if correction is None:
                return

            def change(library: Library) -> str:
                for a in library.annotations(article_id):
                    if a.kind == "correction" and (a.start, a.end) == (start, end):
                        library.update_annotation(a.id, correction=correction)
                        break
                else:
                    library.add_annotation(article_id, start, end, "correction", correction=correction)
                quote = one_line(reader.body[start:end])
                return f"Correction saved: “{quote}” {correction_label(correction)} · re-analysing…"

            self._annotate(article_id, change, reanalyse=True)

        from tui.screens.annotate import CorrectionScreen

        self.push_screen(CorrectionScreen(reader.body[start:end], is_date=is_date, current=current), chosen)

    # -- A -------------------------------------------------------------------------------------------
    def action_annotations(self) -> None:
        self._load_annotations()

    @work(thread=True, exclusive=True, group="annotations", exit_on_error=False)
    def _load_annotations(self) -> None:
        from tui.screens.annotations import AnnotationRow

        try:
            metas = {m.id: m for m in self.library.articles()}
            rows = [AnnotationRow(a, metas.get(a.article_id)) for a in self.library.annotations()]
        except Exception as error:
            self._tell(f"Could not list the annotations: {error}", severity="error")
            return
        rows.sort(key=lambda r: (r.title.casefold(), r.annotation.start))
        self._from_thread(self._show_annotations, rows)

    def _show_annotations(self, rows: list[AnnotationRow]) -> None:
        from tui.screens.annotations import AnnotationsScreen

        self.push_screen(AnnotationsScreen(rows), self.jump_to_annotation)

    def jump_to_annotation(self, annotation: Annotation | None) -> None:
        """Open the annotation's article with the cursor on it (an orphan: the article and a notice)."""
        if annotation is None:
            return
        article_id = annotation.article_id
        if not self.article_list.select_id(article_id):
            self.entity = None
            self.entity_ids = None
            self._close_search()
            self._apply_filters()
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

    # -- E -------------------------------------------------------------------------------------------
    def action_export(self) -> None:
        """A Markdown briefing of the articles in the list (the whole library when nothing filters it)."""
        from store.export import Selection

        filtered = self.search_ids is not None or self.entity_ids is not None
        ids = tuple(m.id for m in self.article_list.rows) if filtered else ()
        if filtered and not ids:
            self.status.show_text("Nothing to export: no article in the list.")
            return
        self._export(
            Selection(article_ids=ids, entity=self.entity), "the list" if filtered else "the library"
        )

    def action_export_article(self) -> None:
        from store.export import Selection

        if self.reader.article_id is None:
            self.status.show_text("Open an article first.")
            return
        self._export(Selection(article_ids=(self.reader.article_id,)), "this article")

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, selection: Selection, what: str) -> None:
        from store.export import ExportError, render, select, suggested_filename, write_atomic

        self._from_thread(self.status.show_text, f"Exporting {what}…")
        try:
            briefing = select(self.library, selection)
            text = render(briefing, "md")
            folder = self.export_dir or export_folder()
            path = free_path(folder / suggested_filename(briefing.title, "md"))
            write_atomic(path, text)
        except ExportError as error:
            self._tell(f"Export failed: {error}", severity="error", timeout=10)
            return
        except Exception as error:
            self._tell(f"Export failed: {error!r}", severity="error", timeout=10)
            return
        self.last_export = path
        self._tell(f"Markdown briefing of {what} written to\n{path}", title="Exported", timeout=12)
        self._from_thread(self.status.show_text, f"Exported to {path}")
