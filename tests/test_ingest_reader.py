"""Reading article files: front matter, titles, the stored body, and every kind of bad input."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.ingest import (
    MAX_FILE_BYTES,
    IngestError,
    discover,
    parse_article,
    read_article,
    split_front_matter,
)


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_front_matter_fields(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "Kadhimi: more than half"\n'
        "published: 2021-01-05\n"
        "source: Rudaw\n"
        "url: https://example.org/a\n"
        "dateline: Erbil\n"
        "author: Staff\n"
        "tags: [iraq, security]\n"
        "---\n"
        "Headline line\nBody.\n"
    )
    parsed = read_article(write_bytes(tmp_path, "a.md", text.encode()))
    assert parsed.title == "Kadhimi: more than half"
    assert parsed.published == date(2021, 1, 5)
    assert (parsed.source, parsed.url, parsed.dateline, parsed.author) == (
        "Rudaw",
        "https://example.org/a",
        "Erbil",
        "Staff",
    )
    assert parsed.tags == ("iraq", "security")
    assert parsed.body == "Headline line\nBody.\n"
    assert text[parsed.body_offset :] == parsed.body
    assert parsed.warnings == ()


def test_without_front_matter_first_line_is_title_and_body_is_whole_file(tmp_path: Path) -> None:
    text = "\n\n# Port reopens after storm #\r\nThe port reopened.\r\n"
    parsed = read_article(write_bytes(tmp_path, "a.txt", text.encode()))
    assert parsed.title == "Port reopens after storm"
    assert parsed.body == text and parsed.body_offset == 0
    assert parsed.published is None and parsed.tags == ()


def test_front_matter_without_title_takes_first_body_line() -> None:
    parsed = parse_article("---\nsource: Wire\ntags: a, b, a\n---\n\nFirst line\nmore\n", "/x.md")
    assert parsed.title == "First line" and parsed.tags == ("a", "b")


def test_bom_is_dropped(tmp_path: Path) -> None:
    parsed = read_article(write_bytes(tmp_path, "a.md", "\ufeffTitle\nText\n".encode()))
    assert parsed.body == "Title\nText\n"


def test_long_title_is_shortened() -> None:
    parsed = parse_article("word " * 100 + "\n", "/x.md")
    assert len(parsed.title) == 200 and parsed.title.endswith("…")


def test_front_matter_title_is_shortened_too() -> None:
    parsed = parse_article(f"---\ntitle: {'word ' * 100}\n---\nBody.\n", "/x.md")
    assert len(parsed.title) == 200 and parsed.title.endswith("…")


def test_metadata_loses_control_characters_and_line_breaks() -> None:
    # Terminal escapes, C1 controls and YAML block-scalar newlines must not reach one-line metadata.
    text = (
        "---\n"
        'title: "Red \\e[31malert\\e[0m\\x9b2J and \\x07bell"\n'
        "source: |\n  Two\n  lines\n"
        'tags: ["a\\x1b]8;;x\\x07b", "[red]kept[/]"]\n'
        "---\nBody.\n"
    )
    parsed = parse_article(text, "/x.md")
    # The shared definition (store.safetext): unsafe characters dropped, line breaks one space.
    assert parsed.title == "Red [31malert[0m2J and bell"
    assert parsed.source == "Two lines"
    assert parsed.tags == ("a]8;;xb", "[red]kept[/]")  # markup is text: shown literally later


def test_title_from_body_drops_c1_controls() -> None:
    assert parse_article("Head\x9bline\n\nBody.\n", "/x.md").title == "Headline"


def test_datetime_published_keeps_the_day() -> None:
    assert parse_article("---\npublished: 2021-01-05T09:30:00Z\n---\nT\n", "/x").published == date(2021, 1, 5)


def test_unknown_keys_are_ignored_with_a_warning() -> None:
    parsed = parse_article("---\ntitle: T\nsubtitle: x\nPublishd: 2020-01-01\n---\nT\n", "/x")
    assert parsed.title == "T" and parsed.published is None
    assert len(parsed.warnings) == 1
    assert "'subtitle', 'Publishd' ignored" in parsed.warnings[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"caf\xe9 au lait\n", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("\ufeffTitle".encode("utf-16"), "UTF-16"),
        (
            b"---\npublished: 5 January\n---\nT\n",
            "published: '5 January' is not a date (write it as YYYY-MM-DD)",
        ),
        (b"---\npublished: 2021-13-01\n---\nT\n", "is not a real date (month must be in 1..12)"),
        (b"---\npublished: 2021-02-30\n---\nT\n", "published: '2021-02-30' is not a real date"),
        (b"---\ntitle: [unclosed\n---\nT\n", "front matter is not valid YAML"),
        (b"---\ntitle: T\nno closing line\n", "no closing '---' line"),
        (b"---\n- a\n- b\n---\nT\n", "not a list of 'key: value' lines"),
        (b"---\ntitle: T\n---\n\n  \n", "front matter but no article text"),
        (b"---\ntitle: {a: 1}\n---\nT\n", "title: expected text, found a map"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_article(write_bytes(tmp_path, "bad.md", content))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_file_over_ten_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    with path.open("wb") as fh:
        fh.write(b"Title\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(IngestError, match=r"is 10\.0 MB; articles are limited to 10 MB"):
        read_article(path)


def test_a_title_too_long_is_shortened_with_a_note() -> None:
    long_title = "Word " * 60 + "end"
    parsed = parse_article(f"---\ntitle: {long_title}\n---\nBody.\n", "a.md")
    assert len(parsed.title) == 200 and parsed.title.endswith("…")
    assert parsed.notes == ("title shortened to 200 characters",)
    assert parse_article("---\ntitle: Short\n---\nBody.\n", "b.md").notes == ()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_article(tmp_path / "gone.md")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_or_device_in_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")  # opening it for reading would wait forever for a writer
    (tmp_path / "zero.md").symlink_to("/dev/zero")  # reading it would never end
    files, problems = discover([tmp_path])
    assert [f.name for f in files] == ["pipe.md"]
    assert [Path(p.path).name for p in problems] == ["zero.md"]  # a link out of the folder: not followed
    for file in [*files, tmp_path / "zero.md"]:  # named on the command line, it is followed, and refused
        with pytest.raises(IngestError, match="is not a regular file"):
            read_article(file)


def test_discover_walks_folders_and_reports_unusable_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "a" / "one.md").write_text("x")
    (tmp_path / "a" / "deep" / "two.MARKDOWN").write_text("x")
    (tmp_path / "a" / "deep" / "three.txt").write_text("x")
    (tmp_path / "a" / "image.png").write_bytes(b"x")
    (tmp_path / "a" / ".hidden.md").write_text("x")
    (tmp_path / "a" / ".git").mkdir()
    (tmp_path / "a" / ".git" / "x.md").write_text("x")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"x")
    named = tmp_path / "named.text"
    named.write_text("x")
    files, problems = discover(
        [tmp_path / "a", tmp_path / "empty", tmp_path / "missing", named, tmp_path / "a"]
    )
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a/one.md",
        "a/deep/three.txt",
        "a/deep/two.MARKDOWN",
        "named.text",
    ]
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("empty", "folder has no article files (.md, .markdown, .txt, .html, .htm)"),
        ("missing", "no such file or folder"),
    ]


def test_a_library_inside_an_imported_folder_is_not_searched_and_is_named_in_a_note(tmp_path: Path) -> None:
    from store.library import Library

    work = tmp_path / "work"
    (work / "story.md").parent.mkdir()
    (work / "story.md").write_text("---\ntitle: Harbour\npublished: 2021-03-04\n---\nThe port reopened.\n")
    with Library.open(work / "lib") as library:  # a new library, with the sample briefings stored inside
        samples = len(library.articles())
        assert list((work / "lib" / "bodies").rglob("*.txt"))
        report = library.import_paths([work], analyze=False)
        assert len(report.added) == 1
        assert len(library.articles()) == samples + 1  # the story; none of the library's own texts
    assert not report.failed
    assert [(Path(n.path).name, n.message) for n in report.notes] == [
        ("lib", "is a Briefing Reader library (its stored copies of articles); not searched")
    ]
    files, problems = discover([work / "lib"])  # named itself: nothing to import, and no complaint
    assert files == [] and problems == []


@given(st.text().filter(lambda t: t.strip() and not t.startswith("---") and not t.startswith("\ufeff")))
def test_plain_text_body_is_the_text_itself(text: str) -> None:
    """Without front matter the stored body is exactly the decoded file: analysis offsets agree."""
    parsed = parse_article(text, "/x.md")
    assert parsed.body == text and parsed.body_offset == 0
    assert "\n" not in parsed.title


@given(st.text(min_size=1).filter(lambda t: t.strip() and not t.startswith(("---", "\ufeff"))))
def test_split_front_matter_offsets(body: str) -> None:
    text = "---\ntitle: x\n---\n" + body
    source, rest, offset = split_front_matter(text)
    assert source == "title: x\n" and rest == body and text[offset:] == body
