"""The one theme module: entity colours that stay apart with colour-vision deficiencies and stay readable
on the background they are made for; the app follows its Textual theme; the module never loads Textual."""

from __future__ import annotations

import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from textual.theme import BUILTIN_THEMES

from tests.tui_support import make_app, make_library, settle
from tui import render, theme

ROOT = Path(__file__).resolve().parents[1]
PALETTES = (theme.DARK, theme.LIGHT, theme.TERMINAL)
TEXTUAL_DARK_BACKGROUND = "#121212"  # textual-dark leaves `background` to Textual's default

# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, on linear RGB.
DEFICIENCIES = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(hex_colour: str) -> tuple[float, float, float]:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return channel(r), channel(g), channel(b)


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, c)) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(hex_colour: str, deficiency: str | None) -> tuple[float, float, float]:
    rgb = _linear(hex_colour)
    if deficiency is not None:
        rgb = tuple(sum(m * c for m, c in zip(row, rgb, strict=True)) for row in DEFICIENCIES[deficiency])  # type: ignore[assignment]
    return _lab(rgb)


def difference(a: str, b: str, deficiency: str | None = None) -> float:
    """CIE76 colour difference as seen with full colour vision or with a deficiency."""
    return sum((p - q) ** 2 for p, q in zip(_seen(a, deficiency), _seen(b, deficiency), strict=True)) ** 0.5


def luminance(hex_colour: str) -> float:
    r, g, b = _linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def colour(palette: theme.Palette, kind: str) -> str:
    style = palette.entity[kind]
    assert style.color is not None and style.color.triplet is not None
    return style.color.triplet.hex


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
@pytest.mark.parametrize(("a", "b"), [("PERSON", "GPE"), ("ORG", "LOC")])
def test_the_pairs_that_were_near_identical_are_clearly_apart(
    palette: theme.Palette, deficiency: str | None, a: str, b: str
) -> None:
    assert difference(colour(palette, a), colour(palette, b), deficiency) >= 20


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_no_two_entity_colours_are_alike(palette: theme.Palette) -> None:
    kinds = ["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"]
    for a, b in combinations(kinds, 2):
        assert difference(colour(palette, a), colour(palette, b)) >= 15, (a, b)


def _backgrounds(dark: bool) -> list[str]:
    found = []
    for t in BUILTIN_THEMES.values():
        if t.dark == dark:
            found += [c for c in (t.background, t.surface) if c and c.startswith("#")]
    return found


@pytest.mark.parametrize("kind", theme.ENTITY_ORDER)
def test_each_palette_is_readable_on_its_background(kind: str) -> None:
    assert contrast(colour(theme.DARK, kind), TEXTUAL_DARK_BACKGROUND) >= 4.5
    assert contrast(colour(theme.LIGHT, kind), BUILTIN_THEMES["textual-light"].background or "") >= 4.5
    assert all(contrast(colour(theme.DARK, kind), bg) >= 3 for bg in _backgrounds(dark=True))  # bold text
    assert all(contrast(colour(theme.LIGHT, kind), bg) >= 4.5 for bg in _backgrounds(dark=False))
    # The commands do not know the terminal's background: readable on black and on white.
    assert contrast(colour(theme.TERMINAL, kind), "#000000") >= 4.5
    assert contrast(colour(theme.TERMINAL, kind), "#ffffff") >= 4.3


def test_app_and_command_line_share_one_set_of_labels_and_hues() -> None:
    from cli import _analysis_view

    assert render.ENTITY_LABELS is theme.ENTITY_LABELS and render.SHORT_LABELS is theme.SHORT_LABELS
    assert _analysis_view.PALETTE is theme.TERMINAL
    # The same hue family everywhere: PERSON is orange in the app and on the command line.
    for palette in PALETTES:
        r, g, b = _linear(colour(palette, "PERSON"))
        assert r > g > b


def test_theme_module_does_not_import_textual() -> None:
    code = "import sys, tui.theme, cli._analysis_view; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


async def test_the_app_follows_a_light_theme_and_back(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    app = make_app(library)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert theme.active() is theme.DARK
            legend = app.query_one("#legend")
            app.theme = "textual-light"
            await settle(pilot)
            assert theme.active() is theme.LIGHT
            shown = legend.render()
            spans = {str(shown)[s.start : s.end]: s.style for s in shown.spans}  # type: ignore[union-attr]
            person = spans["person"].foreground.rgb  # type: ignore[union-attr]
            assert "#{:02x}{:02x}{:02x}".format(*person) == colour(theme.LIGHT, "PERSON")
            reader = app.query_one("#reader")
            styles = {h.style for h in reader.index.items}  # type: ignore[attr-defined]
            assert styles and styles <= {
                *theme.LIGHT.entity.values(),
                theme.LIGHT.figure,
                theme.LIGHT.date,
                theme.LIGHT.unanchored_date,
            }
            app.theme = "textual-dark"
            await settle(pilot)
            assert theme.active() is theme.DARK
            assert render.ENTITY_STYLES["PERSON"] == theme.DARK.entity["PERSON"]
    finally:
        theme.use(dark=True)
        library.close()
