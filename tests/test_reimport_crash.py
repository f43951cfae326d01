"""A re-import of edited articles is crash-safe as a whole: a crash at any write step leaves the library
entirely as before or entirely as after the import, and every annotation's quote matches its text (or the
annotation is orphaned). The crash is injected at each write step in turn (store.atomic's step hook),
never timed; a subprocess variant is killed with SIGKILL at chosen steps."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store import atomic
from store.bodies import body_key
from store.facts_index import BYPASS_ENV, FOLDER, TABLE
from store.library import Library
from tests.store_support import FakeAnalyzer, write

ROOT = Path(__file__).resolve().parent.parent

# Three articles (so their annotations sit in several shard files); each edit moves text and drops a quote.
ORIGINAL = {
    "a.md": "Harbour\n\nThe port handled 5,000 boxes on 2020-03-04. Officials were pleased.\n",
    "b.md": "Grid\n\nAlpha Corp built the line in 2020-05. Wind covered demand at night.\n",
    "c.md": "Rail\n\nThe new bridge opened on 2021-01-02. Trains now cross the river daily.\n",
}
EDITED = {
    "a.md": "Harbour\n\nA new line.\nThe port handled 6,100 boxes on 2020-03-04. Officials were pleased.\n",
    "b.md": "Grid\n\nUpdated.\nAlpha Corp built the line in 2020-05. Solar covered demand at night.\n",
    "c.md": "Rail\n\nThe new bridge opened on 2021-01-02.\n\nTrains now cross the river daily, they said.\n",
}
QUOTES = {"a.md": ("5,000", "Officials"), "b.md": ("Alpha Corp", "Wind"), "c.md": ("bridge", "Trains")}


class SimulatedCrash(BaseException):
    """Stands for the process dying at a write step (BaseException: nothing may catch it)."""


def open_library(folder: Path) -> Library:
    return Library.open(folder, import_samples=False, analyzer=FakeAnalyzer(), analyzer_version="test-1")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of the three articles, two annotations each; the source files are beside it."""
    root = tmp_path_factory.mktemp("crash")
    for name, text in ORIGINAL.items():
        write(root / "src", name, with_url(name, text))
    with open_library(root / "lib") as library:
        report = library.import_paths([root / "src"])
        assert len(report.added) == 3
        by_path = {Path(library.article(aid).meta.path or "").name: aid for aid in report.added}
        for name, quotes in QUOTES.items():
            aid = by_path[name]
            body = library.article(aid).body
            for quote in quotes:
                start = body.index(quote)
                library.add_annotation(aid, start, start + len(quote), "note", note=f"on {quote}")
    return root


def with_url(name: str, text: str) -> str:
    """The article's URL is its identity, so a copy of the library in another folder matches its files."""
    return f"---\nurl: https://example.org/{name}\n---\n{text}"


def copy_of(prepared: Path, target: Path) -> Path:
    shutil.copytree(prepared, target)
    for name, text in EDITED.items():
        write(target / "src", name, with_url(name, text))
    return target


def on_disk(folder: Path) -> dict[str, Any]:
    """The articles and annotations tables as the files hold them (the copy's own folder left out)."""
    shards = sorted((folder / "annotations").glob("*.json"))
    names = ["articles.json", *(f"annotations/{p.name}" for p in shards)]
    return {
        name: json.loads(re.sub(r'"path":"[^"]*/src/', '"path":"', (folder / name).read_text()))
        for name in names
    }


def index_mirrors_analyses(folder: Path, library: Library) -> None:
    """The timeline read from the facts index is the one read from the analyses, and once it has been
    read, each index entry describes the analysis file beside it (the same key and length). Analyses and
    their entries are separate atomic files: an entry left behind by a crash no longer matches its
    analysis and is made again by the first question."""
    indexed = library.timeline()
    os.environ[BYPASS_ENV] = "1"
    try:
        assert indexed == library.timeline()
    finally:
        del os.environ[BYPASS_ENV]
    entries = [
        e for shard in (folder / FOLDER).glob("*.json") for e in json.loads(shard.read_text())[TABLE].values()
    ]
    assert entries
    for entry in entries:
        stored = folder / "analysis" / entry["id"][:2] / f"{entry['id']}.json"
        record = json.loads(stored.read_text())["analysis"]["1"]
        assert entry["key"] == {name: record[name] for name in entry["key"]}
        assert entry["size"] == stored.stat().st_size


def snapshot(folder: Path) -> tuple[dict[str, Any], dict[str, Any], list[tuple[Any, ...]]]:
    """The files once opened (an interrupted change completed), and what the user sees: every article
    with its text, every annotation; checks that each annotation's quote holds and that the facts index
    mirrors the analyses."""
    with open_library(folder) as library:
        assert not (folder / "journal.json").exists()
        index_mirrors_analyses(folder, library)
        files = on_disk(folder)
        texts = {m.id: (m.title, library.article(m.id).body) for m in library.articles()}
        assert len(texts) == len(ORIGINAL)
        annotations = library.annotations()
        for a in annotations:
            assert a.orphaned or texts[a.article_id][1][a.start : a.end] == a.exact, a
        return files, texts, sorted((a.id, a.start, a.end, a.exact, a.orphaned, a.note) for a in annotations)


@pytest.fixture
def hook() -> Iterator[list[str]]:
    """The steps seen (event and file name); the hook is always removed after the test."""
    steps: list[str] = []
    yield steps
    atomic.set_step_hook(None)


def reimport(folder: Path) -> None:
    library = open_library(folder / "lib")
    library.import_paths([folder / "src"])  # with analysis: its writes are steps too
    library.close()


def test_a_crash_at_any_write_step_leaves_the_library_before_or_after(
    prepared: Path, tmp_path: Path, hook: list[str]
) -> None:
    before = snapshot(prepared / "lib")
    done = copy_of(prepared, tmp_path / "done")

    def count(event: str, path: Path) -> None:
        hook.append(f"{event} {path.name}")

    atomic.set_step_hook(count)
    reimport(done)
    atomic.set_step_hook(None)
    after = snapshot(done / "lib")
    assert after != before
    total = len(hook)
    assert any("journal.json" in step for step in hook)  # the change spanned several files
    assert any(step.startswith("replaced articles.json") for step in hook)
    assert any(re.fullmatch(r"replaced [0-9a-f]{3}\.json", step) for step in hook)  # facts index shards

    outcomes: list[str] = []
    for n in range(1, total + 1):
        folder = copy_of(prepared, tmp_path / f"crash-{n}")
        seen = 0

        def crash(event: str, path: Path, n: int = n) -> None:
            nonlocal seen
            seen += 1
            if seen == n:
                raise SimulatedCrash(f"{event} {path.name}")

        atomic.set_step_hook(crash)
        with pytest.raises(SimulatedCrash):
            reimport(folder)
        atomic.set_step_hook(None)
        state = snapshot(folder / "lib")
        assert state in (before, after), f"crash at step {n} ({hook[n - 1]}) left a state in between"
        outcomes.append("before" if state == before else "after")
        reimport(folder)  # running the import again completes it
        assert snapshot(folder / "lib") == after, f"after a crash at step {n} ({hook[n - 1]})"
    assert "before" in outcomes and "after" in outcomes
    assert outcomes == sorted(outcomes, key=["before", "after"].index)  # once after, never before again


CHILD = """
import os, signal, sys
from pathlib import Path
from store import atomic
from store.bodies import body_key
from store.library import Library
from tests.store_support import FakeAnalyzer

event, name = sys.argv[3], sys.argv[4]

def kill(seen_event, path):
    if seen_event == event and path.name == name:
        os.kill(os.getpid(), signal.SIGKILL)

atomic.set_step_hook(kill)
library = Library.open(sys.argv[1], import_samples=False, analyzer=FakeAnalyzer(), analyzer_version="test-1")
library.import_paths([sys.argv[2]])
print("finished without reaching the step", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize(
    ("event", "name"),
    [("replaced", "journal.json"), ("replaced", "articles.json"), ("remove", "journal.json")],
)
def test_sigkill_during_reimport(prepared: Path, tmp_path: Path, event: str, name: str) -> None:
    before = snapshot(prepared / "lib")
    done = copy_of(prepared, tmp_path / "done")
    reimport(done)
    after = snapshot(done / "lib")

    folder = copy_of(prepared, tmp_path / "killed")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder / "lib"), str(folder / "src"), event, name],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    assert (folder / "lib" / "journal.json").exists()  # killed with the change recorded, not finished
    assert snapshot(folder / "lib") == after  # the next open completed it
    assert before != after


def test_a_damaged_journal_is_kept_aside_and_reported(prepared: Path, tmp_path: Path) -> None:
    folder = copy_of(prepared, tmp_path / "lib")
    before = snapshot(folder / "lib")
    (folder / "lib" / "journal.json").write_text('{"version": 1, "files": [{"path": "../x", "tables": {}}]}')
    with open_library(folder / "lib") as library:
        assert any("journal.json cannot be read" in n and "outside the library" in n for n in library.notices)
    assert (folder / "lib" / "journal.json.damaged").exists()
    assert not (tmp_path / "x").exists()
    assert snapshot(folder / "lib") == before


def test_read_only_open_reports_an_interrupted_change(prepared: Path, tmp_path: Path) -> None:
    folder = copy_of(prepared, tmp_path / "lib")
    library = open_library(folder / "lib")
    atomic.set_step_hook(lambda event, path: _crash_after_journal(event, path))
    try:
        with pytest.raises(SimulatedCrash):
            library.import_paths([folder / "src"], analyze=False)
    finally:
        atomic.set_step_hook(None)
    with Library.open(folder / "lib", read_only=True) as viewer:
        assert any("was interrupted" in n for n in viewer.notices)
        for a in viewer.annotations():  # even before the change is completed, no quote is wrong
            assert a.orphaned or viewer.article(a.article_id).body[a.start : a.end] == a.exact
    assert (folder / "lib" / "journal.json").exists()


def _crash_after_journal(event: str, path: Path) -> None:
    if event == "replaced" and path.name == "articles.json":
        raise SimulatedCrash(path.name)


def test_annotations_left_on_an_old_text_are_checked_when_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The state the crash used to leave (or a restored backup of one file): the article's new text is in
    # articles.json, its annotations still hold offsets into the old one.
    from store.annotations import Annotations

    path = write(tmp_path, "a.md", "Title\n\nThe port handled 5,000 boxes. Officials were pleased.\n")
    with open_library(tmp_path / "lib") as library:
        aid = library.import_paths([path], analyze=False).added[0]
        body = library.article(aid).body
        kept = library.add_annotation(aid, body.index("Officials"), body.index(" were"), "note", note="who?")
        lost = library.add_annotation(aid, body.index("5,000"), body.index(" boxes"), "highlight")
    path.write_text("Title\n\nA new first line.\nThe port handled 6,100 boxes. Officials were pleased.\n")
    with monkeypatch.context() as patch:
        patch.setattr(Annotations, "moved", lambda self, rebodied: [])  # the annotations are not moved
        with open_library(tmp_path / "lib") as library:
            assert library.import_paths([path], analyze=False).updated == [aid]
    shard = tmp_path / "lib" / "annotations" / f"{aid[:2]}.json"
    stale = json.loads(shard.read_text())["annotations"]
    assert {doc["body"] for doc in stale.values()} == {body_key(body)}  # the old text's key

    with open_library(tmp_path / "lib") as library:
        new_body = library.article(aid).body
        found = {a.id: a for a in library.annotations(aid)}
        assert new_body[found[kept.id].start : found[kept.id].end] == "Officials"
        assert not found[kept.id].orphaned and found[kept.id].note == "who?"
        assert found[lost.id].orphaned and found[lost.id].exact == "5,000"
    repaired = json.loads(shard.read_text())["annotations"]  # saved, so the check is not made again
    assert {doc["body"] for doc in repaired.values()} == {body_key(new_body)}


def test_annotations_without_a_recorded_text_are_checked(tmp_path: Path) -> None:
    # Written before annotations recorded their text: kept where the quote holds, re-attached elsewhere.
    path = write(tmp_path, "a.md", "Title\n\nAlpha met Beta. Then Beta left.\n")
    with open_library(tmp_path / "lib") as library:
        aid = library.import_paths([path], analyze=False).added[0]
        body = library.article(aid).body
        right = library.add_annotation(aid, body.index("Alpha"), body.index(" met"), "highlight")
        shifted = library.add_annotation(aid, body.index("Then"), body.index(" Beta left"), "highlight")
    shard = tmp_path / "lib" / "annotations" / f"{aid[:2]}.json"
    data = json.loads(shard.read_text())
    for doc in data["annotations"].values():
        del doc["body"]
        if doc["id"] == shifted.id:
            doc["start"], doc["end"] = doc["start"] - 2, doc["end"] - 2  # offsets that no longer fit
    shard.write_text(json.dumps(data))
    with Library.open(tmp_path / "lib", read_only=True) as viewer:  # read-only: checked in memory
        found = {a.id: a for a in viewer.annotations()}
        assert (found[right.id].start, found[right.id].end) == (right.start, right.end)
        assert (found[shifted.id].start, found[shifted.id].end) == (shifted.start, shifted.end)
    assert all("body" not in doc for doc in json.loads(shard.read_text())["annotations"].values())
    with open_library(tmp_path / "lib") as library:
        assert library.annotations() == [right, shifted]
    assert all("body" in doc for doc in json.loads(shard.read_text())["annotations"].values())


def analysis_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted((folder / "analysis").rglob("*.json"))}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_while_storing_a_group_of_analyses_leaves_each_stored_or_to_be_made(
    tmp_path: Path, hook: list[str], jobs: int
) -> None:
    """The analyses an import makes are stored as one group (store.atomic.atomic_write_many: temporary
    files, one wait for the disk, the renames; with worker processes, they write the temporary files):
    a crash at any of its steps leaves every analysis file absent or complete, never damaged, and the
    next import and reads store the rest as an uninterrupted import does."""
    for name, text in ORIGINAL.items():
        write(tmp_path / "src", name, with_url(name, text))

    def count(event: str, path: Path) -> None:
        if "analysis" in path.parts:
            hook.append(f"{event} {path.name}")

    atomic.set_step_hook(count)
    with open_library(tmp_path / "done") as library:
        library.import_paths([tmp_path / "src"], jobs=jobs)
    atomic.set_step_hook(None)
    expected = analysis_files(tmp_path / "done")
    assert len(expected) == len(ORIGINAL) and len(hook) == 2 * len(ORIGINAL)

    for n in range(1, len(hook) + 1):
        folder = tmp_path / f"crash-{n}"
        seen = 0

        def crash(event: str, path: Path, n: int = n) -> None:
            nonlocal seen
            if "analysis" in path.parts:
                seen += 1
                if seen == n:
                    raise SimulatedCrash(f"{event} {path.name}")

        atomic.set_step_hook(crash)
        with pytest.raises(SimulatedCrash), open_library(folder) as library:
            library.import_paths([tmp_path / "src"], jobs=jobs)
        atomic.set_step_hook(None)
        stored = analysis_files(folder)
        assert len(stored) == n // 2, f"crash at {hook[n - 1]}"  # the files renamed before the crash
        assert all(stored[name] == expected[name] for name in stored), f"crash at {hook[n - 1]}"
        with open_library(folder) as library:
            library.import_paths([tmp_path / "src"])  # sweeps the temporary files the crash left
            for meta in library.articles():
                library.analysis(meta.id)  # makes and stores the missing ones
            assert not library.notices, library.notices
        assert analysis_files(folder) == expected
        assert not list((folder / "analysis").rglob("*.tmp"))
