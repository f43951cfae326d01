"""Converting between stored documents (plain JSON dicts) and the app's records.

`analysis_from_dict` reads back `Analysis.to_dict()`; unknown keys are ignored and missing optional
fields take their defaults, so an analysis stored by another analyzer version still loads.

The `*_problem` checks validate a stored document before it is read (valid JSON can still have the wrong
fields or types, e.g. after a hand edit or another program's write): each returns why the document cannot
be used, or None. `RECORD_CHECKS` maps a table name to its check; the storage skips and reports the
documents that fail it and leaves them in the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, fields
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from store.errors import quote_input
from store.records import Annotation, ArticleMeta

if TYPE_CHECKING:
    from extract.model import Analysis, Fact

T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any], **override: Any) -> T:
    if not override:
        try:  # a document this model wrote: its keys are the record's fields
            return cls(**data)
        except TypeError:  # an unknown key or a missing field: built from the fields the record has
            pass
    names = _field_names(cls)  # type: ignore[arg-type]
    values = {k: v for k, v in data.items() if k in names}
    values.update(override)
    return cls(**values)


@cache
def _field_names(cls: Any) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def fact_from_dict(d: dict[str, Any]) -> Fact:
    """The inverse of `extract.model.fact_to_dict`."""
    from extract.model import DateMention, Fact, Sentence

    return _build(
        Fact,
        d,
        sentence=_build(Sentence, d["sentence"]),
        date=_build(DateMention, d["date"]),
        entities=tuple(d.get("entities", ())),
        figures=tuple(d.get("figures", ())),
        dates=tuple(_build(DateMention, m) for m in d.get("dates", ())),
    )


def fast_fact_from_dict(d: dict[str, Any]) -> Fact:
    """`fact_from_dict` for a dict `fact_to_dict` made with this very model (the facts index): the records
    built directly from their fields, falling back to `fact_from_dict` for any other dict."""
    from extract.model import DateMention, Fact, Sentence

    try:
        return Fact(
            value=d["value"],
            start_date=d["start_date"],
            end_date=d["end_date"],
            sentence=Sentence(**d["sentence"]),
            text=d["text"],
            date=DateMention(**d["date"]),
            entities=tuple(d["entities"]),
            figures=tuple(d["figures"]),
            text_offset=d.get("text_offset"),
            dates=tuple(DateMention(**m) for m in d["dates"]),
        )
    except (KeyError, TypeError):
        return fact_from_dict(d)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """The inverse of `Analysis.to_dict()`."""
    from extract.model import Analysis, DateMention, Entity, Figure, Sentence

    fact = fact_from_dict

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
    """An article document plus its user flags (read, starred, tags) as an ArticleMeta."""
    return ArticleMeta(*meta_values(doc, flags))


def meta_values(doc: dict[str, Any], flags: dict[str, Any] | None) -> tuple[Any, ...]:
    """The field values, in order, of `meta_from_doc(doc, flags)` (what a row of the list is filled with).

    Called once per article shown or listed, so it avoids every avoidable allocation.
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
    return (
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


# What describes an article (its metadata minus where it came from and the user's flags), in field order.
_DESCRIPTIVE = tuple(f.name for f in fields(ArticleMeta) if f.name not in ("path", "read", "starred"))


def meta_to_dict(meta: ArticleMeta) -> dict[str, Any]:
    """An article's descriptive metadata as JSON-ready values (`briefing list --json`, the JSON export);
    callers append the keys of their own contract (flags, file)."""
    data = {name: getattr(meta, name) for name in _DESCRIPTIVE}
    data["published"] = meta.published.isoformat() if meta.published else None
    data["tags"] = list(meta.tags)
    return data


def annotation_to_doc(annotation: Annotation) -> dict[str, Any]:
    return asdict(annotation)


def annotation_from_doc(doc: dict[str, Any]) -> Annotation:
    correction = doc.get("correction")
    return _build(Annotation, doc, correction=dict(correction) if correction else None)


# -- checks of stored documents --------------------------------------------------------------------------
_HEX_ID = re.compile(r"[0-9a-f]{1,32}")
_BODY_KEY = re.compile(r"[0-9a-f]{32}")
_ARTICLE_TEXT = ("title", "source", "url", "dateline", "author", "path")
_ANNOTATION_TEXT = ("exact", "prefix", "suffix", "created")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "text"


def _shown(value: Any) -> str:
    """A stored value as a message shows it: text quoted (bounded), anything else by its kind."""
    return quote_input(value) if isinstance(value, str) else _kind(value)


def _id_problem(doc: dict[str, Any], key: str, field: str = "id") -> str | None:
    value = doc.get(field)
    if value is None:
        return f"it has no {field!r}"
    if not isinstance(value, str) or not _HEX_ID.fullmatch(value):
        return f"{field!r} is {_shown(value)}, not a hex id"
    if field == "id" and str(int(value, 16)) != key:
        return f"its id {value!r} does not belong to record {quote_input(key)}"
    return None


def _text_problem(doc: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = doc.get(name)
        if value is not None and not isinstance(value, str):
            return f"{name!r} is {_kind(value)}, not text"
    return None


def _tags_problem(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, list):
        return f"'tags' is {_kind(value)}, not a list of words"
    if not all(isinstance(tag, str) for tag in value):
        return "'tags' holds something that is not text"
    return None


_HEX_DIGITS = "0123456789abcdef"
_TEXT_OR_NONE = (str, type(None))


def _well_formed_article(doc: dict[str, Any], key: str) -> bool:
    """True for the usual article document, which `article_doc_problem` passes: the quick test made once
    per article when a library is opened (anything unusual gets the full check and its message)."""
    get = doc.get
    aid, body, tags, published = get("id"), get("body"), get("tags"), get("published")
    if not (
        type(aid) is str
        and 0 < len(aid) <= 32
        and not aid.strip(_HEX_DIGITS)
        and type(body) is str
        and len(body) == 32
        and not body.strip(_HEX_DIGITS)
        and type(get("title")) in _TEXT_OR_NONE
        and type(get("source")) in _TEXT_OR_NONE
        and type(get("url")) in _TEXT_OR_NONE
        and type(get("dateline")) in _TEXT_OR_NONE
        and type(get("author")) in _TEXT_OR_NONE
        and type(get("path")) in _TEXT_OR_NONE
        and (tags is None or type(tags) is list)
        and str(int(aid, 16)) == key
    ):
        return False
    try:
        if tags:
            "".join(tags)  # TypeError unless every tag is text
        if published is not None:
            date.fromisoformat(published)
    except (TypeError, ValueError):
        return False
    return True


def article_doc_problem(doc: dict[str, Any], key: str) -> str | None:
    """Why an `articles` document cannot be read (see the module docstring), or None."""
    if _well_formed_article(doc, key):
        return None
    problem = _id_problem(doc, key) or _text_problem(doc, _ARTICLE_TEXT) or _tags_problem(doc.get("tags"))
    if problem:
        return problem
    published = doc.get("published")
    if published is not None:
        try:
            date.fromisoformat(published)
        except (TypeError, ValueError):
            return f"'published' is {_shown(published)}, not a date"
    body = doc.get("body")
    if not isinstance(body, str) or not _BODY_KEY.fullmatch(body):
        return "it has no 'body' key" if body is None else f"'body' is {_shown(body)}, not a text key"
    return None


def flags_doc_problem(doc: dict[str, Any], key: str) -> str | None:
    """Why a `flags` document (read, starred, tags of one article) cannot be read, or None."""
    problem = _id_problem(doc, key) or _tags_problem(doc.get("tags"))
    if problem:
        return problem
    for name in ("read", "starred"):
        value = doc.get(name)
        if value is not None and not isinstance(value, bool):
            return f"{name!r} is {_kind(value)}, not true or false"
    return None


def annotation_doc_problem(doc: dict[str, Any], key: str) -> str | None:
    """Why an `annotations` document cannot be read, or None."""
    problem = (
        _id_problem(doc, key)
        or _id_problem(doc, key, "article_id")
        or _text_problem(doc, (*_ANNOTATION_TEXT, "color", "note"))
    )
    if problem:
        return problem
    if not isinstance(doc.get("kind"), str):
        return f"'kind' is {_kind(doc.get('kind'))}, not text"
    start, end = doc.get("start"), doc.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return "'start' and 'end' are not whole numbers"
    if not 0 <= start <= end:  # type: ignore[operator]
        return f"its range {start}-{end} is not a range of the text"
    if not isinstance(doc.get("exact"), str):
        return "it has no quoted text ('exact')"
    correction = doc.get("correction")
    if correction is not None and not (
        isinstance(correction, dict) and all(isinstance(v, str) for v in correction.values())
    ):
        return "'correction' is not a set of text values"
    if not isinstance(doc.get("orphaned", False), bool):
        return "'orphaned' is not true or false"
    return None


RecordCheck = Callable[[dict[str, Any], str], "str | None"]
RECORD_CHECKS: dict[str, RecordCheck] = {
    "articles": article_doc_problem,
    "flags": flags_doc_problem,
    "annotations": annotation_doc_problem,
}
