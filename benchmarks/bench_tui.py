"""Benchmark of the reader app on a generated 10,000-article library.

Measures, and prints with ratios against a peer measured in the same run:
  1. cold start: time from process start (fresh interpreter) to the first article's text on screen;
  2. `j` in the article list: time until the reader shows the next article (and until its highlights),
     as shipped (the list's neighbours loaded ahead, `tui.prefetch`) and without that, alternated;
  3. peak RSS of the app process;
  4. the article list at 100,000 entries (virtualised line-API list) against Textual's ListView with
     10,000 items (one widget per row): time to fill, time per key press.
Targets (issues 5, 15): first article <= 1.0 s cold at 10k; next article median <= 30 ms, p95 <= 60 ms;
peak RSS <= 300 MB.

Usage: python benchmarks/bench_tui.py [--articles 10000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = ("Desert Wire", "Coast Daily", "Alpine Notes", "Harbour Post", "River Times", "Plains Herald")
PLACES = ("Porto Vello", "Lindenau", "Karsk", "Santa Olvera", "Belmarsh", "Tiranova", "Ostrava Nova")
PEOPLE = ("Maria Lindqvist", "Anton Ferreira", "Yuki Sato", "Omar Haddad", "Lena Novak", "Ravi Menon")
VERBS = ("approved", "rejected", "announced", "postponed", "reviewed", "funded")
THINGS = ("new ferries", "flood barriers", "school buildings", "wind turbines", "water pipes", "bridges")


def article_text(rng: random.Random, n: int) -> tuple[str, str]:
    place, person = rng.choice(PLACES), rng.choice(PEOPLE)
    title = f"{place} council {rng.choice(VERBS)} {rng.randint(2, 90)} {rng.choice(THINGS)} (#{n})"
    sentences = []
    for _ in range(rng.randint(8, 16)):
        sentences.append(
            f"{person} said on {rng.choice(('Monday', 'Tuesday', 'Friday'))} that {rng.randint(2, 5000):,} "
            f"{rng.choice(THINGS)} in {place} would be {rng.choice(VERBS)} by "
            f"{rng.choice(('March', 'June', 'September'))} {rng.randint(2019, 2024)}."
        )
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return title, "\n\n".join(paragraphs) + "\n"


def build_library(path: Path, count: int) -> float:
    """Write `count` generated articles and import them with the Library API; returns seconds taken."""
    from store.library import Library

    rng = random.Random(5)
    files = path / "articles"
    files.mkdir(parents=True)
    start_day = date(2019, 1, 1)
    for n in range(count):
        title, body = article_text(rng, n)
        published = start_day + timedelta(days=rng.randint(0, 2000))
        (files / f"{n:06d}.md").write_text(
            f"---\ntitle: {json.dumps(title)}\npublished: {published.isoformat()}\n"
            f"source: {rng.choice(SOURCES)}\n---\n{body}",
            encoding="utf-8",
        )
    started = time.perf_counter()
    with Library.open(path / "lib", import_samples=False) as library:
        report = library.import_paths([files], analyze=False)
        assert report.ok and len(report.added) == count, report.failed[:3]
    return time.perf_counter() - started


# The child process: a fresh interpreter that runs the real app headless and reports timings as JSON.
CHILD = r"""
import json, resource, sys, time, asyncio
t_start = float(sys.argv[2])
sys.path.insert(0, sys.argv[3])
import cli.main
cli.main.build_parser()  # what `briefing` imports before it launches the app
from store.library import Library
from tui.app import BriefingApp

library = Library.open(sys.argv[1], import_samples=False, session=True)
app = BriefingApp(library, cursor_blink=False)
result = {}

def shown() -> None:
    result["first_article_s"] = time.time() - t_start
    result["rss_first_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app.exit()

app.first_article_shown = shown
app.run(headless=True, size=(160, 48))

async def frame(app) -> None:
    done = asyncio.get_running_loop().create_future()

    def finish() -> None:
        if not done.done():
            done.set_result(None)

    app.call_after_refresh(finish)
    await done

async def next_article() -> None:
    from textual import events
    app2 = BriefingApp(library, cursor_blink=False)
    app2.prefetch = sys.argv[5] == "prefetch"
    text_ms, full_ms = [], []
    async with app2.run_test(size=(160, 48)) as pilot:
        await app2.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(int(sys.argv[4])):
            target = app2.article_list.rows[app2.article_list.cursor + 1].id
            t0 = time.perf_counter()
            app2._driver.send_message(events.Key("j", "j"))
            while not (app2.reader.article_id == target and app2.reader.has_text):
                await asyncio.sleep(0.0002)
            await frame(app2)  # the frame with the new article is drawn
            text_ms.append((time.perf_counter() - t0) * 1000)
            while app2.reader.analysis is None and "failed" not in str(app2.reader.border_subtitle):
                await asyncio.sleep(0.0002)
            await frame(app2)
            full_ms.append((time.perf_counter() - t0) * 1000)
            await asyncio.sleep(0.05)
    result["next_text_ms"] = text_ms
    result["next_full_ms"] = full_ms

asyncio.run(next_article())
result["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
library.close()
print(json.dumps(result))
"""


def run_child(library: Path, presses: int, prefetch: bool = True) -> dict[str, Any]:
    t0 = time.time()
    mode = "prefetch" if prefetch else "off"
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(library), repr(t0), str(ROOT), str(presses), mode],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


async def next_frame(app: Any) -> None:
    """Wait until the app has drawn the next frame."""
    done = asyncio.get_running_loop().create_future()

    def finish() -> None:
        if not done.done():
            done.set_result(None)

    app.call_after_refresh(finish)
    await done


async def key_to_frame(app: Any, position: Callable[[], object], key: str, presses: int) -> float:
    """Mean ms from a key event to the drawn frame showing the moved cursor (no test-harness waits)."""
    from textual import events

    total = 0.0
    for _ in range(presses):
        before = position()
        t0 = time.perf_counter()
        app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        while position() == before:
            await asyncio.sleep(0.0002)
        await next_frame(app)
        total += time.perf_counter() - t0
        await asyncio.sleep(0.02)
    return total / presses * 1000


async def list_scrolling(rows: int, presses: int) -> dict[str, float]:
    """Our virtualised list with `rows` entries: fill time and time per j / pagedown in a running app."""
    from textual.app import App, ComposeResult

    from store.records import ArticleMeta
    from tui.widgets.article_list import ArticleList

    metas = [
        ArticleMeta(
            id=f"{n:08x}",
            title=f"Generated article number {n}",
            source=SOURCES[n % len(SOURCES)],
            published=date(2019, 1, 1) + timedelta(days=n % 2000),
        )
        for n in range(rows)
    ]

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleList(id="list")

    app = ListApp()
    async with app.run_test(size=(120, 40)):
        listing = app.query_one(ArticleList)
        listing.focus()
        t0 = time.perf_counter()
        listing.set_articles(metas)
        await next_frame(app)
        fill = time.perf_counter() - t0
        per_key = {}
        for key in ("j", "pagedown"):
            per_key[key] = await key_to_frame(app, lambda: listing.cursor, key, presses)
        jump = await key_to_frame(app, lambda: listing.cursor, "G", 1)
    return {"fill_s": fill, "j_ms": per_key["j"], "pagedown_ms": per_key["pagedown"], "end_ms": jump}


async def listview_peer(rows: int, presses: int) -> dict[str, float]:
    """Textual's ListView with one ListItem(Label) per row: the non-virtualised peer."""
    from textual.app import App, ComposeResult
    from textual.widgets import Label, ListItem, ListView

    class PeerApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ListView(id="list")

    app = PeerApp()
    async with app.run_test(size=(120, 40)):
        view = app.query_one(ListView)
        view.focus()
        t0 = time.perf_counter()
        await view.extend([ListItem(Label(f"Generated article number {n}")) for n in range(rows)])
        await next_frame(app)
        fill = time.perf_counter() - t0
        per_j = await key_to_frame(app, lambda: view.index, "down", presses)
    # ListView binds only up/down/enter: PgDn and End do not move its selection, so they are not compared.
    return {"fill_s": fill, "j_ms": per_j, "pagedown_ms": float("nan"), "end_ms": float("nan")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="build the library here (reused if it exists)")
    args = parser.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench_tui_"))
    if not (workdir / "lib").exists():
        seconds = build_library(workdir, args.articles)
        print(f"built a {args.articles:,}-article library with Library.import_paths in {seconds:.1f} s")

    warm = run_child(workdir / "lib", 2)  # first run also warms the OS file cache
    runs, plain = [], []
    for _ in range(2):  # alternated: the app as shipped, and without loading the neighbours ahead
        runs.append(run_child(workdir / "lib", args.presses))
        plain.append(run_child(workdir / "lib", args.presses, prefetch=False))
    firsts = [float(r["first_article_s"]) for r in (warm, *runs)]
    text_ms = [v for r in runs for v in r["next_text_ms"]]
    full_ms = [v for r in runs for v in r["next_full_ms"]]
    plain_text = [v for r in plain for v in r["next_text_ms"]]
    plain_full = [v for r in plain for v in r["next_full_ms"]]
    peak = max(float(r["rss_peak_mb"]) for r in (warm, *runs, *plain))

    def p95(values: list[float]) -> float:
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    print(f"\nApp on {args.articles:,} articles (headless, 160x48), fresh process each run")
    print(
        f"  first article on screen: first run {firsts[0]:.2f} s, "
        f"then {', '.join(f'{f:.2f}' for f in firsts[1:])} s   (target <= 1.0 s)"
    )
    print(
        f"  j -> next article text shown: median {statistics.median(text_ms):.1f} ms, "
        f"p95 {p95(text_ms):.1f} ms   (target <= 30 ms, p95 <= 60 ms; n={len(text_ms)})"
    )
    print(
        f"  j -> next article with highlights (analysis computed): median "
        f"{statistics.median(full_ms):.1f} ms, p95 {p95(full_ms):.1f} ms"
    )
    print(
        f"  without prefetch (same run, alternated): text median {statistics.median(plain_text):.1f} ms, "
        f"p95 {p95(plain_text):.1f} ms; with highlights median {statistics.median(plain_full):.1f} ms, "
        f"p95 {p95(plain_full):.1f} ms"
    )
    print(
        f"  ratio no-prefetch / prefetch: text median "
        f"{statistics.median(plain_text) / statistics.median(text_ms):.1f}x, p95 "
        f"{p95(plain_text) / p95(text_ms):.1f}x; with highlights median "
        f"{statistics.median(plain_full) / statistics.median(full_ms):.1f}x"
    )
    print(f"  peak RSS: {peak:.0f} MB   (target <= 300 MB)")

    ours_100k = asyncio.run(list_scrolling(100_000, args.presses))
    ours_10k = asyncio.run(list_scrolling(10_000, args.presses))
    peer_10k = asyncio.run(listview_peer(10_000, min(args.presses, 5)))
    print(
        "\nArticle list, key -> drawn frame: virtualised line-API list vs Textual ListView "
        "(one widget per row)"
    )
    print(f"  {'':24}{'fill':>10}{'per j':>12}{'per PgDn':>12}{'End':>10}")
    rows = (
        ("ours, 100,000 rows", ours_100k),
        ("ours, 10,000 rows", ours_10k),
        ("ListView, 10,000 rows", peer_10k),
    )
    for name, r in rows:
        page = "n/a" if r["pagedown_ms"] != r["pagedown_ms"] else f"{r['pagedown_ms']:.1f}ms"
        end = "n/a" if r["end_ms"] != r["end_ms"] else f"{r['end_ms']:.1f}ms"
        print(f"  {name:24}{r['fill_s']:>9.2f}s{r['j_ms']:>10.1f}ms{page:>12}{end:>10}")
    for label, ours in (("ours(10k)", ours_10k), ("ours(100k)", ours_100k)):
        print(
            f"  ratio ListView(10k) / {label}: fill {peer_10k['fill_s'] / ours['fill_s']:.0f}x, "
            f"j {peer_10k['j_ms'] / ours['j_ms']:.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
