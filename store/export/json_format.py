"""The JSON export: everything a script needs (articles' metadata, facts, key figures, annotations).

The schema is documented in docs/export-json.md; `SCHEMA` changes whenever a key changes meaning or
disappears (adding keys keeps it). A pure function of the Briefing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from pathlib import PurePath
from typing import Any

from extract.model import fact_to_dict
from store.export.briefing import Briefing, KeyFigure
from store.jsonout import object_chunks
from store.records import Annotation, ArticleMeta
from store.serialise import meta_to_dict

SCHEMA = "briefing-reader/export/1"


def build_json(briefing: Briefing) -> str:
    """The briefing as indented JSON (UTF-8 characters kept), ending with one newline."""
    return "".join(json_chunks(briefing))


def json_chunks(briefing: Briefing) -> Iterator[str]:
    """The text of `build_json`, a few records at a time (`store.jsonout`: the C encoder, the same
    text as one indented `json.dumps`)."""
    start, end = briefing.period()
    fields: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("title", briefing.title),
        ("selection", briefing.selection.to_dict()),
        ("period", {"start": start, "end": end}),
        ("articles", (_article(a) for a in briefing.articles)),
        ("facts", ({"article_id": f.article_id, **fact_to_dict(f.fact)} for f in briefing.facts)),
        ("figures", (_figure(f) for f in briefing.figures)),
        ("annotations", (_annotation(a) for a in briefing.annotations)),
    ]
    yield from object_chunks(fields)
    yield "\n"


def _article(meta: ArticleMeta) -> dict[str, Any]:
    return {
        **meta_to_dict(meta),
        "starred": meta.starred,
        "read": meta.read,
        # The file name only: the folder it was imported from is local detail, not part of a briefing.
        "file": PurePath(meta.path).name if meta.path else None,
    }


def _figure(figure: KeyFigure) -> dict[str, Any]:
    return {name: getattr(figure, name) for name in _FIGURE_FIELDS}


def _annotation(annotation: Annotation) -> dict[str, Any]:
    data = {name: getattr(annotation, name) for name in _ANNOTATION_FIELDS}
    data["correction"] = dict(annotation.correction) if annotation.correction else None
    return data


_FIGURE_FIELDS = tuple(f.name for f in fields(KeyFigure))
_ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
