"""Pure text analysis for Briefing Reader: text in, spans and dated facts out (no I/O, no UI).

`analyze(text, published)` is the single entry point; `ANALYZER_VERSION` changes whenever its output
may change, so stored facts are recomputed.
"""

from extract.analyze import analyze
from extract.corrections import NO_CORRECTIONS, NOT_AN_ENTITY, Corrections
from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence

ANALYZER_VERSION = "8"  # 8: names typed from more evidence (issue 13), "guessed" on entities

__all__ = [
    "ANALYZER_VERSION",
    "NOT_AN_ENTITY",
    "NO_CORRECTIONS",
    "Analysis",
    "Corrections",
    "DateMention",
    "Entity",
    "Fact",
    "Figure",
    "Sentence",
    "analyze",
]
