"""The signature beside articles.json (store/signed.py): a file the library wrote, unchanged since, is read
without checking its records again; anything else (no signature, a hand edit, a crash between the two
replacements, a TinyDB update in place, a record that fails its check) is checked in full as before."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store import atomic, fastjson
from store.ingest import ParsedArticle
from store.library import Library
from store.serialise import RECORD_CHECKS, article_doc_problem
from store.signed import signature_path
from store.storage import AtomicJSONStorage
from store.tinyfile import TinyFile


@contextlib.contextmanager
def _no_lock() -> Iterator[None]:
    yield


def storage(path: Path, notices: list[str] | None = None) -> AtomicJSONStorage:
    return AtomicJSONStorage(path, lock=_no_lock, notice=(notices if notices is not None else []).append)


def article(i: int, **fields: Any) -> dict[str, Any]:
    doc = {
        "id": f"{i:x}",
        "title": f"Article {i}",
        "published": "2024-03-0" + str(i % 9 + 1),
        "body": "a" * 32,
    }
    return {**doc, **fields}


def articles(n: int) -> dict[str, dict[str, Any]]:
    return {"articles": {str(i): article(i) for i in range(1, n + 1)}}


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the article records checked, in order (the storage's checks are RECORD_CHECKS)."""
    seen: list[str] = []

    def counting(doc: dict[str, Any], key: str) -> str | None:
        seen.append(key)
        return article_doc_problem(doc, key)

    monkeypatch.setitem(RECORD_CHECKS, "articles", counting)
    return seen


class SimulatedCrash(BaseException):
    """Stands for the process dying at a write step."""


def test_an_unchanged_file_is_read_without_checking_its_records(tmp_path: Path, checked: list[str]) -> None:
    path = tmp_path / "articles.json"
    storage(path).write(articles(5))
    assert json.loads(signature_path(path).read_bytes())["length"] == path.stat().st_size
    checked.clear()
    assert storage(path).table("articles") == articles(5)["articles"]
    assert checked == []


def test_a_file_without_signature_is_checked_in_full(tmp_path: Path, checked: list[str]) -> None:
    path = tmp_path / "articles.json"
    storage(path).write(articles(5))
    signature_path(path).unlink()  # a library written before signatures
    checked.clear()
    assert storage(path).table("articles") == articles(5)["articles"]
    assert sorted(checked) == ["1", "2", "3", "4", "5"]


def test_a_hand_edit_is_checked_and_the_bad_record_skipped(tmp_path: Path, checked: list[str]) -> None:
    path = tmp_path / "articles.json"
    storage(path).write(articles(3))
    path.write_bytes(path.read_bytes().replace(b'"title":"Article 2"', b'"title":2222222222222'))
    notices: list[str] = []
    checked.clear()
    docs = storage(path, notices).table("articles")
    assert sorted(docs) == ["1", "3"]
    assert len(checked) == 3
    assert len(notices) == 1 and "'title' is a number" in notices[0]


def test_a_crash_between_the_file_and_its_signature_leaves_a_full_check(
    tmp_path: Path, checked: list[str]
) -> None:
    path = tmp_path / "articles.json"
    first = storage(path)
    first.write(articles(3))
    first.table("articles")

    def crash(event: str, where: Path) -> None:
        if event == "replaced" and where == path:
            raise SimulatedCrash

    atomic.set_step_hook(crash)
    try:
        with pytest.raises(SimulatedCrash):
            first.write(articles(4))
    finally:
        atomic.set_step_hook(None)
    checked.clear()
    assert storage(path).table("articles") == articles(4)["articles"]  # the new file, its old signature
    assert sorted(checked) == ["1", "2", "3", "4"]


def test_a_write_checks_only_the_records_it_has_not_checked(tmp_path: Path, checked: list[str]) -> None:
    path = tmp_path / "articles.json"
    tiny = TinyFile(storage(path))
    tiny.put_docs("articles", {i: article(i) for i in (1, 2, 3)})
    tiny.raw("articles")
    checked.clear()
    tiny.put_docs("articles", {4: article(4)})
    assert checked == ["4"]
    checked.clear()
    assert storage(path).table("articles") == articles(4)["articles"]  # signed: not checked again
    assert checked == []


def test_a_bad_record_written_leaves_the_file_unsigned(tmp_path: Path, checked: list[str]) -> None:
    path = tmp_path / "articles.json"
    tiny = TinyFile(storage(path))
    tiny.put_docs("articles", {1: article(1), 2: article(2, published="someday")})
    assert not signature_path(path).exists()
    notices: list[str] = []
    assert sorted(storage(path, notices).table("articles")) == ["1"]
    assert len(notices) == 1 and "not a date" in notices[0]


def test_a_tinydb_update_in_place_is_checked_again(tmp_path: Path, checked: list[str]) -> None:
    path = tmp_path / "articles.json"
    tiny = TinyFile(storage(path))
    tiny.put_docs("articles", {1: article(1), 2: article(2)})
    tiny.raw("articles")
    tiny.table("articles").update({"title": 7}, doc_ids=[2])  # the same document object, changed
    notices: list[str] = []
    assert sorted(storage(path, notices).table("articles")) == ["1"]
    assert len(notices) == 1 and "'title' is a number" in notices[0]


def test_bytes_the_standard_library_wrote_are_read_by_it(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    tables = {"state": {"1": {"big": 2**70, "tiny": 1e-300, "minus": -0}}}  # orjson would misread these
    storage(path).write(tables)
    assert json.loads(signature_path(path).read_bytes())["orjson"] is False
    read = storage(path).read()
    assert read == tables and type(read["state"]["1"]["big"]) is int


def test_the_signature_is_the_same_whichever_json_writer_wrote_the_file(tmp_path: Path) -> None:
    previous = fastjson.use_stdlib(True)
    try:
        storage(tmp_path / "a" / "articles.json").write(articles(3))
    finally:
        fastjson.use_stdlib(previous)
    storage(tmp_path / "b" / "articles.json").write(articles(3))
    a, b = (signature_path(tmp_path / name / "articles.json").read_bytes() for name in ("a", "b"))
    assert a == b and json.loads(a)["orjson"] is True


def _parsed(i: int) -> ParsedArticle:
    return ParsedArticle(path=f"/src/{i}.md", title=f"Article {i}", body=f"Article {i}\nText number {i}.\n")


def test_a_library_crashed_between_the_two_replacements_opens_checked_in_full(
    tmp_path: Path, checked: list[str]
) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder, import_samples=False) as library:
        library.import_articles([_parsed(1), _parsed(2)], analyze=False)
    with Library.open(folder, import_samples=False) as library:
        checked.clear()
        assert len(library.articles()) == 2 and checked == []  # as written: not checked again
        articles_json = folder / "articles.json"

        def crash(event: str, where: Path) -> None:
            if event == "replaced" and where == articles_json:
                raise SimulatedCrash

        atomic.set_step_hook(crash)
        try:
            with pytest.raises(SimulatedCrash):
                library.import_articles([_parsed(3)], analyze=False)
        finally:
            atomic.set_step_hook(None)
    checked.clear()
    with Library.open(folder, import_samples=False) as library:
        assert sorted(meta.title for meta in library.articles()) == ["Article 1", "Article 2", "Article 3"]
        assert len(checked) == 3 and library.notices == []
