"""The figure layer: counts, amounts, percentages, fractions, measurements and vague amounts in news text.

`find_figures(text, sentences, taken)` is rule-based, offline and deterministic; see `find.py` for the
conventions (span, unit, qualifier, ranges).
"""

from extract.figures.find import find_figures
from extract.figures.phrase import figure_phrase

__all__ = ["figure_phrase", "find_figures"]
