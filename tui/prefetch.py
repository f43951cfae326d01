"""The reader's next-article path: the articles around the list's cursor, loaded before they are asked for.

After an article is shown, a worker thread loads its neighbours in the list (text and annotations at once,
the text wrapped and its first screen drawn for the reader's width (`tui.reader_ahead`);
their analyses and timeline entries, and the timeline's first rows drawn for the pane's width, once the
reader has stayed `PREFETCH_IDLE` seconds on the article, so that quick key presses never find the
interpreter busy analysing beside them) into a small LRU of `Loaded` records, so `j`/`]` show the next
article at once on the UI thread instead of waiting for the disk, the analyser and the wrapping of the
timeline's sentences. The reader builds its highlights from the analysis with the layers enabled at that
moment, so a highlight toggle needs no invalidation; a change of theme forgets the drawn rows (`forget`).

Staleness: every record is stamped with the cache's generation when its load began; `forget()` (after a
correction, an annotation or tags saved, a delete or restore, another process's import) starts a new
generation, so a prefetch that finishes later is dropped instead of showing stale data, and a record is
only ever returned for the id it was loaded for. Records are taken out when used: the open article is
never served from the cache again."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from store.records import Annotation, Article, ArticleMeta, TimelineEntry
from tui.reader_ahead import DrawnText, ReaderPane, draw_text
from tui.render import timeline_lines
from tui.widgets.virtual_list import line_strip

if TYPE_CHECKING:
    from extract.model import Analysis
    from store.library import Library

PREFETCH_SIZE = 8  # articles kept (the neighbours of the last few articles shown)
NEIGHBOURS = (1, -1, 2)  # list rows around the cursor to load, most likely next first
PREFETCH_IDLE = 0.3  # seconds on an article before its neighbours are analysed (not while keys repeat)


@dataclass(frozen=True, slots=True)
class DrawnRows:
    """The first timeline entries of an article drawn ahead, as the article-scope pane draws them: their
    lines (`tui.render.timeline_lines`) for a pane of `width` columns showing `sentence_lines` lines a
    sentence, and those lines as strips over the pane's `style` (the first entry, under the cursor, also
    over `cursor_style`). The pane uses them only while it has that width, those lines and styles."""

    width: int
    sentence_lines: int
    rows: tuple[list[Text], ...]
    style: Style
    cursor_style: Style
    strips: tuple[tuple[Strip, ...], ...]
    cursor_strips: tuple[Strip, ...]


@dataclass(frozen=True, slots=True)
class DrawAhead:
    """What the timeline pane looks like now (taken on the UI thread, drawn with in the worker)."""

    width: int
    sentence_lines: int
    count: int
    style: Style
    cursor_style: Style
    console: Console


def draw_rows(entries: Sequence[TimelineEntry], pane: DrawAhead) -> DrawnRows:
    """Draw the first entries as the article-scope timeline would (off the UI thread)."""
    rows = tuple(
        timeline_lines(e.fact, pane.width, sentence_lines=pane.sentence_lines) for e in entries[: pane.count]
    )

    def strips(lines: list[Text], style: Style) -> tuple[Strip, ...]:
        padded = [lines[sub] if sub < len(lines) else Text("") for sub in range(pane.sentence_lines)]
        return tuple(line_strip(text, pane.width, style, pane.console) for text in padded)

    return DrawnRows(
        pane.width,
        pane.sentence_lines,
        rows,
        pane.style,
        pane.cursor_style,
        tuple(strips(lines, pane.style) for lines in rows),
        strips(rows[0], pane.cursor_style) if rows else (),
    )


@dataclass(frozen=True, slots=True)
class Loaded:
    """One article as the reader needs it: its text and annotations (and the text drawn ahead for the
    reader), then its analysis and timeline entries (or the analysis error in one line)."""

    article: Article
    annotations: tuple[Annotation, ...]
    analysis: Analysis | None = None
    entries: tuple[TimelineEntry, ...] = ()
    error: str | None = None
    drawn: DrawnRows | None = None  # its first timeline entries, drawn ahead for the pane's width
    text: DrawnText | None = None  # its body wrapped and first lines drawn for the reader's width

    @property
    def complete(self) -> bool:
        return self.analysis is not None or self.error is not None


class ArticleCache:
    """A bounded LRU of loaded articles keyed by id, with a generation that `forget` advances. Used on the
    UI thread only (the prefetch worker hands its records over with `call_from_thread`)."""

    def __init__(self, size: int = PREFETCH_SIZE) -> None:
        self.size = size
        self.generation = 0
        self._items: OrderedDict[str, Loaded] = OrderedDict()

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._items

    def complete(self, article_id: str) -> bool:
        loaded = self._items.get(article_id)
        return loaded is not None and loaded.complete

    def get(self, article_id: str) -> Loaded | None:
        """The record loaded for `article_id`, left in the cache (None if there is none)."""
        return self._items.get(article_id)

    def take(self, article_id: str) -> Loaded | None:
        """The record loaded for `article_id`, removed from the cache; None if there is none."""
        loaded = self._items.pop(article_id, None)
        if loaded is not None and loaded.article.meta.id != article_id:  # never another article's text
            return None
        return loaded

    def put(self, generation: int, loaded: Loaded) -> bool:
        """Keep `loaded` unless the cache was cleared since its load began (then it may be stale)."""
        if generation != self.generation:
            return False
        self._items[loaded.article.meta.id] = loaded
        self._items.move_to_end(loaded.article.meta.id)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return True

    def forget(self) -> None:
        """Drop every record and every load still running (the library changed)."""
        self.generation += 1
        self._items.clear()


def neighbours(rows: Sequence[ArticleMeta], index: int, steps: Sequence[int] = NEIGHBOURS) -> list[str]:
    """The ids of the list rows `steps` away from row `index`, most likely next first."""
    out: list[str] = []
    for step in steps:
        i = index + step
        if step and 0 <= i < len(rows) and rows[i].id not in out:
            out.append(rows[i].id)
    return out


def load_text(library: Library, article_id: str, pane: ReaderPane | None = None) -> Loaded:
    """The article and its annotations (the part the reader shows first), drawn for `pane` if given."""
    article = library.article(article_id)
    annotations = tuple(library.annotations(article_id))
    text = None if pane is None else draw_text(article, annotations, pane)
    return Loaded(article, annotations, text=text)


def load_analysis(library: Library, loaded: Loaded, one_line: Callable[[str], str]) -> Loaded:
    """`loaded` with its analysis and timeline entries, or the analysis error in one line."""
    article_id = loaded.article.meta.id
    try:
        analysis = library.analysis(article_id)
        entries = tuple(library.timeline(article_id=article_id))
    except Exception as error:
        message = one_line(str(error)) or type(error).__name__
        return replace(loaded, error=message)
    return replace(loaded, analysis=analysis, entries=entries)
