"""A document too long for spaCy, or one whose parse breaks, costs only itself: the run and later runs go on."""

from __future__ import annotations

import json
from pathlib import Path

from parallax.extract.stage import ANALYSIS_VERSION as ANALYSED
from parallax.model import Document
from parallax.pipeline import run
from parallax.store import Store

LINE = "Chile met Peru over item {} on Monday, officials said.\n"
ARTICLE = ("Norway and Kenya signed a fisheries agreement in Nairobi on Tuesday, officials said. "
           "The Kenyan foreign minister welcomed the deal.")
OTHERS = ("Brazil accused Argentina of closing the border crossing at Foz do Iguacu without notice on Friday.",
          "Japan will send two patrol vessels to the Philippines next year, the defence ministry said.",
          "The foreign ministers of Chile and Bolivia held talks in La Paz about access to the sea on Monday.")


def _analysed(db: Path) -> dict[str, int | None]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT path, analysis_version FROM documents")
    return {Path(r["path"]).name: r["analysis_version"] for r in rows}


def test_a_text_over_spacys_limit_is_analysed_in_pieces_and_later_runs_go_on(tmp_path, nlp, monkeypatch):
    from parallax.language import nlp as nlp_mod

    monkeypatch.setattr(nlp, "max_length", 6000)  # stands in for spaCy's 1,000,000 characters
    monkeypatch.setattr(nlp_mod, "PIECE_CHARS", 2500)
    long_dir, more = tmp_path / "long", tmp_path / "more"
    long_dir.mkdir(), more.mkdir()
    text = "".join(LINE.format(i) for i in range(200))
    (long_dir / "long.txt").write_text(text, encoding="utf-8")
    for i, body in enumerate(OTHERS):
        (more / f"a{i}.txt").write_text(body, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    first = run([str(long_dir)], str(db))
    second = run([str(more)], str(db))
    assert first.analysis_errors == 0 and second.analysis_errors == 0
    assert _analysed(db) == {"long.txt": ANALYSED, "a0.txt": ANALYSED, "a1.txt": ANALYSED, "a2.txt": ANALYSED}
    with Store(db, read_only=True) as store:
        story = store.load_story()
    long_doc = next(d for d in story.documents if d.path.endswith("long.txt"))
    events = [e for e in story.events if e.doc == long_doc.id]
    assert len(events) > 150  # met: one per line, from every piece
    late = max(events, key=lambda e: e.start)
    assert late.start > 5000 and long_doc.text[late.start:late.end] == late.text


class _Fragile:
    """The real pipeline, except that it fails on any text that mentions poison (as a parser running out of
    memory on one document would), whether given the text alone or in a batch."""

    def __init__(self, real):
        self.real = real

    def __call__(self, text):
        if "poison" in text:
            raise MemoryError("parser ran out of memory")
        return self.real(text)

    def pipe(self, texts, **kw):
        texts = list(texts)
        if any("poison" in t for t in texts):
            raise MemoryError("parser ran out of memory")
        return self.real.pipe(texts, **kw)


def test_a_document_whose_parse_fails_becomes_an_error_row(nlp, monkeypatch):
    from parallax.language import nlp as nlp_mod
    from parallax.scale import local

    monkeypatch.setattr(nlp_mod, "load_nlp", lambda: _Fragile(nlp))
    docs = [Document(id=f"d{i}", key=f"k{i}", text=t) for i, t in enumerate([ARTICLE, "A poison pill.", ARTICLE])]
    rows = local.analyse_batch(docs)
    assert [r["doc"] for r in rows] == ["d0", "d1", "d2"]
    assert rows[0]["error"] is None and rows[2]["error"] is None and json.loads(rows[0]["events"])
    assert "could not be parsed" in rows[1]["error"] and "MemoryError" in rows[1]["error"]
    assert rows[1]["parse"] is None and json.loads(rows[1]["events"]) == []
