"""`briefing timeline`: the sample library's dated facts, filtered by article, entity and dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main


@pytest.fixture(scope="module")
def samples_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lib") / "library"
    assert main(["--library", str(path), "list", "--json"]) == 0  # a new library imports the samples
    return path


def timeline(samples_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def kadhimi_id(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    main(["--library", str(samples_path), "list", "--json"])
    articles = json.loads(capsys.readouterr().out)
    return next(a["id"] for a in articles if "Kadhimi" in a["title"])


def test_user_article_timeline(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = kadhimi_id(samples_path, capsys)
    entries = timeline(samples_path, capsys, "--article", article[:10])
    values = [e["value"] for e in entries]
    assert {e["article_id"] for e in entries} == {article}
    expected = ["2020-01", "2020-09", "2020-11", "2020-12", "2021-01-03", "2021-01-05", "2021-01-15"]
    positions = [values.index(v) for v in expected]
    assert positions == sorted(positions), values
    assert "FUTURE_REF" in values


def test_filters(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = kadhimi_id(samples_path, capsys)
    in_2020 = timeline(
        samples_path, capsys, "--article", article, "--from", "2020-01-01", "--to", "2020-12-31"
    )
    assert in_2020 and all(e["start_date"] is None or str(e["start_date"]) <= "2020-12-31" for e in in_2020)
    assert all(e["end_date"] is None or str(e["end_date"]) >= "2020-01-01" for e in in_2020)
    miller = timeline(samples_path, capsys, "--entity", "Christopher Miller")
    assert [e["value"] for e in miller] == ["2020-11"]


def test_month_and_year_bounds_like_export(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = kadhimi_id(samples_path, capsys)
    whole = timeline(samples_path, capsys, "--article", article, "--from", "2020-11-01", "--to", "2020-12-31")
    short = timeline(samples_path, capsys, "--article", article, "--from", "2020-11", "--to", "2020")
    assert whole and short == whole


def test_errors(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(samples_path), "timeline", "--article", "zzzz-no-such"]) == 1
    assert "no article" in capsys.readouterr().err
    assert (
        main(["--library", str(samples_path), "timeline", "--from", "2021-01-02", "--to", "2021-01-01"]) == 1
    )
    with pytest.raises(SystemExit):
        main(["--library", str(samples_path), "timeline", "--from", "yesterday"])


def test_table_view(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--entity", "Rudaw"]) == 0
    out = capsys.readouterr().out
    assert "Timeline" in out and "2020-12" in out


def test_empty_result_names_the_filters_not_the_import(
    samples_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--entity", "Nobody Atall"]) == 0
    assert capsys.readouterr().err == "briefing: no dated facts match these filters\n"
    empty = tmp_path / "empty"
    assert main(["--library", str(empty), "list"]) == 0  # a new library gets the samples; remove them
    (empty / "articles.json").write_text('{"articles": {}}')
    capsys.readouterr()
    assert main(["--library", str(empty), "timeline"]) == 0
    assert "no dated facts yet (import articles with: briefing import PATH)" in capsys.readouterr().err
