"""JSON for the library's files: written with orjson where it gives the standard library's bytes, read
with orjson where it gives the standard library's values.

- `dumps(data)` returns exactly the bytes of `json.dumps(data, ensure_ascii=False, separators=(",", ":"))`
  in UTF-8 (the library's compact form). orjson writes them when the data holds only dicts, lists and
  tuples of text, booleans, null, whole numbers within 64 bits and floats that Python prints without an
  exponent (0 and 1e-4 <= |x| < 1e16); anything else (NaN and infinities, which orjson would write as
  null; exponents, which it prints another way; other types, non-text keys, lone surrogates) is written
  by the standard library, so the bytes never depend on which one wrote them. Writing `articles.json` of
  100,000 articles: 0.09 s instead of 0.39 s.
- `loads(raw)` returns what `json.loads(raw)` returns. orjson parses about a third faster, but reads a
  whole number beyond 64 bits as a float (and "-0" as 0), and finding such a number in the bytes costs
  more than that gain; so orjson's result is written back with orjson, and kept only when that gives
  `raw` again, byte for byte: then every number it read is the one written (a float read from a whole
  number would be written with a "." or an exponent). That is the case for every file the library
  writes (see `dumps`); anything else (a hand-edited file, spaces, escaped characters, NaN, numbers orjson
  does not read) is parsed by the standard library. At 100,000 articles: 0.22 s instead of 0.30 s.
  `loads(raw, orjson_wrote=True)` skips that check for bytes known to be orjson's own (`dumps_telling`
  says so when writing; `store.signed` remembers it beside the file).
- `dumps_plain(data)` writes data already known to be of those kinds (see the function) with orjson alone.
- `indented(data)` returns the text of `json.dumps(data, ensure_ascii=False, indent=2)` written by orjson
  (about 6x faster than the C encoder driven a container at a time, `store.jsonout`) when the data is
  of the kinds `dumps` gives orjson, else None: the caller writes it another way.
- `pack(data)` keeps data of those kinds as its compact bytes (an exact-size copy: orjson's own buffer is a
  larger one cut down, and thousands of them held fragment the heap), `unpack` gives it back, and
  `indented_packed(data)` writes data known to be of those kinds (it came from `pack`) without checking it
  again: the exports hold their selected facts this way until they are written. `plain(data)` is the
  check `pack` makes, and `pack_plain(data)` packs data a caller has checked already (or as quickly in
  another way: `store.export.storedfact`).
- `use_stdlib(True)` turns orjson off (benchmarks compare the two); without orjson installed the standard
  library is used throughout.
"""

from __future__ import annotations

import json
from itertools import chain
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps a broken install working
    orjson = None  # type: ignore[assignment]

_stdlib = orjson is None
_SCALARS = frozenset({str, int, bool, type(None)})
_SCALARS_AND_FLOAT = _SCALARS | {float}


def use_stdlib(on: bool) -> bool:
    """Use only the standard library's json (True) or orjson where it can (False); returns the previous
    setting. Without orjson installed, the standard library stays in use."""
    global _stdlib
    previous = _stdlib
    _stdlib = on or orjson is None
    return previous


def _plain(data: Any) -> bool:
    """Whether orjson writes `data` byte for byte as the standard library does (see the module docstring)."""
    stack = [data]
    scalars = _SCALARS
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            for item in value.values():
                if type(item) not in scalars:
                    stack.append(item)
        elif kind is list or kind is tuple:
            for item in value:
                if type(item) not in scalars:
                    stack.append(item)
        elif kind is float:
            if not (value == 0.0 or 1e-4 <= abs(value) < 1e16):  # NaN fails every comparison
                return False
        elif kind not in scalars:
            return False
    return True


def plain(data: Any) -> bool:
    """Whether orjson writes `data` as the standard library does, as far as its kinds tell (dicts, lists
    and tuples of text, whole numbers, booleans, null and floats written without an exponent): what
    `pack` asks before it packs (orjson may still refuse a lone surrogate or a number beyond 64 bits)."""
    return _plain(data)


def dumps(data: Any) -> bytes:
    """`data` as compact UTF-8 JSON (see the module docstring). Raises what `json.dumps` raises."""
    return dumps_telling(data)[0]


def dumps_telling(data: Any) -> tuple[bytes, bool]:
    """`dumps(data)` and whether those bytes are orjson's own writing of `data`, which orjson reads back
    as `data` (so `loads(..., orjson_wrote=True)` may skip its check). The answer does not depend on
    `use_stdlib`: the bytes are the same either way."""
    plain = orjson is not None and _plain(data)
    if plain and not _stdlib:
        try:
            return orjson.dumps(data), True
        except orjson.JSONEncodeError:
            plain = False  # a non-text key, a number beyond 64 bits, a lone surrogate: the standard library
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if plain:  # orjson turned off (benchmarks): the same answer as with it on
        try:
            return blob, orjson.dumps(data) == blob
        except orjson.JSONEncodeError:
            pass
    return blob, False


def dumps_plain(data: Any) -> bytes:
    """`dumps(data)` of data known to be of the kinds orjson writes as the standard library does (made of
    values that a `dumps_telling` answering True has checked), written by orjson without checking it
    again; what orjson cannot write (a lone surrogate, a number beyond 64 bits) goes to `dumps`."""
    if orjson is not None:
        try:
            return orjson.dumps(data)
        except orjson.JSONEncodeError:
            pass
    return dumps(data)


def indented(data: Any, level: int = 0) -> str | None:
    """`json.dumps(data, ensure_ascii=False, indent=2)` made by orjson, or None (see the module docstring);
    with `level`, as it reads nested that deep (every line after the first indented by two spaces a level)."""
    if _stdlib or not _plain(data):
        return None
    try:
        return _indented(data, level)
    except orjson.JSONEncodeError:
        return None  # a non-text key, a number beyond 64 bits, a lone surrogate, deep nesting


def odd_records(records: list[dict[str, Any]]) -> list[int] | None:
    """The positions of the records orjson may not write as the standard library does (floats it prints
    another way), among dicts whose values are all scalars (figures, say), found quicker than `_plain`
    finds them; None when a value is not a scalar (then `_plain` decides). orjson may still refuse a key
    that is not text, a number beyond 64 bits or a lone surrogate (`indented_packed` raises)."""
    if _stdlib:
        return None
    kinds = set(map(type, chain.from_iterable(map(dict.values, records))))
    if kinds <= _SCALARS:
        return []
    if not kinds <= _SCALARS_AND_FLOAT:
        return None
    odd = []
    for number, record in enumerate(records):
        for value in record.values():
            if type(value) is float and not (value == 0.0 or 1e-4 <= abs(value) < 1e16):  # as _plain
                odd.append(number)
                break
    return odd


def _indented(data: Any, level: int) -> str:
    """orjson's indented text of `data` nested `level` deep: written inside `level` lists, so that orjson
    indents its lines, and cut out of them (quicker than indenting every line afterwards)."""
    if not level:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    for _ in range(level):
        data = [data]
    made = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    # Each list opened: "[", a new line and its indent; each closed: a new line, its indent and "]".
    return str(memoryview(made)[level * level + 3 * level : len(made) - level * level - level], "utf-8")


def pack(data: Any) -> bytes | None:
    """`data` as its compact JSON bytes when orjson writes it as the standard library does (so `unpack`
    gives an equal value back and `indented_packed` its indented text), else None."""
    if _stdlib or not _plain(data):
        return None
    return pack_plain(data)


def pack_plain(data: Any) -> bytes | None:
    """`pack(data)` of data that `plain` accepts (not checked again)."""
    if _stdlib:
        return None
    try:
        made = orjson.dumps(data)
    except orjson.JSONEncodeError:
        return None
    return bytes(memoryview(made))  # an exact-size copy (see the module docstring)


def unpack(packed: bytes) -> Any:
    """The value `pack` was given."""
    return orjson.loads(packed)


def unpack_all(packed: list[bytes]) -> list[Any]:
    """`[unpack(p) for p in packed]`, parsed at once."""
    return orjson.loads(b"[" + b",".join(packed) + b"]")


def indented_packed(data: Any, level: int = 0) -> str:
    """`indented(data, level)` of data made only of what `pack` accepts (not checked again; raises
    orjson.JSONEncodeError, a TypeError, for what orjson refuses)."""
    return _indented(data, level)


def loads(raw: bytes, *, orjson_wrote: bool = False) -> Any:
    """Parse JSON bytes as `json.loads` does (see the module docstring). `orjson_wrote`: the caller knows
    that these very bytes are what `dumps_telling` gave with True (orjson wrote them from plain data,
    which orjson reads back as it was), so the write-back check is skipped."""
    if not _stdlib:
        try:
            data = orjson.loads(raw)
            if orjson_wrote or orjson.dumps(data) == raw:
                return data
        except (orjson.JSONDecodeError, orjson.JSONEncodeError):
            pass  # not JSON as orjson reads it (NaN, a lone surrogate, deep nesting): json decides
    return json.loads(raw)
