"""Helpers for the store tests: article files in a temp folder and a tiny deterministic stand-in analyzer.

The stand-in keeps the store tests independent of the real analyzer's quality: it finds ISO dates
(`2020-03-04`, `2020-03`) and the names "Alpha Corp" / "Alpha" (one ORG), one sentence per line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from extract.corrections import NO_CORRECTIONS, Corrections
from extract.model import Analysis, DateMention, Entity, Fact, Sentence
from store.library import Library

_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b(?!-)")
_NAME = re.compile(r"\bAlpha(?: Corp)?\b")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article_text(title: str, body: str, **front: str) -> str:
    if not front:
        return f"{title}\n\n{body}\n"
    lines = "".join(f"{k}: {v}\n" for k, v in front.items())
    return f"---\ntitle: {title}\n{lines}---\n{title}\n\n{body}\n"


class FakeAnalyzer:
    """Counts its calls; honours `entity_types` corrections ("NONE" drops a name)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(
        self, text: str, published: date | None = None, corrections: Corrections = NO_CORRECTIONS
    ) -> Analysis:
        self.calls += 1
        sentences: list[Sentence] = []
        offset = 0
        for line in text.splitlines(keepends=True):
            if line.strip():
                sentences.append(Sentence(offset, offset + len(line.rstrip("\n"))))
            offset += len(line)
        entities = [
            Entity(m.start(), m.end(), m.group(), "ORG", "Alpha Corp")
            for m in _NAME.finditer(text)
            if corrections.entity_types.get(m.group()) != "NONE"
        ]
        dates: list[DateMention] = []
        facts: list[Fact] = []
        for m in _DAY.finditer(text):
            dates.append(DateMention(m.start(), m.end(), m.group(), "DATE", m.group()))
        for m in _MONTH.finditer(text):
            dates.append(DateMention(m.start(), m.end(), m.group(), "DATE", m.group()))
        dates.sort(key=lambda d: d.start)
        for d in dates:
            sentence = next(s for s in sentences if s.start <= d.start < s.end)
            if len(d.value) == 10:
                start_date = end_date = d.value
            else:
                start_date = f"{d.value}-01"
                end_date = f"{d.value}-28"
            names = tuple(sorted({e.canonical for e in entities if sentence.start <= e.start < sentence.end}))
            facts.append(
                Fact(
                    d.value,
                    start_date,
                    end_date,
                    sentence,
                    text[sentence.start : sentence.end],
                    d,
                    entities=names,
                )
            )
        return Analysis(published, tuple(sentences), tuple(entities), (), tuple(dates), tuple(facts))


def open_with_fake_analyzer(
    folder: Path, fake: FakeAnalyzer | None = None, version: str = "test-1"
) -> tuple[Library, FakeAnalyzer]:
    """A library (no samples) whose analyses come from a FakeAnalyzer of `version`."""
    fake = fake or FakeAnalyzer()
    return Library.open(folder, import_samples=False, analyzer=fake, analyzer_version=version), fake
