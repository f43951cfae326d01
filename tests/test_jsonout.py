"""store/jsonout writes the very text of `json.dumps(..., ensure_ascii=False[, indent=2])` (property-based:
any JSON data, nested at any level, whole or in pieces)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import fastjson
from store.jsonout import array_chunks, array_of_texts, compact, indented, object_chunks, runs

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=20,
)


@given(values, st.integers(0, 3))
def test_indented_is_json_dumps_with_indent(value: Any, level: int) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert indented(value, level) == expected.replace("\n", "\n" + "  " * level)
    assert compact(value) == json.dumps(value, ensure_ascii=False)


@given(st.lists(values, max_size=6), st.integers(1, 3))
def test_arrays_in_pieces(items: list[Any], chunk: int) -> None:
    assert "".join(array_chunks(iter(items), chunk=chunk)) == json.dumps(items, ensure_ascii=False, indent=2)


records = st.lists(
    st.dictionaries(
        st.text(max_size=3), scalars | st.sampled_from([1e18, 5e-05, 1e16, 1e-4, 2**64]), max_size=4
    ),
    max_size=12,
)


@given(records, st.integers(0, 3), st.integers(1, 5))
def test_runs_of_records_of_scalars(items: list[dict[str, Any]], level: int, chunk: int) -> None:
    """Records written a run at a time (one orjson call for those it writes as json.dumps does, each of
    the others on its own) join into the array's text."""
    text = "".join(array_of_texts(runs(iter(items), level, chunk), level, 1))
    assert text == json.dumps(items, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def test_records_orjson_would_write_otherwise_are_written_as_json_dumps() -> None:
    items = [{"a": 1.5}, {"a": 1e18}, {"a": float("nan")}, {"a": 2**70}, {"a": "\ud800"}, {"a": None}, {1: 2}]
    text = "".join(array_of_texts(runs(items, 1), 1, 1))
    assert text == json.dumps(items, ensure_ascii=False, indent=2).replace("\n", "\n  ")


@given(st.dictionaries(st.text(), values, max_size=5))
def test_objects_with_streamed_arrays(document: dict[str, Any]) -> None:
    fields = [(k, iter(v) if isinstance(v, list) else v) for k, v in document.items()]
    assert "".join(object_chunks(fields)) == json.dumps(document, ensure_ascii=False, indent=2)


def test_what_json_cannot_write_is_refused_the_same_way() -> None:
    with pytest.raises(TypeError):
        indented({"a": [1, object()]})
    with pytest.raises(TypeError):
        compact({1, 2})


_ODD_TEXT = "".join(map(chr, range(0x20))) + '"\\/\x7f\u2028\u2029é€😀\ufeff'


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers(-(2**64), 2**64) | st.floats() | st.text(_ODD_TEXT + "ab"),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(_ODD_TEXT), inner, max_size=3),
        max_leaves=12,
    ),
    st.integers(0, 2),
)
def test_orjsons_indented_text_is_json_dumps_with_indent(value: Any, level: int) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert indented(value, level) == expected


def test_a_timeline_entry_is_written_by_orjson_and_odd_values_by_the_c_encoder() -> None:
    entry = {"text": _ODD_TEXT, "sentence": {"start": 1, "end": 2}, "dates": [{"mod": None}], "x": []}
    assert fastjson.indented(entry) == json.dumps(entry, ensure_ascii=False, indent=2)
    for odd in ({"big": 2**64}, {"e": 1e16}, {1: "key"}, {"s": "\ud800"}, {"nan": float("nan")}):
        assert fastjson.indented(odd) is None
        assert indented(odd, 1) == json.dumps(odd, ensure_ascii=False, indent=2).replace("\n", "\n  ")
