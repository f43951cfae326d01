"""`briefing analyze FILE... [--date YYYY-MM-DD] [--json]`: analyse text files without a library.

The whole decoded content of each file (UTF-8, newlines as they are) is the analysed text, except a
leading YAML front matter block: its `published` is the default publication date (an explicit `--date`
wins) and the block itself is blanked out (same length, newlines kept), so it yields no names, figures,
dates or facts while every offset still indexes the whole file. `--json`
prints the DESIGN.md contract (one object; several files give JSON Lines, each with its "path") and
nothing else on stdout; without it a Rich rendering shows the highlighted text and the timeline.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli._help import add_command
from cli._library import error, note, stdout_console, tolerant_stdout
from cli.feeds_cmd import _positive as positive_int
from cli.import_cmd import default_jobs
from store.safetext import safe_json

if TYPE_CHECKING:
    from extract import Analysis


class InputError(Exception):
    """A file that cannot be analysed; the message is for the user."""


def parse_date(value: str) -> date:
    """argparse type for --date: an ISO calendar date."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a calendar date in YYYY-MM-DD form: {value!r}") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "analyze",
        run,
        help="analyse text files: entities, figures, dates and the timeline (no library needed)",
        description="Analyse FILE(s) as plain UTF-8 text. Relative dates are anchored to --date; "
        "without it, the front matter's 'published' date is used, else they stay unanchored (e.g. XXXX-12). "
        "A front matter block yields no names, figures or dates.",
        examples=(
            "briefing analyze article.txt --date 2021-01-05",
            "briefing analyze article.txt --date 2021-01-05 --json",
            "briefing analyze *.txt --json > analyses.jsonl   one JSON object per line, with its path",
            "briefing analyze *.txt --json --jobs 2           two files at a time, output in file order",
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file(s) to analyse")
    parser.add_argument(
        "--date",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="publication date to anchor relative dates to (default: the front matter's 'published')",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON (JSON Lines with a 'path' key for several files)"
    )
    parser.add_argument(
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help="analyse several files in N worker processes (default: the machine's cores; 1: in this "
        "process; at most one per file and 4 per core); the output keeps the order of the files",
    )


def read_text(path: Path) -> str:
    """The decoded content of `path` (the library's own file checks), or InputError saying why not."""
    from store.ingest.reader import IngestError
    from store.ingest.reader import read_text as read_file_text

    try:
        return read_file_text(path)
    except IngestError as exc:
        raise InputError(f"{path}: {exc}") from None


def front_matter_date(path: str, text: str) -> tuple[str, date | None]:
    """`text` with its front matter block blanked (spaces, newlines kept: offsets unchanged) and the
    block's `published` date; an unreadable block is analysed as text, with a warning saying why."""
    from store.ingest.frontmatter import FrontMatterError, parse_front_matter, split_front_matter

    try:
        source, _, body_offset = split_front_matter(text)
        if source is None:
            return text, None
        fields, _ = parse_front_matter(source)
    except FrontMatterError as exc:
        note(f"warning: {path}: front matter not used: {exc}")
        return text, None
    blank = "".join(ch if ch in "\r\n" else " " for ch in text[:body_offset])
    published = fields.get("published")
    return blank + text[body_offset:], published if isinstance(published, date) else None


Job = tuple[str, str, str, "date | None"]  # file name, its text, the text analysed, publication date


def analysed(text: str, published: date | None, as_dict: bool) -> Analysis | dict[str, Any]:
    """One file's analysis (in a worker process: module level), as the JSON-ready dict when that is
    what is printed (cheaper to send back than the dataclasses)."""
    from extract import analyze

    analysis = analyze(text, published)
    return analysis.to_dict() if as_dict else analysis


def _analyses(jobs: Iterable[Job], workers: int, as_dict: bool) -> Iterator[tuple[Job, Any]]:
    """Each job with its analysis, in input order; computed `workers` at a time in worker processes
    when workers > 1, else one by one as the jobs come."""
    if workers <= 1:
        for job in jobs:
            yield job, analysed(job[2], job[3], as_dict)
        return
    from concurrent.futures import ProcessPoolExecutor

    todo = list(jobs)
    if len(todo) < 2:
        yield from _analyses(todo, 1, as_dict)
        return
    from store.analyses import pool_size

    with ProcessPoolExecutor(max_workers=pool_size(workers, len(todo))) as pool:
        futures = [pool.submit(analysed, job[2], job[3], as_dict) for job in todo]
        for job, future in zip(todo, futures, strict=True):
            yield job, future.result()


def run(args: argparse.Namespace) -> int:
    from cli._analysis_view import render

    tolerant_stdout()
    console = stdout_console()
    several = len(args.files) > 1
    status = 0

    def jobs() -> Iterator[Job]:
        nonlocal status
        for name in args.files:
            try:
                text = read_text(Path(name))
            except InputError as exc:
                status = error(str(exc))
                continue
            analysed_text, published = front_matter_date(name, text)
            yield name, text, analysed_text, args.date or published

    workers = (args.jobs or default_jobs()) if several else 1
    for (name, text, _, _), result in _analyses(jobs(), workers, as_dict=args.json):
        if args.json:
            data = {"path": name, **result}
            if several:
                sys.stdout.write(safe_json(data, indent=None) + "\n")
            else:
                sys.stdout.write(safe_json(data) + "\n")
            sys.stdout.flush()
        else:
            render(console, name, text, result)
    return status
