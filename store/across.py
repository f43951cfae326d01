"""Entity profiles, figure series and conflicts over the whole library: `extract.across` run on the
stored analyses, cached in memory and on disk.

Each article is reduced to a digest (`extract.across.digest`), kept in `across/<2 hex>.json` (256 shards
by article id, plain JSON written atomically; derived data, so not fsynced and never backed up) under a
key made of the digest version, the analyzer version, the text, the publication date, the title, the
source and the corrections that apply to the text. The library-wide index is rebuilt from the digests
when the library changes (an article added, re-imported, deleted or restored; a correction added or
removed; another analyzer version); only the digests whose key changed are recomputed, from the article's
analysis. While the library's corrections stay the same (each digest records the corrections it was
checked against), the metadata part of a key is enough, so a refresh reads no article text. Asked again
with nothing changed, the index in memory answers at once. A damaged shard is ignored (its digests are
recomputed) and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from typing import TYPE_CHECKING, Any

from extract.across.digest import DIGEST_VERSION, ArticleDigest, DigestFigure, digest
from extract.across.index import AcrossIndex
from extract.across.model import ArticleInfo
from store import across_views, fastjson
from store.articles import ArticleTextMissing
from store.atomic import atomic_write
from store.bulk import collector_paused
from store.errors import LibraryError
from store.facts_index import corrections_fingerprint
from store.ids import shard

if TYPE_CHECKING:
    from extract.across.model import Conflict, EntityProfile, EntitySummary, Series
    from store.analyses import Analyses
    from store.articles import Articles

FOLDER = "across"

_Held = tuple[str, str, ArticleDigest]
"""An article's digest with its key and the fingerprint of the library's corrections when the key was
last checked (while that fingerprint holds, the metadata part of the key is enough)."""


class Across:
    """The cross-article questions of one library (see the module docstring)."""

    def __init__(self, articles: Articles, analyses: Analyses) -> None:
        self.articles = articles
        self.analyses = analyses
        self.files = articles.files
        self._index: AcrossIndex | None = None
        self._token: tuple[Any, ...] | None = None
        self._digests: dict[str, _Held] = {}
        self._loaded = False
        self._views: tuple[tuple[Any, ...], across_views.Views] | None = None  # (token, series, conflicts)
        self._views_saved: tuple[Any, ...] | None = None  # the token of the index whose views are on disk
        self.rebuilt = 0  # digests computed by the last refresh (for tests and the benchmark)

    # -- the index -------------------------------------------------------------------------------------
    def _current(self) -> tuple[dict[str, Any], tuple[Any, ...]]:
        """The article documents, and what the index must have been built with to answer for them."""
        docs = self.files.articles_file.raw("articles")
        version = self.analyses.analyzer_version
        return docs, (self.files.articles_file.storage.version, self._corrections_fingerprint(), version)

    def index(self) -> AcrossIndex:
        """The index of the library as it is now (rebuilt only when something changed)."""
        docs, token = self._current()
        if self._index is not None and token == self._token:
            return self._index
        version = token[2]
        self._refresh(docs, token[1], version)
        self._token = token
        return self._index  # type: ignore[return-value]

    def _corrections_fingerprint(self) -> str:
        """What the library's corrections are (a highlight or a note changes the annotations, not this)."""
        return corrections_fingerprint(self.analyses.annotations.corrections())

    def _corrections_key(self, body: str) -> str:
        """The corrections that can change this text's analysis: the `corrections` part of its analysis
        key (read once per rebuild: the rebuild runs in an `Annotations.snapshot`)."""
        return corrections_fingerprint(self.analyses.annotations.corrections_for(body))

    def _refresh(self, docs: dict[str, Any], corrections: str, version: str) -> None:
        # A bulk build of many small long-lived objects: the collector waits until it is done, and the
        # index is then kept out of its way (store/bulk.py).
        with collector_paused(freeze=True), self.analyses.annotations.snapshot():
            self._rebuild(docs, corrections, version)

    def _rebuild(self, docs: dict[str, Any], corrections: str, version: str) -> None:
        if not self._loaded:
            self._digests = self._load()
            self._loaded = True
        fresh: dict[str, _Held] = {}
        dirty: set[str] = set()
        self.rebuilt = 0
        for doc in docs.values():
            aid = doc["id"]
            cheap = _cheap_key(doc, version)
            held = self._digests.get(aid)
            if held is not None and held[1] == corrections and held[0].startswith(cheap):
                fresh[aid] = held
                continue
            try:
                body = self.articles.body(doc)
            except ArticleTextMissing:
                continue
            key = cheap + self._corrections_key(body)
            dirty.add(aid)
            if held is not None and held[0] == key:  # the corrections changed, not those of this text
                fresh[aid] = (key, corrections, held[2])
                continue
            try:
                analysis = self.analyses.analysis(aid)
            except LibraryError:
                raise
            except Exception as exc:  # the analyser is other code: leave the article out, say so once
                self.files.notice_once(f"{doc.get('title')!r} [{aid[:12]}] could not be analysed: {exc}")
                continue
            fresh[aid] = (key, corrections, digest(_info(doc), analysis, body))
            self.rebuilt += 1
        gone = set(self._digests) - set(fresh)
        self._digests = fresh
        self._save({shard(aid) for aid in dirty | gone})
        ordered = sorted(fresh.items(), key=lambda item: item[0])
        self._index = AcrossIndex([held[2] for _, held in ordered])

    # -- the digests on disk ---------------------------------------------------------------------------
    def _load(self) -> dict[str, _Held]:
        folder = self.files.path / FOLDER
        found: dict[str, _Held] = {}
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
        except OSError:
            return found
        for name in names:
            try:
                data = fastjson.loads((folder / name).read_bytes())
                entries = {
                    aid: (entry["key"], entry["seen"], ArticleDigest.from_dict(entry["digest"]))
                    for aid, entry in data.items()
                }
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue  # damaged: its digests are recomputed and the shard written again
            found.update(entries)
        return found

    def _save(self, shards: set[str]) -> None:
        if not shards or self.files.read_only:
            return
        folder = self.files.path / FOLDER
        by_shard: dict[str, dict[str, Any]] = {s: {} for s in shards}
        for aid, (key, seen, dig) in self._digests.items():
            s = shard(aid)
            if s in by_shard:
                by_shard[s][aid] = {"key": key, "seen": seen, "digest": dig.to_dict()}
        with contextlib.suppress(LibraryError, OSError), self.files.writing():  # a cache: never fatal
            folder.mkdir(exist_ok=True)
            for s, entries in sorted(by_shard.items()):
                atomic_write(folder / f"{s}.json", _shard_bytes(entries), durable=False)

    # -- the series and conflicts on disk (store/across_views.py) ------------------------------------------
    def _series_and_conflicts(self) -> across_views.Views:
        """Every series and conflict: from the index in memory when it is current, else from the views
        file when that answers for the library now (no digest read, no index built), else from the index
        built again (and the views file written for the next process)."""
        docs, token = self._current()
        if self._index is None or token != self._token:
            if self._views is not None and self._views[0] == token:
                return self._views[1]
            folder = self.files.path / FOLDER
            version = token[2]
            found = across_views.read(
                folder,
                across_views.header(version, token[1]),
                docs.values(),
                len(docs),
                lambda doc: _cheap_key(doc, version),
            )
            if found is not None:
                self._views = (token, found)
                self._views_saved = token
                return found
        index = self.index()
        views = (index.series(), index.conflicts())
        if self._views_saved != self._token and not self.files.read_only:
            keys = {aid: held[0] for aid, held in self._digests.items()}
            built_with = across_views.header(token[2], token[1])
            with contextlib.suppress(LibraryError, OSError), self.files.writing():  # a cache: never fatal
                across_views.write(self.files.path / FOLDER, built_with, keys, *views)
                self._views_saved = self._token
        return views

    # -- the questions ---------------------------------------------------------------------------------
    def entities(self, type: str | None = None) -> list[EntitySummary]:
        return self.index().entities(type)

    def find_entities(self, name: str) -> list[EntitySummary]:
        return self.index().find_entities(name)

    def entity_names(self, name: str) -> set[str]:
        index = self.index()
        return index.canonical_names(s.key for s in index.find_entities(name))

    def entity_suggestions(self, name: str) -> list[str]:
        return self.index().suggestions(name)

    def entity_profile(self, key: str) -> EntityProfile:
        return self.index().profile(key)

    def series(self, entity: str | None = None) -> list[Series]:
        if entity is None:
            return list(self._series_and_conflicts()[0])
        return self.index().series(entity)

    def series_for_figure(self, article_id: str, start: int) -> Series | None:
        return self.index().series_for_figure(article_id, start)

    def conflicts(self) -> list[Conflict]:
        return list(self._series_and_conflicts()[1])

    def conflicts_for_article(self, article_id: str) -> list[Conflict]:
        return self.index().conflicts_for_article(article_id)


def _shard_bytes(entries: dict[str, dict[str, Any]]) -> bytes:
    """`fastjson.dumps(entries)`, an entry at a time: the one entry orjson cannot write as the standard
    library does (a figure of 10^18 is written 1e+18) does not send the whole shard to the slow writer."""
    parts = [b'"%s":%s' % (aid.encode(), _entry_bytes(entry)) for aid, entry in entries.items()]
    return b"{" + b",".join(parts) + b"}"


_VALUES = slice(DigestFigure._fields.index("value"), DigestFigure._fields.index("high") + 1)


def _entry_bytes(entry: dict[str, Any]) -> bytes:
    """`fastjson.dumps(entry)` of a digest entry. Its numbers are whole (offsets, counts) but for its
    figures' value and high: when those are of the kinds orjson writes as the standard library does, so is
    the entry, and the rest of it need not be checked."""
    if fastjson.plain([row[_VALUES] for row in entry["digest"]["figures"]]):
        return fastjson.dumps_plain(entry)
    return fastjson.dumps(entry)


def _info(doc: dict[str, Any]) -> ArticleInfo:
    return ArticleInfo(doc["id"], doc.get("title") or "(untitled)", doc.get("source"), doc.get("published"))


def _cheap_key(doc: dict[str, Any], version: str) -> str:
    """The part of a digest's key read from the metadata alone (the corrections part follows it)."""
    parts = [
        DIGEST_VERSION,
        version,
        doc.get("body"),
        doc.get("published"),
        doc.get("title"),
        doc.get("source"),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24] + ":"
