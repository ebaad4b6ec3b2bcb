"""What a run changed: documents added or updated, new claims, contradictions, clusters (with the documents
that brought them) and moved stances, and `parallax changes`."""

import json
from datetime import datetime, timedelta

from rich.console import Console
from typer.testing import CliRunner

from parallax.pipeline import run
from parallax.scale.changes import changes_since, parse_since, record_changes, snapshot
from parallax.store import Store
from parallax.views.cli import app
from tests.corpus import write_articles

DOCUMENT_KINDS = ("new_document", "updated_document")

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
        assert changes[0]["detail"] == {"text": "talks resume", "docs": []}  # no document came in: none brought it
        assert changes[1]["detail"] == {"kind": "claim", "about": "the dam", "docs": []}
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
        assert kinds.count("new_document") == day1.added == 3
        assert len(rows) - 3 == day1.changes
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
        assert (row["run"], row["kind"], row["id"], row["detail"]) == ("run1", "new_claim", "c9", {"text": "a claim", "docs": []})
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


UPDATED = ("Ministers meet over river water\n\n"
           "Kenya's water minister Grace Wanjiru said on Monday that \"the dam will not be built this year\". "
           "Ethiopia accused Kenya of delaying the talks, foreign minister Jonas Berg said. "
           "Norway offered aid to Kenya over river water on Friday.\n")
FERRY = ("Ferry link between Chile and Peru suspended\n\n"
         "Chile accused Peru of blocking the ferry link on Tuesday. Peru rejected the accusation, "
         "trade minister Sofia Ramos said. \"The ferries will sail again next month,\" Ramos said.\n")


def _two_days(tmp_path):
    """Day one: three generated articles and the quoted one; day two: the quoted one edited and a new one."""
    first, later = tmp_path / "day1", tmp_path / "day2"
    write_articles(first, 3)
    (first / "quoted.txt").write_text(QUOTED, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run([str(first)], db=str(db))
    later.mkdir()
    (first / "quoted.txt").write_text(UPDATED, encoding="utf-8")
    (later / "ferry.txt").write_text(FERRY, encoding="utf-8")
    run([str(first), str(later)], db=str(db))
    return db, first, later


def test_each_run_records_the_documents_it_added_and_updated_and_what_they_brought(tmp_path):
    db, first, later = _two_days(tmp_path)
    with Store(db) as store:
        rows = changes_since(store)
        ids = {r[0]: r[1] for r in store.con.execute("SELECT path, id FROM documents").fetchall()}
        claim_docs = {c: set() for (c,) in store.con.execute("SELECT id FROM claims").fetchall()}
        for c, d in store.con.execute("SELECT claim, doc FROM claim_mentions").fetchall():
            claim_docs[c].add(d)
    day1, day2 = rows[0]["run"], rows[-1]["run"]
    docs = {(r["run"], r["kind"], r["detail"]["path"]): r for r in rows if r["kind"] in DOCUMENT_KINDS}
    quoted, ferry = str(first / "quoted.txt"), str(later / "ferry.txt")
    assert {(run_, kind) for run_, kind, _ in docs} == {(day1, "new_document"), (day2, "new_document"),
                                                        (day2, "updated_document")}
    assert sum(1 for run_, _, _ in docs if run_ == day1) == 4, "day one added its four articles"
    assert {p for run_, _, p in docs if run_ == day2} == {quoted, ferry}, "unchanged articles are not listed"
    added = docs[(day2, "new_document", ferry)]
    assert added["id"] == ids[ferry] and added["detail"]["title"] == "Ferry link between Chile and Peru suspended"
    assert docs[(day2, "updated_document", quoted)]["detail"]["title"] == "Ministers meet over river water"
    fresh = {ids[ferry], ids[quoted]}
    new2 = [r for r in rows if r["run"] == day2 and r["kind"] in ("new_claim", "new_event_cluster",
                                                                  "new_contradiction")]
    assert new2 and all(set(r["detail"]["docs"]) <= fresh and r["detail"]["docs"] for r in new2)
    for r in new2:
        if r["kind"] == "new_claim":
            assert set(r["detail"]["docs"]) == claim_docs[r["id"]] & fresh
        assert [d["id"] for d in r["detail"]["documents"]] == r["detail"]["docs"]
        assert all(d["title"] and d["path"] for d in r["detail"]["documents"])
    day1_claims = [r for r in rows if r["run"] == day1 and r["kind"] == "new_claim"]
    assert all(r["detail"]["docs"] for r in day1_claims), "on the first run every document is new"


def test_changes_command_lists_the_new_documents_and_what_each_brought(tmp_path, monkeypatch):
    db, first, later = _two_days(tmp_path)
    monkeypatch.setattr("parallax.views.cli_scale.out", Console(width=400))  # no cell wrapped
    runner = CliRunner()
    res = runner.invoke(app, ["changes", "--since", "2000-01-01", "--db", str(db)])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "Documents added or updated" in out
    assert "Ferry link between Chile and Peru suspended" in out and "ferry.txt" in out
    assert "updated" in out and "Ministers meet over river water" in out
    assert "brought by" in out
    res = runner.invoke(app, ["changes", "--since", "2000-01-01", "--db", str(db), "--json"])
    payload = json.loads(res.stdout)
    docs = [c for c in payload["changes"] if c["kind"] in DOCUMENT_KINDS]
    assert {c["detail"]["path"] for c in docs} >= {str(first / "quoted.txt"), str(later / "ferry.txt")}
    assert all({"title", "outlet", "path"} <= set(c["detail"]) for c in docs)
    claims = [c for c in payload["changes"] if c["kind"] == "new_claim"]
    assert claims and all("docs" in c["detail"] and "documents" in c["detail"] for c in claims)
