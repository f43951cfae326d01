"""Hostile or odd input files: links out of an imported folder, binary data after the first 8 KB, UTF-32,
impossible time-zone offsets, huge front matter, and a folder in place of the library's backup file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli.main import main
from store.errors import LibraryError
from store.ingest import IngestError, discover, parse_article, read_article
from store.library import Library
from tests.store_support import article_text, write


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_import_does_not_follow_a_link_out_of_the_folder(
    library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = write(tmp_path / "private", "secret.txt", "Secret\n\nNot for the library.\n")
    src = tmp_path / "in"
    write(src, "own.md", article_text("Own", "Our own article."))
    write(src, "sub/inner.md", article_text("Inner", "An article in a subfolder."))
    (src / "x.md").symlink_to(outside)  # leaves the folder: refused
    (src / "same.md").symlink_to(src / "sub" / "inner.md")  # stays inside: fine (the same article)
    (src / "rel.md").symlink_to(Path("..") / "private" / "secret.txt")  # relative, still outside
    (src / "chain.md").symlink_to(src / "hop.lnk")  # a link inside to a link out
    (src / "hop.lnk").symlink_to(outside)
    status = main(["--library", str(library_path), "import", "--no-analyze", str(src)])
    out, err = capsys.readouterr()
    assert status == 1
    refused = sorted(line for line in err.splitlines() if "outside the folder being imported" in line)
    assert [Path(line.split(": ")[1]).name for line in refused] == ["chain.md", "rel.md", "x.md"]
    assert out.splitlines()[-1] == "2 added, 0 already present, 3 failed"
    with Library.open(library_path) as lib:
        assert sorted(m.title for m in lib.articles()) == ["Inner", "Own"]
    # Named on the command line, a link is the user's choice and is followed.
    assert main(["--library", str(library_path), "import", "--no-analyze", str(src / "x.md")]) == 0
    with Library.open(library_path) as lib:
        assert "Secret" in [m.title for m in lib.articles()]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_linked_folder_given_on_the_command_line_is_imported(tmp_path: Path) -> None:
    real = tmp_path / "real"
    write(real, "a.md", "A\n\nText.\n")
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    files, problems = discover([tmp_path / "link"])
    assert [f.name for f in files] == ["a.md"] and problems == []


@pytest.mark.parametrize("offset", [8192, 8192 * 3, 1024 * 1024 - 1])
def test_a_nul_byte_anywhere_is_binary(tmp_path: Path, offset: int) -> None:
    data = bytearray(b"Title\n\n" + b"plain words " * (offset // 12 + 10))
    data[offset] = 0
    path = tmp_path / "late.md"
    path.write_bytes(bytes(data))
    with pytest.raises(IngestError, match="binary file"):
        read_article(path)


@pytest.mark.parametrize(
    ("codec", "name"), [("utf-32", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16", "UTF-16")]
)
def test_utf32_is_named_correctly(tmp_path: Path, codec: str, name: str) -> None:
    text = "\ufeffTitle\n\nBody text.\n" if codec.endswith("-be") else "Title\n\nBody text.\n"
    path = tmp_path / "wide.md"
    path.write_bytes(text.encode(codec))
    with pytest.raises(IngestError, match=f"^is {name} text; save it as UTF-8$"):
        read_article(path)


@pytest.mark.parametrize(
    "stamp", ["2021-01-05T10:00:00+99:99", "2021-01-05T10:00+15:00", "2021-01-05 10:00:00-05:60"]
)
def test_an_impossible_time_zone_offset_is_refused(stamp: str) -> None:
    with pytest.raises(IngestError, match="impossible time-zone offset"):
        parse_article(f"---\npublished: {stamp}\n---\nT\n", "/x.md")


@pytest.mark.parametrize(
    "stamp", ["2021-01-05T10:00:00+14:00", "2021-01-05T23:30-12:00", "2021-01-05T01:00Z"]
)
def test_real_time_zone_offsets_keep_the_day(stamp: str) -> None:
    assert parse_article(f"---\npublished: {stamp}\n---\nT\n", "/x.md").published.isoformat() == "2021-01-05"  # type: ignore[union-attr]


def test_messages_quoting_huge_front_matter_stay_short() -> None:
    long_key = "k" * 1000  # YAML's limit for a plain key
    keys = "".join(f"extra{i}: 1\n" for i in range(100_000))
    parsed = parse_article(f"---\n{long_key}: 1\n{keys}---\nT\n", "/x.md")
    (warning,) = parsed.warnings
    assert len(warning) < 400
    assert "…" in warning and "and 99996 more" in warning
    for value in ("x" * 5_000_000, "9" * 5_000_000, "[" * 100_000):  # text, a huge number, deep nesting
        with pytest.raises(IngestError) as caught:
            parse_article(f"---\npublished: {value}\n---\nT\n", "/x.md")
        assert len(str(caught.value)) < 200


def test_a_folder_in_place_of_the_backup_is_named(library_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "a.md", "A\n\nFirst.\n")
    with Library.open(library_path) as lib:
        lib.import_paths([src], analyze=False)
    (library_path / "articles.json.bak").unlink(missing_ok=True)
    (library_path / "articles.json.bak").mkdir()
    before = (library_path / "articles.json").read_bytes()
    write(src, "b.md", "B\n\nSecond.\n")
    with Library.open(library_path) as lib:
        report = lib.import_paths([src / "b.md"], analyze=False)
    (problem,) = report.failed
    assert (
        f"could not save {library_path / 'articles.json.bak'} (the backup of articles.json)"
        in problem.message
    )
    assert (library_path / "articles.json").read_bytes() == before
    with Library.open(library_path) as lib, pytest.raises(LibraryError, match=r"articles\.json\.bak"):
        lib._files.articles_file.storage.write({"articles": {}})
