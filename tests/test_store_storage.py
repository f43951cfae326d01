"""The TinyDB storage under the library: atomic replace, backups, damaged files, other processes' writes."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import atomic
from store.errors import LibraryCorrupt, LibraryError
from store.library import Library
from store.storage import AtomicJSONStorage, parse_tinydb, salvage_tinydb


@contextlib.contextmanager
def _no_lock() -> Iterator[None]:
    yield


def make_storage(path: Path, notices: list[str] | None = None, read_only: bool = False) -> AtomicJSONStorage:
    return AtomicJSONStorage(
        path, lock=_no_lock, notice=(notices if notices is not None else []).append, read_only=read_only
    )


def tables(n: int) -> dict[str, dict[str, object]]:
    return {"articles": {str(i): {"id": f"{i:016x}", "title": f"T{i}"} for i in range(1, n + 1)}}


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    store = make_storage(tmp_path / "a.json")
    store.write(tables(3))
    assert make_storage(tmp_path / "a.json").read() == tables(3)


def test_failed_replace_leaves_previous_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(2))
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(LibraryError, match="could not save"):
        store.write(tables(5))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temporary file left behind
    assert store.read() == tables(2)  # the cache was not left holding the unsaved data


def test_crash_while_writing_data_leaves_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(2))
    before = path.read_bytes()

    def crash(fd: int) -> None:  # the data is half on its way to disk when the "power fails"
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        store.write(tables(400))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_previous_generation_is_kept_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(1))
    store.write(tables(2))
    assert parse_tinydb((tmp_path / "a.json.bak").read_bytes()) == tables(1)
    assert parse_tinydb(path.read_bytes()) == tables(2)


def test_write_by_another_instance_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    first, second = make_storage(path), make_storage(path)
    first.write(tables(1))
    assert second.read() == tables(1)
    second.write(tables(3))
    assert first.read() == tables(3)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (b'{"articles": {"1": {"id": "00', "not valid JSON"),  # truncated mid-write by some other program
        (b"[1, 2, 3]", "not a TinyDB file"),
        (b'{"articles": {"x": 1}}', "not a TinyDB file"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ],
)
def test_damaged_file_is_moved_aside_and_backup_restored(tmp_path: Path, damage: bytes, reason: str) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(1))
    store.write(tables(2))  # backup now holds tables(1)
    path.write_bytes(damage)
    notices: list[str] = []
    assert make_storage(path, notices).read() == tables(1)
    aside = list(tmp_path.glob("a.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damage  # nothing lost
    assert parse_tinydb(path.read_bytes()) == tables(1)
    assert len(notices) == 1 and reason in notices[0] and str(aside[0]) in notices[0]


def test_damaged_file_without_backup_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"articles": {"1": {"id"')
    notices: list[str] = []
    assert make_storage(path, notices).read() is None
    aside = list(tmp_path.glob("a.json.corrupt-*"))
    assert aside[0].read_bytes() == b'{"articles": {"1": {"id"'
    assert "no usable backup" in notices[0] and str(aside[0]) in notices[0]


def test_read_only_damaged_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"not json")
    with pytest.raises(LibraryCorrupt, match=r"a\.json cannot be read"):
        make_storage(path, read_only=True).read()
    assert path.read_bytes() == b"not json"
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_library_reports_damaged_articles_file(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.md").write_text("One\n\nFirst text.\n", encoding="utf-8")
    (src / "two.md").write_text("Two\n\nSecond text.\n", encoding="utf-8")
    with Library.open(folder, import_samples=False) as lib:
        lib.import_paths([src / "one.md"], analyze=False)
        lib.import_paths([src / "two.md"], analyze=False)
    articles = folder / "articles.json"
    damaged = articles.read_bytes()[:40]
    articles.write_bytes(damaged)
    with Library.open(folder, import_samples=False) as lib:
        titles = [m.title for m in lib.articles()]
        assert titles == ["One"]  # the previous generation
        assert any("articles.json could not be read" in n and ".corrupt-" in n for n in lib.notices)
    assert next(folder.glob("articles.json.corrupt-*")).read_bytes() == damaged


_docs = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.lists(st.text(max_size=5))),
    max_size=4,
)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=10), st.dictionaries(st.integers(1, 10**6).map(str), _docs))
)
def test_any_tables_survive_write_and_read(tmp_path_factory: pytest.TempPathFactory, data: dict) -> None:
    path = tmp_path_factory.mktemp("prop") / "t.json"
    make_storage(path).write(data)
    assert make_storage(path).read() == json.loads(json.dumps(data))
    assert not [p for p in os.listdir(path.parent) if p.endswith(".tmp")]


def test_truncated_file_keeps_its_complete_records_on_top_of_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(1))
    store.write({"articles": {**tables(3)["articles"], "1": {"id": "1", "title": "T1 edited"}}})
    whole = path.read_bytes()
    cut = whole.index(b'"3":') + 12  # inside the third record
    path.write_bytes(whole[:cut])
    notices: list[str] = []
    restored = make_storage(path, notices).read()
    # records 1 (edited) and 2 come from the damaged file, nothing from a half-written record 3
    assert restored == {"articles": {"1": {"id": "1", "title": "T1 edited"}, "2": tables(2)["articles"]["2"]}}
    assert parse_tinydb(path.read_bytes()) == restored
    assert next(tmp_path.glob("a.json.corrupt-*")).read_bytes() == whole[:cut]
    assert "a.json.bak plus 2 newer records" in notices[0]


def test_truncated_file_without_backup_keeps_what_it_can(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"meta": {"1": {"v": 1}}, "articles": {"1": {"id": "a", "tags": ["x"]}, "2": {"id"')
    notices: list[str] = []
    assert make_storage(path, notices).read() == {
        "meta": {"1": {"v": 1}},
        "articles": {"1": {"id": "a", "tags": ["x"]}},
    }
    assert "its 2 readable records" in notices[0]


@given(st.integers(min_value=0, max_value=400))
@settings(max_examples=60, deadline=None)
def test_salvage_of_any_prefix_is_a_subset_of_the_file(cut: int) -> None:
    data = {"articles": {str(i): {"id": f"{i}", "t": 'x,}{"' * i} for i in range(1, 6)}, "state": {}}
    raw = json.dumps(data, separators=(",", ":")).encode()
    salvaged = salvage_tinydb(raw[:cut])
    for name, docs in salvaged.items():
        for key, doc in docs.items():
            assert data[name][key] == doc
    assert salvage_tinydb(raw) == data


def test_crash_during_recovery_leaves_the_damaged_file_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(1))
    store.write(tables(2))
    path.write_bytes(b"{ damaged")

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # stands for the process dying before the backup is written back

    monkeypatch.setattr("store.storage.atomic_write", killed)
    with pytest.raises(KeyboardInterrupt):
        make_storage(path).read()
    # never "missing" (which would look like an empty library whose next save drops the backup)
    assert path.read_bytes() == b"{ damaged"
    monkeypatch.undo()
    assert make_storage(path).read() == tables(1)
    assert parse_tinydb((tmp_path / "a.json.bak").read_bytes()) == tables(1)


def test_a_deleted_file_is_restored_from_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(1))
    store.write(tables(2))  # backup now holds tables(1)
    path.unlink()
    notices: list[str] = []
    assert make_storage(path, notices).read() == tables(1)
    assert parse_tinydb(path.read_bytes()) == tables(1)
    assert notices == ["a.json was missing; it was restored from a.json.bak."]


def test_a_deleted_file_in_a_read_only_library_shows_the_backup_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    store = make_storage(path)
    store.write(tables(1))
    store.write(tables(2))
    path.unlink()
    notices: list[str] = []
    viewer = make_storage(path, notices, read_only=True)
    assert viewer.read() == tables(1)
    assert viewer.read() == tables(1)  # still shown, and said once
    assert not path.exists()
    assert len(notices) == 1 and "is missing; showing its backup" in notices[0]
