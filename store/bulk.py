"""Building many small objects at once (a library file parsed, the article list made) without Python's
cyclic garbage collector running in the middle.

Parsed JSON and the list's rows hold no reference cycles, so the collector has nothing to find in them,
yet while they are built it runs every few hundred allocations and walks them all, again and again: about
a third of opening a large library. `collector_paused()` turns it off for the duration (nested and
thread-safe: it comes back on when the outermost pause ends, if it was on). With `freeze=True` every
object alive at the end is moved to the collector's permanent generation (`gc.freeze()`), so later
collections, for example in the app, never walk the loaded library again; those objects are still freed
as usual when nothing refers to them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (see the module docstring)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    completed = False
    try:
        yield
        completed = True
    finally:
        with _lock:
            if completed and freeze:
                gc.freeze()
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
