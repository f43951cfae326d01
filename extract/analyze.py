"""The analysis pipeline: sentences, dates, entities, figures, then the dated facts that tie them."""

from __future__ import annotations

from datetime import date

from extract.corrections import NO_CORRECTIONS, Corrections
from extract.entities import find_entities
from extract.facts import build_facts
from extract.figures import find_figures
from extract.model import Analysis
from extract.sentences import split_sentences
from extract.timex import find_dates


def analyze(text: str, published: date | None = None, corrections: Corrections = NO_CORRECTIONS) -> Analysis:
    """Analyse `text` as published on `published` (None: relative dates stay unanchored).

    Pure and deterministic: no I/O, no global mutable state; every offset indexes `text`.
    """
    sentences = split_sentences(text)
    dates = find_dates(text, sentences, published, corrections)
    taken = [(d.start, d.end) for d in dates]
    entities = find_entities(text, sentences, corrections, taken)
    figures = find_figures(text, sentences, taken)
    facts = build_facts(text, sentences, dates, entities, figures, published=published)
    return Analysis(
        published=published,
        sentences=tuple(sentences),
        entities=tuple(entities),
        figures=tuple(figures),
        dates=tuple(dates),
        facts=tuple(facts),
    )
