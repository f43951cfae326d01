"""The series view (`P`, or `p` on a figure in the reader): every figure series of the library to pick
from, the chosen one plotted by date in the terminal (textual-plotext) and its points as a table (date,
value or range with its qualifier, article, the sentence around the figure). `enter` on a point jumps to
it in the reader; `tab` moves between the list and the table; `esc` closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from store.safetext import one_line
from store.wording import counted
from tui.across_render import no_data, plot_points, point_cells, series_label, series_title, value_ticks
from tui.render import META_STYLE
from tui.threads import post

if TYPE_CHECKING:
    from extract.across.model import Series
    from tui.across import AcrossViews

SENTENCE_MARGIN = 62  # the points table's other columns: the sentence gets the rest of its width
NARROW = 100  # below this many columns the series list goes above the plot


class SeriesScreen(ModalScreen[None]):
    """The series list, the plot and the points table; data from `Library.series` in a worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close"),
        Binding("tab", "switch(1)", "List / points", tooltip="Move between the series list and the points"),
        Binding("shift+tab", "switch(-1)", "List / points", show=False),
        Binding("j", "move(1)", "Next row", show=False),
        Binding("k", "move(-1)", "Previous row", show=False),
    ]
    DEFAULT_CSS = """
    SeriesScreen { align: center middle; }
    SeriesScreen > Vertical {
        width: 100%; height: 100%;
        border: round $accent; border-title-align: center; border-subtitle-align: center;
        background: $surface; padding: 0 1;
    }
    SeriesScreen #series-note { height: auto; color: $text-muted; }
    SeriesScreen #series-body { height: 1fr; }
    SeriesScreen #series-list { width: 34; height: 1fr; }
    SeriesScreen #series-right { width: 1fr; height: 1fr; }
    SeriesScreen PlotextPlot { height: 1fr; min-height: 8; }
    SeriesScreen #series-points { height: 40%; min-height: 4; }
    SeriesScreen.-narrow #series-body { layout: vertical; }
    SeriesScreen.-narrow #series-list { width: 1fr; height: 5; }
    """

    def __init__(
        self,
        views: AcrossViews,
        *,
        key: str | None = None,
        entity: str | None = None,
        figure: tuple[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.views = views
        self.wanted = key
        self.figure = figure  # (article id, offset) of the figure `p` was pressed on: its row is selected
        self.entity = entity
        self.series: list[Series] = []
        self.current: Series | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Figures over time"
            box.border_subtitle = "↑↓ series · tab points · enter jumps to a point · esc closes"
            yield Static(Text("Reading the library's figures…", META_STYLE), id="series-note")
            with Horizontal(id="series-body"):
                yield OptionList(id="series-list")
                with Vertical(id="series-right"):
                    yield PlotextPlot(id="series-plot")
                    yield DataTable(id="series-points", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Value", "Source", "Sentence")
        self.query_one(OptionList).focus()
        self.views.run(self._load, "across-series")

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def _load(self) -> None:
        try:
            series = self.views.library.series(self.entity)
        except Exception as error:
            post(self.app, self._note, no_data(f"Could not read the series: {one_line(str(error))}"))
            return
        post(self.app, self.views.built)
        post(self.app, self._loaded, series)

    def _note(self, text: Text) -> None:
        self.query_one("#series-note", Static).update(text)

    def _loaded(self, series: list[Series]) -> None:
        self.series = series
        about = " about this name" if self.entity else ""
        if not series:
            self._note(
                no_data(
                    f"No figure series{about}: a series needs figures that count the same thing on "
                    "different dates, in the same or different articles."
                )
            )
            return
        self._note(Text(f"{counted(len(series), 'series', 'series')}{about}", META_STYLE))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(series_label(s), id=str(n)) for n, s in enumerate(series))
        index = next((n for n, s in enumerate(series) if s.key == self.wanted), 0)
        options.highlighted = index
        self._show(series[index])
        if self.wanted is not None:  # came from a figure: straight to its points, on its row
            table = self.query_one(DataTable)
            table.focus()
            if self.figure is not None:
                article_id, start = self.figure
                points = series[index].points
                row = next(
                    (
                        n
                        for n, p in enumerate(points)
                        if p.article_id == article_id and p.start <= start < p.end
                    ),
                    0,
                )
                table.move_cursor(row=row)

    @on(OptionList.OptionHighlighted, "#series-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and self.series:
            self._show(self.series[int(event.option.id)])

    @on(OptionList.OptionSelected, "#series-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def _show(self, series: Series) -> None:
        if series is self.current:
            return
        self.current = series
        self.query_one(Vertical).border_title = f"Figures over time · {series_title(series)}"
        table = self.query_one(DataTable)
        table.clear()
        cells = max(24, table.scrollable_content_region.width - SENTENCE_MARGIN)
        for n, point in enumerate(series.points):
            table.add_row(*point_cells(point, cells), key=str(n))
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        days, values = plot_points(series)
        if days:
            plt.date_form("Y-m-d")
            plt.plot(days, values, marker="braille")
            plt.scatter(days, values, marker="●")
            ticks, labels = value_ticks(values)
            plt.yticks(ticks, labels)
            plt.ylim(0, max(values) * 1.05 or 1)
        plot.refresh()

    @on(DataTable.RowSelected, "#series-points")
    def _point_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.current is None or not 0 <= event.cursor_row < len(self.current.points):
            return
        point = self.current.points[event.cursor_row]
        self.views.jump(point.article_id, (point.start, point.end))

    def action_switch(self, step: int) -> None:
        if isinstance(self.focused, DataTable):
            self.query_one(OptionList).focus()
        else:
            self.query_one(DataTable).focus()

    def action_move(self, step: int) -> None:
        if isinstance(self.focused, DataTable):
            table = self.query_one(DataTable)
            (table.action_cursor_down if step > 0 else table.action_cursor_up)()
        else:
            options = self.query_one(OptionList)
            (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_close(self) -> None:
        self.dismiss(None)
