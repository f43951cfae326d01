"""Feed subscriptions, kept in the library folder (`feeds.json`, a TinyDB file written atomically through
`AtomicJSONStorage` under the library's write lock), and updating them.

A subscription records its URL (or the absolute path of a local feed file), title, site, the validators
for conditional GET (ETag, Last-Modified), when it was last checked and the last error, the keys of the
items already taken (GUID and canonical URL, so a second update adds nothing) and the ids of the articles
it brought in (for counts, a per-feed view, and delete/restore).

`update_feeds` fetches every feed concurrently (a thread pool; a per-host politeness limit; a timeout),
imports the new items through `Library.import_articles` and then records what it took: after a crash the
next update finds those articles by URL and reports them as already present, so nothing is lost or doubled.
Items whose feed carries only a summary get their page fetched and its main text extracted; when that
fails the summary is kept and the article tagged `summary only`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from store.errors import LibraryReadOnly
from store.ids import key_doc_id, normalise_url
from store.ingest.fetch import FEED_TYPES, FetchError, HostLimiter, fetch, is_web_url, new_client
from store.ingest.reader import IngestError, ParsedArticle
from store.records import ImportStep
from store.tinyfile import TinyFile

if TYPE_CHECKING:
    import httpx

    from store.ingest.feeds import FeedItem, ParsedFeed
    from store.library import Library

MAX_ITEMS = 200  # new items taken from one feed per update, newest first (the rest wait for the next one)
MAX_SEEN = 20_000  # item keys remembered per feed
SUMMARY_TAG = "summary only"
FEED_WORKERS = 8
PAGE_WORKERS = 4


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription as the commands and the app see it."""

    url: str  # http(s) URL, or the absolute path of a local feed file
    title: str
    site_url: str | None = None
    added: str = ""
    checked: str | None = None  # last update attempt (UTC, ISO 8601)
    updated: str | None = None  # last successful update
    error: str | None = None  # the last update's failure, None when it succeeded
    article_ids: tuple[str, ...] = ()

    @property
    def is_local(self) -> bool:
        return not is_web_url(self.url)


@dataclass(slots=True)
class FeedResult:
    """What one feed's update did: counts of items added, already present and failed; `error` when the
    feed itself could not be read."""

    url: str
    title: str
    new: int = 0
    present: int = 0
    failed: int = 0
    error: str | None = None
    not_modified: bool = False
    notes: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "new": self.new,
            "present": self.present,
            "failed": self.failed,
            "error": self.error,
            "not_modified": self.not_modified,
            "notes": list(self.notes),
            "articles": list(self.article_ids),
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def feed_key(url: str) -> str:
    """How subscriptions are matched: a normalised URL, or the absolute path of a local file."""
    return normalise_url(url) if is_web_url(url) else os.path.abspath(os.path.expanduser(url))


class FeedStore:
    """The library's feed subscriptions. Made by `Library.feed_store()`; thread-safe like the library."""

    TABLE = "feeds"

    def __init__(
        self, tiny: TinyFile, writing: Callable[[], AbstractContextManager[None]], lock: threading.RLock
    ) -> None:
        self._tiny = tiny
        self._writing = writing
        self._lock = lock

    # -- reading ----------------------------------------------------------------------------------------
    def _docs(self) -> dict[str, dict[str, Any]]:
        return self._tiny.raw(self.TABLE)

    @staticmethod
    def _feed(doc: dict[str, Any]) -> Feed:
        return Feed(
            url=doc["url"],
            title=doc.get("title") or doc["url"],
            site_url=doc.get("site_url"),
            added=doc.get("added", ""),
            checked=doc.get("checked"),
            updated=doc.get("updated"),
            error=doc.get("error"),
            article_ids=tuple(doc.get("articles", ())),
        )

    def list(self) -> list[Feed]:
        """Every subscription, by title."""
        with self._lock:
            feeds = [self._feed(doc) for doc in self._docs().values()]
        return sorted(feeds, key=lambda f: (f.title.casefold(), f.url))

    def get(self, url: str) -> Feed | None:
        with self._lock:
            doc = self._docs().get(str(key_doc_id(feed_key(url))))
            return self._feed(doc) if doc is not None else None

    def _state(self, url: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._docs().get(str(key_doc_id(feed_key(url))), {}))

    def seen(self, url: str) -> set[str]:
        return set(self._state(url).get("seen", ()))

    def validators(self, url: str) -> tuple[str | None, str | None]:
        state = self._state(url)
        return state.get("etag"), state.get("last_modified")

    # -- writing ----------------------------------------------------------------------------------------
    def add(self, url: str, title: str | None = None, site_url: str | None = None) -> bool:
        """Subscribe; False when already subscribed (its title is then left as it is)."""
        key = feed_key(url)
        stored = url.strip() if is_web_url(url) else key
        did = key_doc_id(key)
        with self._lock, self._writing():
            if str(did) in self._docs():
                return False
            doc = {"url": stored, "title": title or stored, "site_url": site_url, "added": _now()}
            self._tiny.table(self.TABLE).insert(Document(doc, doc_id=did))
            return True

    def remove(self, url: str) -> Feed:
        """Unsubscribe (its articles stay in the library); KeyError when not subscribed."""
        did = key_doc_id(feed_key(url))
        with self._lock, self._writing():
            doc = self._docs().get(str(did))
            if doc is None:
                raise KeyError(url)
            feed = self._feed(doc)
            self._tiny.table(self.TABLE).remove(doc_ids=[did])
            return feed

    def record(self, url: str, **changes: Any) -> None:
        """Save what an update learnt about one feed (see `record_many`)."""
        self.record_many([(url, changes)])

    def record_many(self, updates: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Save what an update learnt, in one write: title, site, validators, error, checked/updated
        times; `seen` and `articles` are added to the stored ones. Unsubscribed feeds are skipped."""
        with self._lock, self._writing():
            docs = self._docs()
            new_docs: dict[int, dict[str, Any]] = {}
            for url, changes in updates:
                did = key_doc_id(feed_key(url))
                doc = new_docs.get(did) or docs.get(str(did))
                if doc is not None:
                    new_docs[did] = _merged(doc, changes)
            if new_docs:
                self._tiny.put_docs(self.TABLE, new_docs)


def _merged(doc: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    new = {**doc, **{k: v for k, v in changes.items() if k not in ("seen", "articles")}}
    for name, limit in (("seen", MAX_SEEN), ("articles", None)):
        if changes.get(name):
            values = list(doc.get(name, ()))
            known = set(values)
            for value in changes[name]:
                if value not in known:
                    known.add(value)
                    values.append(value)
            new[name] = values[-limit:] if limit else values
    return new


# -------------------------------------------------------------------------------------------------------
# fetching and reading a feed


@dataclass(slots=True)
class _Collected:
    feed: Feed
    result: FeedResult
    articles: list[ParsedArticle] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # item keys to remember once imported
    validators: dict[str, Any] = field(default_factory=dict)
    parsed: ParsedFeed | None = None


def read_feed_source(
    url: str,
    *,
    client: httpx.Client,
    limiter: HostLimiter | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> tuple[ParsedFeed | None, dict[str, Any]]:
    """Fetch (or read, for a local file) and parse one feed: (None when not modified, new validators)."""
    from store.ingest.feeds import parse_feed
    from store.ingest.reader import read_bytes

    if not is_web_url(url):
        if "://" in url:
            raise IngestError("only http:// and https:// feed URLs (or local files) can be used")
        path = Path(feed_key(url))  # a relative path or ~ made absolute, as the subscription keeps it
        return parse_feed(read_bytes(path), path.as_uri()), {}
    fetched = fetch(
        url,
        client=client,
        accept=FEED_TYPES,
        what="feed",
        etag=etag,
        last_modified=last_modified,
        limiter=limiter,
    )
    if fetched.not_modified:
        return None, {}
    parsed = parse_feed(fetched.body, fetched.url, fetched.content_type)
    return parsed, {"etag": fetched.etag, "last_modified": fetched.last_modified}


def _item_keys(item: FeedItem) -> list[str]:
    keys = [item.key]
    if item.link:
        keys.append("url:" + normalise_url(item.link))
    return keys


def _article(
    item: FeedItem,
    feed_title: str,
    feed_url: str,
    client: httpx.Client,
    limiter: HostLimiter | None,
    fetch_pages: bool,
) -> tuple[ParsedArticle | None, list[str]]:
    """The item as an article: its own text when full, else its page's main text, else its summary."""
    from store.ingest.web import fetch_page

    notes = [f"{item.title[:60]!r}: {n}" for n in item.notes]
    path = item.link or f"{feed_url}#{item.key}"
    page: ParsedArticle | None = None
    if not item.full and item.link and fetch_pages:
        try:
            page = fetch_page(item.link, client=client, limiter=limiter)
        except (FetchError, IngestError) as exc:
            notes.append(f"{item.title[:60]!r}: full text not available ({exc}); the feed's summary was kept")
    if page is not None:
        return ParsedArticle(
            path=path,
            title=item.title if item.title != "(untitled)" else page.title,
            body=page.body,
            published=item.published or page.published,
            source=page.source or feed_title,
            url=item.link,
            author=item.author or page.author,
        ), notes
    if len(item.text.split()) == 0:
        notes.append(f"{item.title[:60]!r}: the item has no text and no readable page; skipped")
        return None, notes
    tags = () if item.full else (SUMMARY_TAG,)
    return ParsedArticle(
        path=path,
        title=item.title,
        body=item.text + "\n",
        published=item.published,
        source=feed_title,
        url=item.link,
        author=item.author,
        tags=tags,
    ), notes


def _collect(
    feed: Feed,
    seen: set[str],
    known_urls: set[str],
    validators: tuple[str | None, str | None],
    *,
    client: httpx.Client,
    limiter: HostLimiter | None,
    max_items: int,
    fetch_pages: bool,
) -> _Collected:
    """Everything about one feed that needs the network (runs in a worker thread)."""
    out = _Collected(feed, FeedResult(feed.url, feed.title))
    try:
        parsed, out.validators = read_feed_source(
            feed.url, client=client, limiter=limiter, etag=validators[0], last_modified=validators[1]
        )
    except (FetchError, IngestError) as exc:
        out.result.error = str(exc)
        return out
    if parsed is None:
        out.result.not_modified = True
        return out
    out.parsed = parsed
    out.result.title = parsed.title
    out.result.notes.extend(parsed.warnings)
    fresh: list[FeedItem] = []
    taken: set[str] = set()
    for item in parsed.items:
        keys = _item_keys(item)
        if any(k in seen or k in taken for k in keys) or (
            item.link and normalise_url(item.link) in known_urls
        ):
            out.result.present += 1
            out.keys.extend(k for k in keys if k not in seen)
            continue
        taken.update(keys)
        fresh.append(item)
    fresh.sort(key=lambda i: i.published.toordinal() if i.published else 0, reverse=True)
    if len(fresh) > max_items:
        out.result.notes.append(
            f"{len(fresh)} new items; the newest {max_items} were taken, the rest come with the next updates"
        )
        fresh = fresh[:max_items]

    def one(item: FeedItem) -> tuple[FeedItem, ParsedArticle | None, list[str]]:
        article, notes = _article(item, parsed.title, feed.url, client, limiter, fetch_pages)
        return item, article, notes

    workers = max(1, min(PAGE_WORKERS, sum(1 for i in fresh if not i.full and i.link)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for item, article, notes in pool.map(one, fresh):
            out.result.notes.extend(notes)
            if article is None:
                out.result.failed += 1
                continue
            out.articles.append(article)
            out.keys.extend(_item_keys(item))
    return out


# -------------------------------------------------------------------------------------------------------
# updating


def update_feeds(
    library: Library,
    urls: Iterable[str] | None = None,
    *,
    progress: Callable[[FeedResult, int, int], None] | None = None,
    client: httpx.Client | None = None,
    limiter: HostLimiter | None = None,
    workers: int = FEED_WORKERS,
    max_items: int = MAX_ITEMS,
    fetch_pages: bool = True,
    analyze: bool = False,
) -> list[FeedResult]:
    """Update the given subscriptions (default: all) concurrently; one result per feed, in the order the
    feeds finished. `progress(result, done, total)` is called in the caller's thread as each finishes."""
    if library.read_only:
        raise LibraryReadOnly("the library is open read-only; no feed was updated")
    store = library.feed_store()
    feeds, results = _selected(store, urls)
    total = len(feeds) + len(results)
    for n, result in enumerate(results, start=1):
        if progress:
            progress(result, n, total)
    if not feeds:
        return results
    known_urls = {normalise_url(m.url) for m in library.articles() if m.url}
    own = client is None
    client = client or new_client(max_connections=max(workers, PAGE_WORKERS))
    limiter = limiter or HostLimiter()
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(feeds)))) as pool:
            futures = [
                pool.submit(
                    _collect,
                    feed,
                    store.seen(feed.url),
                    known_urls,
                    store.validators(feed.url),
                    client=client,
                    limiter=limiter,
                    max_items=max_items,
                    fetch_pages=fetch_pages,
                )
                for feed in feeds
            ]
            pending = set(futures)
            while pending:
                # Import what has finished while the other feeds are still being fetched: one import
                # (and one save) per batch, however many feeds finished meanwhile.
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for result in _save(library, store, [f.result() for f in done], analyze):
                    results.append(result)
                    if progress:
                        progress(result, len(results), total)
    finally:
        if own:
            client.close()
    return results


def _selected(store: FeedStore, urls: Iterable[str] | None) -> tuple[list[Feed], list[FeedResult]]:
    if urls is None:
        return store.list(), []
    feeds: list[Feed] = []
    missing: list[FeedResult] = []
    for url in urls:
        feed = store.get(url)
        if feed is None:
            missing.append(FeedResult(url, url, error="not subscribed (add it with: briefing feeds add URL)"))
        elif feed not in feeds:
            feeds.append(feed)
    return feeds, missing


def _save(library: Library, store: FeedStore, batch: list[_Collected], analyze: bool) -> list[FeedResult]:
    """Import the new articles of the feeds that finished (in one import, in the caller's thread) and
    record their updates (in one write)."""
    owners: dict[str, list[FeedResult]] = {}
    articles: list[ParsedArticle] = []
    for collected in batch:
        for article in collected.articles:
            owners.setdefault(article.path, []).append(collected.result)
            articles.append(article)
    if articles:
        counters = {path: list(results) for path, results in owners.items()}

        def attribute(step: ImportStep) -> None:
            queue = counters.get(step.path)
            if not queue:
                return
            result = queue.pop(0)
            if step.status in ("added", "updated"):
                result.new += 1
            elif step.status in ("present", "trashed"):  # a deleted item stays deleted
                result.present += 1
            else:
                result.failed += 1
                result.notes.append(f"{step.path}: {step.message}")
            if step.article_id:
                result.article_ids.append(step.article_id)

        library.import_articles(articles, progress=attribute, analyze=analyze)
    now = _now()
    updates: list[tuple[str, dict[str, Any]]] = []
    for collected in batch:
        result = collected.result
        if result.error is not None:
            updates.append((collected.feed.url, {"checked": now, "error": result.error}))
            continue
        changes: dict[str, Any] = {"checked": now, "updated": now, "error": None, "seen": collected.keys}
        changes["articles"] = result.article_ids
        if collected.parsed is not None:
            changes["title"] = collected.parsed.title
            changes["site_url"] = collected.parsed.site_url
            changes.update(collected.validators)
        updates.append((collected.feed.url, changes))
    store.record_many(updates)
    return [collected.result for collected in batch]


def feed_counts(library: Library, feeds: Iterable[Feed]) -> dict[str, int]:
    """How many of each feed's articles are still in the library, by feed URL."""
    present = {m.id for m in library.articles()}
    return {feed.url: sum(1 for aid in feed.article_ids if aid in present) for feed in feeds}


def subscribe(
    library: Library, url: str, *, client: httpx.Client | None = None
) -> tuple[Feed, bool, str | None]:
    """Check that `url` (or a local file) is a feed and subscribe to it: (feed, newly added, note).

    A web page that announces its feed (<link rel="alternate" type="application/rss+xml">) subscribes to
    that feed. Raises FetchError or IngestError (one-line reasons); nothing is stored then.
    """
    from store.ingest.feeds import feed_links, parse_feed

    existing = library.feed_store().get(url)
    if existing is not None:
        return existing, False, None
    note = None
    own = client is None
    client = client or new_client()
    parsed: ParsedFeed | None
    try:
        if is_web_url(url):
            fetched = fetch(url, client=client, accept=FEED_TYPES, what="feed")
            try:
                parsed = parse_feed(fetched.body, fetched.url, fetched.content_type)
            except IngestError:
                links = feed_links(fetched.body, fetched.url)
                if not links:
                    raise
                url = links[0]
                note = f"the page announces the feed {url}; subscribed to that"
                found, _ = read_feed_source(url, client=client)
                assert found is not None
                parsed = found
        else:
            found, _ = read_feed_source(url, client=client)
            assert found is not None
            parsed = found
    finally:
        if own:
            client.close()
    assert parsed is not None
    store = library.feed_store()
    added = store.add(url, parsed.title, parsed.site_url)
    feed = store.get(url)
    assert feed is not None
    return feed, added, note
