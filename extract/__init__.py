"""Pure text analysis for Briefing Reader: text in, spans and dated facts out (no I/O, no UI).

`analyze(text, published)` is the single entry point; `ANALYZER_VERSION` (`extract.version`) changes
whenever its output may change, so stored facts are recomputed.

The analysis engine (sentences, dates, entities, figures, facts: a few hundred milliseconds of imports) is
loaded when `analyze` is first asked for, so that importing the records or the version costs nothing.
`extract.analyze` is also the name of the engine's module: the package's `analyze` is always the function,
whichever of the two is imported first (`_Package`).
"""

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from extract.corrections import NO_CORRECTIONS, NOT_AN_ENTITY, Corrections
from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence
from extract.version import ANALYZER_VERSION

if TYPE_CHECKING:
    from extract.analyze import analyze

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


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from extract.analyze import analyze  # loads the engine; the attribute becomes the function

        return analyze
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(ModuleType):
    """This package, whose `analyze` attribute is the function of its module `extract.analyze`: importing
    that module sets it as an attribute of the package (the import system does), which is kept as the
    module's function instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "analyze" and isinstance(value, ModuleType):
            value = value.analyze
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
