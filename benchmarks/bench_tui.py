"""Benchmark of the reader app on a generated 10,000-article library.

Measures, and prints with ratios against a peer measured in the same run:
  1. cold start: time from process start (fresh interpreter) to the first article's text on screen, and
     the process's CPU time until then (all threads); the child imports what `briefing` imports. Python
     caches compiled modules (`__pycache__`) unless PYTHONDONTWRITEBYTECODE is set, as it is on the
     machines these sessions run on: there every start compiled every module of ours again (about 0.1 s
     of CPU), which an installed app does not. The children therefore keep their compiled modules in a
     folder of their own (PYTHONPYCACHEPREFIX, filled by the first run); `--no-bytecode-cache` measures
     the start that compiles everything each time;
  2. `j` in the article list: time until the frame showing the next article is drawn (and the one with its
     highlights), and the CPU time the UI thread spent on it (key handling, the reader, list and timeline
     updates, Textual's compositor) beside the CPU of the worker threads meanwhile (the machine is
     shared: CPU time moves less with the load than wall time); this tree's app and the `tui` of a
     baseline revision (`--baseline`) by turns, each run in a fresh process;
  3. peak RSS of the app process;
  4. the article list at 100,000 entries (virtualised line-API list) against Textual's ListView with
     10,000 items (one widget per row): time to fill, time per key press.
Targets (issues 5, 15): first article <= 1.0 s cold at 10k; next article median <= 30 ms, p95 <= 60 ms;
peak RSS <= 300 MB.

Usage: python benchmarks/bench_tui.py [--articles 10000] [--presses 30] [--runs 2] [--keep PATH]
                                      [--baseline REV|none] [--no-bytecode-cache]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from baseline import bytecode_note, load_average, with_bytecode_cache  # noqa: E402  (benchmarks/baseline.py, beside this script)

BASELINE = "f2eb7c7"  # main before issue 15's next-article work (the reader drawn ahead, calmer workers)

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
# Its one argument is a JSON object: library, t0 (the parent's clock when it started the child), code (the
# folder whose `tui` to import: this work tree or the baseline revision's), presses, prefetch.
CHILD = r"""
import json, resource, sys, time, asyncio
config = json.loads(sys.argv[1])
sys.path.insert(0, config["root"])
sys.path.insert(0, config["code"])  # its `tui` first (the rest from the work tree)
import cli.main
cli.main.build_parser(cli.main.needed_modules([]))  # what `briefing` imports before it launches the app
from store.library import Library
from tui.app import BriefingApp

library = Library.open(config["library"], import_samples=False, session=True)
app = BriefingApp(library, cursor_blink=False)
result = {}

def shown() -> None:
    result["first_article_s"] = time.time() - config["t0"]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["first_article_cpu_s"] = usage.ru_utime + usage.ru_stime
    result["rss_first_mb"] = usage.ru_maxrss / 1024
    app.exit()

app.first_article_shown = shown
app.run(headless=True, size=(160, 48))


def clocks() -> tuple[float, float, float]:
    return time.perf_counter(), time.thread_time(), time.process_time()


async def next_article() -> None:
    from textual import events
    app2 = BriefingApp(library, cursor_blink=False)
    app2.prefetch = config["prefetch"]
    waits: dict[str, tuple[str, asyncio.Future]] = {}  # "text"/"full" -> (article id, future)

    def drawn(kind: str) -> None:
        # the frame holding the change is on screen: the clocks are read in this callback itself
        if kind in waits and not waits[kind][1].done():
            waits[kind][1].set_result(clocks())

    def watch(name: str, kind: str) -> None:
        # the reader's own methods, wrapped: no polling loop beside the app on its event loop
        reader = app2.reader
        original = getattr(reader, name)

        def wrapped(*args, **kwargs):
            out = original(*args, **kwargs)
            if kind in waits and reader.article_id == waits[kind][0]:
                if kind == "full" or reader.has_text:
                    app2.call_after_refresh(drawn, kind)
            return out

        setattr(reader, name, wrapped)

    rows = []
    async with app2.run_test(size=(160, 48)) as pilot:
        await app2.workers.wait_for_complete()
        await pilot.pause()
        for name, kind in (("show_article", "text"), ("_apply_lines", "text"), ("show_analysis", "full"),
                           ("show_analysis_error", "full")):
            watch(name, kind)
        loop = asyncio.get_running_loop()
        for _ in range(config["presses"]):
            target = app2.article_list.rows[app2.article_list.cursor + 1].id
            waits["text"] = (target, loop.create_future())
            waits["full"] = (target, loop.create_future())
            wall0, cpu0, proc0 = clocks()
            app2._driver.send_message(events.Key("j", "j"))
            wall1, cpu1, proc1 = await waits["text"][1]
            wall2, _, _ = await waits["full"][1]
            rows.append({
                "text_ms": (wall1 - wall0) * 1000,
                "full_ms": (wall2 - wall0) * 1000,
                "cpu_ms": (cpu1 - cpu0) * 1000,  # the UI thread, key to drawn frame
                "other_cpu_ms": ((proc1 - proc0) - (cpu1 - cpu0)) * 1000,  # worker threads meanwhile
            })
            waits.clear()
            await asyncio.sleep(0.05)
    result["presses"] = rows

asyncio.run(next_article())
result["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
library.close()
print(json.dumps(result))
"""


def unpack_tui(rev: str, into: Path) -> Path:
    """`git archive REV tui` unpacked into `into` (the app of that revision over this tree's store)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "tui"], check=True, capture_output=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_child(
    library: Path, presses: int, code: Path = ROOT, prefetch: bool = True, env: dict[str, str] | None = None
) -> dict[str, Any]:
    config = {
        "library": str(library),
        "t0": time.time(),
        "root": str(ROOT),
        "code": str(code),
        "presses": presses,
        "prefetch": prefetch,
    }
    command = [sys.executable, "-c", CHILD, json.dumps(config)]
    out = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
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


def percentile95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def summary(runs: list[dict[str, Any]], key: str) -> tuple[float, float]:
    """Median and p95 of one measure over every press of `runs`."""
    values = [float(press[key]) for run in runs for press in run["presses"]]
    return statistics.median(values), percentile95(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--runs", type=int, default=2, help="runs of each side, alternated")
    parser.add_argument("--keep", type=Path, help="build the library here (reused if it exists)")
    parser.add_argument(
        "--baseline", default=BASELINE, help="revision whose tui to compare with, by turns ('none': skip)"
    )
    parser.add_argument("--no-list", action="store_true", help="skip the article list's peer (ListView)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="children compile every module at each start when PYTHONDONTWRITEBYTECODE is set",
    )
    args = parser.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench_tui_"))
    if not (workdir / "lib").exists():
        seconds = build_library(workdir, args.articles)
        print(f"built a {args.articles:,}-article library with Library.import_paths in {seconds:.1f} s")
    sides: dict[str, Path] = {"this tree": ROOT}
    if args.baseline != "none":
        sides[f"tui of {args.baseline}"] = unpack_tui(
            args.baseline, Path(tempfile.mkdtemp(prefix="bench_tui_base_"))
        )

    cache = None if args.no_bytecode_cache else Path(tempfile.mkdtemp(prefix="bench_tui_pycache_"))
    env = with_bytecode_cache(dict(os.environ), cache)
    load_before = load_average()
    warm = run_child(workdir / "lib", 2, env=env)  # first run also warms the OS file cache (and compiles)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in sides}
    for _ in range(args.runs):  # by turns: the load moves, the ratio means something
        for name, code in sides.items():
            runs[name].append(run_child(workdir / "lib", args.presses, code, env=env))
    firsts = [float(r["first_article_s"]) for r in (warm, *runs["this tree"])]
    first_cpus = [float(r["first_article_cpu_s"]) for r in (warm, *runs["this tree"])]
    peak = max(float(r["rss_peak_mb"]) for r in (warm, *(r for side in runs.values() for r in side)))

    print(f"\nApp on {args.articles:,} articles (headless, 160x48), fresh process each run")
    print(f"  load average: {load_before} before, {load_average()} after (2 cores)")
    compiling = bytecode_note(cache)
    print(
        f"  first article on screen: first run {firsts[0]:.2f} s, "
        f"then {', '.join(f'{f:.2f}' for f in firsts[1:])} s   (target <= 1.0 s)"
    )
    print(
        f"    CPU of the process until then: {first_cpus[0]:.2f} s, then "
        f"{', '.join(f'{c:.2f}' for c in first_cpus[1:])} s; {compiling}"
    )
    for name in sides:  # the same starts, side by side (the first run, which warms the caches, left out)
        walls = [float(r["first_article_s"]) for r in runs[name]]
        cpus = [float(r["first_article_cpu_s"]) for r in runs[name]]
        print(
            f"    {name:22} best {min(walls):.2f} s (CPU {min(cpus):.2f} s), "
            f"median {statistics.median(walls):.2f} s (CPU {statistics.median(cpus):.2f} s)"
        )
    print(
        f"  j in the list, {args.runs} x {args.presses} presses a side "
        "(target: text median <= 30 ms, p95 <= 60 ms)"
    )
    print(f"  {'':22}{'text on screen':>22}{'with highlights':>22}{'UI-thread CPU':>20}{'workers CPU':>14}")
    figures: dict[str, dict[str, tuple[float, float]]] = {}
    for name in sides:
        figures[name] = {k: summary(runs[name], k) for k in ("text_ms", "full_ms", "cpu_ms", "other_cpu_ms")}
        f = figures[name]
        print(
            f"  {name:22}{f['text_ms'][0]:>9.1f} / {f['text_ms'][1]:5.1f} ms"
            f"{f['full_ms'][0]:>9.1f} / {f['full_ms'][1]:5.1f} ms"
            f"{f['cpu_ms'][0]:>7.1f} / {f['cpu_ms'][1]:5.1f} ms{f['other_cpu_ms'][0]:>11.1f} ms"
        )
    print("  (median / p95; CPU: time.thread_time of the UI thread from the key to the drawn frame, and the")
    print("   process's other threads over the same interval, medians)")
    if len(sides) > 1:
        here, base = figures["this tree"], figures[next(n for n in sides if n != "this tree")]
        print(
            f"  ratio baseline / this tree: text median {base['text_ms'][0] / here['text_ms'][0]:.2f}x, "
            f"p95 {base['text_ms'][1] / here['text_ms'][1]:.2f}x; UI-thread CPU median "
            f"{base['cpu_ms'][0] / here['cpu_ms'][0]:.2f}x; with highlights median "
            f"{base['full_ms'][0] / here['full_ms'][0]:.2f}x"
        )
    print(f"  peak RSS: {peak:.0f} MB   (target <= 300 MB)")
    if args.no_list:
        return 0

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
