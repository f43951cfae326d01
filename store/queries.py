"""Questions across articles: the timeline of dated facts and the text search.

An article whose text cannot be read is left out (the user is told once, see `Articles.body`) instead of
failing the question for the whole library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from store.articles import ArticleTextMissing
from store.bulk import collector_paused
from store.errors import Gone
from store.facts_index import Entry, bypassed
from store.jsonout import compact, indented
from store.records import ArticleMeta, TimelineEntry
from store.safetext import clean_line
from store.serialise import fast_fact_from_dict
from store.timeline import (
    Resolve,
    article_bounds,
    interval_bounds,
    interval_overlaps,
    matches_entity,
    order_key,
    overlaps,
    sort_key,
    source_matches,
    split_date_range,
    wanted_names,
)

T = TypeVar("T")


def timeline_entry_dict(entry: TimelineEntry) -> dict[str, Any]:
    """One statement as JSON: its article, the fact (`extract.model.fact_to_dict`) with all its dates."""
    from extract.model import fact_to_dict

    return {
        "article_id": entry.article_id,
        "article_title": entry.article_title,
        "source": entry.source,
        **fact_to_dict(entry.fact),
    }


def _item_text(value: dict[str, Any]) -> str:
    """`value` as an item of an indented array at the top level."""
    return indented(value, 1)


def _item_head(article_id: str, meta: ArticleMeta) -> str:
    """The start of an indented item's text for the entries of this article: up to and including the
    comma after its `source` (what precedes the fact's own fields; a fact's text starts with "{")."""
    head = {"article_id": article_id, "article_title": meta.title, "source": meta.source}
    return _item_text(head)[:-4] + ","  # without "\n  }", the closing of the object


class _Wanted:
    """An entity filter: the name asked for, and how the library resolves it when the articles' own
    names do not (`store.timeline.wanted_names`)."""

    __slots__ = ("entity", "resolve")

    def __init__(self, entity: str | None, resolve: Resolve | None) -> None:
        self.entity = entity
        self.resolve = resolve


if TYPE_CHECKING:
    from store.analyses import Analyses
    from store.articles import Articles


class Queries:
    """Timeline and search over one library's articles and analyses."""

    def __init__(self, articles: Articles, analyses: Analyses) -> None:
        self.articles = articles
        self.analyses = analyses
        self.files = articles.files
        self._haystacks: dict[str, tuple[Any, str]] = {}

    def timeline(
        self,
        article_id: str | None = None,
        entity: str | None = None,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        source: str | None = None,
        resolve: Resolve | None = None,
    ) -> list[TimelineEntry]:
        """`resolve()`: the names the library resolves `entity` to (`Library.entity_names`), asked only
        when no article's own names match it."""
        metas, ids = self._chosen(article_id, tag, source)
        wanted = _Wanted(entity, resolve)
        if bypassed():
            return self._timeline_from_analyses(metas, ids, wanted, start, end)
        found = self._indexed(metas, ids, wanted, start, end, fast_fact_from_dict)
        return [
            TimelineEntry(aid, metas[aid].title, fact, metas[aid].source, metas[aid].tags)
            for aid, fact in found
        ]

    def timeline_json(
        self,
        article_id: str | None = None,
        entity: str | None = None,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        source: str | None = None,
        resolve: Resolve | None = None,
        *,
        indent: bool = False,
    ) -> Iterator[str]:
        """The entries `timeline` gives, each as the compact JSON text of `timeline_entry_dict` (C
        encoder, non-ASCII kept), without making a Fact of any of them. `indent`: each as the text of
        an item of an indented array instead (`store.jsonout.indented(..., 1)`: what `json.dumps(...,
        indent=2)` of the list of them writes for it)."""
        metas, ids = self._chosen(article_id, tag, source)
        wanted = _Wanted(entity, resolve)
        encode = _item_text if indent else compact
        if bypassed():
            for entry in self._timeline_from_analyses(metas, ids, wanted, start, end):
                yield encode(timeline_entry_dict(entry))
            return
        heads: dict[str, str] = {}  # the article's part of its entries' text, made once per article
        if indent:
            for aid, text in self._indexed(metas, ids, wanted, start, end, _item_text):
                head = heads.get(aid)
                if head is None:
                    head = heads[aid] = _item_head(aid, metas[aid])
                yield head + text[1:]
            return
        for aid, text in self._indexed(metas, ids, wanted, start, end, compact):
            head = heads.get(aid)
            if head is None:
                meta = metas[aid]
                head = compact({"article_id": aid, "article_title": meta.title, "source": meta.source})[:-1]
                heads[aid] = head
            yield head + ", " + text[1:]

    def _chosen(
        self, article_id: str | None, tag: str | None, source: str | None
    ) -> tuple[dict[str, ArticleMeta], list[str]]:
        metas = {meta.id: meta for meta in self.articles.metas()}
        if article_id is not None and article_id not in metas:
            raise Gone(article_id)
        ids = [article_id] if article_id is not None else list(metas)
        if tag is not None:
            wanted_tag = clean_line(tag).casefold()  # tags compare as store.tags normalises them
            ids = [aid for aid in ids if any(t.casefold() == wanted_tag for t in metas[aid].tags)]
        if source is not None:
            ids = [aid for aid in ids if source_matches(source, metas[aid].source)]
        return metas, ids

    def entries(self, article_ids: Iterable[str]) -> Iterator[tuple[str, Entry]]:
        """The facts index entry of each article (store.facts_index), shard by shard; articles whose text
        cannot be read are left out."""
        return self.analyses.index.entries(self.articles.docs(article_ids))

    def _indexed(
        self,
        metas: dict[str, ArticleMeta],
        ids: list[str],
        wanted: _Wanted,
        start: date | None,
        end: date | None,
        convert: Callable[[dict[str, Any]], T],
    ) -> list[tuple[str, T]]:
        """The facts of these articles that pass the filters, converted, in timeline order. A bulk build
        of many small objects (the index's shards parsed, the found facts): the collector waits until it
        is done, and what it keeps is then out of its way (store/bulk.py)."""
        with collector_paused(freeze=True):
            return self._indexed_facts(metas, ids, wanted, start, end, convert)

    def _indexed_facts(
        self,
        metas: dict[str, ArticleMeta],
        ids: list[str],
        wanted: _Wanted,
        start: date | None,
        end: date | None,
        convert: Callable[[dict[str, Any]], T],
    ) -> list[tuple[str, T]]:
        found: list[tuple[tuple[Any, ...], str, T, set[str] | None]] = []
        tables: list[dict[str, str]] = []
        entity = wanted.entity
        for aid, entry in self.entries(ids):
            published = metas[aid].published
            day = published.isoformat() if published else None
            facts = entry["facts"]
            bounds = interval_bounds((f["start_date"], f["end_date"]) for f in facts)
            if entity:
                tables.append(entry["names"])
            for fact, keys in zip(facts, entry["keys"], strict=True):
                if not interval_overlaps(fact["start_date"], fact["end_date"], start, end):
                    continue
                order = order_key(
                    fact["start_date"],
                    fact["end_date"],
                    day,
                    aid,
                    fact["sentence"]["start"],
                    fact["date"]["start"],
                    bounds,
                )
                names = set(keys) | {n.casefold() for n in fact["entities"]} if entity else None
                found.append((order, aid, convert(fact), names))
        if entity:
            chosen = wanted_names(entity, tables, wanted.resolve)
            found = [item for item in found if item[3] is not None and not item[3].isdisjoint(chosen)]
        found.sort(key=itemgetter(0))
        return [(aid, payload) for _, aid, payload, _ in found]

    def _timeline_from_analyses(
        self,
        metas: dict[str, ArticleMeta],
        ids: list[str],
        wanted: _Wanted,
        start: date | None,
        end: date | None,
    ) -> list[TimelineEntry]:
        """The timeline read from each article's whole analysis (the index bypassed)."""
        per_article = []
        with self.analyses.annotations.snapshot():  # the corrections read once for the whole pass
            for aid in ids:
                try:
                    per_article.append((aid, *self.analyses.facts(aid)))
                except ArticleTextMissing:
                    continue
        entity = wanted.entity
        tables = (alias for _, _, alias in per_article)
        names = wanted_names(entity, tables, wanted.resolve) if entity else set()
        found: list[tuple[tuple[Any, ...], TimelineEntry]] = []
        for aid, keyed, _ in per_article:
            meta = metas[aid]
            bounds = article_bounds(fact for fact, _ in keyed)
            for fact, keys in keyed:
                if entity and not matches_entity(fact, keys, names):
                    continue
                if not overlaps(fact, start, end):
                    continue
                entry = TimelineEntry(aid, meta.title, fact, meta.source, meta.tags)
                found.append((sort_key(fact, meta.published, aid, bounds), entry))
        found.sort(key=lambda pair: pair[0])
        return [entry for _, entry in found]

    def _haystack(self, meta: ArticleMeta) -> str:
        doc = self.articles.doc(meta.id)
        tiny = self.files.analysis_file(meta.id)
        version = (doc["body"], meta.title, meta.tags, meta.source, tiny.signature())
        cached = self._haystacks.get(meta.id)
        if cached is not None and cached[0] == version:
            return cached[1]
        readable = True
        try:
            parts = [meta.title, *meta.tags, meta.source or "", self.articles.body(doc)]
        except ArticleTextMissing:
            parts, readable = [meta.title, *meta.tags], False  # its title, tags, names stay searchable
        stored = tiny.raw("analysis").get("1") if tiny.exists() else None
        if stored is not None:
            parts.extend(f"{e['text']} {e['canonical']}" for e in stored["data"].get("entities", ()))
        text = "\n".join(parts).casefold()
        if readable:
            self._haystacks[meta.id] = (version, text)
        return text

    def search(self, query: str) -> list[str]:
        """Articles whose title, tags, source, text or names contain every word; a `FROM..TO` word
        (`store.timeline.split_date_range`) keeps those with a dated fact in that range."""
        words, start, end = split_date_range(query)
        terms = words.casefold().split()
        if not terms and start is None and end is None:
            return []
        found = [m.id for m in self.articles.metas() if all(t in self._haystack(m) for t in terms)]
        if start is None and end is None:
            return found
        if bypassed():
            with self.analyses.annotations.snapshot():
                return [aid for aid in found if self._has_fact_in(aid, start, end)]
        dated = {
            aid
            for aid, entry in self.entries(found)
            if any(
                f["start_date"]
                and f["end_date"]
                and interval_overlaps(f["start_date"], f["end_date"], start, end)
                for f in entry["facts"]
            )
        }
        return [aid for aid in found if aid in dated]

    def _has_fact_in(self, article_id: str, start: date | None, end: date | None) -> bool:
        try:
            keyed, _ = self.analyses.facts(article_id)
        except ArticleTextMissing:
            return False
        return any(fact.start_date and fact.end_date and overlaps(fact, start, end) for fact, _ in keyed)
