"""Putting untrusted text into Markdown: escaping that keeps plain text readable and GitHub rendering safe.

Article text and titles are shown as text, never interpreted: inline markup characters are backslash-escaped,
line-leading block markers (headings, lists, quotes, rules) are neutralised, HTML cannot open a tag, unsafe
characters are dropped (`store.safetext`), and table cells never contain a raw pipe or a newline. The user's
own notes are kept as Markdown (lists, emphasis) with HTML neutralised.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.safetext import clean_line, clean_text, markdown_text

_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[+\-](?=\s|$)|\d{1,9}[.)](?=\s|$)|[=\-]+(?=\s*$))")
_TAG_OPENER = re.compile(r"(\\*)<")  # a "<" and the backslashes just before it
# What a link destination keeps as is; any other ASCII character is percent-encoded (backticks would
# pair with a code span's fence, quotes, brackets and parentheses could end the link).
_URL_KEEP = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]|[^\x00-\x7f]")
ESCAPED_KEPT = 8192


clean = clean_text  # unsafe characters dropped, line endings "\n" (store.safetext)
# One line of literal text: white space runs one space, markup escaped. Remembered for the last strings
# escaped: a briefing escapes the same figures, units and dates again and again (at 10,000 articles
# 300,000 strings, 31,000 of them distinct).
inline = lru_cache(maxsize=ESCAPED_KEPT)(markdown_text)


def line(text: str) -> str:
    """A line that starts a Markdown line: like `inline`, and a leading block marker is escaped."""
    escaped = inline(text)
    return _BLOCK_START.sub(lambda m: m[1] + _escape_marker(m[2]), escaped, count=1)


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def user_markdown(text: str) -> str:
    """Text the user wrote for the briefing (a note): kept as Markdown with its lines, HTML neutralised."""
    lines = [ln.rstrip() for ln in clean(text).strip().split("\n")]
    # Every "<" escaped, and the backslashes before it too (else "\\<" would escape the backslash and
    # leave the "<" to open an HTML tag): no "<" can start raw HTML, an autolink or an HTML block.
    return _TAG_OPENER.sub(lambda m: m[1] * 2 + "\\<", "\n".join(lines))


def starts_with_block(text: str) -> bool:
    """Whether Markdown text opens with a block marker (list item, heading, quote, rule)."""
    return bool(_BLOCK_START.match(text) or text.lstrip().startswith((">", "*", "```")))


cell = inline  # a table cell: inline text (pipes escaped, newlines gone)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of literal text: blank lines separate them, lines inside one are joined with spaces."""
    blocks = re.split(r"\n\s*\n", clean(text).strip())
    return [line(block) for block in blocks if block.strip()]


def blockquote(text: str) -> str:
    """A Markdown blockquote of literal text, one '>' line per paragraph, '>' lines between them."""
    return "\n>\n".join(f"> {p}" for p in paragraphs(text)) or ">"


def link(label: str, url: str | None) -> str:
    """[label](url) for http(s) URLs; the escaped label alone otherwise (no javascript: or data: links)."""
    text = inline(label)
    if not url or not re.match(r"^https?://", url.strip(), re.IGNORECASE):
        return text
    target = "".join(
        ch if _URL_KEEP.fullmatch(ch) else f"%{ord(ch):02X}" for ch in "".join(clean(url).split())
    )
    return f"[{text}]({target})"


def code(text: str) -> str:
    """Inline code for short tokens such as tags. The fence is longer than any run of backticks inside,
    so the span cannot end early (and leave the rest, `<img ...>` say, to be read as HTML)."""
    value = clean_line(text)
    if "`" not in value:  # most tags: the shortest fence, no padding
        return f"`{value}`"
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", value)), default=0))
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"
