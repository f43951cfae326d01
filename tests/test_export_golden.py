"""Golden files for the three export formats on the sample library (the user's article, annotated), and
the TimelineJS output checked against the fields TimelineJS requires."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store.export import SCHEMA, ExportError, Selection, export_document, select
from store.library import Library
from tests.export_support import (
    CORRECTED,
    HIGHLIGHT,
    NOTED,
    annotate_user_article,
    check_golden,
    normalise_json,
    user_article_id,
)


@pytest.fixture(scope="module")
def annotated_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with Library.open(tmp_path_factory.mktemp("export") / "library") as lib:
        annotate_user_article(lib)
        yield lib


def test_markdown_golden(annotated_library: Library) -> None:
    text = export_document(
        annotated_library, Selection(article_ids=(user_article_id(annotated_library),)), "md"
    )
    check_golden("user-article.md", text)


def test_json_golden(annotated_library: Library) -> None:
    text = export_document(
        annotated_library, Selection(article_ids=(user_article_id(annotated_library),)), "json"
    )
    check_golden("user-article.json", normalise_json(text))


def test_timelinejs_golden(annotated_library: Library) -> None:
    text = export_document(
        annotated_library, Selection(article_ids=(user_article_id(annotated_library),)), "timelinejs"
    )
    check_golden("user-article.timeline.json", text)


def test_exports_are_deterministic(annotated_library: Library) -> None:
    selection = Selection(article_ids=(user_article_id(annotated_library),))
    for fmt in ("md", "json", "timelinejs"):
        assert export_document(annotated_library, selection, fmt) == export_document(
            annotated_library, selection, fmt
        )


def test_markdown_briefing_carries_the_annotations(annotated_library: Library) -> None:
    md = export_document(annotated_library, Selection(starred=True), "md")
    assert f"> {HIGHLIGHT}" in md
    assert f"> {NOTED}" in md
    assert "**Note:** Residual force: compare with the 2,500 target.\n\n- ask OIR | Rudaw for the count" in md
    assert f"> {CORRECTED}\n\n**Correction:** marked as an organisation" in md
    assert "Tags: `iraq`, `us forces`" in md


def test_json_is_the_documented_schema(annotated_library: Library) -> None:
    aid = user_article_id(annotated_library)
    data = json.loads(export_document(annotated_library, Selection(article_ids=(aid,)), "json"))
    assert data["schema"] == SCHEMA
    assert [a["id"] for a in data["articles"]] == [aid]
    body = annotated_library.article(aid).body
    for annotation in data["annotations"]:
        assert body[annotation["start"] : annotation["end"]] == annotation["exact"]
    for fact in data["facts"]:
        assert body[fact["sentence"]["start"] : fact["sentence"]["end"]] == fact["text"]
    for figure in data["figures"]:
        assert body[figure["start"] : figure["end"]] == figure["text"]
    documented = Path(__file__).resolve().parent.parent / "docs" / "export-json.md"
    text = documented.read_text(encoding="utf-8")
    for key in data:
        assert f"`{key}`" in text or f"`{key}[]`" in text, f"{key} is not documented"


# -- TimelineJS validation: the rules of TimelineJS 3's TimelineConfig and TLDate -------------------------

DATE_PARTS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "unique_id"}


def timelinejs_problems(data: dict[str, Any]) -> list[str]:
    """What TimelineJS would reject or mangle in `data` (an empty list when it loads as intended)."""
    problems: list[str] = []
    events = data.get("events")
    if not isinstance(events, list) or not events:
        return ["events must be a non-empty list"]
    if data.get("scale", "human") not in ("human", "cosmological"):
        problems.append("scale must be human or cosmological")
    title = data.get("title")
    if title is not None:
        problems += [f"title: {p}" for p in _text_problems(title.get("text"))]
    seen: set[str] = set()
    for i, event in enumerate(events):
        where = f"event {i}"
        problems += [f"{where}: unknown key {k}" for k in set(event) - SLIDE_KEYS]
        if "start_date" not in event:
            problems.append(f"{where}: start_date is required")
            continue
        for key in ("start_date", "end_date"):
            if key in event:
                problems += [f"{where} {key}: {p}" for p in _date_problems(event[key])]
        if "end_date" in event and _as_tuple(event["end_date"]) < _as_tuple(event["start_date"]):
            problems.append(f"{where}: end_date before start_date")
        problems += [f"{where}: {p}" for p in _text_problems(event.get("text"))]
        for key in ("group", "display_date"):
            if key in event and (not isinstance(event[key], str) or "<" in event[key]):
                problems.append(f"{where}: {key} must be plain text")
        uid = event.get("unique_id")
        if not isinstance(uid, str) or not uid or uid != uid.lower() or not uid.replace("-", "").isalnum():
            problems.append(f"{where}: unique_id must be a slug")
        elif uid in seen:
            problems.append(f"{where}: unique_id {uid} repeats")
        else:
            seen.add(uid)
    return problems


def _date_problems(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return ["not an object"]
    problems = [f"unknown part {k}" for k in set(value) - DATE_PARTS]
    if "year" not in value:
        problems.append("year is required")
    for part in DATE_PARTS - {"display_date"}:
        if part in value and (not isinstance(value[part], int) or isinstance(value[part], bool)):
            problems.append(f"{part} must be an integer")
    if isinstance(value.get("month"), int) and not 1 <= value["month"] <= 12:
        problems.append("month must be 1-12")
    if isinstance(value.get("day"), int) and not 1 <= value["day"] <= 31:
        problems.append("day must be 1-31")
    if "day" in value and "month" not in value:
        problems.append("a day needs its month")
    return problems


def _text_problems(text: Any) -> list[str]:
    if text is None:
        return []
    if not isinstance(text, dict) or set(text) - {"headline", "text"}:
        return ["text must be an object with headline and text"]
    return [f"{k} must be a string" for k, v in text.items() if not isinstance(v, str)]


def _as_tuple(value: dict[str, int]) -> tuple[int, ...]:
    return tuple(value.get(k, 1 if k in ("month", "day") else 0) for k in ("year", "month", "day", "hour"))


def test_timelinejs_validator_catches_what_timelinejs_rejects() -> None:
    assert timelinejs_problems({"events": []}) == ["events must be a non-empty list"]
    bad = {"events": [{"start_date": {"year": "2020", "month": 13}, "unique_id": "A b", "text": {"x": 1}}]}
    problems = timelinejs_problems(bad)
    assert any("year must be an integer" in p for p in problems)
    assert any("month must be 1-12" in p for p in problems)
    assert any("unique_id must be a slug" in p for p in problems)
    assert any("text must be an object" in p for p in problems)


def test_timelinejs_of_the_whole_library_is_valid(annotated_library: Library) -> None:
    data = json.loads(export_document(annotated_library, Selection(), "timelinejs"))
    assert timelinejs_problems(data) == []
    groups = {event["group"] for event in data["events"]}
    assert len(groups) > 1  # one row per article
    assert {a.title for a in annotated_library.articles()} >= groups


def test_timelinejs_of_the_user_article_is_valid_and_ordered(annotated_library: Library) -> None:
    data = json.loads(
        export_document(
            annotated_library, Selection(article_ids=(user_article_id(annotated_library),)), "timelinejs"
        )
    )
    assert timelinejs_problems(data) == []
    starts = [_as_tuple(e["start_date"]) for e in data["events"]]
    assert starts == sorted(starts)


def test_filters_combine_and_nothing_matching_is_an_error(annotated_library: Library) -> None:
    aid = user_article_id(annotated_library)
    assert [a.id for a in select(annotated_library, Selection(tag="IRAQ")).articles] == [aid]
    assert [a.id for a in select(annotated_library, Selection(entity="kadhimi")).articles] == [aid]
    briefing = select(annotated_library, Selection(article_ids=(aid[:6],), start=None))
    assert [a.id for a in briefing.articles] == [aid]
    with pytest.raises(ExportError, match='no articles match tag "iraq", entity "Nobody Anywhere"'):
        select(annotated_library, Selection(tag="iraq", entity="Nobody Anywhere"))
    with pytest.raises(ExportError, match="unknown article id: ffffffffff"):
        select(annotated_library, Selection(article_ids=("ffffffffff",)))


def test_date_range_narrows_the_facts(annotated_library: Library) -> None:
    from datetime import date

    briefing = select(annotated_library, Selection(start=date(2020, 9, 1), end=date(2020, 12, 31)))
    assert briefing.facts
    for item in briefing.facts:
        start, end = item.fact.start_date, item.fact.end_date
        assert (start or "") <= "2020-12-31" and (end or "9999") >= "2020-09-01"


def test_markdown_structure_as_github_parses_it(annotated_library: Library) -> None:
    """CommonMark with GFM tables: one title, key facts, figures over time (a three-column table per
    series), sources disagreeing and sources, then one h2 per article, a two-column timeline table per
    article with facts (one row per fact), and one blockquote per annotation, whatever the article text
    contains."""
    from markdown_it import MarkdownIt

    briefing = select(annotated_library, Selection())
    md = export_document(annotated_library, Selection(), "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert [h for h in headings if h[0] == "h1"] == [("h1", "Briefing")]
    titles = [f"{n}. {meta.title}" for n, meta in enumerate(briefing.articles, 1)]
    across = ["Figures over time", "Sources disagree"]
    assert briefing.series and briefing.conflicts  # the samples have both
    assert [c for tag, c in headings if tag == "h2"] == ["Key facts", *across, "Sources", *titles]
    with_facts = {item.article_id for item in briefing.facts}
    tables = len(with_facts) + len(briefing.series)
    assert [t.type for t in tokens].count("table_open") == tables
    rows: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append(0)
        elif token.type in ("th_open", "td_open"):
            rows[-1] += 1
    points = sum(len(s.points) for s in briefing.series)
    assert sorted(rows) == sorted(
        [3] * (len(briefing.series) + points) + [2] * (len(with_facts) + len(briefing.facts))
    )
    assert [t.type for t in tokens].count("blockquote_open") == len(briefing.annotations)
    ordered = [t for t in tokens if t.type == "ordered_list_open"]
    assert len(ordered) == 1  # the sources


def test_only_the_markdown_briefing_builds_the_cross_article_index(sample_library: Library) -> None:
    """Series and conflicts appear only in Markdown: a JSON or TimelineJS export does not pay for the
    library's cross-article index (its cache folder, `across/`, is written when it is first built)."""
    cache = sample_library.path / "across"
    for fmt in ("json", "timelinejs"):
        export_document(sample_library, Selection(), fmt)
        assert not cache.exists(), fmt
    assert "## Sources disagree" in export_document(sample_library, Selection(), "md")
    assert cache.is_dir()
