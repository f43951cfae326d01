"""Regenerate docs/screenshot.svg: the real app on the bundled sample library, the user's article open.
The helpers here also drive docs/make_series_screenshot.py.

Usage: python docs/make_screenshot.py   (writes docs/screenshot.svg; uses a temporary library)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402

from store.library import Library  # noqa: E402
from tui.app import STATE_ARTICLE, STATE_PANE, BriefingApp  # noqa: E402


async def settle(app: BriefingApp, pilot: Pilot[None]) -> None:
    """Let the app draw and its workers (loading, analysis) finish."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()


@asynccontextmanager
async def app_on(title_start: str, size: tuple[int, int]) -> AsyncIterator[tuple[BriefingApp, Pilot[None]]]:
    """The app on a new sample library, the article whose title starts so open in the reader."""
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "lib") as library:
        article = next(m for m in library.articles() if m.title.startswith(title_start))
        library.set_state(STATE_ARTICLE, article.id)
        library.set_state(STATE_PANE, "reader")
        app = BriefingApp(library, cursor_blink=False)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            yield app, pilot


async def walk_to(app: BriefingApp, pilot: Pilot[None], wanted: Callable[[Any], bool], limit: int) -> None:
    """Press `n` until the reader's highlight is `wanted` (at most `limit` times)."""
    for _ in range(limit):
        await pilot.press("n")
        current = app.reader.current_highlight
        if current is not None and wanted(current.item):
            return


async def main() -> None:
    async with app_on("More than half of American", (150, 42)) as (app, pilot):
        app.clear_notifications()
        # annotate with the keys: highlight the second sentence, a note on the fourth
        await pilot.press("j", "h", "j", "j", "a", *"Only", "space", *"trainers", "space", *"stay?", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("g")
        await walk_to(app, pilot, lambda item: "Kadhimi" in getattr(item, "canonical", ""), 60)  # the PM
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "screenshot.svg"))


if __name__ == "__main__":
    asyncio.run(main())
