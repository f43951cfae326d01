"""Regenerate docs/series.svg: the series view of the real app on the bundled sample library, opened
with `p` on the figure "About 12,000" (people displaced by Typhoon Kestrel) in the reader.

Usage: python docs/make_series_screenshot.py   (writes docs/series.svg; uses a temporary library)
"""

from __future__ import annotations

import asyncio

from make_screenshot import ROOT, app_on, settle, walk_to


async def main() -> None:
    async with app_on("Typhoon Kestrel displaces", (120, 36)) as (app, pilot):
        # walk the highlights to the first count of displaced people
        await walk_to(app, pilot, lambda item: getattr(item, "value", None) == 12000, 80)
        await pilot.press("p")
        await settle(app, pilot)
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "series.svg"))


if __name__ == "__main__":
    asyncio.run(main())
