"""The library on disk: the only code that touches TinyDB.

A library is a folder (layout chosen from measurements, see /tmp/team/readme_store.md):

    meta.json                 TinyDB: `meta` (schema version) and `state` (UI state)      small, often written
    articles.json             TinyDB: `articles` (metadata only, one document per article) read on open
    user/<2 hex>.json         TinyDB: `flags` (read, starred, tags), 256 shards by article id
    annotations/<2 hex>.json  TinyDB: `annotations`, 256 shards by article id
    analysis/<2 hex>/<id>.json TinyDB per article: `analysis` (the stored Analysis) and `facts`, made lazily
    bodies/<2 hex>/<hash>.txt article texts, content-addressed
    .write.lock / .session.lock

Every TinyDB file is written through `AtomicJSONStorage` (atomic replace, `.bak` of the previous
generation, damaged files moved aside). Every write holds `.write.lock` and re-reads a file another
process changed, so concurrent importers keep each other's articles. An interactive session also holds
`.session.lock`; a second one opens read-only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout
from tinydb.table import Document

from store import migrations
from store.bodies import BodyStore, body_key
from store.errors import LibraryError, LibraryLocked, LibraryReadOnly
from store.ids import article_id as make_article_id
from store.ids import doc_id, key_doc_id, new_annotation_id, normalise_url, shard
from store.paths import resolve_library_path, samples_dir
from store.records import (
    Annotation,
    Article,
    ArticleMeta,
    ImportProblem,
    ImportReport,
    ImportStep,
    TimelineEntry,
)
from store.serialise import analysis_from_dict, annotation_from_doc, annotation_to_doc, meta_from_doc
from store.storage import AtomicJSONStorage
from store.timeline import (
    aliases,
    article_bounds,
    entity_keys,
    matches_entity,
    overlaps,
    sort_key,
    wanted_names,
)
from store.tinyfile import TinyFile

if TYPE_CHECKING:
    from extract.corrections import Corrections
    from extract.model import Analysis
    from store.feeds import FeedStore
    from store.ingest import ParsedArticle

LOCK_TIMEOUT = 15.0
ANNOTATION_KINDS = ("highlight", "note", "correction")
_ANNOTATION_CHANGES = frozenset({"kind", "start", "end", "color", "note", "correction"})
_CACHE_ANALYSES = 64
_CACHE_ANALYSIS_FILES = 128

Progress = Callable[[ImportStep], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _folder_writable(folder: Path) -> bool:
    try:
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True


# Names that only a library folder holds (any one, damaged files' backups included, marks a library).
_LIBRARY_MARKERS = (
    "meta.json",
    "meta.json.bak",
    "articles.json",
    "articles.json.bak",
    "bodies",
    ".write.lock",
)


def _looks_like_library(folder: Path) -> bool:
    """True for an empty folder or one with a library's files: never turn someone's other folder into one."""
    try:
        names = set(os.listdir(folder))
    except OSError:
        return True  # unreadable: let the usual checks report it
    if any(name in names for name in _LIBRARY_MARKERS):
        return True
    return not any(not name.startswith(".") for name in names)  # hidden files (.DS_Store) do not count


def _newest_first(meta: ArticleMeta) -> tuple[int, str]:
    """Sort key: newest publication first, undated last, then by title."""
    return (-meta.published.toordinal() if meta.published else 0, meta.title.casefold())


def _check_hex_id(value: str) -> int:
    try:
        return doc_id(value)
    except (TypeError, ValueError):
        raise KeyError(value) from None


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


class Library:
    """A Briefing Reader library folder. Open with `Library.open(...)`; usable as a context manager.

    Thread-safe (one re-entrant lock), so the app may call it from worker threads.
    """

    COMMIT_SECONDS = 2.0  # an import saves its metadata at least this often

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.notices: list[str] = []
        self._read_only_reason = "the library is open read-only"
        self._rlock = threading.RLock()
        self._write_lock: FileLock | None = None
        self._session_lock: FileLock | None = None
        self._files: dict[Path, TinyFile] = {}
        self._analysis_files: OrderedDict[str, TinyFile] = OrderedDict()
        self._analyses: OrderedDict[tuple[str, str], Analysis] = OrderedDict()
        self._bodies = BodyStore(path / "bodies")
        self._list_cache: tuple[Any, list[ArticleMeta]] | None = None
        self._flags_cache: tuple[Any, dict[str, dict[str, Any]]] | None = None
        self._index_cache: tuple[Any, dict[str, str], dict[str, str]] | None = None
        self._corrections_cache: tuple[Any, Corrections] | None = None
        self._haystacks: dict[str, tuple[Any, str]] = {}

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
    ) -> Library:
        """Open (creating if needed) the library at `path` (None: $BRIEFING_LIBRARY or the default).

        `session=True` (the interactive app) holds the session lock; when another session has it, the
        library opens read-only with a notice. A new library gets the bundled sample briefings.
        """
        library = cls(resolve_library_path(path), read_only=read_only)
        try:
            library._open(import_samples=import_samples, session=session)
        except BaseException:
            library.close()
            raise
        return library

    def _open(self, *, import_samples: bool, session: bool) -> None:
        folder = self.path
        if folder.exists() and not folder.is_dir():
            raise LibraryError(f"{folder} is a file, not a library folder")
        if not folder.exists():
            if self.read_only:
                raise LibraryError(f"there is no library at {folder}")
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                raise LibraryError(
                    f"cannot create the library folder {folder}: {exc.strerror or exc}"
                ) from exc
        if not _looks_like_library(folder):
            raise LibraryError(
                f"{folder} is not a Briefing Reader library (it holds other files); give a new or empty "
                "folder for a library (to add articles from this folder: briefing import PATH)"
            )
        if not self.read_only and not _folder_writable(folder):
            self._become_read_only(
                f"the library folder {folder} is not writable, so the library is open read-only "
                "(reading works; importing, stars, tags and annotations cannot be saved)"
            )
        if not self.read_only:
            self._write_lock = FileLock(folder / ".write.lock", thread_local=False)
        if session and not self.read_only:
            lock = FileLock(folder / ".session.lock", thread_local=False)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                self._become_read_only(
                    "another Briefing Reader window has this library open, so this one is read-only "
                    "until that one closes"
                )
            else:
                self._session_lock = lock
        self._check_schema(import_samples=import_samples)
        self._articles_file.raw("articles")  # read now, so a damaged file is reported on open

    def _become_read_only(self, reason: str) -> None:
        self.read_only = True
        self._read_only_reason = reason
        self.notices.append(reason[0].upper() + reason[1:] + ".")
        for tiny in [*self._files.values(), *self._analysis_files.values()]:
            tiny.storage.read_only = True

    def _check_schema(self, *, import_samples: bool) -> None:
        meta = self._file("meta.json")
        current = meta.raw("meta").get("1")
        if current is None:
            if self.read_only:
                return
            fresh = not (self.path / "articles.json").exists()
            with self._writing():
                if meta.raw("meta").get("1") is not None:  # another process created it meanwhile
                    return
                meta.table("meta").insert(
                    Document({"schema_version": migrations.SCHEMA_VERSION, "created": _now()}, doc_id=1)
                )
            if fresh and import_samples:
                self._import_samples()
            return
        found = int(current.get("schema_version", 0))
        if found > migrations.SCHEMA_VERSION:
            self._become_read_only(
                f"this library was written by a newer Briefing Reader (schema {found}; this one knows "
                f"{migrations.SCHEMA_VERSION}), so it is open read-only"
            )
        elif found < migrations.SCHEMA_VERSION:
            if self.read_only:
                self.notices.append(
                    f"This library uses an older layout (schema {found}); "
                    "open it writable once to upgrade it."
                )
                return
            self._migrate(meta)

    def _migrate(self, meta: TinyFile) -> None:
        with self._writing():
            found = int(meta.raw("meta").get("1", {}).get("schema_version", 0))
            try:
                steps = migrations.pending(found)
            except ValueError as exc:
                raise LibraryError(f"cannot upgrade the library at {self.path}: {exc}") from exc
            for version, step in steps:
                step(self)
                meta.table("meta").update({"schema_version": version + 1}, doc_ids=[1])
        if steps:
            self.notices.append(
                f"The library was upgraded from schema {found} to {migrations.SCHEMA_VERSION}."
            )

    def _import_samples(self) -> None:
        folder = samples_dir()
        if not folder.is_dir():
            return
        report = self.import_paths([folder], analyze=False)
        count = len(report.added)
        self.notices.append(f"New library at {self.path}: imported {count} sample briefing(s).")
        if report.failed:
            self.notices.append(f"{len(report.failed)} sample file(s) could not be imported.")

    def close(self) -> None:
        with self._rlock:
            if self._session_lock is not None:
                with contextlib.suppress(OSError):
                    self._session_lock.release(force=True)
                self._session_lock = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r}, read_only={self.read_only})"

    # ------------------------------------------------------------------------------------------------
    # files and locks
    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the library's write lock (re-entrant). Raises LibraryReadOnly / LibraryLocked."""
        if self.read_only or self._write_lock is None:
            raise LibraryReadOnly(self._read_only_reason[0].upper() + self._read_only_reason[1:] + ".")
        with self._rlock:
            try:
                self._write_lock.acquire(timeout=LOCK_TIMEOUT)
            except Timeout:
                raise LibraryLocked(
                    f"another briefing process has been writing to {self.path} for over {LOCK_TIMEOUT:.0f} s "
                    f"(lock file {self._write_lock.lock_file}); try again when it has finished"
                ) from None
            except OSError as exc:
                raise LibraryError(f"cannot lock the library at {self.path}: {exc.strerror or exc}") from exc
            try:
                yield
            finally:
                self._write_lock.release()

    def _new_file(self, path: Path, *, keep_backup: bool) -> TinyFile:
        storage = AtomicJSONStorage(
            path,
            lock=self._writing,
            notice=self.notices.append,
            read_only=self.read_only,
            keep_backup=keep_backup,
        )
        return TinyFile(storage)

    def _file(self, relative: str, *, keep_backup: bool = True) -> TinyFile:
        path = self.path / relative
        tiny = self._files.get(path)
        if tiny is None:
            tiny = self._files[path] = self._new_file(path, keep_backup=keep_backup)
        return tiny

    def _shard_file(self, kind: str, key: str) -> TinyFile:
        return self._file(f"{kind}/{key}.json")

    def _existing_shards(self, kind: str) -> list[str]:
        try:
            names = os.listdir(self.path / kind)
        except OSError:
            return []
        return sorted(n[:-5] for n in names if len(n) == 7 and n.endswith(".json"))

    @property
    def _articles_file(self) -> TinyFile:
        return self._file("articles.json")

    def feed_store(self) -> FeedStore:
        """The feed subscriptions kept in this library (see store/feeds.py)."""
        from store.feeds import FeedStore

        return FeedStore(self._file("feeds.json"), self._writing, self._rlock)

    def _analysis_file(self, article_id: str) -> TinyFile:
        tiny = self._analysis_files.get(article_id)
        if tiny is None:
            path = self.path / "analysis" / shard(article_id) / f"{article_id}.json"
            tiny = self._new_file(path, keep_backup=False)  # derived data: recomputed if lost
            self._analysis_files[article_id] = tiny
            if len(self._analysis_files) > _CACHE_ANALYSIS_FILES:
                self._analysis_files.popitem(last=False)
        else:
            self._analysis_files.move_to_end(article_id)
        return tiny

    # ------------------------------------------------------------------------------------------------
    # articles
    def _doc(self, article_id: str) -> dict[str, Any]:
        doc = self._articles_file.raw("articles").get(str(_check_hex_id(article_id)))
        if doc is None:
            raise KeyError(article_id)
        return doc

    def _flags(self) -> dict[str, dict[str, Any]]:
        shards = [(key, self._shard_file("user", key)) for key in self._existing_shards("user")]
        tables = [(key, tiny.raw("flags"), tiny.storage.version) for key, tiny in shards]
        cache_key = tuple((key, version) for key, _, version in tables)
        if self._flags_cache is not None and self._flags_cache[0] == cache_key:
            return self._flags_cache[1]
        merged = {doc["id"]: doc for _, table, _ in tables for doc in table.values()}
        self._flags_cache = (cache_key, merged)
        return merged

    def articles(self) -> list[ArticleMeta]:
        """Every article's metadata, newest publication first (undated last), then by title."""
        with self._rlock:
            docs = self._articles_file.raw("articles")
            flags = self._flags()
            cache_key = (self._articles_file.storage.version, self._flags_cache and self._flags_cache[0])
            if self._list_cache is not None and self._list_cache[0] == cache_key:
                return list(self._list_cache[1])
            metas = [meta_from_doc(doc, flags.get(doc["id"])) for doc in docs.values()]
            metas.sort(key=_newest_first)
            self._list_cache = (cache_key, metas)
            return list(metas)

    def article(self, article_id: str) -> Article:
        """The article with its body; KeyError if there is none with this id."""
        with self._rlock:
            doc = self._doc(article_id)
            flags = self._shard_file("user", shard(article_id)).raw("flags").get(str(doc_id(article_id)))
            return Article(meta=meta_from_doc(doc, flags), body=self._bodies.get(doc["body"]))

    def resolve_id(self, prefix: str) -> str:
        """The id of the one article whose id starts with `prefix` (KeyError: none; LibraryError: several)."""
        with self._rlock:
            wanted = prefix.strip().lower()
            docs = self._articles_file.raw("articles")
            if not wanted:
                raise KeyError(prefix)
            with contextlib.suppress(KeyError):
                self._doc(wanted)
                return wanted
            found = [doc["id"] for doc in docs.values() if doc["id"].startswith(wanted)]
            if not found:
                raise KeyError(prefix)
            if len(found) > 1:
                raise LibraryError(
                    f"{prefix!r} matches {len(found)} articles; give more characters of the id"
                )
            return found[0]

    def _indexes(self, docs: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        version = self._articles_file.storage.version
        if self._index_cache is None or self._index_cache[0] != version:
            by_path = {doc["path"]: doc["id"] for doc in docs.values() if doc.get("path")}
            by_url = {normalise_url(doc["url"]): doc["id"] for doc in docs.values() if doc.get("url")}
            self._index_cache = (version, by_path, by_url)
        return self._index_cache[1], self._index_cache[2]

    # ------------------------------------------------------------------------------------------------
    # import
    def import_paths(
        self, paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None, analyze: bool = True
    ) -> ImportReport:
        """Import files and folders (recursively). Idempotent: the same article is reported as present;
        the same path or URL with changed content updates that article in place (same id)."""
        from store.ingest import IngestError, discover, read_article  # YAML and file rules: import only

        # Files are read without holding the library's lock: only each save (and analysis) takes it,
        # so other threads can use the library during a long import.
        report = ImportReport()
        files, problems = discover(paths)
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

        self._import(parsed_files(), report, progress, count, analyze)
        return report

    def import_articles(
        self, articles: Iterable[ParsedArticle], progress: Progress | None = None, analyze: bool = True
    ) -> ImportReport:
        """Import articles already read (e.g. generated or fetched); same rules as `import_paths`."""
        self._check_importable()
        items = list(articles)
        report = ImportReport()
        self._import(iter(items), report, progress, _Count(total=len(items)), analyze)
        return report

    def _check_importable(self) -> None:
        if self.read_only:
            raise LibraryReadOnly(
                self._read_only_reason[0].upper() + self._read_only_reason[1:] + "; nothing was imported."
            )

    def _import(
        self,
        articles: Iterator[ParsedArticle],
        report: ImportReport,
        progress: Progress | None,
        count: _Count,
        analyze: bool,
    ) -> None:
        batch: list[ParsedArticle] = []
        last_commit = time.monotonic()
        interval = self.COMMIT_SECONDS
        for parsed in articles:
            report.warnings.extend(ImportProblem(parsed.path, w) for w in parsed.warnings)
            report.notes.extend(ImportProblem(parsed.path, n) for n in parsed.notes)
            batch.append(parsed)
            if time.monotonic() - last_commit >= interval:
                started = time.monotonic()
                self._commit(batch, report, progress, count, analyze)
                batch = []
                last_commit = time.monotonic()
                # Saving rewrites the whole metadata file: in a large library, save less often.
                interval = max(self.COMMIT_SECONDS, 4 * (last_commit - started))
        if batch:
            self._commit(batch, report, progress, count, analyze)

    @staticmethod
    def _article_doc(article_id: str, parsed: ParsedArticle, key: str) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": article_id,
            "title": parsed.title,
            "published": parsed.published.isoformat() if parsed.published else None,
            "source": parsed.source,
            "url": parsed.url,
            "dateline": parsed.dateline,
            "author": parsed.author,
            "tags": list(parsed.tags),
            "path": parsed.path,
            "body": key,
        }
        return {k: v for k, v in doc.items() if v not in (None, [])}

    def _commit(
        self,
        batch: list[ParsedArticle],
        report: ImportReport,
        progress: Progress | None,
        count: _Count,
        analyze: bool,
    ) -> None:
        """Save one batch of parsed articles under the write lock, then report and analyse them."""
        outcomes: list[tuple[ParsedArticle, str, str]] = []
        with self._writing():
            tiny = self._articles_file
            docs = tiny.raw("articles")  # re-read if another process wrote since
            by_path, by_url = self._indexes(docs)
            by_path, by_url = dict(by_path), dict(by_url)
            added: dict[int, dict[str, Any]] = {}
            changed: dict[int, dict[str, Any]] = {}
            old_bodies: list[str] = []
            rebodied: list[tuple[str, str]] = []  # (id, new text) of updated articles whose text changed
            written: list[Path | None] = []  # body files created by this batch
            for parsed in batch:
                url_key = normalise_url(parsed.url) if parsed.url else None
                matched = by_path.get(parsed.path) or (by_url.get(url_key) if url_key else None)
                aid = matched or make_article_id(parsed.url, parsed.body)
                did = doc_id(aid)
                doc = self._article_doc(aid, parsed, body_key(parsed.body))
                current = added.get(did) or changed.get(did) or docs.get(str(did))
                if current is None:
                    written.append(self._bodies.put(parsed.body, durable=False)[1])
                    added[did] = doc
                    status = "added"
                elif matched is None or current == doc:
                    status = "present"  # the same text from another file, or this very file again
                    old_path = current.get("path")
                    if old_path and old_path != parsed.path and not os.path.exists(old_path):
                        # The file was moved or renamed: follow it, so later edits update this article.
                        (added if did in added else changed)[did] = {**current, "path": parsed.path}
                else:
                    written.append(self._bodies.put(parsed.body, durable=False)[1])
                    if current["body"] != doc["body"] and did not in added:
                        old_bodies.append(current["body"])
                        rebodied.append((aid, parsed.body))
                    (added if did in added else changed)[did] = doc
                    status = "updated"
                by_path[parsed.path] = aid
                if url_key:
                    by_url[url_key] = aid
                outcomes.append((parsed, aid, status))
            self._bodies.flush(p for p in written if p is not None)  # texts on disk before their metadata
            table = tiny.table("articles")
            if added:
                table.insert_multiple(Document(doc, doc_id=did) for did, doc in added.items())
            if changed:

                def replace_doc(doc: dict[str, Any]) -> None:
                    new = changed[doc_id(doc["id"])]
                    doc.clear()
                    doc.update(new)

                table.update(replace_doc, doc_ids=list(changed))
            for aid, body in rebodied:
                self._reattach(aid, body)
            if old_bodies:
                # The backup generation may still refer to a replaced text: restoring it (when the file
                # is damaged) must find it, so a text is removed only when neither generation uses it.
                # (A text kept this way stays on disk: a few kilobytes, never a lost article.)
                referenced = {doc["body"] for doc in tiny.raw("articles").values()}
                referenced |= {doc.get("body") for doc in tiny.storage.backup_table("articles").values()}
                for key in old_bodies:
                    if key not in referenced:
                        self._bodies.remove(key)
        for parsed, aid, status in outcomes:
            count.done += 1
            getattr(report, status).append(aid)  # report.added / .present / .updated
            if progress:
                progress(ImportStep(parsed.path, count.done, count.total, status, article_id=aid))
        if analyze:
            for aid, parsed in {aid: p for p, aid, s in outcomes if s != "present"}.items():
                try:
                    self.analysis(aid)
                except LibraryError:
                    raise
                except Exception as exc:  # the analyser is other code: keep the article, report the failure
                    report.warnings.append(
                        ImportProblem(
                            parsed.path, f"imported, but analysis failed ({type(exc).__name__}: {exc})"
                        )
                    )

    def _reattach(self, article_id: str, new_body: str) -> None:
        """Move the article's annotations onto its new text; those whose quote vanished become orphaned."""
        from store.anchoring import quote_selector, reattach

        tiny = self._shard_file("annotations", shard(article_id))
        mine = [
            annotation_from_doc(d) for d in tiny.raw("annotations").values() if d["article_id"] == article_id
        ]
        if not mine:
            return
        updates: dict[int, dict[str, Any]] = {}
        for ann in mine:
            span = reattach(new_body, ann)
            if span is None:
                moved = replace(ann, orphaned=True)
            else:
                exact, prefix, suffix = quote_selector(new_body, *span)
                moved = replace(
                    ann, start=span[0], end=span[1], exact=exact, prefix=prefix, suffix=suffix, orphaned=False
                )
            updates[doc_id(ann.id)] = annotation_to_doc(moved)

        def apply(doc: dict[str, Any]) -> None:
            new = updates[doc_id(doc["id"])]
            doc.clear()
            doc.update(new)

        tiny.table("annotations").update(apply, doc_ids=list(updates))

    # ------------------------------------------------------------------------------------------------
    # user flags and UI state
    def _set_flags(self, article_id: str, **fields: Any) -> None:
        with self._rlock:
            self._doc(article_id)
            did = doc_id(article_id)
            with self._writing():
                tiny = self._shard_file("user", shard(article_id))
                table = tiny.table("flags")
                if str(did) in tiny.raw("flags"):
                    table.update(fields, doc_ids=[did])
                else:
                    table.insert(Document({"id": article_id, **fields}, doc_id=did))

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._set_flags(article_id, read=bool(read))

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        self._set_flags(article_id, starred=bool(starred))

    def set_tags(self, article_id: str, tags: Iterable[str]) -> None:
        """Replace the article's tags (initially those of its front matter)."""
        clean: list[str] = []
        for tag in tags:
            text = " ".join(str(tag).split())
            if text and text not in clean:
                clean.append(text)
        self._set_flags(article_id, tags=clean)

    def all_tags(self) -> list[str]:
        with self._rlock:
            return sorted(
                {tag for meta in self.articles() for tag in meta.tags}, key=lambda t: (t.casefold(), t)
            )

    def get_state(self, key: str, default: Any = None) -> Any:
        with self._rlock:
            doc = self._file("meta.json").raw("state").get(str(key_doc_id(key)))
            return default if doc is None else doc.get("value", default)

    def set_state(self, key: str, value: Any) -> None:
        """Remember a JSON-serialisable value (e.g. the last article open) for the next session."""
        try:
            json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"state {key!r} must be JSON-serialisable: {exc}") from None
        with self._rlock, self._writing():
            tiny = self._file("meta.json")
            did = key_doc_id(key)
            if str(did) in tiny.raw("state"):
                tiny.table("state").update({"key": key, "value": value}, doc_ids=[did])
            else:
                tiny.table("state").insert(Document({"key": key, "value": value}, doc_id=did))

    # ------------------------------------------------------------------------------------------------
    # analysis, facts, timeline, search
    def _analysis_key(self, doc: dict[str, Any], body: str) -> tuple[dict[str, Any], Corrections]:
        import extract

        corrections = self._corrections_for(body)
        fingerprint = hashlib.sha256(
            json.dumps([corrections.entity_types, corrections.date_values], sort_keys=True).encode()
        ).hexdigest()[:16]
        key = {
            "analyzer": extract.ANALYZER_VERSION,
            "body": doc["body"],
            "published": doc.get("published"),
            "corrections": fingerprint,
        }
        return key, corrections

    @staticmethod
    def _is_current(stored: dict[str, Any] | None, key: dict[str, Any]) -> bool:
        return stored is not None and all(stored.get(k) == v for k, v in key.items())

    def analysis(self, article_id: str) -> Analysis:
        """The article's analysis: stored if made by this analyzer version with the same text, date and
        corrections; otherwise computed now and stored (in memory only when read-only)."""
        return self._analysis_and_key(article_id)[0]

    def _analysis_and_key(self, article_id: str) -> tuple[Analysis, dict[str, Any]]:
        """The analysis and the key it is valid for (one body read and corrections filter for both)."""
        import extract

        with self._rlock:
            doc = self._doc(article_id)
            body = self._bodies.get(doc["body"])
            key, corrections = self._analysis_key(doc, body)
            memo = (article_id, json.dumps(key, sort_keys=True))
            if memo in self._analyses:
                self._analyses.move_to_end(memo)
                return self._analyses[memo], key
            tiny = self._analysis_file(article_id)
            stored = tiny.raw("analysis").get("1")
            if self._is_current(stored, key):
                data = dict(stored["data"])  # type: ignore[index]
                data["facts"] = list(tiny.raw("facts").values())
                result = analysis_from_dict(data)
            else:
                published = date.fromisoformat(doc["published"]) if doc.get("published") else None
                result = extract.analyze(body, published, corrections)
                if not self.read_only:
                    self._store_analysis(article_id, tiny, key, result)
            self._analyses[memo] = result
            if len(self._analyses) > _CACHE_ANALYSES:
                self._analyses.popitem(last=False)
            return result, key

    def _store_analysis(self, article_id: str, tiny: TinyFile, key: dict[str, Any], result: Analysis) -> None:
        data = result.to_dict()
        facts = data.pop("facts")
        fact_docs = {}
        for n, fact in enumerate(facts, start=1):
            sentence = fact["sentence"]
            fact_docs[str(n)] = {
                **fact,
                "article_id": article_id,
                "keys": entity_keys(data, sentence["start"], sentence["end"]),
            }
        tables = {"analysis": {"1": {**key, "data": data}}, "facts": fact_docs}
        with self._writing():
            tiny.storage.write(tables)

    def _facts(self, article_id: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """The article's fact documents (with entity keys) and its entity alias table."""
        analysis, key = self._analysis_and_key(article_id)
        tiny = self._analysis_file(article_id)
        stored = tiny.raw("analysis").get("1")
        if self._is_current(stored, key):
            return list(tiny.raw("facts").values()), aliases(stored["data"])
        data = analysis.to_dict()
        facts = [
            {**f, "keys": entity_keys(data, f["sentence"]["start"], f["sentence"]["end"])}
            for f in data["facts"]
        ]
        return facts, aliases(data)

    def timeline(
        self,
        article_id: str | None = None,
        entity: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> list[TimelineEntry]:
        """Dated facts of one article or the whole library, optionally only those mentioning `entity`
        (canonical name or any mention of it) and overlapping [start, end]; ordered by interval, finer
        intervals first."""
        with self._rlock:
            metas = {meta.id: meta for meta in self.articles()}
            if article_id is not None and article_id not in metas:
                raise KeyError(article_id)
            ids = [article_id] if article_id is not None else list(metas)
            per_article = [(aid, *self._facts(aid)) for aid in ids]
            wanted = wanted_names(entity, (alias for _, _, alias in per_article)) if entity else set()
            found: list[tuple[tuple[Any, ...], TimelineEntry]] = []
            for aid, facts, _ in per_article:
                meta = metas[aid]
                bounds = article_bounds(facts)
                for fact in facts:
                    if entity and not matches_entity(fact, fact.get("keys", ()), wanted):
                        continue
                    if not overlaps(fact, start, end):
                        continue
                    clean = {k: v for k, v in fact.items() if k not in ("article_id", "keys")}
                    found.append(
                        (sort_key(fact, meta.published, aid, bounds), TimelineEntry(aid, meta.title, clean))
                    )
            found.sort(key=lambda pair: pair[0])
            return [entry for _, entry in found]

    def _haystack(self, meta: ArticleMeta) -> str:
        doc = self._doc(meta.id)
        tiny = self._analysis_file(meta.id)
        version = (doc["body"], meta.title, tiny.signature())
        cached = self._haystacks.get(meta.id)
        if cached is not None and cached[0] == version:
            return cached[1]
        parts = [meta.title, self._bodies.get(doc["body"])]
        stored = tiny.raw("analysis").get("1") if tiny.exists() else None
        if stored is not None:
            parts.extend(f"{e['text']} {e['canonical']}" for e in stored["data"].get("entities", ()))
        text = "\n".join(parts).casefold()
        self._haystacks[meta.id] = (version, text)
        return text

    def search(self, query: str) -> list[str]:
        """Ids of articles whose title, text or entity names contain every word of `query` (any case)."""
        terms = query.casefold().split()
        if not terms:
            return []
        with self._rlock:
            return [m.id for m in self.articles() if all(t in self._haystack(m) for t in terms)]

    # ------------------------------------------------------------------------------------------------
    # annotations and corrections
    def annotations(self, article_id: str | None = None) -> list[Annotation]:
        """Annotations of one article (or all), in text order."""
        with self._rlock:
            shards = [shard(article_id)] if article_id is not None else self._existing_shards("annotations")
            found = [
                annotation_from_doc(doc)
                for key in shards
                for doc in self._shard_file("annotations", key).raw("annotations").values()
                if article_id is None or doc["article_id"] == article_id
            ]
            found.sort(key=lambda a: (a.article_id, a.start, a.end, a.created, a.id))
            return found

    @staticmethod
    def _check_kind(kind: str, correction: dict[str, str] | None) -> None:
        if kind not in ANNOTATION_KINDS:
            raise ValueError(f"annotation kind must be one of {', '.join(ANNOTATION_KINDS)}, not {kind!r}")
        if kind == "correction":
            if not correction or not set(correction) & {"type", "date"}:
                raise ValueError('a correction needs {"type": ...} or {"date": ...}')
            if not all(isinstance(v, str) for v in correction.values()):
                raise ValueError("correction values must be text")

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
        from store.anchoring import quote_selector

        self._check_kind(kind, correction)
        with self._rlock:
            body = self.article(article_id).body
            if not 0 <= start < end <= len(body):
                raise ValueError(
                    f"annotation range {start}-{end} is not inside the article ({len(body)} chars)"
                )
            exact, prefix, suffix = quote_selector(body, start, end)
            annotation = Annotation(
                id=new_annotation_id(article_id),
                article_id=article_id,
                kind=kind,
                start=start,
                end=end,
                exact=exact,
                prefix=prefix,
                suffix=suffix,
                color=color,
                note=note,
                correction=dict(correction) if correction else None,
                created=_now(),
            )
            with self._writing():
                tiny = self._shard_file("annotations", shard(article_id))
                tiny.table("annotations").insert(
                    Document(annotation_to_doc(annotation), doc_id=doc_id(annotation.id))
                )
            return annotation

    def _annotation_doc(self, annotation_id: str) -> tuple[TinyFile, dict[str, Any]]:
        did = _check_hex_id(annotation_id)
        tiny = self._shard_file("annotations", shard(annotation_id))
        doc = tiny.raw("annotations").get(str(did))
        if doc is None:
            raise KeyError(annotation_id)
        return tiny, doc

    def update_annotation(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change kind, range (re-quoted), color, note or correction; returns the updated annotation."""
        from store.anchoring import quote_selector

        unknown = set(changes) - _ANNOTATION_CHANGES
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of an annotation")
        with self._rlock, self._writing():
            tiny, doc = self._annotation_doc(annotation_id)
            updated = replace(annotation_from_doc(doc), **changes)
            self._check_kind(updated.kind, updated.correction)
            if "start" in changes or "end" in changes:
                body = self.article(updated.article_id).body
                if not 0 <= updated.start < updated.end <= len(body):
                    raise ValueError(
                        f"annotation range {updated.start}-{updated.end} is not inside the article"
                    )
                exact, prefix, suffix = quote_selector(body, updated.start, updated.end)
                updated = replace(updated, exact=exact, prefix=prefix, suffix=suffix, orphaned=False)
            new_doc = annotation_to_doc(updated)

            def apply(target: dict[str, Any]) -> None:
                target.clear()
                target.update(new_doc)

            tiny.table("annotations").update(apply, doc_ids=[doc_id(annotation_id)])
            return updated

    def remove_annotation(self, annotation_id: str) -> Annotation:
        """Delete an annotation and return it (for undo with `restore_annotation`)."""
        with self._rlock, self._writing():
            tiny, doc = self._annotation_doc(annotation_id)
            removed = annotation_from_doc(doc)
            tiny.table("annotations").remove(doc_ids=[doc_id(annotation_id)])
            return removed

    def restore_annotation(self, annotation: Annotation) -> None:
        """Put back an annotation exactly as it was (undo of a remove)."""
        with self._rlock, self._writing():
            tiny = self._shard_file("annotations", shard(annotation.id))
            did = doc_id(annotation.id)
            new_doc = annotation_to_doc(annotation)
            if str(did) in tiny.raw("annotations"):

                def apply(target: dict[str, Any]) -> None:
                    target.clear()
                    target.update(new_doc)

                tiny.table("annotations").update(apply, doc_ids=[did])
            else:
                tiny.table("annotations").insert(Document(new_doc, doc_id=did))

    def corrections(self) -> Corrections:
        """The user's corrections, from correction annotations: entity types and date values by quote."""
        from extract.corrections import Corrections

        with self._rlock:
            shards = self._existing_shards("annotations")
            versions = []
            for key in shards:
                tiny = self._shard_file("annotations", key)
                tiny.raw("annotations")
                versions.append((key, tiny.storage.version))
            cache_key = tuple(versions)
            if self._corrections_cache is not None and self._corrections_cache[0] == cache_key:
                return self._corrections_cache[1]
            entity_types: dict[str, str] = {}
            date_values: dict[str, str] = {}
            for ann in self.annotations():
                if ann.kind != "correction" or not ann.correction or not ann.exact.strip():
                    continue
                if "type" in ann.correction:
                    entity_types[ann.exact] = ann.correction["type"]
                if "date" in ann.correction:
                    date_values[ann.exact] = ann.correction["date"]
            result = Corrections(entity_types=entity_types, date_values=date_values)
            self._corrections_cache = (cache_key, result)
            return result

    def _corrections_for(self, body: str) -> Corrections:
        """Only the corrections whose quoted text occurs in `body` can change its analysis."""
        from extract.corrections import Corrections

        every = self.corrections()
        return Corrections(
            entity_types={k: v for k, v in every.entity_types.items() if k in body},
            date_values={k: v for k, v in every.date_values.items() if k in body},
        )
