"""Delete and restore: the trash keeps an article whole (flags, tags, annotations, analysis), the list,
search and timeline leave it out, a re-import does not bring it back, nor does a feed update; the
`briefing delete / restore / list --trash` commands; each change crash-safe at every write step."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from store import atomic
from store.errors import LibraryError
from store.feeds import subscribe, update_feeds
from store.ingest.fetch import HostLimiter, new_client
from store.library import Library
from tests.http_support import LocalServer, local_only
from tests.store_support import FakeAnalyzer, article_text, write
from tests.test_feeds import _full_items
from tests.web_fixtures import STORIES, rss

TEXTS = {
    "a.md": article_text("Harbour", "Alpha Corp moved 5,000 boxes on 2020-03-04.", published="2020-03-05"),
    "b.md": article_text(
        "Grid", "Alpha Corp built the line in 2020-05. Wind covered it.", url="https://x.org/b"
    ),
    "c.md": article_text("Rail", "The bridge opened on 2021-01-02. Trains cross daily."),
}


class SimulatedCrash(BaseException):
    """Stands for the process dying at a write step (BaseException: nothing may catch it)."""


def open_library(folder: Path) -> Library:
    return Library.open(folder, import_samples=False, analyzer=FakeAnalyzer(), analyzer_version="test-1")


@pytest.fixture
def hook() -> Iterator[None]:
    yield
    atomic.set_step_hook(None)


def prepare(root: Path) -> dict[str, str]:
    """A library of three articles with flags, tags and annotations; their ids by file name."""
    for name, text in TEXTS.items():
        write(root / "src", name, text)
    with open_library(root / "lib") as library:
        report = library.import_paths([root / "src"])
        ids = {Path(library.article(aid).meta.path or "").name: aid for aid in report.added}
        for name, aid in ids.items():
            body = library.article(aid).body
            library.add_annotation(aid, 0, body.index(" "), "note", note=f"on {name}")
            library.add_annotation(aid, body.index(" ") + 1, len(body.rstrip()), "highlight")
        library.set_starred(ids["a.md"])
        library.set_read(ids["b.md"])
        library.set_tags(ids["a.md"], ["ports", "mine"])
    return ids


@pytest.fixture
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("trash")
    return root, prepare(root)


def seen(folder: Path) -> tuple[Any, ...]:
    """What the user sees (articles with flags and texts, annotations, trash) once the library is open."""
    with open_library(folder) as library:
        assert not (folder / "journal.json").exists()
        metas = sorted(((m, library.article(m.id).body) for m in library.articles()), key=lambda p: p[0].id)
        notes = sorted((a.id, a.article_id, a.start, a.end, a.exact, a.note) for a in library.annotations())
        trash = sorted(((t.meta, t.annotations) for t in library.trash()), key=lambda p: p[0].id)
        return tuple(metas), tuple(notes), tuple(trash)


# -- the store --------------------------------------------------------------------------------------------
def test_delete_and_restore_keep_everything(prepared: tuple[Path, dict[str, str]]) -> None:
    root, ids = prepared
    aid = ids["a.md"]
    with open_library(root / "lib") as library:
        before_meta = next(m for m in library.articles() if m.id == aid)
        before_notes = library.annotations(aid)
        assert library.search("Alpha") and aid in library.search("boxes")
        assert any(e.article_id == aid for e in library.timeline())
        library.analysis(aid)
        analysis_file = root / "lib" / "analysis" / aid[:2] / f"{aid}.json"
        assert analysis_file.exists()

        assert library.delete([aid]) == [aid]
        assert aid not in {m.id for m in library.articles()}
        assert library.search("boxes") == []
        assert all(e.article_id != aid for e in library.timeline())
        assert library.annotations(aid) == []
        with pytest.raises(KeyError):
            library.article(aid)
        [trashed] = library.trash()
        assert trashed.meta == before_meta and trashed.annotations == 2
        assert library.resolve_trashed_id(aid[:5]) == aid
        with pytest.raises(KeyError):
            library.resolve_id(aid)
        with pytest.raises(KeyError):
            library.delete([aid])  # not in the library any more
        assert analysis_file.exists()  # kept for the restore

        assert library.restore([aid]) == [aid]
        assert next(m for m in library.articles() if m.id == aid) == before_meta  # star and tags back
        assert library.annotations(aid) == before_notes
        assert library.trash() == []
        assert aid in library.search("boxes")
        with pytest.raises(KeyError):
            library.restore([aid])


def test_reimporting_a_deleted_file_says_it_is_in_the_trash(prepared: tuple[Path, dict[str, str]]) -> None:
    root, ids = prepared
    with open_library(root / "lib") as library:
        library.delete([ids["a.md"], ids["b.md"]])
        write(root / "src", "b.md", TEXTS["b.md"].replace("Wind", "Solar"))  # edited, same URL
        report = library.import_paths([root / "src"])
        assert sorted(report.trashed) == sorted([ids["a.md"], ids["b.md"]])
        assert report.added == [] and report.updated == [] and report.ok
        assert any(f"briefing restore {ids['a.md'][:12]}" in n.message for n in report.notes)
        assert {m.id for m in library.articles()} == {ids["c.md"]}
        library.restore([ids["b.md"]])
        assert "Wind" in library.article(ids["b.md"]).body  # the deleted copy, as it was


def test_restoring_an_article_imported_again_meanwhile_is_refused(
    prepared: tuple[Path, dict[str, str]],
) -> None:
    root, ids = prepared
    with open_library(root / "lib") as library:
        library.delete([ids["c.md"]])
    with open_library(root / "lib") as library:
        # Another library's copy of the same text came in through a path the trash does not know.
        trash = json.loads((root / "lib" / "trash.json").read_text())
        doc = next(iter(trash["trash"].values()))["article"]
        library._files.articles_file.put_docs("articles", {int(doc["id"], 16): doc})
        with pytest.raises(LibraryError, match="in the library again"):
            library.restore([ids["c.md"]])
        assert len(library.trash()) == 1
        # Deleting the copy that came back keeps the earlier copy's annotations with it.
        library.add_annotation(ids["c.md"], 0, 4, "highlight")
        library.delete([ids["c.md"]])
        [trashed] = library.trash()
        assert trashed.annotations == 3
        library.restore([ids["c.md"]])
        assert len(library.annotations(ids["c.md"])) == 3


def test_a_restore_refused_for_one_article_says_the_others_were_not_restored_either(
    prepared: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, ids = prepared
    with open_library(root / "lib") as library:
        library.delete([ids["a.md"], ids["c.md"]])
        trash = json.loads((root / "lib" / "trash.json").read_text())
        doc = next(e["article"] for e in trash["trash"].values() if e["article"]["id"] == ids["c.md"])
        library._files.articles_file.put_docs("articles", {int(doc["id"], 16): doc})  # c.md is back
    capsys.readouterr()
    assert briefing(root / "lib", "restore", ids["c.md"][:8], ids["a.md"][:8]) == 1
    said = capsys.readouterr().err
    assert "is in the library again" in said
    assert f"so nothing was restored ({ids['a.md'][:12]} neither)" in said
    with open_library(root / "lib") as library:
        assert ids["a.md"] in {t.meta.id for t in library.trash()}  # still there, as said


# -- a deleted feed item stays deleted --------------------------------------------------------------------
def test_a_deleted_feed_item_does_not_come_back(
    web: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = local_only(monkeypatch)
    items = _full_items(STORIES[:2])
    url = web.add("/rss", rss("Courier", items), content_type="application/rss+xml")
    with Library.open(tmp_path / "lib", import_samples=False) as library, new_client(timeout=2) as client:
        subscribe(library, url, client=client)
        update_feeds(library, client=client, limiter=HostLimiter(spacing=0))
        victim = next(m for m in library.articles() if m.title == STORIES[0].title)
        library.delete([victim.id])
        [again] = update_feeds(library, client=client, limiter=HostLimiter(spacing=0))
        assert again.new == 0 and again.error is None
        assert victim.id not in {m.id for m in library.articles()}
        # Even with the feed's memory of its items gone, the import keeps it in the trash.
        store = library.feed_store()
        tiny = library._files.file("feeds.json")
        tiny.table(store.TABLE).update({"seen": []})
        [third] = update_feeds(library, client=client, limiter=HostLimiter(spacing=0))
        assert third.new == 0 and third.failed == 0
        assert [m.title for m in library.articles()] == [STORIES[1].title]
        assert [t.meta.id for t in library.trash()] == [victim.id]
    assert not refused


# -- the commands -----------------------------------------------------------------------------------------
def briefing(lib: Path, *args: str) -> int:
    return main(["--library", str(lib), *args])


def test_delete_restore_and_list_trash_commands(
    prepared: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, ids = prepared
    lib = root / "lib"
    a, b = ids["a.md"], ids["b.md"]
    assert briefing(lib, "list", "--trash") == 0
    assert "the trash is empty" in capsys.readouterr().err

    assert briefing(lib, "delete", a[:6], b) == 0
    out = capsys.readouterr().out
    assert f"deleted  {a[:12]}  Harbour" in out and "2 articles moved to the trash" in out

    assert briefing(lib, "delete", a[:6]) == 0  # already deleted: said, not an error
    assert f"{a[:12]} is already in the trash" in capsys.readouterr().err
    assert briefing(lib, "delete", "zz") == 1
    err = capsys.readouterr().err
    assert "no article with id 'zz'" in err

    assert briefing(lib, "list") == 0
    assert capsys.readouterr().out.count("\n") == 1  # only c.md
    assert briefing(lib, "show", a[:8]) == 1
    assert (
        f"{a[:12]} is in the trash; bring it back with: briefing restore {a[:12]}" in capsys.readouterr().err
    )
    assert briefing(lib, "list", "--trash") == 0
    listed = capsys.readouterr().out
    assert a[:12] in listed and b[:12] in listed and "(deleted " in listed
    assert briefing(lib, "list", "--trash", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in data} == {a, b}
    by_id = {d["id"]: d for d in data}
    assert by_id[a]["starred"] and by_id[a]["annotations"] == 2 and by_id[a]["deleted"]

    assert briefing(lib, "restore", a[:8], "nope") == 1
    out, err = capsys.readouterr()
    assert f"restored {a[:12]}  Harbour" in out and "no deleted article with id 'nope'" in err
    assert briefing(lib, "restore", a) == 0
    assert f"{a[:12]} is not in the trash: it is in the library" in capsys.readouterr().err
    assert briefing(lib, "list", "--trash", "--json") == 0
    assert [d["id"] for d in json.loads(capsys.readouterr().out)] == [b]


def test_an_ambiguous_prefix_deletes_nothing_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    for n in range(40):  # 40 ids over 16 first digits: some share one
        write(src, f"{n}.md", article_text(f"Title {n}", f"Text number {n}."))
    with open_library(tmp_path / "lib") as library:
        library.import_paths([src], analyze=False)
        ids = [m.id for m in library.articles()]
    first = next(i[0] for i in ids if sum(j[0] == i[0] for j in ids) > 1)
    assert briefing(tmp_path / "lib", "delete", first) == 1
    assert "give more characters of the id" in capsys.readouterr().err
    with open_library(tmp_path / "lib") as library:
        assert len(library.articles()) == 40 and library.trash() == []


def test_delete_in_a_read_only_library_is_refused(
    prepared: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, ids = prepared
    with Library.open(root / "lib", read_only=True) as viewer, pytest.raises(LibraryError, match="read-only"):
        viewer.delete([ids["a.md"]])
    with open_library(root / "lib") as library:
        assert len(library.articles()) == 3


# -- crash safety ---------------------------------------------------------------------------------------
def _every_step(
    prepared: tuple[Path, dict[str, str]], tmp_path: Path, change: Any, setup: Any = None
) -> list[str]:
    """Run `change(library, ids)` crashing at each write step in turn on a fresh copy; after each crash the
    reopened library is entirely as before or as after, and running the change again completes it."""
    root, ids = prepared

    def fresh(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(root / "lib", folder)
        if setup is not None:
            with open_library(folder) as library:
                setup(library, ids)
        return folder

    before = seen(fresh("before"))
    steps: list[str] = []
    done = fresh("done")
    atomic.set_step_hook(lambda event, path: steps.append(f"{event} {path.name}"))
    with open_library(done) as library:
        change(library, ids)
    atomic.set_step_hook(None)
    after = seen(done)
    assert after != before
    assert any("journal.json" in s for s in steps) and any("trash.json" in s for s in steps)
    outcomes: list[str] = []
    for n in range(1, len(steps) + 1):
        folder = fresh(f"crash-{n}")
        count = 0

        def crash(event: str, path: Path, n: int = n) -> None:
            nonlocal count
            count += 1
            if count == n:
                raise SimulatedCrash(f"{event} {path.name}")

        atomic.set_step_hook(crash)
        library = open_library(folder)
        with pytest.raises(SimulatedCrash):
            change(library, ids)
        atomic.set_step_hook(None)
        library.close()
        state = seen(folder)
        assert state in (before, after), f"a crash at step {n} ({steps[n - 1]}) left a state in between"
        outcomes.append("before" if state == before else "after")
        if state == before:
            with open_library(folder) as library:
                change(library, ids)
        assert seen(folder) == after, f"after a crash at step {n} ({steps[n - 1]})"
    assert "before" in outcomes and "after" in outcomes
    assert outcomes == sorted(outcomes, key=["before", "after"].index)
    return steps


def test_a_crash_at_any_step_of_a_delete(
    prepared: tuple[Path, dict[str, str]], tmp_path: Path, hook: None
) -> None:
    steps = _every_step(prepared, tmp_path, lambda lib, ids: lib.delete([ids["a.md"], ids["b.md"]]))
    assert any(s.startswith("replaced articles.json") for s in steps)
    assert any("annotations" in s or ".json" in s for s in steps)


def test_a_crash_at_any_step_of_a_restore(
    prepared: tuple[Path, dict[str, str]], tmp_path: Path, hook: None
) -> None:
    steps = _every_step(
        prepared,
        tmp_path,
        lambda lib, ids: lib.restore([ids["a.md"], ids["b.md"]]),
        setup=lambda lib, ids: lib.delete([ids["a.md"], ids["b.md"]]),
    )
    assert any(s.startswith("replaced articles.json") for s in steps)
