"""Annotations: highlights, notes and corrections, stored in `annotations/<2 hex>.json` (256 shards by id).

Each stored annotation carries, besides its offsets and quote, `body`: the key of the article text its
offsets index. Whenever annotations are read, one whose `body` is not the article's current text (a
crash or a restored backup left them apart; or a library written before the key existed) is checked:
re-attached by its quote, or marked orphaned, and saved so (in memory only when read-only). So an
annotation's quote always matches its offsets, or it is orphaned.

Corrections (annotations of kind "correction") also give the `Corrections` every analysis honours. Reading
them checks every annotation shard; a whole-library pass reads them once (`snapshot()`: one consistent
view, dropped when this process changes an annotation shard inside it).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from store.anchoring import quote_selector, reattach
from store.errors import Gone, LibraryError
from store.ids import doc_id, new_annotation_id, shard
from store.records import ANNOTATION_KINDS, Annotation, AnnotationKind
from store.serialise import annotation_from_doc, annotation_to_doc

if TYPE_CHECKING:
    from extract.corrections import Corrections
    from store.articles import Articles
    from store.storage import AtomicJSONStorage
    from store.tinyfile import Tables, TinyFile

_ANNOTATION_CHANGES = frozenset({"kind", "start", "end", "color", "note", "correction"})


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_kind(kind: str, correction: dict[str, str] | None) -> AnnotationKind:
    """`kind` as an annotation kind; ValueError when it is none, or a correction says nothing."""
    if kind not in ANNOTATION_KINDS:
        raise ValueError(f"annotation kind must be one of {', '.join(ANNOTATION_KINDS)}, not {kind!r}")
    if kind == "correction":
        if not correction or not set(correction) & {"type", "date"}:
            raise ValueError('a correction needs {"type": ...} or {"date": ...}')
        if not all(isinstance(v, str) for v in correction.values()):
            raise ValueError("correction values must be text")
    return kind


def reanchored(annotation: Annotation, body: str) -> Annotation:
    """The annotation moved onto `body` by its quote, or marked orphaned when the quote vanished."""
    span = reattach(body, annotation)
    if span is None:
        return replace(annotation, orphaned=True)
    exact, prefix, suffix = quote_selector(body, *span)
    return replace(
        annotation, start=span[0], end=span[1], exact=exact, prefix=prefix, suffix=suffix, orphaned=False
    )


def to_doc(annotation: Annotation, body_key: str | None) -> dict[str, Any]:
    """The stored document: the annotation and the key of the text its offsets index (None: unknown)."""
    return {**annotation_to_doc(annotation), "body": body_key}


def anchored_doc(annotation: Annotation, body: str, body_key: str, *, known: bool) -> dict[str, Any]:
    """The document of `annotation` on the text `body`. `known`: its offsets were made on this text unless
    its quote says otherwise (no record of their text); else they index another text and it is re-attached."""
    quote_holds = annotation.exact != "" and body[annotation.start : annotation.end] == annotation.exact
    if known and (annotation.orphaned or quote_holds):
        return to_doc(annotation, body_key)
    return to_doc(reanchored(annotation, body), body_key)


def _order(annotation: Annotation) -> tuple[str, int, int, str, str]:
    return (annotation.article_id, annotation.start, annotation.end, annotation.created, annotation.id)


class Annotations:
    """The annotations of one library (see the module docstring)."""

    def __init__(self, articles: Articles) -> None:
        self.articles = articles
        self.files = articles.files
        self._corrections_cache: tuple[Any, Corrections] | None = None
        self._checked_memo: dict[tuple[str, str], dict[str, Any]] = {}
        self._snapshots = 0  # depth of `snapshot()` blocks
        self._pinned: tuple[list[AtomicJSONStorage], int, Corrections] | None = None  # see `snapshot`
        self.shard_checks = 0  # annotation shards checked for corrections (for tests)

    def _shard(self, key: str) -> TinyFile:
        return self.files.shard_file("annotations", key)

    def _shards(self, article_id: str | None) -> list[str]:
        return [shard(article_id)] if article_id is not None else self.files.existing_shards("annotations")

    # -- reading, with the check of each annotation against its article's text ------------------------------
    def read(self, article_id: str | None = None) -> list[Annotation]:
        """Annotations of one article (or all), in text order; each checked against the current text."""
        found: list[Annotation] = []
        for key in self._shards(article_id):
            docs = self._checked_docs(key, article_id)
            found.extend(annotation_from_doc(doc) for doc in docs)
        found.sort(key=_order)
        return found

    def _checked_docs(self, key: str, article_id: str | None) -> list[dict[str, Any]]:
        tiny = self._shard(key)
        docs, fixed = self._check(tiny.raw("annotations"), article_id)
        if fixed and not self.files.read_only:
            try:
                with self.files.writing():  # again under the lock: another process may have changed it
                    docs, fixed = self._check(tiny.raw("annotations"), article_id)
                    if fixed:
                        tiny.put_docs("annotations", fixed)
            except LibraryError:
                pass  # locked or unwritable: the checked annotations are still right in memory
        return docs

    def _check(
        self, raw: dict[str, Any], article_id: str | None
    ) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
        docs: list[dict[str, Any]] = []
        fixed: dict[int, dict[str, Any]] = {}
        articles = self.files.articles_file.raw("articles")  # once, not once per annotation
        for sid, doc in raw.items():
            if article_id is not None and doc["article_id"] != article_id:
                continue
            good = self._checked(doc, articles)
            if good is not doc:
                fixed[int(sid)] = good
            docs.append(good)
        return docs, fixed

    def _checked(self, doc: dict[str, Any], articles: dict[str, Any] | None = None) -> dict[str, Any]:
        """`doc` itself when it belongs to its article's current text; else the repaired document.
        `articles`: the articles table, when the caller has it at hand."""
        try:
            if articles is None:
                current = self.articles.doc(doc["article_id"])["body"]
            else:
                current = articles[str(doc_id(doc["article_id"]))]["body"]
        except (KeyError, ValueError):
            return doc  # no such article (any more): nothing to check against
        if doc.get("body") == current:
            return doc
        memo_key = (current, json.dumps(doc, sort_keys=True))
        repaired = self._checked_memo.get(memo_key)
        if repaired is None:
            try:
                body = self.files.bodies.get(current)
            except LibraryError:
                return doc  # the text is unreadable: reported where it is read
            repaired = anchored_doc(annotation_from_doc(doc), body, current, known=doc.get("body") is None)
            self._checked_memo[memo_key] = repaired
        return repaired

    def _doc(self, annotation_id: str) -> tuple[TinyFile, dict[str, Any]]:
        from store.articles import check_hex_id

        did = check_hex_id(annotation_id)
        tiny = self._shard(shard(annotation_id))
        doc = tiny.raw("annotations").get(str(did))
        if doc is None:
            raise Gone(annotation_id)
        return tiny, self._checked(doc)

    # -- changes ------------------------------------------------------------------------------------------
    def _text(self, article_id: str) -> tuple[str, str]:
        """The article's current text and its key."""
        key = self.articles.doc(article_id)["body"]
        return self.files.bodies.get(key), key

    def add(
        self,
        article_id: str,
        start: int,
        end: int,
        kind: str,
        *,
        color: str | None = None,
        note: str | None = None,
        correction: dict[str, str] | None = None,
    ) -> Annotation:
        checked = check_kind(kind, correction)
        body, key = self._text(article_id)
        if not 0 <= start < end <= len(body):
            raise ValueError(f"annotation range {start}-{end} is not inside the article ({len(body)} chars)")
        exact, prefix, suffix = quote_selector(body, start, end)
        annotation = Annotation(
            id=new_annotation_id(article_id),
            article_id=article_id,
            kind=checked,
            start=start,
            end=end,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            color=color,
            note=note,
            correction=dict(correction) if correction else None,
            created=now(),
        )
        with self.files.writing():
            self._pinned = None  # perhaps a new shard: `snapshot()` reads the corrections again
            self._shard(shard(article_id)).put_docs(
                "annotations", {doc_id(annotation.id): to_doc(annotation, key)}
            )
        return annotation

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        unknown = set(changes) - _ANNOTATION_CHANGES
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of an annotation")
        with self.files.writing():
            tiny, doc = self._doc(annotation_id)
            updated = replace(annotation_from_doc(doc), **changes)
            check_kind(updated.kind, updated.correction)
            key = doc.get("body")
            if "start" in changes or "end" in changes:
                body, key = self._text(updated.article_id)
                if not 0 <= updated.start < updated.end <= len(body):
                    raise ValueError(
                        f"annotation range {updated.start}-{updated.end} is not inside the article"
                    )
                exact, prefix, suffix = quote_selector(body, updated.start, updated.end)
                updated = replace(updated, exact=exact, prefix=prefix, suffix=suffix, orphaned=False)
            tiny.put_docs("annotations", {doc_id(annotation_id): to_doc(updated, key)})
            return updated

    def remove(self, annotation_id: str) -> Annotation:
        with self.files.writing():
            tiny, doc = self._doc(annotation_id)
            removed = annotation_from_doc(doc)
            tiny.table("annotations").remove(doc_ids=[doc_id(annotation_id)])
            return removed

    def restore(self, annotation: Annotation) -> None:
        """Put back an annotation exactly as it was (re-attached instead if its quote no longer holds, e.g.
        when an edited re-import came in between)."""
        try:
            body, key = self._text(annotation.article_id)
        except (KeyError, LibraryError):
            doc = to_doc(annotation, None)  # checked when its text is readable again
        else:
            doc = anchored_doc(annotation, body, key, known=True)
        with self.files.writing():
            self._pinned = None  # perhaps a new shard: `snapshot()` reads the corrections again
            self._shard(shard(annotation.id)).put_docs("annotations", {doc_id(annotation.id): doc})

    def moved(self, rebodied: Iterable[tuple[str, str, str]]) -> list[tuple[TinyFile, Tables]]:
        """The new tables of the shards whose annotations move onto new texts: for each (article id, new
        text, its key), its annotations re-attached by quote or marked orphaned. Nothing is written."""
        by_shard: dict[str, dict[int, dict[str, Any]]] = {}
        for article_id, body, key in rebodied:
            tiny = self._shard(shard(article_id))
            for doc in tiny.raw("annotations").values():
                if doc["article_id"] == article_id:
                    moved = reanchored(annotation_from_doc(doc), body)
                    by_shard.setdefault(shard(article_id), {})[doc_id(doc["id"])] = to_doc(moved, key)
        return [
            (self._shard(key), self._shard(key).with_docs("annotations", docs))
            for key, docs in by_shard.items()
        ]

    # -- corrections --------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Inside this block (a whole-library pass: one consistent view) `corrections()` and
        `corrections_for()` reuse the corrections read at its start instead of checking every annotation
        shard at each call; a change this process makes to an annotation inside it (through this object or
        any write of a shard read at the start) makes them read again. Blocks nest."""
        self._snapshots += 1
        try:
            yield
        finally:
            self._snapshots -= 1
            if not self._snapshots:
                self._pinned = None

    def _pinned_corrections(self) -> Corrections | None:
        if self._pinned is None:
            return None
        storages, versions, corrections = self._pinned
        if sum(storage.version for storage in storages) != versions:
            self._pinned = None  # this process wrote a shard: read them again
            return None
        return corrections

    def corrections(self) -> Corrections:
        """The user's corrections, from correction annotations: entity types and date values by quote."""
        if self._snapshots:
            pinned = self._pinned_corrections()
            if pinned is not None:
                return pinned
        storages, found = self._read_corrections()
        if self._snapshots:
            self._pinned = (storages, sum(storage.version for storage in storages), found)
        return found

    def _read_corrections(self) -> tuple[list[AtomicJSONStorage], Corrections]:
        """The storages of the annotation shards, each checked (read again if changed), and the
        corrections they hold."""
        from extract.corrections import Corrections

        shards = self.files.existing_shards("annotations")
        storages = []
        for key in shards:
            tiny = self._shard(key)
            tiny.raw("annotations")
            self.shard_checks += 1
            storages.append(tiny.storage)
        cache_key = tuple((key, storage.version) for key, storage in zip(shards, storages, strict=True))
        if self._corrections_cache is not None and self._corrections_cache[0] == cache_key:
            return storages, self._corrections_cache[1]
        entity_types: dict[str, str] = {}
        date_values: dict[str, str] = {}
        every = sorted(
            (
                annotation_from_doc(doc)
                for key in shards
                for doc in self._shard(key).raw("annotations").values()
            ),
            key=_order,
        )
        for ann in every:
            if ann.kind != "correction" or not ann.correction or not ann.exact.strip():
                continue
            if "type" in ann.correction:
                entity_types[ann.exact] = ann.correction["type"]
            if "date" in ann.correction:
                date_values[ann.exact] = ann.correction["date"]
        result = Corrections(entity_types=entity_types, date_values=date_values)
        self._corrections_cache = (cache_key, result)
        return storages, result

    def corrections_for(self, body: str) -> Corrections:
        """Only the corrections whose quoted text occurs in `body` can change its analysis."""
        from extract.corrections import Corrections

        every = self.corrections()
        return Corrections(
            entity_types={k: v for k, v in every.entity_types.items() if k in body},
            date_values={k: v for k, v in every.date_values.items() if k in body},
        )
