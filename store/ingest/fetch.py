"""Fetching pages and feeds over HTTP(S) with hard limits; the only code of ours that opens connections.

Every fetch has a timeout, follows at most `MAX_REDIRECTS` redirects, sends a clear user agent, streams
the body and stops as soon as the *decompressed* size passes `MAX_BYTES` (a gzip bomb is cut off, never
inflated in memory), and checks the content type. Requests to one host are limited by `HostLimiter`
(politeness: a few at a time, spaced out). Failures raise `FetchError` with a one-line reason.

httpx is imported on first use, so commands that never fetch do not load it.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 20.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
    "application/feed+json",
    "text/plain",  # some servers send feeds as plain text; the parser decides
    "application/octet-stream",
    *HTML_TYPES,  # misconfigured servers label feeds as HTML; the parser tells a page from a feed
)
WEB_SCHEMES = ("http", "https")
_STEP = 256 * 1024  # decompressed bytes produced per step


class FetchError(ValueError):
    """The URL could not be fetched or is not what was asked for; `str(error)` says why, in one line."""


@cache
def user_agent() -> str:
    """`BriefingReader/<version> (terminal news reader; feeds and pages fetched on request)`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("briefing-reader")
    except PackageNotFoundError:
        ours = "dev"
    return f"BriefingReader/{ours} (terminal news reader; fetches feeds and pages on the user's request)"


def is_web_url(text: str) -> bool:
    """True for an absolute http:// or https:// URL with a host."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def host_key(url: str) -> str:
    """What the politeness limit counts requests by: host and port."""
    return urlsplit(url).netloc.lower()


class HostLimiter:
    """At most `per_host` requests at once to one host, and request starts at least `spacing` s apart."""

    def __init__(self, per_host: int = 2, spacing: float = 0.1) -> None:
        self.per_host = max(1, per_host)
        self.spacing = max(0.0, spacing)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        key = host_key(url)
        with self._lock:
            semaphore = self._slots.setdefault(key, threading.BoundedSemaphore(self.per_host))
        with semaphore:
            if self.spacing:
                with self._lock:
                    now = time.monotonic()
                    start = max(now, self._next_start.get(key, now))
                    self._next_start[key] = start + self.spacing
                if start > now:
                    time.sleep(start - now)
            yield


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource. `not_modified`: the server answered 304 to a conditional request (no body)."""

    url: str  # the final URL after redirects
    body: bytes
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def new_client(timeout: float = TIMEOUT_SECONDS, max_connections: int = 16) -> httpx.Client:
    """An httpx client with our limits (share one across threads: it is thread-safe)."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": user_agent()},
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        trust_env=False,  # no proxies or .netrc from the environment: exactly the URL the user gave
    )


def _media_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _describe(exc: Exception, timeout: float) -> str:
    import httpx

    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "redirected to a URL that is not http or https"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({_first_line(exc) or 'connection refused'})"
    if isinstance(exc, httpx.DecodingError):
        return "the server sent a body that could not be decompressed"
    return f"network error ({type(exc).__name__}: {_first_line(exc)})"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""


def fetch(
    url: str,
    *,
    client: httpx.Client,
    accept: tuple[str, ...] = HTML_TYPES,
    what: str = "page",
    etag: str | None = None,
    last_modified: str | None = None,
    limiter: HostLimiter | None = None,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """GET `url` within our limits; raises FetchError. `accept` lists the acceptable media types."""
    import httpx

    if not is_web_url(url):
        raise FetchError("only http:// and https:// URLs can be fetched")
    headers = {"Accept": ", ".join(accept) + ", */*;q=0.1", "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = client.timeout.read or TIMEOUT_SECONDS
    try:
        with limiter.slot(url) if limiter else _no_limit():
            return _get(client, url, headers, accept, what, max_bytes)
    except FetchError:
        raise
    except httpx.HTTPError as exc:
        raise FetchError(_describe(exc, timeout)) from None
    except ValueError as exc:  # an invalid URL
        raise FetchError(f"invalid URL ({_first_line(exc)})") from None


@contextmanager
def _no_limit() -> Iterator[None]:
    yield


def _get(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    accept: tuple[str, ...],
    what: str,
    max_bytes: int,
) -> Fetched:
    with client.stream("GET", url, headers=headers) as response:
        final = str(response.url)
        if response.status_code == 304:
            return Fetched(final, b"", "", None, headers.get("If-None-Match"), None, not_modified=True)
        if response.status_code >= 400:
            reason = response.reason_phrase or "error"
            raise FetchError(f"HTTP {response.status_code} {reason}")
        kind, charset = _media_type(response.headers.get("content-type", ""))
        if kind and kind not in accept:
            if what == "page" and ("rss" in kind or "atom" in kind):
                raise FetchError(f"is a feed ({kind}), not a web page; subscribe to it as a feed")
            raise FetchError(f"is {kind}, not a web {what} ({', '.join(accept[:2])})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"is {int(declared) / 1024 / 1024:.1f} MB; the limit is {_mb(max_bytes)}")
        encoding = response.headers.get("content-encoding", "").strip().lower()
        body = _read_capped(_decoded(response.iter_raw(), encoding), max_bytes)
        return Fetched(
            url=final,
            body=body,
            content_type=kind,
            charset=charset,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


def _decoded(raw: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """Decompress gzip or deflate incrementally, in bounded steps, so a small compressed chunk never
    inflates into a huge block of memory at once."""
    if encoding in ("", "identity"):
        yield from raw
        return
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = None  # zlib-wrapped or raw deflate: decided by the first bytes
    else:
        raise FetchError(f"the server sent an unsupported content encoding ({encoding})")
    try:
        for chunk in raw:
            if inflater is None:
                inflater = zlib.decompressobj(zlib.MAX_WBITS if chunk[:1] == b"\x78" else -zlib.MAX_WBITS)
            pending = chunk
            while pending:
                yield inflater.decompress(pending, _STEP)
                pending = inflater.unconsumed_tail
        if inflater is not None:
            yield inflater.flush()
    except zlib.error:
        raise FetchError("the server sent a body that could not be decompressed") from None


def _read_capped(chunks: Iterator[bytes], max_bytes: int) -> bytes:
    """The decoded (decompressed) body, stopped as soon as it passes `max_bytes`."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"is larger than {_mb(max_bytes)} (after decompression); not read further")
        parts.append(chunk)
    return b"".join(parts)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"


def response_headers(fetched: Fetched) -> dict[str, Any]:
    """Headers to give a parser that never fetches by itself (feedparser): location and type."""
    content_type = fetched.content_type or "application/xml"
    if fetched.charset:
        content_type += f"; charset={fetched.charset}"
    return {"content-location": fetched.url, "content-type": content_type}
