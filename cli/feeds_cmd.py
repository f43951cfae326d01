"""`briefing feeds add|list|update|remove|import|export`: RSS and Atom subscriptions of the library.

`update` fetches the feeds concurrently and imports their new items (full text; the item's page is
fetched when the feed has only a summary). On a terminal a progress bar counts the feeds; when piped,
one plain line per feed. Every run ends with a summary; exit code 1 when any feed failed (each named on
stderr), while the other feeds are still updated.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cli._help import add_command, add_version
from cli._library import error, open_library, tolerant_stdout
from store.errors import LibraryError
from store.safetext import safe_json, terminal_text
from store.wording import counted

if TYPE_CHECKING:
    import httpx

    from store.feeds import FeedResult
    from store.library import Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "feeds",
        _usage,
        help="subscribe to RSS/Atom feeds and import their new articles",
        description="Manage the library's feed subscriptions and import new items from them.",
        examples=(
            "briefing feeds add https://example.org/rss.xml   subscribe (the feed is checked first)",
            "briefing feeds update                            import new items of every feed",
            "briefing feeds update URL --json                 one feed, machine-readable result",
            "briefing feeds list                              subscriptions, article counts, last update",
            "briefing feeds import subscriptions.opml         subscribe to every feed of an OPML file",
            "briefing feeds export -o feeds.opml              write the subscriptions as OPML",
        ),
        notes="exit status: 0 success, 1 some feed or input failed, 2 usage",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    add = actions.add_parser("add", help="subscribe to feeds (URLs or local feed files)")
    add.add_argument("urls", nargs="+", metavar="URL|FILE")
    add.set_defaults(func=run_add)

    show = actions.add_parser("list", help="list the subscriptions")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=run_list)

    update = actions.add_parser("update", help="fetch feeds and import their new items")
    update.add_argument("feeds", nargs="*", metavar="FEED", help="feed URLs (default: every subscription)")
    update.add_argument("--json", action="store_true", help="print the per-feed results as JSON")
    update.add_argument(
        "--max-items", type=_positive, default=200, metavar="N", help="new items per feed per update"
    )
    update.add_argument(
        "--no-pages", action="store_true", help="keep feed summaries; do not fetch the items' pages"
    )
    update.add_argument("--analyze", action="store_true", help="analyse new articles now (default: on open)")
    update.add_argument("--timeout", type=_seconds, default=20.0, metavar="S", help="seconds per request")
    update.set_defaults(func=run_update)

    remove = actions.add_parser("remove", help="unsubscribe (the articles stay in the library)")
    remove.add_argument("url", metavar="URL")
    remove.set_defaults(func=run_remove)

    opml_in = actions.add_parser("import", help="subscribe to the feeds of an OPML file")
    opml_in.add_argument("opml", metavar="OPML_FILE")
    opml_in.set_defaults(func=run_import)

    opml_out = actions.add_parser("export", help="write the subscriptions as OPML")
    opml_out.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to a new FILE atomically (default or '-': standard output)",
    )
    opml_out.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (a regular file only)"
    )
    opml_out.set_defaults(func=run_export)
    for action in (add, show, update, remove, opml_in, opml_out):
        add_version(action)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600 seconds")
    return value


def _usage(args: argparse.Namespace) -> int:
    print("briefing feeds: give an action: add, list, update, remove, import, export", file=sys.stderr)
    return 2


def _with_library(args: argparse.Namespace, body: Callable[[Library], int]) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            return body(library)
    except LibraryError as exc:
        return error(str(exc))
    except KeyboardInterrupt:
        print("briefing: interrupted; what was imported so far is saved", file=sys.stderr)
        return 130


# -- add / remove / list ----------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    from store.feeds import subscribe
    from store.ingest.fetch import FetchError
    from store.ingest.reader import IngestError

    def body(library: Library) -> int:
        failed = 0
        for url in args.urls:
            try:
                feed, added, note = subscribe(library, url)
            except (FetchError, IngestError) as exc:
                failed += 1
                error(f"{url}: {exc}; not added")
                continue
            if note:
                print(terminal_text(f"note: {url}: {note}"), file=sys.stderr)
            state = "added" if added else "already subscribed"
            print(terminal_text(f"{state}: {feed.title}  {feed.url}"))
        if not failed:
            print("run `briefing feeds update` to import their articles")
        return 1 if failed else 0

    return _with_library(args, body)


def run_remove(args: argparse.Namespace) -> int:
    def body(library: Library) -> int:
        try:
            feed = library.feed_store().remove(args.url)
        except KeyError:
            return error(f"{args.url}: not subscribed (see `briefing feeds list`)")
        kept = len(feed.article_ids)
        stay = "stays" if kept == 1 else "stay"
        what = f"{counted(kept, 'article')} {stay} in the library"
        print(terminal_text(f"removed: {feed.title}  {feed.url} ({what})"))
        return 0

    return _with_library(args, body)


def run_list(args: argparse.Namespace) -> int:
    from store.feeds import feed_counts

    def body(library: Library) -> int:
        feeds = library.feed_store().list()
        counts = feed_counts(library, feeds)
        rows: list[dict[str, Any]] = [
            {
                "url": f.url,
                "title": f.title,
                "site_url": f.site_url,
                "articles": counts[f.url],
                "added": f.added,
                "checked": f.checked,
                "updated": f.updated,
                "error": f.error,
            }
            for f in feeds
        ]
        if args.json:
            print(safe_json(rows))
            return 0
        if not rows:
            print("no feeds yet: briefing feeds add URL")
            return 0
        for row in rows:
            when = (row["updated"] or "never")[:16].replace("T", " ")
            line = f"{row['articles']:>5} articles  updated {when:<16}  {row['title']}  {row['url']}"
            if row["error"]:
                line += f"  (last update failed: {row['error']})"
            print(terminal_text(line))
        return 0

    return _with_library(args, body)


# -- update -----------------------------------------------------------------------------------------------
def _result_line(result: FeedResult) -> str:
    if result.error:
        return f"failed   {result.title}: {result.error}"
    if result.not_modified:
        return f"ok       {result.title}: not modified since the last update"
    return (
        f"ok       {result.title}: {result.new} new, {result.present} already present, {result.failed} failed"
    )


def run_update(args: argparse.Namespace) -> int:
    from store.feeds import update_feeds
    from store.ingest.fetch import new_client

    def body(library: Library) -> int:
        tty = sys.stdout.isatty() and not args.json
        options: dict[str, Any] = {
            "max_items": args.max_items,
            "fetch_pages": not args.no_pages,
            "analyze": args.analyze,
        }
        with new_client(timeout=args.timeout) as client:
            urls = args.feeds or None
            if tty:
                results = _update_rich(library, urls, client, options)
            else:
                show = None if args.json else _plain_progress
                results = update_feeds(library, urls, progress=show, client=client, **options)
        failed = [r for r in results if r.error]
        for result in failed:
            error(f"{result.url}: {result.error}")
        totals = {k: sum(getattr(r, k) for r in results) for k in ("new", "present", "failed")}
        if args.json:
            print(safe_json({"feeds": [r.to_dict() for r in results], **totals, "failed_feeds": len(failed)}))
        else:
            if not results:
                print("no feeds yet: briefing feeds add URL")
            for result in results:
                for note in result.notes:
                    print(terminal_text(f"note: {result.title}: {note}"), file=sys.stderr)
            print(
                f"{counted(len(results), 'feed')}: {totals['new']} new, {totals['present']} already present, "
                f"{counted(totals['failed'], 'failed item')}, {counted(len(failed), 'failed feed')}"
            )
        return 1 if failed else 0

    return _with_library(args, body)


def _plain_progress(result: FeedResult, done: int, total: int) -> None:
    print(terminal_text(_result_line(result)), flush=True)


def _update_rich(
    library: Library, urls: list[str] | None, client: httpx.Client, options: dict[str, Any]
) -> list[FeedResult]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.text import Text

    from store.feeds import update_feeds

    console = Console(highlight=False)
    with Progress(
        TextColumn("Updating feeds"), BarColumn(bar_width=20), MofNCompleteColumn(), console=console
    ) as progress:
        task = progress.add_task("feeds", total=None)

        def show(result: FeedResult, done: int, total: int) -> None:
            style = "red" if result.error else ""
            progress.console.print(Text(terminal_text(_result_line(result)), style=style), soft_wrap=True)
            progress.update(task, total=total, completed=done)

        return update_feeds(library, urls, progress=show, client=client, **options)


# -- OPML -------------------------------------------------------------------------------------------------
def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from store.ingest.feeds import parse_opml
    from store.ingest.fetch import is_web_url
    from store.ingest.reader import IngestError, read_bytes

    try:
        entries = parse_opml(read_bytes(Path(args.opml)))
    except IngestError as exc:
        return error(f"{args.opml}: {exc}; nothing was imported")

    def body(library: Library) -> int:
        store = library.feed_store()
        added = present = skipped = 0
        for url, title in entries:
            if not is_web_url(url):
                skipped += 1
                print(terminal_text(f"skipped: {url}: not an http(s) feed URL"), file=sys.stderr)
                continue
            if store.add(url, title):
                added += 1
                print(terminal_text(f"added: {title or url}  {url}"))
            else:
                present += 1
        print(f"{counted(added, 'feed')} added, {present} already subscribed, {skipped} skipped")
        if added:
            print("run `briefing feeds update` to import their articles")
        return 1 if skipped else 0

    return _with_library(args, body)


def run_export(args: argparse.Namespace) -> int:
    """As `briefing export -o`: '-' is standard output, an existing file is replaced only with --force."""
    from pathlib import Path

    from cli.export_cmd import FORCE_HINT
    from store.export import OutputExists, write_atomic
    from store.ingest.feeds import build_opml

    def body(library: Library) -> int:
        feeds = library.feed_store().list()
        document = build_opml([(f.url, f.title, f.site_url) for f in feeds]).decode("utf-8")
        if not args.output or args.output == "-":
            sys.stdout.write(document)
            return 0
        target = Path(args.output).expanduser()
        try:
            write_atomic(target, document, replace=args.force)
        except OutputExists as exc:
            return error(f"{exc}{FORCE_HINT}")
        except LibraryError as exc:  # ExportError: a folder, a link, a missing folder, a full disk
            return error(str(exc))
        print(f"{counted(len(feeds), 'feed')} written to {target}", file=sys.stderr)
        return 0

    return _with_library(args, body)
