"""Benchmark the cross-article views (entity profiles, figure series, conflicts) on generated libraries.

The libraries are clones of the bundled sample articles: article i is sample (i mod 16)'s body with a
line "Copy i." appended (a new text, so a new id) and a publication date shifted by whole weeks. Their
analyses are the samples' real analyses, cloned: the benchmark's analyzer returns the sample's analysis
(its offsets stay valid, the appended line being at the end) instead of analysing 10,000 texts again.
The analyses are stored during the import, so the timings below measure only the cross-article work:

  first build   the first `series()` of a freshly opened library: every stored analysis read, every
                article digested, digests written to across/, the index built (1k and 10k: the ratio
                shows it is linear)
  reopen        the first `series()` of the library opened again: the series and conflicts read from
                across/views.cache (store/across_views.py), no digest read and no index built
  reopen index  then the first `entities()`: the digests read from across/ and the index built (what the
                first question of a new process cost before the views file, and still costs for the
                entity questions)
  profile       the first `entity_profile` of each of the three most mentioned entities (the slowest)
  cached calls  `entity_profile` again, `series()`, `conflicts()`, `find_entities("Kadhimi")`, with
                nothing changed since (median of 5)
The first 400 articles carry a highlight each, so the annotation shards exist as in a library in use.
  after a change one article deleted, then `series()` (the index rebuilt from the digests in memory)

    .venv/bin/python benchmarks/bench_across.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract import ANALYZER_VERSION, analyze
from extract.corrections import Corrections
from extract.model import Analysis
from store.ingest import ParsedArticle
from store.library import Library
from store.paths import samples_dir

ANNOTATED = 400


def sample_articles(folder: Path) -> list[ParsedArticle]:
    """The samples as the library stores them (imported once into a scratch library)."""
    with Library.open(folder) as library:
        return [
            ParsedArticle(
                path=f"/bench/samples/{meta.id}",
                title=meta.title,
                body=library.article(meta.id).body,
                published=meta.published,
                source=meta.source,
                dateline=meta.dateline,
                tags=meta.tags,
            )
            for meta in library.articles()
        ]


class ClonedAnalyzer:
    """Returns the sample's real analysis for a cloned text (analysed once per sample)."""

    def __init__(self, bases: list[ParsedArticle]) -> None:
        self.bases = {b.body: b for b in bases}
        self.cache: dict[str, Analysis] = {}

    def __call__(self, text: str, published: date | None, corrections: Corrections) -> Analysis:
        base = text.rsplit("\nCopy ", 1)[0]
        if base not in self.bases:
            return analyze(text, published, corrections)
        if base not in self.cache:
            self.cache[base] = analyze(base, self.bases[base].published, corrections)
        return self.cache[base]


def clones(bases: list[ParsedArticle], n: int) -> Iterator[ParsedArticle]:
    for i in range(n):
        base = bases[i % len(bases)]
        shift = timedelta(weeks=i // len(bases))
        yield ParsedArticle(
            path=f"/bench/across/{i:06d}.md",
            title=f"{base.title} ({i})",
            body=f"{base.body}\nCopy {i}.\n",
            published=(base.published + shift) if base.published else None,
            source=base.source,
            dateline=base.dateline,
            tags=base.tags,
        )


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    return statistics.median(timed(fn) for _ in range(runs)) * 1000


def measure(n: int, bases: list[ParsedArticle], scratch: Path) -> dict[str, float]:
    folder = scratch / f"lib-{n}"
    analyzer = ClonedAnalyzer(bases)
    options = {"import_samples": False, "analyzer": analyzer, "analyzer_version": f"bench-{ANALYZER_VERSION}"}
    with Library.open(folder, **options) as library:  # type: ignore[arg-type]
        started = time.perf_counter()
        library.import_articles(clones(bases, n), analyze=True, jobs=1)
        for meta in library.articles()[:ANNOTATED]:  # annotations in most shards, as in a library in use
            library.add_annotation(meta.id, 0, 10, "highlight", color="yellow")
        setup = time.perf_counter() - started
    results = {"setup": setup}
    with Library.open(folder, **options) as library:  # type: ignore[arg-type]
        results["first build"] = timed(library.series)
        facts = sum(len(d.facts) + len(d.figures) for d in library._across.index().digests)
        results["facts and figures"] = facts
    with Library.open(folder, **options) as library:  # type: ignore[arg-type]
        results["reopen"] = timed(library.series)
        results["reopen index"] = timed(library.entities)
        top = [s.key for s in library.entities()[:3]]
        results["profile first"] = max(timed(partial(library.entity_profile, key)) for key in top) * 1000
        results["profile"] = median_ms(lambda: library.entity_profile(top[0]))
        results["series"] = median_ms(library.series)
        results["conflicts"] = median_ms(library.conflicts)
        results["find"] = median_ms(lambda: library.find_entities("Kadhimi"))
        victim = library.articles()[0].id
        library.delete([victim])
        results["after a change"] = timed(library.series)
        results["series count"] = len(library.series())
        results["conflict count"] = len(library.conflicts())
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-across-"))
    try:
        bases = sample_articles(scratch / "samples")
        print(f"{len(bases)} sample articles from {samples_dir()}, cloned")
        rows = {n: measure(n, bases, scratch) for n in args.sizes}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for n, r in rows.items():
        print(
            f"\n{n:,} articles ({int(r['facts and figures']):,} facts and figures; {int(r['series count'])} "
            f"series, {int(r['conflict count'])} conflicts; setup {r['setup']:.1f} s)"
        )
        print(f"  first build          {r['first build']:.2f} s")
        print(f"  reopen (disk cache)  {r['reopen']:.2f} s")
        print(f"  reopen, first entities() (index built from the digests)  {r['reopen index']:.2f} s")
        print(f"  after one deletion   {r['after a change']:.2f} s")
        print(f"  first open of a profile (slowest of the top 3 entities)  {r['profile first']:.2f} ms")
        for name in ("profile", "series", "conflicts", "find"):
            print(f"  cached {name:<13} {r[name]:.2f} ms")
    if len(rows) >= 2:
        small, large = min(rows), max(rows)
        ratio = rows[large]["first build"] / rows[small]["first build"]
        per = rows[large]["facts and figures"] / rows[small]["facts and figures"]
        print(
            f"\nfirst build {large:,} / {small:,}: {ratio:.1f}x the time for {per:.1f}x the facts "
            "(linear: equal)"
        )
        worst = max(rows[large][k] for k in ("profile first", "profile", "series", "conflicts", "find"))
        print(f"slowest cached call at {large:,}: {worst:.2f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
