"""Untrusted text made safe for where it goes: the terminal, JSON, Markdown, HTML and stored metadata.

One definition of an unsafe character, used by the store, the command line and the app alike:
- C0 controls other than tab and the line breaks, DEL and C1 controls (ESC and CSI start terminal escapes);
- the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make text display
  differently from what it is;
- lone surrogates, which cannot be encoded.
Tab and the line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) are white space, handled per target. What
scripts and emoji need stays: the zero-width joiner and non-joiner, the left-to-right and right-to-left
marks, variation selectors and tag characters.

What each target does with an unsafe character: the terminal shows a visible placeholder (the app's
`sanitize` keeps offsets valid by replacing one for one); JSON writes a \\u escape (the data is kept);
documents (Markdown, HTML) and stored metadata drop it.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

_UNSAFE_SPANS = (
    (0x00, 0x08),  # C0 controls before tab
    (0x0E, 0x1F),  # C0 controls after carriage return (ESC among them)
    (0x7F, 0x84),  # DEL and C1 controls before NEL
    (0x86, 0x9F),  # C1 controls after NEL (CSI U+009B among them)
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x2069),  # bidi isolates
    (0xD800, 0xDFFF),  # lone surrogates
)
UNSAFE_RANGES = "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in _UNSAFE_SPANS)
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
UNSAFE = re.compile(f"[{UNSAFE_RANGES}]")
PLACEHOLDER = "\N{SYMBOL FOR SUBSTITUTE FORM TWO}"  # one cell wide, visibly "something was here"

_CRLF = re.compile("\r\n?")
_JSON_RAW = re.compile(f"[{UNSAFE_RANGES}\\x85\\u2028\\u2029]")  # what json.dumps leaves unescaped
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# Both in one pass (the same result: no character the first escapes is part of what follows an entity's "&").
_MARKDOWN_ESCAPED = re.compile(f"{_MARKDOWN_INLINE.pattern}|{_MARKDOWN_ENTITY.pattern}")
_MARKDOWN_MARKS = "\\`*_[]<>|~&"  # what every match of _MARKDOWN_ESCAPED starts with


def _unsafe_codes() -> list[int]:
    return [code for first, last in _UNSAFE_SPANS for code in range(first, last + 1)]


def _table(unsafe: str | None, tab: str, newline: str, other_breaks: str) -> dict[int, str | None]:
    table: dict[int, str | None] = dict.fromkeys(_unsafe_codes(), unsafe)
    table[ord("\t")] = tab
    for ch in LINE_BREAKS:
        table[ord(ch)] = other_breaks
    table[ord("\n")] = newline
    return table


# One for one (the app's reader and `analyze`'s highlights keep their offsets).
_SAME_LENGTH = _table(PLACEHOLDER, " ", "\n", " ")
_SAME_LENGTH_LINE = _table(PLACEHOLDER, " ", " ", " ")
# Printed by the commands (after \r\n and \r became \n).
_TERMINAL = _table(PLACEHOLDER, "    ", "\n", "\n")
_TERMINAL_LINE = _table(PLACEHOLDER, " ", " ", " ")
# Documents and stored metadata.
_DOCUMENT = _table(None, "\t", "\n", "\n")


def is_safe(text: str) -> bool:
    """Whether `text` has no unsafe character (tabs and line breaks are allowed)."""
    return UNSAFE.search(text) is None


def sanitize(text: str, *, keep_newlines: bool = True) -> str:
    """Terminal-safe text of the same length, so offsets into `text` stay valid: unsafe characters become
    a visible placeholder, tabs and line breaks spaces (newlines are kept unless `keep_newlines` is
    False)."""
    if text.isprintable():
        return text
    return text.translate(_SAME_LENGTH if keep_newlines else _SAME_LENGTH_LINE)


def one_line(text: str | None) -> str:
    """A terminal-safe single line (a title, a name, a message), stripped."""
    return sanitize(text or "", keep_newlines=False).strip()


def terminal_text(text: str, *, keep_newlines: bool = False) -> str:
    """Terminal-safe text to print: unsafe characters become a visible placeholder; with `keep_newlines`
    line endings become \\n and tabs four spaces, else every tab and line break is one space."""
    if text.isprintable():
        return text
    if keep_newlines:
        return _CRLF.sub("\n", text).translate(_TERMINAL)
    return text.translate(_TERMINAL_LINE)


def clean_text(text: str) -> str:
    """Text for a document: unsafe characters dropped, every line ending a \\n, tabs kept."""
    return _CRLF.sub("\n", text).translate(_DOCUMENT)


def clean_line(text: str) -> str:
    """One line of plain text (stored metadata, a tag, a document's one-line field): unsafe characters
    dropped, runs of white space (line breaks included) one space, stripped."""
    if text.isprintable():  # no unsafe character or line break (none is printable): nothing to drop
        if "  " in text or text.startswith(" ") or text.endswith(" "):  # the only printable white space
            return " ".join(text.split())
        return text
    return " ".join(text.translate(_DOCUMENT).split())


def escape_json_text(json_text: str) -> str:
    """JSON text with every unsafe character and raw line separator written as a \\u escape (`json.dumps`
    escapes only C0 controls): safe to print, and parsing gives back the same data. Such characters can
    only occur inside JSON strings, so the escaping is exact."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", json_text)


def safe_json(data: Any, *, indent: int | None = 2) -> str:
    """`json.dumps` with non-ASCII text readable but nothing a terminal would act on."""
    return escape_json_text(json.dumps(data, ensure_ascii=False, indent=indent))


def markdown_text(text: str) -> str:
    """One line of literal text for Markdown: cleaned, white space runs one space, and every character
    that could start markup (emphasis, code, links, HTML, tables, strike-through, entities) escaped."""
    line = clean_line(text)
    for mark in _MARKDOWN_MARKS:  # a few quick scans: most text has none, and `sub` is slow to say so
        if mark in line:
            return _MARKDOWN_ESCAPED.sub(_backslashed, line)
    return line


def _backslashed(match: re.Match[str]) -> str:
    """The matched text after a backslash (a function, not a template: `re` would parse a template
    again at every call)."""
    return "\\" + match[0]


def html_text(text: str) -> str:
    """One line of literal text for HTML: cleaned, white space runs one space, `&`, `<`, `>` escaped."""
    return html.escape(clean_line(text), quote=False)
