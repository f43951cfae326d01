"""Benchmark import with analysis: in this process (--jobs 1), in worker processes (--jobs 2) and without
analysis (--no-analyze), on the same generated articles, with this work tree's store and an earlier
revision's (`--baseline REV`, default 14a84cb) by turns, each import in a fresh process; with more than
one run, also the ratio of `--no-analyze` to `--jobs 2` run by run (the two run one after the other).

The articles are bench_library's generated ones (~3.5 KB of text) with a dated sentence added to each
paragraph (so each has dates, figures and facts, ~4 KB). Each mode imports them into a new library
(Library.import_articles, as `briefing import` does after reading the files); printed: articles/s of each
mode for both, the ratios, the CPU time per article of the importing process (the single writer) and of
its worker processes, the share of the cores they kept busy (CPU time over wall time x cores; on a shared
machine the rest is partly the others' share), and the load average and what creating a file costs the
kernel at the start and at the end (it moves tenfold within minutes on shared machines). Then, in this
process, where an article's time goes: the analysis's CPU time, and storing its result one at a time (as
the baseline does) against in groups (as `import` now does), with the share of the waits for the disk
(fsync, or a group's one sync on Linux); and the cost of making one analysis ready to write in the worker
(the file's bytes, which the workers now write to its temporary file, and its facts index entry) and
sending it, against sending its dict for the writer to make ready. Last, the command itself as a user runs
it, ours only: `briefing import FOLDER` of the same articles written as Markdown files, in a fresh process
for each mode (Python's start, reading and parsing the files included), with the ratio run by run. The
children keep compiled modules as an installed app does (`--no-bytecode-cache`: compiled again in each,
see baseline.py).

    .venv/bin/python benchmarks/bench_import.py [--articles 400] [--runs 3] [--baseline REV|none]
                                               [--no-bytecode-cache] [--no-jobs-1]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from baseline import (
    DEFAULT_BASELINE,
    bytecode_note,
    code_path,
    load_average,
    precompile,
    run_child,
    unpack_store,
    with_bytecode_cache,
)

CODE = code_path()

from bench_library import fake_articles, write_markdown  # noqa: E402  (this folder is on the path when run as a script)

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


# --no-analyze and --jobs 2 run one after the other, so that each run's ratio of the two compares
# imports made under the same load (the machine's speed, its file creation most of all, moves by tens
# of percent within minutes).
MODES: dict[str, tuple[bool, int]] = {
    "--no-analyze": (False, 1),
    "--jobs 2": (True, 2),
    "--jobs 1": (True, 1),
}


def import_rate(
    items: list[ParsedArticle], work: Path, name: str, analyze: bool, jobs: int
) -> tuple[float, float, float, float]:
    """Articles per second of importing `items` into a new library, the CPU milliseconds per article
    of this process and of its worker processes (those that ended during the import), and its seconds."""
    folder = work / name
    with Library.open(folder, import_samples=False) as library:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time()
        started = time.perf_counter()
        report = library.import_articles(items, analyze=analyze, jobs=jobs)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert len(report.added) == len(items) and not report.warnings, report
    shutil.rmtree(folder)
    workers = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return len(items) / elapsed, cpu / len(items) * 1000, workers / len(items) * 1000, elapsed


def child(mode: str, n: int) -> None:
    """One import in this fresh process (the parent chose the store with BENCH_CODE); prints its rate."""
    import store

    analyze, jobs = MODES[mode]
    items = articles(n)
    work = Path(tempfile.mkdtemp(prefix="bench-import-child-"))
    try:
        rate, writer_ms, workers_ms, elapsed = import_rate(items, work, "lib", analyze, jobs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # The share of the machine's cores the import kept busy (its CPU time over wall time x cores).
    busy = (writer_ms + workers_ms) * n / 1000 / (elapsed * (os.cpu_count() or 1))
    found = {
        "rate": rate,
        "writer_ms": writer_ms,
        "workers_ms": workers_ms,
        "busy": busy,
        "store": store.__file__,
    }
    print(json.dumps(found))


# The flags of `briefing import` for each mode (--jobs 2 named, as the machine's default may differ).
FLAGS: dict[str, list[str]] = {
    "--no-analyze": ["--no-analyze"],
    "--jobs 2": ["--jobs", "2"],
    "--jobs 1": ["--jobs", "1"],
}


def command_times(
    items: list[ParsedArticle], work: Path, runs: int, modes: list[str], cache: Path | None
) -> dict[str, list[tuple[float, float]]]:
    """The command as a user runs it: `briefing --library LIB import FOLDER` of `items` written as Markdown
    files, each run in a fresh process (Python's start, reading and parsing the files included) into a
    new empty library (made beforehand without the sample briefings, which a new library would import
    first), the modes one after the other in each run. Per mode, each run's wall seconds and CPU seconds
    (the command's and its worker processes')."""
    folder = work / "files"
    write_markdown(items, folder)
    env = with_bytecode_cache(dict(os.environ), cache)
    env.pop("BENCH_CODE", None)
    found: dict[str, list[tuple[float, float]]] = {m: [] for m in modes}
    for _ in range(runs):
        for mode in modes:
            library = work / "command-library"
            shutil.rmtree(library, ignore_errors=True)
            Library.open(library, import_samples=False).close()
            command = [sys.executable, "-m", "cli.main", "--library", str(library), "import", str(folder)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run([*command, *FLAGS[mode]], cwd=CODE, env=env, capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                raise RuntimeError(f"briefing import {' '.join(FLAGS[mode])} failed:\n{done.stderr}")
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            with Library.open(library, read_only=True) as imported:
                count = len(imported.articles())
            assert count == len(items), f"briefing import {' '.join(FLAGS[mode])}: {count} articles"
            found[mode].append((elapsed, cpu))
    shutil.rmtree(work / "command-library", ignore_errors=True)
    return found


def print_command_times(found: dict[str, list[tuple[float, float]]], n: int) -> None:
    print(
        f"\nthe command (`briefing import FOLDER`, {n} Markdown files; a fresh process each, start included):"
    )
    for mode, times in found.items():
        wall = statistics.median(w for w, _ in times)
        cpu = statistics.median(c for _, c in times)
        print(f"  {mode:<12} {wall:6.2f} s ({n / wall:,.0f} articles/s); CPU {cpu:.2f} s")
    paired = [b / a for (a, _), (b, _) in zip(found["--no-analyze"], found["--jobs 2"], strict=True)]
    print(
        f"  --jobs 2 / --no-analyze run by run: median {statistics.median(paired):.1f}x, from "
        f"{min(paired):.1f}x to {max(paired):.1f}x ({', '.join(f'{r:.1f}' for r in paired)})"
    )


def file_creation_ms(folder: Path, count: int = 500) -> float:
    """CPU milliseconds this process spends creating one file in `folder` now: open a new temporary file,
    write 4 KB, close, rename (what each stored text, analysis and index shard costs the kernel). On this
    project's shared machines it moves tenfold from one minute to the next, and the import's ratio to
    `--no-analyze` with it (one file per article against three)."""
    probe = Path(tempfile.mkdtemp(prefix="bench-create-", dir=folder))
    data = b"x" * 4096
    try:
        started = time.process_time()
        for i in range(count):
            temporary = probe / f".{i}.tmp"
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
            os.rename(temporary, probe / str(i))
        return (time.process_time() - started) / count * 1000
    finally:
        shutil.rmtree(probe, ignore_errors=True)


def creation_note(folder: Path) -> str:
    """The cost of creating a file in `folder` (where the libraries are made) and, for scale, in memory."""
    note = f"creating a file costs {file_creation_ms(folder):.3f} ms of CPU here"
    if Path("/dev/shm").is_dir():
        note += f" ({file_creation_ms(Path('/dev/shm')):.3f} ms in memory, /dev/shm)"
    return note


def storing_costs(items: list[ParsedArticle], work: Path) -> dict[str, float]:
    """Milliseconds per article: the analysis's CPU time, and storing its result one at a time (the lock
    taken for each, as before) and as one group (as an import now does), with the time spent waiting for
    the disk (fsync; a group's one sync() on Linux)."""
    from extract import analyze

    analyze(items[0].body, items[0].published)  # the engine loaded first: its cost is not an article's
    started = time.process_time()
    made = [analyze(p.body, p.published).to_dict() for p in items]
    analysis_ms = (time.process_time() - started) / len(items) * 1000
    fsync_seconds = 0.0
    real_fsync = os.fsync

    real_sync = os.sync

    def timed_fsync(fd: Any) -> None:
        nonlocal fsync_seconds
        t0 = time.perf_counter()
        real_fsync(fd)
        fsync_seconds += time.perf_counter() - t0

    def timed_sync() -> None:  # a group's waits for the disk are one sync() on Linux (store.atomic)
        nonlocal fsync_seconds
        t0 = time.perf_counter()
        real_sync()
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
            os.fsync, os.sync = timed_fsync, timed_sync
            try:
                started = time.perf_counter()
                if name == "grouped":
                    analyses._store_group(todo)
                else:
                    for item in todo:
                        analyses._store_data(*item)
                elapsed = time.perf_counter() - started
            finally:
                os.fsync, os.sync = real_fsync, real_sync
        result[f"{name}_ms"] = elapsed / len(items) * 1000
        result[f"{name}_fsync_ms"] = fsync_seconds / len(items) * 1000
    return result


def transfer_costs(items: list[ParsedArticle], rounds: int = 30) -> dict[str, float]:
    """CPU milliseconds per analysis on each side of the pipe, best of 5: made ready to write in the
    worker (`stored_form`: the file's bytes and its index entry; the workers now write the bytes to the
    file's temporary file and send its name) against sent as its dict and made ready by the writer."""
    from extract import analyze
    from store.analyses import stored_form

    key = {"analyzer": "bench", "body": "0" * 64, "published": None, "corrections": "0" * 16}
    analyses = [analyze(p.body, p.published) for p in items[:rounds]]

    def best(fn: Any, values: list[Any]) -> float:
        times = []
        for _ in range(5):
            started = time.process_time()
            for value in values:
                fn(value)
            times.append(time.process_time() - started)
        return min(times) / len(values) * 1000

    def dumped(value: Any) -> bytes:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    ready = [dumped(stored_form("a" * 40, key, a.to_dict())) for a in analyses]
    dicts = [dumped(a.to_dict()) for a in analyses]
    return {
        "ready_worker": best(lambda a: dumped(stored_form("a" * 40, key, a.to_dict())), analyses),
        "ready_writer": best(pickle.loads, ready),
        "dict_worker": best(lambda a: dumped(a.to_dict()), analyses),
        "dict_writer": best(lambda b: stored_form("a" * 40, key, pickle.loads(b)), dicts),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=400, help="generated articles per import")
    parser.add_argument("--runs", type=int, default=1, help="imports per mode and code (median)")
    parser.add_argument(
        "--baseline", default=DEFAULT_BASELINE, help="revision whose store to compare with ('none': skip)"
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="children compile every module again when PYTHONDONTWRITEBYTECODE is set (see baseline.py)",
    )
    parser.add_argument(
        "--no-jobs-1",
        action="store_true",
        help="skip --jobs 1 (the slowest mode): more runs of the two others in the same time",
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
    print(f"at the start, {creation_note(work)}")
    cache = None if args.no_bytecode_cache else work / "pycache"
    script = Path(__file__).resolve()
    codes = {"ours": CODE}
    try:
        if args.baseline != "none":
            codes[args.baseline] = unpack_store(args.baseline, work / "baseline")
        if cache is not None:
            precompile([CODE, *codes.values()], cache)
        modes = [m for m in MODES if not (args.no_jobs_1 and m == "--jobs 1")]
        rates: dict[str, dict[str, list[float]]] = {c: {m: [] for m in modes} for c in codes}
        cpu: dict[str, dict[str, list[tuple[float, float, float]]]] = {
            c: {m: [] for m in modes} for c in codes
        }
        for _ in range(args.runs):
            for mode in modes:
                for name, code in codes.items():  # by turns, so both see the same load
                    child_args = [f"--child={mode}", "--articles", str(args.articles)]
                    out = run_child(script, code, child_args, cache)
                    rates[name][mode].append(out["rate"])
                    cpu[name][mode].append(
                        (out.get("writer_ms", 0.0), out.get("workers_ms", 0.0), out.get("busy", 0.0))
                    )
        commands = command_times(items, work, args.runs, modes, cache)
        costs = storing_costs(items[:100], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average at the end: {load_average()}; {bytecode_note(cache)}")
    print(f"at the end, {creation_note(Path(tempfile.gettempdir()))}")
    median = {c: {m: statistics.median(v) for m, v in by_mode.items()} for c, by_mode in rates.items()}
    for name, by_mode in median.items():
        print(f"\n{name}:")
        for mode, rate in by_mode.items():
            versus = ""
            if name == "ours" and len(median) > 1:
                other = next(c for c in median if c != "ours")
                versus = f"  ({rate / median[other][mode]:.2f}x {other})"
            writer = statistics.median(w for w, _, _ in cpu[name][mode])
            workers = statistics.median(w for _, w, _ in cpu[name][mode])
            busy = statistics.median(b for _, _, b in cpu[name][mode])
            print(
                f"  import {mode:<12} {rate:8,.0f} articles/s{versus}; CPU per article: "
                f"importing process {writer:.2f} ms, workers {workers:.2f} ms; cores busy {busy:.0%}"
            )
        if "--jobs 1" in by_mode:
            print(f"  --jobs 2 / --jobs 1:      {by_mode['--jobs 2'] / by_mode['--jobs 1']:.2f}x faster")
            print(f"  --no-analyze / --jobs 1:  {by_mode['--no-analyze'] / by_mode['--jobs 1']:.1f}x")
        print(f"  --no-analyze / --jobs 2:  {by_mode['--no-analyze'] / by_mode['--jobs 2']:.1f}x")
        paired = [a / b for a, b in zip(rates[name]["--no-analyze"], rates[name]["--jobs 2"], strict=True)]
        if len(paired) > 1:
            print(
                f"    run by run (each --jobs 2 right after its --no-analyze): median "
                f"{statistics.median(paired):.1f}x, from {min(paired):.1f}x to {max(paired):.1f}x "
                f"({', '.join(f'{r:.1f}' for r in paired)})"
            )
    print_command_times(commands, args.articles)
    print("\nper article (ours, in this process):")
    print(f"  analysis CPU time:                {costs['analysis_ms']:.2f} ms")
    for name, label in (("one_by_one", "one at a time (as before)"), ("grouped", "in one group (as now)")):
        print(
            f"  storing it, {label:<26}{costs[name + '_ms']:.2f} ms "
            f"(fsync {costs[name + '_fsync_ms']:.2f} ms)"
        )
    per_core = 1000 / (costs["analysis_ms"] + costs["grouped_ms"])
    print(f"  so one core analyses and stores at most {per_core:,.0f} articles/s")
    sent = transfer_costs(items)
    print(
        f"  one analysis sent ready to write (as now): worker {sent['ready_worker']:.2f} ms, "
        f"writer {sent['ready_writer']:.2f} ms; as its dict (before): worker {sent['dict_worker']:.2f} ms, "
        f"writer {sent['dict_writer']:.2f} ms (CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
