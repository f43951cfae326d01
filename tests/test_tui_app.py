"""Headless Pilot tests of the reader app: every binding, search, timeline jump, entity filter, empty
library, untrusted text, failures shown in place, layouts at 80x24 and 200x60, remembered state."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

from store.library import Library
from tests.tui_support import ARTICLES, make_app, make_library, settle, widget_text
from tui.app import BriefingApp
from tui.screens.help import HelpScreen
from tui.screens.profile import ProfileScreen
from tui.widgets.bars import FilterBar, StatusLine


def titles(app: BriefingApp) -> list[str]:
    return [m.title for m in app.article_list.rows]


async def test_opens_newest_article_with_highlights_and_timeline(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert titles(app)[0] == "Troops leave the northern base"  # newest first
        assert app.reader.meta is not None and app.reader.meta.title == titles(app)[0]
        text = widget_text(app.reader)
        assert "Desert Wire · published 2021-01-05" in text
        assert "2,500 troops" in text
        assert app.reader.index.items, "highlights from the analysis"
        assert app.timeline.row_count >= 1
        timeline_text = widget_text(app.timeline)
        assert "2021-01-15" in timeline_text


async def test_list_keys_move_and_open(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key, expected in (("j", 1), ("down", 2), ("k", 1), ("up", 0), ("G", 2), ("g", 0), ("end", 2)):
            await pilot.press(key)
            assert app.article_list.cursor == expected, key
        await settle(pilot)
        assert app.reader.article_id == app.article_list.current_id
        await pilot.press("home", "enter")
        await settle(pilot)
        assert app.focused is app.reader
        assert app.article_list.current is not None and app.article_list.current.read


async def test_tab_cycles_panes(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused is app.article_list
        await pilot.press("tab")
        assert app.focused is app.reader
        await pilot.press("tab")
        assert app.focused is app.timeline
        await pilot.press("shift+tab")
        assert app.focused is app.reader


async def test_tab_skips_the_search_box_while_a_search_is_shown(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harb", "enter")
        await settle(pilot)
        assert app.query_one("#search").display and app.focused is app.article_list
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.focused)
        assert seen == [app.reader, app.timeline, app.article_list, app.reader]
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.timeline
        assert app.query_one("#search").value == "harb"  # nothing typed into the box


async def test_next_previous_article_marks_read(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.reader.article_id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        second = app.reader.article_id
        assert second != first and app.article_list.cursor == 1
        assert app.article_list.meta(second).read
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.reader.article_id == first
    assert {m.id for m in library.articles() if m.read} == {first, second}


async def test_read_and_star_toggle_and_persist(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_id = app.reader.article_id
        await pilot.press("m", "s")
        await settle(pilot)
        meta = app.article_list.meta(article_id)
        assert meta.read and meta.starred
        assert "★" in widget_text(app.article_list)
        stored = {m.id: m for m in library.articles()}[article_id]
        assert stored.read and stored.starred
        await pilot.press("m", "s")
        await settle(pilot)
        stored = {m.id: m for m in library.articles()}[article_id]
        assert not stored.read and not stored.starred


async def test_highlight_walk_shows_details_in_status_line(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.query_one(StatusLine)
        await pilot.press("n")
        first = app.reader.current_highlight
        assert first is not None
        await pilot.press("n")
        second = app.reader.current_highlight
        assert second is not None and second.start > first.start
        await pilot.press("N")
        assert app.reader.current_highlight == first
        await pilot.pause()
        shown = widget_text(status).strip()
        # the first n went from the sentence's first name to "Tuesday", the article's date-relative day
        assert first.layer == "date" and app.reader.body[first.start : first.end] == "Tuesday"
        assert shown.startswith("date") and "value 2021-01-05" in shown
        # walk to a figure: its value appears
        while app.reader.current_highlight and app.reader.current_highlight.layer != "figure":
            await pilot.press("n")
        await pilot.pause()
        assert "2,500" in widget_text(status)


async def test_layers_toggle(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        layers = {h.layer for h in app.reader.index.items}
        assert {"figure", "date"} <= layers
        await pilot.press("2")
        assert "figure" not in {h.layer for h in app.reader.index.items}
        await pilot.press("3")
        assert "date" not in {h.layer for h in app.reader.index.items}
        await pilot.press("1")
        assert app.reader.index.items == []
        await pilot.press("1", "2", "3")
        assert {h.layer for h in app.reader.index.items} == layers


async def test_reader_keys_move_the_sentence_cursor(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert app.focused is app.reader
        reader = app.reader
        sentences = reader.sentences
        assert len(sentences) >= 2, "the analysis' sentences drive the cursor"
        assert reader.selection == sentences[0]
        await pilot.press("j")
        assert reader.selection == sentences[1]
        assert reader.cursor_line == reader.line_of_offset(sentences[1][0])
        await pilot.press("k")
        assert reader.selection == sentences[0]
        await pilot.press("down", "up")
        assert reader.selection == sentences[0]
        await pilot.press("G")
        assert reader.selection == sentences[-1]
        await pilot.press("g")
        assert reader.selection == sentences[0]
        assert reader.scroll_offset.y == 0


async def test_search_filters_as_you_type_and_escape_clears(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is not None and app.focused.id == "search"
        await pilot.press(*"harb")
        await settle(pilot)
        assert titles(app) == ["Harbour reopens after the storm"]
        assert app.query_one(FilterBar).has_class("-active")
        await pilot.press(*"ourzzz")
        await settle(pilot)
        assert titles(app) == []
        assert "No article matches" in widget_text(app.article_list)
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(app)) == len(ARTICLES)
        assert not app.query_one("#search").display
        assert not app.query_one(FilterBar).has_class("-active")


async def test_search_finds_body_text_and_names(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferreira", "enter")
        await settle(pilot)
        assert titles(app) == ["Harbour reopens after the storm"]
        assert app.focused is app.article_list
        await pilot.press("slash", "slash")  # inside the box "/" is a character
        assert app.query_one("#search").value == "ferreira/"


async def test_timeline_enter_jumps_to_sentence(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")
        assert app.focused is app.timeline
        await pilot.press("G", "enter")
        await settle(pilot)
        item = app.timeline.current
        sentence = item.fact.sentence
        assert app.reader.marked == (sentence.start, sentence.end)
        line = app.reader.line_of_offset(sentence.start)
        assert app.reader.cursor_line == line
        assert app.reader.scroll_offset.y <= line < app.reader.scroll_offset.y + app.reader.size.height


async def test_timeline_scope_toggles_to_whole_library(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        own = app.timeline.row_count
        await pilot.press("l")
        await settle(pilot)
        assert app.timeline.scope == "library"
        assert app.timeline.row_count > own
        assert {item.article_title for item in app.timeline.items} >= {"Harbour reopens after the storm"}
        assert "whole library" in str(app.timeline.border_title)
        # a fact of another article opens that article and marks its sentence
        other = next(i for i, it in enumerate(app.timeline.items) if it.article_id != app.reader.article_id)
        app.timeline.focus()
        app.timeline.cursor = other
        await pilot.press("enter")
        await settle(pilot)
        item = app.timeline.items[other]
        assert app.reader.article_id == item.article_id
        assert app.reader.marked == (item.fact.sentence.start, item.fact.sentence.end)
        assert app.article_list.meta(item.article_id).read  # chosen from the timeline: read, as from the list
        assert next(m for m in library.articles() if m.id == item.article_id).read  # and saved
        await pilot.press("l")
        await settle(pilot)
        assert app.timeline.scope == "article"


async def test_entity_filter_and_escape(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        while app.reader.current_highlight is None or app.reader.current_highlight.layer != "figure":
            await pilot.press("n")
        await pilot.press("e")  # not a name under the cursor: a hint, no filter
        assert app.entity is None
        while app.reader.current_highlight is None or app.reader.current_highlight.layer != "entity":
            await pilot.press("n")
        name = app.reader.current_highlight.item.canonical
        await pilot.press("e")  # the name's profile (issue 12); `f` in it filters by the name
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("f")
        await settle(pilot)
        assert app.entity == name
        bar = app.query_one(FilterBar)
        assert bar.has_class("-active") and name in widget_text(bar)
        assert app.reader.article_id in {m.id for m in app.article_list.rows}
        assert len(app.article_list.rows) < len(ARTICLES)
        assert app.timeline.scope == "library" and app.timeline.entity == name
        await pilot.press("escape")
        await settle(pilot)
        assert app.entity is None and not bar.has_class("-active")
        assert len(app.article_list.rows) == len(ARTICLES)
        assert app.timeline.scope == "article"


async def test_sort_by_source(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        sources = [m.source for m in app.article_list.rows]
        assert sources == sorted(sources, key=str.casefold)
        await pilot.press("S")
        dates = [m.published for m in app.article_list.rows if m.published]
        assert dates == sorted(dates, reverse=True)


async def test_help_lists_every_binding(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {desc for _, rows in app.screen.sections for _, desc in rows}
        for binding in app.BINDINGS:
            assert (binding.tooltip or binding.description) in described
        for keys in (
            "j ↓",
            "k ↑",
            "g Home",
            "G End",
            "Enter",
            "/",
            "?",
            "n",
            "N",
            "]",
            "[",
            "m",
            "s",
            "l",
            "e",
        ):
            assert any(keys == k for _, rows in app.screen.sections for k, _ in rows), keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_app_commands(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_id = app.reader.article_id
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"star / unstar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.article_list.meta(article_id).starred


async def test_the_palette_offers_each_command_once(library: Library) -> None:
    from tui.palette import COMMANDS

    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        system = [command.title for command in app.get_system_commands(app.screen)]
        titles = system + [title for title, _, _ in COMMANDS]
        assert "Theme" in system and titles.count("Quit") == 1
        assert "Keys" not in system and "Show keys" in titles  # one way to list the keys, not two


async def test_q_quits(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_mouse_click_selects_article(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#list", offset=(5, 3))  # border row, then rows 0, 1, 2
        await settle(pilot)
        assert app.article_list.cursor == 2
        assert app.reader.article_id == app.article_list.rows[2].id


async def test_remembers_article_and_pane(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        chosen = app.reader.article_id
        await pilot.press("tab", "tab")
        await settle(pilot)
    again = make_app(library)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.reader.article_id == chosen
        assert again.focused is again.timeline


async def test_the_reading_position_is_written_once_the_keys_stop(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app
    from tui.app import STATE_ARTICLE

    written: list[tuple[str, object]] = []
    set_state = library.set_state

    def recording(key: str, value: object) -> None:
        written.append((key, value))
        set_state(key, value)

    monkeypatch.setattr(library, "set_state", recording)
    monkeypatch.setattr(tui.app, "STATE_DELAY", 3600.0)  # no calm long enough while the keys come
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        written.clear()
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert [key for key, _ in written if key == STATE_ARTICLE] == []  # not on every key
        before_close = app.reader.article_id
    assert [value for key, value in written if key == STATE_ARTICLE] == [before_close]  # once, at close
    assert library.get_state(STATE_ARTICLE) == before_close


async def test_the_reading_position_is_written_after_a_moment_of_calm(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app
    from tui.app import STATE_ARTICLE

    monkeypatch.setattr(tui.app, "STATE_DELAY", 0.05)
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        chosen = app.reader.article_id
        for _ in range(200):  # the timer fires on the event loop: wait for it, however busy the machine
            if library.get_state(STATE_ARTICLE) == chosen:
                break
            await pilot.pause(0.05)
        assert library.get_state(STATE_ARTICLE) == chosen  # while the app runs


async def test_the_collector_runs_less_often_while_the_app_runs_and_as_before_after(library: Library) -> None:
    import gc

    from tui.app import GC_YOUNG_THRESHOLD

    before = gc.get_threshold()
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gc.get_threshold() == (max(GC_YOUNG_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before


async def test_empty_library_says_so(tmp_path: Path) -> None:
    lib = make_library(tmp_path, {})
    app = make_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "library is empty" in widget_text(app.reader)
        assert "briefing import" in widget_text(app.article_list)
        for key in (
            "j",
            "enter",
            "n",
            "right_square_bracket",
            "m",
            "s",
            "e",
            "l",
            "tab",
            "enter",
            "S",
            "o",
            "d",
            "y",
            "f",
            "u",
        ):
            await pilot.press(key)
        await settle(pilot)
        assert app.is_running
    lib.close()


async def test_article_without_publication_date(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        undated = next(i for i, m in enumerate(app.article_list.rows) if m.published is None)
        app.article_list.cursor = undated
        await settle(pilot)
        text = widget_text(app.reader)
        assert "no publication date" in text
        dates = [h for h in app.reader.index.items if h.layer == "date"]
        assert dates and not all(h.item.anchored for h in dates)


async def test_analysis_failure_is_shown_in_place(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article_id: str) -> None:
        raise ValueError("analyser exploded")

    monkeypatch.setattr(library, "analysis", broken)
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = " ".join(widget_text(app.reader).split())
        assert "Could not analyse this article (analyser exploded)" in text
        assert "2,500 troops" in text  # the plain text is still there
        await pilot.press("n", "j", "right_square_bracket")
        await settle(pilot)
        assert app.is_running


INJECTION_TITLE = "[bold red]Loud[/] [@click=app.quit]Quit[/] \x1b[31mred"
INJECTION_BODY = (
    "Plain start. [bold red]not bold[/] and [@click=app.quit]click me[/] here.\n"
    "Escapes: \x1b[2J\x1b[31mRED\x1b[0m bell\x07 backspace\x08 done.\n"
)


async def test_untrusted_text_is_displayed_not_interpreted(tmp_path: Path) -> None:
    lib = make_library(tmp_path, {"x.md": ("placeholder", "2021-01-05", "[i]Wire[/i]", INJECTION_BODY)})
    # the title goes through YAML in the file; put the raw one in place through the import path too
    (tmp_path / "articles" / "x.md").write_text(
        '---\ntitle: "[bold red]Loud[/] [@click=app.quit]Quit[/] \\e[31mred"\n'
        "published: 2021-01-05\nsource: '[i]Wire[/i]'\n---\n" + INJECTION_BODY,
        encoding="utf-8",
    )
    lib.import_paths([tmp_path / "articles"])
    app = make_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = widget_text(app.reader) + widget_text(app.article_list)
        assert "[bold red]Loud[/]" in shown
        assert "[@click=app.quit]" in shown
        assert "[bold red]not bold[/]" in shown
        assert "[i]Wire[/i]" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "\x08" not in shown
        assert "[31mRED" in shown  # the escape sequence is visible text, not colour
        # clicking on the would-be link does nothing
        await pilot.click("#reader", offset=(20, 4))
        await pilot.click("#list", offset=(10, 1))
        await settle(pilot)
        assert app.is_running
    lib.close()


async def test_long_article_shows_in_place(tmp_path: Path) -> None:
    paragraph = "The council met on Monday and approved 12 new ferries for the northern route. " * 20
    body = (paragraph + "\n\n") * 650  # about 1 MB
    assert len(body) > 1_000_000
    lib = make_library(tmp_path, {"long.md": ("A very long article", "2021-01-05", "Wire", body)})
    app = make_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.reader.has_text
        assert "Long article" in widget_text(app.reader)
        await pilot.press("tab", "G")
        assert app.reader.selection == app.reader.sentences[-1]
        assert app.reader.scroll_offset.y > 0
        assert app.is_running
    lib.close()


async def test_layout_80x24_has_no_overlap(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        regions = [w.region for w in (app.article_list, app.reader, app.timeline)]
        screen = app.screen.region
        for r in regions:
            assert r.width > 0 and r.height > 0
            assert screen.contains_region(r)
        for i, a in enumerate(regions):
            for b in regions[i + 1 :]:
                assert not a.overlaps(b)
        assert app.timeline.region.y > app.reader.region.y  # moved below the reader
        assert app.reader.region.width >= 40
        assert app.reader.region.height >= 8


async def test_layout_200x60_uses_the_room(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        list_r, reader_r, timeline_r = (w.region for w in (app.article_list, app.reader, app.timeline))
        assert list_r.right <= reader_r.x and reader_r.right <= timeline_r.x  # side by side
        assert reader_r.width >= 80
        assert list_r.height >= 50
        assert list_r.width + reader_r.width + timeline_r.width >= 196


async def test_mouse_click_on_timeline_fact_jumps(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.timeline.row_count >= 2
        height = app.timeline.row_height  # the border row, then fact 0's rows, then fact 1's
        await pilot.click("#timeline", offset=(5, 1 + height))
        await settle(pilot)
        assert app.timeline.cursor == 1
        sentence = app.timeline.items[1].fact.sentence
        assert app.reader.marked == (sentence.start, sentence.end)


async def test_read_only_library_shows_notice_and_keeps_running(library: Library) -> None:
    second = Library.open(library.path, session=True)
    first = Library.open(library.path, session=True)  # the session lock is taken: read-only
    try:
        assert first.read_only and first.notices
        app = make_app(first)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            messages = " ".join(n.message for n in app._notifications)
            assert "read-only" in messages
            await pilot.press("s", "m")
            await settle(pilot)
            assert app.is_running
        assert not any(m.starred for m in second.articles())
    finally:
        first.close()
        second.close()


async def test_palette_key_hints_come_from_the_bindings(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    from tui.palette import COMMANDS

    app = make_app(library)
    for _, _, action in COMMANDS:  # every palette command is an action of the app
        assert callable(getattr(app, "action_" + action.split("(")[0], None)), action
    hints = app.key_hints()
    assert (hints["toggle_star"], hints["help"], hints["clear"], hints["highlight"]) == ("s", "?", "Esc", "h")
    assert "export_article" not in hints  # no key: the palette names none
    # rebinding a key changes what the palette says
    monkeypatch.setattr(
        BriefingApp, "BINDINGS", [Binding("z", "toggle_star", "Star"), *BriefingApp.BINDINGS[:-1]]
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"unstar")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = " ".join(str(o.prompt) for o in palette.query_one(OptionList).options)
        assert "Toggle the open article's star (z)" in shown
