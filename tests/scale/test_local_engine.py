"""The local engine on a process pool gives the same store as one process, and workers do the extraction."""

from parallax.pipeline import run
from parallax.scale import local
from tests.corpus import db_rows, write_articles


def test_two_processes_give_the_one_process_store(tmp_path):
    write_articles(tmp_path / "in", 10, seed=5)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    a = run([str(tmp_path / "in")], db=str(one), shard_docs=4)
    b = run([str(tmp_path / "in")], db=str(two), shard_docs=4, n_process=2)
    assert a.analysed == b.analysed == 10 and b.analysis_errors == 0
    results = "SELECT doc, md5(parse), actors, mentions, events, quotes, claims, facts FROM doc_results ORDER BY doc"
    assert db_rows(one, results) == db_rows(two, results)
    assert db_rows(one, "SELECT count(*) FROM events")[0][0] > 0, "the comparison must cover real facts"
    assert db_rows(one, "SELECT * FROM events ORDER BY id") == db_rows(two, "SELECT * FROM events ORDER BY id")


def test_batches_keep_shard_order_and_report_every_document(tmp_path, monkeypatch):
    """Shards come back whole and in input order even when batches finish out of order (in-process check)."""
    write_articles(tmp_path / "in", 9, seed=8)
    db = tmp_path / "s.duckdb"
    run([str(tmp_path / "in")], db=str(db), analyse=False)
    from parallax.extract.stage import ANALYSIS_VERSION
    from parallax.scale.shards import plan
    from parallax.store import Store

    monkeypatch.setattr(local, "BATCH", 2)
    seen = []
    with Store(db) as store:
        refs = plan(store, ANALYSIS_VERSION, 4)
        out = list(local.local_results(store, refs, ANALYSIS_VERSION, on_doc=lambda: seen.append(1)))
    assert [r.id for r, _ in out] == [r.id for r in refs]
    assert [t.num_rows for _, t in out] == [r.docs for r in refs]
    assert len(seen) == sum(r.docs for r in refs) == 9
