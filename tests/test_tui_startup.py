"""The app's start: what the first screen needs is done first, the rest is left for later.

The article list keeps the library's own order (newest first, undated last) without sorting it again,
so the rows off screen stay unread; the first article comes with the list.
"""

from __future__ import annotations

from pathlib import Path

from store.library import Library
from store.records import ArticleMeta
from tests.tui_support import make_app, make_library, settle
from tui.widgets.article_list import _date_key


def _dated_articles(count: int) -> dict[str, tuple[str, str | None, str, str]]:
    """`count` small articles: some on the same day, some undated, titles out of order."""
    articles: dict[str, tuple[str, str | None, str, str]] = {}
    for n in range(count):
        published = None if n % 7 == 3 else f"2021-0{1 + n % 3}-1{n % 2}"
        title = f"{'ZYX'[n % 3]} report number {n}"
        articles[f"{n:03d}.md"] = (title, published, f"Source {n % 4}", f"Body of report {n}.\n")
    return articles


def _filled(meta: ArticleMeta) -> bool:
    """Whether a row of the library's list has read its fields from its document yet."""
    try:
        object.__getattribute__(meta, "title")
    except AttributeError:
        return False
    return True


async def test_the_list_keeps_the_librarys_order_and_leaves_rows_off_screen_unread(tmp_path: Path) -> None:
    library = make_library(tmp_path, _dated_articles(60))
    try:
        app = make_app(library)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            listing = app.article_list
            rows = listing.rows
            assert listing.border_subtitle == "60 unread · by date"
            # only the rows drawn (and the articles opened or loaded ahead) were read from their documents
            assert not any(_filled(m) for m in rows[listing.size.height + 5 :])
            # the date order the list would sort into is the order the library gave
            assert [m.id for m in rows] == [m.id for m in sorted(rows, key=_date_key, reverse=True)]
            assert [m.id for m in rows] == [m.id for m in library.articles()]
            await pilot.press("S")  # by source: every row's source and date are read now
            await settle(pilot)
            by_source = [m.id for m in listing.rows]
            assert by_source == [
                m.id
                for m in sorted(
                    library.articles(),
                    key=lambda m: ((m.source or "\uffff").casefold(), -_date_key(m).toordinal()),
                )
            ]
            await pilot.press("S")  # and back: the date order again
            await settle(pilot)
            assert [m.id for m in listing.rows] == [m.id for m in library.articles()]
    finally:
        library.close()


async def test_a_filter_keeps_the_date_order(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        everything = [m.id for m in app.article_list.rows]
        await pilot.press("slash", *"said")
        await settle(pilot)
        found = [m.id for m in app.article_list.rows]
        assert found and len(found) < len(everything)
        assert found == [i for i in everything if i in set(found)]
