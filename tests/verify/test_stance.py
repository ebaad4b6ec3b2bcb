from parallax.model import Actor
from parallax.verify.claim import parse_claim
from parallax.verify.facts import Facts, StoredClaim, StoredEvent
from parallax.verify.stance import Finding, claim_findings, decide, event_findings

ACTORS = {"country:NOR": Actor("country:NOR", "Norway", "country", "NOR"),
          "country:KEN": Actor("country:KEN", "Kenya", "country", "KEN")}


def _event(mode, typ="AID", cameo="072", src="country:NOR", tgt="country:KEN"):
    return StoredEvent(typ, mode, src, tgt, cameo, False, 0, 40, [])


def test_event_mode_decides_the_stance_and_a_negative_claim_flips_it(nlp):
    claim = parse_claim("Norway will sell frigates to Kenya", nlp)
    got = [f.stance for f in event_findings(claim, [_event("future"), _event("negated"), _event("reported")], ACTORS)]
    assert got == ["supports", "refutes", "discusses"]
    neg = parse_claim("Norway will not sell frigates to Kenya", nlp)
    assert [f.stance for f in event_findings(neg, [_event("asserted"), _event("denied")], ACTORS)] == [
        "refutes", "supports"]


def test_other_parties_direction_or_type_are_not_evidence(nlp):
    claim = parse_claim("Norway will sell frigates to Kenya", nlp)
    assert event_findings(claim, [_event("asserted", src="country:KEN", tgt="country:NOR")], ACTORS) == []
    assert event_findings(claim, [_event("asserted", typ="ACCUSE", cameo="111")], ACTORS) == []


def test_a_refusal_of_aid_refutes_a_sale(nlp):
    claim = parse_claim("Norway will sell frigates to Kenya", nlp)
    (f,) = event_findings(claim, [_event("asserted", typ="REJECT", cameo="1222")], ACTORS)
    assert f.stance == "refutes"


def test_stored_claim_propositions_are_read_with_their_polarity(nlp):
    claim = parse_claim("Norway will sell frigates to Kenya", nlp)
    facts = Facts(actors=ACTORS, country_names={"NOR": {"norway", "oslo"}, "KEN": {"kenya", "nairobi"}})
    stored = [StoredClaim("Oslo not sell warships to Nairobi", "negative", "future", "supports", 5, 50),
              StoredClaim("Kenya sell tea to Norway", "positive", "asserted", "supports", 60, 90)]
    (f,) = claim_findings(claim, stored, facts)
    assert (f.stance, f.start) == ("refutes", 5)


def test_decide_prefers_structure_and_calls_even_sides_discussion():
    model = Finding("supports", 0.9, 0, 10, "model")
    event = Finding("refutes", 0.8, 20, 30, "event")
    assert decide([model, event])[0] == "refutes"
    assert decide([Finding("supports", 0.9, 0, 10, "event"), Finding("refutes", 0.85, 20, 30, "event")])[0] == \
        "discusses"
    assert decide([]) == ("unrelated", 0.0, [])


def test_named_items_must_agree_but_generic_arms_fit_anything():
    from parallax.verify.stance import same_items

    assert not same_items(["fighter jets"], ["long-range missiles"])
    assert same_items(["fighter jets"], ["jets"])
    assert same_items(["military equipment"], ["arms"])
    assert same_items([], ["tanks"])
