"""Each layer of the analyser in this work tree against an earlier revision's, by turns in one process.

`bench_versions.py` compares whole analyses; this times each layer (sentences, dates, entities, figures,
facts, then the whole `analyze`) of both versions on the same inputs, alternating, and prints CPU
milliseconds per article (best of `--repeat`) with the speed-up. Corpus: bench_import's generated ~4 KB
articles (`--corpus import`, the articles of the import target) or bench_analysis's corpus (`--corpus
analysis`: shorter articles, more dates). Each version's layers get the inputs its own earlier layers
made, as in `analyze`.

    python benchmarks/bench_layers.py main [--corpus import|analysis] [--repeat 7]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench_versions import ROOT, unpack_revision

Docs = list[tuple[str, date | None]]
LAYERS = ("sentences", "dates", "entities", "figures", "facts", "analyze")


def load_layers(root: Path) -> dict[str, Any]:
    """The layer functions of the `extract` under `root`, imported afresh."""
    for name in [n for n in sys.modules if n == "extract" or n.startswith("extract.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        modules = {
            name: importlib.import_module(f"extract.{name}")
            for name in ("sentences", "timex", "entities", "figures", "facts", "corrections")
        }
        whole = importlib.import_module("extract").analyze
    finally:
        sys.path.pop(0)
    return {
        "split": modules["sentences"].split_sentences,
        "dates": modules["timex"].find_dates,
        "entities": modules["entities"].find_entities,
        "figures": modules["figures"].find_figures,
        "facts": modules["facts"].build_facts,
        "analyze": whole,
        "none": modules["corrections"].NO_CORRECTIONS,
    }


def layer_runs(f: dict[str, Any], docs: Docs) -> dict[str, Callable[[], object]]:
    """One callable per layer running it over `docs`, on the inputs the earlier layers made."""
    sentences = [f["split"](t) for t, _ in docs]
    dates = [f["dates"](t, s, d) for (t, d), s in zip(docs, sentences, strict=True)]
    taken = [[(m.start, m.end) for m in ds] for ds in dates]
    rows = list(zip(docs, sentences, taken, strict=True))
    entities = [f["entities"](t, s, f["none"], k) for (t, _), s, k in rows]
    figures = [f["figures"](t, s, k) for (t, _), s, k in rows]
    facts_rows = list(zip(docs, sentences, dates, entities, figures, strict=True))
    return {
        "sentences": lambda: [f["split"](t) for t, _ in docs],
        "dates": lambda: [f["dates"](t, s, d) for (t, d), s in zip(docs, sentences, strict=True)],
        "entities": lambda: [f["entities"](t, s, f["none"], k) for (t, _), s, k in rows],
        "figures": lambda: [f["figures"](t, s, k) for (t, _), s, k in rows],
        "facts": lambda: [f["facts"](t, s, ds, es, fs, published=d) for (t, d), s, ds, es, fs in facts_rows],
        "analyze": lambda: [f["analyze"](t, d) for t, d in docs],
    }


def corpus(name: str) -> Docs:
    if name == "import":
        from bench_import import articles

        return [(a.body, a.published) for a in articles(300)]
    from bench_analysis import corpus as analysis_corpus

    return analysis_corpus(400_000)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("rev", help="the earlier revision (a commit, tag or branch)")
    parser.add_argument("--corpus", choices=("import", "analysis"), default="import")
    parser.add_argument("--repeat", type=int, default=7, help="turns for each version; the best counts")
    args = parser.parse_args()
    docs = corpus(args.corpus)
    with tempfile.TemporaryDirectory() as folder:
        unpack_revision(args.rev, Path(folder))
        runs = {
            args.rev: layer_runs(load_layers(Path(folder)), docs),
            "tree": layer_runs(load_layers(ROOT), docs),
        }
        best = {name: dict.fromkeys(LAYERS, float("inf")) for name in runs}
        for _ in range(args.repeat):
            for layer in LAYERS:
                for name, run in runs.items():
                    gc.collect()
                    started = time.process_time()
                    run[layer]()
                    best[name][layer] = min(best[name][layer], time.process_time() - started)
    per_article = {name: {k: v / len(docs) * 1000 for k, v in times.items()} for name, times in best.items()}
    chars = sum(len(t) for t, _ in docs)
    print(f"{args.corpus} corpus: {len(docs)} articles, {chars:,} characters")
    print(f"CPU ms per article, best of {args.repeat}, the two versions by turns in one process")
    print(f"  {'layer':<22}{args.rev:>10}{'tree':>10}{'speed-up':>10}")
    text_layers = ("sentences", "dates", "entities", "facts")
    rows = [*LAYERS, "all but figures"]
    for layer in rows:
        parts = text_layers if layer == "all but figures" else (layer,)
        before = sum(per_article[args.rev][p] for p in parts)
        after = sum(per_article["tree"][p] for p in parts)
        print(f"  {layer:<22}{before:10.3f}{after:10.3f}{before / after:9.2f}x")


if __name__ == "__main__":
    main()
