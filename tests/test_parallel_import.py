"""`briefing import --jobs N`: analyses made in worker processes are stored exactly as the serial path
stores them; a failing analyser is reported per article; an analyser that cannot be sent to another
process is run in this one."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import extract
from cli.main import main
from extract.corrections import Corrections
from extract.model import Analysis
from store.ingest import ParsedArticle
from store.library import Library

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"


def temporary_files(folder: Path) -> list[Path]:
    """Temporary files left anywhere in a library (`.<name>.<random>.tmp`)."""
    return sorted(folder.rglob(".*.tmp"))


def stored_files(folder: Path) -> dict[str, bytes]:
    """Every stored analysis file of a library, by its path inside the library."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted((folder / "analysis").rglob("*.json"))
    }


def import_and_timeline(
    folder: Path, jobs: int, capsys: pytest.CaptureFixture[str]
) -> tuple[dict[str, bytes], str]:
    Library.open(folder, import_samples=False).close()
    assert main(["--library", str(folder), "import", str(SAMPLES), "--jobs", str(jobs)]) == 0
    capsys.readouterr()
    assert main(["--library", str(folder), "timeline", "--json"]) == 0
    return stored_files(folder), capsys.readouterr().out


def test_parallel_import_stores_the_same_analyses_as_the_serial_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serial_files, serial_timeline = import_and_timeline(tmp_path / "serial", 1, capsys)
    parallel_files, parallel_timeline = import_and_timeline(tmp_path / "parallel", 2, capsys)
    assert len(serial_files) == len([p for p in SAMPLES.iterdir() if p.is_file()])  # one per sample
    assert parallel_files == serial_files  # byte for byte, file for file
    assert parallel_timeline == serial_timeline
    assert serial_timeline.count('"article_id"') > 10


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(
    value: str, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--library", str(library_path), "import", str(SAMPLES), "--jobs", value])
    assert exit_.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def fail_on_flood(text: str, published: date | None, corrections: Corrections) -> Analysis:
    """A module-level analyser (it can be sent to a worker process) that fails on one article."""
    if "flood" in text:
        raise ValueError("no floods today")
    return extract.analyze(text, published, corrections)


def articles() -> list[ParsedArticle]:
    return [
        ParsedArticle(path=f"/in/{n}.md", title=f"Article {n}", body=body, published=date(2021, 1, 5))
        for n, body in enumerate(
            [
                "The council met on 3 March 2021 in Harbourtown.\n",
                "A flood reached the river port on 4 March 2021.\n",
                "Ferry traffic rose 12 percent in February 2021.\n",
            ]
        )
    ]


def test_a_failing_analysis_in_a_worker_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    with Library.open(
        tmp_path / "lib", import_samples=False, analyzer=fail_on_flood, analyzer_version="t1"
    ) as library:
        report = library.import_articles(articles(), jobs=2)
        assert len(report.added) == 3
        assert [(w.path, w.message) for w in report.warnings] == [
            ("/in/1.md", "imported, but analysis failed (ValueError: no floods today)")
        ]
    assert len(stored_files(tmp_path / "lib")) == 2


def test_an_analyser_that_cannot_go_to_a_worker_runs_here(tmp_path: Path) -> None:
    calls: list[str] = []

    def local(text: str, published: date | None, corrections: Corrections) -> Analysis:
        calls.append(text)
        return extract.analyze(text, published, corrections)

    with Library.open(
        tmp_path / "lib", import_samples=False, analyzer=local, analyzer_version="t2"
    ) as library:
        report = library.import_articles(articles(), jobs=2)
        assert len(report.added) == 3 and not report.warnings
    assert len(calls) == 3
    assert len(stored_files(tmp_path / "lib")) == 3


def test_analyze_with_jobs_prints_the_same_json_lines_in_file_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in SAMPLES.iterdir() if p.is_file())[:5]
    missing = str(tmp_path / "missing.txt")
    argv = ["analyze", files[0], missing, *files[1:], "--json", "--date", "2021-01-05"]
    assert main([*argv, "--jobs", "1"]) == 1
    serial = capsys.readouterr()
    assert main([*argv, "--jobs", "2"]) == 1
    parallel = capsys.readouterr()
    assert parallel.out == serial.out
    assert parallel.err == serial.err and "missing.txt" in parallel.err
    lines = [json.loads(line) for line in parallel.out.splitlines()]
    assert [line["path"] for line in lines] == files
    assert all(line["sentences"] for line in lines)


CALLS_HERE: list[str] = []


def counting(text: str, published: date | None, corrections: Corrections) -> Analysis:
    """A module-level analyser: it could go to a worker process, where its calls would not be seen here."""
    CALLS_HERE.append(text)
    return extract.analyze(text, published, corrections)


def test_one_article_with_jobs_is_analysed_here_and_stored(tmp_path: Path) -> None:
    CALLS_HERE.clear()
    with Library.open(
        tmp_path / "lib", import_samples=False, analyzer=counting, analyzer_version="t3"
    ) as library:
        report = library.import_articles(articles()[:1], jobs=2)
        assert len(report.added) == 1 and not report.warnings
        assert library.analysis(report.added[0]).facts
    assert len(CALLS_HERE) == 1  # analysed in this process, once (then read back from the stored file)
    assert len(stored_files(tmp_path / "lib")) == 1


def always_fails(text: str, published: date | None, corrections: Corrections) -> Analysis:
    """A module-level analyser that fails on every text, the workers' warm-up included."""
    raise ValueError(f"cannot read {len(text)} characters")


def test_workers_whose_analyser_always_fails_report_each_article(tmp_path: Path) -> None:
    with Library.open(
        tmp_path / "lib", import_samples=False, analyzer=always_fails, analyzer_version="t4"
    ) as library:
        report = library.import_articles(articles(), jobs=2)
        assert len(report.added) == 3
        assert [w.path for w in report.warnings] == ["/in/0.md", "/in/1.md", "/in/2.md"]
        assert all("analysis failed (ValueError: cannot read" in w.message for w in report.warnings)
    assert stored_files(tmp_path / "lib") == {}


def test_workers_started_for_an_import_serve_its_later_batches(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        analyses = library._analyses
        with analyses.workers(2):
            analyses.start_workers()
            pool = analyses._pool
            assert pool is not None
            ids = library.import_articles(articles(), analyze=False).added
            assert analyses.analyse_in_pool(ids[:2], 2) == {}
            assert analyses.analyse_in_pool(ids[2:], 2) == {}
            assert analyses._pool is pool  # the same worker processes for both
        assert analyses._pool is None
    assert len(stored_files(tmp_path / "lib")) == 3


def test_analyses_sent_a_few_at_a_time_report_each_failure_for_its_own_article(tmp_path: Path) -> None:
    many = [
        ParsedArticle(
            path=f"/in/many-{n}.md",
            title=f"Report {n}",
            body=f"{'A flood' if n % 5 == 2 else 'A fair'} was held in Harbourtown on {n + 1} March 2021.\n",
            published=date(2021, 3, 28),
        )
        for n in range(24)  # sent to the 2 workers 3 at a time
    ]
    with Library.open(
        tmp_path / "lib", import_samples=False, analyzer=fail_on_flood, analyzer_version="t5"
    ) as library:
        report = library.import_articles(many, jobs=2)
        assert len(report.added) == 24
        assert [w.path for w in report.warnings] == [f"/in/many-{n}.md" for n in range(24) if n % 5 == 2]
        assert {w.message for w in report.warnings} == {
            "imported, but analysis failed (ValueError: no floods today)"
        }
        kept = [aid for n, aid in enumerate(report.added) if n % 5 != 2]
        assert all(library.analysis(aid).facts for aid in kept)
    assert len(stored_files(tmp_path / "lib")) == 24 - 5


def test_the_importing_process_leaves_the_analysis_engine_to_its_workers(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from store.library import Library\n"
        "from tests.test_parallel_import import articles\n"
        f"with Library.open({str(tmp_path / 'lib')!r}, import_samples=False) as library:\n"
        "    report = library.import_articles(articles(), jobs=2)\n"
        "    assert len(report.added) == 3 and not report.warnings, report\n"
        "    assert library.analysis(report.added[0]).facts  # read back from the stored file\n"
        "print('engine' if 'extract.timex' in sys.modules else 'no engine')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no engine"
    assert len(stored_files(tmp_path / "lib")) == 3


def test_analyses_sent_while_a_batch_is_saved_are_dropped_when_it_cannot_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import atomic

    real_replace = atomic.os.replace

    def full_disk(src: str, dst: str) -> None:
        if str(dst).endswith("articles.json"):
            raise OSError(errno.ENOSPC, "No space left on device", dst)
        real_replace(src, dst)

    with Library.open(tmp_path / "lib", import_samples=False) as library:
        monkeypatch.setattr(atomic.os, "replace", full_disk)
        analyses = library._analyses
        dropped: list[int] = []
        drop_ahead = analyses.drop_ahead

        def counted() -> None:
            dropped.append(sum(len(where) for where in analyses._ahead.values()))
            drop_ahead()

        monkeypatch.setattr(analyses, "drop_ahead", counted)
        report = library.import_articles(articles(), jobs=2)
        assert max(dropped) == 3  # the three analyses went to the workers before the save failed
        assert len(report.failed) == 3 and not report.added and not report.warnings
        assert analyses._ahead == {}
        monkeypatch.undo()
        assert library.articles() == []
    assert stored_files(tmp_path / "lib") == {}  # no analysis of an article the library does not hold
    assert not list((tmp_path / "lib").glob("facts/*.json"))
    assert temporary_files(tmp_path / "lib") == []  # those the workers wrote for them are removed too


def test_the_workers_write_each_analysis_beside_its_file_and_this_process_puts_it_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import analyses as analyses_module

    with Library.open(tmp_path / "lib", import_samples=False) as library:
        put: list[object] = []
        store_many = library._analyses._store_many

        def recorded(group: list[analyses_module.Ready]) -> None:
            put.extend(content for _, _, content, _ in group)
            store_many(group)

        monkeypatch.setattr(library._analyses, "_store_many", recorded)
        report = library.import_articles(articles(), jobs=2)
        assert len(report.added) == 3 and not report.warnings
    # Each came from a worker as its temporary file, not as bytes to write here.
    assert len(put) == 3 and all(isinstance(c, analyses_module.Prepared) for c in put)
    assert len(stored_files(tmp_path / "lib")) == 3
    assert temporary_files(tmp_path / "lib") == []


def test_a_worker_that_cannot_write_its_temporary_file_sends_the_bytes_for_this_process_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import analyses as analyses_module

    def full_disk(path: str, data: bytes) -> analyses_module.Prepared:
        raise OSError(errno.ENOSPC, "No space left on device", path)

    monkeypatch.setattr(analyses_module, "write_temp", full_disk)  # the workers are forked from here
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = library.import_articles(articles(), jobs=2)
        assert len(report.added) == 3 and not report.warnings  # not an analysis that failed
    assert len(stored_files(tmp_path / "lib")) == 3
    assert temporary_files(tmp_path / "lib") == []


def test_an_analysis_whose_temporary_file_was_swept_meanwhile_is_left_out_and_made_when_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process sweeping leftovers while this one does not hold the lock may remove a temporary
    file a worker wrote: that analysis and its facts index entry are not stored, the others are."""
    from store import analyses as analyses_module

    with Library.open(tmp_path / "lib", import_samples=False) as library:
        store_many = library._analyses._store_many
        swept: list[str] = []

        def sweep_one_first(group: list[analyses_module.Ready]) -> None:
            article_id, _, content, _ = group[0]
            assert isinstance(content, analyses_module.Prepared)
            Path(content.temp).unlink()
            swept.append(article_id)
            store_many(group)

        monkeypatch.setattr(library._analyses, "_store_many", sweep_one_first)
        report = library.import_articles(articles(), jobs=2)
        monkeypatch.undo()
        assert len(report.added) == 3 and not report.warnings
        stored = stored_files(tmp_path / "lib")
        assert len(stored) == 2 and not any(swept[0] in name for name in stored)
        assert temporary_files(tmp_path / "lib") == []
        # The timeline makes the missing analysis (and its entry) as for any article not yet analysed.
        dated = {entry.article_id for entry in library.timeline()}
        assert dated == set(report.added)
    assert len(stored_files(tmp_path / "lib")) == 3


def test_a_large_import_stores_with_workers_what_the_serial_one_stores(tmp_path: Path) -> None:
    """From `_LOAD_HERE` analyses on, the workers are forked with the engine loaded and this process's
    objects frozen: the stored analyses (byte for byte) and facts index are still the serial path's."""
    from store.analyses import _LOAD_HERE

    many = [
        ParsedArticle(
            path=f"/in/{n}.md",
            title=f"Article {n}",
            body=f"The council of Town{n} met on {n % 28 + 1} March 2021; ferry traffic rose {n} percent.\n",
            published=date(2021, 4, 5),
        )
        for n in range(_LOAD_HERE + 6)
    ]
    found = []
    for jobs in (1, 2):
        folder = tmp_path / f"jobs{jobs}"
        with Library.open(folder, import_samples=False) as library:
            report = library.import_articles(many, jobs=jobs)
        assert len(report.added) == len(many) and not report.warnings
        index = {}  # each entry without `text` (its text file's modification time)
        for path in sorted((folder / "facts").glob("*.json")):
            entries = json.loads(path.read_bytes())["entries"]
            index[path.name] = {k: {**e, "text": None} for k, e in entries.items()}
        found.append((stored_files(folder), index))
        assert temporary_files(folder) == []
    assert len(found[0][0]) == len(many)
    assert found[1] == found[0]


def test_forking_the_workers_leaves_objects_frozen_before_it_frozen() -> None:
    """`_forking` freezes this process's objects while the workers are forked and thaws them afterwards,
    but a library loaded earlier (frozen by store.bulk) stays frozen: gc.unfreeze would thaw it too."""
    import gc

    from store.analyses import _forking

    gc.unfreeze()
    with _forking(True):
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    kept = [object() for _ in range(10)]
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with _forking(True):
            pass
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()
        del kept


def slow_on_first(text: str, published: date | None, corrections: Corrections) -> Analysis:
    """A module-level analyser that takes its time over the article marked "slow"."""
    if text.startswith("Slow"):
        import time

        time.sleep(0.6)
    return extract.analyze(text, published, corrections)


def test_results_finishing_out_of_order_fill_the_facts_index_in_the_serial_order(tmp_path: Path) -> None:
    """Two articles of one facts index shard, the first analysed slowly by one worker while the other
    analyses everything after it: the shard's entries are in input order, as the serial import writes
    them (results are stored in the order sent, not as they finish)."""
    from store.facts_index import index_shard
    from store.ids import article_id

    def body(n: int, first: str = "A") -> str:
        return f"{first} council met on {n % 28 + 1} March 2021 in Harbourtown, number {n}.\n"

    slow_shard = index_shard(article_id(None, body(0, "Slow")))
    n = 21
    while index_shard(article_id(None, body(n))) != slow_shard:  # a later article of the same shard
        n += 1
    bodies = [body(0, "Slow"), *(body(k) for k in range(1, 21)), body(n)]
    many = [
        ParsedArticle(path=f"/in/{k}.md", title=f"Article {k}", body=text, published=date(2021, 4, 5))
        for k, text in enumerate(bodies)
    ]
    found = []
    for jobs in (1, 2):
        folder = tmp_path / f"jobs{jobs}"
        with Library.open(
            folder, import_samples=False, analyzer=slow_on_first, analyzer_version="t6"
        ) as library:
            report = library.import_articles(many, jobs=jobs)
        assert len(report.added) == len(many) and not report.warnings
        raw = (folder / "facts" / f"{index_shard(report.added[0])}.json").read_bytes()
        entries = json.loads(raw)["entries"]
        assert len(entries) == 2
        found.append(list(entries))
    assert found[1] == found[0]


def test_a_text_whose_folder_was_removed_is_written_again(tmp_path: Path) -> None:
    """Texts are written without making their folder first; a folder that is gone is made again."""
    import shutil

    from store.bodies import body_key

    many = articles()
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = library.import_articles(many, analyze=False)
        key = body_key(many[0].body)
        shutil.rmtree(tmp_path / "lib" / "bodies" / key[:2])
        again = library.import_articles(many, analyze=False)
        assert again.present == report.added
        assert library.article_text(report.added[0]) == many[0].body
    assert (tmp_path / "lib" / "bodies" / key[:2] / f"{key}.txt").read_text() == many[0].body


def test_no_more_workers_start_than_there_are_analyses_or_than_four_per_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent import futures

    from store import analyses as analyses_module

    started: list[int] = []

    class Recorded(futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: Any) -> None:
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", Recorded)
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = library.import_articles(articles()[:2], jobs=12)
        assert len(report.added) == 2 and not report.warnings
        assert all(library.analysis(aid).facts is not None for aid in report.added)
    assert started == [2]  # one per analysis, not twelve
    started.clear()
    with Library.open(tmp_path / "lib2", import_samples=False) as library:
        analyses = library._analyses
        with analyses.workers(12, total=40):  # an import of 40 articles whose first batch holds 3
            analyses.start_workers(3)
        assert len(library.import_articles(articles(), analyze=False).added) == 3
    assert started == [min(12, 4 * (os.cpu_count() or 1))]  # sized by the import, not its first batch
    monkeypatch.setattr(analyses_module.os, "cpu_count", lambda: 2)
    assert analyses_module.pool_size(99_999, 10_000) == 8
    assert analyses_module.pool_size(99_999, 0) == 8  # the count not known yet
    assert analyses_module.pool_size(3, 0) == 3
    assert analyses_module.pool_size(2, 1) == 1
