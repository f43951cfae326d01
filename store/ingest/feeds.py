"""Reading feeds and feed lists: RSS 0.9x/1.0/2.0 and Atom (feedparser), OPML (the standard library).

feedparser is only ever given bytes we fetched or read ourselves (wrapped in a stream, with the feed's
URL as its Content-Location), never a URL or path, so it never opens a connection or a file. A feed's
items become `FeedItem`s: their identity (GUID, else link), their web link (http and https only: other
schemes such as file:// are ignored), date, author and text (the full content when the feed carries it,
else its summary, marked `full=False`).
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

from store.ingest.fetch import is_web_url
from store.ingest.reader import IngestError
from store.wording import counted

FULL_TEXT_WORDS = 150  # an item with this much text carries the article, whatever its element
CONTENT_WORDS = 40  # a content element (beside a shorter summary) with this much text is the article
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre", "section")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FEED_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str  # the item's identity: "guid:<id>" or "url:<link>" or "hash:<digest>"
    title: str
    link: str | None  # an http(s) URL, or None
    published: date | None
    author: str | None
    text: str  # paragraphs separated by blank lines
    full: bool  # the text is the full article, not a summary
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class ParsedFeed:
    title: str
    site_url: str | None
    items: list[FeedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (feed content): paragraphs separated by blank lines, no markup."""
    import lxml.html

    if "<" not in fragment:
        text = fragment
    else:
        try:
            root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        except (ValueError, lxml.etree.ParserError):
            return ""
        for bad in root.xpath(".//script|.//style|.//noscript|.//iframe|.//object|.//template"):
            bad.drop_tree()
        for element in root.iter(*_BLOCKS):
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        text = root.text_content()
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        clean = " ".join(_SPACES.sub(" ", _CONTROL.sub(" ", line)).strip() for line in block.splitlines())
        clean = _SPACES.sub(" ", clean).strip()
        if clean:
            paragraphs.append(clean)
    return "\n\n".join(paragraphs)


def _one_line(text: str | None) -> str:
    return _SPACES.sub(
        " ", _CONTROL.sub(" ", html_text(text) if text and "<" in text else text or "")
    ).strip()


def _date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                year, month, day, hour, minute, second = value[:6]
                return datetime(year, month, day, hour, minute, second, tzinfo=UTC).date()
            except (TypeError, ValueError):
                continue
    return None


def _item(entry: Any, base: str) -> FeedItem | None:
    notes: list[str] = []
    raw_link = (entry.get("link") or "").strip()
    link = urljoin(base, raw_link) if raw_link else None
    if link and not is_web_url(link):
        notes.append(f"link {raw_link[:80]!r} ignored (only http and https links are followed)")
        link = None
    contents = [c.get("value", "") for c in entry.get("content", ()) if c.get("value")]
    content = max((html_text(c) for c in contents), key=len, default="")
    summary = html_text(entry.get("summary", "") or "")
    text = content if len(content) >= len(summary) else summary
    words = len(text.split())
    # Full text: a content element clearly longer than the summary, or simply a long text.
    full = words >= FULL_TEXT_WORDS or (
        bool(content) and words >= CONTENT_WORDS and words > 1.3 * len(summary.split())
    )
    title = _one_line(entry.get("title")) or (text.split("\n", 1)[0][:120] if text else "")
    guid = (entry.get("id") or "").strip()
    if guid:
        key = f"guid:{guid}"
    elif link:
        key = f"url:{link}"
    elif title or text:
        key = "hash:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:24]
    else:
        return None
    published = _date(entry)
    if published is None:
        notes.append("the feed gives no date for this item")
    author = _one_line(entry.get("author")) or None
    return FeedItem(key, title or "(untitled)", link, published, author, text, full, tuple(notes))


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head


def parse_feed(data: bytes, url: str, content_type: str = "application/xml") -> ParsedFeed:
    """Parse RSS or Atom bytes; raises IngestError when they are not a feed. A damaged feed whose items
    could still be read gives them with a warning."""
    import feedparser

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    result = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    entries = result.get("entries", [])
    problem = result.get("bozo_exception")
    if not result.get("version") and not entries:
        if _looks_like_html(data):
            raise IngestError("is a web page, not an RSS or Atom feed")
        reason = str(problem).strip().splitlines()[0] if problem else "no feed elements found"
        raise IngestError(f"is not an RSS or Atom feed ({reason})")
    feed = result.get("feed", {})
    parsed = ParsedFeed(title=_one_line(feed.get("title")) or url, site_url=feed.get("link") or None)
    if (
        result.get("bozo")
        and problem is not None
        and not isinstance(problem, feedparser.CharacterEncodingOverride)
    ):
        first = str(problem).strip().splitlines()[0] if str(problem).strip() else type(problem).__name__
        parsed.warnings.append(
            f"the feed is damaged ({first}); {counted(len(entries), 'item')} could be read"
        )
    for entry in entries:
        item = _item(entry, url)
        if item is not None:
            parsed.items.append(item)
    return parsed


def feed_links(page: bytes, base: str) -> list[str]:
    """Feed URLs a web page announces (<link rel="alternate" type="application/rss+xml" href=...>)."""
    text = page[:200_000].decode("utf-8", errors="replace")
    found: list[str] = []
    for tag in _FEED_LINK.findall(text):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        if "alternate" in attrs.get("rel", "").lower() and attrs.get("type", "").lower() in _FEED_TYPES:
            href = urljoin(base, attrs.get("href", ""))
            if is_web_url(href) and href not in found:
                found.append(href)
    return found


# ---------------------------------------------------------------------------------------------------------
# OPML


def parse_opml(data: bytes) -> list[tuple[str, str | None]]:
    """(feed URL, title) of every outline with an xmlUrl, nested outlines included; raises IngestError."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise IngestError("is not an OPML file (it declares a DTD or entities, which OPML does not use)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise IngestError(f"is not an OPML file (not well-formed XML: {exc})") from None
    if root.tag.lower() != "opml":
        raise IngestError(f"is not an OPML file (its root element is <{root.tag}>, not <opml>)")
    body = root.find("body")
    if body is None:
        raise IngestError("is not an OPML file (it has no <body>)")
    feeds: list[tuple[str, str | None]] = []
    for outline in body.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            title = outline.get("title") or outline.get("text")
            feeds.append((url, _one_line(title) or None))
    return feeds


def build_opml(
    feeds: list[tuple[str, str | None, str | None]], title: str = "Briefing Reader feeds"
) -> bytes:
    """An OPML 2.0 document for (feed URL, title, site URL) triples."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    body = ET.SubElement(root, "body")
    for url, name, site in feeds:
        attrs = {"type": "rss", "text": name or url, "title": name or url, "xmlUrl": url}
        if site:
            attrs["htmlUrl"] = site
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode").encode() + b"\n"
    )
