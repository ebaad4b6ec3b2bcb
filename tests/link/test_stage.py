"""The link stage end to end: the real pipeline over a small invented story in several outlets."""

import json
import shutil
from pathlib import Path

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
def linked_db(tmp_path_factory) -> Path:
    """The store of one real run over ARTICLES: analysed and linked. Tests that write work on copies."""
    from parallax.pipeline import run

    folder = tmp_path_factory.mktemp("story")
    path = folder / "story.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "outlet": o, "published": p, "title": t, "text": x}) + "\n"
                            for i, (o, p, t, x) in enumerate(ARTICLES)), encoding="utf-8")
    db = folder / "s.duckdb"
    summary = run([str(path)], str(db))
    assert summary.analysed == len(ARTICLES)
    return db


@pytest.fixture(scope="module")
def story(linked_db) -> tuple[Story, dict]:
    from parallax.store import Store
    from parallax.views.export import story_json

    with Store(linked_db, read_only=True) as store:
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


# -- the stage at scale: lean reading, bulk writes, no work when nothing changed --------------------------------

DERIVED = ("actors", "mentions", "quotes", "events", "claims", "claim_mentions", "contradictions", "event_clusters",
           "profiles")


def _tables(store) -> dict[str, list[str]]:
    """Every derived table as sorted JSON rows: two links agree exactly when these are equal."""
    out = {}
    for t in DERIVED:
        cur = store.con.execute(f"SELECT * FROM {t}")
        names = [d[0] for d in cur.description]
        out[t] = sorted(json.dumps(dict(zip(names, r)), sort_keys=True, default=str) for r in cur.fetchall())
    return out


@pytest.fixture()
def db_copy(linked_db, tmp_path) -> Path:
    out = tmp_path / "copy.duckdb"
    shutil.copyfile(linked_db, out)
    return out


def test_a_second_link_is_skipped_and_leaves_every_table_as_it_was(db_copy) -> None:
    from parallax.link.stage import is_linked, link_story
    from parallax.pipeline import RunSummary, link
    from parallax.store import Store

    with Store(db_copy) as store:
        assert is_linked(store)
        before = _tables(store)
        assert all(before[t] for t in ("actors", "mentions", "quotes", "events", "claims", "claim_mentions"))
        result = link_story(store)
        assert result.skipped
        summary = RunSummary()
        link(store, summary, "again", lambda *a: None)
        assert _tables(store) == before
        assert summary.changes == 0 and summary.link_skipped
        assert (summary.actors, summary.events, summary.quotes, summary.claims, summary.contradictions) == (
            len(before["actors"]), len(before["events"]), len(before["quotes"]), len(before["claims"]),
            len(before["contradictions"]))
        assert (result.mentions, result.event_clusters) == (len(before["mentions"]), len(before["event_clusters"]))


def test_a_forced_relink_gives_identical_tables(db_copy) -> None:
    from parallax.link.stage import link_story
    from parallax.store import Store

    with Store(db_copy) as store:
        before = _tables(store)
        result = link_story(store, force=True)
        assert not result.skipped and result.claims == len(before["claims"])
        assert _tables(store) == before


def test_a_changed_result_relinks_and_records_its_changes(db_copy) -> None:
    from parallax.link.stage import is_linked, link_story
    from parallax.pipeline import RunSummary, link
    from parallax.store import Store

    with Store(db_copy) as store:
        (doc,) = store.con.execute("SELECT doc FROM doc_results WHERE json_array_length(quotes) > 0 "
                                   "ORDER BY doc LIMIT 1").fetchall()[0]
        quotes = store.count("quotes")
        lost = store.con.execute("SELECT json_array_length(quotes) FROM doc_results WHERE doc = ?",
                                 [doc]).fetchall()[0][0]
        store.con.execute("UPDATE doc_results SET quotes = '[]' WHERE doc = ?", [doc])
        assert not is_linked(store)
        summary = RunSummary()
        link(store, summary, "edited", lambda *a: None)
        assert not summary.link_skipped
        assert summary.quotes == quotes - lost == store.count("quotes")
        assert is_linked(store) and link_story(store).skipped


def test_lean_stage_matches_the_whole_object_reference(linked_db) -> None:
    """The stage keeps only some mentions and a projection of quotes; clustering over every fact as whole
    objects (the stage before it was made lean) must give the same claims, stances and corroboration."""
    from parallax import model as m
    from parallax.extract.actors.types import DocActors
    from parallax.link.actors import merge_actors
    from parallax.link.claims import cluster_claims
    from parallax.link.corroboration import corroborate
    from parallax.store import Store
    from parallax.store.codec import from_dict

    with Store(linked_db, read_only=True) as store:
        per_doc, mentions, quotes, events, claims = [], [], [], [], []
        for rec in store.doc_results():
            per_doc.append(DocActors(doc=rec["doc"], actors={a["id"]: from_dict(m.Actor, a) for a in rec["actors"]}))
            mentions += [from_dict(m.Mention, x) for x in rec["mentions"]]
            quotes += [from_dict(m.Quote, x) for x in rec["quotes"]]
            events += [from_dict(m.Event, x) for x in rec["events"]]
            claims += [from_dict(m.Claim, x) for x in rec["claims"]]
        actors, mapping = merge_actors(per_doc)
        for x in mentions:
            x.actor = mapping.get(x.actor, x.actor) if x.actor else x.actor
        for e in events:
            e.source, e.target = mapping.get(e.source, e.source), mapping.get(e.target, e.target)
            e.reported_by = mapping.get(e.reported_by, e.reported_by)
        for c in claims:
            c.holder = mapping.get(c.holder, c.holder)
            for cm in c.mentions:
                cm.holder = mapping.get(cm.holder, cm.holder)
        docs = {d.id: d for d in store.documents()}
        by_id = {a.id: a for a in actors}
        want = corroborate(cluster_claims(claims, events, quotes, docs, by_id, mentions=mentions), docs, by_id, quotes)
        stored = store.load_story()
    assert sorted(a.id for a in stored.actors) == sorted(a.id for a in actors)
    assert len(stored.mentions) == len(mentions) and len(stored.quotes) == len(quotes)
    assert {x.id: x.actor for x in stored.mentions} == {x.id: x.actor for x in mentions}
    key = lambda c: (c.id, c.text, c.independent, c.anonymous_only, tuple(c.outlets),  # noqa: E731
                     tuple((x.doc, x.start, x.end, x.stance, x.holder) for x in c.mentions))
    assert sorted(map(key, stored.claims)) == sorted(map(key, want))
