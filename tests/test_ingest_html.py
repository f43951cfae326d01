"""Saved web pages (.html/.htm) into articles: main text only, metadata, charsets, bad pages; and the
plain-text rules (byline dates, reflow of hard-wrapped text)."""

from __future__ import annotations

import socket
import textwrap
from datetime import date
from pathlib import Path

import pytest

from store.ingest import IngestError, read_article
from store.ingest.html import clean_title, decode_html, parse_html
from store.ingest.plaintext import byline_date, is_hard_wrapped, reflow
from store.library import Library
from tests.web_fixtures import BOILERPLATE, LAYOUT_METADATA, LAYOUTS, STORIES, page, page_bytes


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction never opens a connection (trafilatura and htmldate only get the page itself)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _words(text: str) -> set[str]:
    return {w.strip(".,:;!?()'\"").casefold() for w in text.split()}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("story", STORIES[:3], ids=lambda s: s.slug)
def test_main_text_only_with_metadata(tmp_path: Path, layout: str, story: object) -> None:
    path = tmp_path / f"{layout}.html"
    path.write_bytes(page_bytes(story, layout))  # type: ignore[arg-type]
    parsed = read_article(path)
    assert parsed.title == story.title  # type: ignore[attr-defined]
    assert parsed.published == story.published  # type: ignore[attr-defined]
    assert parsed.body.rstrip("\n").split("\n\n") == list(story.paragraphs)  # type: ignore[attr-defined]
    leaked = _words(parsed.body) & {w.casefold() for w in BOILERPLATE}
    assert not leaked
    assert "track" not in parsed.body and "font-family" not in parsed.body  # scripts and styles
    carried = LAYOUT_METADATA[layout]
    assert parsed.source == story.site  # type: ignore[attr-defined]  (site metadata, else the <title>)
    if "author" in carried:
        assert parsed.author == story.author  # type: ignore[attr-defined]
    assert parsed.url == (story.url if "url" in carried else None)  # type: ignore[attr-defined]


def _dated_page(head: str) -> str:
    paragraph = "<p>In Vienna the mayor said {n}00 cafes would open across the city, the council said.</p>"
    body = "".join(paragraph.format(n=n) for n in range(1, 6))
    head = f'<meta charset="utf-8"><title>Cafes</title>{head}'
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2023-02-30T09:00:00Z">',  # no 30 February
        '<meta name="date" content="2023-13-05">',  # no 13th month (not 13 May either)
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-02-29"}</script>',
    ],
)
def test_a_page_stating_an_impossible_date_is_imported_undated_with_a_warning(head: str) -> None:
    parsed = parse_html(_dated_page(head), "cafes.html")
    assert parsed.published is None  # not a day the date finders made up
    assert any("states an impossible publication date" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    "extra",
    [
        '<meta property="article:modified_time" content="0000-00-00T00:00:00">',  # a placeholder
        '<meta property="article:modified_time" content="2023-02-30">',  # not the publication date
        '<meta name="date" content="2023-02-30">',  # impossible, but a real one is stated beside it
    ],
)
def test_a_real_publication_date_is_kept_beside_other_dates(extra: str) -> None:
    head = '<meta property="article:published_time" content="2023-03-14T09:00:00Z">' + extra
    parsed = parse_html(_dated_page(head), "c.html")
    assert parsed.published == date(2023, 3, 14) and not parsed.warnings


def test_a_page_stating_a_real_date_keeps_it() -> None:
    parsed = parse_html(
        _dated_page('<meta property="article:published_time" content="2024-02-29T09:00:00Z">'), "c.html"
    )
    assert parsed.published == date(2024, 2, 29) and not parsed.warnings


def test_non_utf8_page_is_decoded_by_its_declared_charset(tmp_path: Path) -> None:
    story = STORIES[3]
    raw = page_bytes(story, "latin1")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    path = tmp_path / "museum.htm"
    path.write_bytes(raw)
    parsed = read_article(path)
    assert parsed.author == "Élodie Marchetti"
    assert "Joaquín Herrera" in parsed.body and "\ufffd" not in parsed.body


def test_undeclared_non_utf8_bytes_fall_back_to_windows_1252() -> None:
    text, warnings = decode_html("<html><body><p>Café crème</p></body></html>".encode("cp1252"))
    assert "Café crème" in text and warnings == [
        "no character set declared and not UTF-8; read as Windows-1252"
    ]


def test_a_page_without_article_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><title>App</title><script>render()</script></head>"
        "<body><nav><a href='/'>Home</a></nav><div id='root'></div><noscript>Enable JavaScript</noscript>"
        "</body></html>"
    )
    with pytest.raises(IngestError, match="no article text that could be extracted"):
        read_article(path)


def test_binary_data_named_html_is_refused() -> None:
    with pytest.raises(IngestError, match="binary data"):
        parse_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "/x.html")


@pytest.mark.parametrize(
    ("title", "site", "headings", "expected"),
    [
        ("Harbour plan approved | Coastline Courier", "Coastline Courier", [], "Harbour plan approved"),
        ("Harbour plan approved - Coastline Courier", None, [], "Harbour plan approved"),
        ("Coastline Courier :: Harbour plan approved", "Coastline Courier", [], "Harbour plan approved"),
        (
            "Courier :: Harbour plan approved today",
            None,
            ["Harbour plan approved today"],
            "Harbour plan approved today",
        ),
        ("Rail strike: talks resume - day three", None, [], "Rail strike: talks resume - day three"),
    ],
)
def test_clean_title(title: str, site: str | None, headings: list[str], expected: str) -> None:
    assert clean_title(title, site, headings) == expected


def test_a_folder_of_saved_pages_is_imported(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for n, story in enumerate(STORIES[:4]):
        (folder / f"{story.slug}.{'htm' if n % 2 else 'html'}").write_text(page(story, "news"))
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = library.import_paths([folder], analyze=False)
        assert len(report.added) == 4 and not report.failed
        again = library.import_paths([folder], analyze=False)
        assert len(again.present) == 4 and not again.added
        titles = {m.title: m for m in library.articles()}
    meta = titles[STORIES[0].title]
    assert (meta.published, meta.source, meta.url) == (STORIES[0].published, STORIES[0].site, STORIES[0].url)


# -- plain text and Markdown without front matter -----------------------------------------------------------
@pytest.mark.parametrize("written", ["14 May 2024", "May 14, 2024", "2024-05-14", "Tuesday, 14 May 2024"])
def test_byline_date_is_the_publication_date(tmp_path: Path, written: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        f"# Harbour plan approved\n\nBy Mara Ellison | {written}\n\nThe authority met on Monday.\n"
    )
    parsed = read_article(path)
    assert parsed.published == date(2024, 5, 14)
    assert any("published 2024-05-14" in note for note in parsed.notes)


def test_dateline_at_the_start_of_the_first_paragraph(tmp_path: Path) -> None:
    body = "PORT VEYRA, 14 May 2024 — " + "The harbour authority approved the plan on Tuesday. " * 5
    assert byline_date(f"Harbour plan\n\n{body}\n") == (date(2024, 5, 14), body.strip())


def test_dates_inside_the_text_are_not_a_byline() -> None:
    text = (
        "Harbour plan\n\n"
        + "The review began on 14 March 2022 and ran for two years, longer than planned. " * 3
    )
    assert byline_date(text) is None


def test_front_matter_date_wins_over_the_byline(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2020-01-02\n---\n# T\n\nBy X | 14 May 2024\n\nText.\n")
    parsed = read_article(path)
    assert parsed.published == date(2020, 1, 2) and not parsed.notes


def test_an_import_reports_the_byline_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Harbour plan approved\n\nPublished May 14, 2024\n\nThe authority met.\n")
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = library.import_paths([path], analyze=False)
        assert [n.message for n in report.notes] == [
            "published 2024-05-14, from the line 'Published May 14, 2024'"
        ]
        assert library.articles()[0].published == date(2024, 5, 14)


def _wrapped(paragraphs: tuple[str, ...]) -> str:
    return "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)


def test_hard_wrapped_text_is_reflowed(tmp_path: Path) -> None:
    story = STORIES[0]
    path = tmp_path / "a.txt"
    path.write_text(f"{story.title}\n\n{_wrapped(story.paragraphs)}\n")
    parsed = read_article(path)
    assert parsed.body.rstrip("\n").split("\n\n") == [story.title, *story.paragraphs]
    assert parsed.title == story.title
    assert any("hard-wrapped" in note for note in parsed.notes)


def test_text_that_is_not_hard_wrapped_is_kept_as_written(tmp_path: Path) -> None:
    poem = "Roses\n\nThe tide comes in\nthe tide goes out\nand gulls cry\nover the harbour wall\n"
    unwrapped = "Title\n\n" + "\n\n".join(STORIES[1].paragraphs) + "\n"
    listing = "Title\n\n" + "\n".join(f"- {p[:70]}" for p in STORIES[2].paragraphs) + "\n"
    for n, text in enumerate((poem, unwrapped, listing)):
        assert not is_hard_wrapped(text)
        path = tmp_path / f"{n}.txt"
        path.write_text(text)
        assert read_article(path).body == text


def test_markdown_is_never_reflowed(tmp_path: Path) -> None:
    text = f"# {STORIES[0].title}\n\n{_wrapped(STORIES[0].paragraphs)}\n"
    path = tmp_path / "a.md"
    path.write_text(text)
    assert read_article(path).body == text


def test_reflow_keeps_hyphenated_words_whole() -> None:
    assert reflow("a well-\nknown harbour\n") == "a well-known harbour\n"


def test_a_short_first_paragraph_starting_with_by_is_article_text(tmp_path: Path) -> None:
    story = STORIES[0]
    opening = "By the end of the year the channel will be four metres deeper."
    custom = type(story)(
        story.slug, story.title, story.site, story.author, story.published, (opening, *story.paragraphs)
    )
    path = tmp_path / "a.html"
    path.write_text(page(custom, "news"))
    assert read_article(path).body.split("\n\n")[0] == opening


def test_a_date_after_the_first_paragraph_is_not_a_byline() -> None:
    """A short closing sentence with a date (a report due on 20 May 2024) is an event, not the byline."""
    opening = (
        "MONTEVIDEO — Wind turbines supplied most of the demand overnight on Sunday 14 April 2024, a record. "
        * 2
    )
    text = f"Wind record\n\n{opening}\n\nThe report is due on 20 May 2024.\n"
    assert byline_date(text) is None


def test_the_sample_articles_gain_no_inferred_dates() -> None:
    samples = Path(__file__).resolve().parents[1] / "sample_articles"
    for path in sorted(samples.iterdir()):
        if path.suffix in (".md", ".txt"):
            assert read_article(path).notes == (), path.name


def test_scripts_and_styles_inside_the_article_never_reach_the_text(tmp_path: Path) -> None:
    story = STORIES[5]
    inner = "".join(f"<p>{p}</p>" for p in story.paragraphs)
    hidden = (
        "<script>var LEAKSCRIPT = 1;</script><style>.LEAKSTYLE{color:red}</style>"
        "<noscript>LEAKNOSCRIPT</noscript><template><p>LEAKTEMPLATE</p></template>"
    )
    path = tmp_path / "a.html"
    path.write_text(
        f"<html><head><title>{story.title}</title></head><body><article>{hidden}{inner}{hidden}</article></body></html>"
    )
    body = read_article(path).body
    assert "LEAK" not in body
    assert body.rstrip("\n").split("\n\n") == list(story.paragraphs)
