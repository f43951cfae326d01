"""Regenerate docs/screenshot.svg: the real app on the bundled sample library, the user's article open.

Usage: python docs/make_screenshot.py   (writes docs/screenshot.svg; uses a temporary library)
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
        article = next(m for m in library.articles() if m.title.startswith("More than half of American"))
        library.set_state(STATE_ARTICLE, article.id)
        library.set_state(STATE_PANE, "reader")
        app = BriefingApp(library, cursor_blink=False)
        async with app.run_test(size=(150, 42)) as pilot:
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            app.clear_notifications()
            # annotate with the keys: highlight the second sentence, a note on the fourth
            await pilot.press(
                "j", "h", "j", "j", "a", *"Only", "space", *"trainers", "space", *"stay?", "ctrl+s"
            )
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            await pilot.press("g")
            for _ in range(60):  # walk the highlights to the Prime Minister's name
                await pilot.press("n")
                current = app.reader.current_highlight
                if current is not None and "Kadhimi" in getattr(current.item, "canonical", ""):
                    break
            await pilot.pause()
            app.save_screenshot(str(ROOT / "docs" / "screenshot.svg"))


if __name__ == "__main__":
    asyncio.run(main())
