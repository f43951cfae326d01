"""Pure rendering helpers: sanitising untrusted text, wrapping by cells, highlights, rows and details."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence
from store.records import ArticleMeta
from tui.render import (
    DATE_COLUMN,
    DATE_STYLE,
    UNANCHORED_DATE_STYLE,
    HighlightIndex,
    body_line,
    build_highlights,
    excerpt_lines,
    highlight_details,
    legend,
    list_row,
    reader_header,
    sanitize,
    timeline_lines,
    wrap_offsets,
)

TEXT = "Kadhimi said on Tuesday that 2,500 troops stay."
ENTITY = Entity(0, 7, "Kadhimi", "PERSON", "Mustafa al-Kadhimi")
DATE = DateMention(16, 23, "Tuesday", "DATE", "2021-01-05")
FIGURE = Figure(29, 41, "2,500 troops", 2500.0, "cardinal", "troops", None)
ANALYSIS = Analysis(
    published=date(2021, 1, 5),
    sentences=(Sentence(0, len(TEXT)),),
    entities=(ENTITY,),
    figures=(FIGURE,),
    dates=(DATE,),
    facts=(
        Fact("2021-01-05", "2021-01-05", "2021-01-05", Sentence(0, len(TEXT)), TEXT, DATE, (), ("2,500",)),
    ),
)


def test_sanitize_keeps_length_and_removes_controls() -> None:
    raw = "a\x1b[31mred\x1b[0m\tb\x07c\u202ed\r\ne\x9bf"
    clean = sanitize(raw)
    assert len(clean) == len(raw)
    assert "\x1b" not in clean and "\x07" not in clean and "\u202e" not in clean and "\x9b" not in clean
    assert "[31mred" in clean
    assert "\n" in clean
    assert "\n" not in sanitize(raw, keep_newlines=False)


# Bidi classes of the embeddings, overrides and isolates (looked up, not listed by code point).
BIDI_CONTROLS = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


def _must_go(ch: str) -> bool:
    """What may not reach the terminal: C0 (but newline), DEL, C1, bidi controls, surrogates, separators."""
    return (unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") and ch != "\n") or unicodedata.bidirectional(
        ch
    ) in BIDI_CONTROLS


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_sanitize_is_length_preserving_and_removes_every_control(raw: str) -> None:
    clean = sanitize(raw)
    assert len(clean) == len(raw)
    for before, after in zip(raw, clean, strict=True):
        assert not _must_go(after), repr(after)
        if not _must_go(before):
            assert after == before  # everything else stays, the joiners that scripts need included
    assert "\n" not in sanitize(raw, keep_newlines=False)


def test_sanitize_keeps_joiners_and_replaces_bidi_controls() -> None:
    text = "\u202eevil\u202c \u2066iso\u2069  क्\u200dष \u200cx 👩\u200d💻 \u200fמ"
    clean = sanitize(text)
    assert not any(unicodedata.bidirectional(ch) in BIDI_CONTROLS for ch in clean)
    assert "क्\u200dष" in clean and "\u200cx" in clean and "👩\u200d💻" in clean and "\u200fמ" in clean


@given(
    st.text(alphabet=st.sampled_from("ab 北😀\n"), max_size=200),
    st.integers(min_value=1, max_value=30),
    st.booleans(),
)
def test_wrap_offsets_cover_text_within_width(text: str, width: int, gap: bool) -> None:
    lines = wrap_offsets(text, width, paragraph_gap=gap)
    rebuilt = []
    prev_end = 0
    for start, end in lines:
        assert start >= prev_end
        rebuilt.append(text[prev_end:start])
        rebuilt.append(text[start:end])
        prev_end = end
        visible = text[start:end].rstrip(" ")
        assert cell_len(visible) <= max(width, 2)  # a wide character never fits in width 1
    assert "".join(rebuilt) + text[prev_end:] == text
    assert all("\n" not in text[a:b] for a, b in lines)


def test_wrap_breaks_at_spaces() -> None:
    assert wrap_offsets("hello world foo", 11) == [(0, 12), (12, 15)]
    assert wrap_offsets("a\n\nb", 5) == [(0, 1), (2, 2), (3, 4)]
    assert wrap_offsets("a\nb", 5, paragraph_gap=True) == [(0, 1), (1, 1), (2, 3)]
    assert wrap_offsets("a\n\nb", 5, paragraph_gap=True) == [(0, 1), (2, 2), (3, 4)]  # no double gap


def test_highlights_do_not_overlap_and_respect_layers() -> None:
    overlapping = Figure(0, 10, "Kadhimi sa", 1.0, "cardinal")
    analysis = Analysis(ANALYSIS.published, (), ANALYSIS.entities, (overlapping, FIGURE), ANALYSIS.dates, ())
    all_layers = build_highlights(analysis)
    assert [h.layer for h in all_layers] == ["entity", "date", "figure"]
    assert [h.layer for h in build_highlights(analysis, ["figure"])] == ["figure", "figure"]
    assert build_highlights(None) == []


def test_unanchored_dates_look_different_and_say_so() -> None:
    unanchored = DateMention(16, 23, "Tuesday", "DATE", "XXXX-WXX-2", None, anchored=False)
    analysis = Analysis(None, (), (), (), (unanchored,), ())
    (h,) = build_highlights(analysis)
    assert h.style == UNANCHORED_DATE_STYLE != DATE_STYLE
    assert "unanchored" in highlight_details(h).plain


def test_details_name_type_canonical_value_unit_qualifier() -> None:
    entity, date_h, figure = build_highlights(
        Analysis(
            None,
            (),
            (ENTITY,),
            (Figure(29, 41, "2,500 troops", 2500, "cardinal", "troops", "roughly"),),
            (DATE,),
            (),
        )
    )
    assert "PERSON" in highlight_details(entity).plain
    assert "Mustafa al-Kadhimi" in highlight_details(entity).plain
    details = highlight_details(figure).plain
    assert "2,500" in details and "troops" in details and "roughly" in details
    assert "2021-01-05" in highlight_details(date_h).plain
    vague = build_highlights(Analysis(None, (), (), (Figure(0, 8, "hundreds", None, "vague"),), (), ()))[0]
    assert "vague" in highlight_details(vague).plain
    assert "guessed" not in highlight_details(entity).plain
    guessed = build_highlights(Analysis(None, (), (dataclasses.replace(ENTITY, guessed=True),), (), (), ()))[
        0
    ]
    assert "type guessed" in highlight_details(guessed).plain


def test_body_line_styles_spans_and_current() -> None:
    highlights = build_highlights(ANALYSIS)
    index = HighlightIndex(highlights)
    line = body_line(TEXT, 0, len(TEXT), index, current=highlights[0], marked=(0, len(TEXT)))
    assert line.plain == TEXT
    styled = {(s.start, s.end) for s in line.spans}
    assert (0, 7) in styled and (16, 23) in styled and (29, 41) in styled
    assert index.at(17) == 1 and index.at(8) is None
    assert [h.start for h in index.overlapping(10, 30)] == [16, 29]


def test_markup_in_titles_is_literal() -> None:
    meta = ArticleMeta(id="x", title="[bold red]Boom[/] [@click=app.quit]q[/]\x1b[2J", source="[i]src")
    row = list_row(meta, 80)
    assert "[bold red]Boom[/]" in row.plain
    assert "\x1b" not in row.plain
    assert not any("click" in str(span.style) for span in row.spans)
    header = reader_header(meta, 80)
    joined = "\n".join(line.plain for line in header)
    assert "[@click=app.quit]" in joined and "\x1b" not in joined
    assert "no publication date" in joined


def test_list_row_aligns_wide_characters() -> None:
    rows = [
        list_row(ArticleMeta(id=str(i), title=t, published=date(2021, 1, 5), source="Rudaw"), 60)
        for i, t in enumerate(["北京的新闻标题很长很长很长很长很长很长很长", "Emoji 😀😀 title", "plain"])
    ]
    assert {r.cell_len for r in rows} == {60}
    assert all(r.plain.endswith("2021-01-05") for r in rows)


def test_timeline_entry_shows_value_written_date_and_bold_figures() -> None:
    fact = next(f for f in ANALYSIS.facts if f.value == "2021-01-05")
    lines = timeline_lines(fact, 30, article_title="Kadhimi speech")
    assert lines[0].plain.startswith("2021-01-05  Kadhimi speech")  # the date column, then the title
    assert all(line.cell_len <= 30 for line in lines)
    body = Text("\n").join(line[DATE_COLUMN + 1 :] for line in lines[1:])
    assert " ".join(body.plain.split()) == TEXT  # short enough: the whole sentence, wrapped
    assert [body.plain[s.start : s.end] for s in body.spans if "underline" in str(s.style)] == ["Tuesday"]
    assert any(span.style.bold for span in body.spans if not isinstance(span.style, str))


LONG = (
    "Officials in the northern province said that the convoys, which had been delayed for weeks by "
    "flooding on the main road, would finally leave the base on March 3, 2021 under a new escort plan "
    "agreed with the regional council."
)


def test_timeline_entry_wraps_a_long_sentence_at_words_and_keeps_the_date() -> None:
    start = LONG.index("March 3, 2021")
    event = DateMention(start, start + 13, "March 3, 2021", "DATE", "2021-03-03")
    fact = Fact("2021-03-03", "2021-03-03", "2021-03-03", Sentence(0, len(LONG)), LONG, event, dates=(event,))
    for width, sentence_lines in ((40, 3), (40, 2), (60, 3), (120, 2)):
        lines = timeline_lines(fact, width, sentence_lines=sentence_lines)
        assert 1 < len(lines) <= sentence_lines and all(line.cell_len <= width for line in lines)
        parts = [line.plain[DATE_COLUMN + 1 :].strip() for line in lines]
        shown = " ".join(parts)
        assert "March 3, 2021" in shown  # the event date is always in view
        words = set(LONG.split())
        for part in parts:  # cut at word boundaries: every word is whole, ellipses at the cuts
            inner = part.strip("…").split()
            assert all(w in words for w in inner[1:-1]), part
        if width < 120:
            assert shown.endswith("…")
    assert timeline_lines(fact, 40)[0].plain.startswith("2021-03-03")


def test_excerpt_lines_start_near_a_late_date_and_fill_the_lines() -> None:
    start = LONG.index("March 3, 2021")
    shown, ranges = excerpt_lines(LONG, start, start + 13, 30, 3)
    assert shown.startswith("…") and len(ranges) == 3
    text = "".join(shown[a:b] for a, b in ranges)
    assert "March 3, 2021" in text and text.lstrip("…").split()[0] in LONG.split()
    assert all(cell_len(shown[a:b].rstrip()) <= 30 for a, b in ranges)
    assert cell_len(shown[ranges[-1][0] : ranges[-1][1]]) <= 29  # room for the final "…"
    assert excerpt_lines("Short sentence on Monday.", 18, 24, 30, 3) == (
        "Short sentence on Monday.",
        [(0, 25)],
    )


def test_legend_lists_every_layer() -> None:
    plain = legend(["entity", "figure", "date"]).plain
    for word in ("1●names", "2●figures", "3●dates", "person", "unanchored"):
        assert word in plain
    assert "2○figures" in legend(["entity", "date"]).plain


def test_timeline_entry_words_for_reference_values() -> None:
    future = DateMention(0, 11, "coming days", "DATE", "FUTURE_REF")
    sentence = Sentence(0, 20)
    fact = Fact("FUTURE_REF", "2021-01-05", None, sentence, "coming days, he said", future)
    assert timeline_lines(fact, 40)[0].plain.startswith("future ")


def test_timeline_entry_names_the_sentences_other_dates() -> None:
    event = DateMention(40, 50, "January 15", "DATE", "2021-01-15", mod="END")
    told = DateMention(10, 18, "December", "DATE", "2020-12")
    span = DateMention(20, 28, "two days", "DURATION", "P2D")
    text = "x" * 10 + "December" + "xx" + "two days" + "x" * 12 + "January 15" + "."
    fact = Fact(
        "2021-01-15", "2021-01-15", "2021-01-15", Sentence(0, 51), text, event, dates=(told, span, event)
    )
    lines = timeline_lines(fact, 80)
    column = [line.plain[:DATE_COLUMN].strip() for line in lines]
    assert column == ["2021-01-15", "late", "+2020-12"]  # the modifier, then the other calendar date
    assert [c.plain[:DATE_COLUMN].strip() for c in timeline_lines(fact, 80, sentence_lines=2)] == [
        "2021-01-15",
        "late",
    ]
    body = lines[0]
    assert [body.plain[s.start : s.end] for s in body.spans if "underline" in str(s.style)] == ["January 15"]
    four = timeline_lines(fact, 80, article_title="T")  # a line more: the other date and the duration
    assert [line.plain[:DATE_COLUMN].strip() for line in four] == [
        "2021-01-15",
        "late",
        "+2020-12",
        "+1 more",
    ]


def test_trim_around_keeps_the_span_visible() -> None:
    """The one-line excerpts of the cross-article screens (a figure in its sentence)."""
    from tui.render import trim_around

    text = "x" * 100 + "FIGURE" + "y" * 100
    trimmed, a, b = trim_around(text, 100, 106, 20)
    assert trimmed[a:b] == "FIGURE"
    assert trimmed.startswith("…") and trimmed.endswith("…")
    assert cell_len(trimmed) <= 22


def test_a_profile_fact_names_a_vague_future_as_the_timeline_does() -> None:
    from extract.across.model import ProfileFact
    from tui.across_render import profile_fact

    fact = ProfileFact("a1", "Title", "FUTURE_REF", "the coming weeks", "2021-01-05", 0, 10, "Ships return.")
    plain = profile_fact(fact).plain
    assert plain.startswith("future  “the coming weeks”") and "FUTURE_REF" not in plain


def test_a_profile_figure_names_its_unit_once() -> None:
    from extract.across.model import ProfileFigure
    from tui.across_render import profile_figure

    sentence = "A catch limit of nearly 9,000 tonnes for the summer; 38,000 displaced."
    written = ProfileFigure(
        "a1", "T", "nearly 9,000 tonnes", 17, 36, 9000, None, "tonnes", "nearly", "amount", 0, 70, sentence
    )
    assert profile_figure(written).plain.startswith("nearly 9,000 tonnes  = 9,000  ")  # not "tonnes tonnes"
    counted = ProfileFigure(
        "a1", "T", "38,000", 53, 59, 38000, None, "displaced", None, "count", 0, 70, sentence
    )
    assert profile_figure(counted).plain.startswith("38,000 displaced  = 38,000  ")  # what it counts, added


def test_value_label_reads_decades_and_references() -> None:
    from tui.render import value_label

    assert value_label("198") == "1980s"  # TimeML's decade
    assert value_label("198X") == "1980s"  # a decade stored by an analysis before version 12
    assert value_label("FUTURE_REF") == "future"
    assert value_label("2020") == "2020"
    assert value_label("18") == "18"


def test_value_label_reads_seasons_quarters_and_halves_in_the_date_column() -> None:
    from tui.render import DATE_COLUMN, value_label

    assert value_label("2023-WI") == "winter 2023"
    assert value_label("2025-SP", short=True) == "spr 2025"  # a sentence's other dates: "+spr 2025"
    assert value_label("2024-Q4") == "Q4 2024"
    assert value_label("2023-H1") == "H1 2023"
    assert value_label("2024-W33") == "2024-W33"  # weeks as they are
    assert all(len(value_label(f"2023-{s}")) <= DATE_COLUMN for s in ("SP", "SU", "FA", "WI"))
    assert all(
        len("+" + value_label(f"2023-{s}", short=True)) <= DATE_COLUMN for s in ("SP", "SU", "FA", "WI")
    )


def test_value_label_reads_values_of_no_known_year_in_words() -> None:
    from tui.render import DATE_COLUMN, value_label

    # an undated article's "this summer", "on Monday", "mid-June", "next month", "last week", "this year"
    assert value_label("XXXX-WI") == "winter"
    assert value_label("XXXX-SU") == "summer"
    assert value_label("XXXX-WXX-1") == "a Monday"
    assert value_label("XXXX-WXX-3", short=True) == "Wednesday"  # "+Wednesday" fits the column
    assert value_label("XXXX-06") == "June"
    assert value_label("XXXX-06-03") == "3 June"
    assert value_label("XXXX-12-25", short=True) == "25 Dec"
    assert value_label("XXXX-Q3") == "Q3"
    assert value_label("XXXX-H1") == "H1"
    assert value_label("XXXX-XX") == "some month"
    assert value_label("XXXX-WXX") == "some week"
    assert value_label("XXXX-XX-XX") == "some day"
    assert value_label("XXXX") == "some year"
    assert value_label("XXXX-XX-XXT06:00") == "some day 06:00"
    assert value_label("XXXX-13") == "XXXX-13"  # not a value the engine writes: as it is
    no_year = ["XXXX", "XXXX-XX", "XXXX-WXX", "XXXX-XX-XX", "XXXX-WXX-3", "XXXX-09", "XXXX-12-25", "XXXX-SU"]
    assert all(len(value_label(v)) <= DATE_COLUMN for v in no_year)
    assert all(len("+" + value_label(v, short=True)) <= DATE_COLUMN for v in no_year)


def test_value_label_reads_durations_in_words() -> None:
    from tui.render import value_label

    assert value_label("P4M") == "4 months"
    assert value_label("P1D") == "1 day"
    assert value_label("P10Y") == "10 years"
    assert value_label("PT2H30M") == "2 hours 30 minutes"
    assert value_label("PXD") == "days"  # "several days"
    assert value_label("PAST_REF") == "past"  # a reference, not a duration
    assert value_label("PT") == "PT"


def test_the_status_of_a_date_says_its_value_in_words_and_the_stored_value_beside() -> None:
    from extract.model import DateMention
    from tui.render import Highlight, highlight_details

    summer = DateMention(0, 11, "this summer", "DATE", "XXXX-SU", None, False)
    shown = highlight_details(Highlight(0, 11, "date", summer)).plain
    assert "value summer (XXXX-SU)" in shown and "unanchored" in shown
    day = DateMention(0, 7, "Tuesday", "DATE", "2021-01-05", None, True)
    assert "value 2021-01-05" in highlight_details(Highlight(0, 7, "date", day)).plain
    mid = DateMention(0, 8, "mid-June", "DATE", "2021-06", "MID", True)
    assert "value mid-2021-06 (2021-06 MID)" in highlight_details(Highlight(0, 8, "date", mid)).plain


def test_error_text_says_gone_in_words_and_names_unexpected_errors() -> None:
    from store.errors import Gone, LibraryError
    from tui.threads import GONE, error_text

    assert error_text(Gone("b7bfbf5a4b7af894")) == GONE  # deleted by another command meanwhile
    assert error_text(LibraryError("The library is open read-only.")) == "The library is open read-only."
    assert error_text(KeyError("x")) == "KeyError: 'x'"  # a bug, not a deleted article: named as such
    assert error_text(ValueError()) == "ValueError"
