"""Regenerate docs/series.svg: the series view of the real app on the bundled sample library, opened
with `p` on the figure "About 12,000" (people displaced by Typhoon Kestrel) in the reader.

Usage: python docs/make_series_screenshot.py   (writes docs/series.svg; uses a temporary library)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.library import Library  # noqa: E402
from tui.app import STATE_ARTICLE, STATE_PANE, BriefingApp  # noqa: E402


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "lib") as library:
        article = next(m for m in library.articles() if m.title.startswith("Typhoon Kestrel displaces"))
        library.set_state(STATE_ARTICLE, article.id)
        library.set_state(STATE_PANE, "reader")
        app = BriefingApp(library, cursor_blink=False)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            for _ in range(80):  # walk the highlights to the first count of displaced people
                await pilot.press("n")
                current = app.reader.current_highlight
                if current is not None and getattr(current.item, "value", None) == 12000:
                    break
            await pilot.press("p")
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            app.clear_notifications()
            await pilot.pause()
            app.save_screenshot(str(ROOT / "docs" / "series.svg"))


if __name__ == "__main__":
    asyncio.run(main())
