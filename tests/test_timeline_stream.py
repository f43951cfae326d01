"""`briefing timeline --json` streamed entry by entry gives the very text of one indented dump; `--jsonl`
gives one compact object per line with the same data."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.main import main
from cli.timeline_cmd import write_json_array, write_json_lines, write_json_texts
from store.facts_index import BYPASS_ENV
from store.library import Library
from store.queries import timeline_entry_dict
from store.safetext import safe_json

ROOT = Path(__file__).resolve().parents[1]

scalars = st.none() | st.booleans() | st.integers() | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
entries = st.lists(st.dictionaries(st.text(), values, max_size=4), max_size=4)


@given(entries)
def test_streamed_array_is_the_text_of_one_dump(items: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    write_json_array(out, iter(items))
    assert out.getvalue() == safe_json(items) + "\n"


@given(entries)
def test_json_lines_hold_the_same_entries(items: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    write_json_lines(out, iter(items))
    text = out.getvalue()
    assert text.count("\n") == len(items)
    assert [json.loads(line) for line in text.splitlines()] == items


def test_timeline_json_and_jsonl_of_the_samples(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(library_path), "import", str(ROOT / "sample_articles"), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["--library", str(library_path), "timeline", "--json"]) == 0
    array = capsys.readouterr().out
    assert main(["--library", str(library_path), "timeline", "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    data = json.loads(array)
    assert len(data) > 10
    assert array == safe_json(data) + "\n"  # the format of the whole-list dump, byte for byte
    assert [json.loads(line) for line in lines] == data


@pytest.mark.parametrize("bypass", [False, True])
@pytest.mark.parametrize("filters", [{}, {"entity": "Kadhimi"}, {"tag": "nothing-has-this"}])
def test_indented_items_are_the_text_of_the_timeline_dump(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch, bypass: bool, filters: dict[str, Any]
) -> None:
    if bypass:
        monkeypatch.setenv(BYPASS_ENV, "1")
    out = io.StringIO()
    write_json_texts(out, sample_library.timeline_json(**filters, indent=True))
    entries = [timeline_entry_dict(entry) for entry in sample_library.timeline(**filters)]
    assert out.getvalue() == safe_json(entries) + "\n"
    assert [json.loads(text) for text in sample_library.timeline_json(**filters)] == entries
