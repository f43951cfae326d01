"""The reader's annotation actions, owned by an `Annotator` the app creates once its panes exist:
highlight, note, tags, remove and undo, corrections (re-analysing at once) and the annotations list.

Every write goes through the `Library` (atomic, saved immediately) in a thread worker; one lock keeps the
writes in key-press order, so a second `h` sees the highlight the first one saved. The editor screens are
imported when first used (they are not needed to show the first article).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from store.records import Annotation, ArticleMeta, TimelineEntry
from tui.render import COLOR_NAMES, correction_label, one_line
from tui.threads import error_text, post, tell

if TYPE_CHECKING:
    from textual.app import App

    from extract.model import Analysis
    from store.library import Library
    from tui.screens.annotations import AnnotationRow
    from tui.widgets.article_list import ArticleList
    from tui.widgets.bars import StatusLine
    from tui.widgets.reader import Reader

Change = Callable[["Library"], str]
Reanalysed = Callable[[str, "Analysis", list[TimelineEntry]], None]
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


def current_meta(reader: Reader, listing: ArticleList) -> ArticleMeta | None:
    """The article the reader shows (else the list's cursor row)."""
    article_id = reader.article_id or listing.current_id
    return listing.meta(article_id) if article_id else None


class Annotator:
    """The actions behind h, a, c, x, u, t and A, with what they need handed in by the app."""

    def __init__(
        self,
        app: App[Any],
        library: Library,
        *,
        reader: Reader,
        article_list: ArticleList,
        status: StatusLine,
        on_reanalysed: Reanalysed,
        on_jump: Callable[[Annotation | None], None],
        current: Callable[[], ArticleMeta | None] | None = None,
    ) -> None:
        self.app = app
        # The article keys act on: the app's rule (none while the reader says its article was deleted).
        self.current = current or (lambda: current_meta(reader, article_list))
        self.library = library
        self.reader = reader
        self.article_list = article_list
        self.status = status
        self.on_reanalysed = on_reanalysed  # the article's new analysis after a correction
        self.on_jump = on_jump  # the annotation chosen in the annotations list (None: closed)
        self.removed: list[Annotation] = []  # undo stack for `x`
        self._write_lock = threading.Lock()

    def _run(self, work: Callable[[], None], group: str, *, exclusive: bool = False) -> None:
        self.app.run_worker(work, group=group, exclusive=exclusive, thread=True, exit_on_error=False)

    def _tell(self, message: str, **options: Any) -> None:
        tell(self.app, message, **options)

    # -- writing -------------------------------------------------------------------------------------
    def _annotate(self, article_id: str, change: Change, reanalyse: bool = False) -> None:
        """Run `change(library)` (it returns the message to show), then redraw the article's annotations."""
        self._run(lambda: self._write(article_id, change, reanalyse), "annotate")

    def _write(self, article_id: str, change: Change, reanalyse: bool) -> None:
        with self._write_lock:
            try:
                message = change(self.library)
                annotations = self.library.annotations(article_id)
            except Exception as error:
                self._tell(f"Could not save: {error_text(error)}", severity="error")
                return
        post(self.app, self._annotations_saved, article_id, annotations, message)
        if reanalyse:
            self._reanalyse(article_id, message)

    def _annotations_saved(self, article_id: str, annotations: list[Annotation], message: str) -> None:
        if message:
            self.status.hold(message)
        self.reader.set_annotations(article_id, annotations)

    def _reanalyse(self, article_id: str, message: str) -> None:
        """Analyse again after a correction (the library honours it) and refresh reader and timeline."""
        try:
            analysis = self.library.analysis(article_id)
            entries = self.library.timeline(article_id=article_id)
        except Exception as error:
            self._tell(f"Could not re-analyse: {error_text(error)}", severity="error")
            return
        post(self.app, self._reanalysed, article_id, analysis, entries, message)

    def _reanalysed(
        self, article_id: str, analysis: Analysis, items: list[TimelineEntry], message: str
    ) -> None:
        self.on_reanalysed(article_id, analysis, items)
        self.status.hold(message.replace(" · re-analysing…", ""))

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
    def highlight(self) -> None:
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

    def note(self) -> None:
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
        self.app.push_screen(NoteScreen(quote, current), saved)

    def remove_annotation(self) -> None:
        annotation = self.reader.annotation_under_cursor()
        if annotation is None:
            self.status.show_text("No annotation under the cursor (A lists them all).")
            return

        def change(library: Library) -> str:
            self.removed.append(library.remove_annotation(annotation.id))
            return f"Removed the {annotation.kind} · u undoes"

        self._annotate(annotation.article_id, change, reanalyse=annotation.kind == "correction")

    def undo_remove(self) -> None:
        if not self.removed:
            self.status.show_text("Nothing to undo.")
            return
        annotation = self.removed.pop()

        def change(library: Library) -> str:
            library.restore_annotation(annotation)
            return f"Restored the {annotation.kind}."

        self._annotate(annotation.article_id, change, reanalyse=annotation.kind == "correction")

    # -- t -------------------------------------------------------------------------------------------
    def edit_tags(self) -> None:
        meta = self.current()
        if meta is None:
            self.status.show_text("Open an article first.")
            return
        self._open_tags(meta)

    def _open_tags(self, meta: ArticleMeta) -> None:
        self._run(lambda: self._read_tags(meta), "tags")

    def _read_tags(self, meta: ArticleMeta) -> None:
        try:
            known = self.library.all_tags()
        except Exception as error:
            self._tell(f"Could not read the tags: {error}", severity="error")
            return
        post(self.app, self._show_tags, meta, known)

    def _show_tags(self, meta: ArticleMeta, known: list[str]) -> None:
        def saved(tags: list[str] | None) -> None:
            if tags is not None:
                self._save_tags(meta.id, tags)

        from tui.screens.annotate import TagsScreen

        self.app.push_screen(TagsScreen(meta.title, meta.tags, known), saved)

    def _save_tags(self, article_id: str, tags: list[str]) -> None:
        self._run(lambda: self._write_tags(article_id, tags), "annotate")

    def _write_tags(self, article_id: str, tags: list[str]) -> None:
        with self._write_lock:
            try:
                self.library.set_tags(article_id, tags)
                meta = next(m for m in self.library.articles() if m.id == article_id)
            except Exception as error:
                self._tell(f"Could not save the tags: {error_text(error)}", severity="error")
                return
        post(self.app, self._tags_saved, meta)

    def _tags_saved(self, meta: ArticleMeta) -> None:
        current = self.article_list.meta(meta.id)
        if current is not None:  # keep the flags the list may have changed in the meantime
            meta = dataclasses.replace(current, tags=meta.tags)
        self.article_list.update_meta(meta)
        self.reader.update_meta(meta)
        self.status.show_text("Tags: " + (", ".join(meta.tags) if meta.tags else "none"))

    # -- c -------------------------------------------------------------------------------------------
    def correct(self) -> None:
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
                current = str(getattr(highlight.item, "value", ""))  # pre-filled: any engine value
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

        self.app.push_screen(
            CorrectionScreen(reader.body[start:end], is_date=is_date, current=current), chosen
        )

    # -- A -------------------------------------------------------------------------------------------
    def show_annotations(self) -> None:
        """The annotations list (`A`); choosing one hands it to `on_jump`."""
        self._run(self._load_annotations, "annotations", exclusive=True)

    def _load_annotations(self) -> None:
        from tui.screens.annotations import AnnotationRow

        try:
            metas = {m.id: m for m in self.library.articles()}
            rows = [AnnotationRow(a, metas.get(a.article_id)) for a in self.library.annotations()]
        except Exception as error:
            self._tell(f"Could not list the annotations: {error}", severity="error")
            return
        rows.sort(key=lambda r: (r.title.casefold(), r.annotation.start))
        post(self.app, self._show_annotations, rows)

    def _show_annotations(self, rows: list[AnnotationRow]) -> None:
        from tui.screens.annotations import AnnotationsScreen

        self.app.push_screen(AnnotationsScreen(rows), self.on_jump)
