"""The JSON export: everything a script needs (articles' metadata, facts, key figures, annotations).

The schema is documented in docs/export-json.md; `SCHEMA` changes whenever a key changes meaning or
disappears (adding keys keeps it). A pure function of the Briefing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import islice
from pathlib import PurePath
from typing import Any

from extract.model import fact_to_dict
from store.export.briefing import Briefing, KeyFigure, TimelineFact
from store.export.storedfact import fact_form
from store.fastjson import unpack_all
from store.jsonout import array_of_texts, indented, indented_packed, members, runs
from store.records import Annotation, ArticleMeta
from store.serialise import meta_to_dict

SCHEMA = "briefing-reader/export/1"
RUN = 256  # records written at a time


def build_json(briefing: Briefing) -> str:
    """The briefing as indented JSON (UTF-8 characters kept), ending with one newline."""
    return "".join(json_chunks(briefing))


def json_chunks(briefing: Briefing) -> Iterator[str]:
    """The text of `build_json`, a few records at a time: the text of one indented `json.dumps` of the
    whole document (`store.jsonout`), each run of records written at once (one orjson call when it can)
    and let go."""
    start, end = briefing.period()
    parts: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("title", briefing.title),
        ("selection", briefing.selection.to_dict()),
        ("period", {"start": start, "end": end}),
        ("articles", (_article(a) for a in briefing.articles)),
        ("facts", None),  # written by _fact_runs
        ("figures", map(_figure, briefing.figures)),
        ("annotations", (_annotation(a) for a in briefing.annotations)),
    ]
    opening = "{\n  "
    for key, value in parts:
        yield opening + indented(key) + ": "
        if key == "facts":
            yield from array_of_texts(_fact_runs(briefing.facts), 1, 1)
        elif isinstance(value, Iterator):
            yield from array_of_texts(runs(value, 1), 1, 1)
        else:
            yield indented(value, 1)
        opening = ",\n  "
    yield "\n}\n"


def _fact_runs(facts: Iterable[TimelineFact]) -> Iterator[str]:
    """The facts' texts as items of the "facts" array (`indented(_fact(item), 2)`), a run of them at a
    time (`store.jsonout.runs`). A fact kept packed is known to be in `fact_to_dict`'s form and what
    orjson writes as json.dumps: such facts are read back, and written, a run at a time."""
    iterator = iter(facts)
    while batch := list(islice(iterator, RUN)):
        packed = [item.packed for item in batch]
        data = iter(unpack_all([p for p in packed if p is not None]))
        records: list[dict[str, Any]] = []
        for item, fact_packed in zip(batch, packed, strict=True):
            if fact_packed is not None:  # in fact_to_dict's form (TimelineFact.packed)
                records.append({"article_id": item.article_id, **next(data)})
                continue
            if records:
                yield members(indented_packed(records, 1), 1)
                records = []
            yield indented(_fact(item), 2)
        if records:
            yield members(indented_packed(records, 1), 1)


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
    return dict(zip(_FIGURE_FIELDS, figure, strict=True))


def _annotation(annotation: Annotation) -> dict[str, Any]:
    data = {name: getattr(annotation, name) for name in _ANNOTATION_FIELDS}
    data["correction"] = dict(annotation.correction) if annotation.correction else None
    return data


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_FIGURE_FIELDS = KeyFigure._fields
_ANNOTATION_FIELDS = _names(Annotation)
