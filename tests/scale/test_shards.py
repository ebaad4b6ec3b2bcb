"""Sharded analysis: stable shards, results independent of shard width, resume without parsing twice."""

import duckdb
import pytest

from parallax.extract.stage import ANALYSIS_VERSION
from parallax.pipeline import run
from parallax.scale import shards
from parallax.scale.local import local_results
from parallax.store import Store
from tests.corpus import write_articles


def _results(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT r.doc, r.actors, r.mentions, r.events, r.quotes, r.claims, md5(r.parse), "
                           "d.analysis_version FROM doc_results r JOIN documents d ON d.id = r.doc "
                           "ORDER BY r.doc").fetchall()
    finally:
        con.close()


def test_shards_are_fixed_windows_so_a_resumed_run_cuts_the_same_ones(tmp_path):
    write_articles(tmp_path / "in", 10)
    db = tmp_path / "s.duckdb"
    run([str(tmp_path / "in")], db=str(db), analyse=False)
    with Store(db) as store:
        first = shards.plan(store, ANALYSIS_VERSION, shard_docs=4)
        assert [r.docs for r in first] == [4, 4, 2]
        assert len({r.id for r in first}) == 3
        # The middle shard finished (as if by another worker); the others must keep their identity.
        store.con.execute("UPDATE documents SET analysis_version = ? WHERE seq BETWEEN ? AND ?",
                          [ANALYSIS_VERSION, first[1].first_seq, first[1].last_seq])
        again = shards.plan(store, ANALYSIS_VERSION, shard_docs=4)
        assert again == [first[0], first[2]]
        # A new extractor version means new work: every shard gets a new id.
        assert {r.id for r in shards.plan(store, ANALYSIS_VERSION + 1, shard_docs=4)}.isdisjoint({r.id for r in first})


def test_results_do_not_depend_on_shard_width(tmp_path):
    write_articles(tmp_path / "in", 7)
    narrow, wide = tmp_path / "narrow.duckdb", tmp_path / "wide.duckdb"
    a = run([str(tmp_path / "in")], db=str(narrow), shard_docs=3)
    b = run([str(tmp_path / "in")], db=str(wide), shard_docs=100)
    assert a.analysed == b.analysed == 7
    assert _results(narrow) == _results(wide)
    assert (a.events, a.quotes, a.claims, a.actors) == (b.events, b.quotes, b.claims, b.actors)
    assert not shards.shards_dir(str(narrow)).exists(), "a finished run leaves no shard files behind"


def test_a_shard_written_before_a_kill_is_merged_not_parsed_again(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 9)
    db = tmp_path / "s.duckdb"
    run([str(tmp_path / "in")], db=str(db), analyse=False)
    with Store(db) as store:  # the killed run: its first shard reached Parquet, the store never saw it
        refs = shards.plan(store, ANALYSIS_VERSION, shard_docs=4)
        ref, rows = next(local_results(store, refs[:1], ANALYSIS_VERSION))
        files = shards.ShardFiles(shards.shards_dir(str(db)))
        files.write(ref, rows)
        assert store.count("doc_results") == 0

    import parallax.scale.local as local_module

    parsed: list[str] = []
    real_batch = local_module.analyse_batch

    def counting_batch(docs):
        parsed.extend(d.id for d in docs)
        return real_batch(docs)

    monkeypatch.setattr(local_module, "analyse_batch", counting_batch)
    summary = run([str(tmp_path / "in")], db=str(db), shard_docs=4)
    assert summary.analysed == 9
    assert len(parsed) == 9 - ref.docs
    with Store(db) as store:
        assert store.count("doc_results") == 9
        assert store.count("documents", "analysis_version IS NULL") == 0
    states = [(e["shard"], e["state"]) for e in files.manifest()] if files.root.exists() else []
    assert states == [], "merged shards are cleaned up with their manifest"


def test_a_damaged_shard_file_is_recomputed(tmp_path):
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "s.duckdb"
    run([str(tmp_path / "in")], db=str(db), analyse=False)
    with Store(db) as store:
        (ref,) = shards.plan(store, ANALYSIS_VERSION)
    root = shards.shards_dir(str(db))
    root.mkdir()
    (root / f"{ref.id}.parquet").write_bytes(b"PAR1 not really parquet")
    summary = run([str(tmp_path / "in")], db=str(db))
    assert summary.analysed == 3 and summary.analysis_errors == 0
    assert not root.exists()


def test_kept_shards_hold_the_same_rows_as_the_store(tmp_path):
    write_articles(tmp_path / "in", 5)
    db = tmp_path / "s.duckdb"
    run([str(tmp_path / "in")], db=str(db), shard_docs=2, keep_shards=True)
    files = shards.ShardFiles(shards.shards_dir(str(db)))
    written = [e for e in files.manifest() if e["state"] == "written"]
    assert [e["docs"] for e in written] == [2, 2, 1]
    docs = sorted(d for e in written for d in files.read(e["shard"]).column("doc").to_pylist())
    assert docs == sorted(r[0] for r in _results(db))


@pytest.mark.parametrize("engine", ["nope"])
def test_unknown_engine_is_refused(tmp_path, engine):
    write_articles(tmp_path / "in", 1)
    with pytest.raises(ValueError, match="unknown engine"):
        run([str(tmp_path / "in")], db=str(tmp_path / "s.duckdb"), engine=engine)


@pytest.mark.slow
def test_kill_9_mid_analysis_resumes_at_the_first_unmerged_shard(tmp_path, monkeypatch):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    write_articles(tmp_path / "in", 40)
    db = tmp_path / "s.duckdb"
    manifest = shards.shards_dir(str(db)) / "manifest.jsonl"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "parallax.views.cli", "analyze", str(tmp_path / "in"), "--db",
                             str(db), "-q", "--shard-docs", "4"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if manifest.exists() and '"merged"' in manifest.read_text():
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        done = store.count("documents", "analysis_version IS NOT NULL")
    assert 0 < done < 40

    import parallax.scale.local as local_module

    parsed: list[str] = []
    real_batch = local_module.analyse_batch
    monkeypatch.setattr(local_module, "analyse_batch", lambda docs: parsed.extend(d.id for d in docs) or real_batch(docs))
    summary = run([str(tmp_path / "in")], db=str(db), shard_docs=4)
    written_not_merged = summary.analysed - len(parsed)
    assert len(parsed) <= 40 - done and 0 <= written_not_merged <= 8
    with Store(db) as store:
        assert store.count("doc_results") == 40 == store.count("documents", "analysis_version IS NOT NULL")
