"""Benchmark the library layout against a naive single-file TinyDB (JSONStorage) in the same run, and
opening it against an earlier revision's store.

Generates libraries of 10,000 (and with --with-100k, 100,000; with --with-300k, 300,000) articles of
~3 KB, then measures:
  open+list   Library.open + articles() on the generated library (fresh object each time)
  versus      open+list in fresh processes by turns: this work tree's store and `git archive REV store`
              (--baseline, default 14a84cb; several revisions: each in turn); median wall and CPU time
              and the peak memory (RSS) of each
  star        one set_starred: an annotation-sized, atomic, durable (fsynced) update
  annotate    one add_annotation (same)
  import      articles/s excluding analysis: in-memory articles for the whole library, and from files
  command     `briefing list` (output discarded) and `briefing --version` as fresh processes, against a
              bare interpreter start (`python -c pass`): what the command line adds to Python's own start
The peer stores everything (bodies, flags, annotations) in one TinyDB JSONStorage file, as a naive
program would; its updates are neither atomic nor fsynced, which favours it.

    .venv/bin/python benchmarks/bench_library.py [--with-100k] [--with-300k] [--runs 5]
        [--baseline REV...|none]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from baseline import DEFAULT_BASELINE, code_path, load_average, run_child, unpack_store

CODE = code_path()

from tinydb import TinyDB  # noqa: E402

from store.ingest import ParsedArticle  # noqa: E402
from store.library import Library  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

_VOCABULARY = (
    "minister port harbour council river flood ferry terminal cooperative tonnes barrels quarter "
    "spokesman announced officials said according report survey rose fell percent million billion "
    "week month season budget contract pipeline shelters displaced water solar grid electricity "
    "investment record growth decline forecast analysts agency statement government province city"
)
WORDS = tuple(_VOCABULARY.split())
SOURCES = ("Harbour Report", "Freight Daily", "Energy Monitor", "Science Brief", "Coast News")


def fake_articles(n: int, seed: int = 7) -> Iterator[ParsedArticle]:
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize() + f" {i}"
        paragraphs = [" ".join(rng.choice(WORDS) for _ in range(90)) + "." for _ in range(5)]
        body = title + "\n" + "\n".join(paragraphs) + "\n"
        yield ParsedArticle(
            path=f"/bench/articles/{i:06d}.md",
            title=title,
            body=body,
            published=start + timedelta(days=rng.randrange(3650)),
            source=rng.choice(SOURCES),
            dateline="Harbourtown",
            tags=(rng.choice(WORDS),),
        )


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median wall time in seconds."""
    return timed_cpu(fn, runs)[0]


def timed_cpu(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system of this process) in seconds.

    On a machine shared with other jobs the wall time includes waiting for a core; the CPU time is
    close to what the wall time is on an idle machine.
    """
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def build_library(folder: Path, n: int) -> tuple[float, list[str]]:
    """Import n generated articles (no analysis); returns (articles/s, ids)."""
    articles = list(fake_articles(n))
    with Library.open(folder, import_samples=False) as lib:
        t0 = time.perf_counter()
        report = lib.import_articles(articles, analyze=False)
        rate = n / (time.perf_counter() - t0)
        ids = report.added
        rng = random.Random(3)
        for aid in rng.sample(ids, min(200, len(ids))):  # some user state, like a library in use
            lib.set_starred(aid)
            lib.add_annotation(aid, 0, 20, "highlight", color="yellow")
    return rate, ids


def write_markdown(articles: Iterable[ParsedArticle], folder: Path) -> None:
    """Each article as a Markdown file with front matter (title, publication date, source) in `folder`,
    named as its path ends, as `briefing import` reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    for parsed in articles:
        header = f"---\ntitle: {parsed.title}\npublished: {parsed.published}\nsource: {parsed.source}\n---\n"
        (folder / Path(parsed.path).name).write_text(header + parsed.body, encoding="utf-8")


def file_import_rate(n: int, work: Path) -> float:
    src = work / "files"
    write_markdown(fake_articles(n, seed=11), src)
    with Library.open(work / "file-lib", import_samples=False) as lib:
        t0 = time.perf_counter()
        report = lib.import_paths([src], analyze=False)
        elapsed = time.perf_counter() - t0
    assert len(report.added) == n, report
    return n / elapsed


def build_peer(path: Path, n: int) -> list[int]:
    db = TinyDB(path)
    docs = []
    for parsed in fake_articles(n):
        docs.append(
            {
                "title": parsed.title,
                "published": parsed.published.isoformat() if parsed.published else None,
                "source": parsed.source,
                "dateline": parsed.dateline,
                "tags": list(parsed.tags),
                "path": parsed.path,
                "body": parsed.body,
                "read": False,
                "starred": False,
            }
        )
    ids = db.table("articles").insert_multiple(docs)
    db.table("annotations").insert_multiple(
        {"article": i, "start": 0, "end": 20, "kind": "highlight"} for i in ids[:200]
    )
    db.close()
    return ids


def peer_import_rate(n: int, work: Path) -> float:
    """A naive importer: one TinyDB insert (one whole-file rewrite) per article."""
    db = TinyDB(work / "peer-import.json")
    table = db.table("articles")
    t0 = time.perf_counter()
    for parsed in fake_articles(n, seed=11):
        table.insert({"title": parsed.title, "body": parsed.body, "path": parsed.path})
    elapsed = time.perf_counter() - t0
    db.close()
    return n / elapsed


def process_seconds(args: list[str], runs: int) -> float:
    """Median wall time of `python ARGS` as a fresh process (stdout discarded, must succeed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def once() -> None:
        subprocess.run([sys.executable, *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)

    return timed(once, runs)


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM, not ru_maxrss: that one keeps the parent's
    peak across fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_open(folder: str, runs: int) -> None:
    """Open+list `runs` times in this fresh process (the parent chose the store with BENCH_CODE); prints
    the wall and CPU times and the peak RSS."""
    import store

    times = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        with Library.open(folder, import_samples=False) as lib:
            count = len(lib.articles())
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    rss_mb = peak_rss_mb()
    print(json.dumps({"times": times, "count": count, "rss_mb": rss_mb, "store": store.__file__}))


def versus_baseline(folder: Path, runs: int, codes: dict[str, Path]) -> dict[str, dict[str, float]]:
    """Open+list in fresh processes, the variants by turns (see the module docstring)."""
    script = Path(__file__).resolve()
    variants = {"ours": CODE, **codes}
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    rss: dict[str, float] = {}
    for _ in range(runs):
        for name, code in variants.items():
            out = run_child(script, code, ["--child-open", str(folder)])
            found[name] += out["times"]
            rss[name] = max(rss.get(name, 0.0), out["rss_mb"])
    return {
        name: {
            "wall": statistics.median(t[0] for t in times),
            "cpu": statistics.median(t[1] for t in times),
            "rss_mb": rss[name],
        }
        for name, times in found.items()
    }


def bench_size(n: int, runs: int, work: Path, peer: bool, codes: dict[str, Path]) -> dict[str, Any]:
    folder = work / f"lib-{n}"
    t0 = time.perf_counter()
    import_rate, ids = build_library(folder, n)
    build_s = time.perf_counter() - t0
    rng = random.Random(5)

    def open_list() -> None:
        with Library.open(folder, import_samples=False) as lib:
            assert len(lib.articles()) == n

    with Library.open(folder, import_samples=False) as lib:
        star = timed(lambda: lib.set_starred(rng.choice(ids), True), runs * 4)
        annotate = timed(lambda: lib.add_annotation(rng.choice(ids), 5, 30, "note", note="check"), runs * 4)
    open_wall, open_cpu = timed_cpu(open_list, runs)
    list_process = process_seconds(["-m", "cli.main", "--library", str(folder), "list"], runs)
    result: dict[str, Any] = {
        "versus": versus_baseline(folder, runs, codes),
        "build_s": build_s,
        "import_per_s": import_rate,
        "open_list_s": open_wall,
        "open_list_cpu_s": open_cpu,
        "star_ms": star * 1000,
        "annotate_ms": annotate * 1000,
        "list_process_s": list_process,
    }
    if peer:
        peer_path = work / f"peer-{n}.json"
        peer_ids = build_peer(peer_path, n)

        def peer_open_list() -> None:
            db = TinyDB(peer_path)
            assert len(db.table("articles").all()) == n
            db.close()

        db = TinyDB(peer_path)
        table, notes = db.table("articles"), db.table("annotations")
        result["peer_open_list_s"] = timed(peer_open_list, runs)
        result["peer_star_ms"] = (
            timed(lambda: table.update({"starred": True}, doc_ids=[rng.choice(peer_ids)]), runs) * 1000
        )
        result["peer_annotate_ms"] = (
            timed(lambda: notes.insert({"article": rng.choice(peer_ids), "start": 5, "end": 30}), runs) * 1000
        )
        db.close()
    shutil.rmtree(folder, ignore_errors=True)
    return result


def ratio(ours: float, theirs: float | None, higher_is_better: bool = False) -> str:
    if theirs is None:
        return ""
    factor = ours / theirs if higher_is_better else theirs / ours
    return (
        f"  ({factor:,.1f}x better than the single-file TinyDB peer)" if factor >= 1 else f"  ({factor:.2f}x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--with-100k", action="store_true", help="also build and measure 100,000 articles")
    parser.add_argument("--peer-100k", action="store_true", help="also build the peer at 100,000 (~4 GB RAM)")
    parser.add_argument("--runs", type=int, default=3, help="repetitions per measurement (median)")
    parser.add_argument("--files", type=int, default=2000, help="articles for the from-files import rate")
    parser.add_argument("--with-300k", action="store_true", help="also build and measure 300,000 articles")
    parser.add_argument(
        "--baseline",
        nargs="+",
        default=[DEFAULT_BASELINE],
        help="revisions whose store to compare with ('none': skip)",
    )
    parser.add_argument("--child-open", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_open:
        child_open(args.child_open, 1)
        return 0
    sizes = [10_000] + ([100_000] if args.with_100k else []) + ([300_000] if args.with_300k else [])
    work = Path(tempfile.mkdtemp(prefix="bench-library-"))
    print(f"load average at the start: {load_average()}")
    try:
        codes = (
            {}
            if args.baseline == ["none"]
            else {rev: unpack_store(rev, work / f"baseline-{rev}") for rev in args.baseline}
        )
        rate_files = file_import_rate(args.files, work)
        peer_rate = peer_import_rate(min(args.files, 500), work)
        versus = ratio(rate_files, peer_rate, True)
        print(f"import from {args.files} files (no analysis): {rate_files:,.0f} articles/s{versus}")
        print(f"  peer: {peer_rate:,.0f} articles/s (one insert per article, 500 articles)")
        bare = process_seconds(["-c", "pass"], args.runs * 3)
        version = process_seconds(["-m", "cli.main", "--version"], args.runs * 3)
        print(f"briefing --version (fresh process): {version:.3f} s; bare interpreter: {bare:.3f} s")
        for n in sizes:
            r = bench_size(n, args.runs, work, peer=(n <= 10_000 or args.peer_100k), codes=codes)
            print(f"\n{n:,} articles (built in {r['build_s']:.1f} s)")
            print(f"  import in memory (no analysis): {r['import_per_s']:,.0f} articles/s")
            versus = ratio(r["open_list_s"], r.get("peer_open_list_s"))
            print(f"  open+list:  {r['open_list_s']:.3f} s (CPU {r['open_list_cpu_s']:.3f} s){versus}")
            print(f"  star:       {r['star_ms']:.1f} ms{ratio(r['star_ms'], r.get('peer_star_ms'))}")
            print(
                f"  annotate:   {r['annotate_ms']:.1f} ms{ratio(r['annotate_ms'], r.get('peer_annotate_ms'))}"
            )
            print(
                f"  briefing list (fresh process): {r['list_process_s']:.3f} s "
                f"(bare interpreter: {bare:.3f} s)"
            )
            ours = r["versus"]["ours"]
            for name, v in r["versus"].items():
                versus = "" if name == "ours" else f"  (ours: {v['wall'] / ours['wall']:.2f}x faster)"
                print(
                    f"  open+list, fresh process, {name + ':':<21} {v['wall']:.3f} s (CPU {v['cpu']:.3f} s), "
                    f"peak RSS {v['rss_mb']:,.0f} MB{versus}"
                )
            if "peer_open_list_s" in r:
                print(
                    f"  peer: open+list {r['peer_open_list_s']:.3f} s, star {r['peer_star_ms']:.1f} ms, "
                    f"annotate {r['peer_annotate_ms']:.1f} ms (not atomic, not fsynced)"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at the end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
