"""Articles: their metadata documents, bodies and the user's flags (read, starred, tags), and the UI state.

`articles.json` holds one metadata document per article (no text; `body` is the key of its text in the
body store); `user/<2 hex>.json` the flags, 256 shards by article id; `meta.json`'s `state` table what the
app remembers between sessions. The fields of a metadata document are those of `ArticleMeta` that
describe the article (not the user's flags), plus `body`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from store.bulk import collector_paused
from store.errors import Gone, LibraryCorrupt, LibraryError
from store.ids import doc_id, key_doc_id, normalise_url, shard
from store.records import Article, ArticleMeta, ArticleRow
from store.serialise import meta_from_doc

if TYPE_CHECKING:
    from store.files import LibraryFiles
    from store.ingest import ParsedArticle

FLAG_FIELDS = ("read", "starred")
# The stored descriptive fields, in ArticleMeta's order (id first); the user's flags live in `user/`.
DOC_FIELDS = tuple(f.name for f in fields(ArticleMeta) if f.name not in FLAG_FIELDS)


class ArticleTextMissing(LibraryCorrupt):
    """An article's text file is missing or damaged: the article is left out of timelines and exports."""


def check_hex_id(value: str) -> int:
    """The document id of a hex id; KeyError for anything that is not one."""
    try:
        return doc_id(value)
    except (TypeError, ValueError):
        raise KeyError(value) from None


def article_doc(article_id: str, parsed: ParsedArticle, body: str) -> dict[str, Any]:
    """The metadata document of a parsed article whose text is stored under `body`; empty fields left out."""
    doc: dict[str, Any] = {}
    for name in DOC_FIELDS:
        value = article_id if name == "id" else getattr(parsed, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        doc[name] = value
    doc["body"] = body
    return {k: v for k, v in doc.items() if v not in (None, [])}


# The list's order, newest publication first (undated last), then by title, as one string per article:
# the ISO date with each digit inverted (so that ascending order is newest first) and the case-folded title.
_INVERTED_DIGITS = str.maketrans("0123456789", "9876543210")
_UNDATED = "~" * 10  # after every inverted date
# Lists at least this long are built with the garbage collector paused and then frozen (store.bulk).
BULK_ROWS = 20_000


def _inverted(published: str) -> str:
    """The part of a sort key for a stored publication date (valid: the record check passed it)."""
    iso = published  # ISO already, except in a hand-edited file ("20210105" reads as a date too)
    if len(iso) != 10 or not iso[4] == "-" == iso[7]:
        iso = date.fromisoformat(published).isoformat()
    return iso.translate(_INVERTED_DIGITS)


def _rows(
    docs: Iterable[dict[str, Any]], flags: dict[str, dict[str, Any]]
) -> tuple[list[ArticleMeta], list[str]]:
    """The list's rows (`ArticleRow`: the id and the stored document at once, the other fields when first
    asked for) and the sort key of each. Called once per article when the list is built, so it avoids
    every avoidable step: a row is five stores through the slots' own descriptors, the sort keys are
    made by one comprehension, and the date part of a key once per distinct date."""
    docs = docs if isinstance(docs, list) else list(docs)
    new = object.__new__
    set_doc, set_id, set_flags = _SET_DOC, _SET_ID, _SET_FLAGS
    set_read, set_starred = _SET_READ, _SET_STARRED
    user_of = flags.get
    rows: list[ArticleMeta] = []
    add_row = rows.append
    for doc in docs:
        aid = doc["id"]
        row = new(ArticleRow)
        set_doc(row, doc)  # article documents are replaced, never changed in place
        set_id(row, aid)
        user = user_of(aid)
        if user is None:  # unread and unstarred, known without filling the row (the list counts unread)
            set_flags(row, None)
            set_read(row, False)
            set_starred(row, False)
        else:  # TinyDB changes a flags document in place (a star, new tags): keep what the row was made with
            read, starred = bool(user.get("read", False)), bool(user.get("starred", False))
            set_flags(row, {"tags": user.get("tags"), "read": read, "starred": starred})
            set_read(row, read)
            set_starred(row, starred)
        add_row(row)
    days = {day: _inverted(day) if day else _UNDATED for day in {doc.get("published") for doc in docs}}
    keys = [days[doc.get("published")] + (doc.get("title") or "(untitled)").casefold() for doc in docs]
    return rows, keys


# The slots' descriptors, called directly (ArticleMeta is frozen: its own __setattr__ refuses).
_SET_DOC = ArticleRow.__dict__["_doc"].__set__
_SET_FLAGS = ArticleRow.__dict__["_flags"].__set__
_SET_ID = ArticleMeta.__dict__["id"].__set__
_SET_READ = ArticleMeta.__dict__["read"].__set__
_SET_STARRED = ArticleMeta.__dict__["starred"].__set__


class Articles:
    """The articles of one library (see the module docstring)."""

    def __init__(self, files: LibraryFiles) -> None:
        self.files = files
        self._list_cache: tuple[Any, list[ArticleMeta]] | None = None
        self._flags_cache: tuple[Any, dict[str, dict[str, Any]]] | None = None
        self._index_cache: tuple[Any, dict[str, str], dict[str, str]] | None = None

    # -- reading ------------------------------------------------------------------------------------------
    def doc(self, article_id: str) -> dict[str, Any]:
        """The article's metadata document; KeyError if there is none."""
        doc = self.files.articles_file.raw("articles").get(str(check_hex_id(article_id)))
        if doc is None:
            raise Gone(article_id)
        return doc

    def docs(self, article_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """`doc` of each article, the articles file looked at once (not once per article)."""
        table = self.files.articles_file.raw("articles")
        for article_id in article_ids:
            doc = table.get(str(check_hex_id(article_id)))
            if doc is None:
                raise Gone(article_id)
            yield doc

    def body(self, doc: dict[str, Any]) -> str:
        """The text of the article `doc` describes; ArticleTextMissing (with a notice, once) if it is gone."""
        try:
            return self.files.bodies.get(doc["body"])
        except LibraryCorrupt as exc:
            title = doc.get("title") or "(untitled)"
            where = f" (imported from {doc['path']})" if doc.get("path") else ""
            self.files.notice_once(
                f"The text of {title!r} [{doc['id'][:12]}] cannot be read ({exc}); the article is left out "
                f"of timelines and exports. Import its file again to restore it{where}."
            )
            raise ArticleTextMissing(str(exc)) from exc

    def _flags(self) -> dict[str, dict[str, Any]]:
        files = self.files
        shards = [(key, files.shard_file("user", key)) for key in files.existing_shards("user")]
        tables = [(key, tiny.raw("flags"), tiny.storage.version) for key, tiny in shards]
        cache_key = tuple((key, version) for key, _, version in tables)
        if self._flags_cache is not None and self._flags_cache[0] == cache_key:
            return self._flags_cache[1]
        merged = {doc["id"]: doc for _, table, _ in tables for doc in table.values()}
        self._flags_cache = (cache_key, merged)
        return merged

    def metas(self) -> list[ArticleMeta]:
        """Every article's metadata, newest publication first (undated last), then by title."""
        articles_file = self.files.articles_file
        docs = articles_file.raw("articles")
        flags = self._flags()
        cache_key = (articles_file.storage.version, self._flags_cache and self._flags_cache[0])
        if self._list_cache is not None and self._list_cache[0] == cache_key:
            return list(self._list_cache[1])
        with collector_paused(freeze=len(docs) >= BULK_ROWS):
            rows, keys = _rows(docs.values(), flags)
            order = sorted(range(len(rows)), key=keys.__getitem__)  # stable: ties in file order
            metas = list(map(rows.__getitem__, order))
        self._list_cache = (cache_key, metas)
        return list(metas)

    def article(self, article_id: str) -> Article:
        """The article with its body; KeyError if there is none with this id."""
        doc = self.doc(article_id)
        flags = self.files.shard_file("user", shard(article_id)).raw("flags").get(str(doc_id(article_id)))
        return Article(meta=meta_from_doc(doc, flags), body=self.files.bodies.get(doc["body"]))

    def resolve_id(self, prefix: str) -> str:
        """The id of the one article whose id starts with `prefix` (KeyError: none; LibraryError: several)."""
        wanted = prefix.strip().lower()
        docs = self.files.articles_file.raw("articles")
        if not wanted:
            raise KeyError(prefix)
        with contextlib.suppress(KeyError):
            self.doc(wanted)
            return wanted
        found = [doc["id"] for doc in docs.values() if doc["id"].startswith(wanted)]
        if not found:
            raise KeyError(prefix)
        if len(found) > 1:
            raise LibraryError(f"{prefix!r} matches {len(found)} articles; give more characters of the id")
        return found[0]

    def indexes(self, docs: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        """Article ids by file path and by normalised URL (cached per version of the articles file)."""
        version = self.files.articles_file.storage.version
        if self._index_cache is None or self._index_cache[0] != version:
            by_path = {doc["path"]: doc["id"] for doc in docs.values() if doc.get("path")}
            by_url = {normalise_url(doc["url"]): doc["id"] for doc in docs.values() if doc.get("url")}
            self._index_cache = (version, by_path, by_url)
        return self._index_cache[1], self._index_cache[2]

    def all_tags(self) -> list[str]:
        return sorted({tag for meta in self.metas() for tag in meta.tags}, key=lambda t: (t.casefold(), t))

    # -- the user's flags ---------------------------------------------------------------------------------
    def set_flags(self, article_id: str, **values: Any) -> None:
        self.doc(article_id)
        did = doc_id(article_id)
        with self.files.writing():
            tiny = self.files.shard_file("user", shard(article_id))
            table = tiny.table("flags")
            if str(did) in tiny.raw("flags"):
                table.update(values, doc_ids=[did])
            else:
                table.insert(Document({"id": article_id, **values}, doc_id=did))

    # -- UI state -----------------------------------------------------------------------------------------
    def get_state(self, key: str, default: Any = None) -> Any:
        doc = self.files.meta_file.raw("state").get(str(key_doc_id(key)))
        return default if doc is None else doc.get("value", default)

    def set_state(self, key: str, value: Any) -> None:
        try:
            json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"state {key!r} must be JSON-serialisable: {exc}") from None
        with self.files.writing():
            tiny = self.files.meta_file
            did = key_doc_id(key)
            if str(did) in tiny.raw("state"):
                tiny.table("state").update({"key": key, "value": value}, doc_ids=[did])
            else:
                tiny.table("state").insert(Document({"key": key, "value": value}, doc_id=did))
