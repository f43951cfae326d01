"""JSON text made piece by piece with the C encoder: the exact text of `json.dumps(value,
ensure_ascii=False, indent=2)` (what `safe_json` and the exports write) without Python's pure-Python
indenting encoder, and without holding a whole document.

The C encoder only writes compact JSON, but a container whose members are all scalars can be written by it
with ",\\n" plus the indentation as its item separator; only containers holding containers are walked here.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_Encode = Callable[[Any, int], Any]
_COMPACT = json.JSONEncoder(ensure_ascii=False)  # json.dumps's defaults without indent: the C encoder
_make = getattr(json.encoder, "c_make_encoder", None)
_encoders: dict[int, _Encode] = {}


def compact(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False)` (the C encoder made once, not at every call)."""
    return "".join(_compact(value, 0))


def _unsupported(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _encoder(separator: str) -> _Encode:
    """The C encoder with this item separator (non-ASCII kept, ": " between key and value)."""
    if _make is not None:
        made: _Encode = _make(
            None, _unsupported, json.encoder.encode_basestring, None, ": ", separator, False, False, True
        )
        return made
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(separator, ": "))  # no C encoder here

    def encode(value: Any, _level: int) -> Any:
        return encoder.iterencode(value)

    return encode


def _flat(level: int) -> _Encode:
    """An encoder (made once per level) whose item separator starts a new line at `level`."""
    found = _encoders.get(level)
    if found is None:
        found = _encoders[level] = _encoder(",\n" + "  " * level)
    return found


_compact = _encoder(", ")


def _run(values: Any, level: int) -> str:
    """The members of a dict or list of scalars (or empty containers), one a line at `level`."""
    return "".join(_flat(level)(values, 0))[1:-1]


_CONTAINERS = (dict, list, tuple)
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _nested(value: Any) -> bool:
    return type(value) not in _PLAIN and isinstance(value, _CONTAINERS) and bool(value)


def indented(value: Any, level: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` as it reads nested `level` deep (every line after
    the first indented by two spaces a level)."""
    if not _nested(value):
        return "".join(_flat(level)(value, 0))
    inner = "\n" + "  " * (level + 1)
    is_dict = isinstance(value, dict)
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    if all(type(item) in _PLAIN for item in (value.values() if is_dict else value)):
        return opening + inner + _run(value, level + 1) + "\n" + "  " * level + closing  # one C call
    parts: list[str] = []
    if is_dict:
        run: dict[Any, Any] = {}
        for key, item in value.items():
            if _nested(item):
                if run:
                    parts.append(_run(run, level + 1))
                    run = {}
                parts.append(f"{_key(key)}: {indented(item, level + 1)}")
            else:
                run[key] = item
        if run:
            parts.append(_run(run, level + 1))
    else:
        items: list[Any] = []
        for item in value:
            if _nested(item):
                if items:
                    parts.append(_run(items, level + 1))
                    items = []
                parts.append(indented(item, level + 1))
            else:
                items.append(item)
        if items:
            parts.append(_run(items, level + 1))
    return opening + inner + ("," + inner).join(parts) + "\n" + "  " * level + closing


def _key(key: Any) -> str:
    """A dict key as json.dumps writes it (keys that are not strings become strings)."""
    if isinstance(key, str):
        return _COMPACT.encode(key)
    return _COMPACT.encode({key: 0})[1:-4]


def array_chunks(items: Iterable[Any], level: int = 0, chunk: int = 256) -> Iterator[str]:
    """The text of `indented(list(items), level)`, a few items at a time."""
    inner = "\n" + "  " * (level + 1)
    opening = "[" + inner
    batch: list[str] = []
    for item in items:
        batch.append(indented(item, level + 1))
        if len(batch) >= chunk:
            yield opening + ("," + inner).join(batch)
            opening, batch = "," + inner, []
    if batch:
        yield opening + ("," + inner).join(batch)
        opening = ""
    yield "[]" if opening.startswith("[") else "\n" + "  " * level + "]"


def object_chunks(fields: Iterable[tuple[str, Any]], level: int = 0) -> Iterator[str]:
    """The text of an indented object from (key, value) pairs, in order; a value that is an iterator
    (not a list) is written as an array a few items at a time (`array_chunks`)."""
    inner = "\n" + "  " * (level + 1)
    opening = "{" + inner
    for key, value in fields:
        yield opening + _key(key) + ": "
        if isinstance(value, Iterator):
            yield from array_chunks(value, level + 1)
        else:
            yield indented(value, level + 1)
        opening = "," + inner
    yield "{}" if opening.startswith("{") else "\n" + "  " * level + "}"
