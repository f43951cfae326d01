"""The analyser of this work tree against an earlier revision's, alternated in one process.

Absolute speeds on shared machines move with the load more than the code does; two versions of `extract`
run turn about on the same corpus in the same process give a ratio that means something. The earlier
version is taken with `git archive REV extract` into a temporary folder (the revision must be in this
repository). Prints characters per CPU-second, best of `--repeat`, for each and the ratio.

    python benchmarks/bench_versions.py ba51afe          # the analyser at that commit vs the work tree
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench_analysis import corpus

ROOT = Path(__file__).resolve().parents[1]

Analyze = Callable[[str, date | None], Any]


def load_extract(root: Path) -> Analyze:
    """`extract.analyze` as found under `root`, imported afresh (earlier copies dropped from sys.modules)."""
    for name in [n for n in sys.modules if n == "extract" or n.startswith("extract.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module("extract")
    finally:
        sys.path.pop(0)
    analyze: Analyze = module.analyze
    return analyze


def unpack_revision(rev: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "extract"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def cpu_seconds(analyze: Analyze, docs: list[tuple[str, date | None]]) -> float:
    gc.collect()
    start = time.process_time()
    for text, published in docs:
        analyze(text, published)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("rev", help="the earlier revision (a commit, tag or branch)")
    parser.add_argument("--chars", type=int, default=400_000, help="corpus size (samples + generated)")
    parser.add_argument("--repeat", type=int, default=5, help="turns for each version; the best counts")
    args = parser.parse_args()
    docs = corpus(args.chars)
    chars = sum(len(text) for text, _ in docs)
    with tempfile.TemporaryDirectory() as folder:
        unpack_revision(args.rev, Path(folder))
        versions = {args.rev: load_extract(Path(folder)), "work tree": load_extract(ROOT)}
        for analyze in versions.values():  # warm up: word lists, compiled patterns
            for text, published in docs[:10]:
                analyze(text, published)
        best = {name: float("inf") for name in versions}
        for _ in range(args.repeat):
            for name, analyze in versions.items():
                best[name] = min(best[name], cpu_seconds(analyze, docs))
    print(f"corpus: {len(docs)} articles, {chars:,} characters; CPU time, best of {args.repeat}, alternating")
    for name, seconds in best.items():
        print(f"  {name:<12} {chars / seconds:>12,.0f} chars/s")
    print(f"work tree / {args.rev}: {best[args.rev] / best['work tree']:.2f}x the speed")


if __name__ == "__main__":
    main()
