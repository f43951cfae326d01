"""The import pipeline: parsed articles -> stored texts and metadata, annotations moved onto edited texts.

Files are read without holding the library's lock; parsed articles are saved in batches (at least every
`commit_seconds`), each under the write lock: texts first (content-addressed, flushed), then in one
crash-safe change (`LibraryFiles.commit`, journaled when it spans files) the metadata and the annotations
re-attached to the articles whose text changed. An article already present whose stored text is missing
or damaged gets it back from the file. A file of an article in the trash (same id, file or URL) is not
imported: the report says so and how to restore it, so deleted feed items and files stay deleted.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.articles import article_doc
from store.bodies import body_key
from store.errors import LibraryError
from store.ids import another_article_id, doc_id, normalise_url
from store.ids import article_id as make_article_id
from store.records import ImportProblem, ImportReport, ImportStatus, ImportStep

if TYPE_CHECKING:
    from store.analyses import Analyses
    from store.annotations import Annotations
    from store.articles import Articles
    from store.ingest import ParsedArticle
    from store.tinyfile import Tables, TinyFile
    from store.trash import Trash

Progress = Callable[[ImportStep], None]


class _Count:
    """Files handled so far in one import, for progress reports."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0

    def failed(self, report: ImportReport, progress: Progress | None, problem: ImportProblem) -> None:
        self.done += 1
        report.failed.append(problem)
        if progress:
            progress(ImportStep(problem.path, self.done, self.total, "failed", message=problem.message))


IMPORT_STOPPED = "not imported: the import stopped after the error above"
FIRST_BATCH_SECONDS = 0.25  # an import analysed by worker processes saves its first batch this soon


class Importer:
    """Imports into one library (see the module docstring)."""

    def __init__(
        self, articles: Articles, annotations: Annotations, analyses: Analyses, trash: Trash | None = None
    ) -> None:
        self.trash = trash
        self.articles = articles
        self.annotations = annotations
        self.analyses = analyses
        self.files = articles.files

    def _check_importable(self) -> None:
        if self.files.read_only:
            raise self.files.read_only_error("; nothing was imported")
        self.files.sweep_leftovers(deep=True)  # a killed import may have left partial article texts

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: Progress | None,
        analyze: bool,
        commit_seconds: float,
        jobs: int = 1,
    ) -> ImportReport:
        from store.ingest import IngestError, discover, read_article  # YAML and file rules: import only

        report = ImportReport()
        files, problems = discover(paths, report.notes)
        count = _Count(total=len(files) + len(problems))
        for problem in problems:
            count.failed(report, progress, problem)
        if files:
            self._check_importable()

        def parsed_files() -> Iterator[ParsedArticle]:
            for path in files:
                try:
                    yield read_article(path)
                except IngestError as exc:
                    count.failed(report, progress, ImportProblem(str(path), str(exc)))

        self._import(parsed_files(), report, progress, count, analyze, commit_seconds, jobs)
        return report

    def import_articles(
        self,
        articles: Iterable[ParsedArticle],
        progress: Progress | None,
        analyze: bool,
        commit_seconds: float,
        jobs: int = 1,
    ) -> ImportReport:
        self._check_importable()
        items = list(articles)
        report = ImportReport()
        self._import(iter(items), report, progress, _Count(total=len(items)), analyze, commit_seconds, jobs)
        return report

    def _import(
        self,
        articles: Iterator[ParsedArticle],
        report: ImportReport,
        progress: Progress | None,
        count: _Count,
        analyze: bool,
        commit_seconds: float,
        jobs: int = 1,
    ) -> None:
        # One pool of worker processes for every batch, no larger than the import (`count.total` articles).
        with self.analyses.workers(jobs if analyze else 1, count.total):
            self._import_batches(articles, report, progress, count, analyze, commit_seconds, jobs)

    def _import_batches(
        self,
        articles: Iterator[ParsedArticle],
        report: ImportReport,
        progress: Progress | None,
        count: _Count,
        analyze: bool,
        commit_seconds: float,
        jobs: int,
    ) -> None:
        batch: list[ParsedArticle] = []
        last_commit = time.monotonic()
        # With worker processes, the first batch is saved soon, so that they analyse while the rest is read.
        interval = min(commit_seconds, FIRST_BATCH_SECONDS) if analyze and jobs > 1 else commit_seconds
        stopped = False  # a batch could not be saved (a full disk): the rest is reported, not tried
        for parsed in articles:
            report.warnings.extend(ImportProblem(parsed.path, w) for w in parsed.warnings)
            report.notes.extend(ImportProblem(parsed.path, n) for n in parsed.notes)
            if stopped:
                count.failed(report, progress, ImportProblem(parsed.path, IMPORT_STOPPED))
                continue
            batch.append(parsed)
            if time.monotonic() - last_commit >= interval:
                started = time.monotonic()
                stopped = not self._commit_or_report(batch, report, progress, count, analyze, jobs)
                batch = []
                last_commit = time.monotonic()
                # Saving rewrites the whole metadata file: in a large library, save less often.
                interval = max(commit_seconds, 4 * (last_commit - started))
        if batch and not stopped:
            self._commit_or_report(batch, report, progress, count, analyze, jobs)

    def _commit_or_report(
        self,
        batch: list[ParsedArticle],
        report: ImportReport,
        progress: Progress | None,
        count: _Count,
        analyze: bool,
        jobs: int = 1,
    ) -> bool:
        """Save one batch; if it cannot be saved (a full disk, a held lock), report each of its files as
        failed with the reason (the batch's writes are undone) and return False, so the import stops
        with a summary."""
        done = count.done
        try:
            self._commit(batch, report, progress, count, analyze, jobs)
        except LibraryError as exc:
            if count.done != done:  # saved and reported; a later step failed
                raise
            for parsed in batch:
                count.failed(report, progress, ImportProblem(parsed.path, str(exc)))
            return False
        return True

    @contextlib.contextmanager
    def _dropped_on_error(self) -> Iterator[None]:
        """The analyses sent ahead for a batch that is not saved are not stored either."""
        try:
            yield
        except BaseException:
            self.analyses.drop_ahead()
            raise

    def _commit(
        self,
        batch: list[ParsedArticle],
        report: ImportReport,
        progress: Progress | None,
        count: _Count,
        analyze: bool,
        jobs: int = 1,
    ) -> None:
        """Save one batch of parsed articles under the write lock, then report and analyse them (`jobs` at a
        time in worker processes when jobs > 1)."""
        outcomes: list[tuple[ParsedArticle, str, ImportStatus]] = []
        bodies = self.files.bodies
        # The workers analyse the batch's new and changed articles while it is saved (unless annotations
        # move: their corrections could change); they are dropped if it cannot be saved.
        ahead = self.analyses.ahead(len(batch)) if analyze and jobs > 1 else None
        with (
            self.files.writing(),
            bodies.undo_on_error(self.files.articles_file.storage, keep_all=self.files.journal.pending),
            self.annotations.snapshot(),
            self._dropped_on_error(),
        ):
            tiny = self.files.articles_file
            docs = tiny.raw("articles")  # re-read if another process wrote since
            by_path, by_url = self.articles.indexes(docs)
            by_path, by_url = dict(by_path), dict(by_url)
            new_docs: dict[int, dict[str, Any]] = {}  # added or changed, by doc id
            added: set[int] = set()
            old_bodies: list[str] = []
            rebodied: list[tuple[str, str, str]] = []  # (id, new text, its key) of updated texts
            texts: list[tuple[ParsedArticle, str, bool]] = []  # to store: parsed, key, whether a restore
            written: list[Path] = []  # body files created by this batch
            for parsed in batch:
                url_key = normalise_url(parsed.url) if parsed.url else None
                matched = by_path.get(parsed.path) or (by_url.get(url_key) if url_key else None)
                aid = matched or make_article_id(parsed.url, parsed.body)
                if matched is None and url_key:
                    # The article this URL's id names has another URL now (its file was edited, or the
                    # URL dropped): this is a new article, not that one.
                    attempt = 0
                    while doc_id(aid) in new_docs or str(doc_id(aid)) in docs:
                        attempt += 1
                        aid = another_article_id(url_key, parsed.body, attempt)
                trashed = (
                    None
                    if matched or self.trash is None
                    else self.trash.holding(aid, parsed.path, parsed.url)
                )
                if trashed is not None:
                    outcomes.append((parsed, trashed, "trashed"))
                    continue
                did = doc_id(aid)
                status: ImportStatus
                doc = article_doc(aid, parsed, body_key(parsed.body))
                current = new_docs.get(did) or docs.get(str(did))
                if current is None:
                    texts.append((parsed, doc["body"], False))
                    new_docs[did] = doc
                    added.add(did)
                    status = "added"
                    if ahead is not None:
                        ahead.add(aid, doc, parsed.body)
                elif matched is None or current == doc:
                    status = "present"  # the same text from another file, or this very file again
                    if current["body"] == doc["body"]:
                        texts.append((parsed, doc["body"], True))  # restored if gone or damaged
                    old_path = current.get("path")
                    if old_path and old_path != parsed.path and not os.path.exists(old_path):
                        # The file was moved or renamed: follow it, so later edits update this article.
                        new_docs[did] = {**current, "path": parsed.path}
                else:
                    texts.append((parsed, doc["body"], False))
                    if current["body"] != doc["body"] and did not in added:
                        old_bodies.append(current["body"])
                        rebodied.append((aid, parsed.body, doc["body"]))
                        if ahead is not None:
                            ahead.stop()
                    new_docs[did] = doc
                    status = "updated"
                    if ahead is not None:
                        ahead.add(aid, doc, parsed.body)
                by_path[parsed.path] = aid
                if url_key:
                    by_url[url_key] = aid
                outcomes.append((parsed, aid, status))
            if ahead is not None:
                ahead.finish()
            for parsed, key, restoring in texts:  # written once the workers have the batch's analyses
                path = bodies.put(parsed.body, durable=False, key=key)[1]
                if path is not None:
                    written.append(path)
                    if restoring:
                        self.files.notices.append(
                            f"The library's copy of the text of {parsed.title!r} was missing or damaged; "
                            f"it was restored from {parsed.path}."
                        )
            bodies.flush(written)  # texts on disk before their metadata
            if new_docs:
                changes: list[tuple[TinyFile, Tables]] = [(tiny, tiny.with_docs("articles", new_docs))]
                changes.extend(self.annotations.moved(rebodied))
                self.files.commit(changes)  # metadata and moved annotations: all or nothing
            if old_bodies:
                # The backup generation may still refer to a replaced text: restoring it (when the file
                # is damaged) must find it, so a text is removed only when neither generation uses it.
                # (A text kept this way stays on disk: a few kilobytes, never a lost article.)
                referenced = {doc["body"] for doc in tiny.raw("articles").values()}
                referenced |= {doc.get("body") for doc in tiny.storage.backup_table("articles").values()}
                referenced |= self.trash.bodies() if self.trash is not None else set()
                for key in old_bodies:
                    if key not in referenced:
                        bodies.remove(key)
        for parsed, aid, status in outcomes:
            count.done += 1
            getattr(report, status).append(aid)  # report.added / .present / .updated / .trashed
            if status == "trashed":
                report.notes.append(
                    ImportProblem(
                        parsed.path,
                        f"not imported: it is in the trash (deleted); bring it back with: briefing restore "
                        f"{aid[:12]}",
                    )
                )
            if progress:
                progress(ImportStep(parsed.path, count.done, count.total, status, article_id=aid))
        if analyze:
            to_analyse = {aid: p for p, aid, s in outcomes if s not in ("present", "trashed")}
            failed = self.analyses.analyse_in_pool(to_analyse, jobs)
            for aid, parsed in to_analyse.items():  # in input order, however the analyses finished
                exc = failed.get(aid)
                if exc is not None:  # the analyser is other code: the article is kept, the failure reported
                    report.warnings.append(
                        ImportProblem(
                            parsed.path, f"imported, but analysis failed ({type(exc).__name__}: {exc})"
                        )
                    )
