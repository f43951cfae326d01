"""Converting between stored documents (plain JSON dicts) and the app's records.

`analysis_from_dict` reads back `Analysis.to_dict()`; unknown keys are ignored and missing optional
fields take their defaults, so an analysis stored by another analyzer version still loads.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from store.records import Annotation, ArticleMeta

if TYPE_CHECKING:
    from extract.model import Analysis

T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any], **override: Any) -> T:
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values = {k: v for k, v in data.items() if k in names}
    values.update(override)
    return cls(**values)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """The inverse of `Analysis.to_dict()`."""
    from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence

    def fact(d: dict[str, Any]) -> Fact:
        return _build(
            Fact,
            d,
            sentence=_build(Sentence, d["sentence"]),
            date=_build(DateMention, d["date"]),
            entities=tuple(d.get("entities", ())),
            figures=tuple(d.get("figures", ())),
        )

    published = data.get("published")
    return Analysis(
        published=date.fromisoformat(published) if published else None,
        sentences=tuple(_build(Sentence, s) for s in data.get("sentences", ())),
        entities=tuple(_build(Entity, e) for e in data.get("entities", ())),
        figures=tuple(_build(Figure, f) for f in data.get("figures", ())),
        dates=tuple(_build(DateMention, d) for d in data.get("dates", ())),
        facts=tuple(fact(f) for f in data.get("facts", ())),
    )


def meta_from_doc(doc: dict[str, Any], flags: dict[str, Any] | None) -> ArticleMeta:
    """An article document plus its user flags (read, starred, tags) as an ArticleMeta.

    Called once per article when the list is built, so it avoids every avoidable allocation.
    """
    get = doc.get
    published = get("published")
    day = date.fromisoformat(published) if published else None
    if flags is None:
        tags, read, starred = get("tags", ()), False, False
    else:
        user_tags = flags.get("tags")
        tags = get("tags", ()) if user_tags is None else user_tags
        read, starred = bool(flags.get("read", False)), bool(flags.get("starred", False))
    return ArticleMeta(
        doc["id"],
        get("title") or "(untitled)",
        day,
        get("source"),
        get("url"),
        get("dateline"),
        get("author"),
        tuple(tags),
        get("path"),
        read,
        starred,
    )


def meta_to_dict(meta: ArticleMeta) -> dict[str, Any]:
    """An article's descriptive metadata as JSON-ready values (`briefing list --json`, the JSON export);
    callers append the keys of their own contract (flags, file)."""
    return {
        "id": meta.id,
        "title": meta.title,
        "published": meta.published.isoformat() if meta.published else None,
        "source": meta.source,
        "url": meta.url,
        "dateline": meta.dateline,
        "author": meta.author,
        "tags": list(meta.tags),
    }


def annotation_to_doc(annotation: Annotation) -> dict[str, Any]:
    return asdict(annotation)


def annotation_from_doc(doc: dict[str, Any]) -> Annotation:
    correction = doc.get("correction")
    return _build(Annotation, doc, correction=dict(correction) if correction else None)
