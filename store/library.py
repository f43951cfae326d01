"""The library on disk, as one object for the app and the commands: a thin facade over the store's parts.

A library is a folder:

    meta.json                 TinyDB: `meta` (schema version) and `state` (UI state)      small, often written
    articles.json             TinyDB: `articles` (metadata only, one document per article) read on open
    user/<2 hex>.json         TinyDB: `flags` (read, starred, tags), 256 shards by article id
    annotations/<2 hex>.json  TinyDB: `annotations`, 256 shards by article id
    trash.json                TinyDB: `trash`, deleted articles with their flags and annotations
    analysis/<2 hex>/<id>.json TinyDB per article: `analysis` (the stored Analysis) and `facts`, made lazily
    facts/<3 hex>.json        TinyDB: `entries`, the facts index (store.facts_index), 4096 shards by id
    bodies/<2 hex>/<hash>.txt article texts, content-addressed
    journal.json              only while a change to several files is being made (see store.journal)
    .write.lock / .session.lock

The parts, each with one job: `store.files` (the folder, locks, TinyDB files, journal), `store.migrations`
(schema), `store.articles` (articles, texts, flags, UI state), `store.trash` (delete and restore),
`store.annotations` (annotations and corrections), `store.analyses` (the analysis cache), `store.queries`
(timeline, search) and `store.importer` (the import pipeline). `Library` opens them and forwards to them,
holding the one re-entrant lock that makes it safe to use from the app's worker threads.

Notices: `Library.notices` lists, in order, every message for the user (opened read-only, a damaged
file restored, an article's text missing, an analysis recomputed, ...); more may arrive after opening.
`new_notices()` returns those not returned by an earlier call.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import migrations
from store.analyses import Analyses, AnalyzeFn
from store.annotations import Annotations
from store.articles import Articles
from store.errors import LibraryCorrupt
from store.files import LibraryFiles
from store.importer import Importer, Progress
from store.paths import resolve_library_path, samples_dir
from store.queries import Queries
from store.records import Annotation, Article, ArticleMeta, ImportReport, TimelineEntry
from store.tags import normalize_tags
from store.trash import Trash, TrashedArticle
from store.wording import counted

if TYPE_CHECKING:
    from datetime import date

    from extract.across.model import Conflict, EntityProfile, EntitySummary, Series
    from extract.corrections import Corrections
    from extract.model import Analysis
    from store.across import Across
    from store.feeds import FeedStore
    from store.ingest import ParsedArticle
    from store.timeline import Resolve

__all__ = ["Library"]


class Library:
    """A Briefing Reader library folder. Open with `Library.open(...)`; usable as a context manager.

    Thread-safe (one re-entrant lock), so the app may call it from worker threads.
    """

    COMMIT_SECONDS = 2.0  # an import saves its metadata at least this often

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        analyzer: AnalyzeFn | None = None,
        analyzer_version: str | None = None,
    ) -> None:
        self._files = LibraryFiles(path, read_only=read_only)
        self._lock = self._files.rlock
        self._articles = Articles(self._files)
        self._annotations = Annotations(self._articles)
        self._analyses = Analyses(self._articles, self._annotations, analyzer, analyzer_version)
        self._queries = Queries(self._articles, self._analyses)
        self._across_part: Across | None = None  # made on first use: it loads the analysis engine
        self._trash = Trash(self._articles)
        self._importer = Importer(self._articles, self._annotations, self._analyses, self._trash)
        self._notices_taken = 0

    @property
    def path(self) -> Path:
        return self._files.path

    @property
    def read_only(self) -> bool:
        return self._files.read_only

    @property
    def waiting_for_session(self) -> bool:
        """Read-only only because another app window has the library open (`take_session` may end it)."""
        return self._files.waiting_for_session

    def take_session(self) -> bool:
        """The library opened with `session=True` read-only because another window had it: become
        writable if that window has closed (True), as if opened now (an interrupted change completed, an
        older layout upgraded). False while the other window is open, or read-only for another reason."""
        with self._lock:
            if not self._files.take_session():
                return False
            self._files.finish_interrupted_change()
            migrations.check_schema(self._files)
            self._files.sweep_leftovers(deep=True)  # as opening a session does
            return not self._files.read_only  # a newer version's layout, met now, keeps it read-only

    @property
    def notices(self) -> list[str]:
        """Every message for the user so far (see the module docstring)."""
        return self._files.notices

    def new_notices(self) -> list[str]:
        """The notices that arrived since the last call (all of them at the first call)."""
        with self._lock:
            fresh = self._files.notices[self._notices_taken :]
            self._notices_taken += len(fresh)
            return fresh

    # ------------------------------------------------------------------------------------------------
    # opening and closing
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        import_samples: bool = True,
        session: bool = False,
        analyzer: AnalyzeFn | None = None,
        analyzer_version: str | None = None,
    ) -> Library:
        """Open (creating if needed) the library at `path` (None: $BRIEFING_LIBRARY or the default).

        `session=True` (the interactive app) holds the session lock; when another session has it, the
        library opens read-only with a notice. A new library gets the bundled sample briefings.
        `analyzer(text, published, corrections)` and its `analyzer_version` replace `extract.analyze`.
        """
        library = cls(
            resolve_library_path(path),
            read_only=read_only,
            analyzer=analyzer,
            analyzer_version=analyzer_version,
        )
        try:
            library._files.open_folder(session=session)
            if migrations.check_schema(library._files) and import_samples:
                library._import_samples()
            library._files.articles_file.raw("articles")  # read now, so a damaged file is reported on open
            library._files.sweep_leftovers(deep=session)
        except BaseException:
            library.close()
            raise
        return library

    def _import_samples(self) -> None:
        folder = samples_dir()
        if not folder.is_dir():
            return
        report = self.import_paths([folder], analyze=False)
        count = len(report.added)
        self.notices.append(f"New library at {self.path}: imported {counted(count, 'sample briefing')}.")
        if report.failed:
            self.notices.append(f"{counted(len(report.failed), 'sample file')} could not be imported.")

    def close(self) -> None:
        self._files.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r}, read_only={self.read_only})"

    # ------------------------------------------------------------------------------------------------
    # articles, flags and UI state
    def articles(self) -> list[ArticleMeta]:
        """Every article's metadata, newest publication first (undated last), then by title."""
        with self._lock:
            return self._articles.metas()

    def article(self, article_id: str) -> Article:
        """The article with its body; KeyError if there is none with this id."""
        with self._lock:
            return self._articles.article(article_id)

    def article_text(self, article_id: str, body_key: str | None = None) -> str:
        """The article's text alone, checked as `article` checks it (no metadata or flags read: the
        exports' key figures); KeyError if there is none with this id. `body_key`: the text's key when the
        caller knows it (a facts index entry's `key.body`): then the articles file is not looked at unless
        that text cannot be read (which is then told as always)."""
        with self._lock:
            if body_key is not None:
                try:  # not contextlib.suppress: an export asks 10,000 times
                    return self._files.bodies.get(body_key)
                except LibraryCorrupt:
                    pass
            return self._articles.body(self._articles.doc(article_id))

    def resolve_id(self, prefix: str) -> str:
        """The id of the one article whose id starts with `prefix` (KeyError: none; LibraryError: several)."""
        with self._lock:
            return self._articles.resolve_id(prefix)

    # ------------------------------------------------------------------------------------------------
    # the trash
    def delete(self, article_ids: Iterable[str]) -> list[str]:
        """Move articles (full ids) to the trash with their flags and annotations, as one crash-safe
        change; KeyError for an id not in the library (then nothing is deleted)."""
        with self._lock:
            return self._trash.delete(article_ids)

    def restore(self, article_ids: Iterable[str]) -> list[str]:
        """Bring deleted articles (full ids) back as they were, as one crash-safe change; KeyError for an
        id not in the trash, LibraryError when one is in the library again (then nothing changes)."""
        with self._lock:
            return self._trash.restore(article_ids)

    def trash(self) -> list[TrashedArticle]:
        """The deleted articles, most recently deleted first."""
        with self._lock:
            return self._trash.entries()

    def resolve_trashed_id(self, prefix: str) -> str:
        """The id of the one deleted article whose id starts with `prefix` (KeyError / LibraryError)."""
        with self._lock:
            return self._trash.resolve_id(prefix)

    def set_read(self, article_id: str, read: bool = True) -> None:
        with self._lock:
            self._articles.set_flags(article_id, read=bool(read))

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        with self._lock:
            self._articles.set_flags(article_id, starred=bool(starred))

    def set_tags(self, article_id: str, tags: Iterable[str]) -> None:
        """Replace the article's tags (initially those of its front matter), normalised."""
        clean = normalize_tags(tags)
        with self._lock:
            self._articles.set_flags(article_id, tags=clean)

    def all_tags(self) -> list[str]:
        with self._lock:
            return self._articles.all_tags()

    def get_state(self, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._articles.get_state(key, default)

    def set_state(self, key: str, value: Any) -> None:
        """Remember a JSON-serialisable value (e.g. the last article open) for the next session."""
        with self._lock:
            self._articles.set_state(key, value)

    # ------------------------------------------------------------------------------------------------
    # import
    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: Progress | None = None,
        analyze: bool = True,
        jobs: int = 1,
    ) -> ImportReport:
        """Import files and folders (recursively). Idempotent: the same article is reported as present;
        the same path or URL with changed content updates that article in place (same id). With jobs > 1
        the analyses run in that many worker processes (the results are the same)."""
        # Files are read without holding the library's lock: only each save (and analysis) takes it,
        # so other threads can use the library during a long import.
        return self._importer.import_paths(paths, progress, analyze, self.COMMIT_SECONDS, jobs)

    def import_articles(
        self,
        articles: Iterable[ParsedArticle],
        progress: Progress | None = None,
        analyze: bool = True,
        jobs: int = 1,
    ) -> ImportReport:
        """Import articles already read (e.g. generated or fetched); same rules as `import_paths`."""
        return self._importer.import_articles(articles, progress, analyze, self.COMMIT_SECONDS, jobs)

    # ------------------------------------------------------------------------------------------------
    # analysis, timeline, search
    def analysis(self, article_id: str) -> Analysis:
        """The article's analysis: stored if made by this analyzer version with the same text, date and
        corrections; otherwise computed now and stored (in memory only when read-only)."""
        with self._lock:
            return self._analyses.analysis(article_id)

    def timeline(
        self,
        article_id: str | None = None,
        entity: str | None = None,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        source: str | None = None,
    ) -> list[TimelineEntry]:
        """Dated facts of one article or the whole library, optionally only those mentioning `entity`
        (canonical name or any mention of it), overlapping [start, end], of articles with `tag` or from
        `source`; ordered by interval, finer intervals first. Articles whose text cannot be read are left
        out, with a notice."""
        with self._lock:
            return self._queries.timeline(article_id, entity, start, end, tag, source, self._resolver(entity))

    def timeline_json(
        self,
        article_id: str | None = None,
        entity: str | None = None,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        source: str | None = None,
        *,
        indent: bool = False,
    ) -> Iterator[str]:
        """`timeline`'s entries as compact JSON texts (`indent`: as items of an indented array), one at a
        time (read from the facts index, no Fact made); the library is locked until the last is taken."""
        with self._lock:
            resolve = self._resolver(entity)
            yield from self._queries.timeline_json(
                article_id, entity, start, end, tag, source, resolve, indent=indent
            )

    def fact_entries(self, article_ids: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """The facts index entry of each article (see store/facts_index.py), leaving out articles whose
        text cannot be read; the library is locked until the last one is taken."""
        with self._lock:
            yield from self._queries.entries(article_ids)

    # ------------------------------------------------------------------------------------------------
    # across articles: entity profiles, figure series, conflicts (store/across.py over extract/across/)
    # The first call builds the library-wide index from the stored analyses (analysing articles that have
    # none yet) and caches it on disk; later calls are served from the cache, which follows additions,
    # deletions, restores, re-analyses and corrections article by article.
    @property
    def _across(self) -> Across:
        if self._across_part is None:
            from store.across import Across

            self._across_part = Across(self._articles, self._analyses)
        return self._across_part

    def entities(self, type: str | None = None) -> list[EntitySummary]:
        """Every entity of the library (names resolved across articles), most mentioned first; only those
        of `type` (PERSON, ORG, GPE, LOC, NORP, EVENT, OTHER; any case) when given."""
        with self._lock:
            return self._across.entities(type)

    def find_entities(self, name: str) -> list[EntitySummary]:
        """The entities `name` denotes, case-insensitive: exact canonical-name or alias matches first (when
        any, only those); else entities whose name or an alias contains every word of `name`. Most mentioned
        first; an empty list when nothing matches; more than one entry means the name is ambiguous."""
        with self._lock:
            return self._across.find_entities(name)

    def entity_names(self, name: str) -> frozenset[str]:
        """The names an entity filter (`timeline --entity`, `export --entity`, the app's timeline of a
        name) matches facts by, besides the forms the articles use (`store.timeline.wanted_names`): the
        case-folded canonical names the articles give the entities `find_entities(name)` denotes, so any
        alias finds them and a leading title ("PM Kadhimi") is dropped, as `briefing entity` does; those
        of every such entity when the name is ambiguous; empty when it denotes none."""
        with self._lock:
            return frozenset(self._across.entity_names(name))

    def _resolver(self, entity: str | None) -> Resolve | None:
        """`entity_names(entity)` to be asked when the articles' own names do not match it (it may build
        the cross-article index: 90 s at 10,000 articles the first time, which a filter the articles'
        names answer need not pay)."""
        return (lambda: self.entity_names(entity)) if entity else None

    def entity_suggestions(self, name: str) -> list[str]:
        """A few entity names close to `name` (spelling), for a "did you mean" message; may be empty."""
        with self._lock:
            return self._across.entity_suggestions(name)

    def entity_profile(self, key: str) -> EntityProfile:
        """The profile of the entity with this `EntitySummary.key`; KeyError if there is none."""
        with self._lock:
            return self._across.entity_profile(key)

    def series(self, entity: str | None = None) -> list[Series]:
        """Figure series (figures counting the same thing on different dates), each sorted by date; with
        `entity` (a name or alias, or an `EntitySummary.key`), only the series about that entity."""
        with self._lock:
            return self._across.series(entity)

    def series_for_figure(self, article_id: str, start: int) -> Series | None:
        """The series that has the figure starting at offset `start` of the article, or None."""
        with self._lock:
            return self._across.series_for_figure(article_id, start)

    def conflicts(self) -> list[Conflict]:
        """Dates on which articles give incompatible values for the same series (beyond what their
        qualifiers allow), in series then date order."""
        with self._lock:
            return self._across.conflicts()

    def conflicts_for_article(self, article_id: str) -> list[Conflict]:
        """The conflicts with a claim from this article (for a marker on its figures)."""
        with self._lock:
            return self._across.conflicts_for_article(article_id)

    def feed_store(self) -> FeedStore:
        """The feed subscriptions kept in this library (see store/feeds.py)."""
        from store.feeds import FeedStore

        return FeedStore(self._files.file("feeds.json"), self._files.writing, self._lock)

    def search(self, query: str) -> list[str]:
        """Ids of articles whose title, text or entity names contain every word of `query` (any case)."""
        with self._lock:
            return self._queries.search(query)

    # ------------------------------------------------------------------------------------------------
    # annotations and corrections
    def annotations(self, article_id: str | None = None) -> list[Annotation]:
        """Annotations of one article (or all), in text order."""
        with self._lock:
            return self._annotations.read(article_id)

    def add_annotation(
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
        """Annotate `body[start:end]`; anchored by offsets and by quote so it survives re-imports."""
        with self._lock:
            return self._annotations.add(
                article_id, start, end, kind, color=color, note=note, correction=correction
            )

    def update_annotation(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change kind, range (re-quoted), color, note or correction; returns the updated annotation."""
        with self._lock:
            return self._annotations.update(annotation_id, **changes)

    def remove_annotation(self, annotation_id: str) -> Annotation:
        """Delete an annotation and return it (for undo with `restore_annotation`)."""
        with self._lock:
            return self._annotations.remove(annotation_id)

    def restore_annotation(self, annotation: Annotation) -> None:
        """Put back an annotation exactly as it was (undo of a remove)."""
        with self._lock:
            self._annotations.restore(annotation)

    def corrections(self) -> Corrections:
        """The user's corrections, from correction annotations: entity types and date values by quote."""
        with self._lock:
            return self._annotations.corrections()
