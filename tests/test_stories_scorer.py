"""The cross-source story scorer: value, side and contradiction matching, stance aggregation, file mapping,
and the well-formedness of the story keys. No analysis runs here; the stories are scored by the benchmark."""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

import pytest

from parallax import model as m

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
STORIES = BENCH / "gold" / "stories"


@pytest.fixture(scope="module")
def sc():
    sys.path.insert(0, str(BENCH))
    try:
        import score_stories

        yield score_stories
    finally:
        sys.path.remove(str(BENCH))


def side(value: str, *files: str) -> dict:
    return {"value": value, "files": list(files)}


def test_values_compare_numbers_across_spellings(sc):
    assert sc.numbers_in("$1.45 billion") == {1.45e9}
    assert sc.numbers_in("about 30 soldiers") == {30.0}
    assert sc.numbers_in("four dead") == {4.0}
    assert sc.value_agrees("1.45bn dollars", "$1.45 billion")
    assert sc.value_agrees("12 aircraft", "twelve")
    assert not sc.value_agrees("$2.4 billion", "$3.1 billion")
    assert sc.value_agrees("Foreign Minister", "foreign minister")
    assert not sc.value_agrees("Ecology Minister", "Army Commander")


def test_side_match_needs_a_document_on_each_key_side_in_either_order(sc):
    key = [["a.html", "b.html"], ["c.html"]]
    assert sc.side_match([{"c.html"}, {"a.html"}], key) == pytest.approx(0.75)
    assert sc.side_match([{"a.html", "b.html"}, {"c.html", "z.html"}], key) == pytest.approx(1.0)
    assert sc.side_match([{"a.html", "c.html"}], key) == 0.0  # one side holding both is no pair of sides
    assert sc.side_match([{"a.html"}, {"b.html"}], key) == 0.0


def test_contradictions_are_paired_one_to_one_and_classed(sc):
    key = [
        {"kind": "number", "temporal": False, "about": "price", "values": ["$1.2 billion", "$1.45 billion"],
         "sides": [["w.html", "s.html"], ["n.html"]]},
        {"kind": "number", "temporal": False, "about": "jets", "values": ["12", "16"],
         "sides": [["w.html", "s.html"], ["n.html"]]},
        {"kind": "claim", "temporal": True, "about": "buy", "sides": [["old.html"], ["w.html"]]},
        {"kind": "date", "temporal": False, "about": "delivery", "values": ["2027", "2029"],
         "sides": [["w.html"], ["p.html"]]},
    ]
    traps = [{"kind": "number", "about": "two currencies", "values": ["$1.2 billion"], "files": ["s.html"]}]
    system = [
        # the jet count, listed first so that only the values can tell it from the price
        {"kind": "number", "temporal": False, "about": "jets", "sides": [side("16 jets", "n.html"), side("12 jets", "w.html")]},
        {"kind": "number", "temporal": False, "about": "deal", "sides": [side("$1.2 billion", "s.html"), side("$1.45 billion", "n.html")]},
        {"kind": "claim", "temporal": False, "about": "Peru buys jets", "sides": [side("buys", "w.html"), side("not", "old.html")]},
        {"kind": "number", "temporal": False, "about": "deal", "sides": [side("$1.2 billion", "s.html"), side("1.67 trillion won", "s.html")]},
        {"kind": "number", "temporal": False, "about": "deal again", "sides": [side("$1.2 billion", "w.html"), side("$1.45 billion", "n.html")]},
        {"kind": "date", "temporal": False, "about": "other", "sides": [side("2027", "w.html"), side("2022", "x.html")]},
    ]
    out = sc.match_contradictions(key, system, traps)
    pairs = {x["key"]: x["system"] for x in out["matched"]}
    assert pairs == {"price": "deal", "jets": "jets", "buy": "Peru buys jets"}
    assert (out["conflict"]["tp"], out["conflict"]["fn"]) == (2, 1)  # the date conflict is missed
    assert out["conflict"]["fp"] == 4  # the change called a conflict, the trap, the repeat, the stray date
    assert (out["temporal"]["tp"], out["temporal"]["fn"], out["temporal"]["fp"]) == (0, 1, 0)
    reasons = sorted(fp["reason"] for fp in out["false_positives"])
    assert reasons == ["change over time reported as a conflict", "redundant", "spurious", "trap: two currencies"]
    assert out["traps"] == {"planted": 1, "hit": 1}
    assert out["by_kind"] == {"number": {"key": 2, "found": 2}, "date": {"key": 1, "found": 0}}
    assert out["conflict"]["precision"] == pytest.approx(2 / 6)


def test_a_temporal_change_found_as_such_counts_among_changes_only(sc):
    key = [{"kind": "claim", "temporal": True, "about": "pledge", "sides": [["old.html"], ["new.html"]]}]
    system = [{"kind": "claim", "temporal": True, "about": "x", "sides": [side("no", "old.html"), side("yes", "new.html")]}]
    out = sc.match_contradictions(key, system)
    assert out["temporal"]["tp"] == 1 and out["temporal"]["precision"] == 1.0
    assert out["conflict"] == {"tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None, "f1": None}


def test_stance_aggregation_and_confusion(sc):
    assert sc.aggregate_stance(["supports", "refutes"]) == "discusses"
    assert sc.aggregate_stance(["discusses", "refutes"]) == "refutes"
    assert sc.aggregate_stance([]) == "unrelated"
    gold = {"a": "supports", "b": "refutes", "c": "unrelated"}
    s = sc.stance_score(gold, {"a": "supports", "b": "discusses"})
    assert (s["correct"], s["n"]) == (2, 3)
    assert s["confusion"] == {"supports": {"supports": 1}, "refutes": {"discusses": 1}, "unrelated": {"unrelated": 1}}
    merged = sc.merge_scores([s, s])
    assert merged["accuracy"] == pytest.approx(2 / 3) and merged["confusion"]["refutes"] == {"discusses": 2}


def _story() -> m.Story:
    text = "Officials said the plant cost $2 billion. Kazakhstan summoned the envoy on Monday."
    docs = [m.Document(id="d1", key="k1", text=text, path="/x/wire-a.html"),
            m.Document(id="d2", key="k2", text=text, path="/x/wire-b.html", duplicate_of="d1", duplicate_kind="exact"),
            m.Document(id="d3", key="k3", text="The envoy was summoned. It rained.", path="/x/other.html")]
    at = text.index("Kazakhstan")
    claims = [
        m.Claim(id="c1", text="Kazakhstan summons envoy",
                mentions=[m.ClaimMention("d1", "supports", at, len(text)), m.ClaimMention("d3", "supports", 0, 23)]),
        m.Claim(id="c2", text="plant cost", mentions=[m.ClaimMention("d1", "supports", 0, 41)]),
    ]
    contra = [m.Contradiction(id="x", kind="number", about="cost", sides=[
        m.ContradictionSide("$2 billion", [m.Evidence("d1", 30, 40)]),
        m.ContradictionSide("$3 billion", [m.Evidence("d3", 0, 5)])])]
    return m.Story(documents=docs, claims=claims, contradictions=contra)


def test_story_view_maps_copies_to_their_original(sc):
    view = sc.StoryView(_story())
    assert view.files_of(["d1"]) == {"wire-a.html", "wire-b.html"}
    assert view.analysed_id("wire-b.html") == "d1"
    assert view.contradictions()[0]["sides"][0]["files"] == ["wire-a.html", "wire-b.html"]
    claim, hits = view.best_claim({"wire-b.html": "Kazakhstan summoned the envoy", "other.html": "The envoy was summoned"},
                                  "Kazakhstan summoned the envoy")
    assert claim.id == "c1" and hits == 2
    pred, info = sc.claim_stances(view, {"claim": "Kazakhstan summoned the envoy",
                                         "docs": {"wire-b.html": "supports", "other.html": "supports"},
                                         "evidence": {"wire-b.html": "Kazakhstan summoned the envoy"}})
    assert pred["wire-b.html"] == "supports" and info["evidence_covered"] == 1


KEYS = sorted(STORIES.glob("*/key.json"))


@pytest.mark.parametrize("path", KEYS, ids=[p.parent.name for p in KEYS])
def test_story_keys_are_well_formed(sc, path):
    key = json.loads(path.read_text(encoding="utf-8"))
    files = set(key["documents"])
    assert files == {p.name for p in path.parent.glob("*.html")} and 7 <= len(files) <= 9
    pages = {f: html.unescape((path.parent / f).read_text(encoding="utf-8")) for f in files}
    for c in key["contradictions"]:
        assert c["kind"] in ("claim", "attribute", "number", "date") and len(c["sides"]) == 2
        assert all(s and set(s) <= files for s in c["sides"]) and not set(c["sides"][0]) & set(c["sides"][1])
    for t in key["non_contradictions"]:
        assert set(t["files"]) <= files
    for s in key["stances"]:
        assert set(s["docs"]) == files and set(s["docs"].values()) <= set(sc.STANCES)
    for item in key["stances"] + key["corroboration"]:
        for f, snippet in item.get("evidence", {}).items():
            assert snippet in pages[f], (f, snippet)
    for v in key["verify"]:
        assert v["verdict"] in sc.VERDICTS and set(v["supports"] + v["refutes"]) <= files
    assert any(c["temporal"] for c in key["contradictions"])
    assert {c["kind"] for c in key["contradictions"]} == {"claim", "attribute", "number", "date"}
