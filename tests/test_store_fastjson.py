"""Library files written through orjson: the same bytes as the standard library's json (files written
before open as they did; files written now open with the earlier code), the collector paused while
loading, and the article list's lazy rows equal to the records they stand for, in the same order."""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import math
import pickle
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import bulk, fastjson, serialise
from store.articles import _rows
from store.bulk import collector_paused
from store.ingest import ParsedArticle
from store.library import Library
from store.records import ArticleMeta, ArticleRow
from store.serialise import article_doc_problem, meta_from_doc


def stdlib_dumps(data: Any) -> bytes:
    """What the library wrote before orjson (and still writes without it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@pytest.fixture
def stdlib_only() -> Iterator[None]:
    previous = fastjson.use_stdlib(True)
    yield
    fastjson.use_stdlib(previous)


_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)  # every code point but lone surrogates
_NUMBERS = st.one_of(
    st.integers(-(2**63), 2**64 - 1),
    st.floats(),  # NaN, infinities, exponents: the standard library writes these
    st.sampled_from([0.0, -0.0, 1e-4, 9.99e-5, 1e16, 9999999999999998.0, 0.1, 2.5, 3200000000.5]),
)
_SCALARS = st.one_of(st.none(), st.booleans(), _NUMBERS, _TEXT)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(_TEXT, inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=400)
@given(_VALUES)
def test_dumps_writes_the_standard_librarys_bytes(data: Any) -> None:
    assert fastjson.dumps(data) == stdlib_dumps(data)


@pytest.mark.parametrize(
    "data",
    [
        {"big": 2**64},  # beyond 64 bits: orjson refuses it
        {1: "a", None: "b"},  # keys that are not text: the standard library converts them
        ["\ud800"],  # a lone surrogate: not UTF-8 at all
        {"when": date(2021, 1, 5)},  # not JSON
        {"x": {1, 2}},
    ],
)
def test_what_orjson_cannot_write_behaves_as_the_standard_library(data: Any) -> None:
    try:
        expected: bytes | type[BaseException] = stdlib_dumps(data)
    except (TypeError, ValueError) as exc:
        expected = type(exc)
    if isinstance(expected, bytes):
        assert fastjson.dumps(data) == expected
    else:
        with pytest.raises(expected):
            fastjson.dumps(data)


def test_a_number_beyond_64_bits_reads_back_as_it_was_written() -> None:
    data = {"t": {"1": {"big": -(2**63) - 1, "bigger": 2**70, "nan": math.nan}}}
    back = fastjson.loads(fastjson.dumps(data))
    assert type(back["t"]["1"]["big"]) is int and back["t"]["1"]["big"] == -(2**63) - 1
    assert back["t"]["1"]["bigger"] == 2**70 and math.isnan(back["t"]["1"]["nan"])


def _articles(n: int) -> list[ParsedArticle]:
    return [
        ParsedArticle(
            path=f"/in/{i}.md",
            title=f'Ré {i % 3} \u2014 "quoted" \\ ' + ("\u0007" if i == 2 else ""),
            body=f"Text {i} of the harbour \u00e9t\u00e9.\n",
            published=date(2020, 1, 1 + i % 5) if i % 4 else None,
            source="Coast News" if i % 2 else None,
            tags=("port", f"t{i}"),
        )
        for i in range(12)
    ]


def _files(folder: Path) -> dict[str, bytes]:
    """The library's files but the annotations (their ids are random), the creation time and the facts
    index's record of each text file's size and modification time made equal."""
    return {
        str(p.relative_to(folder)): re.sub(
            rb'"text":\[\d+,\d+\]',
            b'"text":[]',
            re.sub(rb'"created":"[^"]*"', b'"created":""', p.read_bytes()),
        )
        for p in sorted(folder.rglob("*.json"))
        if "annotations" not in p.parts
    }


def _build(folder: Path) -> list[ArticleMeta]:
    with Library.open(folder, import_samples=False) as library:
        ids = library.import_articles(_articles(12)).added
        library.set_starred(ids[0])
        library.set_tags(ids[1], ["mine"])
        library.add_annotation(ids[2], 0, 4, "note", note="n\u00e9")
        library.set_state("pane", {"width": 0.5, "order": [3, 1]})
        return library.articles()


def test_a_library_is_the_same_bytes_with_or_without_orjson(tmp_path: Path) -> None:
    previous = fastjson.use_stdlib(True)
    try:
        before = _build(tmp_path / "stdlib")
    finally:
        fastjson.use_stdlib(previous)
    now = _build(tmp_path / "orjson")
    stdlib_files, orjson_files = _files(tmp_path / "stdlib"), _files(tmp_path / "orjson")
    assert any(name.startswith("analysis") for name in orjson_files)
    assert orjson_files == stdlib_files  # so a library written now opens with the code before orjson
    assert now == before


def test_a_library_written_with_the_standard_library_opens_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    previous = fastjson.use_stdlib(True)
    try:
        made = _build(folder)
        with Library.open(folder, import_samples=False) as library:
            seen_then = (library.articles(), library.annotations(), library.get_state("pane"))
    finally:
        fastjson.use_stdlib(previous)
    with Library.open(folder, import_samples=False) as library:  # with orjson
        assert (library.articles(), library.annotations(), library.get_state("pane")) == seen_then
        assert library.articles() == made
        assert not library.notices


# -- the collector ------------------------------------------------------------------------------------------
def test_the_collector_is_paused_and_comes_back_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused(freeze=True):
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_freezing_moves_the_loaded_objects_out_of_the_collectors_way() -> None:
    frozen = gc.get_freeze_count()
    try:
        with collector_paused(freeze=True):
            loaded = [[i] for i in range(1000)]  # lists: always tracked by the collector
        assert gc.get_freeze_count() >= frozen + len(loaded)
    finally:
        gc.unfreeze()


def test_an_error_while_paused_freezes_nothing_and_restores_the_collector() -> None:
    frozen = gc.get_freeze_count()
    with pytest.raises(ValueError), collector_paused(freeze=True):
        raise ValueError("stop")
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert bulk._depth == 0


# -- the article list's rows --------------------------------------------------------------------------------
_ID = "0123456789abcdef"
_KEY = str(int(_ID, 16))
_MAYBE_TEXT = st.one_of(st.none(), st.text(max_size=6))
_DAYS = st.dates(date(1, 1, 1), date(9999, 12, 31))
_DOCS = st.fixed_dictionaries(
    {"id": st.just(_ID), "body": st.just("ab" * 16)},
    optional={
        "title": st.one_of(_MAYBE_TEXT, st.sampled_from(["Alpha", "alpha", "ALPHA", "Ärger", "ß"])),
        "published": st.one_of(
            st.none(),
            _DAYS.map(date.isoformat),
            _DAYS.map(lambda d: d.strftime("%Y%m%d") if d.year >= 1000 else d.isoformat()),
            st.sampled_from(["2021-W01-1", "2020-02-30", "soon", 7]),
        ),
        "source": _MAYBE_TEXT,
        "url": _MAYBE_TEXT,
        "dateline": _MAYBE_TEXT,
        "author": st.one_of(_MAYBE_TEXT, st.integers(), st.lists(st.text(max_size=2), max_size=1)),
        "tags": st.one_of(
            st.lists(st.text(max_size=3), max_size=3),
            st.lists(st.integers(), max_size=1),
            st.text(max_size=3),
        ),
        "path": _MAYBE_TEXT,
    },
)
_FLAGS = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {"id": st.just(_ID)},
        optional={"read": st.booleans(), "starred": st.booleans(), "tags": st.lists(st.text(max_size=3))},
    ),
)


@settings(max_examples=400)
@given(_DOCS)
def test_the_quick_record_test_never_passes_a_record_the_full_check_refuses(doc: dict[str, Any]) -> None:
    if serialise._well_formed_article(doc, _KEY):
        assert _full_check(doc) is None


def test_the_quick_record_test_passes_the_usual_record() -> None:
    doc = {
        "id": _ID,
        "title": "T",
        "published": "2021-01-05",
        "tags": ["a"],
        "path": "/a.md",
        "body": "ab" * 16,
    }
    assert serialise._well_formed_article(doc, _KEY)
    assert not serialise._well_formed_article({**doc, "id": "fedcba9876543210"}, _KEY)  # another record's id


def _full_check(doc: dict[str, Any]) -> str | None:
    quick = serialise._well_formed_article
    serialise._well_formed_article = lambda doc, key: False  # type: ignore[assignment]
    try:
        return article_doc_problem(doc, _KEY)
    finally:
        serialise._well_formed_article = quick  # type: ignore[assignment]


@settings(max_examples=300)
@given(_DOCS, _FLAGS)
def test_a_row_is_the_record_it_stands_for(doc: dict[str, Any], flags: dict[str, Any] | None) -> None:
    if article_doc_problem(doc, _KEY) is not None:
        return
    meta = meta_from_doc(doc, flags)
    [row], _ = _rows([doc], {} if flags is None else {_ID: flags})
    assert isinstance(row, ArticleRow) and isinstance(row, ArticleMeta)
    assert row == meta and meta == row and row in {meta}
    assert (row != meta) is False
    assert hash(row) == hash(meta)
    assert repr(row) == repr(meta)
    assert dataclasses.astuple(row) == dataclasses.astuple(meta)
    assert pickle.loads(pickle.dumps(row)) == meta
    assert copy.copy(row) == meta
    changed = dataclasses.replace(row, tags=("x",))
    assert changed == dataclasses.replace(meta, tags=("x",))


def test_a_rows_fields_are_read_when_first_asked_for() -> None:
    doc = {"id": _ID, "body": "ab" * 16, "title": "T", "source": "S", "tags": ["a"]}
    [row], _ = _rows([doc], {_ID: {"id": _ID, "starred": True, "tags": ["mine"]}})
    assert object.__getattribute__(row, "starred") is True  # set at once
    with pytest.raises(AttributeError):
        object.__getattribute__(row, "source")  # not yet
    assert row.source == "S" and row.tags == ("mine",)
    assert object.__getattribute__(row, "path") is None  # filled with the others
    with pytest.raises(AttributeError):
        row.no_such_field  # noqa: B018


def _old_order(meta: ArticleMeta) -> tuple[int, str]:
    """The list's order as it was defined before the rows: newest first, undated last, then by title."""
    return (-meta.published.toordinal() if meta.published else 0, meta.title.casefold())


@settings(max_examples=200)
@given(st.lists(_DOCS, max_size=25))
def test_the_list_keeps_its_order(docs: list[dict[str, Any]]) -> None:
    usable = []
    for n, doc in enumerate(docs):
        doc = {**doc, "id": f"{n:x}"}
        if article_doc_problem(doc, str(n)) is None:
            usable.append(doc)
    rows, keys = _rows(usable, {})
    ours = [rows[i] for i in sorted(range(len(rows)), key=keys.__getitem__)]
    expected = sorted((meta_from_doc(doc, None) for doc in usable), key=_old_order)
    assert [m.id for m in ours] == [m.id for m in expected]


def test_nan_survives_a_round_trip_through_a_library_file(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        library.set_state("odd", [math.inf, -math.inf])
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        assert library.get_state("odd") == [math.inf, -math.inf]


def test_a_row_keeps_the_tags_it_was_made_with_when_its_flags_change_in_place() -> None:
    # TinyDB updates a cached flags document in place (set_tags): a row not yet filled must not see that.
    doc = {"id": _ID, "body": "ab" * 16, "title": "T", "tags": ["from-file"]}
    flags = {"id": _ID, "tags": ["mine"]}
    [row], _ = _rows([doc], {_ID: flags})
    flags.update({"tags": ["changed"], "starred": True})
    assert row.tags == ("mine",) and row.starred is False


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (NaN equal to NaN)."""
    return repr(a) == repr(b)


@settings(max_examples=400)
@given(_VALUES)
def test_reading_gives_the_standard_librarys_values(data: Any) -> None:
    for raw in (
        fastjson.dumps(data),  # what the library writes: orjson's parse, confirmed
        json.dumps(data).encode(),  # spaces and escapes (a file written by another program)
        json.dumps(data, indent=1, ensure_ascii=False).encode(),
    ):
        assert _same(fastjson.loads(raw), json.loads(raw))


@pytest.mark.parametrize(
    "raw",
    [
        b'{"t":{"1":{"big":18446744073709551616,"neg":-9223372036854775809}}}',  # orjson: floats
        b'{"t":{"1":{"z":-0,"f":1.0,"e":1e400,"n":NaN}}}',
        b'{"t":{"1":{"s":"\\ud800","u":"caf\\u00e9","dup":1,"dup":2}}}',
        b"[" * 300 + b"]" * 300,  # deeper than orjson reads
    ],
)
def test_what_orjson_reads_otherwise_is_read_by_the_standard_library(raw: bytes) -> None:
    assert _same(fastjson.loads(raw), json.loads(raw))
