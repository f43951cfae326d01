"""`briefing export` end to end: stdout and -o, filters, and the bad-input paths (one clear line on stderr,
exit 1, no file or temporary file left behind)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from cli.export_cmd import _bound
from cli.main import main
from store.library import Library
from tests.export_support import annotate_user_article


@pytest.fixture(scope="module")
def annotated_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cmd") / "library"
    with Library.open(folder) as library:
        annotate_user_article(library)
    return str(folder)


def export(annotated_path: str, *args: str) -> int:
    return main(["--library", annotated_path, "export", *args])


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert captured.out == ""
    return lines[0]


def test_markdown_to_stdout(annotated_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(annotated_path, "--starred", "--format", "md") == 0
    out = capsys.readouterr().out
    assert out.startswith("# More than half of American forces")
    assert "## Key facts" in out and "### Timeline" in out and "### Highlights" in out


def test_whole_library_briefing_leads_with_limited_key_facts(
    annotated_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert export(annotated_path, "--format", "md", "--limit", "3") == 0
    out = capsys.readouterr().out
    key = out.split("## Key facts", 1)[1].split("## Sources", 1)[0]
    items = [line for line in key.splitlines() if line.startswith("- **")]
    assert len(items) == 3
    assert out.index("## Key facts") < out.index("## Sources")
    assert "late the " not in out and "mid-the " not in out  # "late 1980s", never "late the 1980s"
    assert "late 1980s" in out
    rows = [
        line
        for line in out.splitlines()
        if line.startswith("| ") and not line.startswith(("| Date", "| ---"))
    ]
    assert len(rows) == len(set(rows))  # a sentence is listed once
    with pytest.raises(SystemExit) as stop:
        export(annotated_path, "--format", "md", "--limit", "-1")
    assert stop.value.code == 2


def test_output_file_has_the_same_text_and_a_message_says_where(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(annotated_path, "--tag", "iraq", "--format", "json") == 0
    printed = capsys.readouterr().out
    target = tmp_path / "brief.json"
    assert export(annotated_path, "--tag", "iraq", "--format", "json", "-o", str(target)) == 0
    captured = capsys.readouterr()
    assert target.read_text(encoding="utf-8") == printed
    assert captured.out == "" and str(target) in captured.err
    assert os.listdir(tmp_path) == ["brief.json"]


def test_timelinejs_with_filters(annotated_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--entity", "pentagon", "--from", "2020-06", "--to", "2020", "--format", "timelinejs"]
    assert export(annotated_path, *args) == 0
    data = json.loads(capsys.readouterr().out)
    years_months = [(e["start_date"]["year"], e["start_date"].get("month")) for e in data["events"]]
    assert years_months and all((2020, 6) <= ym <= (2020, 12) for ym in years_months)


def test_entity_filter_resolves_any_name_briefing_entity_takes(
    annotated_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert export(annotated_path, "--format", "json", "--entity", "kadhimi") == 0
    surname = json.loads(capsys.readouterr().out)
    assert surname["facts"]
    assert export(annotated_path, "--format", "json", "--entity", "PM Kadhimi") == 0  # a title dropped
    titled = json.loads(capsys.readouterr().out)
    assert [f["text"] for f in titled["facts"]] == [f["text"] for f in surname["facts"]]
    assert [a["id"] for a in titled["articles"]] == [a["id"] for a in surname["articles"]]


def test_several_article_ids(annotated_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(annotated_path) as library:
        ids = [m.id for m in library.articles()][:2]
    assert export(annotated_path, "--article", ids[0][:8], "--article", ids[1], "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(a["id"] for a in data["articles"]) == sorted(ids)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--article", "0000000000zz"], "no article with id '0000000000zz' (see `briefing list`)"),
        (["--tag", "no-such-tag"], 'no articles match tag "no-such-tag"'),
        (["--starred", "--entity", "Nobody Anywhere"], 'no articles match entity "Nobody Anywhere", starred'),
        (["--from", "2021-02-01", "--to", "2021-01-01"], "--from 2021-02-01 is after --to 2021-01-01"),
        (["--from", "1800-01-01", "--to", "1800-12-31"], "no articles match from 1800-01-01 to 1800-12-31"),
    ],
)
def test_bad_selection_fails_cleanly_and_leaves_no_file(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    target = tmp_path / "brief.md"
    assert export(annotated_path, *args, "--format", "md", "-o", str(target)) == 1
    assert error_line(capsys) == f"briefing: error: {message}"
    assert os.listdir(tmp_path) == []


def test_an_ambiguous_id_prefix_says_so(annotated_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(annotated_path) as library:
        ids = [meta.id for meta in library.articles()]
    prefix = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    assert export(annotated_path, "--article", prefix, "--format", "md") == 1
    assert error_line(capsys).endswith("articles; give more characters of the id")


def test_an_empty_library_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(tmp_path / "empty", import_samples=False) as library:
        assert library.articles() == []
    assert export(str(tmp_path / "empty"), "--format", "md") == 1
    assert error_line(capsys) == "briefing: error: the library has no articles to export"


def test_failed_export_keeps_the_previous_file(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "brief.md"
    target.write_text("yesterday's briefing")
    assert export(annotated_path, "--tag", "no-such-tag", "--format", "md", "-o", str(target), "--force") == 1
    error_line(capsys)
    assert target.read_text() == "yesterday's briefing"
    assert os.listdir(tmp_path) == ["brief.md"]


@pytest.mark.parametrize("where", ["missing/brief.md", "afile/brief.md", "."])
def test_unwritable_path_fails_cleanly(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (tmp_path / "afile").write_text("")
    before = sorted(os.listdir(tmp_path))
    target = tmp_path / where
    assert export(annotated_path, "--format", "md", "-o", str(target)) == 1
    assert error_line(capsys).startswith(f"briefing: error: cannot write {target}: ")
    assert sorted(os.listdir(tmp_path)) == before


def test_timelinejs_without_dated_facts_is_an_error(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "undated-note.md"
    note.write_text("---\ntitle: Committee note\n---\nThe committee met and agreed on a plan.\n")
    with Library.open(annotated_path) as library:
        (aid,) = library.import_paths([note]).added
    target = tmp_path / "brief.timeline.json"
    assert export(annotated_path, "--article", aid, "--format", "timelinejs", "-o", str(target)) == 1
    assert (
        error_line(capsys)
        == "briefing: error: nothing to put on a timeline: no dated facts in this selection"
    )
    assert not target.exists()
    assert export(annotated_path, "--article", aid, "--format", "md") == 0  # Markdown says so instead
    assert "No dated statements in this selection." in capsys.readouterr().out


def test_a_bad_date_is_a_usage_error(annotated_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        export(annotated_path, "--from", "last week", "--format", "md")
    assert exit_info.value.code == 2
    assert "not a date: 'last week'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "upper", "expected"),
    [("2020-02-10", False, "2020-02-10"), ("2020-02", False, "2020-02-01"), ("2020-02", True, "2020-02-29")],
)
def test_partial_dates_mean_whole_months_and_years(text: str, upper: bool, expected: str) -> None:
    assert _bound(text, upper=upper).isoformat() == expected
    assert _bound("2021", upper=True).isoformat() == "2021-12-31"
    with pytest.raises(argparse.ArgumentTypeError):
        _bound("2021-13", upper=False)


def test_dash_output_means_stdout(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert export(annotated_path, "--starred", "--format", "md", "-o", "-") == 0
    assert capsys.readouterr().out.startswith("# ")
    assert os.listdir(tmp_path) == []


def test_an_existing_file_needs_force(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "brief.md"
    target.write_text("yesterday's briefing")
    assert export(annotated_path, "--starred", "--format", "md", "-o", str(target)) == 1
    assert error_line(capsys) == (
        f"briefing: error: cannot write {target}: the file exists; add --force to replace it"
    )
    assert target.read_text() == "yesterday's briefing"
    assert export(annotated_path, "--starred", "--format", "md", "-o", str(target), "--force") == 0
    captured = capsys.readouterr()
    assert target.read_text(encoding="utf-8").startswith("# More than half of American forces")
    assert captured.err.strip() == f"briefing: replaced {target} with the md briefing"
    assert os.listdir(tmp_path) == ["brief.md"]


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "fifo", "device"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_links_and_special_files_are_refused(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, force: list[str]
) -> None:
    real = tmp_path / "real.md"
    real.write_text("precious")
    target = tmp_path / "out.md"
    if kind == "symlink":
        target.symlink_to(real)
    elif kind == "dangling symlink":
        target.symlink_to(tmp_path / "nowhere.md")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = Path(os.devnull)
    before = os.lstat(target)
    assert export(annotated_path, "--starred", "--format", "md", "-o", str(target), *force) == 1
    reason = "it is a symbolic link" if "symlink" in kind else "it is not a regular file"
    assert error_line(capsys).startswith(f"briefing: error: cannot write {target}: {reason}")
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert real.read_text() == "precious" and not (tmp_path / "nowhere.md").exists()
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]


def test_dash_output_is_stdout_even_when_a_file_named_dash_exists(
    annotated_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("kept")
    assert export(annotated_path, "--starred", "--format", "json", "-o", "-") == 0
    assert json.loads(capsys.readouterr().out)["schema"]
    assert (tmp_path / "-").read_text() == "kept"
