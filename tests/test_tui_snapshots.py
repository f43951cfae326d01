"""Snapshot tests (pytest-textual-snapshot) of the main screen at 120x40 and 80x24, the help screen, the
reader with a highlight and a note, and the annotations list, on the bundled sample library with the user's
article open. Nothing on screen depends on today's date or a temporary path; cursors do not blink."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from store.library import Library
from tests.tui_support import make_app, settle
from tui.app import STATE_ARTICLE, STATE_PANE

USER_ARTICLE_PREFIX = "More than half of American forces"


@pytest.fixture
def user_article_open(sample_library: Library) -> Library:
    """The sample library, set to open the user's article in the reader."""
    article = next(m for m in sample_library.articles() if m.title.startswith(USER_ARTICLE_PREFIX))
    sample_library.set_state(STATE_ARTICLE, article.id)
    sample_library.set_state(STATE_PANE, "reader")
    return sample_library


async def _ready(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()  # the library's "new library at <tmp path>" notice
    await pilot.pause()


def test_main_screen_120x40(snap_compare: Any, user_article_open: Library) -> None:
    app = make_app(user_article_open)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_ready, press=["n", "n", "n"])


def test_main_screen_80x24(snap_compare: Any, user_article_open: Library) -> None:
    app = make_app(user_article_open)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_ready)


def test_help_screen(snap_compare: Any, user_article_open: Library) -> None:
    app = make_app(user_article_open)
    assert snap_compare(app, terminal_size=(100, 40), run_before=_ready, press=["question_mark"])


async def _annotated(pilot: Pilot[Any]) -> None:
    """Highlight the second sentence, note three words of the fourth, leave the cursor there."""
    await _ready(pilot)
    await pilot.press("j", "h", "j", "j", "w", "w", "W", "W", "a")
    await pilot.press(*"Only", "space", *"trainers?", "ctrl+s")
    await settle(pilot)


def test_reader_with_annotations(snap_compare: Any, user_article_open: Library) -> None:
    app = make_app(user_article_open)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_annotated)


def test_annotations_list(snap_compare: Any, user_article_open: Library) -> None:
    app = make_app(user_article_open)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _annotated(pilot)
        await pilot.press("A")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
