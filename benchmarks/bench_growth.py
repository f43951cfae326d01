"""Benchmark how whole-library work grows with the library: 1k, 10k and 100k articles (300k with
--with-300k), each measured in a fresh process (so its peak RSS is its own).

The libraries hold bench_import's generated ~4 KB articles (imported without analysis). To make them
quickly, only a handful of articles (--templates, default 16) are analysed for real; every other article
gets a stored analysis CLONED from one of them under its own id and key (analyzer version, text key,
publication date), written straight to `analysis/` and to the facts index (`facts/`) without fsync. The
library cannot tell a clone from an analysis it made, so the timeline and exports read them as usual (the
cloned facts' text comes from the template article, not the clone's own text).

Printed for each size:
  open+list         Library.open + articles(), and the peak RSS of that fresh process
  annotation save   one add_annotation (atomic, fsynced), median of 5
  first series      `briefing series`: the cross-article cache built from the stored analyses (the
                    digests in across/, and the series and conflicts in across/views.cache)
  timeline --json   `briefing timeline --json > /dev/null`, facts index built (cached): time and peak RSS
  export json / md  `briefing export --format json|md > /dev/null`: time and peak RSS (md with the
                    cross-article cache built: its series and conflicts read from across/views.cache)
  import            a small batch (--batch, default 200) of new articles: with analysis (--jobs 2) and
                    --no-analyze, articles/s
and the same whole-library commands run by the code before the facts index (`git archive 14a84cb`, the
same virtualenv) on the same library, with the ratio, up to --peer-max articles (default 10,000: the
earlier code needs minutes beyond).

    .venv/bin/python benchmarks/bench_growth.py [--sizes 1000 10000 100000] [--with-300k] [--peer-max N]
                                                [--no-bytecode-cache] [--repeat N]

Each child keeps its compiled modules as an installed app does (`--no-bytecode-cache`: compiled again in
each process where PYTHONDONTWRITEBYTECODE is set; see baseline.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from baseline import bytecode_note, precompile, with_bytecode_cache  # noqa: E402  (this folder is on the path)
from bench_import import articles  # noqa: E402

from store.facts_index import FOLDER, TABLE, corrections_fingerprint, index_shard, make_entry  # noqa: E402
from store.ids import doc_id, shard  # noqa: E402
from store.library import Library  # noqa: E402
from store.storage import dump_tinydb  # noqa: E402

PEER_REVISION = "14a84cb"  # the last revision before the facts index
BATCH = 5000  # articles generated and imported at a time (the texts of 100k articles are 400 MB)


def generated(n: int) -> Iterator[list[Any]]:
    """n of bench_import's articles, `BATCH` at a time, each with its own number (so its own id)."""
    for first in range(0, n, BATCH):
        yield _shifted(first, min(BATCH, n - first))


def _shifted(first: int, count: int) -> list[Any]:
    """`count` articles numbered from `first` (their paths, titles and texts differ from the others')."""
    made = []
    for i, parsed in enumerate(articles(count)):
        number = first + i
        made.append(
            replace(
                parsed,
                path=f"/bench/articles/{number:07d}.md",
                title=f"{parsed.title} #{number}",
                body=f"{parsed.body.rstrip()} Item {number}.\n",
            )
        )
    return made


def build(folder: Path, n: int, templates: int) -> dict[str, float]:
    """A library of n generated articles with stored analyses (see the module docstring)."""
    started = time.perf_counter()
    with Library.open(folder, import_samples=False) as library:
        for batch in generated(n):
            library.import_articles(batch, analyze=False)
        imported = time.perf_counter() - started
        docs = list(library._files.articles_file.raw("articles").values())
        real = docs[:templates]
        for doc in real:
            library.analysis(doc["id"])  # stored by the library itself, with its index entry
        analyses = library._analyses
        version = analyses.version()
        empty = corrections_fingerprint(library.corrections())
        stored = []
        for doc in real:
            tables = json.loads((folder / "analysis" / shard(doc["id"]) / f"{doc['id']}.json").read_text())
            data = dict(tables["analysis"]["1"]["data"])
            facts = [{k: v for k, v in f.items() if k != "article_id"} for f in tables["facts"].values()]
            stored.append((data, facts))
    shards: dict[str, dict[str, Any]] = {}
    template_entries = [make_entry("", {}, {**data, "facts": facts}, empty, None) for data, facts in stored]
    for n_doc, doc in enumerate(docs[templates:]):
        aid = doc["id"]
        data, facts = stored[n_doc % len(stored)]
        key = {
            "analyzer": version,
            "body": doc["body"],
            "published": doc.get("published"),
            "corrections": empty,
        }
        tables = {
            "analysis": {"1": {**key, "fact_count": len(facts), "data": data}},
            "facts": {str(i): {**f, "article_id": aid} for i, f in enumerate(facts, 1)},
        }
        path = folder / "analysis" / shard(aid) / f"{aid}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        blob = dump_tinydb(tables)
        path.write_bytes(blob)
        entry = {
            **template_entries[n_doc % len(stored)],
            "id": aid,
            "key": key,
            "size": len(blob),
        }  # as make_entry
        shards.setdefault(index_shard(aid), {})[str(doc_id(aid))] = entry
    (folder / FOLDER).mkdir(exist_ok=True)
    for name, entries in shards.items():
        path = folder / FOLDER / f"{name}.json"
        current = json.loads(path.read_text())[TABLE] if path.exists() else {}
        path.write_bytes(dump_tinydb({TABLE: {**current, **entries}}))
    return {"import_s": imported, "total_s": time.perf_counter() - started}


def run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """Run a command in a fresh process: (wall seconds, its peak RSS in MB, its stdout's last line).

    The RSS is measured by /usr/bin/time when there is one: a child's own figure would include this
    (larger) process's memory at the fork."""
    timer = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        command = [timer, "-f", "%M", "-o", str(rss_file), *args] if timer else args
        started = time.perf_counter()
        with open(Path(tmp) / "out", "w+b") as out:
            child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd)
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - started
            err = child.stderr.read().decode() if child.stderr else ""
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"{' '.join(args[:4])}... failed: {err}")
            out.seek(max(0, out.seek(0, os.SEEK_END) - 4096))
            lines = out.read().decode("utf-8", "replace").strip().splitlines()
        rss = float(rss_file.read_text().split()[-1]) / 1024 if timer else usage.ru_maxrss / 1024
    return elapsed, rss, lines[-1] if lines else ""


def briefing() -> list[str]:
    """The `briefing` command of the code the process is started in (its cwd and PYTHONPATH)."""
    return [sys.executable, "-c", "import sys; from cli.main import main; sys.exit(main())"]


def code_env(code: Path, cache: Path | None) -> dict[str, str]:
    """A child's environment: `code` first on the path, compiled modules kept as an installed app keeps
    them in `cache` (None: as this process does; see baseline.py)."""
    return with_bytecode_cache({**os.environ, "PYTHONPATH": str(code)}, cache)


PROBE = """
import statistics, sys, time
from store.library import Library
started = time.perf_counter()
library = Library.open(sys.argv[1], import_samples=False)
metas = library.articles()
opened = time.perf_counter() - started
times = []
for meta in metas[:5]:
    body = library.article(meta.id).body
    t = time.perf_counter()
    library.add_annotation(meta.id, 0, min(5, len(body)), "highlight")
    times.append(time.perf_counter() - t)
print(opened, statistics.median(times))
"""

# New articles imported into the library by the code in the working folder (this one's or the peer's).
IMPORT = """
import sys, time
from dataclasses import replace
sys.path.insert(0, "benchmarks")
from bench_import import articles
from store.library import Library
first, count = int(sys.argv[2]), int(sys.argv[3])
items = [
    replace(p, path=f"/bench/new/{first + i:08d}.md", body=f"{p.body.rstrip()} New {first + i}.")
    for i, p in enumerate(articles(count))
]
with Library.open(sys.argv[1], import_samples=False) as library:
    t = time.perf_counter()
    report = library.import_articles(items, analyze=sys.argv[4] == "analyze", jobs=2)
    elapsed = time.perf_counter() - t
assert len(report.added) == len(items), report
print(len(items) / elapsed)
"""


def repeated(command: list[str], env: dict[str, str], cwd: Path, times: int) -> tuple[float, float]:
    """`run(command)` `times` times: the median seconds and the largest peak RSS."""
    made = [run(command, env, cwd)[:2] for _ in range(times)]
    return statistics.median(seconds for seconds, _ in made), max(rss for _, rss in made)


def measure(
    folder: Path, peer: Path | None, batch: int, repeat: int = 1, cache: Path | None = None
) -> dict[str, Any]:
    here = code_env(ROOT, cache)
    result: dict[str, Any] = {}
    _, rss, line = run([sys.executable, "-c", PROBE, str(folder)], here, ROOT)
    opened, save = (float(x) for x in line.split())
    result["open"] = (opened, rss)
    result["save_ms"] = save * 1000
    commands = {
        "timeline": ["timeline", "--json"],
        "export json": ["export", "--format", "json"],
        "export md": ["export", "--format", "md"],
    }
    run([*briefing(), "--library", str(folder), "timeline", "--jsonl"], here, ROOT)  # index complete
    # The peer gets its own copy: an earlier analyzer version would otherwise replace the stored
    # analyses at its first question, and each side would then re-analyse the library for the other.
    peer_folder = folder.with_name(folder.name + "-peer")
    if peer is not None:
        shutil.copytree(folder, peer_folder)
        warm = [*briefing(), "--library", str(peer_folder), "timeline", "--json"]
        run(warm, code_env(peer, cache), peer)  # warm
    # The cross-article cache (the Markdown briefing's series and conflicts) built once, and timed.
    result["across"] = run([*briefing(), "--library", str(folder), "series"], here, ROOT)[:2]
    for name, command in commands.items():
        result[name] = repeated([*briefing(), "--library", str(folder), *command], here, ROOT, repeat)
        if peer is not None:
            peer_command = [*briefing(), "--library", str(peer_folder), *command]
            result[name + " peer"] = repeated(peer_command, code_env(peer, cache), peer, repeat)
    first = 10_000_000
    for suffix, code in (("", ROOT), (" peer", peer)):
        if code is None:
            continue
        for mode in ("analyze", "no-analyze"):
            first += batch
            target = peer_folder if suffix else folder
            command = [sys.executable, "-c", IMPORT, str(target), str(first), str(batch), mode]
            result[f"import {mode}{suffix}"] = float(run(command, code_env(code, cache), code)[2])
    return result


def peer_code(work: Path) -> Path | None:
    target = work / "peer"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", PEER_REVISION], capture_output=True)
    if archive.returncode != 0:
        print(f"(no peer: git archive {PEER_REVISION} failed)", file=sys.stderr)
        return None
    target.mkdir()
    with tempfile.TemporaryFile() as tar:
        tar.write(archive.stdout)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as bundle:
            bundle.extractall(target, filter="data")
    return target


def ratio(ours: float, theirs: float) -> str:
    return f"{theirs / ours:.1f}x" if ours > 0 else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--with-300k", action="store_true", help="also 300,000 articles")
    parser.add_argument("--peer-max", type=int, default=10_000, help="largest size the peer is run on")
    parser.add_argument("--templates", type=int, default=16, help="articles analysed for real")
    parser.add_argument("--batch", type=int, default=200, help="articles in the import-rate batches")
    parser.add_argument("--work", type=Path, help="folder for the libraries (default: a temporary one)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each timeline/export command (median, largest RSS)"
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="children compile every module again when PYTHONDONTWRITEBYTECODE is set (see baseline.py)",
    )
    args = parser.parse_args()
    sizes = [*args.sizes, *([300_000] if args.with_300k else [])]
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-growth-"))
    work.mkdir(parents=True, exist_ok=True)
    peer = peer_code(work)
    cache = None if args.no_bytecode_cache else work / "pycache"
    if cache is not None:
        precompile([ROOT, *([peer] if peer else [])], cache)
    print(bytecode_note(cache), file=sys.stderr, flush=True)
    rows = []
    try:
        for n in sizes:
            folder = work / f"lib-{n}"
            made = build(folder, n, args.templates)
            print(f"{n:,} articles: generated in {made['total_s']:.0f} s", file=sys.stderr, flush=True)
            result = measure(folder, peer if n <= args.peer_max else None, args.batch, args.repeat, cache)
            rows.append((n, result))
            print(f"{n:,} articles: {json.dumps(result)}", file=sys.stderr, flush=True)
            shutil.rmtree(folder)
            shutil.rmtree(folder.with_name(folder.name + "-peer"), ignore_errors=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print("| measure | " + " | ".join(f"{n:,}" for n, _ in rows) + " |")
    print("|---|" + "---|" * len(rows))
    print(
        "| open + list (s, fresh process RSS) | "
        + " | ".join(f"{r['open'][0]:.2f} s, {r['open'][1]:.0f} MB" for _, r in rows)
        + " |"
    )
    print("| annotation save | " + " | ".join(f"{r['save_ms']:.1f} ms" for _, r in rows) + " |")
    print(
        "| first `series` (cross-article cache built) | "
        + " | ".join(f"{r['across'][0]:.2f} s, {r['across'][1]:.0f} MB" for _, r in rows)
        + " |"
    )
    for name in ("timeline", "export json", "export md"):
        cells = []
        for _, r in rows:
            seconds, rss = r[name]
            cell = f"{seconds:.2f} s, {rss:.0f} MB"
            if name + " peer" in r:
                p_seconds, p_rss = r[name + " peer"]
                cell += f" (before: {p_seconds:.1f} s, {p_rss:.0f} MB: {ratio(seconds, p_seconds)})"
            cells.append(cell)
        label = {
            "timeline": "`timeline --json`, cached",
            "export json": "`export --format json`",
            "export md": "`export --format md`",
        }[name]
        print(f"| {label} | " + " | ".join(cells) + " |")
    for mode, label in (
        ("analyze", "import with analysis (--jobs 2)"),
        ("no-analyze", "import --no-analyze"),
    ):
        cells = []
        for _, r in rows:
            cell = f"{r['import ' + mode]:.0f}/s"
            if f"import {mode} peer" in r:
                cell += f" (before: {r[f'import {mode} peer']:.0f}/s)"
            cells.append(cell)
        print(f"| {label}, {args.batch} new articles | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
