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
