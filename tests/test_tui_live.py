"""The app and the library changing under it: articles imported by another process appear while the app
runs (a signature poll), and quitting cancels the library timeline's analysis instead of waiting for it."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from extract.model import Analysis
from store.library import Library
from tests.tui_support import make_app, make_library, settle, widget_text, write_article
from tui.app import BriefingApp


def titles(app: BriefingApp) -> list[str]:
    return [m.title for m in app.article_list.rows]


async def test_articles_imported_elsewhere_appear_and_the_selection_stays(
    library: Library, tmp_path: Path
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # select the second article: it must stay selected
        await settle(pilot)
        selected = app.article_list.current_id
        assert app.article_list.row_count == 3 and app.article_list.border_title == "Articles 3"
        folder = tmp_path / "more"
        folder.mkdir()
        write_article(folder, "d.md", "Bridge opens in the valley", "2022-03-01", "Post", "It opened.\n")
        other = Library.open(library.path, import_samples=False)  # another process's view of the folder
        try:
            assert other.import_paths([folder]).ok
        finally:
            other.close()
        for _ in range(200):  # the poll runs every second; pilot.pause lets the app's clock advance
            if app.article_list.row_count == 4:
                break
            await pilot.pause(0.1)
        await settle(pilot)
        assert "Bridge opens in the valley" in titles(app)
        assert app.article_list.border_title == "Articles 4"
        assert app.article_list.current_id == selected
        assert app.reader.article_id == selected


async def test_articles_appear_in_an_app_opened_on_an_empty_library(tmp_path: Path) -> None:
    library = make_library(tmp_path, {})
    try:
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.article_list.row_count == 0
            folder = tmp_path / "later"
            folder.mkdir()
            write_article(folder, "a.md", "Late arrival", "2022-01-01", "Wire", "Mayor Ana Lopes spoke.\n")
            other = Library.open(library.path, import_samples=False)
            try:
                assert other.import_paths([folder]).ok
            finally:
                other.close()
            for _ in range(200):
                if app.reader.meta is not None:
                    break
                await pilot.pause(0.1)
            await settle(pilot)
            assert titles(app) == ["Late arrival"]
            assert app.reader.meta is not None and app.reader.meta.title == "Late arrival"
    finally:
        library.close()


async def test_the_open_article_deleted_elsewhere_is_said_and_no_key_acts_on_another(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the second of three articles
        await settle(pilot)
        victim = app.reader.meta
        assert victim is not None and app.article_list.current_id == victim.id
        others = [m.id for m in app.article_list.rows if m.id != victim.id]
        await pilot.press("tab")  # the reader
        await settle(pilot)
        assert app.focused is app.reader
        other = Library.open(library.path, import_samples=False)  # `briefing delete ID` in a shell
        try:
            other.delete([victim.id])
        finally:
            other.close()
        for _ in range(200):  # the poll runs every second; pilot.pause lets the app's clock advance
            if app.article_list.row_count == 2:
                break
            await pilot.pause(0.1)
        await settle(pilot)
        told = [n.message for n in app._notifications]
        assert any("moved to the trash by another command" in m and victim.title in m for m in told), told
        assert app.reader.article_id is None  # nothing open: not the first article, silently
        assert "Moved to the trash by another" in widget_text(app.reader)
        assert app.article_list.current_id == others[1]  # the list's cursor on its neighbour (the third)
        await pilot.press("h", "s", "m")  # in the reader: none of them acts on an article unseen
        await settle(pilot)
        assert all(library.annotations(aid) == [] for aid in others)
        assert not any(m.starred or m.read for m in library.articles())
        assert "Open an article first" in widget_text(app.status)
        await pilot.press("shift+tab", "enter")  # the list: enter opens the article its cursor is on
        await settle(pilot)
        assert app.reader.article_id == others[1]


async def test_quit_cancels_the_library_timeline_between_articles(tmp_path: Path) -> None:
    articles = {
        f"n{n:02d}.md": (f"Report {n}", f"2021-02-{n + 1:02d}", "Wire", f"On March {n + 1} {n} boats left.\n")
        for n in range(25)
    }
    library = make_library(tmp_path, articles)
    executor = ThreadPoolExecutor(max_workers=4)  # joined below: the worker's thread is seen to end
    asyncio.get_running_loop().set_default_executor(executor)
    analysed: list[str] = []
    inside = threading.Event()
    release = threading.Event()
    real_analysis = library.analysis

    def slow_analysis(article_id: str) -> Analysis:
        analysed.append(article_id)
        inside.set()
        release.wait(timeout=30)  # a slow analyser: it finishes only when the test says so
        return real_analysis(article_id)

    try:
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            library.analysis = slow_analysis  # type: ignore[method-assign]
            await pilot.press("l")  # the whole library's timeline: analyses every article
            await asyncio.to_thread(inside.wait, 30)
            worker = next(w for w in app.workers if w.group == "timeline")
            await pilot.press("q")
            await pilot.pause()
        assert not app.is_running  # quitting did not wait for the 25 analyses
        assert worker.is_cancelled
        release.set()
        executor.shutdown(wait=True)  # the worker's thread has returned
        assert len(analysed) == 1  # it stopped at the next article instead of analysing them all
    finally:
        release.set()
        executor.shutdown(wait=True)
        library.close()
