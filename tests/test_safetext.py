"""The one safe-text module: properties of each target (terminal, JSON, document, Markdown, HTML) checked
against Unicode's own classification, and the one tag normaliser."""

from __future__ import annotations

import html
import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store.export.mdtext import code, link, user_markdown
from store.safetext import (
    PLACEHOLDER,
    clean_line,
    clean_text,
    html_text,
    is_safe,
    markdown_text,
    one_line,
    safe_json,
    sanitize,
    terminal_text,
)
from store.tags import normalize_tags, split_tags

BIDI_CONTROLS = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
# Every code point, surrogates included; plus a dense mix of the interesting ones.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()))
TRICKY = st.text(
    alphabet=st.sampled_from(
        "a Z0 \t\n\r\x0b\x0c\x1b\x07\x00\x7f\x85\x9b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202e"
        "\u2066\u2069\ud800`*_[]<>|~&#;\\!-=+.()\"'/:"
    )
)
TEXT = st.one_of(ANY_TEXT, TRICKY)


def terminal_danger(ch: str) -> bool:
    """A character that must not reach a terminal raw (a newline is judged by each caller)."""
    return (
        unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or unicodedata.bidirectional(ch) in BIDI_CONTROLS
    )


def dropped(ch: str) -> bool:
    """What documents and metadata lose: the dangerous characters except tab and the line breaks."""
    return terminal_danger(ch) and ch not in "\t\n\r\x0b\x0c\x85\u2028\u2029"


@given(TEXT)
def test_terminal_text_one_line_has_no_control_at_all(raw: str) -> None:
    out = terminal_text(raw)
    assert not any(terminal_danger(ch) for ch in out)
    assert out.replace(PLACEHOLDER, "") == "".join(  # a placeholder in the raw text is one too
        " " if ch in "\t\n\r\x0b\x0c\x85\u2028\u2029" else ch
        for ch in raw
        if not dropped(ch) and ch != PLACEHOLDER
    )


@given(TEXT)
def test_terminal_text_keeps_lines_but_nothing_else(raw: str) -> None:
    out = terminal_text(raw, keep_newlines=True)
    assert not any(terminal_danger(ch) for ch in out if ch != "\n")
    assert "\r" not in out and "\t" not in out
    breaks = raw.replace("\r\n", "\n")
    assert out.count("\n") == sum(breaks.count(ch) for ch in "\n\r\x0b\x0c\x85\u2028\u2029")


@given(TEXT)
def test_one_line_is_one_stripped_safe_line(raw: str) -> None:
    out = one_line(raw)
    assert not any(terminal_danger(ch) for ch in out)
    assert out == out.strip()
    assert one_line(None) == ""


@given(TEXT)
def test_sanitize_one_line_has_the_same_length(raw: str) -> None:
    out = sanitize(raw, keep_newlines=False)
    assert len(out) == len(raw)
    assert not any(terminal_danger(ch) for ch in out)


@given(
    st.recursive(
        st.none() | st.integers() | TEXT, lambda inner: st.lists(inner) | st.dictionaries(TEXT, inner)
    )
)
def test_safe_json_round_trips_and_prints_nothing_dangerous(data: object) -> None:
    for indent in (None, 2):
        out = safe_json(data, indent=indent)
        assert json.loads(out) == data
        assert not any(terminal_danger(ch) for ch in out if ch != "\n")
        if indent is None:
            assert "\n" not in out


@given(TEXT)
def test_clean_text_drops_only_the_dangerous_and_normalises_line_ends(raw: str) -> None:
    out = clean_text(raw)
    assert is_safe(out) and "\r" not in out
    assert not any(dropped(ch) for ch in out)
    assert clean_text(out) == out
    kept = [ch for ch in raw.replace("\r\n", "\n") if not dropped(ch)]
    assert out == "".join("\n" if ch in "\r\x0b\x0c\x85\u2028\u2029" else ch for ch in kept)


@given(TEXT)
def test_clean_line_is_one_clean_line(raw: str) -> None:
    out = clean_line(raw)
    assert not any(terminal_danger(ch) for ch in out)
    assert out == " ".join(out.split())  # stripped, single spaces, no line breaks
    assert clean_line(out) == out


def test_joiners_and_marks_stay_everywhere() -> None:
    text = "क्\u200dष \u200cx 👩\u200d💻 \u200fמ"
    for fn in (sanitize, one_line, terminal_text, clean_text, clean_line):
        assert fn(text) == text, fn.__name__
    assert json.loads(safe_json(text)) == text and "\u200d" in safe_json(text)


INLINE = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@given(TEXT)
def test_markdown_text_is_literal_inline_text(raw: str) -> None:
    # Inline text: block markers at the start of a line are `mdtext.line`'s job.
    children = INLINE.parseInline(markdown_text(raw))[0].children or []
    assert all(child.type == "text" for child in children), children
    assert "".join(child.content for child in children) == clean_line(raw)


@given(TEXT)
def test_html_text_is_escaped_literal_text(raw: str) -> None:
    out = html_text(raw)
    assert "<" not in out and ">" not in out
    assert html.unescape(out) == clean_line(raw)


@given(TEXT)
def test_code_span_holds_its_whole_value(raw: str) -> None:
    value = clean_line(raw)
    out = code(raw)
    children = INLINE.parseInline(out)[0].children or []
    if value:
        assert [c.type for c in children] == ["code_inline"]
        assert children[0].content == value


def test_a_double_backtick_no_longer_ends_the_code_span_early() -> None:
    out = code("a``b <img src=x onerror=alert(1)>")
    assert out.startswith("```") and out.endswith("```")
    assert not _html_tokens(INLINE.parse(f"Tags: {out}, {code('x')}"))


@given(TEXT)
def test_user_markdown_never_contains_html(raw: str) -> None:
    assert not _html_tokens(INLINE.parse(user_markdown(raw + "\\<img src=x onerror=alert(1)>")))


def test_link_destinations_cannot_pair_backticks_with_a_later_code_span() -> None:
    out = link("T", "https://example.org/`x\"y'z[1]<b>") + " tags: " + code("<img src=x onerror=alert(1)>")
    assert not _html_tokens(INLINE.parse(out))
    assert "https://example.org/%60x%22y'z%5B1%5D%3Cb%3E" in out


def _html_tokens(tokens: list) -> list:  # type: ignore[type-arg]
    found = []
    for token in tokens:
        if token.type in ("html_inline", "html_block"):
            found.append(token)
        found.extend(_html_tokens(token.children or []))
    return found


def test_tags_are_normalised_one_way() -> None:
    assert normalize_tags(["iraq", " Iraq ", "", "troops\x1b[31m", "red  river\nrelief", 7]) == [
        "iraq",
        "troops[31m",
        "red river relief",
        "7",
    ]
    assert split_tags("iraq, troops,, Iraq ") == ["iraq", "troops"]
    assert split_tags(" , ") == []


@given(st.lists(TEXT))
def test_normalised_tags_are_clean_unique_and_stable(raw: list[str]) -> None:
    tags = normalize_tags(raw)
    assert all(tag and tag == clean_line(tag) for tag in tags)
    assert len({t.casefold() for t in tags}) == len(tags)
    assert normalize_tags(tags) == tags
