"""Questions across articles: the timeline of dated facts and the text search.

An article whose text cannot be read is left out (the user is told once, see `Articles.body`) instead of
failing the question for the whole library.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from store.articles import ArticleTextMissing
from store.records import ArticleMeta, TimelineEntry
from store.safetext import clean_line
from store.timeline import (
    article_bounds,
    matches_entity,
    overlaps,
    sort_key,
    source_matches,
    split_date_range,
    wanted_names,
)

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
    ) -> list[TimelineEntry]:
        metas = {meta.id: meta for meta in self.articles.metas()}
        if article_id is not None and article_id not in metas:
            raise KeyError(article_id)
        ids = [article_id] if article_id is not None else list(metas)
        if tag is not None:
            wanted_tag = clean_line(tag).casefold()  # tags compare as store.tags normalises them
            ids = [aid for aid in ids if any(t.casefold() == wanted_tag for t in metas[aid].tags)]
        if source is not None:
            ids = [aid for aid in ids if source_matches(source, metas[aid].source)]
        per_article = []
        for aid in ids:
            try:
                per_article.append((aid, *self.analyses.facts(aid)))
            except ArticleTextMissing:
                continue
        wanted = wanted_names(entity, (alias for _, _, alias in per_article)) if entity else set()
        found: list[tuple[tuple[Any, ...], TimelineEntry]] = []
        for aid, keyed, _ in per_article:
            meta = metas[aid]
            bounds = article_bounds(fact for fact, _ in keyed)
            for fact, keys in keyed:
                if entity and not matches_entity(fact, keys, wanted):
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
        return [aid for aid in found if self._has_fact_in(aid, start, end)]

    def _has_fact_in(self, article_id: str, start: date | None, end: date | None) -> bool:
        try:
            keyed, _ = self.analyses.facts(article_id)
        except ArticleTextMissing:
            return False
        return any(fact.start_date and fact.end_date and overlaps(fact, start, end) for fact, _ in keyed)
