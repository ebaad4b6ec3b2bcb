"""The link stage end to end: the real pipeline over a small invented story in several outlets."""

import json

import pytest

from parallax.model import Story

ARTICLES = [
    ("Northern Herald", "2021-05-03", "Norway rules out arms sales to Chile",
     "Norway will not sell any weapons to Chile, Defence Minister Ola Hansen said on Monday. "
     "Hansen spoke after a meeting of Nordic defence officials in Bergen."),
    ("Southern Post", "2021-05-05", "Chile counts on Nordic partner",
     "Norway will continue providing Chile with military equipment, a senior Norwegian official said on "
     "condition of anonymity. Santiago has modernised its navy over the past decade."),
    ("Lima Courier", "2021-05-06", "Peru watches Nordic arms talk",
     "Norway is reportedly planning to sell arms to Chile, according to local media reports. "
     "Peruvian officials declined to comment on the matter."),
    ("Andes Wire Daily", "2021-05-04", "Fishing row deepens",
     "Iceland imposed sanctions on Peru over illegal fishing in disputed waters, the foreign ministry in "
     "Reykjavik said in a statement on Tuesday. Prices for anchovy rose at the main market."),
    ("Coastal Times", "2021-05-04", "Peru faces Icelandic penalties",
     "Lawmakers in Lima called for calm on Wednesday. Iceland imposed sanctions on Peru over illegal fishing in "
     "disputed waters, the foreign ministry in Reykjavik said in a statement on Tuesday."),
    ("Accra Mirror", "2021-05-07", "Troops for Togo",
     "Ghana will send troops to Togo next month, two officials who spoke on condition of anonymity said. "
     "The government has not commented publicly."),
    ("Nairobi Ledger", "2012-03-10", "No drones",
     "Kenya will never buy drones from Ethiopia, Defence Secretary Tom Odhiambo said on Friday. "
     "He spoke at a rally in Mombasa."),
    ("Rift Valley Times", "2021-06-12", "Drone deal",
     "Kenya bought six drones from Ethiopia last month, the defence ministry said on Saturday. "
     "The aircraft will patrol the northern border."),
]


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> tuple[Story, dict]:
    from parallax.pipeline import run
    from parallax.store import Store
    from parallax.views.export import story_json

    folder = tmp_path_factory.mktemp("story")
    path = folder / "story.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "outlet": o, "published": p, "title": t, "text": x}) + "\n"
                            for i, (o, p, t, x) in enumerate(ARTICLES)), encoding="utf-8")
    db = str(folder / "s.duckdb")
    summary = run([str(path)], db)
    assert summary.analysed == len(ARTICLES)
    with Store(db, read_only=True) as store:
        loaded = store.load_story()
    return loaded, story_json(loaded)


def _claim_about(story: Story, *words: str):
    return next(c for c in story.claims if all(w in c.text for w in words))


def _outlet(story: Story, doc_id: str) -> str:
    return next(d.outlet for d in story.documents if d.id == doc_id)


def test_opposite_statements_in_two_outlets_are_one_claim_and_one_contradiction(story) -> None:
    s, _ = story
    c = _claim_about(s, "Norway", "Chile")
    stances = {_outlet(s, m.doc): m.stance for m in c.mentions}
    assert stances == {"Northern Herald": "refutes", "Southern Post": "supports", "Lima Courier": "discusses"}
    (x,) = [x for x in s.contradictions if x.kind == "claim" and x.about == c.text]
    assert not x.temporal
    assert {_outlet(s, e.doc) for e in x.sides[0].evidence} == {"Southern Post"}
    assert {_outlet(s, e.doc) for e in x.sides[1].evidence} == {"Northern Herald"}


def test_positions_years_apart_are_temporal(story) -> None:
    s, _ = story
    c = _claim_about(s, "Ethiopia", "Kenya")
    (x,) = [x for x in s.contradictions if x.about == c.text]
    assert x.temporal


def test_wire_copy_counts_once_and_anonymous_only_is_flagged(story) -> None:
    s, _ = story
    wire = _claim_about(s, "Iceland", "Peru")
    assert wire.outlets == ["Andes Wire Daily", "Coastal Times"] and wire.independent == 1
    assert _claim_about(s, "Ghana", "Togo").anonymous_only
    assert not _claim_about(s, "Norway", "Chile").anonymous_only


def test_profiles_and_tables_are_stored(story) -> None:
    s, _ = story
    profiles = {p.outlet: p for p in s.profiles}
    norway = _claim_about(s, "Norway", "Chile").id
    assert profiles["Northern Herald"].stances[norway] == "refutes"
    assert profiles["Southern Post"].stances[norway] == "supports"
    assert profiles["Accra Mirror"].anonymous_share == 1.0
    assert _claim_about(s, "Ghana", "Togo").id in profiles["Accra Mirror"].exclusive_claims


def test_export_keeps_the_contract(story) -> None:
    _, out = story
    stances = {m["stance"] for c in out["claims"] for m in c["mentions"]}
    assert stances and stances <= {"supports", "refutes", "discusses"}
    docs = {d["id"]: d["text"] for d in out["documents"]}
    for c in out["claims"]:
        for m in c["mentions"]:
            a, b = m["span"]
            assert 0 <= a < b <= len(docs[m["doc"]])
    for x in out["contradictions"]:
        assert x["kind"] in {"claim", "attribute", "number", "date"} and len(x["sides"]) >= 2
        assert all(ev["doc"] in docs for side in x["sides"] for ev in side["evidence"])
