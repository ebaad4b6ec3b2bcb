"""The benchmark corpus builder writes the same N distinct documents in all three forms."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench_modules():
    sys.path.insert(0, str(BENCH))
    try:
        import _common
        import build_corpus

        yield build_corpus, _common
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture()
def voa(tmp_path: Path) -> Path:
    """A small invented stand-in for the VOA file, so the test needs nothing outside the checkout."""
    path = tmp_path / "stories.jsonl"
    rows = [{"id": str(i), "url": f"https://news.example/{i}", "title": f"Story {i}",
             "published": f"2025-01-0{i + 1}", "text": f"Officials in country {i} met on Monday. They agreed to talk again. "
             "\"We will return,\" one minister said."} for i in range(7)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_builder_writes_n_distinct_documents_in_three_forms(bench_modules, voa, tmp_path):
    build_corpus, _ = bench_modules
    manifest = build_corpus.build(20, tmp_path / "out", source=voa)

    texts = sorted((tmp_path / "out" / "text").glob("*.txt"))
    assert len(texts) == 20
    bodies = [p.read_text(encoding="utf-8") for p in texts]
    assert len(set(bodies)) == 20  # repeated stories are made distinct

    lines = (tmp_path / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 20 and len({r["text"] for r in records}) == 20
    assert records[7]["text"].startswith(records[0]["text"]) and records[7]["text"] != records[0]["text"]

    with open(manifest["warc"]["path"], "rb") as handle:
        pages = [r.content_stream().read() for r in ArchiveIterator(handle) if r.rec_type == "response"]
    assert len(pages) == 20 and len(set(pages)) == 20
    assert b"<article>" in pages[0] and b"og:site_name" in pages[0]
    assert manifest["docs"] == 20 and all(manifest[f]["bytes"] > 0 for f in ("text", "jsonl", "warc"))


def test_ensure_reuses_a_built_corpus(bench_modules, voa, tmp_path, monkeypatch):
    build_corpus, _ = bench_modules
    monkeypatch.setattr(build_corpus, "VOA", voa)
    first = build_corpus.build(5, tmp_path / "c", source=voa)
    stamp = (tmp_path / "c" / "corpus.jsonl").stat().st_mtime_ns
    again = build_corpus.ensure(5, tmp_path / "c")
    assert again == first and (tmp_path / "c" / "corpus.jsonl").stat().st_mtime_ns == stamp


def test_run_step_isolates_peak_memory(bench_modules):
    _, common = bench_modules
    small = common.run_step("_common:machine")
    assert small["cpus"] and 1 < small["peak_rss_mb"] < 200
    table = common.table([small], [("cpus", "cpus", "d"), ("peak_rss_mb", "RSS", ".0f")])
    assert table.splitlines()[0].startswith("| cpus") and len(table.splitlines()) == 3


def test_long_run_logs_every_attempt_and_reports_memory_by_progress(bench_modules, tmp_path, monkeypatch):
    from parallax.pipeline import run
    from tests.corpus import write_articles

    import long_run

    write_articles(tmp_path / "in", 5, seed=2)
    db = str(tmp_path / "s.duckdb")
    run([str(tmp_path / "in")], db=db, analyse=False)
    monkeypatch.setattr(long_run, "EVERY", 0.05)
    long_run.analyse(db, processes=1)
    long_run.analyse(db, processes=1)  # a restart finds nothing pending
    long_run.link(db)
    text = long_run.report(db)
    attempts = [line for line in text.splitlines() if line.startswith("| analyse |") or line.startswith("| link |")]
    assert len(attempts) == 3
    assert "| 5 | 5 |" in attempts[0] and "| 0 | 0 |" in attempts[1]
    assert all("finished" in line for line in attempts)
    assert "## Memory by progress" in text


def test_the_hostile_pile_is_survived_file_by_file(tmp_path, monkeypatch):
    """The bad-input benchmark's pile, with a short 'long' text: every file is refused with a reason or stored,
    the run finishes, and a second run changes nothing."""
    sys.path.insert(0, str(BENCH))
    try:
        import bench_bad_input as bb
    finally:
        sys.path.remove(str(BENCH))
    countries = [("Chile", "Bolivia"), ("Kenya", "Uganda"), ("Norway", "Sweden"), ("Peru", "Ecuador"),
                 ("Ghana", "Togo"), ("Laos", "Vietnam")]
    spares = [{"title": f"{a} and {b} meet on border trade", "text": "\n\n".join(
        f"The foreign ministers of {a} and {b} met on day {i} of the talks to discuss border trade and the {i} "
        f"crossings that closed last year. {a} said it would reopen crossing {i} within weeks, and {b} welcomed "
        "the offer, officials said." for i in range(12))} for a, b in countries]
    kinds = bb.build_hostile(tmp_path / "pile", 3000, spares)
    db = str(tmp_path / "s.duckdb")
    first = bb.analyse_step([str(tmp_path / "pile")], db)
    outcomes = bb.outcome_step(db, str(tmp_path / "pile"))["outcomes"]
    reached = {name for name in kinds if name in outcomes}
    assert reached >= set(kinds) - {"loop/self"}, set(kinds) - reached
    for name in ("empty.txt", "photo.html", "noise.txt", "scan.txt", "archive.txt", bb.ESCAPED_NAME):
        assert all(o.startswith("refused: ") for o in outcomes[name]), (name, outcomes[name])
    for name in ("nested300.html", "nested5000.html", "latin1.txt", "utf16.txt", "long.txt", "broken.html"):
        assert outcomes[name][0].startswith("analysed"), (name, outcomes[name])
    assert outcomes["long.txt"][0].startswith("analysed") and outcomes["french.txt"][0].startswith("stored")
    assert outcomes["copy_b.txt"] == ["near duplicate of copy_a.txt"]
    assert outcomes["copy_c.txt"] == ["exact duplicate of copy_b.txt"]
    assert first["analysis_errors"] == 0 and first["exact_duplicates"] >= 1
    again = bb.analyse_step([str(tmp_path / "pile")], db)
    assert again["documents"] == first["documents"] and again["changes"] == 0
