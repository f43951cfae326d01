"""Web pages (saved `.html`/`.htm` files or fetched URLs) into a `ParsedArticle`: main text and metadata.

trafilatura finds the main text (no navigation, ads, "most read" lists, comments or footers; scripts and
styles never reach the text) and the metadata (title, author, date, site name, canonical URL); htmldate
looks for the date when trafilatura found none. Both only ever get the page's parsed tree or text, never
a URL, so neither touches the network. On top of them: the page is decoded by its declared charset
(Windows-1252 when it declares none and is not UTF-8), the title loses its " | Site" part, and
paragraphs that are page furniture (the title repeated, the byline, "Advertisement", "Read more: ...")
are dropped. The body is the article's paragraphs separated by blank lines.

trafilatura, htmldate and lxml are imported on first use.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from store.errors import quote_input
from store.ingest.fetch import is_web_url
from store.ingest.reader import IngestError, ParsedArticle
from store.ingest.reader import _shorten as shorten_title

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_WORDS = 15  # less than this is not an article (a cookie wall, an error page, a JavaScript shell)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|/)\s+")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Short paragraphs that are page furniture, not article text.
_FURNITURE = re.compile(
    r"^(?:advertisement|sponsored( content)?|read more\b.*|related\b.*|see also\b.*"
    r"|share( this)?( article| story)?|sign up\b.*|subscribe\b.*|follow us\b.*|most read\b.*"
    r"|trending\b.*|comments?( \(\d+\))?"
    r"|(photo|image|picture)( credit)?:.*|click here\b.*|\(?(ad|advert)\)?)\W*$",
    re.IGNORECASE,
)
# "By Jane Roe", "Posted by ...", "Published 14 May 2024": a name or a year, not "By the end of ...".
_BYLINE = re.compile(
    r"^(?:(?:[Bb]y|BY|[Pp]osted by|[Ww]ritten by)\s+[A-Z]"
    r"|(?:[Pp]ublished|[Uu]pdated|[Pp]osted)\b.*\b\d{4}\b)"
)
_NO_CHARSET = "no character set declared and not UTF-8; read as Windows-1252"
_LATIN1_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1"}


def is_html_path(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def _codec(name: str | None) -> str | None:
    """A Python codec for a declared charset (WHATWG: Latin-1 and ASCII labels mean Windows-1252)."""
    if not name:
        return None
    label = name.strip().lower()
    if label in _LATIN1_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(raw: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """The page's text and warnings: BOM, then the HTTP charset, then <meta charset>, then UTF-8, then
    Windows-1252; bytes invalid in the declared charset become U+FFFD with a warning."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace").removeprefix("\ufeff"), []
    if b"\x00" in raw[:4096]:
        raise IngestError("is binary data, not an HTML page")
    meta = _META_CHARSET.search(raw[:4096])
    labels: tuple[str | None, ...] = (declared, meta.group(1).decode("ascii", "replace") if meta else None)
    for label in labels:
        found = _codec(label)
        if found is None:
            continue
        try:
            return raw.decode(found), []
        except UnicodeDecodeError as exc:
            return raw.decode(found, errors="replace"), [
                f"not valid {label} (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "unreadable characters were replaced"
            ]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [
            "no character set declared and not UTF-8; read as Windows-1252"
        ]


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip() or None


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def clean_title(title: str, site: str | None, headings: list[str]) -> str:
    """The page title without its site part: " | Site", " - Site", "Site :: " and the like."""
    if any(_key(h) == _key(title) for h in headings):
        return title
    for heading in headings:  # the page's own headline inside a longer <title>
        if len(heading.split()) >= 3 and _key(heading) in _key(title):
            return heading
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        kept = [p for p in parts if _key(p) != _key(site) and _key(site) not in _key(p)[: len(_key(site))]]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    last = parts[-1]
    head = title[: title.rfind(last)].rstrip(" |-–—:·»/")
    site_like = all(word[:1].isupper() or word[:1].isdigit() for word in last.split())
    if len(last.split()) <= 4 and site_like and len(head.split()) >= 2:
        return head  # "Headline - Some Site": a short Title Case last part is the site's name
    return title


def site_from_title(page_title: str | None, title: str) -> str | None:
    """The site's name from a `<title>` like "Headline | Site" or "Site :: Headline", once the headline
    is known: the short Title Case part that is not the headline."""
    if not page_title or not title:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page_title)]
    if len(parts) < 2:
        return None
    for part in (parts[-1], parts[0]):
        words = part.split()
        short = 1 <= len(words) <= 4 and _key(part) not in _key(title)
        if short and all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return part
    return None


def _headings(tree: Any) -> list[str]:
    found = []
    for element in tree.iter("h1", "h2"):
        text = _clean(element.text_content())
        if text:
            found.append(text)
        if len(found) >= 5:
            break
    return found


def _paragraphs(text: str, title: str, author: str | None) -> list[str]:
    paragraphs: list[str] = []
    for line in text.splitlines():
        para = _clean(line)
        if not para:
            continue
        words = len(para.split())
        if words <= 12 and _FURNITURE.match(para):
            continue
        if not paragraphs and _key(para) == _key(title):
            continue  # the headline, shown as the title
        if (
            len(paragraphs) <= 1
            and words <= 15
            and (_BYLINE.match(para) or (author and author.casefold() in para.casefold() and words <= 8))
        ):
            continue  # the byline ("By ... · 14 May 2024")
        paragraphs.append(para)
    return paragraphs


def _page_url(candidate: str | None, base: str | None) -> str | None:
    """The canonical URL when it is a web URL (relative ones resolved against the page's own URL)."""
    if candidate and base:
        candidate = urljoin(base, candidate)
    if candidate and is_web_url(candidate):
        if base and urlsplit(candidate).hostname != urlsplit(base).hostname:
            return base  # a canonical link to another site is not this page's identity
        return candidate
    return base if base and is_web_url(base) else None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_JSON_LD_DATE = re.compile(r'"date(?:Published|Created)"\s*:\s*"([^"]{0,40})"')
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def _stated_publication_dates(tree: Any, text: str) -> list[str]:
    """The publication dates the page states: meta tags named for a publication or creation date
    (article:published_time, datePublished, pubdate, DC.date, date; not modified or updated ones) and
    JSON-LD's datePublished / dateCreated."""
    stated = []
    for element in tree.xpath("//meta[@content]"):
        for named in (element.get(key, "").lower() for key in ("name", "property", "itemprop")):
            if not named or "modif" in named or "updat" in named:
                continue
            if any(word in named for word in ("publish", "creat", "pubdate")) or named.endswith("date"):
                stated.append(element.get("content", ""))
                break
    return stated + _JSON_LD_DATE.findall(text)


def _impossible_stated_date(tree: Any, text: str) -> str | None:
    """A publication date the page states in ISO form that is not a day of the calendar ("2023-02-30",
    "2023-13-05"), which the date finders would silently turn into another day, when the page states no
    valid one beside it; placeholders of zeros ("0000-00-00") are not dates and are passed over."""
    impossible = None
    for value in _stated_publication_dates(tree, text):
        match = _ISO_DAY.match(value)
        if match is None or not any(int(part) for part in match.groups()):
            continue
        try:
            date(*(int(part) for part in match.groups()))
        except ValueError:
            impossible = impossible or value.strip()[:40]
        else:
            return None  # a real publication date is stated: the finders will use it
    return impossible


def _htmldate(tree: Any) -> date | None:
    """htmldate on the parsed tree only (a string that looks like a URL would make it download)."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is other code; a page it cannot read simply has no date
        return None
    return _date(found)


_HIDDEN = "//template|//style|//noscript|//script[not(contains(@type, 'ld+json'))]"


def _without_hidden(tree: Any) -> Any:
    """The page without what is never shown as text: scripts (JSON-LD metadata kept), styles, templates
    and <noscript>."""
    for element in tree.xpath(_HIDDEN):
        if element.getparent() is not None:
            element.drop_tree()
    return tree


def _extract(
    trafilatura: Any, html: Any, text: str, url: str | None, *, favor_recall: bool
) -> dict[str, Any]:
    document = trafilatura.bare_extraction(
        _without_hidden(html.document_fromstring(text)),  # trafilatura prunes the tree it is given
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        favor_recall=favor_recall,
    )
    return document.as_dict() if document is not None else {}


def parse_html(
    raw: bytes | str, path: str, *, url: str | None = None, charset: str | None = None
) -> ParsedArticle:
    """Extract the article of one web page; raises IngestError. `url`: where it was fetched from."""
    import lxml.html
    import trafilatura

    warnings: list[str] = []
    if isinstance(raw, bytes):
        text, warnings = decode_html(raw, charset)
    else:
        text = raw
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise IngestError("is empty")
    try:
        tree = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise IngestError(f"is not a readable HTML page ({exc})") from None
    headings = _headings(tree)
    meta = _extract(trafilatura, lxml.html, text, url, favor_recall=False)
    if len((meta.get("text") or "").split()) < MIN_WORDS:  # a short or unusual page: look harder
        meta = {**meta, "text": _extract(trafilatura, lxml.html, text, url, favor_recall=True).get("text")}
    site = _clean(meta.get("sitename"))
    raw_title = _clean(meta.get("title")) or (headings[0] if headings else None)
    title = clean_title(raw_title, site, headings) if raw_title else ""
    author = _clean(meta.get("author"))
    paragraphs = _paragraphs(meta.get("text") or "", title, author)
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise IngestError("has no article text that could be extracted (it may need JavaScript or a login)")
    title = shorten_title(title or paragraphs[0])
    page_url = _page_url(meta.get("url"), url)
    page_title = _clean(tree.findtext(".//title"))
    source = site or site_from_title(page_title, title) or (urlsplit(page_url).hostname if page_url else None)
    impossible = _impossible_stated_date(tree, text)
    if impossible is None:
        published = _date(meta.get("date")) or _htmldate(tree)
    else:  # any date found now could be the finders' guess at what was meant: none is better
        published = None
        warnings.append(
            f"states an impossible publication date ({quote_input(impossible)}); imported without a date"
        )
    return ParsedArticle(
        path=path,
        title=title,
        body="\n\n".join(paragraphs) + "\n",
        published=published,
        source=source,
        url=page_url,
        author=author,
        warnings=tuple(warnings),
    )
