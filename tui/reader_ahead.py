"""The reader's text laid out and its first screen drawn off the UI thread (`tui.prefetch`'s worker).

The reader draws a body line as `body_line` (the line's text with its spans) cut to the pane's width over
the pane's style (`reader_strip`). Before an article has its analysis, and before the user moved in it,
its first screen depends only on the body, its title, the user's annotations (their colours) and the
pane's width and style, all known to the prefetch worker: it wraps the body (`wrap_offsets`) and draws the
strips of the first lines there, and the reader adopts them when it shows the article while the pane
still has that width and style (`Reader.show_article`), so that `j` onto a loaded neighbour spends no UI
time styling and wrapping its text. Everything here is pure: no widgets, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from store.records import Annotation, Article
from tui.render import TITLE_STYLE, HighlightIndex, annotation_style, body_line, sanitize, wrap_offsets

SYNC_LAYOUT_CHARS = 60_000  # longer bodies are wrapped in a worker thread by the reader itself
Span = tuple[int, int]
StyledSpan = tuple[int, int, Style]


def title_line(body: str, title: str) -> Span | None:
    """The span of the body's first line when it repeats the title (any case and spacing, a Markdown
    `#` before it allowed): the reader then shows the title once, there, instead of twice."""
    start = len(body) - len(body.lstrip())
    end = body.find("\n", start)
    end = len(body) if end == -1 else end
    words = body[start:end].lstrip("#").casefold().split()
    wanted = title.casefold().split()
    return (start, end) if wanted and words == wanted else None


def user_spans(title_span: Span | None, annotations: Iterable[Annotation]) -> list[StyledSpan]:
    """The spans the reader styles before any analysis: the title line, then the user's annotations."""
    spans = [] if title_span is None else [(*title_span, TITLE_STYLE)]
    for a in annotations:
        style = annotation_style(a)
        if style is not None:
            spans.append((a.start, a.end, style))
    return spans


def reader_strip(text: Text, width: int, style: Style, console: Console) -> Strip:
    """One reader line: `text` cropped (never wrapped) to `width` cells and padded over `style`."""
    text = text.copy()
    text.no_wrap = True
    text.end = ""
    text.truncate(width, overflow="crop")
    strip = Strip(list(text.render(console, end="")), text.cell_len).apply_style(style)
    return strip.crop_extend(0, width, style)


@dataclass(frozen=True, slots=True)
class ReaderPane:
    """What the reader pane looks like now (taken on the UI thread, drawn with in the worker): its text
    width, the lines in view, its base style and the app's console."""

    width: int
    height: int
    style: Style
    console: Console


@dataclass(frozen=True, slots=True)
class DrawnText:
    """An article's body sanitised and wrapped for a pane `width` columns wide, and the strips of its
    first wrapped lines over `style`, as the reader draws them before the analysis and the cursor."""

    width: int
    style: Style
    body: str
    lines: list[Span]
    strips: tuple[Strip, ...]


def draw_text(article: Article, annotations: Iterable[Annotation], pane: ReaderPane) -> DrawnText | None:
    """The article's text laid out and its first `pane.height` lines drawn (None for a body the reader
    wraps in its own worker)."""
    if len(article.body) > SYNC_LAYOUT_CHARS or pane.width < 1:
        return None
    body = sanitize(article.body)
    lines = wrap_offsets(body, pane.width, paragraph_gap=True)
    mine = [a for a in annotations if a.article_id == article.meta.id]
    spans = user_spans(title_line(body, article.meta.title), mine)
    empty = HighlightIndex([])
    strips = tuple(
        reader_strip(
            body_line(body, start, end, empty, user_spans=spans), pane.width, pane.style, pane.console
        )
        for start, end in lines[: pane.height]
    )
    return DrawnText(pane.width, pane.style, body, lines, strips)
