"""The app's Markdown export (`E`, and "this article" from the palette): writes a briefing file in a
thread worker and says where it went. Owns the export folder and the path of the last export."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.threads import error_text, post, tell

if TYPE_CHECKING:
    from textual.app import App

    from store.export import Selection
    from store.library import Library
    from tui.widgets.bars import StatusLine


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


class Exporter:
    """Writes Markdown briefings of a `Selection` of the library for the app."""

    def __init__(self, app: App[Any], library: Library, status: StatusLine) -> None:
        self.app = app
        self.library = library
        self.status = status
        self.export_dir: Path | None = None  # None: the current directory, else home
        self.last_export: Path | None = None

    def export(self, selection: Selection, what: str) -> None:
        """Write `selection` as Markdown in a worker; `what` names it in the messages ("the list")."""
        self.app.run_worker(
            lambda: self._export(selection, what),
            group="export",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _export(self, selection: Selection, what: str) -> None:
        from store.export import ExportError, render, select, suggested_filename, write_atomic

        post(self.app, self.status.show_text, f"Exporting {what}…")
        try:
            briefing = select(self.library, selection)
            text = render(briefing, "md")
            folder = self.export_dir or export_folder()
            path = free_path(folder / suggested_filename(briefing.title, "md"))
            write_atomic(path, text)
        except ExportError as error:
            tell(self.app, f"Export failed: {error}", severity="error", timeout=10)
            return
        except Exception as error:
            tell(self.app, f"Export failed: {error_text(error)}", severity="error", timeout=10)
            return
        self.last_export = path
        tell(self.app, f"Markdown briefing of {what} written to\n{path}", title="Exported", timeout=12)
        post(self.app, self.status.show_text, f"Exported to {path}")
