"""Pilot tests of the cross-article views (issue 12) on the bundled sample library: the entity index (I),
a name's profile (e), the series view with its plot (P, p on a figure), the conflicts list (C) and the
conflict marker on a figure in the reader; plus the pure helpers they draw with."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList
from textual_plotext import PlotextPlot

from extract.across.model import Series, SeriesPoint
from store.library import Library
from tests.tui_support import make_app, settle, widget_text
from tui import theme
from tui.across_render import plot_points, value_ticks
from tui.app import BriefingApp
from tui.render import HighlightIndex, body_line
from tui.screens.conflicts import ConflictsScreen
from tui.screens.entities import EntityIndexScreen
from tui.screens.help import HelpScreen
from tui.screens.profile import ProfileScreen
from tui.screens.series import SeriesScreen

KADHIMI = "PERSON:mustafa al-kadhimi"


def _article(library: Library, title_part: str) -> str:
    return next(m.id for m in library.articles() if title_part in m.title)


async def _open(pilot, app: BriefingApp, article_id: str) -> None:  # type: ignore[no-untyped-def]
    app.article_list.select_id(article_id)
    app.open_article(article_id)
    await settle(pilot)
    app.reader.focus()
    await settle(pilot)


async def _walk_to(pilot, app: BriefingApp, wanted) -> None:  # type: ignore[no-untyped-def]
    """Press n until the highlight under the reader's cursor satisfies `wanted`."""
    for _ in range(200):
        h = app.reader.current_highlight
        if h is not None and wanted(h):
            return
        await pilot.press("n")
    raise AssertionError("no such highlight")


def _option_ids(screen: ProfileScreen | ConflictsScreen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [o.id or "" for o in options.options]


# -- the entity index and profiles -----------------------------------------------------------------------


async def test_entity_index_lists_names_by_mentions_filters_and_opens_a_profile(
    sample_library: Library,
) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityIndexScreen)
        mentions = [e.mentions for e in screen.shown]
        assert len(mentions) == len(sample_library.entities()) and mentions == sorted(mentions, reverse=True)
        assert screen.query_one(DataTable).row_count == len(screen.shown)
        await pilot.press("tab")  # people only
        assert screen.kind == "PERSON" and screen.shown and {e.type for e in screen.shown} == {"PERSON"}
        await pilot.press(*"kadhimi")
        assert [e.key for e in screen.shown] == [KADHIMI]
        await pilot.press("enter")
        await settle(pilot)
        profile = app.screen
        assert isinstance(profile, ProfileScreen) and profile.profile is not None
        assert profile.profile.name == "Mustafa al-Kadhimi"
        head = str(profile.query_one("#profile-head").render())
        assert "Kadhimi ×4" in head and "person" in head
        ids = _option_ids(profile, "#profile")
        assert "article:0" in ids and "fact:0" in ids and "co:0" in ids
        await pilot.press("escape")  # back to the index, then to the reader
        assert isinstance(app.screen, EntityIndexScreen)
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_e_opens_the_profile_and_enter_on_a_fact_jumps_to_its_sentence(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open(pilot, app, _article(sample_library, "American forces"))
        await _walk_to(pilot, app, lambda h: h.layer == "figure")
        await pilot.press("e")  # not on a name: a hint, no screen
        assert app.screen is app.screen_stack[0] and "on a name" in str(app.status.render())
        await _walk_to(pilot, app, lambda h: h.layer == "entity" and "Kadhimi" in h.item.canonical)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProfileScreen) and screen.key == KADHIMI
        assert screen.profile is not None and len(screen.profile.facts) == 4  # the title is a sentence too
        options = screen.query_one(OptionList)
        options.highlighted = _option_ids(screen, "#profile").index("fact:0")
        await pilot.press("enter")
        await settle(pilot)
        fact = screen.profile.facts[0]
        assert app.screen is app.screen_stack[0] and app.focused is app.reader
        assert app.reader.article_id == fact.article_id
        assert app.reader.marked == (fact.sentence_start, fact.sentence_end)


async def test_f_in_a_profile_filters_the_list_and_timeline_by_the_name(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.across.show_profile("EVENT:typhoon kestrel")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        assert app.entity == "Typhoon Kestrel" and app.timeline.scope == "library"
        assert 0 < app.article_list.row_count < len(sample_library.articles())


async def test_enter_in_a_profile_opens_an_article_or_a_co_mentioned_name(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.across.show_profile(KADHIMI)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProfileScreen) and screen.profile is not None
        options = screen.query_one(OptionList)
        options.highlighted = _option_ids(screen, "#profile").index("co:0")
        await pilot.press("enter")
        await settle(pilot)
        other = app.screen
        assert isinstance(other, ProfileScreen) and other.key == screen.profile.co_mentions[0][1]
        await pilot.press("escape")
        assert app.screen is screen
        options.highlighted = _option_ids(screen, "#profile").index("article:0")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        assert app.reader.article_id == screen.profile.articles[0].article_id


async def test_a_library_without_series_or_conflicts_says_so(library: Library) -> None:
    app = make_app(library)  # three small invented articles: no figure counts the same thing twice
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, SeriesScreen) and not app.screen.series
        assert "No figure series" in str(app.screen.query_one("#series-note").render())
        await pilot.press("escape", "C")
        await settle(pilot)
        assert isinstance(app.screen, ConflictsScreen)
        assert "No conflicts" in str(app.screen.query_one("#conflicts-note").render())


# -- series ----------------------------------------------------------------------------------------------


async def test_series_view_plots_the_chosen_series_and_lists_its_points(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SeriesScreen)
        assert [s.key for s in screen.series] == [s.key for s in sample_library.series()]
        troops = next(i for i, s in enumerate(screen.series) if s.unit == "troops")
        screen.query_one(OptionList).highlighted = troops
        await settle(pilot)
        assert screen.current is screen.series[troops]
        table = screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
        assert [r[0] for r in rows] == ["2020-01", "2020-09", "2021-01-15"]
        assert [r[1] for r in rows] == ["roughly 5,000", "3,000", "2,500"]
        plot = screen.query_one(PlotextPlot)
        assert plot.size.height >= 8
        drawn = widget_text(plot)
        assert "5,000" in drawn and "2020-01-16" in drawn  # the value ticks; January 2020 drawn mid-month


async def test_p_on_a_figure_opens_its_series_on_its_point_and_enter_jumps_back(
    sample_library: Library,
) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article = _article(sample_library, "American forces")
        await _open(pilot, app, article)
        await _walk_to(pilot, app, lambda h: h.layer == "entity")
        await pilot.press("p")  # not a figure: a hint
        assert app.screen is app.screen_stack[0] and "on a figure" in str(app.status.render())
        await _walk_to(pilot, app, lambda h: h.layer == "figure" and h.item.value == 2500)
        figure = app.reader.current_highlight
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SeriesScreen) and screen.current is not None
        assert screen.current.unit == "troops"
        table = screen.query_one(DataTable)
        assert app.focused is table
        point = screen.current.points[table.cursor_row]
        assert (point.article_id, point.start, point.end) == (article, figure.start, figure.end)
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(pilot)
        first = screen.current.points[0]
        assert app.screen is app.screen_stack[0]
        assert app.reader.article_id == first.article_id
        h = app.reader.current_highlight
        assert h is not None and (h.start, h.end) == (first.start, first.end)


async def test_a_figure_in_no_series_says_so(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open(pilot, app, _article(sample_library, "Typhoon Kestrel displaces"))
        await _walk_to(pilot, app, lambda h: h.layer == "figure" and h.item.unit == "km/h")
        await pilot.press("p")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        assert "in no series" in str(app.status.render())


# -- conflicts -------------------------------------------------------------------------------------------


async def test_conflicts_screen_lists_the_claims_and_enter_jumps_to_the_figure(
    sample_library: Library,
) -> None:
    conflicts = sample_library.conflicts()
    assert len(conflicts) == 1 and conflicts[0].unit == "people killed"
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert _option_ids(screen, "#conflicts") == ["title:0", "0:0", "0:1"]
        shown = widget_text(screen.query_one(OptionList))
        assert "at least 120" in shown and "85" in shown and "Cyclone Oriel" in shown
        await pilot.press("down")  # the second claim
        await pilot.press("enter")
        await settle(pilot)
        claim = conflicts[0].claims[1]
        assert app.screen is app.screen_stack[0]
        assert app.reader.article_id == claim.article_id
        h = app.reader.current_highlight
        assert h is not None and (h.start, h.end) == (claim.start, claim.end)
        status = str(app.status.render())
        assert "sources disagree" in status and "vs" in status


async def test_the_reader_marks_a_conflicting_figure_and_explains_it(sample_library: Library) -> None:
    claim = next(c for c in sample_library.conflicts()[0].claims if c.value == 85)
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open(pilot, app, claim.article_id)
        assert (claim.start, claim.end) in app.reader._flagged
        await _walk_to(pilot, app, lambda h: h.layer == "figure" and h.start == claim.start)
        await settle(pilot)
        status = str(app.status.render())
        assert "sources disagree" in status and "85 (here)" in status and "at least 120" in status
        await _walk_to(pilot, app, lambda h: h.layer == "figure" and h.start != claim.start)
        assert "sources disagree" not in str(app.status.render())


def test_a_flagged_span_is_drawn_in_the_conflict_style() -> None:
    text = "Officials said 85 people died."
    line = body_line(text, 0, len(text), HighlightIndex([]), flagged=[(15, 17)])
    styled = [(s.start, s.end) for s in line.spans if s.style == theme.active().conflict]
    assert styled == [(15, 17)]
    assert line.plain == text  # a style only: nothing inserted, offsets unchanged


# -- keys, help, small terminals -------------------------------------------------------------------------


async def test_help_and_palette_list_the_new_keys(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hints = app.key_hints()
        assert {hints[a] for a in ("profile", "figure_series", "series", "entities", "conflicts")} == {
            "e",
            "p",
            "P",
            "I",
            "C",
        }
        from tui.palette import COMMANDS

        actions = {action for _, _, action in COMMANDS}
        assert {"profile", "filter_entity", "figure_series", "series", "entities", "conflicts"} <= actions
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _ in app.screen.sections]
        assert "Sources disagree (C)" in titles and "Names (I)" in titles
        profile_rows = dict(next(rows for t, rows in app.screen.sections if t.startswith("Profile")))
        assert "f" in profile_rows and "p" in profile_rows


async def test_the_views_work_at_80x24(sample_library: Library) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key, screen_type in (("P", SeriesScreen), ("C", ConflictsScreen), ("I", EntityIndexScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen_type)
            if isinstance(app.screen, SeriesScreen):
                assert app.screen.has_class("-narrow")
                assert app.screen.query_one(PlotextPlot).size.height >= 5
                assert app.screen.query_one(DataTable).size.height >= 3
            await pilot.press("escape")
            assert app.screen is app.screen_stack[0]


# -- the pure helpers ------------------------------------------------------------------------------------


def _point(date: str, value: float, high: float | None = None) -> SeriesPoint:
    return SeriesPoint(date, value, high, None, "a", None, "T", str(value), 0, 1)


def test_plot_points_go_in_day_order_at_the_middle_of_their_dates() -> None:
    series = Series(
        "k", "Storm", "displaced", (_point("2022-10-12", 1), _point("2022-10", 5, 7), _point("P2D", 9))
    )
    days, values = plot_points(series)
    assert days == ["2022-10-12", "2022-10-16"]  # the duration names no day: left out of the plot
    assert values == [1, 6]  # a range at its middle


def test_value_ticks_run_from_zero_and_read_like_the_table() -> None:
    ticks, labels = value_ticks([5000, 2500])
    assert ticks[0] == 0 and ticks[-1] == 5000 and labels[-1] == "5,000"
    assert labels[1] == "1,250"
    assert value_ticks([]) == ([0.0], ["0"])
