"""Hostile article text, titles, URLs, notes and tags through the export builders: the Markdown briefing
never contains raw HTML for a CommonMark renderer, and every TimelineJS text field is HTML-escaped."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from extract.model import Fact
from store.export import Briefing, KeyFigure, Selection, TimelineFact, render
from store.records import Annotation, ArticleMeta
from store.serialise import fact_from_dict

IMG = "<img src=x onerror=alert(1)>"
HOSTILE = [
    IMG,
    f"a``b {IMG}",  # a double backtick ended the tag's code span early
    f"`{IMG}`",
    f"\\{IMG}",  # a backslash before "<" escaped the escape
    f"<!-- {IMG} -->",
    "<script>alert(1)</script>",
    "<https://evil.example/>",
    f"x & y &amp; &#60;b&#62; {IMG}",
    f"\n<div>\n{IMG}\n</div>\n",
]
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _fact(text: str, value: str = "2021-01-05", *, mod: str | None = None) -> Fact:
    return fact_from_dict(
        {
            "value": value,
            "start_date": "2021-01-05",
            "end_date": "2021-01-05",
            "sentence": {"start": 0, "end": len(text)},
            "text": text,
            "date": {"start": 0, "end": 1, "text": text[:12], "type": "DATE", "value": value, "mod": mod},
            "entities": [text[:20]],
            "figures": [text[:30]],
        }
    )


def hostile_briefing(text: str) -> Briefing:
    meta = ArticleMeta(
        id="abcdef0123456789",
        title=f"Title {text}",
        published=date(2021, 1, 5),
        source=f"Source {text}",
        author=f"Author {text}",
        url=f"https://example.org/`{text}",
        tags=(text, f"t``{text}", "plain"),
        starred=True,
        path="/x/a.md",
    )
    annotation = Annotation(
        id="n1", article_id=meta.id, kind="note", start=0, end=len(text), exact=text, note=f"My note {text}"
    )
    orphan = Annotation(id="n2", article_id=meta.id, kind="note", start=0, end=1, exact=text, orphaned=True)
    correction = Annotation(
        id="n3", article_id=meta.id, kind="correction", start=0, end=1, exact="x", correction={"date": text}
    )
    figure = KeyFigure(meta.id, 0, 3, text, 3.0, "cardinal", text, None, text)
    return Briefing(
        title=f"Briefing {text}",
        selection=Selection(tag=text, entity=text),
        articles=(meta,),
        facts=(
            TimelineFact(meta.id, _fact(f"On 5 January {text}")),
            TimelineFact(meta.id, _fact(f"Mid-month {text}", "2021-01", mod="MID")),
        ),
        figures=(figure,),
        annotations=(annotation, orphan, correction),
    )


def html_tokens(tokens: list[Any]) -> list[Any]:
    found = []
    for token in tokens:
        if token.type in ("html_inline", "html_block"):
            found.append(token)
        found.extend(html_tokens(token.children or []))
    return found


def test_markdown_export_of_hostile_text_has_no_html() -> None:
    for text in HOSTILE:
        briefing = hostile_briefing(text)
        tokens = MARKDOWN.parse(render(briefing, "md"))
        assert html_tokens(tokens) == [], text
        # Each tag is still one whole code span: the hostile text is shown literally inside it.
        spans = [t.content for t in _flat(tokens) if t.type == "code_inline"]
        for tag in briefing.articles[0].tags:
            assert " ".join(tag.split()) in spans, (tag, spans)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>`\\&!-[]()*_ \nabc/=\"'"), max_size=40))
def test_property_markdown_export_never_has_html(text: str) -> None:
    md = render(hostile_briefing(text + IMG), "md")
    assert html_tokens(MARKDOWN.parse(md)) == []


def _flat(tokens: list[Any]) -> list[Any]:
    return [t for token in tokens for t in (token, *_flat(token.children or []))]


def test_timelinejs_escapes_every_text_field() -> None:
    for text in HOSTILE:
        data = json.loads(render(hostile_briefing(text), "timelinejs"))
        fields = [data["title"]["text"]["headline"]]
        for event in data["events"]:
            fields += [event["group"], event["text"]["headline"], event.get("display_date", "")]
        for field in fields:
            assert "<" not in field and ">" not in field, field
            assert "&" not in field.replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""), field
        for event in data["events"]:  # the text is our own HTML around escaped article text
            body = event["text"]["text"]
            assert "<img" not in body and "<script" not in body and "<div" not in body and "<!--" not in body
            assert body.startswith("<p>") and body.count("<p>") == 2
