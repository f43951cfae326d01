"""Regression tests of the app's rough edges a new user found (issue 14, item 11): where notes are drawn,
the status line after n/N, read-only windows, `#tag` with spaces, the remembered theme, a title repeated
as the first line, the list's source column and title width, plurals, and one-line labels (pop-ups, the
filter bar) that wrap or end in "…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from store.library import Library
from tests.tui_support import make_app, make_library, settle, widget_text
from tui.app import BriefingApp
from tui.render import NOTE_MARK
from tui.screens.annotations import AnnotationsScreen
from tui.widgets.bars import FilterBar

LONG_PARAGRAPH = (
    "Ships left the harbour at dawn. "
    "The second sentence runs on for a good while so that it needs several lines of the reader, "
    "and it keeps going past the end of the first line of the paragraph before it stops.\n\n"
    "A new paragraph follows.\n"
)


async def test_a_note_is_drawn_after_its_sentence_ends_a_line_and_keeps_its_indent(tmp_path: Path) -> None:
    library = make_library(tmp_path, {"a.md": ("Harbour news", "2021-01-05", "Wire", LONG_PARAGRAPH)})
    try:
        [meta] = library.articles()
        note = "first line of the note\n" + "a second note line long enough to wrap in the reader " * 2
        library.add_annotation(meta.id, 0, len("Ships left the harbour at dawn."), "note", note=note)
        app = make_app(library)
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            lines = [line.rstrip() for line in widget_text(app.reader).splitlines()]
            mark = next(i for i, line in enumerate(lines) if NOTE_MARK in line)
            # the note comes after "...before it stops.", not under "dawn. The second…"
            assert lines[mark - 1].endswith("before it stops.")
            assert lines[mark].lstrip().startswith(f"{NOTE_MARK} first line of the note")
            note_rows = []
            for line in lines[mark + 1 :]:
                if not line:
                    break
                note_rows.append(line)
            assert len(note_rows) >= 2  # the second line of the note wraps
            assert all(row.startswith("    ") and row[4] != " " for row in note_rows)
            assert "A new paragraph follows." in lines[mark + len(note_rows) + 2]
    finally:
        library.close()


async def test_n_shows_the_figure_not_the_annotation_of_its_sentence(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    try:
        troops = next(m for m in library.articles() if m.title == "Troops leave the northern base")
        body = library.article(troops.id).body
        first = body.index(".") + 1
        library.add_annotation(troops.id, 0, first, "note", note="check the figure")
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("tab")  # the reader: its cursor is on the annotated first sentence
            await pilot.pause()
            assert "check the figure" in widget_text(app.status)
            while app.reader.current_highlight is None or app.reader.current_highlight.layer != "figure":
                await pilot.press("n")
            await pilot.pause()
            shown = widget_text(app.status)
            assert "2,500" in shown and "check the figure" not in shown
            await pilot.press("n")  # on to the date, still in the same sentence
            await pilot.pause()
            assert app.reader.current_highlight is not None
            assert app.reader.current_highlight.layer == "date"
            assert "check the figure" not in widget_text(app.status)
    finally:
        library.close()


async def test_read_only_window_says_the_star_was_not_saved_and_does_not_try_to_save_state(
    tmp_path: Path,
) -> None:
    library = make_library(tmp_path)
    writer = Library.open(library.path, session=True)
    reader = Library.open(library.path, session=True)  # the session lock is taken: read-only
    try:
        assert reader.read_only
        app = make_app(reader)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("j", "tab")  # another article and another pane: nothing to save
            await settle(pilot)
            await pilot.press("s")
            await settle(pilot)
            shown = widget_text(app.status)
            assert "Starred" not in shown and "read-only" in shown
            assert app.article_list.current is not None and not app.article_list.current.starred
            await pilot.press("m")
            await settle(pilot)
            assert "Marked" not in widget_text(app.status) and "read-only" in widget_text(app.status)
            messages = [n.message for n in app._notifications]
            assert not any("Could not save" in m for m in messages), messages
        assert not any(m.starred for m in writer.articles())
    finally:
        reader.close()
        writer.close()
        library.close()


async def test_the_theme_chosen_is_remembered(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    try:
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.theme != "textual-light"
            app.theme = "textual-light"  # what the palette's "Change theme" does
            await settle(pilot)
        assert library.get_state("theme") == "textual-light"
        again = make_app(library)
        async with again.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert again.theme == "textual-light"
    finally:
        library.close()


async def test_hash_finds_a_tag_with_spaces_in_the_annotations_list(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    try:
        metas = {m.title: m for m in library.articles()}
        harbour, troops = metas["Harbour reopens after the storm"], metas["Troops leave the northern base"]
        library.add_annotation(harbour.id, 0, 3, "highlight", color="green")
        library.add_annotation(troops.id, 0, 7, "highlight", color="green")
        library.set_tags(harbour.id, ["Porto Vello", "ports"])
        library.set_tags(troops.id, ["porto"])
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("A")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, AnnotationsScreen)
            for query in ("#porto vello", "#Porto-Vello", "#porto_vello green", "#ports #porto vello"):
                screen.query_one(Input).value = query
                await pilot.pause()
                assert [r.article for r in screen.shown] == [library.article(harbour.id).meta], query
            screen.query_one(Input).value = "#porto"  # the one-word tag of the other article
            await pilot.pause()
            assert [r.annotation.article_id for r in screen.shown] == [troops.id]
            screen.query_one(Input).value = "#porto vello harbour"  # a tag, then a word of the text
            await pilot.pause()
            assert [r.annotation.article_id for r in screen.shown] == [harbour.id]
    finally:
        library.close()


async def test_a_title_repeated_as_the_first_line_is_shown_once(tmp_path: Path) -> None:
    body = "# Harbour reopens after the storm\n\nThe harbour reopened on Monday.\n"
    library = make_library(
        tmp_path, {"a.md": ("Harbour reopens after the storm", "2020-06-17", "Coast", body)}
    )
    try:
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            text = widget_text(app.reader)
            assert text.count("Harbour reopens after the storm") == 1
            assert "Coast · published 2020-06-17" in text and "The harbour reopened on Monday." in text
            y = next(y for y in range(app.reader.size.height) if "Harbour reopens" in text.split("\n")[y])
            strip = app.reader.render_line(y)
            assert any(seg.style and seg.style.bold for seg in strip if "Harbour" in seg.text)
    finally:
        library.close()


def row_texts(app: BriefingApp) -> list[str]:
    return [app.article_list.render_line(y).text for y in range(app.article_list.row_count)]


@pytest.mark.parametrize("width", [120, 160])
async def test_the_list_shows_the_source_it_can_be_sorted_by(library: Library, width: int) -> None:
    app = make_app(library)
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        rows = row_texts(app)
        assert "Troops leave the north" in rows[0] and rows[0].rstrip().endswith("2021-01-05")
        if width >= 160:
            assert all(src in row for src, row in zip(("Desert", "Coast", "Alpine"), rows, strict=True))
        await pilot.press("S")
        await pilot.pause()
        rows = row_texts(app)
        assert [row.rstrip().split()[-1] for row in rows][:3] != ["2021-01-05", "2020-06-17", "no date"]
        # sorted by source: each row says which source put it there
        assert ["Alpine" in rows[0], "Coast" in rows[1], "Desert" in rows[2]] == [True, True, True]


async def test_titles_get_more_room_and_the_list_can_be_widened(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Troops leave the northern base" not in row_texts(app)[0]  # 30 cells do not fit
        assert "Troops leave the north" in row_texts(app)[0]  # but 22 do (it showed 16 before)
        before = app.article_list.size.width
        await pilot.press(*["greater_than_sign"] * 5)
        await pilot.pause()
        assert app.article_list.size.width == before + 20
        assert "Troops leave the northern base" in row_texts(app)[0]
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert app.article_list.size.width == before + 16


async def test_counts_are_singular_for_one(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"glacier")
        await settle(pilot)
        assert app.search_ids is not None and len(app.search_ids) == 1
        assert "1 article ·" in widget_text(app.query_one(FilterBar))
        await pilot.press("enter")
        await settle(pilot)
        assert app.timeline.border_subtitle == "1 fact · l switches"
        assert app.reader.border_subtitle.startswith("0 names · 1 figure · 1 date")


async def test_a_resize_while_a_pop_up_is_open_lays_out_the_main_screen_for_the_new_size(
    sample_library: Library,
) -> None:
    app = make_app(sample_library)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.screen
        assert not main.has_class("-narrow")
        await pilot.press("question_mark")  # the help screen on top
        await settle(pilot)
        assert app.screen is not main
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and main.has_class("-narrow")  # the panes stacked, not squeezed
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not main.has_class("-narrow")


def _static_texts(app: BriefingApp) -> list[str]:
    """What each text widget of the pop-up shows, as drawn (wrapped lines joined, right padding cut)."""
    return ["\n".join(line.rstrip() for line in widget_text(w).split("\n")) for w in app.screen.query(Static)]


async def test_one_line_labels_of_pop_ups_and_the_filter_bar_are_whole_or_end_in_an_ellipsis(
    library: Library,
) -> None:
    from tui.screens.annotate import CorrectionScreen, TagsScreen

    first = library.articles()[0]
    library.set_tags(first.id, ["agriculture", "Bangladesh", "climate", "fisheries", "shipping", "troops"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        reader = app.reader
        while reader.current_highlight is None or reader.current_highlight.layer != "date":
            assert reader.next_highlight()
        await pilot.press("c")  # the date correction's label wraps: its end is shown
        await pilot.pause()
        assert isinstance(app.screen, CorrectionScreen)
        label = next(text for text in _static_texts(app) if text.startswith("this date means"))
        whole = "this date means (a day, month, year, quarter, season, week, decade, duration…):"
        assert " ".join(label.split()) == whole
        await pilot.press("escape", "t")  # the tag editor's known tags: as many as fit, then "…"
        await settle(pilot)
        assert isinstance(app.screen, TagsScreen)
        hint = next(text for text in _static_texts(app) if text.startswith("comma-separated"))
        assert hint.startswith("comma-separated · → completes · known: agriculture") and hint.endswith("…")
        await pilot.press("escape")
        await pilot.pause()
        app.article_list.focus()
        await pilot.press("f")  # only this source: a narrow list's bar ends in "…"
        await settle(pilot)
        bar = widget_text(app.query_one(FilterBar)).rstrip()
        assert bar.startswith("only source Desert Wire")
        assert bar.endswith("esc clears") or bar.endswith("…"), bar


async def test_a_read_only_window_saves_changes_once_the_other_window_closes(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    writer = Library.open(library.path, session=True)  # the first window
    reader = Library.open(library.path, session=True)  # the second: read-only while the first is open
    try:
        assert reader.read_only
        app = make_app(reader)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            assert "read-only" in str(app.article_list.border_subtitle)  # said after the notice has gone
            app.library_watch.poll()  # a poll while the first window is open: still read-only
            await settle(pilot)
            assert reader.read_only and "read-only" in str(app.article_list.border_subtitle)
            writer.close()  # the first window closes
            for _ in range(200):  # the poll runs every second; pilot.pause lets the app's clock advance
                if not reader.read_only:
                    break
                await pilot.pause(0.1)
            await settle(pilot)
            assert "This window can now save changes" in widget_text(app.status)
            assert any("can now save changes" in n.message for n in app._notifications)
            assert "read-only" not in str(app.article_list.border_subtitle)
            await pilot.press("s")
            await settle(pilot)
            assert "Starred" in widget_text(app.status)
        with Library.open(library.path, session=True) as third:  # a third window: read-only now
            assert third.read_only
        assert sum(m.starred for m in library.articles()) == 1
    finally:
        reader.close()
        writer.close()
        library.close()
