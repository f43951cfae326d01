"""Linear time on hostile text: the whole analysis of 100 KB and of 1 MB of each adversarial input.

Each input repeats one short unit (a run of full stops, digits, commas, capitalised words, hyphens, "and",
brackets, dates, amounts, one endless sentence, ...) to the size asked. For each it times `analyze` plus
what the library does with the result (the JSON of `briefing analyze --json` and the entity keys of every
fact), prints both times, the ratio 1 MB / 100 KB and PASS when the ratio is within --max-ratio (15 by
default: linear work gives about 10), and the size of the JSON (which must grow linearly too). Times are
CPU seconds of this process (`time.process_time`, best of --repeat). Exit status 1 when an input fails.

    python benchmarks/bench_adversarial.py [--small 100000] [--large 1000000] [--repeat 3] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from datetime import date

from extract import analyze
from store.timeline import entity_keys

# name -> the unit repeated (cut to the exact size asked).
UNITS: dict[str, str] = {
    "one long sentence": "On March 3, 2021 the ministry said 4,500 people in Lagos and Acme Corp met, ",
    "full stops": ".",
    "! and ?": "!?",
    "ellipses": "…",
    "digits": "7",
    "commas": ",",
    "digit groups": "1,",
    "capitalised words": "Alpha ",
    "initials": "A. B. ",
    "dotted abbreviations": "U.S.",
    "hyphens": "-",
    "hyphenated words": "well-",
    "and": "and ",
    "names and names": "Smith and ",
    "open brackets": "(",
    "nested brackets": "([{",
    "quotes": '"',
    "spaced numbers": "12 ",
    "years": "2021 ",
    "month names": "March ",
    "dates": "March 3, 2021 ",
    "relative dates": "two years ago ",
    "number words": "twenty ",
    "percentages": "5% ",
    "amounts": "$1 ",
    "ranges": "3 to ",
    "between ... and": "between 3 and ",
    "times": "12:",
    "capitalised digits": "A1 ",
    "of-phrases": "the Bank of ",
    "dashes": "— ",
    "slashes": "1/",
    "spaces": " ",
    "line breaks": "\n",
    "one long word": "Abc",
    "web addresses": "http://a.b/c?d=1 ",
    "apostrophes": "O'",
    "dotted numbers": "1.5.",
    "mixed punctuation": "a.b,c;d:e!f?g",
}
PUBLISHED = date(2021, 1, 5)


def adversarial(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def run_once(text: str) -> tuple[float, int]:
    """CPU seconds for analysis, JSON and entity keys of `text`, and the JSON's length (the garbage of
    earlier runs collected first, so that it is not charged to this one)."""
    gc.collect()
    start = time.process_time()
    analysis = analyze(text, PUBLISHED)
    data = analysis.to_dict()
    for fact in analysis.facts:
        entity_keys(analysis.entities, fact.sentence.start, fact.sentence.end)
    size = len(json.dumps(data, ensure_ascii=False))
    return time.process_time() - start, size


def measure(text: str, repeat: int) -> tuple[float, int]:
    runs = [run_once(text) for _ in range(repeat)]
    return min(t for t, _ in runs), runs[0][1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=100_000, help="characters of the small input")
    parser.add_argument("--large", type=int, default=1_000_000, help="characters of the large input")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--max-ratio", type=float, default=15.0, help="largest large/small time ratio")
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME", help="inputs to run")
    args = parser.parse_args(argv)
    names = args.only or list(UNITS)
    print(f"{'input':22} {'small s':>8} {'large s':>8} {'ratio':>6} {'JSON ratio':>10}  result")
    failed = 0
    for name in names:
        small_t, small_size = measure(adversarial(UNITS[name], args.small), args.repeat)
        large_t, large_size = measure(adversarial(UNITS[name], args.large), args.repeat)
        ratio = large_t / max(small_t, 1e-3)
        size_ratio = large_size / max(small_size, 1)
        ok = ratio <= args.max_ratio and size_ratio <= args.max_ratio
        failed += not ok
        result = "PASS" if ok else "FAIL"
        print(f"{name:22} {small_t:8.2f} {large_t:8.2f} {ratio:6.1f} {size_ratio:10.1f}  {result}")
    print(f"{len(names) - failed} of {len(names)} inputs within {args.max_ratio:g}x")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
