"""Handing results from thread workers back to the UI thread, safely.

A worker that was cancelled, or whose app is closing, drops its result; a bug in the UI update is shown
in place instead of ending the app.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.worker import get_current_worker

from store.errors import Gone, LibraryError
from store.safetext import one_line

GONE = "it is no longer in the library (another command changed it meanwhile)"


def post(app: App[Any], callback: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """Run `callback(*args, **kwargs)` on the UI thread unless the worker was cancelled or the app is
    closing."""
    if get_current_worker().is_cancelled or not app.is_running:
        return
    try:
        app.call_from_thread(callback, *args, **kwargs)
    except RuntimeError:  # the app stopped in the meantime
        return
    except Exception as error:  # a bug in a UI update: say so in place, keep running
        app.log.error(f"UI update {callback!r} failed: {error!r}")
        try:
            app.call_from_thread(app.notify, f"Display error: {error}", severity="error", markup=False)
        except Exception:
            return


def tell(app: App[Any], message: str, **options: Any) -> None:
    """Show a notification from a worker thread (never as markup: messages quote paths and errors)."""
    options.setdefault("markup", False)
    post(app, partial(app.notify, message, **options))


def error_text(error: BaseException) -> str:
    """An error of a library call as one line for the user. The library's `Gone` names only the id that
    is missing (an article or annotation another command deleted meanwhile): said in words."""
    if isinstance(error, Gone):
        return GONE
    text = one_line(str(error))
    if isinstance(error, (LibraryError, OSError)):  # the library's own messages are written for users
        return text or type(error).__name__
    return f"{type(error).__name__}: {text}" if text else type(error).__name__  # unexpected: named
