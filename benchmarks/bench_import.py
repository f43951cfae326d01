"""Benchmark import with analysis: in this process (--jobs 1), in worker processes (--jobs 2) and without
analysis (--no-analyze), on the same generated articles, with this work tree's store and an earlier
revision's (`--baseline REV`, default 14a84cb) by turns, each import in a fresh process.

The articles are bench_library's generated ones (~3.5 KB of text) with a dated sentence added to each
paragraph (so each has dates, figures and facts, ~4 KB). Each mode imports them into a new library
(Library.import_articles, as `briefing import` does after reading the files); printed: articles/s of
each mode for both, the ratios, and the load average. Then, in this process, where an article's time
goes: the analysis's CPU time, and storing its result one at a time (as the baseline does) against in
groups (as `import` now does), with the share of fsync; and the cost of sending one analysis between
processes as the dict that is stored (what the workers send) against pickling the Analysis dataclasses.

    .venv/bin/python benchmarks/bench_import.py [--articles 400] [--runs 3] [--baseline REV|none]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from baseline import DEFAULT_BASELINE, code_path, load_average, run_child, unpack_store

CODE = code_path()

from bench_library import fake_articles  # noqa: E402  (this folder is on the path when run as a script)

from store.ingest import ParsedArticle  # noqa: E402
from store.library import Library  # noqa: E402

DATED = (
    " On 3 March 2021 the minister said exports rose 12 percent to 4.5 million tonnes.",
    " Officials said last week that the terminal would reopen in June.",
    " The agency reported 38,000 people displaced by 14 October 2022.",
    " Analysts expect growth of 2.1 percent next year.",
    " The council approved a budget of $120 million on Tuesday.",
)


def articles(n: int) -> list[ParsedArticle]:
    """bench_library's generated articles with one dated sentence per paragraph (~4 KB each)."""
    made = []
    for parsed in fake_articles(n, seed=19):
        title, *paragraphs = parsed.body.rstrip("\n").split("\n")
        body = title + "\n" + "\n".join(p + DATED[i % len(DATED)] for i, p in enumerate(paragraphs)) + "\n"
        made.append(replace(parsed, body=body))
    return made


MODES: dict[str, tuple[bool, int]] = {
    "--no-analyze": (False, 1),
    "--jobs 1": (True, 1),
    "--jobs 2": (True, 2),
}


def import_rate(items: list[ParsedArticle], work: Path, name: str, analyze: bool, jobs: int) -> float:
    """Articles per second of importing `items` into a new library."""
    folder = work / name
    with Library.open(folder, import_samples=False) as library:
        started = time.perf_counter()
        report = library.import_articles(items, analyze=analyze, jobs=jobs)
        elapsed = time.perf_counter() - started
    assert len(report.added) == len(items) and not report.warnings, report
    shutil.rmtree(folder)
    return len(items) / elapsed


def child(mode: str, n: int) -> None:
    """One import in this fresh process (the parent chose the store with BENCH_CODE); prints its rate."""
    import store

    analyze, jobs = MODES[mode]
    items = articles(n)
    work = Path(tempfile.mkdtemp(prefix="bench-import-child-"))
    try:
        rate = import_rate(items, work, "lib", analyze, jobs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"rate": rate, "store": store.__file__}))


def storing_costs(items: list[ParsedArticle], work: Path) -> dict[str, float]:
    """Milliseconds per article: the analysis's CPU time, and storing its result one at a time (the lock
    taken for each, as before) and as one group (as an import now does), with the time spent in fsync."""
    from extract import analyze

    started = time.process_time()
    made = [analyze(p.body, p.published).to_dict() for p in items]
    analysis_ms = (time.process_time() - started) / len(items) * 1000
    fsync_seconds = 0.0
    real_fsync = os.fsync

    def timed_fsync(fd: Any) -> None:
        nonlocal fsync_seconds
        t0 = time.perf_counter()
        real_fsync(fd)
        fsync_seconds += time.perf_counter() - t0

    result = {"analysis_ms": analysis_ms}
    for name in ("one_by_one", "grouped"):
        with Library.open(work / name, import_samples=False) as library:
            ids = library.import_articles(items, analyze=False).added
            analyses = library._analyses
            todo = []
            for aid, data in zip(ids, made, strict=True):
                doc = analyses.articles.doc(aid)
                key = analyses._key(doc, analyses.articles.body(doc))[0]
                todo.append((aid, analyses.files.analysis_file(aid), key, json.loads(json.dumps(data))))
            fsync_seconds = 0.0
            os.fsync = timed_fsync
            try:
                started = time.perf_counter()
                if name == "grouped":
                    analyses._store_group(todo)
                else:
                    for item in todo:
                        analyses._store_data(*item)
                elapsed = time.perf_counter() - started
            finally:
                os.fsync = real_fsync
        result[f"{name}_ms"] = elapsed / len(items) * 1000
        result[f"{name}_fsync_ms"] = fsync_seconds / len(items) * 1000
    return result


def transfer_costs(items: list[ParsedArticle], rounds: int = 20) -> tuple[float, float]:
    """Milliseconds per analysis to send it to another process and have it ready to store: (the dict:
    to_dict in the worker, pickle, unpickle) and (the dataclasses: pickle, unpickle, to_dict here)."""
    from extract import analyze

    analyses = [analyze(p.body, p.published) for p in items[:rounds]]
    started = time.perf_counter()
    for analysis in analyses:
        pickle.loads(pickle.dumps(analysis.to_dict(), protocol=pickle.HIGHEST_PROTOCOL))
    as_dict = (time.perf_counter() - started) / len(analyses) * 1000
    started = time.perf_counter()
    for analysis in analyses:
        pickle.loads(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)).to_dict()
    as_dataclasses = (time.perf_counter() - started) / len(analyses) * 1000
    return as_dict, as_dataclasses


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=400, help="generated articles per import")
    parser.add_argument("--runs", type=int, default=1, help="imports per mode and code (median)")
    parser.add_argument(
        "--baseline", default=DEFAULT_BASELINE, help="revision whose store to compare with ('none': skip)"
    )
    parser.add_argument("--child", choices=list(MODES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.articles)
        return 0
    items = articles(args.articles)
    size = statistics.mean(len(p.body.encode()) for p in items)
    print(f"{args.articles} generated articles of {size / 1024:.1f} KB on average; {os.cpu_count()} cores")
    print(f"load average at the start: {load_average()}")
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    script = Path(__file__).resolve()
    codes = {"ours": CODE}
    try:
        if args.baseline != "none":
            codes[args.baseline] = unpack_store(args.baseline, work / "baseline")
        rates: dict[str, dict[str, list[float]]] = {c: {m: [] for m in MODES} for c in codes}
        for _ in range(args.runs):
            for mode in MODES:
                for name, code in codes.items():  # by turns, so both see the same load
                    out = run_child(script, code, [f"--child={mode}", "--articles", str(args.articles)])
                    rates[name][mode].append(out["rate"])
        costs = storing_costs(items[:100], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average at the end: {load_average()}")
    median = {c: {m: statistics.median(v) for m, v in by_mode.items()} for c, by_mode in rates.items()}
    for name, by_mode in median.items():
        print(f"\n{name}:")
        for mode, rate in by_mode.items():
            versus = ""
            if name == "ours" and len(median) > 1:
                other = next(c for c in median if c != "ours")
                versus = f"  ({rate / median[other][mode]:.2f}x {other})"
            print(f"  import {mode:<12} {rate:8,.0f} articles/s{versus}")
        print(f"  --jobs 2 / --jobs 1:      {by_mode['--jobs 2'] / by_mode['--jobs 1']:.2f}x faster")
        print(f"  --no-analyze / --jobs 1:  {by_mode['--no-analyze'] / by_mode['--jobs 1']:.1f}x")
        print(f"  --no-analyze / --jobs 2:  {by_mode['--no-analyze'] / by_mode['--jobs 2']:.1f}x")
    print("\nper article (ours, in this process):")
    print(f"  analysis CPU time:                {costs['analysis_ms']:.2f} ms")
    for name, label in (("one_by_one", "one at a time (as before)"), ("grouped", "in one group (as now)")):
        print(
            f"  storing it, {label:<26}{costs[name + '_ms']:.2f} ms "
            f"(fsync {costs[name + '_fsync_ms']:.2f} ms)"
        )
    per_core = 1000 / (costs["analysis_ms"] + costs["grouped_ms"])
    print(f"  so one core analyses and stores at most {per_core:,.0f} articles/s")
    as_dict, as_dataclasses = transfer_costs(items)
    print(
        f"  one analysis between processes: as its dict {as_dict:.2f} ms, "
        f"as pickled dataclasses {as_dataclasses:.2f} ms (then made a dict to store)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
