"""Metadata is never a claim, and no date carries a year its document does not give.

Two levels: texts that still hold metadata lines (stored by older cleaning rules, or lines cleaning keeps) go
straight to analysis and linking; and a folder of plain-text articles without publication metadata (some with
date lines in various real-world shapes, some with only "on April 7" or "on Monday") goes through the whole
pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parallax.extract.stage import analyse_document
from parallax.ingest.metalines import in_metadata, metadata_spans
from parallax.link.facts import fact_conflicts
from parallax.model import Document

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "plain_dates"

UNCLEANED = {  # first lines as a plain-text export prints them, never cleaned
    "a": "date 2018-04-08 Chile accuses Bolivia of diverting border river\n\n"
         "Chile accused Bolivia of diverting the waters of a border river, the foreign ministry said.",
    "b": "date 2018-04-09 Bolivia rejects Chilean accusations\n\n"
         "Bolivia rejected Chilean accusations that it had diverted a shared river, the foreign minister said.",
    "c": "date 2018-04-11 Peru offers to mediate in river dispute\n\n"
         "Peru offered to mediate between Chile and Bolivia in their dispute over a border river.",
}


def test_date_stamps_left_in_texts_make_no_date_contradiction(nlp):
    docs, facts = {}, []
    for name, text in UNCLEANED.items():
        doc = Document(id=name, key=name, text=text, outlet=f"Outlet {name}")
        docs[name] = doc
        found = analyse_document(nlp(text), doc)
        assert all(e.date is None for e in found["events"]), [e.text for e in found["events"] if e.date]
        facts += found["facts"]
    assert fact_conflicts(facts, docs, {}) == []


def test_captions_bylines_and_date_lines_left_in_a_text_yield_nothing(nlp):
    text = ("Chile and Bolivia trade accusations over border river\n\n"
            "Photo: Bolivian soldiers attack Chilean farmers near the border\n\n"
            "By Maria Quispe | April 9, 2021\n\n"
            "Updated: April 10, 2021 10:42 GMT\n\n"
            "Chile accused Bolivia of diverting the waters of a border river, the foreign ministry said.")
    doc = Document(id="d", key="d", text=text, published="2021-04-10")
    found = analyse_document(nlp(text), doc)
    spans = metadata_spans(text)
    assert len([s for s in spans if s.whole]) == 3
    items = found["events"] + found["quotes"] + found["facts"] + [m for c in found["claims"] for m in c.mentions]
    assert found["events"] and not [text[x.start:x.end] for x in items if in_metadata(x.start, x.end, spans)]


@pytest.fixture(scope="module")
def plain_story(tmp_path_factory):
    from parallax.pipeline import run
    from parallax.store import Store

    db = str(tmp_path_factory.mktemp("plain_dates") / "story.duckdb")
    run([str(FOLDER)], db=db)
    with Store(db, read_only=True) as store:
        return store.load_story()


def _by_file(story):
    return {Path(d.path).name: d for d in story.documents}


def test_date_lines_of_plain_text_become_the_published_date(plain_story):
    docs = _by_file(plain_story)
    assert {name: d.published for name, d in docs.items()} == {
        "01_dated_headline.txt": "2021-04-09", "02_published_line.txt": "2021-04-10",
        "03_no_date.txt": None, "04_year_in_text.txt": None, "05_updated_line.txt": "2021-04-11",
        "06_posted_by.txt": "2021-04-12", "07_headline_suffix.txt": "2021-04-13"}
    for d in plain_story.documents:
        first = (FOLDER / Path(d.path).name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert not re.search(r"\b(?:date|Published|Updated|Posted)\b.*\d{4}|\| April", d.text), d.path
        assert d.title and d.title in d.text and not re.search(r"\d{4}", d.title), (first, d.title)


def test_no_event_date_has_a_year_its_document_does_not_give(plain_story):
    docs = {d.id: d for d in plain_story.documents}
    dated = [e for e in plain_story.events if e.date]
    assert dated
    for e in dated:
        d = docs[e.doc]
        year = e.date[:4]
        assert (d.published or "").startswith(year) or re.search(rf"\b{year}\b", d.text), (d.path, e.date, e.text)
    undated = _by_file(plain_story)["03_no_date.txt"]
    assert not [e.date for e in plain_story.events if e.doc == undated.id and e.date]


def test_no_contradiction_comes_from_metadata_or_from_an_invented_year(plain_story):
    docs = {d.id: d for d in plain_story.documents}
    for c in plain_story.contradictions:
        for side in c.sides:
            for ev in side.evidence:
                assert not in_metadata(ev.start, ev.end, metadata_spans(docs[ev.doc].text)), c.about
        if c.kind == "date":  # the same written date, read with two different invented years
            assert len({s.value for s in c.sides}) == len(c.sides), c.about
        assert "date of the date" not in c.about


def test_overview_covers_every_dated_document(plain_story):
    from parallax.views.web.queries import StoryIndex, overview

    ov = overview(StoryIndex.build(plain_story))
    assert ov["published"] == ("2021-04-09", "2021-04-13")
    assert ov["dated_documents"] == 5 and ov["documents"] == 7
