"""What verify reads of the store: a claim's normalised proposition, not its readable name."""

from parallax.store import Store
from parallax.verify.facts import load_facts


def test_stored_claims_are_read_by_their_proposition_else_their_text(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.insert("claims", [
            {"id": "k1", "text": "Velora sold two frigates to Kestria last spring.",
             "proposition": "Velora sell two frigates to Kestria", "polarity": "positive"},
            {"id": "k2", "text": "Kestria buy grain", "polarity": "positive"},  # a store linked before names
        ])
        store.insert("claim_mentions", [{"claim": "k1", "doc": "d1", "stance": "supports", "start": 0, "end": 40},
                                        {"claim": "k2", "doc": "d2", "stance": "refutes", "start": 5, "end": 20}])
        facts = load_facts(store)
    assert [c.text for c in facts.claims["d1"]] == ["Velora sell two frigates to Kestria"]
    assert [(c.text, c.stance) for c in facts.claims["d2"]] == [("Kestria buy grain", "refutes")]
