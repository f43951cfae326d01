"""`briefing timeline`: the sample library's dated facts, filtered by article, entity and dates."""

from __future__ import annotations

import json
from operator import itemgetter
from pathlib import Path

import pytest

from cli.main import main
from store.library import Library


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
    # DESIGN.md's order; "told Rudaw in December that ... by January 15" is one row at January 15
    expected = ["2020-01", "2020-09", "2020-11", "2021-01-03", "2021-01-05", "2021-01-15"]
    positions = [values.index(v) for v in expected]
    assert positions == sorted(positions), values
    assert "FUTURE_REF" in values
    marotto = next(e for e in entries if e["value"] == "2021-01-15")
    assert [d["value"] for d in marotto["dates"]] == ["2020-12", "2021-01-15"]  # type: ignore[index]


def test_each_sentence_once_with_all_its_dates(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = timeline(samples_path, capsys)
    keys = [(e["article_id"], e["sentence"]["start"]) for e in entries]  # type: ignore[index]
    assert len(keys) == len(set(keys))
    erbil = [e for e in entries if str(e["text"]).startswith("ERBIL")]
    assert len(erbil) == 1
    assert erbil[0]["value"] == "FUTURE_REF"  # "will have withdrawn within the coming days", not "on Tuesday"
    assert [d["text"] for d in erbil[0]["dates"]] == ["Tuesday", "coming days"]  # type: ignore[index]
    assert all(e["date"] in e["dates"] for e in entries)  # type: ignore[operator]


def test_tag_and_source_filters(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rudaw = timeline(samples_path, capsys, "--source", "rudaw")
    assert rudaw and {e["source"] for e in rudaw} == {"Rudaw"}
    tagged = timeline(samples_path, capsys, "--tag", "VIETNAM")
    assert tagged and {e["article_title"] for e in tagged} >= {
        "Typhoon Kestrel displaces about 12,000 as the Red River rises in northern Vietnam"
    }
    assert not {e["source"] for e in tagged} & {"Rudaw"}


def test_table_shows_titles_and_whole_sentences_when_piped(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--source", "Rudaw"]) == 0
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert "More than half of American forces will have withdrawn" in out  # the title, not an id
    assert "78032c" not in out
    assert "arena for liquidations and challenges of a global and regional war on its soil" in out
    assert "Iraq's sovereignty over every inch" not in out or "a tangible act" in out


def test_one_articles_table_names_it_once_above_the_table(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = kadhimi_id(samples_path, capsys)
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--article", article]) == 0
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert out.startswith("Timeline · More than half of American forces will have withdrawn from Iraq")
    assert out.count("— Rudaw") == 1  # not at the head of every entry


def test_filters(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = kadhimi_id(samples_path, capsys)
    in_2020 = timeline(
        samples_path, capsys, "--article", article, "--from", "2020-01-01", "--to", "2020-12-31"
    )
    assert in_2020 and all(e["start_date"] is None or str(e["start_date"]) <= "2020-12-31" for e in in_2020)
    assert all(e["end_date"] is None or str(e["end_date"]) >= "2020-01-01" for e in in_2020)
    miller = timeline(samples_path, capsys, "--entity", "Christopher Miller")
    assert [e["value"] for e in miller] == ["2020-11"]


def test_entity_filter_resolves_any_name_briefing_entity_takes(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    surname = timeline(samples_path, capsys, "--entity", "kadhimi")
    assert surname
    # `briefing entity 'PM Kadhimi'` finds Mustafa al-Kadhimi (a leading title is dropped): so does the filter
    assert timeline(samples_path, capsys, "--entity", "PM Kadhimi") == surname
    assert timeline(samples_path, capsys, "--entity", "Mustafa al-Kadhimi") == surname
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--entity", "PM Kadhimi", "--jsonl"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == surname


def test_an_entity_the_articles_name_is_filtered_without_the_cross_article_index(
    samples_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    resolve = Library.entity_names

    def counted(library: Library, name: str) -> frozenset[str]:
        asked.append(name)
        return resolve(library, name)

    monkeypatch.setattr(Library, "entity_names", counted)
    assert timeline(samples_path, capsys, "--entity", "kadhimi")  # the articles' own names answer
    capsys.readouterr()
    assert main(["--library", str(samples_path), "export", "--format", "json", "--entity", "kadhimi"]) == 0
    assert asked == []  # the cross-article index (90 s to build at 10,000 articles) was not needed
    assert timeline(samples_path, capsys, "--entity", "PM Kadhimi")
    capsys.readouterr()
    assert main(["--library", str(samples_path), "export", "--format", "json", "--entity", "PM Kadhimi"]) == 0
    assert asked == ["PM Kadhimi", "PM Kadhimi"]  # no article says "PM Kadhimi": resolved as `entity` does


def test_open_ended_references_match_a_range_as_in_export(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "the coming days" of articles published in 2021 and 2022 are not facts of 27 May 2024
    day = ("--from", "2024-05-27", "--to", "2024-05-27")
    entries = timeline(samples_path, capsys, *day)
    assert entries and all(e["start_date"] and e["end_date"] for e in entries)
    capsys.readouterr()
    assert main(["--library", str(samples_path), "export", "--format", "json", *day]) == 0
    exported = json.loads(capsys.readouterr().out)["facts"]
    key = itemgetter("article_id", "sentence")
    assert sorted(map(key, entries), key=str) == sorted(map(key, exported), key=str)
    # an open-ended reference is kept when its one known day (the publication day) is in the range
    article = kadhimi_id(samples_path, capsys)
    on_the_day = timeline(
        samples_path, capsys, "--article", article, "--from", "2021-01-05", "--to", "2021-01-05"
    )
    assert {"PAST_REF", "FUTURE_REF"} <= {e["value"] for e in on_the_day}
    after = timeline(samples_path, capsys, "--article", article, "--from", "2021-01-06")
    assert "FUTURE_REF" not in {e["value"] for e in after}


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
    assert "Timeline" in out and "2021-01-15" in out and "2020-12" in out


def test_empty_result_names_the_filters_not_the_import(
    samples_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--library", str(samples_path), "timeline", "--entity", "Nobody Atall"]) == 1
    assert capsys.readouterr().err == "briefing: no dated facts match these filters\n"
    empty = tmp_path / "empty"
    assert main(["--library", str(empty), "list"]) == 0  # a new library gets the samples; remove them
    (empty / "articles.json").write_text('{"articles": {}}')
    capsys.readouterr()
    assert main(["--library", str(empty), "timeline"]) == 0
    assert "no dated facts yet (import articles with: briefing import PATH)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("filters", "output", "printed"),
    [
        (("--tag", "nosuch"), "--json", "[]\n"),
        (("--entity", "Nobody Atall"), "--json", "[]\n"),
        (("--source", "No Such Wire"), "--jsonl", ""),
        (("--to", "0001-01-01"), "--json", "[]\n"),  # not even "in recent years" (up to 2021-01-05)
        (("--from", "9999"), None, ""),
    ],
)
def test_a_filter_that_matches_nothing_exits_1(
    samples_path: Path,
    capsys: pytest.CaptureFixture[str],
    filters: tuple[str, ...],
    output: str | None,
    printed: str,
) -> None:
    capsys.readouterr()
    command = ["--library", str(samples_path), "timeline", *filters, *([output] if output else [])]
    assert main(command) == 1
    captured = capsys.readouterr()
    assert captured.out == printed
    assert captured.err == "briefing: no dated facts match these filters\n"


def test_json_of_a_filter_that_matches_exits_0(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for output in ("--json", "--jsonl"):
        capsys.readouterr()
        assert main(["--library", str(samples_path), "timeline", "--source", "rudaw", output]) == 0
        captured = capsys.readouterr()
        assert captured.out.strip() and captured.err == ""
