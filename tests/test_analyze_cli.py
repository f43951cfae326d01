"""`briefing analyze`: the JSON contract, JSON Lines for several files, the Rich view and the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
USER_ARTICLE = SAMPLES / "2021-01-05-rudaw-kadhimi-withdrawal.md"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_offsets_slice_the_file_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(USER_ARTICLE), "--date", "2021-01-05", "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    text = USER_ARTICLE.read_bytes().decode("utf-8")
    assert data["published"] == "2021-01-05"
    assert data["path"] == str(USER_ARTICLE)
    for key in ("sentences", "entities", "figures", "dates", "facts"):
        assert isinstance(data[key], list)
    for kind in ("entities", "figures", "dates"):
        for item in data[kind]:
            assert text[item["start"] : item["end"]] == item["text"]
    for s in data["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    tuesday = [d for d in data["dates"] if d["text"] == "Tuesday"]
    assert tuesday and all(d["value"] == "2021-01-05" and d["type"] == "DATE" for d in tuesday)
    mid = next(d for d in data["dates"] if d["text"] == "mid-November")
    assert (mid["value"], mid["mod"]) == ("2020-11", "MID")
    fact = data["facts"][0]
    assert {"value", "start_date", "end_date", "sentence", "text", "entities", "figures"} <= set(fact)


def test_crlf_newlines_are_kept_so_offsets_still_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\nTalks ended on Tuesday.\r\nThey resume in March.\r\n")
    code, out, _ = run(["analyze", str(path), "--date", "2021-01-05", "--json"], capsys)
    text = path.read_bytes().decode("utf-8")
    data = json.loads(out)
    assert code == 0
    assert [text[d["start"] : d["end"]] for d in data["dates"]] == ["Tuesday", "March"]


def test_without_date_relative_values_stay_unanchored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("He told Rudaw in December that troops left on 5 January 2021.", encoding="utf-8")
    code, out, _ = run(["analyze", str(path), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["published"] is None
    assert [(d["value"], d["anchored"]) for d in data["dates"]] == [("XXXX-12", False), ("2021-01-05", True)]


def test_several_files_give_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text("Talks ended in 2019.", encoding="utf-8")
    second.write_text("Nothing dated here", encoding="utf-8")
    code, out, err = run(["analyze", str(first), str(second), "--json"], capsys)
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert [json.loads(line)["path"] for line in lines] == [str(first), str(second)]
    assert json.loads(lines[0])["dates"][0]["value"] == "2019"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("dir", "is a directory"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"Word and word.\n" * 800_000, "articles are limited to 10 MB"),  # 12 MB: refused, not read whole
    ],
)
def test_bad_inputs_fail_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "input"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Signed in 2020.", encoding="utf-8")
    code, out, err = run(["analyze", str(path), str(good), "--json"], capsys)
    assert code != 0
    assert message in err
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(good)]  # stdout stays JSON


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(USER_ARTICLE), "--date", "2021-02-30", "--json"])
    out, err = capsys.readouterr()
    assert exc.value.code != 0
    assert out == ""
    assert "YYYY-MM-DD" in err


def test_rich_view_shows_text_and_timeline_without_markup_injection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("[bold red]Alert[/] The vote was held on 5 January 2021.\x1b[31m", encoding="utf-8")
    code, out, _ = run(["analyze", str(path), "--date", "2021-01-06"], capsys)
    assert code == 0
    assert "[bold red]Alert[/]" in out  # shown literally, not interpreted
    assert "\x1b[31m" not in out
    assert "Timeline" in out and "2021-01-05" in out


FRONT = "---\ntitle: Harbour works\npublished: 2021-01-05\nsource: The Gazette\n---\n"
BODY = "The pier reopened on Tuesday.\nDredging resumes in March, the Port Authority said.\n"


def _front_matter_file(tmp_path: Path, front: str = FRONT) -> Path:
    path = tmp_path / "article.md"
    path.write_text(front + BODY, encoding="utf-8")
    return path


def test_front_matter_published_is_the_default_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _front_matter_file(tmp_path)
    code, out, _ = run(["analyze", str(path), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["published"] == "2021-01-05"
    assert [(d["text"], d["value"]) for d in data["dates"]] == [
        ("Tuesday", "2021-01-05"),
        ("March", "2021-03"),
    ]


def test_explicit_date_wins_over_the_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _front_matter_file(tmp_path)
    code, out, _ = run(["analyze", str(path), "--date", "2021-01-14", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["published"] == "2021-01-14"
    assert data["dates"][0]["value"] == "2021-01-12"


def test_front_matter_yields_nothing_and_offsets_index_the_whole_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _front_matter_file(tmp_path)
    code, out, _ = run(["analyze", str(path), "--json"], capsys)
    data = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert code == 0
    for kind in ("entities", "figures", "dates"):
        for item in data[kind]:
            assert item["start"] >= len(FRONT)
            assert text[item["start"] : item["end"]] == item["text"]
    assert all(s["start"] >= len(FRONT) for s in data["sentences"])
    assert all(f["date"]["start"] >= len(FRONT) for f in data["facts"])
    assert "Gazette" not in {e["text"] for e in data["entities"]}


def test_unreadable_front_matter_is_reported_and_the_text_still_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _front_matter_file(tmp_path, "---\npublished: 2021-13-45\n---\n")
    code, out, err = run(["analyze", str(path), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["published"] is None
    assert "front matter not used" in err and "published" in err
    assert [d["value"] for d in data["dates"]][:1] == ["XXXX-WXX-2"]
