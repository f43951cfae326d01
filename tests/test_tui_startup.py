"""The app's start: what the first screen needs is done first, the rest is left for later.

The article list keeps the library's own order (newest first, undated last) without sorting it again,
so the rows off screen stay unread; the first article comes with the list; the footer is rebuilt only
when the keys it shows change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # the footer's keys (not exported by textual.widgets)

from store.library import Library
from store.records import ArticleMeta
from tests.tui_support import make_app, make_library, settle, widget_text
from tui.app import STATE_ARTICLE, BriefingApp
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


def watch_first_frame(app: BriefingApp) -> list[tuple[str | None, str | None, bool]]:
    """What the list and the reader will hold once the loaded library is handed to the UI thread (the
    list's article, the reader's, whether the reader shows text), filled in when that happens."""
    seen: list[tuple[str | None, str | None, bool]] = []
    loaded = app._library_loaded

    def watched(*args: Any, **kwargs: Any) -> None:
        loaded(*args, **kwargs)
        seen.append((app.article_list.current_id, app.reader.article_id, app.reader.has_text))

    app._library_loaded = watched  # type: ignore[method-assign]
    return seen


async def test_the_first_article_comes_with_the_list(library: Library) -> None:
    app = make_app(library)
    first = watch_first_frame(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        [(listed, shown, has_text)] = first
        assert listed == shown == library.articles()[0].id and has_text  # the newest, in the same frame
        assert app.reader.analysis is not None  # its highlights follow
        await pilot.press("j")
        await settle(pilot)
        second = app.reader.article_id
    again = make_app(library)
    first = watch_first_frame(again)
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        [(listed, shown, has_text)] = first
        assert listed == shown == second and has_text  # the one read last time


async def test_a_last_article_deleted_since_opens_the_newest(library: Library) -> None:
    newest, other = (m.id for m in library.articles()[:2])
    library.set_state(STATE_ARTICLE, other)
    library.delete([other])
    app = make_app(library)
    first = watch_first_frame(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        [(listed, shown, has_text)] = first
        assert listed == shown == newest and has_text


async def test_a_first_article_whose_text_is_missing_says_so(library: Library) -> None:
    newest = library.articles()[0]
    text = library.article(newest.id).body
    for body in (library.path / "bodies").rglob("*.txt"):
        if body.read_text(encoding="utf-8") == text:
            body.unlink()
    app = make_app(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.article_list.current_id == newest.id
        assert "Could not open this article" in widget_text(app.reader)
        await pilot.press("j")  # the next one opens as usual
        await settle(pilot)
        assert app.reader.has_text and app.reader.article_id != newest.id


def _footer_keys(app: BriefingApp) -> list[FooterKey]:
    return list(app.query_one(Footer).query(FooterKey))


async def test_the_footer_follows_the_focused_pane_and_is_rebuilt_only_when_its_keys_change(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        keys = _footer_keys(app)
        assert "Open" in {k.description for k in keys}  # the list's enter
        app.screen.refresh_bindings()  # bindings said to have changed, the same as before
        await settle(pilot)
        assert _footer_keys(app) == keys  # the very same widgets
        await pilot.press("tab")  # the reader: its keys
        await settle(pilot)
        in_reader = {k.description for k in _footer_keys(app)}
        assert "Open" not in in_reader and in_reader != {k.description for k in keys}
        await pilot.press("shift+tab")
        await settle(pilot)
        assert [k.description for k in _footer_keys(app)] == [k.description for k in keys]


async def test_the_saved_theme_is_there_from_the_first_frame(library: Library) -> None:
    library.set_state("theme", "textual-light")
    app = make_app(library)
    assert app.theme == "textual-light"  # before anything is drawn
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light" and app.reader.has_text
    assert library.get_state("theme") == "textual-light"
    library.set_state("theme", "no-such-theme")  # an unknown name (a theme of another version): the default
    assert make_app(library).theme not in ("no-such-theme", "textual-light")
