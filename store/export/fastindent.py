"""Indented JSON for the exports, written by orjson where it gives the standard library's text.

`indented(value, level)` is exactly `store.jsonout.indented(value, level)` (the text of
`json.dumps(value, ensure_ascii=False, indent=2)` as it reads nested `level` deep): orjson writes it when
`store.fastjson` finds the value one whose compact bytes orjson writes as the standard library does
(orjson's two-space indentation is then `json.dumps`'s too: ": " after keys, one member a line, `[]` and
`{}` for empty containers); anything else goes to `store.jsonout`. JSON text holds no raw line break, so
nesting it deeper only indents every line after the first.

`pack(value)` keeps such a value as its compact JSON bytes (parsed back equal by `unpack`), for records
held by the thousand until they are written.
"""

from __future__ import annotations

from typing import Any

from store import jsonout
from store.fastjson import _plain as orjson_writes_as_stdlib

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps a broken install working
    orjson = None  # type: ignore[assignment]

_INDENT_OPTION = orjson.OPT_INDENT_2 if orjson is not None else 0


def indented(value: Any, level: int = 0) -> str:
    """`store.jsonout.indented(value, level)`, by orjson when it writes the same text."""
    if orjson is not None and orjson_writes_as_stdlib(value):
        try:
            text = orjson.dumps(value, option=_INDENT_OPTION).decode()
        except orjson.JSONEncodeError:
            pass  # a non-text key, a number beyond 64 bits, a lone surrogate: the standard library decides
        else:
            return text.replace("\n", "\n" + "  " * level) if level else text
    return jsonout.indented(value, level)


def pack(value: Any) -> bytes | None:
    """`value` as compact JSON when orjson writes it as the standard library does (so `unpack` gives an
    equal value back, and `indented_packed` its indented text); None otherwise."""
    if orjson is None or not orjson_writes_as_stdlib(value):
        return None
    try:
        made = orjson.dumps(value)
    except orjson.JSONEncodeError:
        return None
    # A copy of exactly its size: orjson's own is a larger buffer cut down, whose freed end no later
    # buffer fits in (thousands of them held would take half as much memory again).
    return bytes(memoryview(made))


def unpack(packed: bytes) -> Any:
    """The value `pack` was given."""
    return orjson.loads(packed)


def indented_packed(value: Any, level: int) -> str:
    """`indented(value, level)` of a value made only of what `pack` accepts (not checked again)."""
    text = orjson.dumps(value, option=_INDENT_OPTION).decode()
    return text.replace("\n", "\n" + "  " * level) if level else text
