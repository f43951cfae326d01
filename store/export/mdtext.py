"""Putting untrusted text into Markdown: escaping that keeps plain text readable and GitHub rendering safe.

Article text and titles are shown as text, never interpreted: inline markup characters are backslash-escaped,
line-leading block markers (headings, lists, quotes, rules) are neutralised, HTML cannot open a tag, control
characters are dropped, and table cells never contain a raw pipe or a newline. The user's own notes are
kept as Markdown (lists, emphasis) with HTML neutralised.
"""

from __future__ import annotations

import re

# C0/C1 controls except tab and newline; also the bidirectional overrides that can disguise text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[+\-](?=\s|$)|\d{1,9}[.)](?=\s|$)|[=\-]+(?=\s*$))")


def clean(text: str) -> str:
    """Drop control characters; normalise line endings to \\n."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def inline(text: str) -> str:
    """One line of literal text: whitespace runs (newlines too) become one space, markup is escaped."""
    escaped = _INLINE.sub(r"\\\1", " ".join(clean(text).split()))
    return _ENTITY.sub(r"\\&", escaped)


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
    return "\n".join(lines).replace("<", "\\<")


def starts_with_block(text: str) -> bool:
    """Whether Markdown text opens with a block marker (list item, heading, quote, rule)."""
    return bool(_BLOCK_START.match(text) or text.lstrip().startswith((">", "*", "```")))


def cell(text: str) -> str:
    """A table cell: inline text (pipes escaped, newlines gone)."""
    return inline(text)


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
    target = "".join(clean(url).split())
    target = target.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{text}]({target})"


def code(text: str) -> str:
    """Inline code for short tokens such as tags; backticks inside are handled by a longer fence."""
    value = " ".join(clean(text).split())
    fence = "``" if "`" in value else "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"
