"""The command palette (ctrl+p) provider: the app's own commands, fuzzy-searchable.

Each command's key is read from the bindings (`BriefingApp.key_hints`), as the `?` help is, so the
palette cannot name a key that does something else."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import BriefingApp

# (title, help, action name on the app); the help gets the action's keys appended, "(n)"
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Search articles", "Titles, text and names; results update as you type", "search"),
    ("Clear filters", "Forget the search and the entity filter", "clear"),
    ("Profile of the name under the cursor", "Articles, dated facts, figures, names around it", "profile"),
    (
        "Filter by the name under the cursor",
        "List and timeline show everything about it",
        "filter_entity",
    ),
    ("Names across the library", "Every name by mentions, by type; enter opens its profile", "entities"),
    ("Series of the figure under the cursor", "How this number moved over time, plotted", "figure_series"),
    ("Figures over time", "Every figure series of the library, plotted, with its points", "series"),
    ("Sources disagree", "Figures on which articles give incompatible values", "conflicts"),
    ("Toggle timeline scope", "This article or the whole library", "toggle_timeline_scope"),
    (
        "Toggle name highlights",
        "Layer 1: people, organisations, places",
        "toggle_layer('entity')",
    ),
    ("Toggle figure highlights", "Layer 2: counts, amounts, percentages", "toggle_layer('figure')"),
    ("Toggle date highlights", "Layer 3: dates, anchored or not", "toggle_layer('date')"),
    ("Sort articles by date or source", "Switch the article list's order", "toggle_sort"),
    ("Next article", "Open the next article in the list", "next_article"),
    ("Previous article", "Open the previous article in the list", "previous_article"),
    ("Mark read / unread", "Toggle the open article's read mark", "toggle_read"),
    ("Star / unstar", "Toggle the open article's star", "toggle_star"),
    ("Next highlight", "Move the reader's cursor to the next highlight", "next_highlight"),
    ("Previous highlight", "Move the reader's cursor to the previous highlight", "previous_highlight"),
    ("Highlight the selection", "Reader: highlight the selected sentences or words", "highlight"),
    ("Add a note", "Reader: attach a note to the selection", "note"),
    ("Correct the analysis", "Reader: the name or date under the cursor is wrong", "correct"),
    ("Remove the annotation", "Reader: remove the annotation under the cursor", "remove_annotation"),
    ("Undo the last removal", "Bring back the last removed annotation or deleted article", "undo_remove"),
    ("Delete the article", "Move it to the trash (u undoes; briefing restore later)", "delete_article"),
    ("Open the web page", "The article's URL in the browser", "open_url"),
    ("Copy a quote", "The sentence or selection with its source, to the clipboard", "copy_quote"),
    ("Feeds", "Subscriptions, counts, last update; update them all", "feeds"),
    ("Only this source", "Narrow the article list to the article's source (esc clears)", "narrow_source"),
    ("Only this feed", "Narrow the article list to the article's feed (esc clears)", "narrow_feed"),
    ("Edit tags", "The open article's tags, with completion", "edit_tags"),
    ("List annotations", "Every annotation in the library; enter jumps to it", "annotations"),
    (
        "Export a Markdown briefing of the list",
        "The articles in the list, or the whole library when unfiltered",
        "export",
    ),
    ("Export a Markdown briefing of this article", "Only the open article", "export_article"),
    ("Show keys", "Every key binding", "help"),
    ("Quit", "Leave Briefing Reader", "quit"),
)


class BriefingCommands(Provider):
    """Yields the app's commands; choosing one runs the matching app action."""

    def _run(self, action: str) -> Callable[[], object]:
        app = cast("BriefingApp", self.app)
        return partial(app.run_action, action)

    def commands(self) -> list[tuple[str, str, str]]:
        """(title, help with the keys bound to the action, action)."""
        hints = cast("BriefingApp", self.app).key_hints()
        return [
            (title, f"{help_text} ({hints[action]})" if action in hints else help_text, action)
            for title, help_text, action in COMMANDS
        ]

    async def discover(self) -> Hits:
        for title, help_text, action in self.commands():
            yield DiscoveryHit(title, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(action), text=title, help=help_text)
