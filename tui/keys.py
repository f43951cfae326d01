"""The key map as the user sees it: bindings of the app and each pane, grouped for the help screen.

Built from the widgets' own `BINDINGS`, so the help screen cannot drift from what the keys really do.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

KEY_NAMES: dict[str, str] = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "question_mark": "?",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "ctrl+p": "Ctrl+P",
    "ctrl+s": "Ctrl+S",
    "shift+down": "Shift+↓",
    "shift+up": "Shift+↑",
}


def key_label(keys: str) -> str:
    """'j,down' -> 'j ↓'."""
    return " ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) for each binding, in declaration order."""
    rows: list[tuple[str, str]] = []
    for b in bindings:
        if isinstance(b, Binding):
            key, desc = b.key, b.tooltip or b.description or b.action
        else:
            key, desc = b[0], (b[2] if len(b) > 2 else b[1])
        rows.append((key_label(key), desc))
    return rows


def key_hints(bindings: Iterable[BindingType]) -> dict[str, str]:
    """Action name (without its `app.` namespace) -> the keys bound to it, as `key_label` shows them.

    The first binding of an action wins, so list the app's bindings before the panes'."""
    hints: dict[str, str] = {}
    for b in bindings:
        key, action = (b.key, b.action) if isinstance(b, Binding) else (b[0], b[1])
        hints.setdefault(action.removeprefix("app."), key_label(key))
    return hints
