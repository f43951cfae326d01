"""`briefing import https://...`: fetch web pages (a few at a time) and import their main text.

Each URL is fetched within the limits of `store.ingest.fetch` and extracted by `store.ingest.html`; the
articles go through the library's ordinary import (`Library.import_articles`), with the URL the user gave
as their path, so importing the same URL again adds nothing and a changed page updates its article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from store.ingest.fetch import HTML_TYPES, FetchError, HostLimiter, fetch, new_client
from store.ingest.reader import IngestError, ParsedArticle
from store.records import ImportProblem, ImportReport, ImportStep

if TYPE_CHECKING:
    import httpx

    from store.library import Library

FETCH_WORKERS = 4


def fetch_page(url: str, *, client: httpx.Client, limiter: HostLimiter | None = None) -> ParsedArticle:
    """Fetch one page and extract its article; raises FetchError or IngestError (one-line reasons)."""
    from store.ingest.html import parse_html

    fetched = fetch(url, client=client, accept=HTML_TYPES, what="page", limiter=limiter)
    return parse_html(fetched.body, url, url=fetched.url, charset=fetched.charset)


def import_urls(
    library: Library,
    urls: Sequence[str],
    progress: Callable[[ImportStep], None] | None = None,
    analyze: bool = True,
    *,
    client: httpx.Client | None = None,
) -> ImportReport:
    """Fetch and import web pages; a page that cannot be fetched or read is a failure in the report."""
    own = client is None
    client = client or new_client(max_connections=FETCH_WORKERS)
    limiter = HostLimiter()
    total = len(urls)

    def one(url: str) -> ParsedArticle | ImportProblem:
        try:
            return fetch_page(url, client=client, limiter=limiter)
        except (FetchError, IngestError) as exc:
            return ImportProblem(url, str(exc))

    try:
        with ThreadPoolExecutor(max_workers=max(1, min(FETCH_WORKERS, total))) as pool:
            results = list(pool.map(one, urls))
    finally:
        if own:
            client.close()
    failed = [r for r in results if isinstance(r, ImportProblem)]
    pages = [r for r in results if isinstance(r, ParsedArticle)]
    for n, problem in enumerate(failed, start=1):
        if progress:
            progress(ImportStep(problem.path, n, total, "failed", message=problem.message))

    def shifted(step: ImportStep) -> None:
        if progress:
            progress(replace(step, done=step.done + len(failed), total=total))

    report = library.import_articles(pages, progress=shifted, analyze=analyze) if pages else ImportReport()
    report.failed[:0] = failed
    return report


def merge_reports(first: ImportReport, second: ImportReport) -> ImportReport:
    """One report for an import of files and URLs together."""
    return ImportReport(
        added=first.added + second.added,
        present=first.present + second.present,
        failed=first.failed + second.failed,
        warnings=first.warnings + second.warnings,
        updated=first.updated + second.updated,
        notes=first.notes + second.notes,
        trashed=first.trashed + second.trashed,
    )
