"""Feed subscriptions and updates against a local server (127.0.0.1 only): RSS and Atom, full text and
summaries, conditional GET, deduplication, bad feeds, OPML, and the `briefing feeds` command."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli.main import main
from store.feeds import SUMMARY_TAG, subscribe, update_feeds
from store.ingest import IngestError
from store.ingest.feeds import build_opml, parse_feed, parse_opml
from store.ingest.fetch import HostLimiter, new_client
from store.library import Library
from tests.http_support import LocalServer
from tests.terminal_support import briefing_on_a_terminal
from tests.web_fixtures import STORIES, atom, page, rfc822, rss, story_html

pytestmark = pytest.mark.usefixtures("only_127_0_0_1")


def _update(empty_library: Library, urls: list[str] | None = None, **options: object) -> list:
    with new_client(timeout=0.5) as client:
        return update_feeds(empty_library, urls, client=client, limiter=HostLimiter(spacing=0), **options)  # type: ignore[arg-type]


def _full_items(stories: tuple = STORIES[:3]) -> list[dict[str, str]]:
    return [
        {
            "title": s.title,
            "link": s.url,
            "guid": f"urn:story:{s.slug}",
            "pubDate": rfc822(s.published),
            "content": story_html(s),
            "description": s.paragraphs[0],
        }
        for s in stories
    ]


def test_subscribe_update_and_a_second_update_adds_nothing(web: LocalServer, empty_library: Library) -> None:
    url = web.add(
        "/rss", rss("Coastline Courier", _full_items()), content_type="application/rss+xml", etag='"v1"'
    )
    feed, added, _ = subscribe(empty_library, url)
    assert added and feed.title == "Coastline Courier"
    [result] = _update(empty_library)
    assert (result.new, result.present, result.failed, result.error) == (3, 0, 0, None)
    metas = {m.title: m for m in empty_library.articles()}
    story = STORIES[0]
    assert metas[story.title].published == story.published and metas[story.title].url == story.url
    assert empty_library.article(metas[story.title].id).body.rstrip("\n").split("\n\n") == list(
        story.paragraphs
    )
    [again] = _update(empty_library)
    assert again.new == 0 and again.not_modified
    assert web.requests[-1][1].get("If-None-Match") == '"v1"'
    web.routes["/rss"].etag = None  # the server forgets its validators: the items are still known
    [third] = _update(empty_library)
    assert (third.new, third.present) == (0, 3)
    assert len(empty_library.articles()) == 3
    assert len(empty_library.feed_store().get(url).article_ids) == 3  # type: ignore[union-attr]


def test_summary_only_items_get_their_page_or_keep_the_summary(
    web: LocalServer, empty_library: Library
) -> None:
    found, lost = STORIES[0], STORIES[1]
    web.add("/p/found", page(found, "news"))
    items = [
        {
            "title": s.title,
            "link": web.url(f"/p/{name}"),
            "pubDate": rfc822(s.published),
            "description": s.paragraphs[0],
        }
        for name, s in (("found", found), ("lost", lost))
    ]
    url = web.add("/rss", rss("Mixed", items), content_type="text/xml")
    subscribe(empty_library, url)
    [result] = _update(empty_library)
    assert result.new == 2
    assert any(
        "full text not available (HTTP 404 Not Found); the feed's summary was kept" in n for n in result.notes
    )
    metas = {m.title: m for m in empty_library.articles()}
    assert empty_library.article(metas[found.title].id).body.rstrip().split("\n\n") == list(found.paragraphs)
    assert SUMMARY_TAG not in metas[found.title].tags
    assert metas[lost.title].tags == (SUMMARY_TAG,)
    assert empty_library.article(metas[lost.title].id).body.strip() == lost.paragraphs[0]


def test_atom_items_without_link_or_date_and_with_other_schemes(
    web: LocalServer, empty_library: Library
) -> None:
    entries = [
        {"title": "No link", "id": "urn:a:1", "content": story_html(STORIES[2])},
        {
            "title": "Local file",
            "id": "urn:a:2",
            "link": "file:///etc/passwd",
            "summary": "A short local summary.",
        },
        {
            "title": "Dated",
            "id": "urn:a:3",
            "updated": "2024-05-14T09:00:00Z",
            "content": story_html(STORIES[3]),
        },
    ]
    url = web.add("/atom", atom("Atom Wire", entries), content_type="application/atom+xml")
    subscribe(empty_library, url)
    [result] = _update(empty_library)
    assert result.new == 3 and result.error is None
    assert any("'file://" in n and "ignored (only http and https" in n for n in result.notes)
    assert any("no date" in n for n in result.notes)
    assert not any("passwd" in path for path in web.paths_requested())
    metas = {m.title: m for m in empty_library.articles()}
    assert metas["Dated"].published == date(2024, 5, 14) and metas["No link"].published is None
    assert metas["Local file"].url is None


def test_a_feed_of_10000_items_takes_the_newest_in_batches(web: LocalServer, empty_library: Library) -> None:
    start = date(2000, 1, 1)
    items = [
        {
            "title": f"Item {n}",
            "guid": f"urn:big:{n}",
            "pubDate": rfc822(start + timedelta(days=n)),
            "description": f"Short item number {n}.",
        }
        for n in range(10_000)
    ]
    url = web.add("/big", rss("Big", items), content_type="application/rss+xml")
    empty_library.feed_store().add(url)
    [first] = _update(empty_library, max_items=200)
    assert first.new == 200 and any("10000 new items; the newest 200" in n for n in first.notes)
    assert max(m.published for m in empty_library.articles() if m.published) == start + timedelta(days=9999)
    [second] = _update(empty_library, max_items=200)
    assert second.new == 200 and second.present == 200
    assert len(empty_library.articles()) == 400


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ({"body": "", "status": 404}, "HTTP 404 Not Found"),
        ({"body": "<rss/>", "delay": 2.0, "content_type": "application/rss+xml"}, "timed out after 0.5 s"),
        ({"body": "", "status": 301, "headers": {"Location": "/bad"}}, "too many redirects"),
        ({"body": page(STORIES[0])}, "is a web page, not an RSS or Atom feed"),
        ({"body": "this is { not xml at all", "content_type": "text/plain"}, "is not an RSS or Atom feed"),
        ({"body": b"\x89PNG" * 10, "content_type": "image/png"}, "is image/png, not a web feed"),
    ],
    ids=["404", "timeout", "redirect-loop", "html-page", "not-xml", "image"],
)
def test_a_failing_feed_is_named_and_the_others_still_update(
    web: LocalServer, empty_library: Library, route: dict, message: str
) -> None:
    good = web.add("/good", rss("Good", _full_items(STORIES[:1])), content_type="application/rss+xml")
    empty_library.feed_store().add(good)
    bad = web.add("/bad", **route)
    empty_library.feed_store().add(bad)
    results = {r.url: r for r in _update(empty_library)}
    assert results[good].new == 1
    assert results[bad].error is not None and message in results[bad].error
    assert "\n" not in results[bad].error
    assert empty_library.feed_store().get(bad).error == results[bad].error  # type: ignore[union-attr]


def test_a_truncated_feed_gives_the_items_it_could_read(web: LocalServer, empty_library: Library) -> None:
    whole = rss("Cut", _full_items())
    cut = whole[: whole.index(b"<item>", whole.index(b"</item>")) + 40]
    url = web.add("/cut", cut, content_type="application/rss+xml")
    subscribe(empty_library, url)
    [result] = _update(empty_library)
    assert result.error is None and result.new >= 1
    assert any("the feed is damaged" in n for n in result.notes)


def test_subscribing_to_a_page_that_announces_its_feed(web: LocalServer, empty_library: Library) -> None:
    feed_url = web.add("/feed.xml", rss("Announced", _full_items()), content_type="application/rss+xml")
    html = page(STORIES[0]).replace(
        "</head>", '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
    )
    feed, added, note = subscribe(empty_library, web.add("/home", html))
    assert added and feed.url == feed_url and note is not None


def test_a_bad_feed_is_not_subscribed(web: LocalServer, empty_library: Library) -> None:
    with pytest.raises(IngestError, match="web page, not an RSS or Atom feed"):
        subscribe(empty_library, web.add("/page", page(STORIES[0])))
    assert empty_library.feed_store().list() == []


def test_feedparser_never_fetches_what_a_feed_names() -> None:
    data = rss("X", [{"title": "T", "link": "http://127.0.0.1:9/never", "description": "d"}])
    parsed = parse_feed(data, "http://127.0.0.1:9/feed")
    assert parsed.items[0].link == "http://127.0.0.1:9/never"


# -- OPML -------------------------------------------------------------------------------------------------
def test_opml_round_trip(tmp_path: Path) -> None:
    document = build_opml(
        [("https://a.example/rss", "A & B", "https://a.example/"), ("https://c.example/atom", None, None)]
    )
    assert parse_opml(document) == [
        ("https://a.example/rss", "A & B"),
        ("https://c.example/atom", "https://c.example/atom"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>hi</body></html>", "root element is <html>, not <opml>"),
        (b"not xml", "not well-formed XML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><opml/>', "declares a DTD"),
        (b"<opml version='2.0'><head/></opml>", "has no <body>"),
    ],
)
def test_a_file_that_is_not_opml(content: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        parse_opml(content)


# -- the command ------------------------------------------------------------------------------------------
def briefing(tmp_path: Path, *argv: str) -> int:
    return main(["--library", str(tmp_path / "lib"), *argv])


def test_feeds_command_end_to_end(
    web: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = web.add("/rss", rss("Coastline Courier", _full_items()), content_type="application/rss+xml")
    assert briefing(tmp_path, "feeds", "add", good) == 0
    assert "added: Coastline Courier" in capsys.readouterr().out
    assert briefing(tmp_path, "feeds", "add", web.url("/nope")) == 1
    assert "HTTP 404 Not Found; not added" in capsys.readouterr().err

    opml = tmp_path / "subs.opml"
    opml.write_bytes(build_opml([(good, "Coastline Courier", None), (web.url("/missing"), "Missing", None)]))
    assert briefing(tmp_path, "feeds", "import", str(opml)) == 0
    assert "1 feed added, 1 already subscribed, 0 skipped" in capsys.readouterr().out

    assert briefing(tmp_path, "feeds", "update") == 1  # /missing fails, the good feed is still updated
    out, err = capsys.readouterr()
    assert "ok       Coastline Courier: 3 new, 0 already present, 0 failed" in out
    assert f"error: {web.url('/missing')}: HTTP 404 Not Found" in err
    assert "2 feeds: 3 new, 0 already present, 0 failed items, 1 failed feed" in out

    assert briefing(tmp_path, "feeds", "update", good, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["new"] == 0 and data["feeds"][0]["present"] == 3

    assert briefing(tmp_path, "feeds", "list", "--json") == 0
    rows = {row["url"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[good]["articles"] == 3 and rows[web.url("/missing")]["error"] == "HTTP 404 Not Found"

    out_file = tmp_path / "out.opml"
    assert briefing(tmp_path, "feeds", "export", "-o", str(out_file)) == 0
    assert {u for u, _ in parse_opml(out_file.read_bytes())} == {good, web.url("/missing")}

    assert briefing(tmp_path, "feeds", "remove", web.url("/missing")) == 0
    assert briefing(tmp_path, "feeds", "remove", web.url("/missing")) == 1
    assert "not subscribed" in capsys.readouterr().err
    assert briefing(tmp_path, "list") == 0


def test_feeds_import_refuses_a_file_that_is_not_opml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.opml"
    bad.write_text("<html><body>not a feed list</body></html>")
    assert briefing(tmp_path, "feeds", "import", str(bad)) == 1
    err = capsys.readouterr().err
    assert "is not an OPML file (its root element is <html>, not <opml>); nothing was imported" in err


def test_a_local_feed_file_can_be_subscribed(tmp_path: Path, empty_library: Library) -> None:
    path = tmp_path / "saved.xml"
    path.write_bytes(rss("Saved", _full_items()))
    feed, added, _ = subscribe(empty_library, str(path))
    assert added and feed.is_local
    [result] = _update(empty_library)
    assert result.new == 3


def test_a_local_feed_file_named_by_a_relative_path_is_subscribed_by_its_absolute_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "saved.xml").write_bytes(rss("Saved", _full_items()))
    monkeypatch.chdir(tmp_path)
    assert briefing(tmp_path, "feeds", "add", "saved.xml") == 0
    monkeypatch.chdir("/")
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        [feed] = library.feed_store().list()
        assert feed.url == str(tmp_path / "saved.xml")
    assert briefing(tmp_path, "feeds", "update") == 0  # read again from another folder


def test_feeds_export_writes_like_export_dash_for_stdout_and_force_to_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "saved.xml").write_bytes(rss("Saved", _full_items()))
    assert briefing(tmp_path, "feeds", "add", str(tmp_path / "saved.xml")) == 0
    capsys.readouterr()
    assert briefing(tmp_path, "feeds", "export", "-o", "-") == 0
    assert "<opml" in capsys.readouterr().out and not (Path.cwd() / "-").exists()
    kept = tmp_path / "keep.opml"
    kept.write_text("precious")
    assert briefing(tmp_path, "feeds", "export", "-o", str(kept)) == 1
    assert "add --force to replace it" in capsys.readouterr().err and kept.read_text() == "precious"
    assert briefing(tmp_path, "feeds", "export", "-o", str(kept), "--force") == 0
    assert [url for url, _ in parse_opml(kept.read_bytes())] == [str(tmp_path / "saved.xml")]


def test_the_politeness_limit_holds_per_host() -> None:
    import threading
    import time

    limiter = HostLimiter(per_host=2, spacing=0)
    lock = threading.Lock()
    active: dict[str, int] = {"a": 0, "b": 0}
    peak: dict[str, int] = {"a": 0, "b": 0}

    def work(host: str) -> None:
        with limiter.slot(f"http://{host}.example:8080/x"):
            with lock:
                active[host] += 1
                peak[host] = max(peak[host], active[host])
            time.sleep(0.02)
            with lock:
                active[host] -= 1

    threads = [threading.Thread(target=work, args=(h,)) for h in "ab" * 6]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == {"a": 2, "b": 2}


def test_update_on_a_terminal_shows_a_progress_bar(web: LocalServer, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    good = web.add("/rss", rss("Coastline Courier", _full_items()), content_type="application/rss+xml")
    with Library.open(library, import_samples=False) as lib:
        lib.feed_store().add(good)
        lib.feed_store().add(web.url("/gone"))
    status, shown = briefing_on_a_terminal("--library", str(library), "feeds", "update")
    assert status == 1
    assert "Updating feeds" in shown and "2/2" in shown
    assert "Coastline Courier: 3 new" in shown and "HTTP 404 Not Found" in shown
