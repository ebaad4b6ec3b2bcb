"""What a run changed: new claims, contradictions, clusters and moved stances, and `parallax changes`."""

import json
from datetime import datetime, timedelta

from typer.testing import CliRunner

from parallax.pipeline import run
from parallax.scale.changes import changes_since, parse_since, record_changes, snapshot
from parallax.store import Store
from parallax.views.cli import app
from tests.corpus import write_articles

QUOTED = ("Ministers meet over river water\n\n"
          "Kenya's water minister Grace Wanjiru said on Monday that \"the dam will not be built this year\". "
          "Ethiopia accused Kenya of delaying the talks, foreign minister Jonas Berg said.\n")


def _fill(store, claims, stances, contradictions, clusters):
    """Cross-source tables as a link run would leave them (only the columns changes read)."""
    for table in ("claims", "claim_mentions", "contradictions", "event_clusters"):
        store.con.execute(f"DELETE FROM {table}")
    store.insert("claims", [{"id": k, "text": v} for k, v in claims.items()])
    store.insert("claim_mentions", [{"claim": c, "doc": d, "stance": v, "start": 0, "end": 5}
                                    for (c, d), v in stances.items()])
    store.insert("contradictions", [{"id": k, "kind": "claim", "about": v} for k, v in contradictions.items()])
    store.insert("event_clusters", [{"id": k, "type": "CONSULT", "source": "a", "target": "b"} for k in clusters])


def test_changes_report_only_what_is_new_or_moved(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        _fill(store, {"c1": "the dam will be built"}, {("c1", "d1"): "supports", ("c1", "d2"): "discusses"}, {},
              ["k1"])
        snapshot(store)
        _fill(store, {"c1": "the dam will be built", "c2": "talks resume"},
              {("c1", "d1"): "refutes", ("c1", "d2"): "discusses", ("c2", "d3"): "supports"},
              {"x1": "the dam"}, ["k1"])
        assert record_changes(store, "run1") == 3
        changes = changes_since(store)
        assert [(c["kind"], c["id"]) for c in changes] == [
            ("new_claim", "c2"), ("new_contradiction", "x1"), ("stance_moved", "c1@d1")]
        assert changes[-1]["detail"] == {"claim": "c1", "doc": "d1", "from": "supports", "to": "refutes"}
        assert changes[0]["detail"] == {"text": "talks resume"}
        assert changes[1]["detail"] == {"kind": "claim", "about": "the dam"}
        snapshot(store)
        assert record_changes(store, "run2") == 0, "nothing changed since the second snapshot"


def test_a_daily_run_reports_only_its_own_new_claims(tmp_path):
    first, later = tmp_path / "day1", tmp_path / "day2"
    write_articles(first, 3)
    db = tmp_path / "s.duckdb"
    day1 = run([str(first)], db=str(db))
    with Store(db) as store:
        rows = changes_since(store)
        kinds = [r["kind"] for r in rows]
        assert len(rows) == day1.changes
        assert kinds.count("new_claim") == day1.claims == store.count("claims")
        assert kinds.count("new_contradiction") == day1.contradictions
        assert kinds.count("new_event_cluster") == store.count("event_clusters")
        old_claims = {r["id"] for r in rows if r["kind"] == "new_claim"}
    later.mkdir()
    (later / "quoted.txt").write_text(QUOTED, encoding="utf-8")
    rerun = run([str(first)], db=str(db))
    assert rerun.changes == 0, "a re-run over the same input changes nothing"
    day2 = run([str(first), str(later)], db=str(db))
    with Store(db) as store:
        rows = changes_since(store)
        new = {r["id"] for r in rows if r["kind"] == "new_claim" and r["run"] != rows[0]["run"]}
        current = {r[0] for r in store.con.execute("SELECT id FROM claims").fetchall()}
    assert day2.changes >= len(new) > 0, "the quoted article brings claims of its own"
    assert new.isdisjoint(old_claims) and new | old_claims == current


def test_snapshot_and_record_round_trip(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        snapshot(store)  # an empty store
        store.insert("claims", [{"id": "c9", "text": "a claim"}])
        assert record_changes(store, "run1") == 1
        (row,) = changes_since(store, datetime.now() - timedelta(days=1))
        assert (row["run"], row["kind"], row["id"], row["detail"]) == ("run1", "new_claim", "c9", {"text": "a claim"})
        assert changes_since(store, datetime.now() + timedelta(days=1)) == []


def test_changes_command_lists_as_table_and_json(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        snapshot(store)
        store.insert("claims", [{"id": "c1", "text": "exports will double"}])
        record_changes(store, "r1")
    runner = CliRunner()
    res = runner.invoke(app, ["changes", "--since", "2 days ago", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout)
    assert [c["id"] for c in payload["changes"]] == ["c1"] and payload["since"]
    res = runner.invoke(app, ["changes", "--since", "2000-01-01", "--db", str(db)])
    assert res.exit_code == 0 and "exports will double" in res.stdout
    res = runner.invoke(app, ["changes", "--since", "not a date at all", "--db", str(db)])
    assert res.exit_code != 0


def test_parse_since_accepts_dates_and_phrases():
    assert parse_since("2024-05-01") == datetime(2024, 5, 1)
    assert parse_since("2024-05-01T08:30+02:00") == datetime(2024, 5, 1, 6, 30)
    assert parse_since("3 days ago") < datetime.utcnow() - timedelta(days=2)


def test_a_moved_stance_is_each_documents_most_frequent_stance_ties_alphabetical(tmp_path):
    mentions = [("d1", "refutes"), ("d1", "supports"), ("d1", "supports"), ("d2", "supports"), ("d2", "refutes")]
    with Store(tmp_path / "s.duckdb") as store:
        store.insert("claim_mentions", [{"claim": "c1", "doc": d, "stance": "discusses", "start": i, "end": i + 5}
                                        for i, (d, _) in enumerate(mentions)])
        snapshot(store)
        store.con.execute("DELETE FROM claim_mentions")
        store.insert("claim_mentions", [{"claim": "c1", "doc": d, "stance": s, "start": i, "end": i + 5}
                                        for i, (d, s) in enumerate(mentions)])
        record_changes(store, "r1")
        moved = {c["id"]: c["detail"]["to"] for c in changes_since(store) if c["kind"] == "stance_moved"}
    assert moved == {"c1@d1": "supports", "c1@d2": "refutes"}
