"""Helpers for the export tests: the sample library with the user's article annotated, golden files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from store.library import Library

GOLDEN = Path(__file__).resolve().parent / "golden"
USER_ARTICLE_DATE = "2021-01-05"  # sample_articles/2021-01-05-*.md, the user's article
UPDATE_ENV = "UPDATE_GOLDEN"

HIGHLIGHT = "The number was drawn down to 3,000 in a decision by the Pentagon in September."
NOTED = "He added that only “hundreds” will remain for training, technical support and armament."
NOTE = "Residual force: compare with the 2,500 target.\n\n- ask OIR | Rudaw for the count"
CORRECTED = "Rudaw"


def user_article_id(library: Library) -> str:
    (found,) = [
        m.id for m in library.articles() if m.published and m.published.isoformat() == USER_ARTICLE_DATE
    ]
    return found


def span(body: str, quote: str) -> tuple[int, int]:
    start = body.index(quote)
    return start, start + len(quote)


def annotate_user_article(library: Library) -> str:
    """Tag, star, highlight, note and correct the user's article; returns its id."""
    aid = user_article_id(library)
    body = library.article(aid).body
    library.set_tags(aid, ["iraq", "us forces"])
    library.set_starred(aid, True)
    library.add_annotation(aid, *span(body, HIGHLIGHT), "highlight", color="yellow")
    library.add_annotation(aid, *span(body, NOTED), "note", note=NOTE)
    library.add_annotation(aid, *span(body, CORRECTED), "correction", correction={"type": "ORG"})
    return aid


def normalise_json(text: str) -> str:
    """Annotation ids and creation times differ on every run: number them in order of appearance."""
    data: dict[str, Any] = json.loads(text)
    ids: dict[str, str] = {}
    for annotation in data.get("annotations", []):
        annotation["id"] = ids.setdefault(annotation["id"], f"annotation-{len(ids) + 1}")
        annotation["created"] = "(created)"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; with UPDATE_GOLDEN=1 in the environment, rewrite it instead."""
    path = GOLDEN / name
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from the golden file (UPDATE_GOLDEN=1 rewrites it after review)"
