"""Damaged derived and text files: a damaged analysis file is recomputed (never trusted, reported once);
an article whose text file is missing or damaged is left out of `timeline` and `export` with a notice,
and importing its file again restores the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from store.bodies import body_key
from store.library import Library
from tests.store_support import FakeAnalyzer, article_text, open_with_fake_analyzer, write

MANY_FACTS = "\n".join(f"Alpha Corp reported on 2020-{m:02d}-0{m % 9 + 1}." for m in range(1, 13))


def analysis_file(library: Library, article_id: str) -> Path:
    return library.path / "analysis" / article_id[:2] / f"{article_id}.json"


def cut_in_facts(path: Path) -> None:
    """Cut the file short inside its facts: the 'analysis is current' record before them survives."""
    raw = path.read_bytes()
    assert raw.index(b'"analysis"') < raw.index(b'"facts":{')
    path.write_bytes(raw[: raw.index(b'"facts":{') + len(raw[raw.index(b'"facts":{') :]) // 2])


@pytest.mark.parametrize("read_only", [False, True])
def test_a_damaged_analysis_file_is_recomputed_and_reported_once(tmp_path: Path, read_only: bool) -> None:
    path = write(tmp_path, "a.md", article_text("Alpha year", MANY_FACTS, published="2021-01-01"))
    library, fake = open_with_fake_analyzer(tmp_path / "lib")
    with library:
        aid = library.import_paths([path]).added[0]
        facts = [e.fact for e in library.timeline()]
    assert len(facts) == 12 and fake.calls == 1
    cut_in_facts(analysis_file(library, aid))

    fake = FakeAnalyzer()
    with Library.open(
        tmp_path / "lib", read_only=read_only, analyzer=fake, analyzer_version="test-1"
    ) as library:
        assert [e.fact for e in library.timeline()] == facts  # none lost
        assert fake.calls == 1  # computed again
        assert [e.fact for e in library.timeline()] == facts
        assert library.analysis(aid).facts and fake.calls == 1
        reports = [n for n in library.notices if "analysis of 'Alpha year'" in n]
        assert len(reports) == 1 and "damaged" in reports[0], library.notices
    if not read_only:  # stored again: the next session trusts it
        fake = FakeAnalyzer()
        with Library.open(tmp_path / "lib", analyzer=fake, analyzer_version="test-1") as library:
            assert [e.fact for e in library.timeline()] == facts
            assert fake.calls == 0 and not any("analysis of" in n for n in library.notices)


def test_an_analysis_file_that_lost_facts_but_parses_is_recomputed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article_text("Alpha year", MANY_FACTS, published="2021-01-01"))
    library, fake = open_with_fake_analyzer(tmp_path / "lib")
    with library:
        aid = library.import_paths([path]).added[0]
        facts = [e.fact for e in library.timeline()]
    stored = analysis_file(library, aid)
    data = json.loads(stored.read_text())
    data["facts"] = dict(list(data["facts"].items())[:3])  # e.g. salvaged by an earlier version
    stored.write_text(json.dumps(data))
    library, fake = open_with_fake_analyzer(tmp_path / "lib")
    with library:
        assert [e.fact for e in library.timeline()] == facts and fake.calls == 1


@pytest.fixture
def two_articles(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A library with two dated articles (real analyser), and their files."""
    first = write(
        tmp_path / "src",
        "harbour.md",
        article_text("Harbour reopens", "The harbour reopened on 5 January 2021.", published="2021-01-06"),
    )
    second = write(
        tmp_path / "src",
        "grid.md",
        article_text("Grid record", "Wind covered demand on 3 March 2021.", published="2021-03-04"),
    )
    folder = tmp_path / "lib"
    with Library.open(folder, import_samples=False) as library:
        assert len(library.import_paths([first, second]).added) == 2
    return folder, first, second


def body_file(folder: Path, path: Path) -> Path:
    text = path.read_text().split("---\n", 2)[2]
    key = body_key(text)
    return folder / "bodies" / key[:2] / f"{key}.txt"


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_an_unreadable_text_leaves_its_article_out_with_a_notice(
    two_articles: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    folder, first, _ = two_articles
    text_file = body_file(folder, first)
    if damage == "missing":
        text_file.unlink()
    else:
        text_file.write_text("Something else entirely, of another length.")

    capsys.readouterr()
    assert main(["--library", str(folder), "timeline", "--json"]) == 0
    captured = capsys.readouterr()
    entries = json.loads(captured.out)
    assert {e["article_title"] for e in entries} == {"Grid record"}
    notices = [line for line in captured.err.splitlines() if "Harbour reopens" in line]
    assert len(notices) == 1 and "Import its file again" in notices[0], captured.err

    assert main(["--library", str(folder), "export", "--format", "json"]) == 0
    captured = capsys.readouterr()
    exported = json.loads(captured.out)
    assert [a["title"] for a in exported["articles"]] == ["Grid record"]
    assert sum("Harbour reopens" in line for line in captured.err.splitlines()) == 1

    assert main(["--library", str(folder), "import", str(first)]) == 0  # the same file again
    captured = capsys.readouterr()
    assert "restored" in captured.err
    with Library.open(folder, import_samples=False) as library:
        harbour = next(m for m in library.articles() if m.title == "Harbour reopens")
        assert library.article(harbour.id).body == first.read_text().split("---\n", 2)[2]
        assert {e.article_title for e in library.timeline()} == {"Harbour reopens", "Grid record"}
        assert library.notices == []


def test_search_still_finds_the_other_articles(two_articles: tuple[Path, Path, Path]) -> None:
    folder, first, _ = two_articles
    body_file(folder, first).unlink()
    with Library.open(folder, import_samples=False) as library:
        assert [library.article(i).meta.title for i in library.search("wind")] == ["Grid record"]
        assert [library.article(i).meta.title for i in library.search("record")] == ["Grid record"]
        assert len(library.search("harbour")) == 1  # its title is still searchable
        assert len(library.new_notices()) == 1 and library.new_notices() == []
