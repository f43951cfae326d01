"""Throughput of the analysis engine, per stage, against dateparser's `search_dates` in the same run.

Corpus: the bundled sample_articles/ plus articles generated from news templates (deterministic seed),
about 1 MB of text. Prints characters per second for each stage (sentences, dates, entities, figures,
facts; entity/figure stages only when those layers import), for the date layer (sentences + dates) and
for the whole `analyze`, then dateparser on a slice of the same corpus and the speed ratio. Times are CPU
seconds of this process (`time.process_time`, best of --repeat), so other work on a shared machine
disturbs them far less than wall-clock time would.

    python benchmarks/bench_analysis.py [--target-chars 1000000] [--repeat 3] [--peer-chars 60000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from extract.corrections import NO_CORRECTIONS
from extract.facts import build_facts
from extract.model import Entity, Figure
from extract.sentences import split_sentences
from extract.timex import find_dates

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"

_TEMPLATES = (
    "{city}, {region} — Officials said on {weekday} that {count:,} residents had left since {month} {day}, "
    "and that about {pct}% of homes were damaged.",
    "The ministry will review the plan in the coming weeks, a spokesman told reporters {rel}.",
    "In {month} {year}, the company reported revenue of ${money} million, up from a year earlier.",
    "Prices have risen by roughly {pct} percent over the past {n} months, according to the central bank.",
    "The {ordinal} phase is due to start in early {year2} and last about {n} years.",
    "Talks between the two governments collapsed last week after {n} days of negotiations in {city}.",
    "The council meets every {weekday} and publishes its figures monthly.",
    "By {month} {day}, the agency expects to have delivered {count:,} tonnes of aid to {region}.",
    "Shelling resumed at {hour}:{minute:02d} a.m. on {weekday}, witnesses said, hours after the truce.",
    "Exports fell in the third quarter, the lowest since the 1990s, and analysts see a recovery next year.",
)
_CITIES = ("Geneva", "Lagos", "Hanoi", "Quito", "Tbilisi", "Perth", "Oslo", "Dakar", "Lima", "Baku")
_REGIONS = ("the north", "the delta", "the coastal provinces", "the capital region", "the highlands")
_MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October", "Nov.")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELS = ("yesterday", "on Tuesday", "this morning", "earlier this month", "last month")
_ORDINALS = ("first", "second", "third", "final")


def generated(count: int, seed: int = 7) -> list[tuple[str, date]]:
    """`count` template articles of ~10 sentences with their publication dates."""
    rng = random.Random(seed)
    out: list[tuple[str, date]] = []
    for _ in range(count):
        sentences = [
            rng.choice(_TEMPLATES).format(
                city=rng.choice(_CITIES).upper() if i == 0 else rng.choice(_CITIES),
                region=rng.choice(_REGIONS),
                weekday=rng.choice(_WEEKDAYS),
                count=rng.randrange(100, 90000),
                month=rng.choice(_MONTHS),
                day=rng.randrange(1, 29),
                pct=rng.randrange(2, 60),
                rel=rng.choice(_RELS),
                year=rng.randrange(1995, 2024),
                year2=rng.randrange(2024, 2030),
                money=round(rng.uniform(1, 900), 1),
                n=rng.randrange(2, 12),
                ordinal=rng.choice(_ORDINALS),
                hour=rng.randrange(1, 12),
                minute=rng.randrange(0, 60),
            )
            for i in range(10)
        ]
        out.append((" ".join(sentences), date(2015, 1, 1) + timedelta(days=rng.randrange(0, 3650))))
    return out


def corpus(target_chars: int) -> list[tuple[str, date | None]]:
    docs: list[tuple[str, date | None]] = []
    for path in sorted(SAMPLES.glob("*")):
        if path.suffix in (".md", ".txt"):
            docs.append((path.read_text(encoding="utf-8"), date(2021, 1, 5)))
    size = sum(len(t) for t, _ in docs)
    seed = 0
    while size < target_chars:
        batch = generated(100, seed=seed)
        docs.extend(batch)
        size += sum(len(t) for t, _ in batch)
        seed += 1
    return docs


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peer-chars", type=int, default=60_000, help="corpus slice given to dateparser")
    args = parser.parse_args()

    docs = corpus(args.target_chars)
    chars = sum(len(t) for t, _ in docs)
    print(f"corpus: {len(docs)} articles, {chars:,} characters (samples + generated); best of {args.repeat}")

    sentences = [split_sentences(t) for t, _ in docs]
    dates = [find_dates(t, s, d) for (t, d), s in zip(docs, sentences, strict=True)]
    taken = [[(m.start, m.end) for m in ds] for ds in dates]
    stages: dict[str, float] = {}
    stages["sentences"] = best_of(args.repeat, lambda: [split_sentences(t) for t, _ in docs])
    stages["dates"] = best_of(
        args.repeat, lambda: [find_dates(t, s, d) for (t, d), s in zip(docs, sentences, strict=True)]
    )
    entities: list[list[Entity]] = [[] for _ in docs]
    figures: list[list[Figure]] = [[] for _ in docs]
    try:
        from extract.entities import find_entities

        entities = [
            list(find_entities(t, s, NO_CORRECTIONS, k))
            for (t, _), s, k in zip(docs, sentences, taken, strict=True)
        ]
        stages["entities"] = best_of(
            args.repeat,
            lambda: [
                find_entities(t, s, NO_CORRECTIONS, k)
                for (t, _), s, k in zip(docs, sentences, taken, strict=True)
            ],
        )
    except ImportError as exc:
        print(f"entities stage skipped ({exc})")
    try:
        from extract.figures import find_figures

        figures = [list(find_figures(t, s, k)) for (t, _), s, k in zip(docs, sentences, taken, strict=True)]
        stages["figures"] = best_of(
            args.repeat,
            lambda: [find_figures(t, s, k) for (t, _), s, k in zip(docs, sentences, taken, strict=True)],
        )
    except ImportError as exc:
        print(f"figures stage skipped ({exc})")
    stages["facts"] = best_of(
        args.repeat,
        lambda: [
            build_facts(t, s, ds, es, fs, published=d)
            for (t, d), s, ds, es, fs in zip(docs, sentences, dates, entities, figures, strict=True)
        ],
    )
    for name, seconds in stages.items():
        print(f"  {name:<10} {chars / seconds:>14,.0f} chars/s   ({seconds * 1000:8.1f} ms)")
    date_layer = stages["sentences"] + stages["dates"]
    print(f"  {'date layer':<10} {chars / date_layer:>14,.0f} chars/s   (sentences + dates; target 500,000)")
    whole_rate = None
    try:
        from extract import analyze

        whole = best_of(args.repeat, lambda: [analyze(t, d) for t, d in docs])
        whole_rate = chars / whole
        print(f"  {'analyze':<10} {whole_rate:>14,.0f} chars/s   ({whole * 1000:8.1f} ms, whole pipeline)")
    except ImportError as exc:
        print(f"analyze skipped ({exc})")

    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: peer comparison skipped (pip install dateparser to compare)")
        return
    peer_docs: list[tuple[str, date | None]] = []
    size = 0
    for text, day in docs:
        if size >= args.peer_chars:
            break
        peer_docs.append((text, day))
        size += len(text)
    search_dates("warm up on Monday", languages=["en"])
    t0 = time.process_time()
    for text, _ in peer_docs:
        search_dates(text, languages=["en"])
    peer = size / (time.process_time() - t0)
    ours = size / best_of(args.repeat, lambda: [find_dates(t, split_sentences(t), d) for t, d in peer_docs])
    print(f"dateparser search_dates on the first {size:,} chars: {peer:,.0f} chars/s")
    print(f"date layer on the same slice: {ours:,.0f} chars/s  -> {ours / peer:,.1f}x dateparser")
    if whole_rate is not None:
        print(f"whole analyze vs dateparser dates only: {whole_rate / peer:,.1f}x")


if __name__ == "__main__":
    main()
