"""`briefing import PATH|URL...`: add article files, folders (recursive) and web pages to the library.

On a terminal a Rich progress bar shows counts and the current file; when piped, one plain line per
file. Problems are one line each on stderr; a summary always ends the output. Exit code 1 when any
input failed or was imported with a warning.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from cli._help import add_command, not_blank
from cli._library import error, open_library, tolerant_stdout
from cli.feeds_cmd import _positive as positive_int
from store.errors import LibraryError
from store.safetext import terminal_text

if TYPE_CHECKING:
    from rich.console import Console

    from store.library import Library
    from store.records import ImportReport, ImportStep

Importer = Callable[..., "ImportReport"]  # Library.import_paths
CURRENT_CHARS = 32  # the current file's name in the progress line, so the bar keeps its room
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # any scheme: only http(s) is fetched, others refused


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "import",
        run,
        help="import article files or folders (.md, .markdown, .txt, .html, .htm) or web pages (URLs)",
        description="Import Markdown, plain-text or saved web-page articles (folders are searched "
        "recursively) and web pages by URL (fetched now: main text, title, date, author, site). "
        "Importing the same file or URL again adds nothing; an edited file updates its article. "
        "A date in the byline of a text without front matter becomes its publication date.",
        examples=(
            "briefing import sample_articles          a folder, searched recursively",
            "briefing import notes/kadhimi.md a.txt   single files",
            "briefing import saved/page.html          a saved web page: its main text only",
            "briefing import https://example.org/a    fetch a web page and import it",
            "briefing --library ~/work-lib import .   into another library",
        ),
        notes="exit status: 0 all imported or already present, 1 some files failed or had warnings, 2 usage",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=_path_or_url,
        metavar="PATH|URL",
        help="article file or folder, or http(s) URL",
    )
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="skip the analysis now (it runs when an article is first opened)",
    )
    parser.add_argument(
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help="analyse in N worker processes (default: the machine's cores; 1: in this process; at most "
        "one per article to analyse and 4 per core)",
    )


# An empty value (`briefing import "$UNSET"`) must not quietly mean the current folder.
_path_or_url = not_blank("empty path (name a file, a folder or a URL; '.' for this folder)")


def default_jobs() -> int:
    """The machine's cores (at least 1)."""
    return os.cpu_count() or 1


def summary(report: ImportReport) -> str:
    parts = [f"{len(report.added)} added"]
    if report.updated:
        parts.append(f"{len(report.updated)} updated")
    parts.append(f"{len(report.present)} already present")
    if report.trashed:
        parts.append(f"{len(report.trashed)} in the trash (not imported)")
    parts.append(f"{len(report.failed)} failed")
    if report.warnings:
        parts.append(f"{len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''}")
    return ", ".join(parts)


def _problem_line(kind: str, path: str, message: str) -> str:
    return terminal_text(f"{kind}: {path}: {message}")


def _import_plain(library_import: Importer, paths: list[str], analyze: bool) -> ImportReport:
    def show(step: ImportStep) -> None:
        if step.status == "failed":
            print(_problem_line("error", step.path, step.message or "failed"), file=sys.stderr, flush=True)
        else:
            print(terminal_text(f"{step.status:<8} {step.article_id}  {step.path}"), flush=True)

    return library_import(paths, progress=show, analyze=analyze)


def _import_rich(
    library_import: Importer, paths: list[str], analyze: bool, console: Console | None = None
) -> ImportReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Column
    from rich.text import Text

    console = console or Console(highlight=False)
    counts: Counter[str] = Counter()
    columns = (
        TextColumn("Importing"),
        BarColumn(bar_width=20),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}", markup=False),
        # The file name takes what is left of the line and is cut short, never the bar or the counts.
        TextColumn(
            "{task.fields[current]}",
            markup=False,
            table_column=Column(no_wrap=True, overflow="ellipsis", ratio=1, min_width=0),
        ),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("import", total=None, counts="", current="")

        def show(step: ImportStep) -> None:
            counts[step.status] += 1
            if step.status == "failed":
                line = _problem_line("error", step.path, step.message or "failed")
                # soft_wrap: one line per problem (the terminal wraps it), as in the plain output.
                progress.console.print(Text(line, style="red"), soft_wrap=True)
            label = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            name = terminal_text(step.path.rsplit("/", 1)[-1])
            if len(name) > CURRENT_CHARS:
                name = name[: CURRENT_CHARS - 1] + "…"
            progress.update(task, total=step.total, completed=step.done, counts=label, current=name)

        return library_import(paths, progress=show, analyze=analyze)


def _files_and_urls(library: Library, jobs: int = 1) -> Importer:
    """Import the files and folders (analysed `jobs` at a time), then fetch and import the URLs (with one
    report)."""

    def run_import(inputs: list[str], progress: Callable[[ImportStep], None], analyze: bool) -> ImportReport:
        urls = [item for item in inputs if _URL.match(item)]
        paths = [item for item in inputs if not _URL.match(item)]
        report = library.import_paths(paths, progress=progress, analyze=analyze, jobs=jobs)
        if urls:
            from store.ingest.web import import_urls, merge_reports

            report = merge_reports(report, import_urls(library, urls, progress, analyze))
        return report

    return run_import


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    importer = _import_rich if sys.stdout.isatty() else _import_plain
    try:
        with open_library(args) as library:
            jobs = args.jobs or default_jobs()
            report = importer(_files_and_urls(library, jobs), list(args.paths), not args.no_analyze)
    except LibraryError as exc:
        return error(str(exc))
    except KeyboardInterrupt:
        print("briefing: import interrupted; the files imported so far are saved", file=sys.stderr)
        return 130
    for problem in report.notes:
        print(_problem_line("note", problem.path, problem.message), file=sys.stderr)
    for problem in report.warnings:
        print(_problem_line("warning", problem.path, problem.message), file=sys.stderr)
    print(summary(report))
    return 1 if report.failed or report.warnings else 0
