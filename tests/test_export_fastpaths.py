"""The exports' quick ways give the same text as the plain ones: facts written from their stored form,
indented JSON by orjson, ASCII JSON pieces not rescanned, Markdown escaping of printable text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cli.export_cmd import _terminal_safe_json
from extract.model import fact_to_dict
from store import jsonout
from store.export import Briefing, Selection, TimelineFact, render
from store.library import Library
from store.safetext import _DOCUMENT, clean_line, escape_json_text, markdown_text
from store.serialise import fast_fact_from_dict
from tests.test_export_builders import FACTS, META

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES, st.integers(min_value=0, max_value=3))
def test_indented_json_is_the_standard_librarys(value: Any, level: int) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert jsonout.indented(value, level) == expected


def test_indented_json_with_keys_that_are_not_text_is_the_standard_librarys() -> None:
    value = {1: [1e16, 1e-5, float("nan")], None: {"\ud800": 2**65}, 2.5: True}
    assert jsonout.indented(value, 1) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


@given(JSON_VALUES)
def test_json_text_is_made_terminal_safe_as_by_escape_json_text(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    assert _terminal_safe_json(text) == escape_json_text(text)


def test_ascii_json_with_delete_is_still_escaped() -> None:
    text = json.dumps(["a\x7fb"], ensure_ascii=False)
    assert _terminal_safe_json(text) == escape_json_text(text) == '["a\\u007fb"]'


@given(
    st.text()
    | st.lists(
        st.sampled_from(["&", "amp;", "#12;", "#x1F;", "a1", ";", "*", "\\", "[", "|", " ", "\n"])
    ).map("".join)
)
@example("a &amp; b &#12; &#x1F; &x &; *&amp;* [&lt;] \\&amp; &\\amp; &a_b;")
@example("")
@example(" ")
@example("a  b")
@example(" a b")
@example("a b ")
@example("a\u00a0b")
@example("plain text, nothing to escape")
def test_clean_line_and_markdown_text_are_as_before(text: str) -> None:
    line = " ".join(text.translate(_DOCUMENT).split())
    assert clean_line(text) == line
    escaped = re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", line)
    assert markdown_text(text) == re.sub(
        r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)", r"\\&", escaped
    )


def test_every_markdown_escape_starts_with_a_character_markdown_text_looks_for() -> None:
    """What lets markdown_text return text holding none of those characters as it is."""
    from store.safetext import _MARKDOWN_ESCAPED, _MARKDOWN_MARKS

    starts = {chr(code) for code in range(0x110000) if _MARKDOWN_ESCAPED.match(chr(code) + "amp;")}
    assert starts == set(_MARKDOWN_MARKS)


def test_the_only_printable_white_space_is_the_space() -> None:
    """What lets clean_line return printable text without doubled or outer spaces as it is."""
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace() and chr(code).isprintable()]
    assert spaces == [" "]


def test_no_character_a_document_drops_or_changes_is_printable() -> None:
    """What lets clean_line leave printable text untranslated."""
    assert not [code for code in _DOCUMENT if chr(code).isprintable()]


def _briefing(facts: tuple[TimelineFact, ...]) -> Briefing:
    return Briefing(title="T", selection=Selection(), articles=(META,), facts=facts)


def _stored_forms() -> list[dict[str, Any]]:
    """Stored facts as the index may hold them: its own form, and forms the Fact reads differently."""
    forms = []
    for item in FACTS:
        data = fact_to_dict(item.fact)
        forms.append(data)
        forms.append({**data, "text_offset": None})  # an explicit null the JSON export does not write
        forms.append({**data, "text_offset": 3})  # out of field order
        forms.append(dict(reversed(list(data.items()))))
        forms.append(
            {**data, "sentence": {"end": data["sentence"]["end"], "start": data["sentence"]["start"]}}
        )
        forms.append({**data, "date": {**data["date"], "anchored": True, "comparison": False, "extra": 1}})
    return forms


def test_facts_in_their_stored_form_export_as_the_fact_they_make() -> None:
    forms = _stored_forms()
    from_data = tuple(TimelineFact(META.id, data=data) for data in forms)
    from_facts = tuple(TimelineFact(META.id, fast_fact_from_dict(data)) for data in forms)
    assert from_data == from_facts
    for fmt in ("json", "md", "timelinejs"):
        assert render(_briefing(from_data), fmt) == render(_briefing(from_facts), fmt)
    written = json.loads(render(_briefing(from_data), "json"))["facts"]
    assert written == [{"article_id": META.id, **fact_to_dict(item.fact)} for item in from_facts]


def test_a_timeline_fact_needs_a_fact_or_its_data() -> None:
    with pytest.raises(TypeError):
        TimelineFact(META.id)
    item = TimelineFact(META.id, data=fact_to_dict(FACTS[0].fact))
    assert item.interval == (FACTS[0].fact.start_date, FACTS[0].fact.end_date)
    assert item.fact == FACTS[0].fact and hash(item) == hash(FACTS[0])


def test_annotations_read_at_once_are_those_read_article_by_article(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.export import selection

    metas = sample_library.articles()
    for n, meta in enumerate(metas[:6]):
        body = sample_library.article(meta.id).body
        sample_library.add_annotation(meta.id, 10 + n, 40 + n, "note", note=f"note {n}")
        sample_library.add_annotation(meta.id, 0, 8, "highlight")
    monkeypatch.setattr(selection, "BULK_ANNOTATIONS", 10**9)
    one_by_one = selection.select(sample_library, Selection(), across=False)
    monkeypatch.setattr(selection, "BULK_ANNOTATIONS", 0)
    at_once = selection.select(sample_library, Selection(), across=False)
    assert len(at_once.annotations) == 12 and body
    assert at_once == one_by_one
    for fmt in ("json", "md"):
        assert render(at_once, fmt) == render(one_by_one, fmt)


def test_a_timeline_fact_from_its_data_knows_whether_it_has_figures_and_names() -> None:
    forms = _stored_forms()
    told = [TimelineFact(META.id, data=data).has_figures_and_names() for data in forms]
    assert told == [TimelineFact(META.id, fast_fact_from_dict(d)).has_figures_and_names() for d in forms]
    assert any(told) and not all(told)


def test_article_text_is_the_articles_body(sample_library: Library) -> None:
    for meta in sample_library.articles():
        assert sample_library.article_text(meta.id) == sample_library.article(meta.id).body
    with pytest.raises(KeyError):
        sample_library.article_text("0" * 16)


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_remembered_markdown_escapes_are_the_escapes(texts: list[str]) -> None:
    from store.export import mdtext

    for text in texts + texts:  # the second time from what inline remembers
        assert mdtext.inline(text) == mdtext.cell(text) == markdown_text(text)


@given(st.text() | st.lists(st.sampled_from(["`", "``", "a", " ", "tag"])).map("".join))
@example("iraq")
@example("")
def test_code_spans_without_backticks_are_fenced_as_those_with_them(text: str) -> None:
    from store.export import mdtext

    value = clean_line(text)
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", value)), default=0))
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    assert mdtext.code(text) == f"{fence}{pad}{value}{pad}{fence}"


STORED_LEAVES = st.one_of(JSON_SCALARS, st.lists(JSON_SCALARS, max_size=2), st.tuples(st.integers()))


@given(st.data())
def test_the_one_pass_verdict_is_fact_form_and_plain(data: st.DataObject) -> None:
    """`plain_fact_form` answers as `fact_form` and `fastjson.plain` together, for the index's own form
    and for any leaf put anywhere in it (floats orjson writes otherwise, big numbers, nested lists)."""
    from store.export.storedfact import fact_form, plain_fact_form
    from store.fastjson import plain

    for form in _stored_forms():
        assert plain_fact_form(form) == (fact_form(form) and plain(form))
    form = fact_to_dict(FACTS[data.draw(st.integers(0, len(FACTS) - 1))].fact)
    if data.draw(st.booleans()):
        form["text_offset"] = data.draw(JSON_SCALARS)
        form["dates"] = form.pop("dates")
    record = data.draw(st.sampled_from(["top", "sentence", "date", "dates", "entities", "figures"]))
    leaf = data.draw(STORED_LEAVES)
    if record == "top":
        form[data.draw(st.sampled_from(["value", "start_date", "end_date", "text"]))] = leaf
    elif record in ("sentence", "date"):
        form[record][data.draw(st.sampled_from(sorted(form[record])))] = leaf
    elif record == "dates":
        form["dates"] = [dict(form["date"]), *form["dates"]]
        form["dates"][0][data.draw(st.sampled_from(sorted(form["dates"][0])))] = leaf
    else:
        form[record].append(leaf)
    assert plain_fact_form(form) == (fact_form(form) and plain(form))
