"""The command palette (ctrl+p) provider: the app's own commands, fuzzy-searchable."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import BriefingApp

# (title, help, action name on the app)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Search articles", "Titles, text and names; results update as you type (/)", "search"),
    ("Clear filters", "Forget the search and the entity filter (escape)", "clear"),
    (
        "Filter by the name under the cursor",
        "List and timeline show everything about it (e)",
        "filter_entity",
    ),
    ("Toggle timeline scope", "This article or the whole library (l)", "toggle_timeline_scope"),
    (
        "Toggle name highlights",
        "Layer 1: people, organisations, places (1)",
        "toggle_layer('entity')",
    ),
    ("Toggle figure highlights", "Layer 2: counts, amounts, percentages (2)", "toggle_layer('figure')"),
    ("Toggle date highlights", "Layer 3: dates, anchored or not (3)", "toggle_layer('date')"),
    ("Sort articles by date or source", "Switch the article list's order (o)", "toggle_sort"),
    ("Next article", "Open the next article in the list (])", "next_article"),
    ("Previous article", "Open the previous article in the list ([)", "previous_article"),
    ("Mark read / unread", "Toggle the open article's read mark (m)", "toggle_read"),
    ("Star / unstar", "Toggle the open article's star (s)", "toggle_star"),
    ("Next highlight", "Move the reader's cursor to the next highlight (n)", "next_highlight"),
    ("Previous highlight", "Move the reader's cursor to the previous highlight (N)", "previous_highlight"),
    ("Highlight the selection", "Reader: highlight the selected sentences or words (h)", "highlight"),
    ("Add a note", "Reader: attach a note to the selection (a)", "note"),
    ("Correct the analysis", "Reader: the name or date under the cursor is wrong (c)", "correct"),
    ("Remove the annotation", "Reader: remove the annotation under the cursor (x)", "remove_annotation"),
    ("Undo the last removal", "Bring back the last removed annotation (u)", "undo_remove"),
    ("Edit tags", "The open article's tags, with completion (t)", "edit_tags"),
    ("List annotations", "Every annotation in the library; enter jumps to it (A)", "annotations"),
    (
        "Export a Markdown briefing of the list",
        "The articles in the list, or the whole library when unfiltered (E)",
        "export",
    ),
    ("Export a Markdown briefing of this article", "Only the open article", "export_article"),
    ("Show keys", "Every key binding (?)", "help"),
    ("Quit", "Leave Briefing Reader (q)", "quit"),
)


class BriefingCommands(Provider):
    """Yields the app's commands; choosing one runs the matching app action."""

    def _run(self, action: str) -> Callable[[], object]:
        app = cast("BriefingApp", self.app)
        return partial(app.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, action in COMMANDS:
            yield DiscoveryHit(title, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(action), text=title, help=help_text)
