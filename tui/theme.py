"""Colours and labels of the analysis and of the user's annotations, shared by the app and the command line
(never imports Textual).

The entity colours follow the Okabe-Ito palette, which stays distinguishable with the common colour-vision
deficiencies: a person is orange, an organisation blue, a country or city bluish green, another place
yellow (and italic), a group reddish purple, an event vermillion. Each palette is one set of hues at a
lightness made for its background:

- `DARK` for the app on a dark Textual theme (bright hues: 7:1 against Textual's default dark background,
  at least 3:1, enough for bold text, on every built-in dark theme's background and surface);
- `LIGHT` for the app on a light theme (deep hues: 6.6:1 against white, at least 4.5:1 on every built-in
  light theme's background and surface);
- `TERMINAL` for the commands, whose background is unknown (middle lightness: about 4.5:1 against
  both black and white).

The app picks `palette(dark)` from its Textual theme (`App.current_theme.dark`) and re-picks it when the
theme changes; `tui.render` draws with the active one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style

from store.safetext import one_line

ENTITY_ORDER: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER")
ENTITY_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country/city",
    "LOC": "place",
    "NORP": "group/nationality",
    "EVENT": "event",
    "OTHER": "other name",
}
SHORT_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "country",
    "LOC": "place",
    "NORP": "group",
    "EVENT": "event",
    "OTHER": "other",
}
CORRECTION_LABELS: dict[str, str] = {"NONE": "not a name"}
ITALIC_TYPES = frozenset({"LOC", "OTHER"})  # a second cue besides the hue: places that are not countries

# Entity hues per palette: Okabe-Ito orange, sky blue / blue, bluish green, yellow, reddish purple,
# vermillion, grey, each moved to the lightness its background needs (see the module docstring).
_ENTITY_HEX: dict[str, dict[str, str]] = {
    "dark": {
        "PERSON": "#e69f00",
        "ORG": "#56b4e9",
        "GPE": "#00b483",
        "LOC": "#f0e442",
        "NORP": "#d187b0",
        "EVENT": "#ff7507",
        "OTHER": "#9e9e9e",
    },
    "light": {
        "PERSON": "#7d5600",
        "ORG": "#136390",
        "GPE": "#006a4e",
        "LOC": "#655f08",
        "NORP": "#993a6f",
        "EVENT": "#994400",
        "OTHER": "#5d5d5d",
    },
    "terminal": {
        "PERSON": "#a17000",
        "ORG": "#1880ba",
        "GPE": "#008964",
        "LOC": "#837a0a",
        "NORP": "#be538e",
        "EVENT": "#c65800",
        "OTHER": "#797979",
    },
}


def _entity_styles(hexes: dict[str, str]) -> dict[str, Style]:
    return {kind: Style(color=hexes[kind], bold=True, italic=kind in ITALIC_TYPES) for kind in ENTITY_ORDER}


@dataclass(frozen=True, slots=True)
class Palette:
    """Every colour the analysis and the user's annotations are drawn with, for one kind of background."""

    name: str
    entity: dict[str, Style]
    figure: Style
    date: Style
    unanchored_date: Style
    marked_sentence: Style
    annotation_colors: dict[str, Style]  # the user's highlights, by stored colour name
    note: Style
    timeline_date: Style
    timeline_unanchored: Style
    timeline_title: Style
    timeline_figure: Style
    unread: Style
    star: Style
    tags: Style
    correction: Style
    conflict: Style  # a figure that other articles contradict (issue 12): the reader's marker

    def entity_style(self, kind: str) -> Style:
        return self.entity.get(kind, self.entity["OTHER"])


DARK = Palette(
    name="dark",
    entity=_entity_styles(_ENTITY_HEX["dark"]),
    figure=Style(color="#1b1b1b", bgcolor="#e5c07b", bold=True),
    date=Style(color="#e0f0ff", bgcolor="#2a4d7a", underline=True),
    unanchored_date=Style(color="#9aa7b8", bgcolor="#3a3a3a", italic=True, underline=True, dim=True),
    marked_sentence=Style(bgcolor="#4a3b12"),
    annotation_colors={
        "yellow": Style(bgcolor="#5a4a00"),
        "green": Style(bgcolor="#1f4d2b"),
        "blue": Style(bgcolor="#1d3f66"),
        "pink": Style(bgcolor="#5e2347"),
    },
    note=Style(color="#b39ddb", italic=True, dim=True),
    timeline_date=Style(bold=True, color="#82aaff"),
    timeline_unanchored=Style(bold=True, color="#9aa7b8", italic=True),
    timeline_title=Style(color="#c792ea"),
    timeline_figure=Style(bold=True, color="#e5c07b"),
    unread=Style(color="#64b5f6", bold=True),
    star=Style(color="#ffd54f"),
    tags=Style(color="#80cbc4", italic=False),
    correction=Style(bold=True, color="#ff9e80"),
    conflict=Style(color="#1b1b1b", bgcolor="#ff8a80", bold=True, underline=True),
)

LIGHT = Palette(
    name="light",
    entity=_entity_styles(_ENTITY_HEX["light"]),
    figure=Style(color="#1b1b1b", bgcolor="#f3dfa2", bold=True),
    date=Style(color="#0b2545", bgcolor="#cfe3f7", underline=True),
    unanchored_date=Style(color="#4f5b69", bgcolor="#e6e6e6", italic=True, underline=True),
    marked_sentence=Style(bgcolor="#fbeec1"),
    annotation_colors={
        "yellow": Style(bgcolor="#fff1a8"),
        "green": Style(bgcolor="#cdeccd"),
        "blue": Style(bgcolor="#cfe0fb"),
        "pink": Style(bgcolor="#f9d2e5"),
    },
    note=Style(color="#5e35b1", italic=True),
    timeline_date=Style(bold=True, color="#1f5fbf"),
    timeline_unanchored=Style(bold=True, color="#5f6b7a", italic=True),
    timeline_title=Style(color="#7b3fa0"),
    timeline_figure=Style(bold=True, color="#7d5600"),
    unread=Style(color="#1565c0", bold=True),
    star=Style(color="#a86f00"),
    tags=Style(color="#00695c", italic=False),
    correction=Style(bold=True, color="#b5401a"),
    conflict=Style(color="#1b1b1b", bgcolor="#ffb3a7", bold=True, underline=True),
)

# The commands: readable whatever the terminal's background (Rich drops colours when piped).
TERMINAL = Palette(
    name="terminal",
    entity=_entity_styles(_ENTITY_HEX["terminal"]),
    figure=Style(color="#a17000", bold=True, underline=True),
    date=Style(color="#1880ba", bold=True, underline=True),
    unanchored_date=Style(color="#797979", italic=True, underline=True),
    marked_sentence=Style(reverse=True),
    annotation_colors={
        "yellow": Style(color="#837a0a", underline=True),
        "green": Style(color="#008964", underline=True),
        "blue": Style(color="#1880ba", underline=True),
        "pink": Style(color="#be538e", underline=True),
    },
    note=Style(italic=True),
    timeline_date=Style(bold=True, color="#1880ba"),
    timeline_unanchored=Style(bold=True, color="#797979", italic=True),
    timeline_title=Style(color="#be538e"),
    timeline_figure=Style(bold=True, color="#a17000"),
    unread=Style(color="#1880ba", bold=True),
    star=Style(color="#a17000"),
    tags=Style(color="#008964"),
    correction=Style(bold=True, color="#c65800"),
    conflict=Style(color="#c65800", bold=True, reverse=True),
)


def correction_label(correction: dict[str, str] | None) -> str:
    """'this is a PERSON' / 'this is not a name' / 'this date means 2020-01-03'."""
    correction = correction or {}
    if "date" in correction:
        return f"this date means {one_line(correction['date'])}"
    kind = one_line(correction.get("type", "?"))
    return f"this is {CORRECTION_LABELS.get(kind, indefinite(kind))}"


def indefinite(kind: str) -> str:
    """'PERSON' -> 'a PERSON', 'ORG' -> 'an ORG' (entity types are read letter by letter or as words)."""
    return ("an " if kind[:1] in ("A", "E", "I", "O", "U") else "a ") + kind


def palette(dark: bool) -> Palette:
    """The app's palette for a dark or a light Textual theme."""
    return DARK if dark else LIGHT


class _Active:
    """The palette the app draws with now (set from the app's Textual theme)."""

    palette: Palette = DARK


def active() -> Palette:
    return _Active.palette


def use(dark: bool) -> bool:
    """Draw with the palette for a dark (or light) background from now on; True if that changed it."""
    chosen = palette(dark)
    changed = chosen is not _Active.palette
    _Active.palette = chosen
    return changed
