import pytest

from parallax.link.contradictions import find_contradictions, offices_conflict
from parallax.model import Actor, Evidence, RoleClaim


@pytest.mark.parametrize("a,b,expected", [
    ("Foreign Minister", "Defence Minister", True),
    ("Defense Minister", "Defence Minister", False),  # spelling only
    ("Minister", "Foreign Minister", False),  # less specific, compatible
    ("Interior Minister", "Interior Minister of State", False),
    ("Army Chief Gen.", "army chief", False),
    ("Finance Secretary", "Foreign Secretary", True),
    ("defence analyst", "Defence Minister", None),  # different kinds of post do not compare
    ("National Security Advisor", "National Security Adviser", False),
])
def test_office_comparison(a, b, expected):
    assert offices_conflict(a, b) is expected


def _person(roles):
    return Actor(id="person:mara-lind", name="Mara Lind", kind="person", country="NOR",
                 role_claims=[RoleClaim(r, "NOR", None, Evidence(doc, s, s + 10)) for r, doc, s in roles])


def test_two_offices_for_one_person_is_an_attribute_contradiction_with_evidence_on_both_sides():
    actor = _person([("Foreign Minister", "d1", 5), ("Trade Minister", "d2", 40), ("Foreign Minister", "d3", 7)])
    (c,) = find_contradictions([actor])
    assert c.kind == "attribute" and "Mara Lind" in c.about and not c.temporal
    sides = {s.value: {e.doc for e in s.evidence} for s in c.sides}
    assert sides == {"Foreign Minister": {"d1", "d3"}, "Trade Minister": {"d2"}}


def test_a_former_office_is_a_change_over_time():
    (c,) = find_contradictions([_person([("former Trade Minister", "d1", 0), ("Foreign Minister", "d2", 0)])])
    assert c.temporal


def test_consistent_offices_and_anonymous_people_give_nothing():
    assert find_contradictions([_person([("Foreign Minister", "d1", 0), ("foreign minister", "d2", 0)])]) == []
    anon = _person([("Foreign Minister", "d1", 0), ("Trade Minister", "d2", 0)])
    anon.anonymous = True
    assert find_contradictions([anon]) == []


def test_the_sample_storys_planted_office_conflict_is_found_end_to_end(tmp_path):
    import json
    from pathlib import Path

    from parallax.pipeline import run
    from parallax.store import Store

    root = Path(__file__).resolve().parents[2]
    key = json.loads((root / "tests/fixtures/sample_key.json").read_text())
    corpus = root / "src/parallax/sample/corpus"
    db = tmp_path / "s.duckdb"
    run([str(corpus)], db=str(db))
    with Store(db, read_only=True) as s:
        story = s.load_story()
    file_of = {d.id: Path(d.path).relative_to(corpus).as_posix() for d in story.documents if d.path}
    key_file = {d["id"]: d["file"] for d in key["documents"]}
    for planted in (c for c in key["contradictions"] if c["kind"] == "attribute"):
        want = {side["value"]: {key_file[e["doc"]] for e in side["evidence"]} for side in planted["sides"]}
        found = [c for c in story.contradictions if c.kind == "attribute"
                 and {s.value for s in c.sides} == set(want)]
        assert found, f"not found: {planted['about']}"
        got = {s.value: {file_of[e.doc] for e in s.evidence} for s in found[0].sides}
        assert got == want
