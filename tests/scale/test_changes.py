"""What a run changed: new claims, contradictions, clusters and moved stances, and `parallax changes`."""

import json
from datetime import datetime, timedelta

from typer.testing import CliRunner

from parallax.pipeline import run
from parallax.scale.changes import changes_since, diff, parse_since, record_changes, snapshot
from parallax.store import Store
from parallax.views.cli import app
from tests.corpus import write_articles

QUOTED = ("Ministers meet over river water\n\n"
          "Kenya's water minister Grace Wanjiru said on Monday that \"the dam will not be built this year\". "
          "Ethiopia accused Kenya of delaying the talks, foreign minister Jonas Berg said.\n")


def test_diff_reports_only_what_is_new_or_moved():
    before = {"claims": {"c1": "the dam will be built"}, "stances": {"c1@d1": "supports", "c1@d2": "discusses"},
              "contradictions": {}, "clusters": {"k1": '{"type": "CONSULT", "source": "a", "target": "b"}'}}
    after = {"claims": {"c1": "the dam will be built", "c2": "talks resume"},
             "stances": {"c1@d1": "refutes", "c1@d2": "discusses", "c2@d3": "supports"},
             "contradictions": {"x1": '{"kind": "claim", "about": "the dam"}'},
             "clusters": {"k1": '{"type": "CONSULT", "source": "a", "target": "b"}'}}
    changes = diff(before, after)
    assert [(c["kind"], c["id"]) for c in changes] == [
        ("new_claim", "c2"), ("new_contradiction", "x1"), ("stance_moved", "c1@d1")]
    moved = changes[-1]["detail"]
    assert moved == {"claim": "c1", "doc": "d1", "from": "supports", "to": "refutes"}
    assert changes[1]["detail"] == {"kind": "claim", "about": "the dam"}
    assert diff(after, after) == []


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
        empty = snapshot(store)
        assert empty["claims"] == {} and empty["stances"] == {}
        after = {**empty, "claims": {"c9": "a claim"}}
        assert record_changes(store, empty, after, "run1") == 1
        (row,) = changes_since(store, datetime.now() - timedelta(days=1))
        assert (row["run"], row["kind"], row["id"], row["detail"]) == ("run1", "new_claim", "c9", {"text": "a claim"})
        assert changes_since(store, datetime.now() + timedelta(days=1)) == []


def test_changes_command_lists_as_table_and_json(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        record_changes(store, {}, {"claims": {"c1": "exports will double"}}, "r1")
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


def test_snapshot_takes_each_documents_most_frequent_stance_ties_alphabetical(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.insert("claim_mentions", [
            {"claim": "c1", "doc": "d1", "stance": s, "start": i, "end": i + 5}
            for i, s in enumerate(["refutes", "supports", "supports"])
        ] + [{"claim": "c1", "doc": "d2", "stance": s, "start": i, "end": i + 5}
             for i, s in enumerate(["supports", "refutes"])])
        assert snapshot(store)["stances"] == {"c1@d1": "supports", "c1@d2": "refutes"}
