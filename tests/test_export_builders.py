"""The pure export builders on hand-made records: Markdown escaping and sections, JSON schema, TimelineJS."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store.export import (
    SCHEMA,
    Briefing,
    ExportError,
    KeyFigure,
    Selection,
    TimelineFact,
    render,
    suggested_filename,
)
from store.export.datefmt import describe_fact_date
from store.export.mdtext import clean
from store.export.timelinejs import date_object
from store.records import Annotation, ArticleMeta
from store.serialise import fact_from_dict

META = ArticleMeta(
    id="abcdef0123456789",
    title="Troops | and <b>tags</b>",
    published=date(2021, 1, 5),
    source="Example Wire",
    url="https://example.org/a(1)",
    tags=("iraq", "us"),
    starred=True,
    path="/home/someone/articles/a.md",
)


def fact(value: str, start: str | None, end: str | None, text: str, *, mod: str | None = None, at: int = 0):
    return fact_from_dict(
        {
            "value": value,
            "start_date": start,
            "end_date": end,
            "sentence": {"start": at, "end": at + len(text)},
            "text": text,
            "date": {"start": at, "end": at + 4, "text": "when", "type": "DATE", "value": value, "mod": mod},
            "entities": ["United States"],
            "figures": ["5,000 troops"] if "5,000" in text else [],
        }
    )


FACTS = (
    TimelineFact(META.id, fact("2020-01", "2020-01-01", "2020-01-31", "In January the US had 5,000 troops.")),
    TimelineFact(
        META.id, fact("2020-11", "2020-11-01", "2020-11-30", "A | pipe\nand newline.", mod="MID", at=5)
    ),
    TimelineFact(META.id, fact("2021-01-15", "2021-01-15", "2021-01-15", "By January 15 <script>.", at=90)),
    TimelineFact(META.id, fact("FUTURE_REF", "2021-01-05", None, "In the coming days more leave.", at=120)),
    TimelineFact(META.id, fact("XXXX-12", None, None, "In December something.", at=160)),
)
HIGHLIGHT = Annotation(
    id="n1",
    article_id=META.id,
    kind="note",
    start=0,
    end=35,
    exact="In January the US had 5,000 troops.",
    note="Check this.\n- a list <b>",
)
ORPHAN = Annotation(
    id="n2", article_id=META.id, kind="highlight", start=200, end=210, exact="# gone text", orphaned=True
)
FIGURE = KeyFigure(META.id, 22, 34, "5,000 troops", 5000.0, "cardinal", "troops", None, "In January ...")


def briefing(**changes: Any) -> Briefing:
    values: dict[str, Any] = {
        "title": "Test briefing",
        "selection": Selection(tag="iraq"),
        "articles": (META,),
        "facts": FACTS,
        "figures": (FIGURE,),
        "annotations": (HIGHLIGHT, ORPHAN),
    }
    values.update(changes)
    return Briefing(**values)


ESCAPED_TITLE = "### Troops \\| and \\<b\\>tags\\</b\\>"


def test_markdown_has_every_section_in_order() -> None:
    md = render(briefing(), "md")
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Test briefing",
        "## Key facts",
        "## Sources",
        "## 1. " + ESCAPED_TITLE.removeprefix("### "),
        "### Timeline",
        "### Key figures",
        "### Highlights",
        "## Orphaned annotations",
        ESCAPED_TITLE,
    ]
    # The period is that of the key facts listed: here the one statement with a figure and a name.
    assert "**Period:** 1 Jan 2020 to 31 Jan 2020" in md
    assert "- **Jan 2020** — In January the US had 5,000 troops." in md
    assert '**Selection:** tag "iraq"' in md


def test_markdown_timeline_rows_escape_pipes_and_newlines() -> None:
    md = render(briefing(), "md")
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Date | Fact |"
    assert len(rows) == 2 + len(FACTS)  # header, separator, one row per fact
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 3  # exactly two cells
    # A CommonMark + GFM-table parser sees one table of five rows, two cells each.
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    assert [t.type for t in tokens].count("table_open") == 1
    cells_per_row: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            cells_per_row.append(0)
        elif token.type in ("td_open", "th_open"):
            cells_per_row[-1] += 1
    assert cells_per_row == [2] * (1 + len(FACTS))
    assert "| mid-Nov 2020 | A \\| pipe and newline. |" in md
    assert "\\<script\\>" in md and "<script>" not in md
    assert '| after 5 Jan 2021 ("when") |' in md
    assert "[Troops \\| and \\<b\\>tags\\</b\\>](https://example.org/a%281%29)" in md


def test_markdown_highlights_are_quotes_with_notes_and_tags() -> None:
    md = render(briefing(), "md")
    # Notes are the user's own Markdown: their lines (and a list) are kept, HTML is not.
    assert "> In January the US had 5,000 troops.\n\n**Note:** Check this.\n- a list \\<b>\n" in md
    assert "Tags: `iraq`, `us`" in md
    # The orphan is still exported, as a quote whose heading marker is neutralised.
    assert "> \\# gone text" in md


def test_markdown_without_annotations_or_facts_says_so() -> None:
    md = render(briefing(annotations=(), facts=(), figures=()), "md")
    assert "No dated statements in this selection." in md
    assert "No dated statements with figures and names in this selection." in md
    assert "### Highlights" not in md and "### Key figures" not in md
    assert "Orphaned" not in md and "Key figures" not in md


def test_json_has_schema_and_everything() -> None:
    data = json.loads(render(briefing(), "json"))
    assert data["schema"] == SCHEMA
    assert list(data) == [
        "schema",
        "title",
        "selection",
        "period",
        "articles",
        "facts",
        "figures",
        "annotations",
    ]
    (article,) = data["articles"]
    assert article["file"] == "a.md"  # the local folder is not exported
    assert article["published"] == "2021-01-05" and article["tags"] == ["iraq", "us"]
    assert [f["value"] for f in data["facts"]] == [f.fact.value for f in FACTS]
    assert all(f["article_id"] == META.id for f in data["facts"])
    assert [a["orphaned"] for a in data["annotations"]] == [False, True]
    assert data["selection"]["tag"] == "iraq" and data["selection"]["from"] is None
    assert data["period"] == {"start": "2020-01-01", "end": "2021-01-15"}


def test_timelinejs_dates_follow_the_value_precision() -> None:
    data = json.loads(render(briefing(), "timelinejs"))
    events = data["events"]
    # Slides are listed by start date, as TimelineJS places them ("after 5 Jan" starts on the 5th).
    assert [e["start_date"] for e in events] == [
        {"year": 2020, "month": 1},
        {"year": 2020, "month": 11},
        {"year": 2021, "month": 1, "day": 5},
        {"year": 2021, "month": 1, "day": 15},
    ]
    assert "end_date" not in events[0]
    assert events[1]["display_date"] == "mid-Nov 2020"
    assert events[2]["display_date"] == 'after 5 Jan 2021 ("when")'
    # The unanchored fact cannot be placed: left out, and the title slide says so.
    assert "1 statement without a known start date left out" in data["title"]["text"]["text"]


def test_timelinejs_escapes_html_and_groups_by_article() -> None:
    events = json.loads(render(briefing(), "timelinejs"))["events"]
    assert all(e["group"] == "Troops | and &lt;b&gt;tags&lt;/b&gt;" for e in events)  # inserted as HTML
    assert "&lt;script&gt;" in events[3]["text"]["text"]
    assert events[0]["text"]["headline"] == "5,000 troops"
    assert events[1]["text"]["headline"] == "United States"
    assert len({e["unique_id"] for e in events}) == len(events)


def test_timelinejs_interval_values_get_an_end_date() -> None:
    week = TimelineFact(META.id, fact("2020-W02", "2020-01-06", "2020-01-12", "That week."))
    (event,) = json.loads(render(briefing(facts=(week,)), "timelinejs"))["events"]
    assert event["start_date"] == {"year": 2020, "month": 1, "day": 6}
    assert event["end_date"] == {"year": 2020, "month": 1, "day": 12}
    assert event["display_date"] == "week 2 of 2020"


def test_timelinejs_with_no_placeable_fact_is_an_error() -> None:
    with pytest.raises(ExportError, match="nothing to put on a timeline"):
        render(briefing(facts=(FACTS[-1],)), "timelinejs")


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        render(briefing(), "pdf")


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2021-01-05", None, "5 Jan 2021"),
        ("2020-11", "MID", "mid-Nov 2020"),
        ("2020", "APPROX", "about 2020"),
        ("2020-Q3", None, "Q3 2020"),
        ("2020-SU", None, "summer 2020"),
        ("2021-01-05T14:00", None, "5 Jan 2021 14:00"),
    ],
)
def test_fact_dates_read_as_words(value: str, mod: str | None, expected: str) -> None:
    assert describe_fact_date(fact(value, None, None, "x", mod=mod)) == expected


def test_decade_labels_read_naturally() -> None:
    assert describe_fact_date(fact("198X", "1986-09-02", "1989-12-31", "x", mod="END")) == "late 1980s"
    assert describe_fact_date(fact("198X", "1980-01-01", "1989-12-31", "x")) == "1980s"
    assert describe_fact_date(fact("198", "1986-09-02", "1989-12-31", "x", mod="END")) == "late 1980s"
    assert describe_fact_date(fact("199", "1990-01-01", "1999-12-31", "x")) == "1990s"


def test_date_object_only_integer_parts() -> None:
    parts = {"year": 2021, "month": 1, "day": 5, "hour": 14, "minute": 30}
    assert date_object("2021-01-05T14:30", "minute") == parts
    assert date_object("2021-01-05", "year") == {"year": 2021}
    with pytest.raises(ValueError, match="not an ISO date"):
        date_object("XXXX-12")


@given(st.text(max_size=120))
def test_property_any_fact_text_renders_as_one_literal_cell(text: str) -> None:
    one = TimelineFact(META.id, fact("2020-01", "2020-01-01", "2020-01-31", text))
    md = render(briefing(facts=(one,), annotations=(), figures=()), "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    cells = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 2
    shown = "".join(child.content for child in cells[1].children or [] if child.type == "text")
    assert shown == " ".join(clean(text).split())


@given(st.text(max_size=120))
def test_property_any_quote_renders_as_one_literal_blockquote(text: str) -> None:
    quote = Annotation(id="q", article_id=META.id, kind="highlight", start=0, end=len(text), exact=text)
    md = render(briefing(annotations=(quote,), facts=(), figures=()), "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    opened = [i for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert len(opened) == 1
    closed = next(i for i, t in enumerate(tokens) if t.type == "blockquote_close")
    inside = tokens[opened[0] + 1 : closed]
    assert {t.type for t in inside} <= {"paragraph_open", "inline", "paragraph_close"}
    shown = [
        "".join(c.content for c in t.children or [] if c.type == "text") for t in inside if t.type == "inline"
    ]
    expected = [" ".join(p.split()) for p in re.split(r"\n\s*\n", clean(text)) if p.strip()]
    assert shown == expected


@pytest.mark.parametrize(
    ("title", "fmt", "expected"),
    [
        ("Briefing: Red River relief", "md", "briefing-red-river-relief.md"),
        ("Gdańsk terminal — first half", "timelinejs", "gdansk-terminal-first-half.timeline.json"),
        ("¿?", "json", "briefing.json"),
        ("x" * 100, "md", "x" * 60 + ".md"),
    ],
)
def test_suggested_filename(title: str, fmt: str, expected: str) -> None:
    assert suggested_filename(title, fmt) == expected


def test_key_facts_lead_newest_first_and_are_limited() -> None:
    older = TimelineFact(META.id, fact("2020-01", "2020-01-01", "2020-01-31", "In 2020 5,000 troops stayed."))
    newer = TimelineFact(META.id, fact("2021-01-15", "2021-01-15", "2021-01-15", "Now 5,000 troops left."))
    vague = TimelineFact(META.id, fact("198X", "1980-01-01", "1989-12-31", "In the 1980s 5,000 troops."))
    md = render(briefing(facts=(older, newer, vague)), "md")
    key = md.split("## Key facts", 1)[1].split("## Sources", 1)[0]
    assert key.index("Now 5,000") < key.index("In 2020 5,000") and "1980s" not in key
    limited = render(briefing(facts=(older, newer, vague), key_facts=1), "md")
    key = limited.split("## Key facts", 1)[1].split("## Sources", 1)[0]
    assert "Now 5,000" in key and "In 2020" not in key
    assert "**Period:** 15 Jan 2021" in limited  # the period of the facts listed
    # every statement is still in its article's timeline, once
    assert limited.count("| In the 1980s 5,000 troops. |") == 1
