"""JSON on stdout that is safe to print to a terminal while keeping the data exactly as it is."""

from __future__ import annotations

import json
import re
from typing import Any

# What json.dumps(ensure_ascii=False) leaves raw but a terminal may act on: DEL, C1 controls (such as the
# one-character CSI U+009B), bidi embeddings/overrides/isolates and the line and paragraph separators.
_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_json(data: Any, *, indent: int | None = 2) -> str:
    """`json.dumps` with non-ASCII text left readable, but every character a terminal could interpret
    written as a \\u escape (json itself escapes C0 controls such as ESC), so parsing gives back the data."""
    return escape_unsafe(json.dumps(data, ensure_ascii=False, indent=indent))


def escape_unsafe(json_text: str) -> str:
    """The same escaping for JSON text made elsewhere (such characters can only occur inside its strings)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", json_text)
