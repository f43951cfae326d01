"""The facts index (store/facts_index.py): the timeline and exports read from it give what the analyses
give; it is written with every analysis, follows re-imports, corrections, deletes, restores and new
analyzer versions, and is rebuilt when missing, damaged or of another format (read-only: in memory)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from store.export import Selection, export_chunks, export_document
from store.facts_index import BYPASS_ENV, FOLDER, TABLE, index_shard
from store.ids import doc_id
from store.jsonout import compact
from store.library import Library
from store.queries import timeline_entry_dict
from store.records import TimelineEntry
from tests.store_support import FakeAnalyzer, article_text, open_with_fake_analyzer, write

ROOT = Path(__file__).resolve().parents[1]

ALPHA = "Alpha Corp opened the plant on 2020-03-04.\nSales rose in 2020-05.\nAlpha said more in 2021-01-02."
BETA = "The council met on 2019-11-20.\nAlpha Corp joined on 2019-12-01."


def entry_of(folder: Path, article_id: str) -> dict[str, Any] | None:
    path = folder / FOLDER / f"{index_shard(article_id)}.json"
    if not path.exists():
        return None
    entry: dict[str, Any] | None = json.loads(path.read_text())[TABLE].get(str(doc_id(article_id)))
    return entry


def analysis_key(folder: Path, article_id: str) -> dict[str, Any]:
    stored = json.loads((folder / "analysis" / article_id[:2] / f"{article_id}.json").read_text())
    record = stored["analysis"]["1"]
    return {k: record[k] for k in ("analyzer", "body", "published", "corrections")}


def from_analyses(library: Library, monkeypatch: pytest.MonkeyPatch, **filters: Any) -> list[TimelineEntry]:
    with monkeypatch.context() as patch:
        patch.setenv(BYPASS_ENV, "1")
        return library.timeline(**filters)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Library, Any, dict[str, str], Path]]:
    """A library (stand-in analyzer) with two analysed articles; their files are in tmp_path/src."""
    paths = {
        "alpha": write(tmp_path / "src", "alpha.md", article_text("Alpha", ALPHA, published="2021-01-05")),
        "beta": write(tmp_path / "src", "beta.md", article_text("Beta", BETA, published="2019-12-02")),
    }
    library, fake = open_with_fake_analyzer(tmp_path / "lib")
    with library:
        ids = {name: library.import_paths([path]).added[0] for name, path in paths.items()}
        yield library, fake, ids, tmp_path


FILTERS: list[dict[str, Any]] = [
    {},
    {"entity": "Kadhimi"},
    {"entity": "PMF", "start": date(2020, 1, 1)},
    {"start": date(2020, 11, 1), "end": date(2021, 1, 31)},
    {"source": "rudaw"},
    {"tag": "IRAQ"},
    {"entity": "Nobody Anywhere"},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_samples_timeline_is_the_same_from_the_index_and_from_the_analyses(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch, filters: dict[str, Any]
) -> None:
    expected = from_analyses(sample_library, monkeypatch, **filters)
    assert sample_library.timeline(**filters) == expected
    assert list(sample_library.timeline_json(**filters)) == [
        compact(timeline_entry_dict(e)) for e in expected
    ]
    if not filters:
        assert len(expected) > 20
        for article in sample_library.articles():
            one = from_analyses(sample_library, monkeypatch, article_id=article.id)
            assert sample_library.timeline(article_id=article.id) == one


def test_the_cli_timeline_is_the_same_text_from_the_index(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample_library.close()
    outputs = {}
    for bypass in ("0", "1"):
        monkeypatch.setenv(BYPASS_ENV, bypass)
        for flag in ("--json", "--jsonl", "--entity=Kadhimi"):
            assert main(["--library", str(sample_library.path), "timeline", flag]) == 0
            outputs[bypass, flag] = capsys.readouterr().out
    for flag in ("--json", "--jsonl", "--entity=Kadhimi"):
        assert outputs["0", flag] == outputs["1", flag]
    assert outputs["0", "--json"].count('"article_id"') > 20


SELECTIONS = [
    Selection(),
    Selection(entity="Kadhimi"),
    Selection(start=date(2020, 9, 1), end=date(2021, 1, 31)),
]


@pytest.mark.parametrize("fmt", ["md", "json", "timelinejs"])
@pytest.mark.parametrize("selection", SELECTIONS)
def test_streamed_exports_are_the_documents(sample_library: Library, fmt: str, selection: Selection) -> None:
    whole = export_document(sample_library, selection, fmt)
    assert "".join(export_chunks(sample_library, selection, fmt)) == whole
    if fmt != "md":
        json.loads(whole)


def test_export_to_a_file_is_what_stdout_gets(
    sample_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample_library.close()
    for fmt in ("md", "json"):
        target = tmp_path / f"out.{fmt}"
        args = ["--library", str(sample_library.path), "export", "--format", fmt]
        assert main([*args, "-o", str(target)]) == 0
        capsys.readouterr()
        assert main(args) == 0
        assert capsys.readouterr().out == target.read_text(encoding="utf-8")


def test_an_analysis_writes_its_entry(two: tuple[Library, Any, dict[str, str], Path]) -> None:
    library, fake, ids, _ = two
    for aid in ids.values():
        entry = entry_of(library.path, aid)
        assert entry is not None and entry["key"] == analysis_key(library.path, aid)
        assert len(entry["facts"]) == len(library.analysis(aid).facts)
    assert fake.calls == 2
    assert [e.fact.value for e in library.timeline()] == [
        "2019-11-20",
        "2019-12-01",
        "2020-03-04",
        "2020-05",
        "2021-01-02",
    ]
    assert fake.calls == 2  # the timeline read the index


def test_a_reimport_updates_the_entry(two: tuple[Library, Any, dict[str, str], Path]) -> None:
    library, _, ids, tmp_path = two
    before = entry_of(library.path, ids["alpha"])
    edited = ALPHA.replace("2020-05", "2020-06")
    write(tmp_path / "src", "alpha.md", article_text("Alpha", edited, published="2021-01-05"))
    assert library.import_paths([tmp_path / "src" / "alpha.md"]).updated == [ids["alpha"]]
    after = entry_of(library.path, ids["alpha"])
    assert before is not None and after is not None and after["key"]["body"] != before["key"]["body"]
    assert after["key"] == analysis_key(library.path, ids["alpha"])
    assert "2020-06" in [e.fact.value for e in library.timeline()]


def test_a_reimport_without_analysis_is_analysed_by_the_next_timeline(
    two: tuple[Library, Any, dict[str, str], Path],
) -> None:
    library, fake, ids, tmp_path = two
    write(
        tmp_path / "src",
        "alpha.md",
        article_text("Alpha", ALPHA + "\nAnd on 2022-02-02.", published="2021-01-05"),
    )
    library.import_paths([tmp_path / "src" / "alpha.md"], analyze=False)
    calls = fake.calls
    assert "2022-02-02" in [e.fact.value for e in library.timeline()]
    assert fake.calls == calls + 1
    entry = entry_of(library.path, ids["alpha"])
    assert entry is not None and entry["key"] == analysis_key(library.path, ids["alpha"])


def test_delete_and_restore(two: tuple[Library, Any, dict[str, str], Path]) -> None:
    library, fake, ids, _ = two
    everything = library.timeline()
    library.delete([ids["beta"]])
    assert {e.article_id for e in library.timeline()} == {ids["alpha"]}
    assert [aid for aid, _ in library.fact_entries([ids["alpha"]])] == [ids["alpha"]]
    library.restore([ids["beta"]])
    assert library.timeline() == everything
    assert fake.calls == 2  # the entry waited with the analysis: nothing made again


def test_a_correction_reanalyses_the_articles_it_concerns(
    two: tuple[Library, Any, dict[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, fake, ids, _ = two
    assert {e.article_id for e in library.timeline(entity="Alpha Corp")} == set(ids.values())
    body = library.article(ids["beta"]).body
    start = body.index("Alpha Corp")
    library.add_annotation(
        ids["beta"], start, start + len("Alpha Corp"), "correction", correction={"type": "NONE"}
    )
    calls = fake.calls
    found = library.timeline(entity="Alpha Corp")
    assert found == from_analyses(library, monkeypatch, entity="Alpha Corp")
    assert fake.calls == calls + 2  # both texts hold the corrected words: both analysed again
    assert {e.article_id for e in found} == {ids["alpha"]}  # "Alpha" alone still names it there
    for aid in ids.values():
        entry = entry_of(library.path, aid)
        assert entry is not None and entry["key"] == analysis_key(library.path, aid)
    library.timeline()
    assert fake.calls == calls + 2  # checked once against the new corrections, then trusted


def test_a_new_analyzer_version_rebuilds_the_entries(tmp_path: Path) -> None:
    path = write(tmp_path / "src", "alpha.md", article_text("Alpha", ALPHA, published="2021-01-05"))
    library, fake = open_with_fake_analyzer(tmp_path / "lib")
    with library:
        aid = library.import_paths([path]).added[0]
        facts = library.timeline()
    library, fake = open_with_fake_analyzer(tmp_path / "lib", version="test-2")
    with library:
        assert library.timeline() == facts and fake.calls == 1
        entry = entry_of(library.path, aid)
        assert entry is not None and entry["key"]["analyzer"] == "test-2"


@pytest.mark.parametrize("damage", ["garbage", "missing", "malformed entry", "old format", "analysis cut"])
def test_a_damaged_or_missing_index_is_rebuilt(
    two: tuple[Library, Any, dict[str, str], Path], damage: str
) -> None:
    library, fake, ids, _ = two
    expected = library.timeline()
    aid = ids["alpha"]
    shard = library.path / FOLDER / f"{index_shard(aid)}.json"
    if damage == "garbage":
        shard.write_bytes(b'{"entries": {"1": {"id": "x", "fa')
    elif damage == "missing":
        shard.unlink()
    else:
        data = json.loads(shard.read_text())
        entry = data[TABLE][str(doc_id(aid))]
        if damage == "malformed entry":
            entry["facts"] = "nothing"
        elif damage == "old format":
            entry["format"] = 0
        else:
            stored = library.path / "analysis" / aid[:2] / f"{aid}.json"
            stored.write_bytes(stored.read_bytes()[:100])
        shard.write_text(json.dumps(data))
    library, fake = open_with_fake_analyzer(library.path)
    with library:
        assert library.timeline() == expected
        assert fake.calls == (1 if damage == "analysis cut" else 0)  # the stored analysis serves
        entry = entry_of(library.path, aid)
        assert entry is not None and entry["key"] == analysis_key(library.path, aid)
        if damage == "garbage":
            assert any("facts index" in n and "damaged" in n for n in library.notices), library.notices
            assert list(shard.parent.glob(f"{shard.name}.corrupt-*"))  # kept aside, never overwritten
        library.timeline()
        assert fake.calls == (1 if damage == "analysis cut" else 0)


def test_a_read_only_library_answers_without_its_index(
    two: tuple[Library, Any, dict[str, str], Path],
) -> None:
    library, _, _, _ = two
    expected = library.timeline()
    library.close()
    for shard in (library.path / FOLDER).glob("*.json"):
        shard.unlink()
    fake = FakeAnalyzer()
    with Library.open(library.path, read_only=True, analyzer=fake, analyzer_version="test-1") as viewer:
        assert viewer.timeline() == expected
        assert viewer.timeline() == expected
        assert fake.calls == 0  # the stored analyses serve; nothing is written
    assert not list((library.path / FOLDER).glob("*.json"))


@pytest.mark.parametrize("query", ["2020..2021", "..2019", "troops 2021-01..", "2035.."])
def test_search_by_date_range_from_the_index(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    found = sample_library.search(query)
    monkeypatch.setenv(BYPASS_ENV, "1")
    assert sample_library.search(query) == found


@pytest.mark.parametrize("value", [12.5, 1e18, float("nan")])  # orjson's bytes, the standard library's
def test_an_entry_made_in_a_worker_is_written_as_the_writer_would_write_it(
    tmp_path: Path, value: float
) -> None:
    """A worker sends its entry packed as JSON (`stored_form`); the shard written from it (beside another
    article's entry) holds the bytes the writer makes from the entry itself."""
    from extract import analyze
    from store.analyses import stored_form
    from store.facts_index import make_entry
    from store.storage import dump_tinydb

    with Library.open(tmp_path / "lib", import_samples=False) as library:
        source = write(tmp_path / "src", "alpha.md", article_text("Alpha", ALPHA, published="2021-01-05"))
        (aid,) = library.import_paths([source], analyze=False).added
        neighbour = aid[:3] + "f" * (len(aid) - 3)  # another article in the same shard
        index = library._analyses.index
        with library._files.writing():
            index._shard_file(index_shard(aid)).put_docs(
                TABLE, {doc_id(neighbour): {"id": neighbour, "n": 1.5}}
            )
        data = analyze(ALPHA, date(2021, 2, 1)).to_dict()
        figure = {"start": 0, "end": 5, "text": "Alpha", "value": value, "kind": "cardinal", "unit": None}
        data["figures"].append({**figure, "qualifier": None, "high": None})
        key = library._analyses.key_for(library._articles.doc(aid))[0]
        blob, packed = stored_form(aid, key, json.loads(json.dumps(data)))
        entry = make_entry(aid, key, json.loads(json.dumps(data)), "", len(blob))
        ((_, from_packed),) = index.entry_changes([(aid, packed)])
        ((_, from_entry),) = index.entry_changes([(aid, entry)])
    assert isinstance(from_packed, bytes) and isinstance(from_entry, dict)
    assert from_packed == dump_tinydb(from_entry)
    assert set(json.loads(from_packed)[TABLE]) == {str(doc_id(aid)), str(doc_id(neighbour))}
