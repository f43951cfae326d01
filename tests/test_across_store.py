"""The library's cross-article views: built from the stored analyses, cached per article on disk, and
kept current when an article is added, deleted, restored or corrected; a damaged cache is rebuilt."""

from __future__ import annotations

from pathlib import Path

from store.library import Library
from tests.store_support import article_text, write

ONE = "About 12,000 people have been displaced by Typhoon Marla, officials said."
TWO = "More than 38,000 people remain out of their homes after Typhoon Marla, officials said."
THREE = "The agency said 20,000 people remain out of their homes after Typhoon Marla."


def _add(library: Library, folder: Path, name: str, body: str, published: str, source: str) -> str:
    path = write(folder, f"{name}.md", article_text(name, body, published=published, source=source))
    report = library.import_paths([path])
    return (report.added or report.present)[0]


def test_views_follow_additions_deletions_restores(empty_library: Library, tmp_path: Path) -> None:
    src = tmp_path / "in"
    assert empty_library.series() == [] and empty_library.conflicts() == []
    first = _add(empty_library, src, "one", ONE, "2022-10-12", "A")
    assert empty_library.series() == []  # one figure is no series
    second = _add(empty_library, src, "two", TWO, "2022-10-19", "B")
    (series,) = empty_library.series()
    assert [p.article_id for p in series.points] == [first, second]
    assert empty_library.series_for_figure(second, series.points[1].start) == series
    third = _add(empty_library, src, "three", THREE, "2022-10-19", "C")
    (conflict,) = empty_library.conflicts()  # "more than 38,000" against "20,000" on the same day
    assert {c.article_id for c in conflict.claims} == {second, third}
    assert empty_library.conflicts_for_article(first) == []
    empty_library.delete([third])
    assert empty_library.conflicts() == []
    empty_library.restore([third])
    assert len(empty_library.conflicts()) == 1


def test_a_reopened_library_reuses_the_cached_digests(tmp_path: Path) -> None:
    src = tmp_path / "in"
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        _add(library, src, "one", ONE, "2022-10-12", "A")
        _add(library, src, "two", TWO, "2022-10-19", "B")
        before = library.series()
        assert library._across.rebuilt == 2
    assert any((tmp_path / "lib" / "across").glob("*.json"))
    with Library.open(tmp_path / "lib") as library:
        assert library.series() == before
        assert library._across.rebuilt == 0


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    src = tmp_path / "in"
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        _add(library, src, "one", ONE, "2022-10-12", "A")
        _add(library, src, "two", TWO, "2022-10-19", "B")
        before = library.series()
    shards = sorted((tmp_path / "lib" / "across").glob("*.json"))
    for shard in shards:
        shard.write_bytes(b'{"cut short')
    with Library.open(tmp_path / "lib") as library:
        assert library.series() == before
        assert library._across.rebuilt == 2
    with Library.open(tmp_path / "lib") as library:
        assert library.series() == before
        assert library._across.rebuilt == 0  # written again, whole


def test_corrections_are_honoured(empty_library: Library, tmp_path: Path) -> None:
    src = tmp_path / "in"
    body = "Prime Minister Mustafa al-Kadhimi spoke in Baghdad on Monday. Kadhimi said the talks went well."
    aid = _add(empty_library, src, "pm", body, "2021-01-05", "A")
    (found,) = empty_library.find_entities("Kadhimi")
    assert found.type == "PERSON"
    text = empty_library.article(aid).body
    start = text.index("Baghdad")
    empty_library.add_annotation(
        aid, start, start + len("Baghdad"), "correction", correction={"type": "NONE"}
    )
    assert empty_library.find_entities("Baghdad") == []
    assert empty_library.entity_suggestions("Kadhimi") == ["Mustafa al-Kadhimi"]
    start = text.index("Mustafa al-Kadhimi")
    empty_library.add_annotation(
        aid, start, start + len("Mustafa al-Kadhimi"), "correction", correction={"type": "ORG"}
    )
    types = {s.type for s in empty_library.find_entities("Mustafa al-Kadhimi")}
    assert "ORG" in types


def test_an_unknown_profile_key_is_a_key_error(sample_library: Library) -> None:
    import pytest

    with pytest.raises(KeyError):
        sample_library.entity_profile("PERSON:nobody")
    profile = sample_library.entity_profile(sample_library.find_entities("Kadhimi")[0].key)
    assert profile.name == "Mustafa al-Kadhimi"


def test_a_killed_writers_temporary_file_in_the_cache_is_swept(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()
    (folder / "across").mkdir()
    left = folder / "across" / ".3f.json.abcd1234.tmp"
    left.write_text("{")
    os.utime(left, (1, 1))
    Library.open(folder).close()
    assert not left.exists()


def test_a_highlight_recomputes_nothing_a_correction_its_article(
    empty_library: Library, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    first = _add(empty_library, src, "one", ONE, "2022-10-12", "A")
    _add(empty_library, src, "two", TWO, "2022-10-19", "B")
    empty_library.series()
    empty_library._across.rebuilt = 0
    empty_library.add_annotation(first, 0, 5, "highlight", color="yellow")
    empty_library.series()
    assert empty_library._across.rebuilt == 0
    text = empty_library.article(first).body
    start = text.index("Typhoon Marla")
    empty_library.add_annotation(
        first, start, start + len("Typhoon Marla"), "correction", correction={"type": "NONE"}
    )
    assert len(empty_library.series()) == 0  # the first article's figure lost its subject
    assert empty_library._across.rebuilt >= 1


# -- the series and conflicts kept on disk (store/across_views.py) -------------------------------------------
FOUR = "Officials said 15,000 people remain out of their homes after Typhoon Marla."


def _three_articles(folder: Path) -> list[str]:
    src = folder.parent / "in"
    with Library.open(folder, import_samples=False) as library:
        ids = [
            _add(library, src, "one", ONE, "2022-10-12", "A"),
            _add(library, src, "two", TWO, "2022-10-19", "B"),
            _add(library, src, "three", THREE, "2022-10-19", "C"),
        ]
        assert library.series() and library.conflicts()  # built, and the views written
    return ids


def _fresh_build(folder: Path) -> tuple[list[object], list[object]]:
    """The series and conflicts of the library made from nothing cached (the digests made again)."""
    import shutil

    shutil.rmtree(folder / "across", ignore_errors=True)
    with Library.open(folder) as library:
        return list(library.series()), list(library.conflicts())


def _views(folder: Path) -> tuple[list[object], list[object], bool]:
    """series(), conflicts() of the library opened again, and whether they needed the index built."""
    with Library.open(folder) as library:
        found = (library.series(), library.conflicts())
        return found[0], found[1], library._across._index is not None


def test_a_reopened_library_answers_series_and_conflicts_without_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _three_articles(folder)
    assert (folder / "across" / "views.cache").is_file()
    series, conflicts, built = _views(folder)
    assert not built
    assert (series, conflicts) == _fresh_build(folder)
    with Library.open(folder) as library:  # the other questions still build the index, the same one
        assert library.series() == series and library._across._index is None
        assert library.find_entities("Typhoon Marla") and library._across._index is not None
        assert library.series() == series and library.conflicts() == conflicts


def test_views_of_another_library_state_are_not_trusted(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    first, _, third = _three_articles(folder)
    with Library.open(folder) as library:  # another process changes the library
        library.delete([third])
    series, conflicts, built = _views(folder)
    assert built and conflicts == []
    assert (series, conflicts) == _fresh_build(folder)
    with Library.open(folder) as library:
        _add(library, tmp_path / "in", "four", FOUR, "2022-10-26", "D")
    series, conflicts, built = _views(folder)
    assert built and len(series[0].points) == 3
    assert (series, conflicts) == _fresh_build(folder)
    with Library.open(folder) as library:  # a correction changes what every text naming it says
        text = library.article(first).body
        start = text.index("Typhoon Marla")
        library.add_annotation(first, start, start + 13, "correction", correction={"type": "NONE"})
    series, conflicts, built = _views(folder)
    assert built and series == []
    assert (series, conflicts) == _fresh_build(folder)
    assert _views(folder)[2] is False  # written again, trusted again


def test_damaged_or_forged_views_are_built_again(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "lib"
    _three_articles(folder)
    expected = _fresh_build(folder)
    views = folder / "across" / "views.cache"
    good = json.loads(views.read_bytes())
    forged_series = {**good, "series": [], "conflicts": []}
    forged_key = {**forged_series, "keys": {aid: "0" + key for aid, key in good["keys"].items()}}
    forged_version = {**forged_series, "analyzer": "0"}
    for damage in (
        b'{"cut short',
        b"[]",
        b'{"format": 1}',
        json.dumps({**good, "series": [{"key": "x"}]}).encode(),  # not a series
        json.dumps(forged_key).encode(),
        json.dumps(forged_version).encode(),
        json.dumps({**forged_series, "keys": dict(list(good["keys"].items())[:2])}).encode(),
    ):
        views.write_bytes(damage)
        series, conflicts, built = _views(folder)
        assert built and (series, conflicts) == expected, damage
        assert _views(folder) == (*expected, False)  # written again, whole
    views.write_bytes(json.dumps(forged_series).encode())  # the keys match: the views are what they say
    assert _views(folder) == ([], [], False)
    (folder / "across" / "00.json").write_bytes(b"{}")  # but a digest file changed since is not trusted
    assert _views(folder) == (*expected, True)


def test_a_read_only_library_answers_from_its_own_build_and_writes_no_views(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _, _, third = _three_articles(folder)
    with Library.open(folder) as library:
        library.delete([third])
    views = folder / "across" / "views.cache"
    stale = views.read_bytes()
    with Library.open(folder, read_only=True) as library:
        found = (library.series(), library.conflicts())
        assert library._across._index is not None  # the stale views were not trusted
    assert views.read_bytes() == stale
    assert found == _fresh_build(folder)


def test_digest_shards_hold_the_standard_librarys_json_even_with_numbers_orjson_writes_otherwise(
    tmp_path: Path,
) -> None:
    import json

    src = tmp_path / "in"
    tiny = "Officials said the rate was 0.00005 percent at the Café Müller exchange in 2022."
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        _add(library, src, "one", ONE, "2022-10-12", "A")
        _add(library, src, "two", TWO, "2022-10-19", "B")
        _add(library, src, "three", tiny, "2022-10-20", "C")
        before = library.series()
    shards = sorted((tmp_path / "lib" / "across").glob("*.json"))
    values = [
        row[3]
        for shard in shards
        for e in json.loads(shard.read_bytes()).values()
        for row in e["digest"]["figures"]
    ]
    assert 5e-05 in values  # written 5e-05 by the standard library, 0.00005 by orjson
    for shard in shards:
        raw = shard.read_bytes()
        assert raw == json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":")).encode()
    with Library.open(tmp_path / "lib") as library:
        assert library.series() == before
        assert library._across.rebuilt == 0
