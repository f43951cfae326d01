"""The trash: deleted articles kept whole, so `restore` brings them back exactly as they were.

`trash.json` (TinyDB, table `trash`, one document per deleted article, keyed like `articles.json`) holds
each deleted article's metadata document, its user flags (read, starred, tags) and its annotations, with
the time it was deleted. A deleted article is not in `articles.json`, so the list, search, timeline and
exports never see it; its text stays in the body store and its analysis in `analysis/` (both keyed by
content or id, so they are valid again on restore).

Deleting and restoring each change several files (articles, user flag shards, annotation shards, the
trash): each is ONE change through `LibraryFiles.commit` (the journal), so after a crash the library is
entirely as before or entirely as after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from store.annotations import now
from store.articles import check_hex_id
from store.errors import ArticleNotMoved, Gone, LibraryError
from store.ids import doc_id, normalise_url, shard
from store.records import ArticleMeta
from store.serialise import meta_from_doc

if TYPE_CHECKING:
    from store.articles import Articles
    from store.files import LibraryFiles
    from store.tinyfile import Tables, TinyFile

TRASH_FILE = "trash.json"
TABLE = "trash"


@dataclass(frozen=True, slots=True)
class TrashedArticle:
    """A deleted article as `briefing list --trash` shows it."""

    meta: ArticleMeta
    deleted: str  # when (UTC, ISO 8601)
    annotations: int  # how many annotations wait with it


def without_docs(tiny: TinyFile, name: str, doc_ids: Iterable[int]) -> Tables:
    """The file's tables with the documents `doc_ids` left out of table `name` (the cache untouched)."""
    tables = dict(tiny.storage.read() or {})
    table = dict(tables.get(name, {}))
    for did in doc_ids:
        table.pop(str(did), None)
    tables[name] = table
    return tables


def with_docs(tiny: TinyFile, name: str, docs: Mapping[int, dict[str, Any]]) -> Tables:
    """The file's tables with `docs` put into table `name` (TinyFile.with_docs on a fresh read)."""
    return tiny.with_docs(name, docs)


class Trash:
    """The trash of one library (see the module docstring)."""

    def __init__(self, articles: Articles) -> None:
        self.articles = articles
        self.files: LibraryFiles = articles.files

    @property
    def file(self) -> TinyFile:
        return self.files.file(TRASH_FILE)

    def _docs(self) -> dict[str, Any]:
        if not self.file.exists():
            return {}
        return self.file.raw(TABLE)

    # -- reading ------------------------------------------------------------------------------------------
    def entries(self) -> list[TrashedArticle]:
        """The deleted articles, most recently deleted first."""
        found = [
            TrashedArticle(
                meta_from_doc(entry["article"], entry.get("flags")),
                entry.get("deleted", ""),
                len(entry.get("annotations", {})),
            )
            for entry in self._docs().values()
        ]
        found.sort(key=lambda t: (t.deleted, t.meta.id), reverse=True)
        return found

    def resolve_id(self, prefix: str) -> str:
        """The id of the one deleted article whose id starts with `prefix` (KeyError: none; LibraryError:
        several)."""
        wanted = prefix.strip().lower()
        if not wanted:
            raise KeyError(prefix)
        found = [entry["id"] for entry in self._docs().values() if entry["id"].startswith(wanted)]
        if wanted in found:
            return wanted
        if not found:
            raise KeyError(prefix)
        if len(found) > 1:
            raise LibraryError(
                f"{prefix!r} matches {len(found)} deleted articles; give more characters of the id"
            )
        return found[0]

    def holding(self, article_id: str, path: str | None, url: str | None) -> str | None:
        """The id of the deleted article that is this one (same id, file or URL), else None."""
        docs = self._docs()
        if not docs:
            return None
        if str(doc_id(article_id)) in docs:
            return article_id
        url_key = normalise_url(url) if url else None
        for entry in docs.values():
            article = entry["article"]
            if (path and article.get("path") == path) or (
                url_key and article.get("url") and normalise_url(article["url"]) == url_key
            ):
                return str(entry["id"])
        return None

    def bodies(self) -> set[str]:
        """The text keys deleted articles use (kept on disk while they are in the trash)."""
        return {entry["article"]["body"] for entry in self._docs().values()}

    # -- changes ------------------------------------------------------------------------------------------
    def delete(self, article_ids: Iterable[str]) -> list[str]:
        """Move articles (full ids; KeyError for one not in the library) to the trash in one change."""
        ids = list(dict.fromkeys(article_ids))
        files = self.files
        with files.writing():
            articles_file = files.articles_file
            live = articles_file.raw("articles")
            for aid in ids:
                if str(check_hex_id(aid)) not in live:
                    raise Gone(aid)
            if not ids:
                return []
            when = now()
            entries: dict[int, dict[str, Any]] = {}
            flags_gone: dict[str, list[int]] = {}
            notes_gone: dict[str, list[int]] = {}
            for aid in ids:
                did = doc_id(aid)
                flags_file = files.shard_file("user", shard(aid))
                flags = flags_file.raw("flags").get(str(did)) if flags_file.exists() else None
                if flags is not None:
                    flags_gone.setdefault(shard(aid), []).append(did)
                notes_file = files.shard_file("annotations", shard(aid))
                notes: dict[str, Any] = {}
                if notes_file.exists():
                    notes = {
                        sid: doc
                        for sid, doc in notes_file.raw("annotations").items()
                        if doc["article_id"] == aid
                    }
                notes_gone.setdefault(shard(aid), []).extend(int(sid) for sid in notes)
                # An earlier deleted copy of it (a restore was refused because it came back meanwhile):
                # its annotations join this one's, so deleting again loses none of them.
                earlier = self._docs().get(str(did), {}).get("annotations", {})
                entries[did] = {
                    "id": aid,
                    "deleted": when,
                    "article": dict(live[str(did)]),
                    "flags": dict(flags) if flags is not None else None,
                    "annotations": {sid: dict(doc) for sid, doc in {**earlier, **notes}.items()},
                }
            changes: list[tuple[TinyFile, Tables]] = [
                (articles_file, without_docs(articles_file, "articles", (doc_id(a) for a in ids))),
                (self.file, with_docs(self.file, TABLE, entries)),
            ]
            for key, dids in flags_gone.items():
                tiny = files.shard_file("user", key)
                changes.append((tiny, without_docs(tiny, "flags", dids)))
            for key, dids in notes_gone.items():
                if dids:
                    tiny = files.shard_file("annotations", key)
                    changes.append((tiny, without_docs(tiny, "annotations", dids)))
            files.commit(changes)
        return ids

    def restore(self, article_ids: Iterable[str]) -> list[str]:
        """Bring deleted articles (full ids; KeyError for one not in the trash) back in one change, with
        their flags and annotations. LibraryError when one of them is in the library again."""
        ids = list(dict.fromkeys(article_ids))
        files = self.files
        with files.writing():
            trashed = self._docs()
            articles_file = files.articles_file
            live = articles_file.raw("articles")
            for aid in ids:
                did = str(check_hex_id(aid))
                if did not in trashed:
                    raise Gone(aid)
                if did in live:
                    raise ArticleNotMoved(
                        f"{aid[:12]} is in the library again (imported since it was deleted); "
                        "delete that one first to restore the deleted copy",
                        aid,
                    )
            if not ids:
                return []
            restored: dict[int, dict[str, Any]] = {}
            flags_back: dict[str, dict[int, dict[str, Any]]] = {}
            notes_back: dict[str, dict[int, dict[str, Any]]] = {}
            for aid in ids:
                entry = trashed[str(doc_id(aid))]
                restored[doc_id(aid)] = entry["article"]
                if entry.get("flags") is not None:
                    flags_back.setdefault(shard(aid), {})[doc_id(aid)] = entry["flags"]
                for sid, doc in entry.get("annotations", {}).items():
                    notes_back.setdefault(shard(aid), {})[int(sid)] = doc
            changes: list[tuple[TinyFile, Tables]] = [
                (articles_file, with_docs(articles_file, "articles", restored)),
                (self.file, without_docs(self.file, TABLE, restored)),
            ]
            for key, docs in flags_back.items():
                tiny = files.shard_file("user", key)
                changes.append((tiny, with_docs(tiny, "flags", docs)))
            for key, docs in notes_back.items():
                tiny = files.shard_file("annotations", key)
                changes.append((tiny, with_docs(tiny, "annotations", docs)))
            files.commit(changes)
        return ids
