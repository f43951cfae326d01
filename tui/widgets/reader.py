"""The reader: an article's title, metadata line and body with analysis highlights, on the line API.

The body is wrapped once per width into (start, end) offsets (in a thread for long articles) and each
visible line is styled on demand, so a 1 MB article scrolls as fast as a short one. A sentence cursor
(a subtle background; a display-line cursor until the analysis has found the sentences) can be extended
to a range of sentences or narrowed to words (`tui.selection`); the user's annotations are drawn over
the text and their notes as dim lines under their sentence. An article loaded ahead may come with its text
wrapped and its first lines drawn in the prefetch worker (`tui.reader_ahead`); they fill the strip cache.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import get_character_cell_size
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.records import Annotation, ArticleMeta
from tui import selection as sel_model
from tui.reader_ahead import (
    SYNC_LAYOUT_CHARS,
    DrawnText,
    ReaderPane,
    reader_strip,
    title_line,
    user_spans,
)
from tui.render import (
    ERROR_STYLE,
    LAYERS,
    NOTICE_STYLE,
    Highlight,
    HighlightIndex,
    Layer,
    body_line,
    build_highlights,
    note_lines,
    reader_header,
    sanitize,
    wrap_offsets,
)
from tui.selection import Selection, Span

if TYPE_CHECKING:
    from extract.across.model import Conflict
    from extract.model import Analysis

Row = int | Text  # a body display line (index into the wrapped lines) or a note line


class Reader(ScrollView, can_focus=True):
    """Shows one article; the app feeds it text, then the analysis (or an error) when ready."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next sentence (a line until analysed)", show=False),
        Binding("k,up", "cursor_up", "Previous sentence", show=False),
        Binding("J,shift+down", "extend(1)", "Extend the selection a sentence down", show=False),
        Binding("K,shift+up", "extend(-1)", "Extend the selection a sentence up", show=False),
        Binding("w", "word(1)", "Select words: next word", show=False),
        Binding("b", "word(-1)", "Select words: previous word", show=False),
        Binding("W", "grow(1)", "Grow the word selection by a word", show=False),
        Binding("B", "grow(-1)", "Shrink the word selection by a word", show=False),
        Binding("escape", "collapse", "Back to one sentence", show=False),
        Binding("h", "app.highlight", "Highlight", tooltip="Highlight the selection (again: next colour)"),
        Binding("a", "app.note", "Note", tooltip="Attach a note to the selection (ctrl+s saves)"),
        Binding("c", "app.correct", "Correct", show=False, tooltip="Correct the name/date under the cursor"),
        Binding("x", "app.remove_annotation", "Remove", tooltip="Remove the annotation under the cursor"),
        Binding("g,home", "top", "Top of the article", show=False),
        Binding("G,end", "bottom", "End of the article", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"reader--cursor-line", "reader--message", "reader--selection"}

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
    }
    Reader > .reader--cursor-line { background: $boost; }
    Reader:focus > .reader--cursor-line { background: $primary 20%; }
    Reader > .reader--selection { background: $boost; }
    Reader:focus > .reader--selection { background: $primary 25%; }
    Reader > .reader--message { color: $text-muted; }
    """

    class CursorChanged(Message):
        """The selection moved (or what is under it changed): the highlight and annotation there."""

        def __init__(
            self,
            highlight: Highlight | None,
            annotation: Annotation | None = None,
            hint: str = "",
            moved: bool = True,
            walked: bool = False,
        ) -> None:
            super().__init__()
            self.highlight = highlight
            self.annotation = annotation
            self.hint = hint
            self.moved = moved  # False: the content changed under a cursor that stayed put
            self.walked = walked  # the cursor went to the highlight itself (n/N, a click on it)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meta: ArticleMeta | None = None
        self.body = ""
        self.analysis: Analysis | None = None
        self.highlight_layers: set[Layer] = set(LAYERS)
        self.notices: list[Text] = []
        self.message: list[Text] = [Text("Loading the library…")]
        self.index = HighlightIndex([])
        self.current: int | None = None
        self.walked = False  # the current highlight was chosen (n/N, a click), not just the sentence's first
        self.marked: tuple[int, int] | None = None
        self.cursor_line = 0
        self.sentences: list[Span] = []
        self.sel = Selection()
        self.annotations: list[Annotation] = []
        self._user_spans: list[tuple[int, int, Style]] = []
        self.conflicts: list[Conflict] = []  # those with a claim of this article (`set_conflicts`)
        self._flagged: list[tuple[int, int]] = []  # this article's figures in them
        self._walk_target: tuple[int, int] | None = None  # `walk_to` waiting for the analysis
        self._title_span: tuple[int, int] | None = None  # the body's first line when it is the title
        self._drawn: DrawnText | None = None  # the text laid out ahead, while `show_article` adopts it
        self._header: list[Text] = []
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._rows: list[Row] = []
        self._body_row: list[int] = []
        self._laid_out_width = -1
        self._layout_pending = False
        self._generation = 0
        self._cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(256)
        self._style_memo: tuple[Style, Style, Style, Style] | None = None
        self.border_title = "Reader"

    # -- feeding -----------------------------------------------------------------------------------
    @property
    def article_id(self) -> str | None:
        return self.meta.id if self.meta else None

    @property
    def has_text(self) -> bool:
        """True once the body is laid out and on screen."""
        return self.meta is not None and not self._layout_pending

    def _reset(self) -> None:
        self.analysis = None
        self.index = HighlightIndex([])
        self.current = None
        self.walked = False
        self.marked = None
        self.cursor_line = 0
        self.sentences = []
        self.sel = Selection()
        self.annotations = []
        self._user_spans = []
        self.conflicts = []
        self._flagged = []
        self._walk_target = None

    def show_message(self, *lines: str) -> None:
        """No article: show a message in place (empty library, nothing selected)."""
        self.meta = None
        self.body = ""
        self._reset()
        self.message = [Text(line) for line in lines]
        self._lines, self._line_starts, self._header, self._rows, self._body_row = [], [], [], [], []
        self._invalidate(layout=True)
        self.post_message(self.CursorChanged(None))

    def show_article(
        self,
        meta: ArticleMeta,
        body: str,
        notices: Iterable[Text] = (),
        annotations: Iterable[Annotation] = (),
        drawn: DrawnText | None = None,
    ) -> None:
        """Show an article's text at once (highlights follow with `show_analysis`). `drawn` is the text
        laid out and its first lines drawn ahead (`tui.reader_ahead`), used when it fits this pane."""
        self.meta = meta
        self.body = sanitize(body)
        if drawn is not None and drawn.body != self.body:
            drawn = None
        self._drawn = drawn
        self._reset()
        self.annotations = [a for a in annotations if a.article_id == meta.id]
        self._title_span = title_line(self.body, meta.title)
        self._user_spans = self._spans_of(self.annotations)
        self.message = []
        self.notices = list(notices)
        if not self.body.strip():
            self.notices.append(Text("This article has no text.", style=NOTICE_STYLE))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._invalidate(layout=True)
        self._drawn = None
        if drawn is not None:
            self._adopt_strips(drawn)
        self.post_message(self.CursorChanged(None))

    def _adopt_strips(self, drawn: DrawnText) -> None:
        """Put the lines drawn ahead into the strip cache, as `render_line` would draw them now: same
        width and style, no analysis or cursor on them yet. Any later change starts a new generation,
        which leaves them unused."""
        width = self.scrollable_content_region.width
        if self._layout_pending or drawn.width != width or drawn.style != self._styles()[0]:
            return
        header = len(self._header)
        for i, strip in enumerate(drawn.strips[: len(self._body_row)]):
            line_no = header + self._body_row[i]
            if line_no != self.cursor_line:
                self._cache[(line_no, width, self._generation)] = strip

    def update_meta(self, meta: ArticleMeta) -> None:
        """New flags or tags for the open article: redraw the header line."""
        if meta.id != self.article_id:
            return
        self.meta = meta
        self._invalidate(layout=True, body=False)

    def show_analysis(self, article_id: str, analysis: Analysis) -> None:
        if article_id != self.article_id:
            return
        sentences = [(s.start, s.end) for s in analysis.sentences if s.end > s.start]
        if sentences != self.sentences:
            offset = self._offset_of_line(self.cursor_line) if self.cursor_line >= len(self._header) else 0
            self.sentences = sentences
            self.sel = sel_model.go_to(sentences, sel_model.sentence_at(sentences, offset) if offset else 0)
        self.analysis = analysis
        self._rebuild_rows()
        self._rebuild_highlights()
        if self._walk_target is not None:
            self.walk_to(*self._walk_target)

    def show_analysis_error(self, article_id: str, message: str) -> None:
        if article_id != self.article_id:
            return
        notice = f"Could not analyse this article ({message}); showing the plain text."
        self.notices = [Text(notice, style=ERROR_STYLE)]
        self.analysis = None
        self.sentences = []
        self.sel = Selection()
        self._rebuild_highlights()
        self._invalidate(layout=True, body=False)

    def set_annotations(self, article_id: str, annotations: Iterable[Annotation]) -> None:
        """Redraw the user's highlights and notes (after an annotation was added, changed or removed)."""
        if article_id != self.article_id:
            return
        self.annotations = [a for a in annotations if a.article_id == article_id]
        self._user_spans = self._spans_of(self.annotations)
        self._rebuild_rows()
        self._invalidate()
        self._post_cursor(moved=False)

    def set_conflicts(self, article_id: str, conflicts: Iterable[Conflict]) -> None:
        """Flag the article's figures that other articles contradict (the conflict marker)."""
        if article_id != self.article_id:
            return
        self.conflicts = list(conflicts)
        spans = {(c.start, c.end) for k in self.conflicts for c in k.claims if c.article_id == article_id}
        self._flagged = sorted(spans)
        self._invalidate()
        self._post_cursor(moved=False)

    def conflict_at(self, highlight: Highlight | None) -> Conflict | None:
        """The conflict the figure `highlight` is a claim of, if any."""
        if highlight is None or highlight.layer != "figure":
            return None
        for conflict in self.conflicts:
            for c in conflict.claims:
                if c.article_id == self.article_id and c.start < highlight.end and highlight.start < c.end:
                    return conflict
        return None

    def _spans_of(self, annotations: Iterable[Annotation]) -> list[tuple[int, int, Style]]:
        return user_spans(self._title_span, annotations)

    def set_layers(self, layers: Iterable[Layer]) -> None:
        self.highlight_layers = set(layers)
        self._rebuild_highlights()

    def _rebuild_highlights(self) -> None:
        old = self.current_highlight
        self.index = HighlightIndex(build_highlights(self.analysis, self.highlight_layers))
        self.current = None
        if old is not None:
            self.current = self.index.at(old.start)
        if self.current is None:
            self._select_in_selection()
        self._invalidate()
        self._post_cursor(moved=False)

    @property
    def current_highlight(self) -> Highlight | None:
        if self.current is None or not (0 <= self.current < len(self.index.items)):
            return None
        return self.index.items[self.current]

    # -- selection ---------------------------------------------------------------------------------
    @property
    def selection(self) -> Span | None:
        """The selected body range: the cursor sentence(s) or words, else the cursor line's text."""
        span = self.sel.span(self.sentences)
        if span is not None:
            return span
        line = self._line_range(self.cursor_line)
        if line is None or line[1] <= line[0]:
            return None
        return line

    @property
    def selected_text(self) -> str:
        span = self.selection
        return self.body[span[0] : span[1]] if span else ""

    def annotation_under_cursor(self) -> Annotation | None:
        """The annotation covering the selection: the same span first, then one holding its start."""
        span = self.selection
        if span is None:
            return None
        placed = [a for a in self.annotations if not a.orphaned and a.end > span[0] and a.start < span[1]]
        if self.current_highlight is not None:
            h = self.current_highlight
            for a in placed:
                if a.kind == "correction" and a.start <= h.start and a.end >= h.end:
                    return a
        for a in placed:
            if (a.start, a.end) == span:
                return a
        holding = [a for a in placed if a.start <= span[0] < a.end]
        return min(holding or placed, key=lambda a: a.end - a.start, default=None)

    def _at_offset(self, offset: int) -> Selection:
        """A one-sentence selection on the sentence holding `offset`."""
        return sel_model.go_to(self.sentences, sel_model.sentence_at(self.sentences, offset))

    def _post_cursor(self, *, moved: bool = True) -> None:
        self.post_message(
            self.CursorChanged(
                self.current_highlight,
                self.annotation_under_cursor(),
                self.sel.describe(),
                moved=moved,
                walked=self.walked,
            )
        )

    def _select_in_selection(self) -> None:
        """Make the first analysis highlight inside the selection the current one."""
        span = self.selection
        self.current = None
        if span is None:
            return
        found = self.index.overlapping(span[0], max(span[1], span[0] + 1))
        if found:
            self.current = self.index.items.index(found[0])

    def _apply_selection(self, sel: Selection, *, keep_current: bool = False, top: bool = False) -> None:
        self.sel = sel
        span = sel.span(self.sentences)
        if span is None:
            return
        if not keep_current:
            self.walked = False
            self._select_in_selection()
        self.cursor_line = self.line_of_offset(span[0])
        last = self.line_of_offset(max(span[0], span[1] - 1))
        if top:
            self.scroll_to(y=max(0, self.cursor_line - 2), animate=False, immediate=True)
        else:
            height = min(last - self.cursor_line + 1, max(1, self.scrollable_content_region.height))
            self.scroll_to_region(
                Region(0, self.cursor_line, 1, height), animate=False, immediate=True, x_axis=False
            )
        self._invalidate()
        self._post_cursor()

    def action_extend(self, delta: int) -> None:
        if self.sentences:
            self._apply_selection(sel_model.extend(self.sel, self.sentences, delta))

    def action_word(self, delta: int) -> None:
        if not self.sentences:
            return
        if self.sel.word_mode:
            self._apply_selection(sel_model.step_word(self.sel, delta))
        else:
            self._apply_selection(sel_model.enter_words(self.sel, self.body, self.sentences))

    def action_grow(self, delta: int) -> None:
        if not self.sel.word_mode:
            self.action_word(1)
        self._apply_selection(sel_model.grow_words(self.sel, delta))

    def action_collapse(self) -> None:
        self._apply_selection(sel_model.go_to(self.sentences, self.sel.sentence))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "collapse":  # otherwise escape reaches the app (clear the search or name filter)
            return self.sel.word_mode or self.sel.extended
        return True

    # -- layout ------------------------------------------------------------------------------------
    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _invalidate(self, *, layout: bool = False, body: bool = True) -> None:
        self._generation += 1
        self._cache.clear()
        if layout:
            self._layout(body=body)
        self.refresh()

    def _layout(self, *, body: bool = True) -> None:
        width = self._text_width()
        self._header = (
            reader_header(self.meta, width, self.notices, show_title=self._title_span is None)
            if self.meta
            else []
        )
        if self.meta is None:
            self._lines, self._line_starts, self._rows, self._body_row = [], [], [], []
        elif body or width != self._laid_out_width:
            drawn = self._drawn
            if drawn is not None and drawn.width == width:  # wrapped ahead, for this width
                self._apply_lines(self.article_id, width, drawn.lines)
            elif len(self.body) <= SYNC_LAYOUT_CHARS:
                self._apply_lines(self.article_id, width, wrap_offsets(self.body, width, paragraph_gap=True))
            else:
                self._layout_pending = True
                self._lines, self._line_starts, self._rows, self._body_row = [], [], [], []
                self._wrap_in_thread(self.article_id, self.body, width)
        self._update_virtual_size()

    @work(thread=True, exclusive=True, group="reader-layout")
    def _wrap_in_thread(self, article_id: str | None, body: str, width: int) -> None:
        lines = wrap_offsets(body, width, paragraph_gap=True)
        self.app.call_from_thread(self._apply_lines, article_id, width, lines)

    def _apply_lines(self, article_id: str | None, width: int, lines: list[tuple[int, int]]) -> None:
        if article_id != self.article_id:
            return
        self._lines = lines
        self._line_starts = [a for a, _ in lines]
        self._laid_out_width = width
        self._layout_pending = False
        self._rebuild_rows()
        self._generation += 1
        self._cache.clear()
        if self.marked is not None:
            self._scroll_to_offset(self.marked[0])
        self.refresh()

    def _rebuild_rows(self) -> None:
        """Interleave the wrapped body lines with the notes, each under the last line of its sentence."""
        notes: dict[int, list[Text]] = {}
        if self._lines:
            starts = {start for start, _ in self.sentences}
            for a in self.annotations:
                if not a.note or a.orphaned or a.kind == "correction":
                    continue
                end = max(a.start, a.end - 1)
                if self.sentences:
                    end = max(end, self.sentences[sel_model.sentence_at(self.sentences, end)][1] - 1)
                line = self._line_after_sentence(max(0, bisect_right(self._line_starts, end) - 1), starts)
                notes.setdefault(line, []).extend(note_lines(a.note, max(10, self._laid_out_width)))
        rows: list[Row] = []
        body_row: list[int] = []
        for i in range(len(self._lines)):
            body_row.append(len(rows))
            rows.append(i)
            rows.extend(notes.get(i, ()))
        self._rows, self._body_row = rows, body_row
        self._generation += 1
        self._cache.clear()
        self._update_virtual_size()

    def _line_after_sentence(self, line: int, sentence_starts: set[int]) -> int:
        """The first display line from `line` on after which a note does not split a sentence: the next
        line starts a sentence or a paragraph (or there is none)."""
        body, lines = self.body, self._lines
        while line + 1 < len(lines):
            start, end = lines[line + 1]
            if start == end or start in sentence_starts or body[start - 1 : start] == "\n":
                return line
            line += 1
        return line

    def _update_virtual_size(self) -> None:
        total = len(self._header) + len(self._rows) if self.meta else len(self.message) + 1
        size = Size(self._text_width(), total)
        if size == self.virtual_size:
            return
        # The reader's own size does not depend on its content, so skip the screen-wide layout pass that
        # assigning `virtual_size` triggers: update the scrollbars and redraw this widget only.
        self.set_reactive(Reader.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._laid_out_width and self.meta is not None:
            self._invalidate(layout=True, body=False)
        else:
            self._invalidate()

    @property
    def line_count(self) -> int:
        return len(self._header) + len(self._rows)

    def line_of_offset(self, offset: int) -> int:
        """Display line (header and notes included) holding body offset `offset`."""
        if not self._line_starts or not self._body_row:
            return 0
        return len(self._header) + self._body_row[max(0, bisect_right(self._line_starts, offset) - 1)]

    def _offset_of_line(self, line_no: int) -> int:
        """Body offset at the start of display line `line_no` (or of the next body line after a note)."""
        i = line_no - len(self._header)
        for row in self._rows[max(0, i) :]:
            if isinstance(row, int):
                return self._lines[row][0]
        return len(self.body)

    # -- rendering ---------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        key = (line_no, width, self._generation)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        base, cursor_style, message_style, selection_style = self._styles()
        style = base
        if self.meta is None:
            text = self.message[line_no - 1] if 1 <= line_no <= len(self.message) else Text("")
            style = message_style
            text = Text(" ") + text
        elif line_no < len(self._header):
            text = self._header[line_no]
        elif self._layout_pending and line_no == len(self._header):
            text = Text(f"Laying out {len(self.body) / 1_000_000:.1f} MB of text…", style=NOTICE_STYLE)
        else:
            i = line_no - len(self._header)
            if i >= len(self._rows):
                return Strip.blank(width, base)
            row = self._rows[i]
            if isinstance(row, Text):
                text = row
            else:
                start, end = self._lines[row]
                text = body_line(
                    self.body,
                    start,
                    end,
                    self.index,
                    current=self.current_highlight,
                    marked=self.marked,
                    selection=self.sel.span(self.sentences),
                    selection_style=selection_style,
                    user_spans=self._user_spans,
                    flagged=self._flagged,
                )
        if self.meta is not None and line_no == self.cursor_line and not self.sentences:
            style = cursor_style
        strip = reader_strip(text, width, style, self.app.console)
        self._cache[key] = strip
        return strip

    def _styles(self) -> tuple[Style, Style, Style, Style]:
        """Base, cursor-line, message and selection styles; computed once per style change."""
        if self._style_memo is None:
            base = self.rich_style
            self._style_memo = (
                base,
                base + self.get_component_rich_style("reader--cursor-line"),
                base + self.get_component_rich_style("reader--message"),
                Style(bgcolor=self.get_component_rich_style("reader--selection").bgcolor),
            )
        return self._style_memo

    def notify_style_update(self) -> None:
        self._style_memo = None
        self._cache.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._style_memo = None
        self._invalidate()

    def on_blur(self) -> None:
        self._style_memo = None
        self._invalidate()

    def draw_ahead(self) -> ReaderPane:
        """How to draw an article's text ahead (`tui.reader_ahead`): this pane's width, height and style."""
        region = self.scrollable_content_region
        return ReaderPane(region.width, region.height, self._styles()[0], self.app.console)

    # -- cursor and highlights ---------------------------------------------------------------------
    def _line_range(self, line_no: int) -> tuple[int, int] | None:
        i = line_no - len(self._header)
        if not 0 <= i < len(self._rows):
            return None
        row = self._rows[i]
        return self._lines[row] if isinstance(row, int) else None

    def set_cursor_line(self, line_no: int, *, select: bool = True) -> None:
        """Move the cursor to a display line (by line until the sentences are known)."""
        line_no = min(max(0, line_no), max(0, self.line_count - 1))
        if self.sentences:
            offset = self._offset_of_line(line_no)
            self._apply_selection(self._at_offset(offset))
            return
        self.cursor_line = line_no
        if select:
            self._select_in_selection()
        self._invalidate()
        self.scroll_to_region(Region(0, line_no, 1, 1), animate=False, immediate=True, x_axis=False)
        self._post_cursor()

    def _move(self, delta: int) -> None:
        if self.sentences:
            self._apply_selection(sel_model.move(self.sel, self.sentences, delta))
        else:
            self.set_cursor_line(self.cursor_line + delta)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_top(self) -> None:
        if self.sentences:
            self._apply_selection(sel_model.go_to(self.sentences, 0))
            self.scroll_to(y=0, animate=False, immediate=True)
        else:
            self.set_cursor_line(0)

    def action_bottom(self) -> None:
        if self.sentences:
            self._apply_selection(sel_model.go_to(self.sentences, len(self.sentences) - 1))
            self.scroll_end(animate=False, immediate=True)
        else:
            self.set_cursor_line(self.line_count - 1)

    def _page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        before = self.sel.sentence
        self.set_cursor_line(self.cursor_line + direction * page)
        if self.sentences and self.sel.sentence == before:  # a sentence longer than the page
            self._move(direction)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _go_to_highlight(self, i: int) -> None:
        self.current = i
        self.walked = True
        h = self.index.items[i]
        if self.sentences:
            self._apply_selection(self._at_offset(h.start), keep_current=True)
            return
        self.cursor_line = self.line_of_offset(h.start)
        self._invalidate()
        self.scroll_to_region(Region(0, self.cursor_line, 1, 1), animate=False, immediate=True, x_axis=False)
        self._post_cursor()

    def _cursor_offset(self) -> int:
        span = self.selection
        return span[0] if span else 0

    def next_highlight(self) -> bool:
        """Move to the next highlight; False when there is none after the cursor."""
        items = self.index.items
        if not items:
            return False
        if self.current is not None:
            i = self.current + 1
        else:
            i = bisect_left(self.index.starts, self._cursor_offset())
        if i >= len(items):
            return False
        self._go_to_highlight(i)
        return True

    def previous_highlight(self) -> bool:
        items = self.index.items
        if not items:
            return False
        if self.current is not None:
            i = self.current - 1
        else:
            i = bisect_left(self.index.starts, self._cursor_offset()) - 1
        if i < 0:
            return False
        self._go_to_highlight(i)
        return True

    def mark(self, start: int, end: int) -> None:
        """Mark a body range (a timeline fact's sentence) and scroll it into view, near the top."""
        self.marked = (start, end)
        if self._lines:
            self._scroll_to_offset(start)
        self._invalidate()

    def walk_to(self, start: int, end: int) -> bool:
        """Put the cursor on the highlight spanning exactly [start, end), as `n` would (a figure a
        cross-article view jumped to: the status line then explains it); False when there is none."""
        self._walk_target = None
        i = self.index.at(start)
        if i is None or (self.index.items[i].start, self.index.items[i].end) != (start, end):
            if self.analysis is None:  # the highlights are not there yet: when they come
                self._walk_target = (start, end)
            return False
        self._go_to_highlight(i)
        return True

    def select_range(self, start: int, end: int) -> None:
        """Put the cursor on a body range (an annotation): its sentence, or its words inside one sentence."""
        if not self.sentences:
            self.mark(start, end)
            return
        i = sel_model.sentence_at(self.sentences, start)
        sel = sel_model.go_to(self.sentences, i)
        s_start, s_end = self.sentences[i]
        if (start, end) != (s_start, s_end) and end <= s_end:
            words = sel_model.enter_words(sel, self.body, self.sentences)
            inside = [k for k, (a, b) in enumerate(words.words) if a < end and b > start]
            if inside:
                sel = Selection(i, i, words.words, inside[0], inside[-1])
        elif end > s_end:
            sel = Selection(sel_model.sentence_at(self.sentences, max(start, end - 1)), i)
        self._apply_selection(sel, top=True)

    def _scroll_to_offset(self, offset: int) -> None:
        if self.sentences:
            self._apply_selection(self._at_offset(offset), top=True)
            return
        line = self.line_of_offset(offset)
        self.cursor_line = line
        self._select_in_selection()
        self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)
        self._post_cursor()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.meta is None:
            return
        line_no = self.scroll_offset.y + offset.y
        span = self._line_range(line_no)
        if span is None:
            self.set_cursor_line(line_no)
            return
        cells, pos = 0, span[0]
        while pos < span[1] and cells + get_character_cell_size(self.body[pos]) <= offset.x:
            cells += get_character_cell_size(self.body[pos])
            pos += 1
        if self.sentences:
            self._apply_selection(self._at_offset(pos))
        else:
            self.set_cursor_line(line_no)
        hit = self.index.at(pos)
        if hit is not None:
            self.current = hit
            self.walked = True
            self._invalidate()
            self._post_cursor()
