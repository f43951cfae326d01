"""Small invented articles for the cross-article tests: analysed by `extract.analyze`, no library."""

from __future__ import annotations

from datetime import date

from extract import analyze
from extract.across.digest import ArticleDigest, digest
from extract.across.index import AcrossIndex
from extract.across.model import ArticleInfo


def make(article_id: str, text: str, published: str | None, source: str = "Wire") -> ArticleDigest:
    day = date.fromisoformat(published) if published else None
    info = ArticleInfo(article_id, f"title {article_id}", source, published)
    return digest(info, analyze(text, day), text)


def index(*digests: ArticleDigest) -> AcrossIndex:
    return AcrossIndex(digests)
