"""A figure as a short phrase for facts and the timeline: the span plus the counted noun kept outside it
("roughly 5,000" + "troops" -> "roughly 5,000 troops", "more than half" + "American forces" ->
"more than half of American forces")."""

from __future__ import annotations

from extract.model import Figure


def figure_phrase(figure: Figure) -> str:
    """The figure's text, followed by what it counts when that is not already inside the span."""
    unit = figure.unit
    if not unit or unit.lower() in figure.text.lower() or figure.kind in ("money", "percent", "quantity"):
        return figure.text
    if figure.kind in ("fraction", "vague"):
        return f"{figure.text} of {unit}"
    return f"{figure.text} {unit}"
