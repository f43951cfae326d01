"""The analysis cache: each article's analysis and facts in `analysis/<2 hex>/<id>.json`, made lazily.

A stored analysis is used when it was made by this analyzer version from the same text, publication date
and relevant corrections (its key), and holds as many facts as it says; otherwise it is computed with the
analyzer this cache was given (`extract.analyze` by default) and stored (in memory only when read-only).
A file found damaged is never trusted: the analysis is recomputed, and the user told once.
"""

from __future__ import annotations

import contextlib
import json
import pickle
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from store.errors import LibraryError, save_error
from store.facts_index import FactsIndex, corrections_fingerprint
from store.serialise import analysis_from_dict
from store.timeline import aliases, entity_keys

if TYPE_CHECKING:
    from extract.corrections import Corrections
    from extract.model import Analysis, Fact
    from store.annotations import Annotations
    from store.articles import Articles
    from store.tinyfile import TinyFile

AnalyzeFn = Callable[[str, "date | None", "Corrections"], "Analysis"]

_CACHE_ANALYSES = 64
_STORE_BATCH = 16  # analyses from worker processes stored (with their index entries) in one change...
_STORE_SECONDS = 1.0  # ...or at least this often


def analysed_dict(
    analyzer: AnalyzeFn, body: str, published: str | None, corrections: Corrections
) -> dict[str, Any]:
    """One analysis in its stored (JSON-ready) form: what a worker process sends back, as plain data
    (cheaper to pass between processes than the dataclass graph, and what is stored anyway)."""
    day = date.fromisoformat(published) if published else None
    return analyzer(body, day, corrections).to_dict()


def _default_analyzer() -> tuple[AnalyzeFn, str]:
    import extract  # the analysis engine loads its data on first use: only when an analysis is needed

    return extract.analyze, extract.ANALYZER_VERSION


class Analyses:
    """Analyses of one library's articles (see the module docstring)."""

    def __init__(
        self,
        articles: Articles,
        annotations: Annotations,
        analyzer: AnalyzeFn | None = None,
        version: str | None = None,
    ) -> None:
        if analyzer is not None and version is None:
            raise ValueError("an analyzer needs its version (the stored analyses are keyed by it)")
        self.articles = articles
        self.annotations = annotations
        self.files = articles.files
        self._analyzer = analyzer
        self._version = version
        self._memo: OrderedDict[tuple[str, str], Analysis] = OrderedDict()
        self._distrusted: set[str] = set()  # ids whose stored file was found damaged and not yet replaced
        self.index = FactsIndex(self)  # mirrors each stored analysis's facts (store.facts_index)

    def _engine(self) -> tuple[AnalyzeFn, str]:
        if self._analyzer is None or self._version is None:
            self._analyzer, self._version = _default_analyzer()
        return self._analyzer, self._version

    def _key(self, doc: dict[str, Any], body: str) -> tuple[dict[str, Any], Corrections]:
        corrections = self.annotations.corrections_for(body)
        key = {
            "analyzer": self._engine()[1],
            "body": doc["body"],
            "published": doc.get("published"),
            "corrections": corrections_fingerprint(corrections),
        }
        return key, corrections

    def key_for(self, doc: dict[str, Any]) -> tuple[dict[str, Any], Corrections]:
        """The key an analysis of the article `doc` describes must have (reads its text)."""
        return self._key(doc, self.articles.body(doc))

    def version(self) -> str:
        """The analyzer's version (the stored analyses and the facts index are keyed by it)."""
        return self._engine()[1]

    def _usable(self, article_id: str, tiny: TinyFile, key: dict[str, Any]) -> dict[str, Any] | None:
        """The stored analysis record when it is current and intact, else None."""
        stored = tiny.raw("analysis").get("1")
        damage = self.files.damaged_analyses.pop(article_id, None)
        if damage is not None:
            self._distrusted.add(article_id)
            title = self.articles.doc(article_id).get("title") or "(untitled)"
            self.files.notice_once(
                f"The stored analysis of {title!r} [{article_id[:12]}] was damaged ({damage}); "
                "it is computed again."
            )
        if stored is None or article_id in self._distrusted:
            return None
        if not all(stored.get(k) == v for k, v in key.items()):
            return None
        count = stored.get("fact_count")
        if count is not None and count != len(tiny.raw("facts")):
            return None  # facts lost from the file: recompute
        return stored

    def analysis(self, article_id: str) -> Analysis:
        return self.analysis_and_key(article_id)[0]

    def analysis_and_key(self, article_id: str) -> tuple[Analysis, dict[str, Any]]:
        """The analysis and the key it is valid for (one body read and corrections filter for both)."""
        doc = self.articles.doc(article_id)
        body = self.articles.body(doc)
        key, corrections = self._key(doc, body)
        memo = (article_id, json.dumps(key, sort_keys=True))
        if memo in self._memo:
            self._memo.move_to_end(memo)
            return self._memo[memo], key
        tiny = self.files.analysis_file(article_id)
        stored = self._usable(article_id, tiny, key)
        result = None
        if stored is not None:
            data = dict(stored["data"])
            data["facts"] = list(tiny.raw("facts").values())
            try:
                result = analysis_from_dict(data)
            except (KeyError, TypeError, ValueError, AttributeError):
                self.files.damaged_analyses[article_id] = "its records are malformed"
                self._usable(article_id, tiny, key)  # reports it and stops trusting the file
        if result is None:
            analyze = self._engine()[0]
            published = date.fromisoformat(doc["published"]) if doc.get("published") else None
            result = analyze(body, published, corrections)
            if not self.files.read_only:
                with contextlib.suppress(LibraryError):  # a cache: a full disk must not stop reading
                    self._store(article_id, tiny, key, result)
        self._memo[memo] = result
        if len(self._memo) > _CACHE_ANALYSES:
            self._memo.popitem(last=False)
        return result, key

    def stored_data(self, article_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The key and the stored analysis in its `to_dict()` form (facts included) when it is current and
        intact, read without making an Analysis (for the facts index); None otherwise."""
        doc = self.articles.doc(article_id)
        key, _ = self._key(doc, self.articles.body(doc))
        tiny = self.files.analysis_file(article_id)
        stored = self._usable(article_id, tiny, key)
        if stored is None:
            return None
        facts = [{k: v for k, v in fact.items() if k != "article_id"} for fact in tiny.raw("facts").values()]
        return key, {**stored["data"], "facts": facts}

    def _store(self, article_id: str, tiny: TinyFile, key: dict[str, Any], result: Analysis) -> None:
        self._store_data(article_id, tiny, key, result.to_dict())

    def _store_data(self, article_id: str, tiny: TinyFile, key: dict[str, Any], data: dict[str, Any]) -> None:
        self._store_many([(article_id, tiny, key, data)])

    def _store_many(self, items: list[tuple[str, TinyFile, dict[str, Any], dict[str, Any]]]) -> None:
        """Store analyses (article id, file, key, `to_dict()` form) and their facts index entries as one
        journaled change."""
        changes: list[tuple[TinyFile, dict[str, Any]]] = []
        mirrored = []
        for article_id, tiny, key, data in items:
            facts = data.pop("facts")
            fact_docs = {}
            for n, fact in enumerate(facts, start=1):
                fact_docs[str(n)] = {**fact, "article_id": article_id}
            tables = {
                "analysis": {"1": {**key, "fact_count": len(fact_docs), "data": data}},
                "facts": fact_docs,
            }
            changes.append((tiny, tables))
            mirrored.append((article_id, key, data, facts, tables))
        with self.files.writing():
            try:
                self.files.commit([*changes, *self.index.changes(mirrored)])
            except OSError as exc:  # the journal could not be written (a full disk): nothing changed
                raise save_error(str(self.files.journal.path), exc) from exc
        for article_id, *_ in items:
            self._distrusted.discard(article_id)

    def analyse_in_pool(self, article_ids: Iterable[str], jobs: int) -> dict[str, Exception]:
        """Make and store the analyses of these articles that are missing or out of date, `jobs` at a time
        in worker processes; results are stored by this process as they arrive (under the write lock).
        Returns the articles whose analysis failed, with the error. The stored results are the same as
        `analysis()` makes one by one (which is what happens with jobs <= 1 or an analyzer that cannot be
        sent to another process)."""
        analyzer = self._engine()[0]
        failed: dict[str, Exception] = {}
        if jobs <= 1 or self.files.read_only or not _picklable(analyzer):
            for article_id in article_ids:
                try:
                    self.analysis(article_id)
                except LibraryError:
                    raise
                except Exception as exc:  # the analyser is other code: the caller reports it
                    failed[article_id] = exc
            return failed
        todo: list[tuple[str, TinyFile, dict[str, Any], str, str | None, Corrections]] = []
        for article_id in article_ids:
            doc = self.articles.doc(article_id)
            body = self.articles.body(doc)
            key, corrections = self._key(doc, body)
            tiny = self.files.analysis_file(article_id)
            if self._usable(article_id, tiny, key) is None:
                todo.append((article_id, tiny, key, body, doc.get("published"), corrections))
        if len(todo) < 2:  # starting worker processes for one analysis would cost more than it saves
            return self.analyse_in_pool([item[0] for item in todo], 1)
        from concurrent.futures import ProcessPoolExecutor, as_completed

        pool = ProcessPoolExecutor(max_workers=min(jobs, len(todo)))
        try:
            futures = {
                pool.submit(analysed_dict, analyzer, body, published, corrections): (article_id, tiny, key)
                for article_id, tiny, key, body, published, corrections in todo
            }
            done: list[tuple[str, TinyFile, dict[str, Any], dict[str, Any]]] = []
            stored_at = time.monotonic()
            for future in as_completed(futures):
                article_id, tiny, key = futures[future]
                try:
                    done.append((article_id, tiny, key, future.result()))
                except Exception as exc:  # the analyser is other code: the caller reports it
                    failed[article_id] = exc
                if done and (len(done) >= _STORE_BATCH or time.monotonic() - stored_at >= _STORE_SECONDS):
                    with contextlib.suppress(LibraryError):  # a cache: a full disk must not stop the import
                        self._store_many(done)
                    done, stored_at = [], time.monotonic()
            if done:
                with contextlib.suppress(LibraryError):
                    self._store_many(done)
        finally:
            pool.shutdown(cancel_futures=True)  # interrupted: drop the analyses not started
        return failed

    def facts(self, article_id: str) -> tuple[list[tuple[Fact, list[str]]], dict[str, str]]:
        """The article's facts, each with the case-folded canonical names of its sentence's entities (for
        entity filters), and its entity alias table."""
        analysis = self.analysis(article_id)
        entities = analysis.entities
        keyed = [(f, entity_keys(entities, f.sentence.start, f.sentence.end)) for f in analysis.facts]
        return keyed, aliases(entities)


def _picklable(analyzer: AnalyzeFn) -> bool:
    """Whether the analyzer can be sent to a worker process (a module-level function can; a lambda or a
    local function cannot)."""
    try:
        pickle.dumps(analyzer)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True
