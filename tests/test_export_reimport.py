"""Re-importing an edited article: annotations re-attach by quote; one whose quote vanished becomes orphaned,
is kept across reopening, and is still exported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from store.export import Selection, export_document
from store.library import Library
from store.paths import samples_dir
from tests.export_support import span

KEPT = "The number was drawn down to 3,000 in a decision by the Pentagon in September."
DELETED = "He added that only “hundreds” will remain for training, technical support and armament."
REWORDED_AROUND = "Wayne Marotto"
REWRAPPED = "The decision to scale-down was first announced by Acting Defense Secretary Christopher Miller"
INSERTED = "Editor's note: this story was updated on January 6 with new figures.\n"


def user_article_copy(folder: Path) -> Path:
    (source,) = samples_dir().glob("2021-01-05-*.md")
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def edit(path: Path) -> None:
    """Insert a paragraph after the headline, delete one sentence, reword the text before a name,
    re-wrap a line."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("---\n")[2].partition("---\n")
    first_line, _, rest = body.partition("\n")
    rest = rest.replace(DELETED + "\n", "").replace("spokesman Wayne Marotto", "spokesperson Wayne Marotto")
    rest = rest.replace("Acting Defense Secretary", "Acting Defense\n  Secretary")  # re-wrapped
    path.write_text(f"---\n{head}{sep}{first_line}\n{INSERTED}{rest}", encoding="utf-8")


def test_reimport_reattaches_by_quote_and_orphans_the_vanished(tmp_path: Path) -> None:
    article = user_article_copy(tmp_path)
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        report = library.import_paths([article])
        (aid,) = report.added
        body = library.article(aid).body
        kept = library.add_annotation(aid, *span(body, KEPT), "highlight", color="green")
        gone = library.add_annotation(aid, *span(body, DELETED), "note", note="Residual force")
        person = {"type": "PERSON"}
        renamed = library.add_annotation(aid, *span(body, REWORDED_AROUND), "correction", correction=person)
        wrapped = library.add_annotation(aid, *span(body, REWRAPPED), "highlight")

        edit(article)
        report = library.import_paths([article])
        assert report.updated == [aid]
        new_body = library.article(aid).body
        assert INSERTED.strip() in new_body and DELETED not in new_body
        by_id = {a.id: a for a in library.annotations(aid)}

    moved = by_id[kept.id]
    assert not moved.orphaned
    assert (moved.start, moved.end) == span(new_body, KEPT)
    # Shifted by everything edited before it: inserted paragraph, deleted sentence, rewording, re-wrapping.
    shift = len(INSERTED) - len(DELETED + "\n") + len("spokesperson") - len("spokesman") + len("\n  ") - 1
    assert moved.start == kept.start + shift
    assert new_body[moved.start : moved.end] == moved.exact == KEPT

    # The context before the name changed; the quote itself is still there.
    corrected = by_id[renamed.id]
    assert not corrected.orphaned and new_body[corrected.start : corrected.end] == REWORDED_AROUND

    # Only the whitespace inside the quote changed: found again, and its quote now has the new spacing.
    rewrapped = by_id[wrapped.id]
    assert not rewrapped.orphaned
    assert rewrapped.exact.split() == REWRAPPED.split() and "\n" in rewrapped.exact
    assert new_body[rewrapped.start : rewrapped.end] == rewrapped.exact

    orphan = by_id[gone.id]
    assert orphan.orphaned
    assert orphan.exact == DELETED and orphan.note == "Residual force"

    # Kept on disk: a reopened library still lists it as orphaned, and every format exports what it can.
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        assert [a.id for a in library.annotations(aid) if a.orphaned] == [gone.id]
        md = export_document(library, Selection(article_ids=(aid,)), "md")
        data = json.loads(export_document(library, Selection(article_ids=(aid,)), "json"))
    orphan_section = md.split("## Orphaned annotations", 1)[1]
    assert f"> {DELETED}" in orphan_section and "**Note:** Residual force" in orphan_section
    assert f"> {KEPT}" in md.split("## Orphaned annotations", 1)[0]
    exported = {a["id"]: a for a in data["annotations"]}
    assert exported[gone.id]["orphaned"] is True and exported[gone.id]["exact"] == DELETED
    assert exported[kept.id]["start"] == moved.start


def test_reimport_of_an_unchanged_file_leaves_annotations_alone(tmp_path: Path) -> None:
    article = user_article_copy(tmp_path)
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        (aid,) = library.import_paths([article]).added
        body = library.article(aid).body
        before = library.add_annotation(aid, *span(body, KEPT), "highlight")
        report = library.import_paths([article])
        assert report.present == [aid]
        assert library.annotations(aid) == [before]
