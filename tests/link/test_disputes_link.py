"""Accusation against denial across documents, opposite statements, and what takes no side."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.disputes import extract_disputes
from parallax.extract.quotes import claims_from_quotes, extract_quotes
from parallax.link.actors import merge_actors
from parallax.link.claim_conflicts import claim_contradictions
from parallax.link.disputes import dispute_claims, is_dispute
from parallax.link.opposites import opposite_statements
from parallax.model import Claim, ClaimMention, Document


@pytest.fixture(scope="module")
def story(nlp):
    """(per-document claims and dispute records with global holders, documents, merged actors by id)."""
    def run(texts: dict[str, str]):
        docs, per_doc, records = {}, [], []
        for i, (name, text) in enumerate(texts.items()):
            doc = Document(id=name, key=name, text=text, outlet=f"Outlet {name}", published=f"2025-05-0{i + 1}")
            sdoc = nlp(text)
            actors = extract_actors(sdoc, doc)
            quotes = extract_quotes(sdoc, doc, actors)
            docs[name] = doc
            per_doc.append(actors)
            records += claims_from_quotes(doc, quotes, sdoc) + extract_disputes(sdoc, doc, actors, quotes)
        merged, mapping = merge_actors(per_doc)
        for r in records:
            r.holder = mapping.get(r.holder, r.holder)
            for m in r.mentions:
                m.holder = mapping.get(m.holder, m.holder)
        return records, docs, {a.id: a for a in merged}
    return run


ACCUSED = {
    "a": "Peruvian officials said the raid on the border post was planned by commanders based in Chile. "
         "Rescue teams worked through the night.",
    "b": "Chile rejected Peru's allegation that the raid on the border post was planned from Chilean soil. "
         "Trade talks resumed on Monday.",
}


def test_a_denial_meets_the_accusation_told_in_another_document(story):
    records, docs, actors = story(ACCUSED)
    claims = dispute_claims([r for r in records if is_dispute(r)], docs, actors)
    (c,) = claims
    assert {m.doc for m in c.mentions if m.stance == "supports"} == {"a"}
    assert {m.doc for m in c.mentions if m.stance == "refutes"} == {"b"}
    (x,) = claim_contradictions(claims, docs)
    assert x.kind == "claim" and [len(s.evidence) for s in x.sides] == [1, 1]


def test_a_denial_nobody_in_the_story_alleges_makes_no_contradiction(story):
    records, docs, actors = story({
        "a": "Peruvian officials said the fishing season will open in May. Rescue teams worked through the night.",
        "b": ACCUSED["b"]})
    assert dispute_claims([r for r in records if is_dispute(r)], docs, actors) == []


def test_opposite_statements_by_two_voices(story):
    records, docs, _ = story({
        "a": "Peru claims the radar system poses a threat to regional air defences.",
        "b": "Chilean Defence Minister Ana Soto said the radar system poses no threat to regional air defences."})
    (x,) = opposite_statements([r for r in records if not is_dispute(r)], docs)
    assert x.kind == "claim"
    assert [s.value for s in x.sides] == ["the radar system poses a threat to regional air defences",
                                          "the radar system poses no threat to regional air defences"]


def test_no_opposite_from_a_question_a_condition_or_one_voice():
    text = ("Soto said the radar poses no threat to regional air defences. "
            "Soto said the radar poses a threat to regional air defences. "
            "Lima asked whether the radar poses a threat to regional air defences? "
            "If the radar poses a threat to regional air defences, Peru will act.")
    docs = {"a": Document(id="a", key="a", text=text, outlet="Outlet a")}
    spans = [(0, 61), (62, 122), (123, 187), (188, len(text))]

    def claim(n, span, holder, polarity):
        return Claim(id=f"a:c{n}", text="the radar pose a threat to regional air defences", holder=holder,
                     polarity=polarity, mentions=[ClaimMention("a", "supports", *span, holder=holder)])

    same_voice = [claim(0, spans[0], "soto", "negative"), claim(1, spans[1], "soto", "positive")]
    assert opposite_statements(same_voice, docs) == []
    no_side = [claim(0, spans[0], "soto", "negative"), claim(2, spans[2], "lima", "positive"),
               claim(3, spans[3], "lima", "positive")]
    assert opposite_statements(no_side, docs) == []
    assert len(opposite_statements([claim(0, spans[0], "soto", "negative"), claim(1, spans[1], "lima", "positive")],
                                   docs)) == 1


def test_claim_contradiction_needs_statements_of_one_thing_that_take_a_side():
    text = ("Soto said talks could collapse if Lima walks out. "
            "Soto said Peru and Chile will not hold talks this year. "
            "Analysts said fishing quotas rose in March.")
    docs = {"a": Document(id="a", key="a", text=text, outlet="Outlet a")}
    conditional = Claim(id="k1", text="Peru and Chile hold talks", mentions=[
        ClaimMention("a", "supports", 0, 49, holder="soto"), ClaimMention("a", "refutes", 50, 105, holder="x")])
    assert claim_contradictions([conditional], docs) == []
    unrelated = Claim(id="k2", text="Peru and Chile hold talks", mentions=[
        ClaimMention("a", "supports", 106, len(text), holder="y"), ClaimMention("a", "refutes", 50, 105, holder="x")])
    assert claim_contradictions([unrelated], docs) == []
