"""Records that are valid JSON but not usable (missing id, a number for a title, a bad date, tags that are
not a list, ...) are skipped with a one-line notice by every command, and stay on disk untouched."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import NonInteractiveExampleWarning

from cli.main import main
from store.library import Library
from store.serialise import (
    annotation_doc_problem,
    annotation_from_doc,
    article_doc_problem,
    flags_doc_problem,
    meta_from_doc,
)
from tests.store_support import article_text, write

GOOD_TITLE = "Harbour reopens"
BAD_TITLE = "Broken record"


def _library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """A library of two articles (ids good, bad) with a highlight on each."""
    folder = tmp_path / "lib"
    src = tmp_path / "in"
    write(
        src,
        "good.md",
        article_text(GOOD_TITLE, "The harbour reopened on 2021-01-05.", published="2021-01-06"),
    )
    write(src, "bad.md", article_text(BAD_TITLE, "The bridge closed on 2020-03-04.", published="2020-03-05"))
    with Library.open(folder, import_samples=False) as library:
        report = library.import_paths([src])
        assert len(report.added) == 2
        by_title = {m.title: m.id for m in library.articles()}
        for aid in by_title.values():
            library.add_annotation(aid, 0, 3, "highlight", color="yellow")
    return folder, by_title[GOOD_TITLE], by_title[BAD_TITLE]


def _edit_article(folder: Path, article_id: str, change: dict[str, Any], drop: str | None = None) -> bytes:
    path = folder / "articles.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = data["articles"][str(int(article_id, 16))]
    doc.update(change)
    if drop:
        del doc[drop]
    raw = json.dumps(data).encode("utf-8")
    path.write_bytes(raw)
    return raw


DAMAGE = [
    pytest.param({}, "id", id="no-id"),
    pytest.param({"title": 42}, None, id="title-number"),
    pytest.param({"published": "2021-13-45"}, None, id="bad-date"),
    pytest.param({"published": 20210105}, None, id="date-number"),
    pytest.param({"tags": "iraq"}, None, id="tags-not-list"),
    pytest.param({"body": "../../etc/passwd"}, None, id="bad-body-key"),
    pytest.param({"id": "zz"}, None, id="id-not-hex"),
]


@pytest.mark.parametrize(("change", "drop"), DAMAGE)
@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--json"],
        ["timeline"],
        ["timeline", "--json"],
        ["export", "--format", "md"],
        ["export", "--format", "json"],
        ["export", "--format", "timelinejs"],
    ],
)
def test_commands_skip_a_bad_article_record_and_keep_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    change: dict[str, Any],
    drop: str | None,
) -> None:
    folder, _, bad = _library(tmp_path, monkeypatch)
    raw = _edit_article(folder, bad, change, drop)
    code = main(["--library", str(folder), *command])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    notices = [line for line in err.splitlines() if "skipped" in line]
    assert len(notices) == 1, err
    assert "articles.json" in notices[0] and str(int(bad, 16)) in notices[0]
    assert "harbour" in out.lower()  # the good article is there (its title, or its sentence in a timeline)
    assert BAD_TITLE not in out and "bridge" not in out.lower()
    assert (folder / "articles.json").read_bytes() == raw  # kept on disk, untouched


@pytest.mark.parametrize(
    "change",
    [
        {"start": "0"},
        {"kind": 3},
        {"article_id": None},
        {"correction": ["x"]},
        {"start": 9, "end": 2},
        {"exact": None},
    ],
    ids=["start-text", "kind-number", "no-article", "correction-list", "backwards", "no-quote"],
)
def test_a_bad_annotation_is_skipped_by_the_library_and_the_export(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
) -> None:
    folder, good, bad = _library(tmp_path, monkeypatch)
    shard = folder / "annotations" / f"{bad[:2]}.json"
    data = json.loads(shard.read_text(encoding="utf-8"))
    for doc in data["annotations"].values():
        if doc["article_id"] == bad:
            doc.update(change)
    raw = json.dumps(data).encode("utf-8")
    shard.write_bytes(raw)
    assert main(["--library", str(folder), "export", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "skipped the annotations record" in err
    assert out.count('"highlight"') == 1  # the good article's highlight only
    with Library.open(folder) as library:
        assert [a.article_id for a in library.annotations()] == [good]
    assert shard.read_bytes() == raw


def test_bad_flags_are_skipped_and_starring_repairs_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, good, _ = _library(tmp_path, monkeypatch)
    with Library.open(folder) as library:
        library.set_read(good)
    shard = folder / "user" / f"{good[:2]}.json"
    data = json.loads(shard.read_text(encoding="utf-8"))
    data["flags"][str(int(good, 16))]["tags"] = {"not": "a list"}
    shard.write_text(json.dumps(data), encoding="utf-8")
    with Library.open(folder) as library:
        meta = next(m for m in library.articles() if m.id == good)
        assert meta.read is False  # the flags record is not used...
        assert any("skipped the flags record" in n for n in library.notices)
        library.set_starred(good)  # ...and saving new flags replaces it instead of failing on its id
        meta = next(m for m in library.articles() if m.id == good)
        assert meta.starred and meta.tags == ()


def test_reimporting_the_file_of_a_bad_record_repairs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _, bad = _library(tmp_path, monkeypatch)
    _edit_article(folder, bad, {"title": ["a", "list"]})
    with Library.open(folder) as library:
        assert BAD_TITLE not in [m.title for m in library.articles()]
        report = library.import_paths([tmp_path / "in" / "bad.md"])
        assert report.added == [bad] and not report.failed
        assert BAD_TITLE in [m.title for m in library.articles()]


def test_checks_accept_what_the_library_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _, _ = _library(tmp_path, monkeypatch)
    with Library.open(folder) as library:
        for meta in library.articles():
            library.set_tags(meta.id, ["a tag"])
            library.set_starred(meta.id)
    for name, check, files in [
        ("articles", article_doc_problem, [folder / "articles.json"]),
        ("flags", flags_doc_problem, list((folder / "user").glob("*.json"))),
        ("annotations", annotation_doc_problem, list((folder / "annotations").glob("*.json"))),
    ]:
        for path in files:
            for key, doc in json.loads(path.read_text(encoding="utf-8"))[name].items():
                assert check(doc, key) is None


async def test_the_app_lists_the_good_articles_beside_a_bad_record(tmp_path: Path) -> None:
    from tests.tui_support import ARTICLES, make_app, make_library, settle

    library = make_library(tmp_path)
    bad = next(m.id for m in library.articles() if m.title == "Harbour reopens after the storm")
    library.close()
    _edit_article(tmp_path / "lib", bad, {"published": {"not": "a date"}})
    with Library.open(tmp_path / "lib", import_samples=False) as reopened:
        app = make_app(reopened)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert [m.title for m in app.article_list.rows] == [
                title for title, *_ in ARTICLES.values() if title != "Harbour reopens after the storm"
            ]
        assert any("skipped the articles record" in notice for notice in reopened.notices)


_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.lists(st.one_of(st.text(max_size=4), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=4), st.one_of(st.text(max_size=4), st.integers()), max_size=2),
)
_ID = "0123456789abcdef"
_TEXT = st.one_of(st.none(), st.text(max_size=8))
_ARTICLE_FIELDS = {
    "title": _TEXT,
    "published": st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    "source": _TEXT,
    "url": _TEXT,
    "dateline": _TEXT,
    "author": _TEXT,
    "tags": st.lists(st.text(max_size=4), max_size=3),
    "path": _TEXT,
}
_ANNOTATION_FIELDS = {
    "kind": st.sampled_from(["highlight", "note", "correction"]),
    "start": st.integers(0, 50),
    "end": st.integers(0, 50),
    "exact": st.text(max_size=8),
    "prefix": st.text(max_size=4),
    "suffix": st.text(max_size=4),
    "color": _TEXT,
    "note": _TEXT,
    "correction": st.one_of(
        st.none(), st.dictionaries(st.sampled_from(["type", "date"]), st.text(max_size=4))
    ),
    "created": st.text(max_size=4),
    "orphaned": st.booleans(),
}


def _documents(
    required: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]]
) -> st.SearchStrategy[dict[str, Any]]:
    """Documents whose every field is either a value of its own kind (more often) or anything at all."""
    return st.fixed_dictionaries(
        {name: st.one_of(kind, kind, kind, _ANY) for name, kind in required.items()},
        optional={name: st.one_of(kind, kind, _ANY) for name, kind in optional.items()},
    )


_ARTICLES = _documents({"id": st.just(_ID), "body": st.just("ab" * 16)}, _ARTICLE_FIELDS)
_REQUIRED_NOTE = ("kind", "start", "end", "exact")
_NOTES = _documents(
    {"id": st.just(_ID), "article_id": st.just(_ID), **{k: _ANNOTATION_FIELDS[k] for k in _REQUIRED_NOTE}},
    {k: v for k, v in _ANNOTATION_FIELDS.items() if k not in _REQUIRED_NOTE},
)


@settings(max_examples=300)
@given(_ARTICLES)
def test_an_article_document_that_passes_its_check_can_be_read(doc: dict[str, Any]) -> None:
    if article_doc_problem(doc, str(int(_ID, 16))) is None:
        meta = meta_from_doc(doc, {"read": True, "tags": ["x"]})
        assert meta.id == _ID and meta.tags == ("x",)


@settings(max_examples=300)
@given(_NOTES)
def test_an_annotation_document_that_passes_its_check_can_be_read(doc: dict[str, Any]) -> None:
    if annotation_doc_problem(doc, str(int(_ID, 16))) is None:
        annotation = annotation_from_doc(doc)
        assert 0 <= annotation.start <= annotation.end


def test_the_document_strategies_produce_usable_documents() -> None:
    """The two properties above are not vacuous: their strategies often give documents that pass."""
    key = str(int(_ID, 16))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        articles = [article_doc_problem(_ARTICLES.example(), key) is None for _ in range(100)]
        notes = [annotation_doc_problem(_NOTES.example(), key) is None for _ in range(100)]
    assert sum(articles) >= 5 and sum(notes) >= 5
    assert not all(articles) and not all(notes)


@pytest.mark.parametrize("version", ["1", None, -1, True, [1]])
def test_a_bad_schema_version_opens_read_only_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: object
) -> None:
    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()
    meta = folder / "meta.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema_version"] = version
    meta.write_text(json.dumps(data), encoding="utf-8")
    before = meta.read_bytes()
    assert main(["--library", str(folder), "list"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "not a version number" in err and "read-only" in err
    assert meta.read_bytes() == before
