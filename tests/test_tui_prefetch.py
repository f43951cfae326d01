"""The next-article path (`tui.prefetch`): neighbours loaded ahead, shown at once, never stale or wrong."""

from __future__ import annotations

import dataclasses

from store.library import Library
from store.records import Annotation, Article, ArticleMeta
from tests.tui_support import make_app, settle, widget_text
from tui.prefetch import ArticleCache, Loaded, neighbours
from tui.reader_ahead import draw_text


def _loaded(article_id: str, body: str = "Text.") -> Loaded:
    return Loaded(Article(ArticleMeta(id=article_id, title=article_id), body), ())


def test_the_cache_drops_loads_begun_before_it_was_cleared_and_stays_bounded() -> None:
    cache = ArticleCache(size=2)
    began = cache.generation
    cache.forget()  # e.g. an annotation was saved while the load ran
    assert not cache.put(began, _loaded("a"))
    assert cache.take("a") is None
    for article_id in ("a", "b", "c"):
        assert cache.put(cache.generation, _loaded(article_id))
    assert "a" not in cache and "b" in cache and "c" in cache  # least recently put goes first
    taken = cache.take("c")
    assert taken is not None and taken.article.meta.id == "c"
    assert cache.take("c") is None  # taken once: the open article is never served from the cache again


def test_neighbours_are_the_next_rows_first() -> None:
    rows = [ArticleMeta(id=str(n), title=str(n)) for n in range(5)]
    assert neighbours(rows, 2) == ["3", "1", "4"]
    assert neighbours(rows, 4) == ["3"]
    assert neighbours(rows, 0) == ["1", "2"]


async def test_j_shows_a_prefetched_article_with_its_analysis_at_once(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        following = app.article_list.rows[app.article_list.cursor + 1].id
        assert app.prefetched.complete(following)  # loaded and analysed while the first was read
        app.article_list.focus()
        await pilot.press("j")
        await pilot.pause()  # no worker: the text, the highlights and the timeline in one go
        assert app.reader.article_id == following
        assert app.reader.analysis is not None and app.reader.index.items
        assert app.reader.body == library.article(following).body
        drawn = widget_text(app.timeline)
        app.timeline.invalidate()  # draw the rows again without what was drawn ahead
        await pilot.pause()
        assert widget_text(app.timeline) == drawn


async def test_fast_keys_end_on_the_article_under_the_cursor(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.article_list.focus()
        for keys in (("j", "j"), ("k",), ("j", "k", "j"), ("G", "k", "g", "j")):
            await pilot.press(*keys)
            await settle(pilot)
            current = app.article_list.current_id
            assert current is not None and app.reader.article_id == current
            assert app.reader.body == library.article(current).body
            items = app.timeline.items
            assert all(item.article_id == current for item in items)


async def test_a_saved_annotation_forgets_what_was_loaded_ahead(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.reader.article_id
        assert first is not None
        before = app.prefetched.generation
        app.reader.focus()
        await pilot.press("h")  # highlight the first sentence
        await settle(pilot)
        assert app.prefetched.generation > before
        app.article_list.focus()
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("k")  # back: its highlight is there, not a copy loaded before it was made
        await settle(pilot)
        assert app.reader.article_id == first
        assert [a.kind for a in app.reader.annotations] == ["highlight"]


async def test_without_prefetch_the_same_articles_are_shown(library: Library) -> None:
    app = make_app(library)
    app.prefetch = False
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.prefetched.complete(app.article_list.rows[1].id)
        app.article_list.focus()
        await pilot.press("j")
        await settle(pilot)
        assert app.reader.article_id == app.article_list.rows[1].id
        assert app.reader.analysis is not None


async def test_the_reader_adopts_the_text_drawn_ahead_exactly_as_it_draws_it(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        following = app.article_list.rows[app.article_list.cursor + 1].id
        loaded = app.prefetched.get(following)
        assert loaded is not None and loaded.text is not None  # wrapped and drawn in the worker
        article = loaded.article
        words = article.body.index(article.body.split()[3])
        notes = (
            Annotation(
                "n1",
                following,
                "highlight",
                words,
                words + 12,
                article.body[words : words + 12],
                color="pink",
            ),
            Annotation("n2", following, "note", 0, 9, article.body[:9], note="[bold red]mine"),
        )
        drawn = draw_text(article, notes, app.reader.draw_ahead())
        assert drawn is not None
        reader = app.reader
        reader.show_article(article.meta, article.body, (), notes, drawn)
        shown = [reader.render_line(y) for y in range(reader.size.height)]
        adopted = sum(any(line is strip for strip in drawn.strips) for line in shown)
        assert adopted == len(drawn.strips) == len(drawn.lines) > 3  # every body line taken as drawn
        reader._invalidate()  # the same lines drawn by the reader itself
        assert [reader.render_line(y) for y in range(reader.size.height)] == shown
        assert reader.body == article.body and reader._lines == drawn.lines


async def test_a_pane_of_another_width_draws_its_own_lines(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        following = app.article_list.rows[app.article_list.cursor + 1].id
        article = library.article(following)
        pane = app.reader.draw_ahead()
        narrow = draw_text(article, (), dataclasses.replace(pane, width=pane.width - 7))
        assert narrow is not None
        app.reader.show_article(article.meta, article.body, (), (), narrow)
        shown = [app.reader.render_line(y) for y in range(app.reader.size.height)]
        assert not any(line is strip for strip in narrow.strips for line in shown)
        assert shown[5].cell_length == pane.width


async def test_moving_on_cancels_what_was_loading_around_the_article_before(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.article_list.focus()
        app.prefetched.forget()  # the neighbours must be loaded again: a prefetch worker starts
        app.reader.analysis = None
        app._prefetch_neighbours()
        running = [w for w in app.workers if w.group == "prefetch"]
        assert running and not running[0].is_finished
        await pilot.press("j")
        assert running[0].is_cancelled  # its analyses were for the article before's neighbours
        await settle(pilot)
        assert app.reader.article_id == app.article_list.current_id and app.reader.analysis is not None


async def test_an_analysis_on_demand_comes_with_its_timeline_rows_drawn(library: Library) -> None:
    app = make_app(library)
    app.prefetch = False  # every article opened is loaded and analysed on demand
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.article_list.focus()
        await pilot.press("j")
        await settle(pilot)
        assert app.timeline.items and app.timeline._drawn is not None  # drawn in the article's worker
        drawn = widget_text(app.timeline)
        app.timeline.invalidate()  # the same rows drawn by the pane itself
        await pilot.pause()
        assert app.timeline._drawn is None and widget_text(app.timeline) == drawn
