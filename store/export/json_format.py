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
from store.export.briefing import Briefing, KeyFigure, TimelineFact
from store.export.storedfact import fact_form
from store.fastjson import unpack
from store.jsonout import array_of_texts, indented, indented_packed
from store.records import Annotation, ArticleMeta
from store.serialise import meta_to_dict

SCHEMA = "briefing-reader/export/1"


def build_json(briefing: Briefing) -> str:
    """The briefing as indented JSON (UTF-8 characters kept), ending with one newline."""
    return "".join(json_chunks(briefing))


def json_chunks(briefing: Briefing) -> Iterator[str]:
    """The text of `build_json`, a few records at a time: the text of one indented `json.dumps` of the
    whole document (`store.jsonout`), each record written once and let go."""
    start, end = briefing.period()
    members: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("title", briefing.title),
        ("selection", briefing.selection.to_dict()),
        ("period", {"start": start, "end": end}),
        ("articles", (_article(a) for a in briefing.articles)),
        ("facts", None),  # written by _fact_text
        ("figures", (_figure(f) for f in briefing.figures)),
        ("annotations", (_annotation(a) for a in briefing.annotations)),
    ]
    opening = "{\n  "
    for key, value in members:
        yield opening + indented(key) + ": "
        if key == "facts":
            yield from array_of_texts((_fact_text(f) for f in briefing.facts), 1)
        elif isinstance(value, Iterator):
            yield from array_of_texts((indented(item, 2) for item in value), 1)
        else:
            yield indented(value, 1)
        opening = ",\n  "
    yield "\n}\n"


def _fact_text(item: TimelineFact) -> str:
    """`indented(_fact(item), 2)`: a fact kept packed is known to be what orjson writes as json.dumps."""
    packed = item.packed
    if packed is not None:
        data = unpack(packed)
        if fact_form(data):
            return indented_packed({"article_id": item.article_id, **data}, 2)
    return indented(_fact(item), 2)


def _fact(item: TimelineFact) -> dict[str, Any]:
    """The fact as `fact_to_dict` writes it, with its article: the facts index's stored form as it is
    when it is that form, else made from the Fact."""
    data = item.data
    if data is None or not fact_form(data):
        data = fact_to_dict(item.fact)
    return {"article_id": item.article_id, **data}


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


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_FIGURE_FIELDS = _names(KeyFigure)
_ANNOTATION_FIELDS = _names(Annotation)
