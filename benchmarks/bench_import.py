"""Benchmark import with analysis: in this process (--jobs 1), in worker processes (--jobs 2) and without
analysis (--no-analyze), in the same run, on the same generated articles.

The articles are bench_library's generated ones (~3.5 KB of text) with a dated sentence added to each
paragraph (so each has dates, figures and facts, ~4 KB). Each mode imports them into a new library
(Library.import_articles, as `briefing import` does after reading the files); printed: articles/s and the
ratios between the modes. Also measured: the cost of sending one analysis between processes as the dict
that is stored (what the workers send) against pickling the Analysis dataclasses.

    .venv/bin/python benchmarks/bench_import.py [--articles 400] [--runs 1]
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_library import fake_articles  # this folder is on the path when run as a script

from store.ingest import ParsedArticle
from store.library import Library

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
    parser.add_argument("--runs", type=int, default=1, help="imports per mode (median)")
    args = parser.parse_args()
    items = articles(args.articles)
    size = statistics.mean(len(p.body.encode()) for p in items)
    print(f"{args.articles} generated articles of {size / 1024:.1f} KB on average")
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    modes = {
        "--no-analyze": (False, 1),
        "--jobs 1": (True, 1),
        "--jobs 2": (True, 2),
    }
    try:
        rates = {
            mode: statistics.median(
                import_rate(items, work, f"{n}-{run}", analyze, jobs) for run in range(args.runs)
            )
            for n, (mode, (analyze, jobs)) in enumerate(modes.items())
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for mode, rate in rates.items():
        print(f"  import {mode:<12} {rate:8,.0f} articles/s")
    print(f"  --jobs 2 / --jobs 1:      {rates['--jobs 2'] / rates['--jobs 1']:.2f}x faster")
    print(
        f"  --no-analyze / --jobs 1:  {rates['--no-analyze'] / rates['--jobs 1']:.1f}x (the cost of analysis)"
    )
    print(f"  --no-analyze / --jobs 2:  {rates['--no-analyze'] / rates['--jobs 2']:.1f}x")
    as_dict, as_dataclasses = transfer_costs(items)
    print(
        f"  one analysis between processes: as its dict {as_dict:.2f} ms, "
        f"as pickled dataclasses {as_dataclasses:.2f} ms (then made a dict to store)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
