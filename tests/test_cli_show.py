"""`briefing show ID` prints the article's annotations and analysis too (human view and --json), and
counted nouns read "1 article", never "1 articles"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from store.library import Library
from store.wording import counted
from tests.store_support import write

TEXT = (
    "Minister talks\n\n"
    "Prime Minister Mustafa al-Kadhimi met officials in Baghdad on 5 January 2021. "
    "He said 2,500 troops would stay.\n"
)


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "lib"
    src = write(tmp_path, "a.md", "---\npublished: 2021-01-06\n---\n" + TEXT)
    with Library.open(folder, import_samples=False) as library:
        (article_id,) = library.import_paths([src]).added
        body = library.article(article_id).body
        start = body.index("Mustafa")
        library.add_annotation(
            article_id,
            start,
            start + len("Mustafa al-Kadhimi"),
            kind="note",
            note="Who is he?\nAsk.",
            color="green",
        )
        date_at = body.index("5 January")
        library.add_annotation(
            article_id,
            date_at,
            date_at + len("5 January 2021"),
            kind="correction",
            correction={"date": "2021-01-04"},
        )
    return folder, article_id


def test_show_prints_annotations_and_analysis(
    annotated: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, article_id = annotated
    assert main(["--library", str(folder), "show", article_id[:8]]) == 0
    out = capsys.readouterr().out
    head, _, rest = out.partition("Annotations: 2 annotations")
    assert "Title:     Minister talks" in head and "2,500 troops would stay." in head
    assert (
        "note (green)" in rest
        and "“Mustafa al-Kadhimi”" in rest
        and "✎ Who is he?" in rest
        and "Ask." in rest
    )
    assert "correction" in rest and "this date means 2021-01-04" in rest
    analysis = rest.partition("Analysis: ")[2]
    assert analysis.startswith("3 sentences · 2 entities · 1 figure · 1 date · 1 fact\n")
    assert "person: Mustafa al-Kadhimi" in analysis and "country/city: Baghdad" in analysis
    assert "figures: 2,500" in analysis
    assert "5 January 2021 (2021-01-04)" in analysis  # the corrected date
    assert "Timeline" in analysis


def test_show_json_has_annotations_and_analysis(
    annotated: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, article_id = annotated
    assert main(["--library", str(folder), "show", article_id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == article_id and data["body"].startswith("Minister talks")
    notes = {a["kind"]: a for a in data["annotations"]}
    assert notes["note"]["note"] == "Who is he?\nAsk." and notes["note"]["exact"] == "Mustafa al-Kadhimi"
    assert notes["correction"]["correction"] == {"date": "2021-01-04"}
    with Library.open(folder) as library:
        assert data["analysis"] == library.analysis(article_id).to_dict()
    body = data["body"]
    for item in [*data["analysis"]["entities"], *data["analysis"]["dates"]]:
        assert body[item["start"] : item["end"]] == item["text"]


def test_show_without_annotations_says_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path, "a.md", TEXT)
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        (article_id,) = library.import_paths([src]).added
    assert main(["--library", str(tmp_path / "lib"), "show", article_id]) == 0
    out = capsys.readouterr().out
    assert "Annotations: none" in out
    assert "Annotations: none" in out and "Analysis: 3 sentences" in out


@pytest.mark.parametrize(
    ("count", "noun", "plural", "expected"),
    [
        (0, "article", None, "0 articles"),
        (1, "article", None, "1 article"),
        (2, "article", None, "2 articles"),
        (1, "entity", "entities", "1 entity"),
        (3, "entity", "entities", "3 entities"),
        (1200, "fact", None, "1,200 facts"),
    ],
)
def test_counted(count: int, noun: str, plural: str | None, expected: str) -> None:
    assert counted(count, noun, plural) == expected


def test_analysis_counts_say_one_not_ones() -> None:
    from cli._analysis_view import analysis_counts
    from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence

    text = "Kadhimi said on Tuesday that 2,500 troops stay."
    date_ = DateMention(16, 23, "Tuesday", "DATE", "2021-01-05")
    analysis = Analysis(
        published=None,
        sentences=(Sentence(0, len(text)),),
        entities=(Entity(0, 7, "Kadhimi", "PERSON", "Kadhimi"),),
        figures=(Figure(29, 41, "2,500 troops", 2500.0, "cardinal", "troops", None),),
        dates=(date_,),
        facts=(Fact("2021-01-05", "2021-01-05", "2021-01-05", Sentence(0, len(text)), text, date_, (), ()),),
    )
    assert analysis_counts(analysis) == "1 sentence · 1 entity · 1 figure · 1 date · 1 fact"
    assert (
        analysis_counts(Analysis(published=None))
        == "0 sentences · 0 entities · 0 figures · 0 dates · 0 facts"
    )


def test_show_still_prints_the_article_when_the_analysis_fails(
    annotated: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, article_id = annotated

    def broken(self: Library, article_id: str) -> None:
        raise RuntimeError("analyser bug")

    monkeypatch.setattr(Library, "analysis", broken)
    assert main(["--library", str(folder), "show", article_id]) == 0
    captured = capsys.readouterr()
    assert "2,500 troops would stay." in captured.out and "✎ Who is he?" in captured.out
    assert "Analysis:" not in captured.out and "could not analyse the article" in captured.err
    assert main(["--library", str(folder), "show", article_id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["analysis"] is None and len(data["annotations"]) == 2
