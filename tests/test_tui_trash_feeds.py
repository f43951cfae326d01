"""The app's whole-article keys and the feeds screen: d deletes with undo (u, in order with x), o opens the
web page (webbrowser patched: nothing is launched), y copies a quote with its source, F lists the feeds and
r updates them from a local server (127.0.0.1 only), enter and f narrow the list, esc clears."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from store.feeds import subscribe
from store.ingest.fetch import HostLimiter
from store.library import Library
from tests.http_support import LocalServer, local_only
from tests.store_support import write
from tests.test_feeds import _full_items
from tests.tui_support import make_app, settle, widget_text
from tests.web_fixtures import STORIES, rss
from tui.app import BriefingApp
from tui.screens.feeds import FeedsScreen


@pytest.fixture
def library(library: Library, tmp_path: Path) -> Library:
    """conftest's library, plus an article with a web address and a source."""
    path = write(
        tmp_path / "more",
        "web.md",
        "---\ntitle: Ferry fares rise\nurl: https://news.example/ferry\nsource: Coast Daily\n"
        "published: 2022-04-02\n---\nFares on the island ferry rise by 8% in May, the operator said.\n",
    )
    assert library.import_paths([path]).added
    return library


def ids_shown(app: BriefingApp) -> list[str]:
    return [m.id for m in app.article_list.rows]


async def test_d_deletes_to_the_trash_and_u_brings_it_back(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        victim = app.article_list.current
        assert victim is not None and app.reader.article_id == victim.id
        body = library.article(victim.id).body
        library.add_annotation(victim.id, 0, body.index(" "), "note", note="keep me")
        await pilot.press("d")
        await settle(pilot)
        assert victim.id not in ids_shown(app)
        assert [t.meta.id for t in library.trash()] == [victim.id]
        assert app.reader.article_id is not None and app.reader.article_id != victim.id
        [told] = [n.message for n in app._notifications if n.title == "Deleted"]
        assert "to the trash" in told and "u undoes" in told and victim.id[:12] in told
        await pilot.press("u")
        await settle(pilot)
        assert victim.id in ids_shown(app) and library.trash() == []
        assert app.reader.article_id == victim.id
        assert [a.note for a in library.annotations(victim.id)] == ["keep me"]
        assert any(n.title == "Restored" and victim.title in n.message for n in app._notifications)


async def test_d_from_the_palette_and_never_under_a_dialog(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.article_list.current_id
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("d")  # the feeds screen is open: d is not for the article behind it
        await settle(pilot)
        assert library.trash() == []
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Delete the article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert [t.meta.id for t in library.trash()] == [first]


async def test_u_undoes_deletes_and_annotation_removals_in_order(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # the reader
        assert app.focused is app.reader
        await pilot.press("h")
        await settle(pilot)
        first = app.reader.article_id
        assert first is not None
        [mark] = library.annotations(first)
        await pilot.press("x")  # remove the highlight
        await settle(pilot)
        assert library.annotations(first) == []
        await pilot.press("d")  # then delete the article
        await settle(pilot)
        assert first not in ids_shown(app)
        await pilot.press("u")  # the delete first
        await settle(pilot)
        assert first in ids_shown(app) and library.annotations(first) == []
        await pilot.press("u")  # then the removal
        await settle(pilot)
        assert [a.id for a in library.annotations(first)] == [mark.id]
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo" in widget_text(app.status)


async def test_d_in_a_read_only_window_changes_nothing(library: Library, tmp_path: Path) -> None:
    with Library.open(library.path, read_only=True) as viewer:
        app = make_app(viewer)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            before = ids_shown(app)
            await pilot.press("d")
            await settle(pilot)
            assert ids_shown(app) == before
            assert "Nothing changed" in widget_text(app.status) and "read-only" in widget_text(app.status)
    assert library.trash() == []


async def test_o_opens_the_web_page_or_says_there_is_none(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        web = next(m for m in app.article_list.rows if m.url)
        app.article_list.select_id(web.id)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://news.example/ferry"]
        assert "Opened https://news.example/ferry" in widget_text(app.status)
        plain = next(m for m in app.article_list.rows if not m.url)
        app.article_list.select_id(plain.id)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://news.example/ferry"]
        assert "has no web address" in widget_text(app.status)


async def test_y_copies_the_sentence_with_its_source(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        web = next(m for m in app.article_list.rows if m.url)
        app.article_list.select_id(web.id)
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert app.reader.article_id == web.id
        await pilot.press("y")
        assert app.clipboard == (
            "“Fares on the island ferry rise by 8% in May, the operator said.” — Ferry fares rise, "
            "Coast Daily, 2 Apr 2022, https://news.example/ferry"
        )
        assert "Copied the quote" in widget_text(app.status)


async def test_f_narrows_the_list_to_the_source_and_esc_clears(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        coast = next(m for m in app.article_list.rows if m.source == "Coast Daily")
        app.article_list.select_id(coast.id)
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert {m.source for m in app.article_list.rows} == {"Coast Daily"}
        assert len(app.article_list.rows) == 2
        assert "only source Coast Daily" in widget_text(app.query_one("#filter"))
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.article_list.rows) == 4


async def test_the_feeds_screen_updates_without_freezing_and_narrows(
    library: Library, web: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = local_only(monkeypatch)
    monkeypatch.setattr("store.feeds.HostLimiter", lambda: HostLimiter(spacing=0))
    url = web.add(
        "/rss", rss("Coastline Courier", _full_items(STORIES[:2])), content_type="application/rss+xml"
    )
    subscribe(library, url)
    app = make_app(library)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 1
        assert "never" in str(table.get_row_at(0)[2]) and str(table.get_row_at(0)[1]).strip() == "0"
        await pilot.press("r")
        await settle(pilot)
        status = str(screen.query_one("#feeds-status").render())
        assert "Updated: 2 new articles" in status
        assert str(table.get_row_at(0)[1]).strip() == "2" and "UTC" in str(table.get_row_at(0)[2])
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FeedsScreen)
        titles = {m.title for m in app.article_list.rows}
        assert titles == {s.title for s in STORIES[:2]}
        assert "only feed Coastline Courier · 2 articles" in widget_text(app.query_one("#filter"))
        await pilot.press("d")  # a feed's ids still name a deleted article: the count is of those listed
        await settle(pilot)
        assert len(app.article_list.rows) == 1
        assert "only feed Coastline Courier · 1 article " in widget_text(app.query_one("#filter"))
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.article_list.rows) == 5  # the four articles and the feed's one left
    assert not refused


async def test_the_palette_narrows_to_the_feed_of_the_article(
    library: Library, web: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = local_only(monkeypatch)
    url = web.add(
        "/rss", rss("Coastline Courier", _full_items(STORIES[:2])), content_type="application/rss+xml"
    )
    from store.feeds import update_feeds

    subscribe(library, url)
    update_feeds(library, limiter=HostLimiter(spacing=0))
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        item = next(m for m in app.article_list.rows if m.title == STORIES[0].title)
        app.article_list.select_id(item.id)
        await settle(pilot)
        await app.run_action("narrow_feed")
        await settle(pilot)
        assert {m.title for m in app.article_list.rows} == {s.title for s in STORIES[:2]}
        plain = next(m for m in library.articles() if m.source == "Desert Wire")
        await pilot.press("escape")
        await settle(pilot)
        app.article_list.select_id(plain.id)
        await settle(pilot)
        await app.run_action("narrow_feed")
        await settle(pilot)
        assert "did not come from a feed" in widget_text(app.status)
    assert not refused


async def test_u_after_a_restore_from_the_command_line_says_it_is_back(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        victim = app.article_list.current
        assert victim is not None
        await pilot.press("d")
        await settle(pilot)
        other = Library.open(library.path, import_samples=False)  # `briefing restore ID` in a shell
        try:
            other.restore([victim.id])
        finally:
            other.close()
        await pilot.press("u")
        await settle(pilot)
        messages = [n.message for n in app._notifications] + [widget_text(app.status)]
        assert not any(victim.id[:12] in m and "Could not" in m for m in messages), messages
        assert any("is already back in the library" in m and victim.title in m for m in messages), messages
        assert app.reader.article_id == victim.id and app.article_list.current_id == victim.id


async def test_d_of_an_article_deleted_elsewhere_says_so_in_words(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        victim = app.article_list.current
        assert victim is not None
        app.library_watch.signature = None  # keep the list as it is: the delete below is not noticed
        app.library_watch.poll = lambda: None  # type: ignore[method-assign]
        other = Library.open(library.path, import_samples=False)
        try:
            other.delete([victim.id])
        finally:
            other.close()
        await pilot.press("d")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert not any(repr(victim.id) in m for m in messages), messages
        assert any("no longer in the library" in m and victim.title in m for m in messages), messages
