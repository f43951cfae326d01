"""Benchmark page extraction and feed updates against plain peers in the same run (all local, offline).

extraction  pages/s of `store.ingest.html.parse_html` (main text + metadata + our cleaning) against
            trafilatura alone (`bare_extraction` with metadata) on the same invented news pages
quality     on the same pages, whose true article text is known: share of the article's words recovered,
            share of the output that is page furniture (navigation, ads, "most read", comments,
            footers), exact titles and dates; ours against trafilatura's `extract` (its defaults, and
            with comments off)
feeds       50 local feeds of 20 items (10 local servers on 127.0.0.1, 5 feeds each, every response
            delayed by --latency to stand in for the network) imported into a fresh library by
            `update_feeds` against a plain sequential loop (fetch, parse, import, one feed after another);
            and the time feedparser alone needs for the same 50 documents

  .venv/bin/python benchmarks/bench_ingest.py [--rounds 5] [--latency 0.05]
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.feeds import update_feeds
from store.ingest.fetch import HostLimiter, new_client
from store.ingest.html import parse_html
from store.ingest.reader import ParsedArticle
from store.library import Library
from tests.http_support import LocalServer
from tests.web_fixtures import BOILERPLATE, LAYOUTS, STORIES, Story, page_bytes, rfc822, rss, story_html

_WORD = re.compile(r"\w+")
_FURNITURE = {w.casefold() for w in BOILERPLATE}


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def _pages() -> list[tuple[Story, str, bytes]]:
    return [(story, layout, page_bytes(story, layout)) for story in STORIES for layout in LAYOUTS]


def _rate(fn: Callable[[bytes], object], pages: list[bytes], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for raw in pages:
            fn(raw)
        best = min(best, time.perf_counter() - started)
    return len(pages) / best


def extraction(rounds: int) -> None:
    import trafilatura

    pages = [raw for _, _, raw in _pages()]
    ours = _rate(lambda raw: parse_html(raw, "/bench.html"), pages, rounds)
    peer = _rate(
        lambda raw: trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False),
        pages,
        rounds,
    )
    print(f"extraction ({len(pages)} pages, best of {rounds})")
    print(f"  ours (parse_html)                 {ours:7.1f} pages/s")
    print(f"  trafilatura alone (bare_extraction) {peer:5.1f} pages/s   ours/peer {ours / peer:.2f}")


def quality() -> None:
    import trafilatura

    rows: dict[str, list[tuple[float, float, bool, bool]]] = {
        "ours": [],
        "trafilatura": [],
        "trafilatura-nc": [],
    }
    for story, _, raw in _pages():
        truth = _words("\n".join(story.paragraphs))
        parsed = parse_html(raw, "/q.html")
        outputs = {
            "ours": (parsed.body, parsed.title, parsed.published),
            "trafilatura": _peer(trafilatura, raw, comments=True),
            "trafilatura-nc": _peer(trafilatura, raw, comments=False),
        }
        for name, (text, title, published) in outputs.items():
            got = _words(text)
            recovered = sum((got & truth).values()) / sum(truth.values())
            total = sum(got.values()) or 1
            leaked = sum(n for w, n in got.items() if w in _FURNITURE and w not in truth) / total
            rows[name].append((recovered, leaked, title == story.title, published == story.published))
    n = len(rows["ours"])
    print(f"quality ({n} pages: {len(STORIES)} invented stories x {len(LAYOUTS)} site layouts)")
    print(
        "  extractor                 article words recovered  furniture words in output  exact titles  dates"
    )
    labels = {
        "ours": "ours",
        "trafilatura": "trafilatura.extract",
        "trafilatura-nc": "  same, comments off",
    }
    for name, values in rows.items():
        recall = sum(v[0] for v in values) / n
        leak = sum(v[1] for v in values) / n
        titles = sum(v[2] for v in values)
        dates = sum(v[3] for v in values)
        print(f"  {labels[name]:<25} {recall:>22.1%}  {leak:>25.2%}  {titles:>6}/{n}  {dates:>3}/{n}")


def _peer(trafilatura: object, raw: bytes, *, comments: bool) -> tuple[str, str | None, object]:
    from datetime import date

    text = trafilatura.extract(raw, include_comments=comments) or ""  # type: ignore[attr-defined]
    meta = trafilatura.extract_metadata(raw)  # type: ignore[attr-defined]
    title = meta.title if meta else None
    published = date.fromisoformat(meta.date[:10]) if meta and meta.date else None
    return text, title, published


# -- feeds ------------------------------------------------------------------------------------------------
def _serve_feeds(
    latency: float, servers: int = 10, per_server: int = 5, items: int = 20
) -> tuple[list, list[str]]:
    running: list[LocalServer] = []
    urls: list[str] = []
    for s in range(servers):
        server = LocalServer()
        server.thread.start()
        running.append(server)
        for f in range(per_server):
            entries = []
            for i in range(items):
                story = STORIES[(s + f + i) % len(STORIES)]
                entries.append(
                    {
                        "title": f"{story.title} ({s}.{f}.{i})",
                        "link": server.url(f"/article/{f}/{i}"),  # never fetched: items are full
                        "guid": f"urn:bench:{s}:{f}:{i}",
                        "pubDate": rfc822(story.published),
                        "content": story_html(story),
                    }
                )
            urls.append(
                server.add(
                    f"/feed{f}.xml",
                    rss(f"Feed {s}.{f}", entries),
                    content_type="application/rss+xml",
                    delay=latency,
                )
            )
    return running, urls


def _sequential(library: Library, urls: list[str]) -> int:
    """The plain loop: one feed after another, fetch, parse, import."""
    import feedparser

    from store.ingest.feeds import html_text

    added = 0
    with new_client() as client:
        for url in urls:
            data = client.get(url).content
            parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
            articles = [
                ParsedArticle(
                    path=entry.link,
                    title=entry.title,
                    body=html_text(entry.content[0].value) + "\n",
                    url=entry.link,
                    source=parsed.feed.get("title"),
                )
                for entry in parsed.entries
            ]
            added += len(library.import_articles(articles, analyze=False).added)
    return added


def feeds(latency: float, rounds: int) -> None:
    import feedparser

    running, urls = _serve_feeds(latency)
    try:
        ours_times, peer_times = [], []
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as tmp:
                with Library.open(Path(tmp) / "ours", import_samples=False) as library:
                    for url in urls:
                        library.feed_store().add(url)
                    started = time.perf_counter()
                    results = update_feeds(library, limiter=HostLimiter(spacing=0.0))
                    ours_times.append(time.perf_counter() - started)
                    assert sum(r.new for r in results) == len(urls) * 20, results
                with Library.open(Path(tmp) / "peer", import_samples=False) as library:
                    started = time.perf_counter()
                    assert _sequential(library, urls) == len(urls) * 20
                    peer_times.append(time.perf_counter() - started)
        documents = [server.routes[path].body for server in running for path in server.routes]
        started = time.perf_counter()
        for doc in documents:
            feedparser.parse(io.BytesIO(doc))
        parse_only = time.perf_counter() - started
    finally:
        for server in running:
            server.httpd.shutdown()
            server.httpd.server_close()
    ours, peer = min(ours_times), min(peer_times)
    n = len(urls)
    head = f"feeds ({n} feeds x 20 items on 10 local servers, {latency * 1000:.0f} ms per response"
    print(f"{head}, best of {rounds})")
    print(f"  ours (update_feeds, concurrent)   {n / ours:6.1f} feeds/s  ({ours:.2f} s)")
    print(f"  plain sequential loop             {n / peer:6.1f} feeds/s  ({peer:.2f} s)", end="")
    print(f"   ours/peer {peer / ours:.1f}x")
    print(f"  feedparser alone on the {n} documents: {parse_only:.2f} s;", end="")
    print(f" network wait of a sequential loop: {n * latency:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds each local response is delayed")
    args = parser.parse_args()
    extraction(args.rounds)
    quality()
    feeds(args.latency, args.rounds)


if __name__ == "__main__":
    main()
