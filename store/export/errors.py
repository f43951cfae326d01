"""The export's one error type: its message is user-facing and fits on one line."""

from __future__ import annotations

from store.errors import LibraryError


class ExportError(LibraryError):
    """An export that cannot be made or written (unknown article, empty selection, unwritable path)."""
