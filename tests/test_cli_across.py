"""`briefing entity / entities / series / conflicts` on the sample library: the JSON contracts, the
examples of issue 12, and bad input (no match, ambiguous name, unknown type)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from store.library import Library


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("across") / "lib"
    Library.open(folder).close()
    yield folder


def run(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--library", str(folder), *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_series_json_contract_and_the_two_storylines(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, samples, "series", "--json")
    assert status == 0
    data = json.loads(out)
    for series in data:
        assert {"subject", "unit", "points"} <= set(series)
        for point in series["points"]:
            assert {"date", "value", "high", "qualifier", "article_id", "text"} <= set(point)
    by_name = {(s["subject"], s["unit"]): s for s in data}
    troops = by_name[("United States", "troops")]["points"]
    assert [(p["date"], p["value"], p["qualifier"]) for p in troops] == [
        ("2020-01", 5000, "roughly"),
        ("2020-09", 3000, None),
        ("2021-01-15", 2500, None),
    ]
    displaced = by_name[("Typhoon Kestrel", "people displaced")]["points"]
    assert [p["value"] for p in displaced] == [12000, 41600, 41600, 38000, 4200]
    assert displaced[0]["text"] == "About 12,000"


def test_series_for_one_entity(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, samples, "series", "--entity", "kestrel", "--json")
    assert status == 0
    assert {s["subject"] for s in json.loads(out)} == {"Typhoon Kestrel"}
    status, _, err = run(capsys, samples, "series", "--entity", "Nobody Atall")
    assert status == 1 and "no entity named 'Nobody Atall'" in err


def test_conflicts_json_contract(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, samples, "conflicts", "--json")
    assert status == 0
    data = json.loads(out)
    assert [(c["subject"], c["date"]) for c in data] == [("Cyclone Oriel", "2024-05-27")]
    claims = data[0]["claims"]
    assert {"value", "article_id", "source", "text"} <= set(claims[0])
    assert sorted((c["value"], c["source"]) for c in claims) == [
        (85, "Coastal Monitor"),
        (120, "Bay Desk Wire"),
    ]


def test_entity_profile(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, samples, "entity", "Kadhimi", "--json")
    assert status == 0
    profile = json.loads(out)
    assert profile["name"] == "Mustafa al-Kadhimi" and profile["type"] == "PERSON"
    assert dict(map(tuple, profile["aliases"]))["Kadhimi"] == 4
    assert profile["articles"][0]["source"] == "Rudaw"
    assert profile["facts"] and profile["co_mentions"]
    status, text, _ = run(capsys, samples, "entity", "kadhimi")
    assert status == 0 and text.startswith("Mustafa al-Kadhimi (PERSON)")


def test_entity_without_match_suggests(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, samples, "entity", "Kadhimy")
    assert status == 1 and out == ""
    assert "no entity named 'Kadhimy'" in err and "Mustafa al-Kadhimi" in err


def test_ambiguous_entity_lists_candidates(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, samples, "entity", "hoàng liên")
    assert status == 1
    assert "Hoàng Liên Sơn" in err and "Hoàng Liên Volunteer Network" in err


def test_entities_json_and_type_filter(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, samples, "entities", "--type", "person", "--json")
    assert status == 0
    data = json.loads(out)
    assert data and {e["type"] for e in data} == {"PERSON"}
    assert {"key", "name", "type", "mentions", "article_count", "aliases"} <= set(data[0])
    assert [e["mentions"] for e in data] == sorted((e["mentions"] for e in data), reverse=True)
    with pytest.raises(SystemExit) as exit_info:
        main(["--library", str(samples), "entities", "--type", "planet"])
    assert exit_info.value.code == 2


def test_an_empty_library_has_no_series_and_no_conflicts(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, library_path, "series", "--json")[:2] == (0, "[]\n")
    assert run(capsys, library_path, "conflicts", "--json")[:2] == (0, "[]\n")
    status, _, err = run(capsys, library_path, "series")
    assert status == 0 and "no figure series" in err


def test_markdown_briefing_has_figures_over_time_and_disagreements(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, samples, "export", "--format", "md", "--tag", "Cyclone Oriel")
    assert status == 0
    over_time = out[out.index("## Figures over time") : out.index("## Sources disagree")]
    assert "### Cyclone Oriel: people killed" in over_time
    assert "| 27 May 2024 | At least 120 | Bay Desk Wire |" in over_time
    disagree = out[out.index("## Sources disagree") : out.index("## Sources\n")]
    assert "**At least 120** (Bay Desk Wire)" in disagree and "**85** (Coastal Monitor)" in disagree
    status, out, _ = run(capsys, samples, "export", "--format", "md", "--tag", "floods")
    assert "## Sources disagree" not in out and "Typhoon Kestrel: people displaced" in out
