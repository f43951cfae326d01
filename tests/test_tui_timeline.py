"""Pilot tests of the timeline pane: one row per statement, the fact detail popup, `z`, the vague toggle
and the filters (a tag or a date range typed in `/`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.library import Library
from tests.tui_support import make_app, make_library, settle, widget_text
from tui.screens.fact_detail import FactDetailScreen

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
USER_BODY = (
    (SAMPLES / "2021-01-05-rudaw-kadhimi-withdrawal.md").read_text(encoding="utf-8").split("---\n", 2)[2]
)
FERRY = (
    "The ferry entered service in the late 1980s and carries up to 600 passengers.\n"
    "Harbour Line said on Monday that the refit would cost ¥3.8 billion by March 2025.\n"
)
ARTICLES = {
    "rudaw.md": ("Kadhimi speech", "2021-01-05", "Rudaw", USER_BODY),
    "ferry.md": ("Ferry refit", "2024-11-28", "Coast News", FERRY),
}


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = make_library(tmp_path, ARTICLES)
    ferry = next(m.id for m in lib.articles() if m.title == "Ferry refit")
    lib.set_tags(ferry, ["shipping"])
    yield lib
    lib.close()


async def _library_scope(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    app.timeline.focus()
    await pilot.pause()


async def test_each_sentence_is_one_row_in_the_app(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await _library_scope(pilot, app)
        await pilot.press("v")  # every fact, vague ones included
        keys = [(e.article_id, e.fact.sentence) for e in app.timeline.items]
        assert len(keys) == len(set(keys))
        erbil = [e for e in app.timeline.items if e.fact.text.startswith("ERBIL")]
        assert len(erbil) == 1
        assert [d.text for d in erbil[0].fact.dates] == ["Tuesday", "coming days"]


async def test_vague_facts_hidden_by_default_with_a_count_and_a_toggle(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await _library_scope(pilot, app)
        shown = {e.fact.value for e in app.timeline.items}
        assert "198" not in shown and "FUTURE_REF" not in shown and "PAST_REF" not in shown
        hidden = app.timeline.hidden
        assert hidden >= 3
        assert f"{hidden} vague hidden" in str(app.timeline.border_subtitle)
        count = len(app.timeline.items)
        await pilot.press("v")
        assert len(app.timeline.items) == count + hidden
        assert "198" in {e.fact.value for e in app.timeline.items}
        assert "vague hidden" not in str(app.timeline.border_subtitle)
        await pilot.press("v")
        assert len(app.timeline.items) == count


async def test_detail_popup_shows_the_whole_fact_and_steps(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await _library_scope(pilot, app)
        index = next(i for i, e in enumerate(app.timeline.items) if e.fact.value == "2021-01-15")
        app.timeline.cursor = index
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FactDetailScreen)
        shown = str(screen.query_one("#fact-detail").render())
        sentence = app.timeline.items[index].fact.text
        assert sentence in " ".join(shown.split("\n"))  # the whole sentence, not a trimmed line
        assert "Kadhimi speech · Rudaw" in shown
        assert "“December” 2020-12" in shown and "“January 15” 2021-01-15 (event)" in shown
        assert "Figures: " in shown and "Names: " in shown and "Wayne Marotto" in shown
        await pilot.press("j")
        assert app.timeline.cursor == index + 1
        await pilot.press("k", "enter")
        await settle(pilot)
        assert app.screen is not screen
        assert app.reader.marked == (
            app.timeline.current.fact.sentence.start,
            app.timeline.current.fact.sentence.end,
        )


async def test_z_maximises_the_timeline_and_back(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await _library_scope(pilot, app)
        narrow = app.timeline.size.width
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is app.timeline
        assert app.timeline.size.width > narrow
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is None
        assert app.timeline.size.width == narrow


async def test_search_filters_the_library_timeline_by_tag_and_date_range(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await _library_scope(pilot, app)
        app.search_query = "shipping"  # a tag: `/` matches tags
        await settle(pilot)
        assert {e.article_title for e in app.timeline.items} == {"Ferry refit"}
        app.search_query = "2020-09..2020-12"
        await settle(pilot)
        values = {e.fact.value for e in app.timeline.items}
        assert values and all(v.startswith("2020-") for v in values), values
        assert "Ferry refit" not in widget_text(app.timeline)


LONG_FACT = "The drawdown to 2,500 troops will be completed by January 15"


async def test_a_long_sentence_wraps_over_lines_in_its_own_row(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await _library_scope(pilot, app)
        timeline = app.timeline
        index = next(i for i, e in enumerate(timeline.items) if e.fact.value == "2021-01-15")
        sentence = " ".join(timeline.items[index].fact.text.split())
        timeline.cursor = index
        await pilot.pause()
        top = index * timeline.row_height - timeline.scroll_offset.y
        rows = [timeline.render_line(top + k).text for k in range(timeline.row_height)]
        assert rows[0].startswith("2021-01-15  Kadhimi speech · Rudaw")  # date column, title, source
        assert [line[:11].strip() for line in rows[1:]] == ["+2020-12", "", ""]  # its other date
        shown = " ".join(line[11:].strip() for line in rows[1:]).replace("…", " ")
        assert len(shown.split()) > 10  # far more than a one-line excerpt of ~26 characters
        assert all(word in sentence.split() for word in shown.split()[1:-1])  # whole words, in order
        assert "January 15" in shown
        # the next entry starts right after: one row per statement, every row the same height
        after = timeline.render_line(top + timeline.row_height).text
        assert after.startswith(timeline.items[index + 1].fact.value[:10])
        assert timeline.virtual_size.height == len(timeline.items) * timeline.row_height


async def test_the_pane_is_wider_when_focused_or_in_library_scope(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.focus()
        await pilot.pause()
        article_width = app.timeline.outer_size.width
        assert article_width >= 36
        app.timeline.focus()
        await pilot.pause()
        focused = app.timeline.outer_size.width
        assert focused > article_width and app.reader.outer_size.width >= 36
        app.reader.focus()
        await pilot.pause()
        assert app.timeline.outer_size.width == article_width
        await pilot.press("l")
        await settle(pilot)
        assert app.timeline.outer_size.width == focused  # the library scope keeps the larger share
        assert app.timeline.row_height == app.timeline.sentence_lines + 1  # + the article's title


async def test_under_the_reader_the_focused_timeline_grows_and_shows_shorter_entries(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.reader.focus()
        await pilot.pause()
        low = app.timeline.outer_size.height
        assert app.timeline.sentence_lines == 2  # a short pane: two lines a sentence
        app.timeline.focus()
        await pilot.pause()
        assert app.timeline.outer_size.height > low
        assert app.reader.outer_size.height >= 6
        shown = app.timeline.scrollable_content_region.height // app.timeline.row_height
        assert shown >= 3


UNDATED = (
    "Researchers said on Monday that the glacier lost two metres this summer.\n\n"
    "The station recorded heat for nearly four months from mid-June.\n\n"
    "The team will publish its report next month, and visited the site last week.\n"
)


async def test_dates_of_no_known_year_read_as_words_not_codes(tmp_path: Path) -> None:
    lib = make_library(tmp_path, {"glacier.md": ("Glacier survey", None, "Alpine Notes", UNDATED)})
    try:
        app = make_app(lib)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            shown = widget_text(app.timeline)
            assert "XXXX" not in shown
            column = [line[:11].rstrip() for line in shown.split("\n")]  # the 11-cell date column
            words = {"summer", "+Monday", "June", "mid", "some month", "+some week", "unanchored"}
            assert words <= set(column)
            app.timeline.focus()
            app.timeline.cursor = next(
                i for i, e in enumerate(app.timeline.items) if e.fact.date.text == "mid-June"
            )
            await pilot.press("i")
            await pilot.pause()
            detail = str(app.screen.query_one("#fact-detail").render())
            assert "“nearly four months” about 4 months · “mid-June” mid-June (event)" in detail
            assert "P4M" not in detail and "XXXX" not in detail
    finally:
        lib.close()
