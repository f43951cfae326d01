"""Structural checks on the bundled sample library in sample_articles/.

Owns the facts the samples promise: front matter that parses, titles, valid publication dates, exactly one
front-matter article without a date, the user's article kept byte-for-byte, one plain-text file without
front matter, a storyline across several articles. Deliberately independent of store/ and extract/.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
SEED_NAME = "2021-01-05-rudaw-kadhimi-withdrawal.md"
SEED_SOURCE = Path("/work/shared/seeds/000_18e518f6444891f7.txt")
# SHA-256 of the seed file, so the byte-for-byte check also runs where the seed folder is absent (CI).
SEED_SHA256 = "5e3703afd73266964c8457ae1bb602d84f2427c2ae6901f48d51de0d14ecdc48"
ALLOWED_KEYS = {"title", "published", "source", "url", "dateline", "author", "tags"}
STORYLINE_TAG = "Red River relief"
CONTROL_CHARS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Sample:
    path: Path
    meta: dict[str, Any] | None  # None when the file has no front matter
    body: bytes

    @property
    def body_text(self) -> str:
        return self.body.decode("utf-8")


def parse_sample(path: Path) -> Sample:
    """Split a sample into its YAML front matter (between the leading '---' lines) and its body bytes."""
    raw = path.read_bytes()
    if not raw.startswith(b"---\n"):
        return Sample(path, None, raw)
    end = raw.find(b"\n---\n", 4)
    assert end != -1, f"{path.name}: front matter is not closed by a '---' line"
    meta = yaml.safe_load(raw[4:end].decode("utf-8"))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return Sample(path, meta, raw[end + len(b"\n---\n") :])


def all_samples() -> list[Sample]:
    return [parse_sample(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in {".md", ".txt"}]


def published_of(sample: Sample) -> date:
    value = sample.meta["published"] if sample.meta else None
    # PyYAML turns an unquoted ISO date into datetime.date; a quoted one stays a string.
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return all_samples()


def test_library_has_at_least_ten_articles(samples: list[Sample]) -> None:
    assert len(samples) >= 10
    assert len(list(SAMPLES.iterdir())) == len(samples), "only .md and .txt files belong in sample_articles/"


@pytest.mark.parametrize("path", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_sample_is_well_formed(path: Path) -> None:
    sample = parse_sample(path)
    text = sample.body_text  # raises if the body is not UTF-8
    assert text.strip(), "empty body"
    assert not CONTROL_CHARS.search(text), "control characters in the body"
    if sample.meta is None:
        first_line = next(line for line in text.splitlines() if line.strip())
        assert 10 <= len(first_line) <= 160, "the first line of a file without front matter is its title"
        return
    assert set(sample.meta) <= ALLOWED_KEYS, f"unknown keys {set(sample.meta) - ALLOWED_KEYS}"
    assert isinstance(sample.meta.get("title"), str) and sample.meta["title"].strip()
    if "published" in sample.meta:
        published = published_of(sample)
        assert date(2019, 1, 1) <= published <= date(2024, 12, 31)
        assert path.name.startswith(published.isoformat()), "file names start with the publication date"
    tags = sample.meta.get("tags", [])
    assert isinstance(tags, list) and all(isinstance(t, str) and t for t in tags)
    for key in ("source", "dateline", "author", "url"):
        if key in sample.meta:
            assert isinstance(sample.meta[key], str) and sample.meta[key].strip()


def test_exactly_one_front_matter_article_lacks_published(samples: list[Sample]) -> None:
    undated = [s.path.name for s in samples if s.meta is not None and "published" not in s.meta]
    assert len(undated) == 1, undated


def test_one_plain_text_article_without_front_matter(samples: list[Sample]) -> None:
    plain = [s.path.name for s in samples if s.meta is None]
    assert plain and all(name.endswith(".txt") for name in plain)


def test_seed_article_metadata(samples: list[Sample]) -> None:
    seed = next(s for s in samples if s.path.name == SEED_NAME)
    assert seed.meta is not None
    assert published_of(seed) == date(2021, 1, 5)
    assert seed.meta["source"] == "Rudaw"
    assert seed.meta["dateline"] == "Erbil"
    assert seed.meta["title"] == seed.body_text.split("\n", 1)[0]


def test_seed_body_is_byte_for_byte_the_users_article() -> None:
    body = parse_sample(SAMPLES / SEED_NAME).body
    assert hashlib.sha256(body).hexdigest() == SEED_SHA256
    if SEED_SOURCE.exists():
        assert body == SEED_SOURCE.read_bytes()


def test_invented_articles_are_briefing_length(samples: list[Sample]) -> None:
    for sample in samples:
        if sample.path.name == SEED_NAME:
            continue
        words = len(sample.body_text.split())
        assert 250 <= words <= 600, f"{sample.path.name}: {words} words"


def test_storyline_runs_across_three_dated_articles(samples: list[Sample]) -> None:
    story = [s for s in samples if s.meta and STORYLINE_TAG in s.meta.get("tags", [])]
    assert len(story) >= 3
    dates = sorted(published_of(s) for s in story)
    assert len(set(dates)) == len(dates), "storyline articles are published on different days"


def test_publication_years_span_2019_to_2024(samples: list[Sample]) -> None:
    years = {published_of(s).year for s in samples if s.meta and "published" in s.meta}
    assert years == set(range(2019, 2025))
