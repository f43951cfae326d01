"""The export selection's quick ways give what the plain ones give: the first key figures chosen without
the highlight and narrowing checks, sentences made one line without splitting, article texts read with
system calls, metadata documents looked up with one look at the articles file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from store.bodies import READ_SIZE, BodyStore
from store.errors import LibraryCorrupt, LibraryError
from store.export import Selection, selection
from store.facts_index import first_figures
from store.library import Library

KINDS = ["cardinal", "percent", "money", "fraction", "quantity", "ordinal", "date"]
WHITESPACE = [" ", "  ", "\n", "\t", "\xa0", "\u2009", "\u3000", "\x1c", "\x85", "\u2028"]

ROWS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=60),
        st.integers(min_value=0, max_value=6),
        st.sampled_from(["12", "12 ", " 12", "1.2 million", "12%", "$5", "five", "Five", "5"]),
        st.none() | st.sampled_from([0, 3, -4, 9, 10, -10, 12, 5.5, 1e6, 0.5]),
        st.sampled_from(KINDS),
        st.none() | st.just("people"),
        st.none() | st.just("about"),
        st.none() | st.integers(min_value=0, max_value=40),
        st.none() | st.integers(min_value=40, max_value=90),
    ).map(lambda row: [row[0], row[0] + row[1], *row[2:]]),
    max_size=30,
)


@given(ROWS)
def test_the_first_figures_the_index_keeps_are_those_chosen_with_no_highlight_or_narrowing(
    rows: list[list],
) -> None:
    assert first_figures(rows) == selection._chosen_rows(rows, [], [], False)


@given(st.lists(st.sampled_from(["a", "B", "é", "1", ".", "\x00", "\u200b", *WHITESPACE])).map("".join))
@example(" a b")
@example("a b ")
@example("a  b")
@example("a\xa0b")
def test_a_sentence_made_one_line_is_its_words_joined(text: str) -> None:
    assert selection._one_line(text) == " ".join(text.split())


@given(st.lists(st.sampled_from(["a", "B", "1", ".", "\x00", " ", "  ", "\n", "\n "])).map("".join))
def test_a_sentence_of_spaces_and_line_breaks_made_one_line_is_its_words_joined(text: str) -> None:
    assert selection._one_line(text, lines=True) == " ".join(text.split())


def test_the_other_ascii_spaces_are_every_ascii_whitespace_but_the_space_and_line_break() -> None:
    spaces = {chr(code) for code in range(128) if chr(code).isspace()}
    assert set(selection._OTHER_ASCII_SPACES) == spaces - {" ", "\n"}


def test_no_whitespace_but_the_space_is_printable() -> None:
    """What lets `_one_line` leave printable text as it is."""
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]


def test_a_text_longer_than_one_read_is_read_whole(tmp_path: Path) -> None:
    bodies = BodyStore(tmp_path / "bodies")
    for size in (0, 1, READ_SIZE - 1, READ_SIZE, READ_SIZE + 1, 3 * READ_SIZE + 7):
        body = ("é" * size)[:size] if size % 2 else "x" * size
        key, _ = bodies.put(body)
        assert bodies.get(key) == body


def test_a_missing_damaged_or_unreadable_text_is_told_as_before(tmp_path: Path) -> None:
    bodies = BodyStore(tmp_path / "bodies")
    key, _ = bodies.put("The harbour reopened.")
    path = bodies.path(key)
    path.write_text("The harbour closed.")
    with pytest.raises(LibraryCorrupt, match=f"the article text {path} is damaged"):
        bodies.get(key)
    path.unlink()
    with pytest.raises(LibraryCorrupt, match=f"the article text {path} is missing"):
        bodies.get(key)
    path.mkdir()
    with pytest.raises(LibraryError, match=f"cannot read {path}"):
        bodies.get(key)


def test_documents_looked_up_together_are_those_looked_up_one_by_one(sample_library: Library) -> None:
    articles = sample_library._articles
    ids = [meta.id for meta in sample_library.articles()]
    assert list(articles.docs(ids)) == [articles.doc(aid) for aid in ids]
    with pytest.raises(KeyError):
        list(articles.docs([ids[0], "0" * 16]))


def test_a_text_read_by_its_key_is_the_articles_text_and_a_damaged_one_is_told(
    sample_library: Library,
) -> None:
    from store.articles import ArticleTextMissing

    meta = sample_library.articles()[0]
    key = sample_library._articles.doc(meta.id)["body"]
    assert sample_library.article_text(meta.id, key) == sample_library.article_text(meta.id)
    sample_library._files.bodies.path(key).write_text("Something else.")
    with pytest.raises(ArticleTextMissing):
        sample_library.article_text(meta.id, key)
    assert any(f"[{meta.id[:12]}] cannot be read" in notice for notice in sample_library.notices)


def _shards(library: Library) -> list[Path]:
    from store.facts_index import FOLDER

    return sorted((library.path / FOLDER).glob("*.json"))


@pytest.mark.parametrize("damage", ["format 1", "figures not text", "no first figures"])
def test_index_entries_of_the_former_layout_are_made_again_and_export_the_same(
    sample_library: Library, damage: str
) -> None:
    """Format 1 kept every figure row as an array and no first key figures apart: such entries (and
    entries whose figures are not what the layout says) are made again, and exports do not change."""
    import json

    from store.export import export_document
    from store.facts_index import FORMAT, TABLE, figure_rows

    sample_library.add_annotation(sample_library.articles()[0].id, 0, 60, "highlight")
    selections = [Selection(), Selection(start=date(2020, 1, 1))]
    expected = [export_document(sample_library, s, fmt) for s in selections for fmt in ("json", "md")]
    path = sample_library.path
    sample_library.close()
    changed = 0
    for shard in _shards(sample_library):
        data = json.loads(shard.read_text())
        for entry in data[TABLE].values():
            assert entry["format"] == FORMAT and entry["firsts"] == first_figures(figure_rows(entry))
            if damage == "format 1":
                entry.update(format=1, figures=figure_rows(entry))
                del entry["firsts"]
            elif damage == "figures not text":
                entry["figures"] = figure_rows(entry)
            else:
                del entry["firsts"]
            changed += 1
        shard.write_text(json.dumps(data))
    assert changed >= 2
    with Library.open(path) as library:
        assert [export_document(library, s, fmt) for s in selections for fmt in ("json", "md")] == expected
        for shard in _shards(library):
            for entry in json.loads(shard.read_text())[TABLE].values():
                assert entry["format"] == FORMAT and isinstance(entry["figures"], str)
                assert entry["firsts"] == first_figures(figure_rows(entry))


def test_an_entrys_figure_rows_are_those_it_was_made_from() -> None:
    from store.facts_index import figure_rows, make_entry

    data = {
        "sentences": [{"start": 0, "end": 30}],
        "figures": [
            {"start": 4, "end": 9, "text": "1e+18", "value": 1e18, "kind": "cardinal"},
            {"start": 12, "end": 15, "text": "3 %", "value": 3, "kind": "percent", "unit": "%"},
            {"start": 40, "end": 44, "text": "tiny", "value": 1e-5, "kind": "quantity", "qualifier": "about"},
        ],
    }
    entry = make_entry("ab" * 8, {}, data, "", None)
    rows = figure_rows(entry)
    assert rows == [
        [4, 9, "1e+18", 1e18, "cardinal", None, None, 0, 30],
        [12, 15, "3 %", 3, "percent", "%", None, 0, 30],
        [40, 44, "tiny", 1e-5, "quantity", None, "about", None, None],
    ]
    assert [type(row[3]) for row in rows] == [float, int, float]
    assert entry["firsts"] == first_figures(rows) == rows
