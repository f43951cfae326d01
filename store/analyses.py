"""The analysis cache: each article's analysis and facts in `analysis/<2 hex>/<id>.json`, made lazily.

A stored analysis is used when it was made by this analyzer version from the same text, publication date
and relevant corrections (its key), and holds as many facts as it says; otherwise it is computed with the
analyzer this cache was given (`extract.analyze` by default) and stored (in memory only when read-only).
A file found damaged is never trusted: the analysis is recomputed, and the user told once.

Many analyses at once (an import, the first whole-library run): `analyse_in_pool` stores them a group at
a time under one hold of the write lock (each file still replaced atomically on its own), and during an
import (`workers(jobs)`) one pool of worker processes serves every batch (the analyser's data is loaded
once per import, not once per batch: by each worker as it starts, or for many analyses once by this
process before the workers are forked: `start_workers`). The workers get the analyses a few at a time
(an import's as each batch is read, `Ahead`) and send each back ready to write: the analysis file's new
content already in its temporary file (`store.atomic.write_temp`) and its facts index entry
(`stored_form`), so the single writer only makes them durable and puts them in place, in the order sent
(a temporary file not put in place, its analysis dropped or its batch not saved, is removed; one left by
a killed import is swept by the next, `store.leftovers`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import Future
from datetime import date
from typing import TYPE_CHECKING, Any

from store.atomic import Prepared, discard, write_temp
from store.errors import LibraryError
from store.facts_index import FactsIndex, PackedEntry, corrections_fingerprint, make_entry, packed_entry
from store.fastjson import dumps_telling
from store.serialise import analysis_from_dict
from store.storage import write_many
from store.timeline import aliases, entity_keys

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor  # imported where a pool is made (not by the app)

    from extract.corrections import Corrections
    from extract.model import Analysis, Fact
    from store.annotations import Annotations
    from store.articles import Articles
    from store.tinyfile import TinyFile


def _broken_pool(exc: Exception) -> bool:
    """Whether `exc` says a worker process died (its module is loaded once a pool exists)."""
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(exc, BrokenProcessPool)


AnalyzeFn = Callable[[str, "date | None", "Corrections"], "Analysis"]

_CACHE_ANALYSES = 64
# Analyses made in this process are stored a group at a time: this many, or those made in this long.
_GROUP_SIZE = 32
_GROUP_SECONDS = 0.5
_GROUP_MOST = 256  # results from the workers that are ready join a group up to this many

Unsaved = tuple[str, "TinyFile", dict[str, Any], dict[str, Any]]  # article id, its file, key, stored form
# Article id, its file, its bytes (or a temporary file holding them, made by a worker), its facts index entry.
Ready = tuple[str, "TinyFile", "bytes | Prepared", PackedEntry]
# Id, key, text, published, corrections, and the analysis file's path (the worker writes it beside it).
Job = tuple[str, dict[str, Any], str, "str | None", "Corrections", str]
Todo = tuple[str, "TinyFile", dict[str, Any], str, "str | None", "Corrections"]  # Job's parts and the file
# A message's analyses as a worker sends them back (`analysed_files`).
Made = list["tuple[bytes | Prepared, PackedEntry] | Exception"]
# The analyses sent to the workers, a list of (article id, its file) for each message.
Sent = dict["Future[Made]", list[tuple[str, "TinyFile"]]]
# Analyses are sent to the workers a few at a time (fewer messages for this process to handle), at most
# this many, and fewer when there are few (four shares per worker at least, so all finish together).
_CHUNK = 8
# From this many analyses on, worker processes share the engine loaded by this process (`_new_pool`);
# for fewer, its load here would hold up the start of a small import more than it saves.
_LOAD_HERE = 64

# The most worker processes started per core, whatever `--jobs` says (`pool_size`).
_JOBS_PER_CORE = 4


def analysed_dict(
    analyzer: AnalyzeFn, body: str, published: str | None, corrections: Corrections
) -> dict[str, Any]:
    """One analysis in its stored (JSON-ready) form, `Analysis.to_dict()`."""
    day = date.fromisoformat(published) if published else None
    return analyzer(body, day, corrections).to_dict()


def stored_form(article_id: str, key: dict[str, Any], data: dict[str, Any]) -> tuple[bytes, PackedEntry]:
    """The bytes of an analysis file (`data`: `Analysis.to_dict()`, taken over; `key`: what it was made
    from) and its facts index entry (`store.facts_index.make_entry`) packed as its JSON text (`seen` and
    `text` are the writer's to fill, `FactsIndex.entry_changes`): the writer neither reads it back nor
    checks it again (every value in it was checked in the analysis file's, `dumps_telling`)."""
    facts = data.pop("facts")
    fact_docs = {str(n): {**fact, "article_id": article_id} for n, fact in enumerate(facts, start=1)}
    tables = {
        "analysis": {"1": {**key, "fact_count": len(fact_docs), "data": data}},
        "facts": fact_docs,
    }
    blob, plain = dumps_telling(tables)
    return blob, packed_entry(make_entry(article_id, key, {**data, "facts": facts}, "", len(blob)), plain)


def analysed_file(
    analyzer: AnalyzeFn,
    article_id: str,
    key: dict[str, Any],
    body: str,
    published: str | None,
    corrections: Corrections,
    path: str,
) -> tuple[bytes | Prepared, PackedEntry]:
    """What a worker process sends back: one analysis ready to write (`stored_form`), its file's content
    already in a temporary file beside `path`, so that the single writer only puts it in place (the
    making and the writing, most of all the kernel's work of creating a file, done in parallel); its
    bytes when that file cannot be written (a full disk: the writer tries, and is silent if it fails, as
    for any analysis stored)."""
    blob, entry = stored_form(article_id, key, analysed_dict(analyzer, body, published, corrections))
    try:
        return write_temp(path, blob), entry
    except OSError:
        return blob, entry


def analysed_files(analyzer: AnalyzeFn, jobs: Sequence[Job]) -> Made:
    """A worker's share of the work: `analysed_file` of each job, in order, a failure in its place (the
    analyser is other code: its error is reported for that article alone)."""
    made: Made = []
    for article_id, key, body, published, corrections, path in jobs:
        try:
            made.append(analysed_file(analyzer, article_id, key, body, published, corrections, path))
        except Exception as exc:
            made.append(exc)
    return made


def _in_place_or_present(content: bytes | Prepared) -> bool:
    """Whether an analysis's content can be stored: its bytes, or its temporary file still there."""
    return not isinstance(content, Prepared) or os.path.exists(content.temp)


def _discard_ready(group: Iterable[Ready]) -> None:
    """Remove the temporary files of these analyses (they are not stored)."""
    for _, _, content, _ in group:
        if isinstance(content, Prepared):
            discard(content)


def _discard_made(future: Future[Made]) -> None:
    """Remove the temporary files of a message's analyses that will not be stored (a done callback)."""
    if future.cancelled() or future.exception() is not None:
        return
    for made in future.result():
        if not isinstance(made, Exception) and isinstance(made[0], Prepared):
            discard(made[0])


def _engine_analyze(text: str, published: date | None, corrections: Corrections) -> Analysis:
    """`extract.analyze`, the engine loaded on the first call (in a worker process)."""
    from extract import analyze

    return analyze(text, published, corrections)


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
        self._unsaved: list[Unsaved] | None = None  # while grouping: analyses made here, not yet stored
        self._group_started = 0.0
        self._pool: ProcessPoolExecutor | None = None  # the import's worker processes (`workers`)
        self._pool_jobs = 0
        self._pooling = False
        self._ahead: Sent = {}  # analyses sent before their batch was saved (`ahead`)

    def _engine(self) -> tuple[AnalyzeFn, str]:
        if self._analyzer is None or self._version is None:
            self._analyzer, self._version = _default_analyzer()
        return self._analyzer, self._version

    @property
    def analyzer_version(self) -> str:
        """The version of the analyzer in use (stored analyses of another version are recomputed)."""
        return self.version()

    def _key(self, doc: dict[str, Any], body: str) -> tuple[dict[str, Any], Corrections]:
        corrections = self.annotations.corrections_for(body)
        key = {
            "analyzer": self.version(),
            "body": doc["body"],
            "published": doc.get("published"),
            "corrections": corrections_fingerprint(corrections),
        }
        return key, corrections

    def key_for(self, doc: dict[str, Any]) -> tuple[dict[str, Any], Corrections]:
        """The key an analysis of the article `doc` describes must have (reads its text)."""
        return self._key(doc, self.articles.body(doc))

    def version(self) -> str:
        """The analyzer's version (the stored analyses and the facts index are keyed by it), known
        without loading the analysis engine (`extract.version`)."""
        if self._version is None:
            from extract.version import ANALYZER_VERSION

            self._version = ANALYZER_VERSION
        return self._version

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
            if self._unsaved is not None:
                self._unsaved.append((article_id, tiny, key, result.to_dict()))
                self._store_unsaved(finished=False)
            elif not self.files.read_only:
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
        self._store_many([(article_id, tiny, *stored_form(article_id, key, data))])

    # -- storing (one analysis or a group: every stored analysis goes through _store_many) ---------------
    def _store_many(self, group: Sequence[Ready]) -> None:
        """Write these analysis files (`stored_form`) and their facts index entries (store.facts_index),
        each file replaced atomically and the waits for the disk shared by the group
        (`store.storage.write_many`). The analysis files are replaced first; an index entry is trusted only
        while it matches its analysis's key and file, so a crash between two files leaves each entry
        right or made again. A worker's temporary file removed meanwhile (by another process sweeping
        leftovers while this one did not hold the lock) leaves its analysis out: it is made again when
        needed."""
        with self.files.writing():
            group = [item for item in group if _in_place_or_present(item[2])]
            index = self.index.entry_changes((article_id, entry) for article_id, _, _, entry in group)
            write_many(
                [
                    *((tiny.storage, blob) for _, tiny, blob, _ in group),
                    *((tiny.storage, tables) for tiny, tables in index),
                ]
            )
        for article_id, *_ in group:
            self._distrusted.discard(article_id)

    def _store_group(self, group: Sequence[Unsaved]) -> None:
        """Store analyses made in a run of many (an import, a whole-library run) as one group. They are a
        cache: a crash part way leaves each analysis stored or to be made again, and a full disk or a
        held lock does not stop the work."""
        self._store_ready([(aid, tiny, *stored_form(aid, key, data)) for aid, tiny, key, data in group])

    def _store_ready(self, group: Sequence[Ready]) -> None:
        """`_store_group` of analyses already in their stored form (made by worker processes)."""
        if not group:
            return
        if self.files.read_only:
            _discard_ready(group)
            return
        try:
            self._store_many(group)
        except LibraryError:
            _discard_ready(group)  # those not put in place

    # -- making many (an import, a whole-library run) -----------------------------------------------------

    def _store_unsaved(self, *, finished: bool) -> None:
        """Store the analyses made while grouping when the group is full or old enough (or `finished`)."""
        unsaved = self._unsaved
        if not unsaved:
            self._group_started = time.monotonic()
            return
        if (
            finished
            or len(unsaved) >= _GROUP_SIZE
            or time.monotonic() - self._group_started >= _GROUP_SECONDS
        ):
            self._unsaved = []
            self._store_group(unsaved)
            self._group_started = time.monotonic()

    @contextlib.contextmanager
    def _grouping(self) -> Iterator[None]:
        """Analyses made by `analysis()` in this block are stored a group at a time (see `_GROUP_SIZE`)."""
        if self._unsaved is not None or self.files.read_only:
            yield
            return
        self._unsaved, self._group_started = [], time.monotonic()
        try:
            yield
        finally:
            try:
                self._store_unsaved(finished=True)
            finally:
                self._unsaved = None

    @contextlib.contextmanager
    def workers(self, jobs: int, total: int = 0) -> Iterator[None]:
        """Keep one pool of `jobs` worker processes for every `analyse_in_pool` in this block (an import's
        batches, `total` articles in all, 0: not known), started when first needed (or by
        `start_workers`) and stopped at the end."""
        size = pool_size(jobs, total)
        if self._pooling or size <= 1:
            yield
            return
        self._pooling, self._pool_jobs = True, size
        try:
            yield
        finally:
            self.drop_ahead()
            pool, self._pool, self._pooling = self._pool, None, False
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def start_workers(self, count: int = 0) -> None:
        """Start the worker processes of the `workers` block now, if not yet started (an import knows it
        will analyse `count` articles, and saves its batch while they start: `_new_pool`)."""
        idle = self._pooling and self._pool is None and not self.files.read_only
        if idle and _picklable(self._sent_analyzer()):
            self._pool = self._new_pool(self._pool_jobs, count)

    def ahead(self, count: int) -> Ahead:
        """During an import with workers, before a batch of `count` parsed articles is saved: a sender that
        gives the workers the analyses of its new and changed articles as they are found (`Ahead.add`), to
        be made while the batch is saved; `analyse_in_pool` stores them (`drop_ahead`: the batch was not
        saved)."""
        return Ahead(self, count)

    def drop_ahead(self) -> None:
        """Forget the analyses sent by `ahead` (their batch was not saved): the workers drop those
        not started, and the results of the others are not stored."""
        ahead, self._ahead = self._ahead, {}
        for future in ahead:
            if not future.cancel():  # made or being made: its temporary files are removed once written
                future.add_done_callback(_discard_made)

    def _new_pool(self, jobs: int, count: int) -> ProcessPoolExecutor:
        """`jobs` worker processes (sized by the caller with `pool_size`: by `workers` for an import's
        batches, whose later ones may be larger), started now for `count` analyses. Each loads the analyser's
        data (`_warm_up`) before its first analysis, while this process goes on; but where processes are
        forked and at least `_LOAD_HERE` analyses are to be made, the default engine is loaded here first,
        once instead of once in each worker (a few hundred milliseconds of CPU each), and the workers share
        it. This process's objects are frozen for the workers' garbage collector (`_forking`)."""
        import multiprocessing  # here, not at the top: the app, which never imports, need not load them
        from concurrent.futures import ProcessPoolExecutor

        analyzer = self._sent_analyzer()
        forked = multiprocessing.get_start_method() == "fork"
        if forked and analyzer is _engine_analyze and count >= _LOAD_HERE:
            _warm_up(analyzer)
        with _forking(forked):
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up, initargs=(analyzer,))
            pool.submit(int)  # starts the workers (all at once where processes are forked)
        return pool

    def analyse_in_pool(self, article_ids: Iterable[str], jobs: int) -> dict[str, Exception]:
        """Make and store the analyses of these articles that are missing or out of date, `jobs` at a time
        in worker processes; results are stored by this process in the order they were sent, each group
        under one hold of the write lock. Returns the articles whose analysis failed, with the error.
        The stored results are the same as `analysis()` makes one by one (which is what happens, with the
        same grouped storing, with jobs <= 1 or an analyzer that cannot be sent to another process)."""
        with self.annotations.snapshot():  # the corrections read once for the whole run
            return self._analyse_in_pool(article_ids, jobs)

    def _sent_analyzer(self) -> AnalyzeFn:
        """The analyzer as sent to worker processes: the default engine is loaded by the workers alone
        (`_engine_analyze`), so that this process need not load it (a few hundred milliseconds)."""
        return self._analyzer if self._analyzer is not None else _engine_analyze

    def _analyse_in_pool(self, article_ids: Iterable[str], jobs: int) -> dict[str, Exception]:
        analyzer = self._sent_analyzer()
        failed: dict[str, Exception] = {}
        if jobs <= 1 or self.files.read_only or not _picklable(analyzer):
            with self._grouping():
                for article_id in article_ids:
                    try:
                        self.analysis(article_id)
                    except LibraryError:
                        raise
                    except Exception as exc:  # the analyser is other code: the caller reports it
                        failed[article_id] = exc
            return failed
        futures, self._ahead = self._ahead, {}  # those sent before their batch was saved, if any
        early = {article_id for where in futures.values() for article_id, _ in where}
        todo: Iterable[Todo] = self._outdated(a for a in article_ids if a not in early)
        own = None  # a pool for this call only (not an import's), stopped at the end
        if self._pool is None:
            todo = list(todo)
            if len(todo) < 2:  # starting workers for one analysis costs more than it saves
                return self.analyse_in_pool([item[0] for item in todo], 1)
            if self._pooling:
                self._pool = self._new_pool(self._pool_jobs, len(todo))
            else:
                own = self._new_pool(pool_size(jobs, len(todo)), len(todo))
        pool = own if own is not None else self._pool
        assert pool is not None
        group: list[Ready] = []  # results taken from the workers, not stored yet
        taken = 0  # the messages whose results have been taken
        try:
            count = len(article_ids) if isinstance(article_ids, Sized) else 0
            self._send(pool, analyzer, todo, _chunk_size(count, jobs), futures)
            started = time.monotonic()
            waiting = list(futures.items())  # in the order sent: shards' entries in the serial order
            for n, (future, sent) in enumerate(waiting):
                taken = n + 1
                try:
                    results = future.result()
                except Exception as exc:  # a worker died, or a result could not be sent back
                    results = [exc] * len(sent)
                for (article_id, tiny), made in zip(sent, results, strict=True):
                    if isinstance(made, Exception):  # the caller reports it
                        failed[article_id] = made
                        continue
                    if not group:
                        started = time.monotonic()
                    group.append((article_id, tiny, *made))
                full = len(group) >= _GROUP_SIZE or time.monotonic() - started >= _GROUP_SECONDS
                # A group is stored when it is full or old, unless the next results are in already: they
                # join it, up to `_GROUP_MOST` (when storing falls behind the workers, larger groups share
                # the waits for the disk).
                more = n + 1 < len(waiting) and waiting[n + 1][0].done() and len(group) < _GROUP_MOST
                if group and full and not more:
                    self._store_ready(group)
                    group = []
            self._store_ready(group)
            group = []
        finally:
            # Interrupted: the analyses not started are dropped (the pool stays for the next batch); the
            # temporary files of the results taken but not stored are removed, and those of the analyses
            # still being made once they are written.
            _discard_ready(group)
            for future in list(futures)[taken:]:
                if not future.cancel():
                    future.add_done_callback(_discard_made)
            if own is not None or any(_broken_pool(e) for e in failed.values()):
                if pool is self._pool:
                    self._pool = None  # a worker died: the next batch starts a new pool
                pool.shutdown(cancel_futures=True)
        return failed

    @staticmethod
    def _send(
        pool: ProcessPoolExecutor, analyzer: AnalyzeFn, todo: Iterable[Todo], size: int, into: Sent
    ) -> None:
        """Send these analyses to the workers `size` to a message, each message as soon as it is full."""
        chunk: list[Job] = []
        where: list[tuple[str, TinyFile]] = []
        for article_id, tiny, key, body, published, corrections in todo:
            chunk.append((article_id, key, body, published, corrections, str(tiny.storage.path)))
            where.append((article_id, tiny))
            if len(chunk) >= size:
                into[pool.submit(analysed_files, analyzer, chunk)] = where
                chunk, where = [], []
        if chunk:
            into[pool.submit(analysed_files, analyzer, chunk)] = where

    def _outdated(self, article_ids: Iterable[str]) -> Iterator[Todo]:
        """The articles among these whose stored analysis is missing or out of date, with what a worker
        needs to make it (id, analysis file, key, text, publication date, corrections)."""
        for article_id in article_ids:
            doc = self.articles.doc(article_id)
            found = self._outdated_one(article_id, doc, self.articles.body(doc))
            if found is not None:
                yield found

    def _outdated_one(self, article_id: str, doc: dict[str, Any], body: str) -> Todo | None:
        key, corrections = self._key(doc, body)
        tiny = self.files.analysis_file(article_id)
        if self._usable(article_id, tiny, key) is not None:
            return None
        return article_id, tiny, key, body, doc.get("published"), corrections

    def facts(self, article_id: str) -> tuple[list[tuple[Fact, list[str]]], dict[str, str]]:
        """The article's facts, each with the case-folded canonical names of its sentence's entities (for
        entity filters), and its entity alias table."""
        analysis = self.analysis(article_id)
        entities = analysis.entities
        keyed = [(f, entity_keys(entities, f.sentence.start, f.sentence.end)) for f in analysis.facts]
        return keyed, aliases(entities)


class Ahead:
    """The analyses of one batch of an import sent to the workers while it is being saved (`Analyses.ahead`):
    each new or changed article is given to `add` as the batch is read, and sent with the next few
    (`_chunk_size` of the batch), so the workers analyse while the texts and the metadata are written. The
    workers start with the first message (never for one new article: the importing process makes it,
    `analyse_in_pool`). `stop` forgets what was sent (an article met twice in the batch, annotations that
    move): then `analyse_in_pool` makes them all. Anything that goes wrong here leaves them to it too."""

    def __init__(self, analyses: Analyses, count: int) -> None:
        self.analyses = analyses
        self.count = count
        self.size = _chunk_size(count, analyses._pool_jobs)
        self.pending: dict[str, tuple[dict[str, Any], str]] = {}
        self.seen: set[str] = set()
        self.stopped = not analyses._pooling or count < 2

    def add(self, article_id: str, doc: dict[str, Any], body: str) -> None:
        """Send the analysis of this article (its metadata document and text) with the next few."""
        if self.stopped:
            return
        if article_id in self.seen:  # met again in this batch: the last document is the one to analyse
            self.stop()
            return
        self.seen.add(article_id)
        self.pending[article_id] = (doc, body)
        if len(self.pending) >= self.size and len(self.seen) > 1:
            self._send()

    def finish(self) -> None:
        """Send the rest (the batch has been read)."""
        if not self.stopped and self.pending and len(self.seen) > 1:
            self._send()

    def stop(self) -> None:
        """Forget every analysis sent for this batch and send no more."""
        self.stopped = True
        self.pending.clear()
        self.analyses.drop_ahead()

    def _send(self) -> None:
        analyses = self.analyses
        pending, self.pending = self.pending, {}
        try:
            analyses.start_workers(self.count)
            pool = analyses._pool
            if pool is None:
                self.stopped = True
                return
            with analyses.annotations.snapshot():
                todo = (analyses._outdated_one(aid, doc, body) for aid, (doc, body) in pending.items())
                ready = (t for t in todo if t is not None)
                analyses._send(pool, analyses._sent_analyzer(), ready, self.size, analyses._ahead)
        except Exception:
            self.stop()


def pool_size(jobs: int, count: int) -> int:
    """How many worker processes to start for `count` analyses (0: not known yet) when `jobs` are asked
    for: never more than the analyses, nor than `_JOBS_PER_CORE` per core (each is a whole process with
    the engine loaded: a mistyped `--jobs 9999` must not start thousands), and at least one."""
    most = _JOBS_PER_CORE * (os.cpu_count() or 1)
    return max(1, min(jobs, most, count) if count > 0 else min(jobs, most))


def _chunk_size(count: int, jobs: int) -> int:
    """How many of `count` analyses to send to a worker at once (see `_CHUNK`)."""
    return max(1, min(_CHUNK, count // (4 * max(1, jobs))))  # jobs 0: no pool (a one-article import)


# The warm-up analysis: the engine compiles most of its patterns when a text first needs them (about 35 on
# a first news article, 0.15-0.2 s of CPU), so the warm-up text holds the usual kinds of dates, figures and
# names; compiled before the workers are forked, they are compiled once for all of them (`_new_pool`).
_WARM_UP_TEXT = (
    "LISBON, 3 March 2021 (Reuters) - The European Commission said on Tuesday that exports rose 12.5 percent"
    " to $4.5 billion in the first quarter, up from 3.2 million tonnes a year earlier.\n"
    "Prime Minister Ana Silva told reporters in Porto that about 38,000 people were displaced by 14 October"
    " and that two-thirds of the 120 km road would reopen next week.\n"
    "Last year more than a hundred firms cut prices by a quarter; between 10 and 20 ships, worth roughly"
    " \u20ac1.2bn, are due by mid-2024.\n"
    "The third survey, published on Friday, put unemployment at 7% from 6.1% in 2019, while hundreds of"
    " workers at the Harbourtown plant, run by Atlantic Shipping Ltd, earned \u00a3350 a week.\n"
    "Since the 1990s temperatures have risen 1.5 \u00b0C; the vote is expected in early June, two days after"
    " the summit, at 10:30 a.m. on 2023-05-04.\n"
    "Officials said on Monday that three-quarters of the 2,500 households had received 40 litres of water"
    " each for the past six months.\n"
)


@contextlib.contextmanager
def _forking(forked: bool) -> Iterator[None]:
    """While worker processes are forked: this process's objects (the analysis engine's data among them)
    are frozen (`gc.freeze`), so the workers' garbage collector never walks them (nor copies the memory
    pages it would touch); this process unfreezes them afterwards, unless objects were frozen before
    (a loaded library, `store.bulk`): `gc.unfreeze` cannot tell them apart and would thaw them too."""
    if not forked:
        yield
        return
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def _warm_up(analyzer: AnalyzeFn) -> None:
    """A worker process's start (or this process's, before forking them): one analysis of a short news
    text, so the analyser's data (word lists, patterns) is loaded before the first real one. A failure
    here is left to the real analyses to report."""
    with contextlib.suppress(Exception):
        analyzer(_WARM_UP_TEXT, None, _no_corrections())


def _no_corrections() -> Corrections:
    from extract.corrections import NO_CORRECTIONS

    return NO_CORRECTIONS


def _picklable(analyzer: AnalyzeFn) -> bool:
    """Whether the analyzer can be sent to a worker process (a module-level function can; a lambda or a
    local function cannot)."""
    try:
        pickle.dumps(analyzer)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True
