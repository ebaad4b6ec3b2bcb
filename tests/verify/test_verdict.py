from pathlib import Path

from parallax.store import Store
from parallax.verify import Verifier, verdict_json, verdict_rule, verify


def _by_file(store, verdict):
    names = {d: Path(p).name for d, p in store.con.execute("SELECT id, path FROM documents").fetchall()}
    return {names[s.doc]: s for s in verdict.documents}


def test_reported_sale_and_official_denial_conflict(frigate_story):
    _, db = frigate_story
    with Store(db, read_only=True) as store:
        v = verify(store, "Norway will sell frigates to Kenya")
        docs = _by_file(store, v)
        assert v.verdict == "conflicting"
        assert docs["harbour_times.txt"].stance == "supports"
        assert docs["nairobi_ledger.txt"].stance == "refutes"
        assert docs["coastal_wire.txt"].stance == "discusses"
        assert docs["farm_weekly.txt"].stance == "unrelated"
        text = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
        ev = docs["nairobi_ledger.txt"].evidence[0]
        assert "will not sell frigates" in text[ev.doc][ev.start:ev.end]


def test_claim_with_support_only_is_supported_and_unrelated_claim_lacks_evidence(frigate_story):
    _, db = frigate_story
    with Store(db, read_only=True) as store:
        verifier = Verifier(store)
        talks = verifier.verify("Finland held talks with Estonia")
        assert talks.verdict == "supported"
        assert _by_file(store, talks)["baltic_post.txt"].stance == "supports"
        assert verifier.verify("Chile imposed sanctions on Vietnam").verdict == "not_enough_evidence"


def test_json_has_every_document_with_evidence_text(frigate_story):
    _, db = frigate_story
    with Store(db, read_only=True) as store:
        data = verdict_json(verify(store, "Norway will not sell frigates to Kenya"), store)
        n = store.count("documents")
    assert data["verdict"] == "conflicting"
    assert len(data["documents"]) == n == 5
    for d in data["documents"]:
        assert d["stance"] in {"supports", "refutes", "discusses", "unrelated"} and 0.0 <= d["score"] <= 1.0
        for e in d["evidence"]:
            assert e["text"] and e["text"] == e["text"].strip() and e["span"][0] < e["span"][1]


def test_verdict_rule_needs_weight_on_a_side():
    assert verdict_rule(1.0, 0.9) == "conflicting"
    assert verdict_rule(1.0, 0.2) == "supported"
    assert verdict_rule(0.0, 0.6) == "refuted"
    assert verdict_rule(0.3, 0.3) == "not_enough_evidence"
