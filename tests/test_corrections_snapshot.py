"""Whole-library passes read the corrections once (`Annotations.snapshot`), and a correction still takes
effect as before, whether it is added inside a pass or outside one."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.library import Library
from tests.store_support import article_text, open_with_fake_analyzer, write

ARTICLES = 12


def _library_with_notes(folder: Path, version: str) -> Library:
    """A library of ARTICLES analysed articles, each with a highlight (so many annotation shards)."""
    library, _ = open_with_fake_analyzer(folder / "lib", version=version)
    with library:
        for n in range(ARTICLES):
            path = write(
                folder / "src",
                f"a{n}.md",
                article_text(f"Story {n}", f"Alpha Corp met group {n} on 2021-01-05."),
            )
            aid = library.import_paths([path]).added[0]
            library.add_annotation(aid, 0, 5, "highlight")
    return library


def _correct(library: Library, aid: str) -> str:
    """Add a correction that "Alpha Corp" names nothing; its annotation id."""
    start = library.article(aid).body.index("Alpha Corp")
    return library.add_annotation(
        aid, start, start + len("Alpha Corp"), "correction", correction={"type": "NONE"}
    ).id


def _shards(library: Library) -> int:
    return len(library._files.existing_shards("annotations"))


@pytest.mark.parametrize("question", ["timeline", "entities", "analyse_in_pool"])
def test_a_whole_library_pass_checks_the_annotation_shards_a_constant_number_of_times(
    tmp_path: Path, question: str
) -> None:
    _library_with_notes(tmp_path, "test-1")
    library, fake = open_with_fake_analyzer(tmp_path / "lib", version="test-2")  # every analysis is stale
    with library:
        shards = _shards(library)
        assert shards > 4
        annotations = library._annotations
        before = annotations.shard_checks
        if question == "timeline":
            assert library.timeline()
        elif question == "entities":
            assert library.entities()
        else:
            ids = [m.id for m in library.articles()]
            assert library._analyses.analyse_in_pool(ids, 1) == {}
        assert fake.calls == ARTICLES  # the pass analysed every article again
        # Before the snapshot: every article's analysis checked every shard (ARTICLES * shards).
        assert annotations.shard_checks - before <= 2 * shards


def test_a_correction_added_inside_a_snapshot_takes_effect_at_once(tmp_path: Path) -> None:
    library = _library_with_notes(tmp_path, "test-1")
    library, _ = open_with_fake_analyzer(tmp_path / "lib")
    with library:
        aid = library.articles()[0].id
        annotations = library._annotations
        with annotations.snapshot():
            assert annotations.corrections().entity_types == {}
            checks = annotations.shard_checks
            assert annotations.corrections_for("Alpha Corp").entity_types == {}
            assert annotations.shard_checks == checks  # read once for the block
            added = _correct(library, aid)
            assert annotations.corrections_for("Alpha Corp").entity_types == {"Alpha Corp": "NONE"}
            library.remove_annotation(added)
            assert annotations.corrections().entity_types == {}
        assert annotations.corrections().entity_types == {}


def test_a_snapshot_is_one_view_and_a_correction_from_elsewhere_counts_after_it(tmp_path: Path) -> None:
    library = _library_with_notes(tmp_path, "test-1")
    library, _ = open_with_fake_analyzer(tmp_path / "lib")
    other, _ = open_with_fake_analyzer(tmp_path / "lib")
    with library, other:
        aid = library.articles()[0].id
        annotations = library._annotations
        with annotations.snapshot():
            assert annotations.corrections().entity_types == {}
            _correct(other, aid)
            assert annotations.corrections().entity_types == {}  # the view taken at the start
        assert annotations.corrections().entity_types == {"Alpha Corp": "NONE"}
        for meta in library.articles():
            assert "Alpha Corp" not in {e.text for e in library.analysis(meta.id).entities}
