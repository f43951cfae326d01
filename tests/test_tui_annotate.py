"""Pilot tests of the annotate flow: sentence cursor, extend, words, highlight colours, notes, tags with
completion, star, remove and undo, the annotations list and its jump, corrections and the export key."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from store.library import Library
from store.records import Annotation, ArticleMeta
from tests.tui_support import make_app, settle, widget_text
from tui.app import BriefingApp
from tui.render import COLOR_NAMES
from tui.screens.annotate import CorrectionScreen, NoteScreen, TagsScreen, TagSuggester, parse_tags
from tui.screens.annotations import AnnotationRow, AnnotationsScreen, matches, row_prompt


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def open_reader(pilot: Pilot[None]) -> BriefingApp:
    app = pilot.app
    assert isinstance(app, BriefingApp)
    await settle(pilot)
    await pilot.press("tab")
    assert app.focused is app.reader
    return app


async def test_extend_highlight_cycle_remove_and_undo(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        reader = app.reader
        first, second = reader.sentences[0], reader.sentences[1]
        await pilot.press("J")  # extend the selection to the next sentence
        assert reader.selection == (first[0], second[1])
        await pilot.press("h")
        await settle(pilot)
        [note] = library.annotations(reader.article_id)
        assert (note.kind, note.start, note.end, note.color) == (
            "highlight",
            first[0],
            second[1],
            COLOR_NAMES[0],
        )
        assert any(span[:2] == (first[0], second[1]) for span in reader._user_spans)
        await pilot.press("h")  # again: the next colour, still one annotation
        await settle(pilot)
        [again] = library.annotations(reader.article_id)
        assert again.id == note.id and again.color == COLOR_NAMES[1]
        await pilot.press("escape")  # back to one sentence (the cursor's); the annotation still covers it
        assert reader.selection == second
        await pilot.press("x")
        await settle(pilot)
        assert library.annotations(reader.article_id) == []
        assert reader._user_spans == []
        await pilot.press("u")
        await settle(pilot)
        [restored] = library.annotations(reader.article_id)
        assert restored == again
        assert reader._user_spans


async def test_word_selection_and_note(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        reader = app.reader
        await pilot.press("w")  # word mode: the sentence's first word
        assert reader.selected_text == "Colonel"
        await pilot.press("w", "W")  # next word, then grow by one
        assert reader.selected_text == "Maria Lindqvist"
        assert "words selected" in widget_text(app.status)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "Check the rank")
        await pilot.press("enter")
        await type_text(pilot, "second line")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteScreen)
        [note] = library.annotations(reader.article_id)
        assert note.kind == "note" and note.exact == "Maria Lindqvist"
        assert note.note == "Check the rank\nsecond line"
        shown = widget_text(reader)
        assert "✎ Check the rank" in shown and "second line" in shown
        # escape cancels without saving
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, " more")
        await pilot.press("escape")
        await settle(pilot)
        assert library.annotations(reader.article_id)[0].note == "Check the rank\nsecond line"
        # editing the note of the same selection; emptying it removes the note (u brings it back)
        await pilot.press("a")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == "Check the rank\nsecond line"
        area.clear()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert library.annotations(reader.article_id) == []
        assert "✎" not in widget_text(reader)
        await pilot.press("u")
        await settle(pilot)
        assert [a.note for a in library.annotations(reader.article_id)] == ["Check the rank\nsecond line"]


async def test_tags_with_completion_and_star(library: Library) -> None:
    other = library.articles()[-1]
    library.set_tags(other.id, ["troops", "harbour"])
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        article_id = app.reader.article_id
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagsScreen)
        field = app.screen.query_one(Input)
        await type_text(pilot, "tr")
        await settle(pilot)
        assert field._suggestion == "troops"
        await pilot.press("right")  # accept the completion
        assert field.value == "troops"
        await type_text(pilot, ", Base Closure")
        await pilot.press("enter")
        await settle(pilot)
        meta = next(m for m in library.articles() if m.id == article_id)
        assert meta.tags == ("troops", "Base Closure")
        assert "tags troops, Base Closure" in " ".join(widget_text(app.reader).split())
        await pilot.press("t")  # again: the existing tags are kept, typing adds one
        await settle(pilot)
        await type_text(pilot, "ha")
        await settle(pilot)
        await pilot.press("right", "enter")
        await settle(pilot)
        meta = next(m for m in library.articles() if m.id == article_id)
        assert meta.tags == ("troops", "Base Closure", "harbour")
        await pilot.press("s")
        await settle(pilot)
        assert next(m for m in library.articles() if m.id == article_id).starred
        assert "★ starred" in " ".join(widget_text(app.reader).split())


async def test_annotations_list_filters_and_jumps(library: Library) -> None:
    metas = {m.title: m for m in library.articles()}
    harbour = metas["Harbour reopens after the storm"]
    body = library.article(harbour.id).body
    start = body.index("Mayor Anton Ferreira")
    library.add_annotation(harbour.id, start, start + len("Mayor Anton Ferreira"), "note", note="who pays?")
    troops = metas["Troops leave the northern base"]
    library.add_annotation(troops.id, 0, 7, "highlight", color="green")
    library.set_tags(harbour.id, ["ports"])
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.reader.article_id == troops.id
        await pilot.press("A")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnnotationsScreen)
        assert len(screen.shown) == 2
        await type_text(pilot, "#ports")
        await pilot.pause()
        assert [r.annotation.note for r in screen.shown] == ["who pays?"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "nothing-like-this")
        await pilot.pause()
        assert screen.shown == []
        await pilot.press(*["backspace"] * len("nothing-like-this"))
        await type_text(pilot, "harbour")
        await pilot.pause()
        assert len(screen.shown) == 1
        await pilot.press("down")  # to the list
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.article_id == harbour.id
        assert app.focused is app.reader
        assert app.reader.selected_text == "Mayor Anton Ferreira"


async def test_correction_not_a_name_removes_its_highlight(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        reader = app.reader
        while reader.current_highlight is None or reader.current_highlight.layer != "entity":
            assert reader.next_highlight()
        target = reader.current_highlight
        name = reader.body[target.start : target.end]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CorrectionScreen)
        await pilot.press("end", "enter")  # the last choice: "this is not a name"
        await settle(pilot)
        assert library.corrections().entity_types[name] == "NONE"
        assert f"“{name}” this is not a name" in widget_text(app.status)
        spans = {(h.start, h.end) for h in reader.index.items if h.layer == "entity"}
        assert (target.start, target.end) not in spans
        [correction] = library.annotations(reader.article_id)
        assert correction.kind == "correction" and correction.correction == {"type": "NONE"}
        # removing the correction brings the highlight back
        reader.select_range(target.start, target.end)
        await pilot.press("x")
        await settle(pilot)
        assert (target.start, target.end) in {(h.start, h.end) for h in reader.index.items}
        assert "u undoes" in widget_text(app.status)


async def test_date_correction_validates_and_updates_the_timeline(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        reader = app.reader
        while reader.current_highlight is None or reader.current_highlight.layer != "date":
            assert reader.next_highlight()
        target = reader.current_highlight
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorrectionScreen)
        field = screen.query_one(Input)
        field.value = ""
        await type_text(pilot, "2021-02-30")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen, "an impossible day is refused"
        assert "not a day" in widget_text(screen.query_one("#error"))
        field.value = ""
        await type_text(pilot, "2019-07-04")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not screen
        dates = {(h.start, h.end): h.item.value for h in reader.index.items if h.layer == "date"}
        assert dates[(target.start, target.end)] == "2019-07-04"
        # the corrected date shows in its statement's row (the row's event date may be another one)
        assert any(d.value == "2019-07-04" for item in app.timeline.items for d in item.fact.dates)


async def test_date_editor_is_prefilled_and_accepts_every_engine_value(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        reader = app.reader
        while reader.current_highlight is None or reader.current_highlight.layer != "date":
            assert reader.next_highlight()
        target = reader.current_highlight
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorrectionScreen)
        field = screen.query_one(Input)
        assert field.value == target.item.value  # the current value, whatever its kind (here FUTURE_REF)
        for bad, why in (("2020-13", "not a day"), ("next week", "such as")):
            field.value = ""
            await type_text(pilot, bad)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen, bad
            assert why in widget_text(screen.query_one("#error"))
        field.value = ""
        await type_text(pilot, "2020-Q3")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not screen
        dates = {(h.start, h.end): h.item.value for h in reader.index.items if h.layer == "date"}
        assert dates[(target.start, target.end)] == "2020-Q3"


def test_the_date_validator_takes_each_kind_of_value() -> None:
    from tui.screens.annotate import TimexValue

    for value in (
        "2020-01-03",
        "2020-11",
        "2020",
        "2020-Q3",
        "2020-SU",
        "2020-W02",
        "198",
        "198X",
        "19XX",
        "P3D",
    ):
        assert TimexValue().validate(value).is_valid, value
    for value in ("2021-02-30", "2020-00", "soon", ""):
        assert not TimexValue().validate(value).is_valid, value


async def test_export_key_writes_a_markdown_briefing(library: Library, tmp_path: Path) -> None:
    app = make_app(library)
    out = tmp_path / "exports"
    out.mkdir()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        app.exporter.export_dir = out
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        [written] = list(out.iterdir())
        assert written.suffix == ".md" and app.exporter.last_export == written
        text = written.read_text(encoding="utf-8")
        assert text.startswith("# ")
        assert "Colonel Maria Lindqvist" in text  # the highlight is quoted
        assert "Harbour reopens after the storm" in text  # the whole library: nothing filters the list
        assert any(str(written) in n.message for n in app._notifications)
        await pilot.press("E")  # a second export never overwrites the first
        await settle(pilot)
        assert len(list(out.iterdir())) == 2


async def test_help_lists_the_annotation_keys(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = {keys: text for _, section in app.help_sections() for keys, text in section}
        for keys in ("h", "a", "c", "x", "u", "t", "A", "E", "w", "b", "W", "B", "J Shift+↓", "K Shift+↑"):
            assert keys in rows, keys


def test_list_rows_mark_orphans_and_filter_by_tag() -> None:
    meta = ArticleMeta(id="a1", title="Harbour [bold red]reopens", tags=("ports", "storm"))
    orphan = Annotation(
        id="n1", article_id="a1", kind="note", start=0, end=5, exact="Mayor", note="gone?", orphaned=True
    )
    row = AnnotationRow(orphan, meta)
    prompt = row_prompt(row)
    assert "orphaned" in prompt.plain and "[bold red]" in prompt.plain  # literal text, not markup
    assert "#ports" in prompt.plain and "gone?" in prompt.plain
    assert matches(row, "#ports orphaned") and matches(row, "harbour mayor")
    assert not matches(row, "#port") and not matches(row, "ferry")
    assert AnnotationRow(orphan, None).title == "(article removed)"


async def test_tag_suggester_completes_the_last_tag() -> None:
    suggester = TagSuggester(["Iraq", "troops", "trade"])
    assert await suggester.get_suggestion("iraq, tro") == "iraq, troops"
    assert await suggester.get_suggestion("tr") == "troops"
    assert await suggester.get_suggestion("troops, tr") == "troops, trade"  # not a tag already given
    assert await suggester.get_suggestion("iraq, ") is None
    assert parse_tags(" iraq,, Iraq , troops ") == ["iraq", "troops"]


async def test_quit_right_after_highlighting_keeps_the_highlight(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_add = library.add_annotation

    def add_annotation(*args: Any, **kwargs: Any) -> Annotation:
        time.sleep(0.5)  # a slow disk: the write is still running when q arrives
        return slow_add(*args, **kwargs)

    monkeypatch.setattr(library, "add_annotation", add_annotation)
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        article_id = app.reader.article_id
        await pilot.press("h", "q")
        assert [a.kind for a in library.annotations(article_id)] == ["highlight"]
    assert not app.is_running


async def test_correction_on_selected_words_adds_a_missed_name(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        reader = app.reader
        await pilot.press("j", "w", "w", "w")  # "The first convoy": select "convoy"
        assert reader.selected_text == "convoy"
        start, end = reader.selection
        assert not any(h.start <= start < h.end for h in reader.index.items)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CorrectionScreen)
        await pilot.press("enter")  # the first choice: "this is a PERSON"
        await settle(pilot)
        names = {(h.start, h.end): h.item.type for h in reader.index.items if h.layer == "entity"}
        assert names.get((start, end)) == "PERSON"


async def test_jump_to_an_orphaned_annotation_opens_its_article_and_says_so(library: Library) -> None:
    harbour = next(m for m in library.articles() if m.title.startswith("Harbour"))
    orphan = Annotation(
        id="0" * 16, article_id=harbour.id, kind="highlight", start=0, end=4, exact="Gone", orphaned=True
    )
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"glacier")
        await settle(pilot)
        assert harbour.id not in {m.id for m in app.article_list.rows}
        app.jump_to_annotation(orphan)  # what enter in the annotations list does
        await settle(pilot)
        assert app.reader.article_id == harbour.id
        assert app.article_list.current_id == harbour.id  # the search was cleared to show it
        assert any(n.title == "Orphaned annotation" and "Gone" in n.message for n in app._notifications)


async def test_export_to_a_missing_folder_says_why_and_writes_nothing(
    library: Library, tmp_path: Path
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.exporter.export_dir = tmp_path / "missing"
        await pilot.press("E")
        await settle(pilot)
        assert app.exporter.last_export is None
        assert not (tmp_path / "missing").exists()
        assert any("Export failed" in n.message and n.severity == "error" for n in app._notifications)
