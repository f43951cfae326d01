"""The Library API: import rules, ids, user state, annotations, locks, schema, analysis and queries."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tinydb.table import Document

from store import migrations
from store.bodies import body_key
from store.errors import LibraryCorrupt, LibraryError, LibraryReadOnly
from store.files import LibraryFiles
from store.ids import key_doc_id
from store.library import Library
from tests.store_support import FakeAnalyzer, article_text, open_with_fake_analyzer, write

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fake_lib(tmp_path: Path) -> Iterator[tuple[Library, FakeAnalyzer]]:
    library, fake = open_with_fake_analyzer(tmp_path / "lib")
    yield library, fake
    library.close()


def test_import_is_idempotent(empty_library: Library, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "a.md", article_text("Harbour reopens", "The harbour reopened.", published="2021-03-04"))
    write(src, "sub/b.txt", "Grid record\n\nWind covered demand.\n")
    first = empty_library.import_paths([src], analyze=False)
    assert len(first.added) == 2 and first.ok and not first.present
    second = empty_library.import_paths([src], analyze=False)
    assert second.added == [] and sorted(second.present) == sorted(first.added)
    assert len(empty_library.articles()) == 2


def test_same_text_from_another_file_is_already_present(empty_library: Library, tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", "Title\n\nSame   text\nhere.\n")
    b = write(tmp_path, "copy/a-rewrapped.md", "Title\nSame text here.\n")
    added = empty_library.import_paths([a], analyze=False).added
    report = empty_library.import_paths([b], analyze=False)
    assert report.present == added and not report.added
    assert empty_library.article(added[0]).meta.path == str(a)


def test_body_is_the_text_after_front_matter_exactly(empty_library: Library, tmp_path: Path) -> None:
    text = "---\ntitle: T\npublished: 2020-01-02\n---\nT\r\n\r\n  Body with  spaces.\n"
    aid = empty_library.import_paths([write(tmp_path, "a.md", text)], analyze=False).added[0]
    article = empty_library.article(aid)
    assert article.body == "T\r\n\r\n  Body with  spaces.\n"
    assert article.meta.published == date(2020, 1, 2) and article.meta.title == "T"


def test_edited_file_updates_in_place_and_keeps_annotations(empty_library: Library, tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "Title\n\nThe port handled 5,000 boxes. Officials were pleased.\n")
    aid = empty_library.import_paths([path], analyze=False).added[0]
    body = empty_library.article(aid).body
    kept = empty_library.add_annotation(
        aid, body.index("Officials"), body.index(" were"), "note", note="who?"
    )
    lost = empty_library.add_annotation(aid, body.index("5,000"), body.index(" boxes"), "highlight")
    path.write_text("Title\n\nA new first line.\nThe port handled 6,100 boxes. Officials were pleased.\n")
    report = empty_library.import_paths([path], analyze=False)
    assert report.updated == [aid] and not report.added and not report.present
    new_body = empty_library.article(aid).body
    assert "6,100" in new_body and len(empty_library.articles()) == 1
    by_id = {a.id: a for a in empty_library.annotations(aid)}
    moved = by_id[kept.id]
    assert new_body[moved.start : moved.end] == "Officials" and not moved.orphaned
    assert by_id[lost.id].orphaned and by_id[lost.id].exact == "5,000"
    # the old text is kept: the backup generation refers to it (see the next test)
    assert len(list((empty_library.path / "bodies").rglob("*.txt"))) == 2


def test_backup_restored_after_an_update_still_has_its_text(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    path = write(tmp_path, "a.md", "Title\n\nFirst version of the text.\n")
    with Library.open(folder, import_samples=False) as lib:
        aid = lib.import_paths([path], analyze=False).added[0]
        path.write_text("Title\n\nSecond version of the text.\n")
        assert lib.import_paths([path], analyze=False).updated == [aid]
    (folder / "articles.json").write_text("{ damaged")
    with Library.open(folder, import_samples=False) as lib:
        assert any("restored from articles.json.bak" in n for n in lib.notices)
        assert lib.article(aid).body == "Title\n\nFirst version of the text.\n"  # not "text missing"


def test_url_is_the_identity(empty_library: Library, tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", article_text("A", "First version.", url="https://Example.org/x/"))
    b = write(tmp_path, "elsewhere/b.md", article_text("A", "Second version.", url="https://example.org/x"))
    aid = empty_library.import_paths([a], analyze=False).added[0]
    assert empty_library.import_paths([b], analyze=False).updated == [aid]
    assert "Second version." in empty_library.article(aid).body


def test_a_new_article_with_the_url_an_edited_one_gave_up_is_added(
    empty_library: Library, tmp_path: Path
) -> None:
    a = write(tmp_path, "a.md", article_text("Story A", "Rome story.", url="https://example.org/one"))
    first = empty_library.import_paths([a], analyze=False).added[0]
    write(tmp_path, "a.md", article_text("Story A", "Rome story.", url="https://example.org/two"))
    assert empty_library.import_paths([a], analyze=False).updated == [first]
    b = write(tmp_path, "b.md", article_text("Story B", "Madrid story.", url="https://example.org/one"))
    [second] = empty_library.import_paths([b], analyze=False).added  # not "already present" as Story A
    assert second != first
    assert {m.title for m in empty_library.articles()} == {"Story A", "Story B"}
    again = empty_library.import_paths([b, a], analyze=False)
    assert again.present == [second, first] and not again.added


def test_flags_tags_and_state_persist(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder, import_samples=False) as lib:
        aid = lib.import_paths(
            [write(tmp_path, "a.md", article_text("A", "x", tags="[energy, grid]"))]
        ).added[0]
        assert lib.article(aid).meta.tags == ("energy", "grid")
        lib.set_read(aid)
        lib.set_starred(aid)
        lib.set_tags(aid, ["grid", " wind  power ", "grid", ""])
        lib.set_state("last_article", {"id": aid, "pane": "reader"})
        with pytest.raises(ValueError):
            lib.set_state("bad", object())
    with Library.open(folder, import_samples=False) as lib:
        meta = lib.articles()[0]
        assert meta.read and meta.starred and meta.tags == ("grid", "wind power")
        assert lib.all_tags() == ["grid", "wind power"]
        assert lib.get_state("last_article") == {"id": aid, "pane": "reader"}
        assert lib.get_state("missing", 7) == 7
        with pytest.raises(KeyError):
            lib.set_starred("0123456789abcdef")


def test_annotation_crud_and_undo(empty_library: Library, tmp_path: Path) -> None:
    aid = empty_library.import_paths(
        [write(tmp_path, "a.md", "T\n\nAlpha said so on 2020-03-04.\n")], analyze=False
    ).added[0]
    ann = empty_library.add_annotation(aid, 3, 8, "highlight", color="yellow")
    assert (ann.exact, ann.prefix, ann.suffix[:5]) == ("Alpha", "T\n\n", " said")
    changed = empty_library.update_annotation(ann.id, note="check", color="green")
    assert changed.note == "check" and empty_library.annotations(aid)[0].color == "green"
    moved = empty_library.update_annotation(ann.id, start=9, end=13)
    assert moved.exact == "said"
    with pytest.raises(ValueError):
        empty_library.update_annotation(ann.id, article_id="x")
    with pytest.raises(ValueError):
        empty_library.add_annotation(aid, 5, 500, "highlight")
    with pytest.raises(ValueError):
        empty_library.add_annotation(aid, 3, 8, "scribble")
    removed = empty_library.remove_annotation(ann.id)
    assert empty_library.annotations() == []
    empty_library.restore_annotation(removed)
    assert empty_library.annotations() == [removed]
    with pytest.raises(KeyError):
        empty_library.remove_annotation("ffffffffffffffff")


def test_corrections_come_from_correction_annotations(empty_library: Library, tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "T\n\nAlpha met Beta in March.\n")
    aid = empty_library.import_paths([path], analyze=False).added[0]
    empty_library.add_annotation(aid, 3, 8, "correction", correction={"type": "NONE"})
    march = empty_library.article(aid).body.index("March")
    empty_library.add_annotation(aid, march, march + 5, "correction", correction={"date": "2020-03"})
    corrections = empty_library.corrections()
    assert corrections.entity_types == {"Alpha": "NONE"}
    assert corrections.date_values == {"March": "2020-03"}
    with pytest.raises(ValueError):
        empty_library.add_annotation(aid, 3, 8, "correction")


def test_resolve_id(empty_library: Library, tmp_path: Path) -> None:
    ids = empty_library.import_paths(
        [write(tmp_path, f"{i}.md", f"T{i}\n\nText {i}.\n") for i in range(40)], analyze=False
    )
    first = ids.added[0]
    assert empty_library.resolve_id(first) == first
    assert empty_library.resolve_id(first[:10].upper()) == first
    shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids.added) > 1)  # 40 ids > 16
    with pytest.raises(LibraryError, match="matches"):
        empty_library.resolve_id(shared)
    with pytest.raises(KeyError):
        empty_library.resolve_id("")
    with pytest.raises(KeyError):
        empty_library.resolve_id("zzzz")


def test_second_session_is_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder, import_samples=False, session=True) as first:
        assert not first.read_only
        second = Library.open(folder, import_samples=False, session=True)
        assert second.read_only and "Another Briefing Reader window" in second.notices[0]
        with pytest.raises(LibraryReadOnly):
            second.set_state("x", 1)
        with pytest.raises(LibraryReadOnly):
            second.import_paths([write(tmp_path, "a.md", "A\n\nb\n")])
        second.close()
        first.set_state("x", 1)  # the first keeps writing; headless commands (no session) also may
        with Library.open(folder, import_samples=False) as headless:
            assert not headless.read_only
    with Library.open(folder, import_samples=False, session=True) as again:
        assert not again.read_only


def test_newer_schema_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lib"
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 5)
    Library.open(folder, import_samples=False).close()
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    with Library.open(folder, import_samples=False) as lib:
        assert lib.read_only and "newer Briefing Reader" in lib.notices[0]


def test_migration_hook_runs_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()
    ran: list[str] = []

    def to_v2(files: LibraryFiles) -> None:  # a migration gets the library's files, not the Library
        ran.append(str(files.path))
        files.meta_file.table("state").insert(
            Document({"key": "migrated", "value": True}, doc_id=key_doc_id("migrated"))
        )

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, to_v2)
    with Library.open(folder, import_samples=False) as lib:
        assert ran == [str(folder)] and lib.get_state("migrated") is True
        assert any("upgraded from schema 1 to 2" in n for n in lib.notices)
    with Library.open(folder, import_samples=False):
        assert ran == [str(folder)]  # only once


def test_first_open_imports_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    samples = tmp_path / "samples"
    write(samples, "one.md", "One\n\nFirst.\n")
    write(samples, "two.txt", "Two\n\nSecond.\n")
    monkeypatch.setattr("store.library.samples_dir", lambda: samples)
    with Library.open(tmp_path / "lib") as lib:
        assert sorted(m.title for m in lib.articles()) == ["One", "Two"]
        assert "imported 2 sample" in lib.notices[0]
    with Library.open(tmp_path / "lib") as lib:
        assert lib.notices == []


def test_missing_body_is_reported(empty_library: Library, tmp_path: Path) -> None:
    aid = empty_library.import_paths([write(tmp_path, "a.md", "A\n\nbody\n")], analyze=False).added[0]
    for body in (empty_library.path / "bodies").rglob("*.txt"):
        body.unlink()
    with pytest.raises(LibraryCorrupt, match="missing"):
        empty_library.article(aid)


def test_read_only_open_refuses_writes(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder, import_samples=False) as lib:
        aid = lib.import_paths([write(tmp_path, "a.md", "A\n\nbody\n")], analyze=False).added[0]
    with Library.open(folder, read_only=True) as lib:
        assert lib.article(aid).body == "A\n\nbody\n"
        with pytest.raises(LibraryReadOnly):
            lib.set_starred(aid)
    with pytest.raises(LibraryError, match="no library"):
        Library.open(tmp_path / "nowhere", read_only=True)


def test_a_folder_of_other_files_is_not_made_a_library(tmp_path: Path) -> None:
    folder = tmp_path / "my-articles"  # e.g. `briefing --library ~/articles` instead of `import`
    write(folder, "a.md", "Title\n\nText.\n")
    with pytest.raises(LibraryError, match="is not a Briefing Reader library"):
        Library.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["a.md"]  # nothing was added to it
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"")  # hidden files do not make it someone's folder
    Library.open(tmp_path / "empty", import_samples=False).close()  # an empty folder is fine
    with Library.open(tmp_path / "empty", import_samples=False) as lib:  # and so is a library
        assert lib.articles() == []


def test_library_path_that_is_a_file(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="not a library folder"):
        Library.open(write(tmp_path, "file", "x"))


_IMPORTER = textwrap.dedent(
    """
    import sys
    from store.library import Library
    Library.COMMIT_SECONDS = 0  # save after every file, to interleave with the other process
    with Library.open(sys.argv[1], import_samples=False) as lib:
        report = lib.import_paths([sys.argv[2]], analyze=False)
    print(len(report.added))
    """
)


def test_two_processes_importing_keep_each_others_articles(tmp_path: Path) -> None:
    for who in ("a", "b"):
        for i in range(25):
            write(tmp_path / who, f"{i}.md", f"Article {who}{i}\n\nText of {who} number {i}.\n")
    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _IMPORTER, str(folder), str(tmp_path / who)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("a", "b")
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outputs == ["25", "25"]
    with Library.open(folder, import_samples=False) as lib:
        assert len(lib.articles()) == 50


def test_analysis_is_stored_and_recomputed_when_stale(
    fake_lib: tuple[Library, FakeAnalyzer], tmp_path: Path
) -> None:
    lib, fake = fake_lib
    text = article_text(
        "Alpha grows", "Alpha Corp opened on 2020-03-04.\nAlpha hired in 2020-05.", published="2020-06-01"
    )
    aid = lib.import_paths([write(tmp_path, "a.md", text)]).added[0]
    assert fake.calls == 1
    first = lib.analysis(aid)
    assert fake.calls == 1 and [e.canonical for e in first.entities] == ["Alpha Corp"] * 3
    other, _ = open_with_fake_analyzer(lib.path, fake)  # a new process reads it back from disk
    with other:
        again = other.analysis(aid)
    assert fake.calls == 1 and again == first
    newer, _ = open_with_fake_analyzer(lib.path, fake, version="test-2")
    with newer:
        newer.analysis(aid)
    assert fake.calls == 2
    lib, _ = open_with_fake_analyzer(lib.path, fake, version="test-2")
    body = lib.article(aid).body
    lib.add_annotation(
        aid,
        body.index("Alpha hired"),
        body.index("Alpha hired") + 5,
        "correction",
        correction={"type": "NONE"},
    )
    corrected = lib.analysis(aid)
    assert fake.calls == 3 and [e.text for e in corrected.entities] == ["Alpha Corp"]  # "Alpha" is not one
    lib.close()


def test_timeline_orders_and_filters(fake_lib: tuple[Library, FakeAnalyzer], tmp_path: Path) -> None:
    lib, _ = fake_lib
    a = write(
        tmp_path,
        "a.md",
        article_text("A", "Alpha Corp signed on 2020-03-04.\nRain in 2020-03.", published="2020-04-01"),
    )
    b = write(
        tmp_path,
        "b.md",
        article_text("B", "Nothing on 2019-12-31.\nAlpha left on 2021-01-02.", published="2021-02-01"),
    )
    ids = lib.import_paths([a, b]).added
    values = [e.fact.value for e in lib.timeline()]
    assert values == ["2019-12-31", "2020-03", "2020-03-04", "2021-01-02"]  # month before its days
    assert [e.fact.value for e in lib.timeline(article_id=ids[0])] == ["2020-03", "2020-03-04"]
    assert [e.fact.value for e in lib.timeline(entity="alpha")] == ["2020-03-04", "2021-01-02"]
    assert [e.fact.value for e in lib.timeline(start=date(2020, 3, 10), end=date(2020, 12, 31))] == [
        "2020-03"
    ]
    entry = lib.timeline(end=date(2019, 12, 31))[0]
    assert entry.article_title == "B" and entry.article_id == ids[1]
    with pytest.raises(KeyError):
        lib.timeline(article_id="0000000000000000")


def test_search_titles_bodies_and_entities(fake_lib: tuple[Library, FakeAnalyzer], tmp_path: Path) -> None:
    lib, _ = fake_lib
    a = write(tmp_path, "a.md", "Harbour news\n\nAlpha opened a terminal.\n")
    b = write(tmp_path, "b.md", "Grid news\n\nWind record in Montevideo.\n")
    ida, idb = lib.import_paths([a, b]).added
    assert lib.search("harbour") == [ida]
    assert lib.search("WIND montevideo") == [idb]
    assert sorted(lib.search("news")) == sorted([ida, idb])
    assert lib.search("alpha corp") == [ida]  # the canonical name is only in the analysis
    assert lib.search("   ") == []


def test_import_continues_past_bad_files(empty_library: Library, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "good.md", "Good\n\nFine text.\n")
    write(src, "empty.md", "")
    (src / "binary.md").write_bytes(b"\x00\x01\x02PNG\x00")
    write(src, "date.md", "---\npublished: 2021-02-30\n---\nBad date\n\ntext\n")
    steps = []
    report = empty_library.import_paths([src, tmp_path / "missing"], progress=steps.append, analyze=False)
    assert len(report.added) == 1
    failed = {Path(p.path).name: p.message for p in report.failed}
    assert set(failed) == {"empty.md", "binary.md", "date.md", "missing"}
    assert [s.done for s in steps] == [1, 2, 3, 4, 5] and {s.total for s in steps} == {5}
    assert sorted(s.status for s in steps) == ["added", "failed", "failed", "failed", "failed"]


def test_write_lock_held_too_long_gives_a_clear_error(
    empty_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from store.errors import LibraryLocked

    monkeypatch.setattr("store.files.LOCK_TIMEOUT", 0.2)
    other = FileLock(
        empty_library.path / ".write.lock"
    )  # another writer, e.g. a long import in another process
    with other:
        with pytest.raises(LibraryLocked, match="another briefing process"):
            empty_library.set_state("x", 1)
        assert empty_library.get_state("x") is None  # reading needs no lock
    empty_library.set_state("x", 1)
    assert empty_library.get_state("x") == 1


def test_import_articles_already_read(empty_library: Library) -> None:
    from store.ingest import parse_article

    parsed = [parse_article(f"Wire item {i}\n\nText {i}.\n", f"/feed/{i}") for i in range(3)]
    assert len(empty_library.import_articles(parsed, analyze=False).added) == 3
    again = empty_library.import_articles(parsed, analyze=False)
    assert len(again.present) == 3 and not again.added


def test_threads_share_one_library(empty_library: Library, tmp_path: Path) -> None:
    import threading

    files = [write(tmp_path, f"{i}.md", f"T{i}\n\nText {i}.\n") for i in range(16)]
    ids = empty_library.import_paths(files, analyze=False).added
    errors: list[BaseException] = []

    def work(aid: str) -> None:
        try:
            empty_library.set_starred(aid)
            empty_library.add_annotation(aid, 0, 2, "highlight")
            empty_library.articles()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(aid,)) for aid in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Library.open(empty_library.path, import_samples=False) as fresh:
        assert all(m.starred for m in fresh.articles())
        assert len(fresh.annotations()) == 16


def test_moved_file_is_followed(empty_library: Library, tmp_path: Path) -> None:
    old = write(tmp_path, "old.md", "Title\n\nOriginal text.\n")
    aid = empty_library.import_paths([old], analyze=False).added[0]
    new = tmp_path / "renamed.md"
    old.rename(new)
    assert empty_library.import_paths([new], analyze=False).present == [aid]
    assert empty_library.article(aid).meta.path == str(new)
    new.write_text("Title\n\nEdited text.\n")
    assert empty_library.import_paths([new], analyze=False).updated == [aid]


def test_damaged_leftover_text_is_rewritten_on_import(empty_library: Library, tmp_path: Path) -> None:
    # A crash after a text's rename but before its fsync can leave an empty file under the right name,
    # with no metadata referring to it; importing the article again must not trust that file.
    text = "Title\n\nThe text of the article.\n"
    path = write(tmp_path, "a.md", text)
    key = body_key(text)
    (empty_library.path / "bodies" / key[:2]).mkdir(parents=True)
    (empty_library.path / "bodies" / key[:2] / f"{key}.txt").write_bytes(b"")
    aid = empty_library.import_paths([path], analyze=False).added[0]
    assert empty_library.article(aid).body == text


def test_an_analyzer_is_given_with_its_version(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="version"):
        Library.open(tmp_path / "lib", import_samples=False, analyzer=FakeAnalyzer())
