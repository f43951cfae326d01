"""`briefing import https://...`: pages fetched from a local server (127.0.0.1 only) with hard limits."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from cli.main import main
from store.ingest.fetch import FetchError, fetch, new_client
from store.ingest.web import fetch_page, import_urls
from store.library import Library
from tests.http_support import LocalServer
from tests.web_fixtures import STORIES, page, page_bytes

pytestmark = pytest.mark.usefixtures("only_127_0_0_1")


@pytest.fixture
def client():  # type: ignore[no-untyped-def]
    with new_client(timeout=0.5) as c:
        yield c


def test_a_url_is_fetched_and_imported_with_its_metadata(web: LocalServer, tmp_path: Path) -> None:
    story = STORIES[1]
    url = web.add("/news/rail", page(story, "blog"))
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = import_urls(library, [url], analyze=False)
        assert len(report.added) == 1 and not report.failed
        again = import_urls(library, [url], analyze=False)
        assert len(again.present) == 1 and not again.added
        meta = library.articles()[0]
    assert (meta.title, meta.published, meta.author, meta.source) == (
        story.title,
        story.published,
        story.author,
        story.site,
    )
    assert meta.url == url  # a canonical link to another site is not this page's identity
    _, headers = web.requests[0]
    assert headers["User-Agent"].startswith("BriefingReader/")


def test_the_cli_imports_files_and_urls_together(
    web: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.add("/a", page(STORIES[0], "news"))
    missing = web.url("/gone")
    note = tmp_path / "n.txt"
    note.write_text("Harbour note\n\nBy M. E. | 14 May 2024\n\nThe authority met.\n")
    code = main(["--library", str(tmp_path / "lib"), "import", "--no-analyze", str(note), url, missing])
    out, err = capsys.readouterr()
    assert code == 1
    assert "2 added, 0 already present, 1 failed" in out
    assert f"error: {missing}: HTTP 404 Not Found" in err
    assert "note: " in err and "published 2024-05-14" in err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda w: w.add("/slow", page(STORIES[0]), delay=2.0), "timed out after 0.5 s"),
        (lambda w: w.add("/loop", "", status=302, headers={"Location": "/loop"}), "too many redirects"),
        (lambda w: w.add("/doc.pdf", b"%PDF-1.4", content_type="application/pdf"), "is application/pdf"),
        (lambda w: w.add("/404", "", status=404), "HTTP 404"),
        (
            lambda w: w.add("/to-file", "", status=302, headers={"Location": "file:///etc/passwd"}),
            "redirected to a URL that is not http or https",
        ),
        (
            lambda w: w.add("/rss", "<rss/>", content_type="application/rss+xml"),
            "is a feed (application/rss+xml), not a web page; subscribe to it as a feed",
        ),
        (
            lambda w: w.add("/big", b"x" * (11 * 1024 * 1024), content_type="text/html"),
            "is 11.0 MB; the limit is 10 MB",
        ),
        (
            lambda w: w.add("/bigchunked", b"<p>" + b"x" * (11 * 1024 * 1024), send_length=False),
            "larger than 10 MB",
        ),
        (
            lambda w: w.add(
                "/bomb",
                gzip.compress(b"<html>" + b"\0" * (64 * 1024 * 1024)),
                headers={"Content-Encoding": "gzip"},
            ),
            "larger than 10 MB (after decompression)",
        ),
    ],
    ids=[
        "timeout",
        "redirect-loop",
        "not-html",
        "404",
        "redirect-to-file",
        "a-feed",
        "over-10-MB",
        "over-10-MB-unannounced",
        "gzip-bomb",
    ],
)
def test_bad_pages_get_one_line_reasons(
    web: LocalServer, client: object, setup: object, message: str
) -> None:
    url = setup(web)  # type: ignore[operator]
    with pytest.raises(FetchError, match=re.escape(message)) as info:
        fetch(url, client=client)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)


def test_only_http_and_https_are_fetched(client: object) -> None:
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)"):
        with pytest.raises(FetchError, match="only http:// and https://"):
            fetch(url, client=client)  # type: ignore[arg-type]


def test_a_non_utf8_page_uses_the_charset_of_its_header(web: LocalServer, client: object) -> None:
    story = STORIES[3]
    raw = page_bytes(story, "latin1").replace(b'<meta charset="iso-8859-1">', b"")
    url = web.add("/m", raw, content_type="text/html; charset=ISO-8859-1")
    parsed = fetch_page(url, client=client)  # type: ignore[arg-type]
    assert "Joaquín" in parsed.body and parsed.author == "Élodie Marchetti"


def test_a_gzip_page_within_the_limit_is_read(web: LocalServer, client: object) -> None:
    url = web.add("/z", gzip.compress(page_bytes(STORIES[2])), headers={"Content-Encoding": "gzip"})
    assert fetch_page(url, client=client).title == STORIES[2].title  # type: ignore[arg-type]


def test_failures_lose_nothing_already_in_the_library(web: LocalServer, tmp_path: Path) -> None:
    good = web.add("/good", page(STORIES[4]))
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        import_urls(library, [good], analyze=False)
        report = import_urls(library, [web.url("/missing"), good], analyze=False)
        assert [p.message for p in report.failed] == ["HTTP 404 Not Found"]
        assert len(library.articles()) == 1
