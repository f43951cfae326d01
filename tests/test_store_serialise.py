"""Stored documents read back into records: analyses, annotations, article metadata."""

from __future__ import annotations

from datetime import date

from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence
from store.records import Annotation
from store.serialise import analysis_from_dict, annotation_from_doc, annotation_to_doc, meta_from_doc


def test_analysis_round_trip() -> None:
    sentence = Sentence(0, 40)
    when = DateMention(30, 39, "mid-2020", "DATE", "2020", mod="MID", anchored=True)
    analysis = Analysis(
        published=date(2021, 1, 5),
        sentences=(sentence, Sentence(41, 60)),
        entities=(Entity(0, 4, "Iraq", "GPE", "Iraq"),),
        figures=(Figure(10, 15, "2,500", 2500.0, "cardinal", unit="troops", qualifier="about"),),
        dates=(when,),
        facts=(Fact("2020", "2020-01-01", "2020-12-31", sentence, "Iraq ...", when, ("Iraq",), ("2,500",)),),
    )
    assert analysis_from_dict(analysis.to_dict()) == analysis
    undated = Analysis(published=None)
    assert analysis_from_dict(undated.to_dict()) == undated


def test_analysis_from_dict_ignores_unknown_keys() -> None:
    data = Analysis(published=None, sentences=(Sentence(0, 3),)).to_dict()
    data["sentences"][0]["extra"] = 1
    data["new_section"] = []
    assert analysis_from_dict(data).sentences == (Sentence(0, 3),)


def test_annotation_round_trip() -> None:
    note = Annotation(
        "ab12", "ab34", "correction", 3, 8, "Alpha", "T\n\n", " said", correction={"type": "NONE"}
    )
    assert annotation_from_doc(annotation_to_doc(note)) == note


def test_meta_from_doc_prefers_user_tags() -> None:
    doc = {"id": "a1", "title": "T", "published": "2021-01-05", "tags": ["x"], "path": "/p.md", "body": "k"}
    assert meta_from_doc(doc, None).tags == ("x",)
    meta = meta_from_doc(doc, {"id": "a1", "tags": ["y", "z"], "starred": True})
    assert meta.tags == ("y", "z") and meta.starred and not meta.read
    assert meta.published == date(2021, 1, 5) and meta.path == "/p.md"
    assert meta_from_doc({"id": "b", "body": "k"}, None).title == "(untitled)"
