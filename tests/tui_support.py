"""Helpers for the app tests: small article files in a temporary library, and waiting for workers."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget

from store.library import Library
from tui.app import BriefingApp

ARTICLES: dict[str, tuple[str, str | None, str, str]] = {
    # file name: (title, published, source, body)
    "a-troops.md": (
        "Troops leave the northern base",
        "2021-01-05",
        "Desert Wire",
        "Colonel Maria Lindqvist said on Tuesday that 2,500 troops will leave the base by January 15.\n\n"
        "The first convoy left in December, Lindqvist told the Desert Wire.\n",
    ),
    "b-harbour.md": (
        "Harbour reopens after the storm",
        "2020-06-17",
        "Coast Daily",
        "The harbour of Porto Vello reopened on Monday, three weeks after the storm damaged 40 boats.\n\n"
        "Mayor Anton Ferreira said repairs would cost about $3 million.\n",
    ),
    "c-undated.md": (
        "Glacier survey without a date",
        None,
        "Alpine Notes",
        "Researchers measured the glacier again last March and found it 12 metres thinner.\n",
    ),
}


def write_article(folder: Path, name: str, title: str, published: str | None, source: str, body: str) -> Path:
    lines = ["---", f"title: {title!r}"]
    if published:
        lines.append(f"published: {published}")
    lines.append(f"source: {source!r}")
    lines.append("---")
    path = folder / name
    path.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    return path


def make_library(tmp_path: Path, articles: dict[str, tuple[str, str | None, str, str]] = ARTICLES) -> Library:
    """A library in tmp_path/lib holding `articles` (no bundled samples)."""
    source = tmp_path / "articles"
    source.mkdir(exist_ok=True)
    for name, (title, published, src, body) in articles.items():
        write_article(source, name, title, published, src, body)
    library = Library.open(tmp_path / "lib", import_samples=False)
    if articles:
        report = library.import_paths([source])
        assert report.ok, report.failed
    return library


def make_app(library: Library) -> BriefingApp:
    return BriefingApp(library, cursor_blink=False)


async def settle(pilot: Pilot[None]) -> None:
    """Let pending messages and thread workers finish."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def widget_text(widget: Widget) -> str:
    """The text a line-API or static widget currently shows (its visible lines)."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))
