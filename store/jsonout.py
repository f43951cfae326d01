"""JSON text made piece by piece with the C encoder: the exact text of `json.dumps(value,
ensure_ascii=False, indent=2)` (what `safe_json` and the exports write) without Python's pure-Python
indenting encoder, and without holding a whole document.

The C encoder only writes compact JSON, but a container whose members are all scalars can be written by it
with ",\\n" plus the indentation as its item separator; only containers holding containers are walked here.
Where orjson writes the same text (`store.fastjson.indented`: text, whole numbers within 64 bits, floats
printed without an exponent), it writes the whole value in one call, about 6x faster.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from store import fastjson

_Encode = Callable[[Any, int], Any]
_COMPACT = json.JSONEncoder(ensure_ascii=False)  # json.dumps's defaults without indent: the C encoder
_make = getattr(json.encoder, "c_make_encoder", None)
_encoders: dict[int, _Encode] = {}
_string: Callable[[str], str] = json.encoder.encode_basestring  # a text as JSON (C), non-ASCII kept


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
    text = fastjson.indented(value, level)
    if text is not None:
        return text
    kind = type(value)
    if kind is dict:
        members: Iterable[Any] = value.values()
    elif kind is list:
        members = value
    elif _nested(value):
        members = value.values() if isinstance(value, dict) else value
    else:
        return "".join(_flat(level)(value, 0))
    if not value:
        return "".join(_flat(level)(value, 0))
    plain = _PLAIN
    for item in members:
        if type(item) not in plain:
            break
    else:  # only scalars: one C call
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        return opening + "\n" + "  " * (level + 1) + _run(value, level + 1) + "\n" + "  " * level + closing
    return _walked(value, level)


def indented_packed(value: Any, level: int) -> str:
    """`indented(value, level)` of a value made only of what `fastjson.pack` accepts (not checked again)."""
    return fastjson.indented_packed(value, level)


def _walked(value: Any, level: int) -> str:
    """`indented` of a non-empty container holding containers: runs of scalars written by the C encoder,
    containers in them by `indented` (those holding only scalars right here: one C call each)."""
    inner = "\n" + "  " * (level + 1)
    deeper = inner + "  "
    encode = _flat(level + 1)
    encode_deeper = _flat(level + 2)
    plain = _PLAIN
    is_dict = isinstance(value, dict)
    pairs = value.items() if is_dict else enumerate(value)
    parts: list[str] = []
    run: Any = {} if is_dict else []
    for key, item in pairs:
        kind = type(item)
        if kind in plain or not (item if kind is dict or kind is list else _nested(item)):
            if is_dict:
                run[key] = item
            else:
                run.append(item)
            continue
        if run:
            parts.append("".join(encode(run, 0))[1:-1])
            run = {} if is_dict else []
        for member in item.values() if isinstance(item, dict) else item:
            if type(member) not in plain:
                text = indented(item, level + 1)
                break
        else:  # only scalars: one C call
            text = "".join(encode_deeper(item, 0))
            text = text[0] + deeper + text[1:-1] + inner + text[-1]
        parts.append(f"{_key(key)}: {text}" if is_dict else text)
    if run:
        parts.append("".join(encode(run, 0))[1:-1])
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    return opening + inner + ("," + inner).join(parts) + "\n" + "  " * level + closing


def _key(key: Any) -> str:
    """A dict key as json.dumps writes it (keys that are not strings become strings)."""
    if isinstance(key, str):
        return _string(key)
    return _COMPACT.encode({key: 0})[1:-4]


def array_chunks(items: Iterable[Any], level: int = 0, chunk: int = 256) -> Iterator[str]:
    """The text of `indented(list(items), level)`, a few items at a time: each `chunk` of them written by
    one `indented` call (one orjson call when it can), its brackets cut off."""
    return array_of_texts(runs(items, level, chunk), level, 1)


def runs(items: Iterable[Any], level: int = 0, chunk: int = 256) -> Iterator[str]:
    """The members of `indented(list(items), level)` a run of `chunk` items at a time: each run is the
    items' texts joined as the array joins them (`array_of_texts` takes runs as it takes items). Dicts
    of scalars are checked at once (`fastjson.odd_records`), and those orjson writes written together."""
    iterator = iter(items)
    while batch := list(islice(iterator, chunk)):
        odd = fastjson.odd_records(batch) if set(map(type, batch)) == _DICT else None
        yield _members(batch, level) if odd is None else _records(batch, odd, level)


_DICT = {dict}


def _members(items: list[Any], level: int) -> str:
    return members(indented(items, level), level)


def _records(records: list[dict[str, Any]], odd: list[int], level: int) -> str:
    """`_members` of dicts of scalars, those not at the positions `odd` written by orjson a run at a time."""
    texts: list[str] = []
    start = 0
    for end in [*odd, len(records)]:
        if start < end:
            part = records[start:end]
            try:
                texts.append(members(fastjson.indented_packed(part, level), level))
            except TypeError:  # orjson refused a key that is not text, a lone surrogate, a huge number
                texts.append(_members(part, level))
        if end < len(records):
            texts.append(indented(records[end], level + 1))
        start = end + 1
    return ("," + "\n" + "  " * (level + 1)).join(texts)


def members(text: str, level: int) -> str:
    """The members of a non-empty list's `indented(..., level)` text (its brackets and the white space
    around them cut off): the items' texts joined by "," and a new line at `level + 1`."""
    return text[2 * level + 4 : -(2 * level + 2)]  # "[\n" and the indent; "\n", the indent and "]"


def array_of_texts(texts: Iterable[str], level: int = 0, chunk: int = 256) -> Iterator[str]:
    """`array_chunks` of items already written as `indented(item, level + 1)` texts."""
    inner = "\n" + "  " * (level + 1)
    opening = "[" + inner
    batch: list[str] = []
    for text in texts:
        batch.append(text)
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
