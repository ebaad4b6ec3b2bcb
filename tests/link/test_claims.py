"""Claims across sources: one claim per proposition, each statement's stance from structure, not wording."""

from parallax.link.claims import (
    claim_id,
    cluster_claims,
    content_tokens,
    document_stance,
    event_claim_text,
)
from parallax.link.propositions import negated_text
from parallax.model import Actor, Claim, ClaimMention, Document, Event, Mention, Quote

ACTORS = {
    "nor": Actor("nor", "Norway", "country", country="NOR"),
    "chl": Actor("chl", "Chile", "country", country="CHL"),
    "per": Actor("per", "Peru", "country", country="PER"),
    "berg": Actor("berg", "Lars Berg", "person", country="NOR"),
    "soto": Actor("soto", "Maria Soto", "person", country="CHL"),
    "anon": Actor("anon", "a senior official", "group", anonymous=True),
}


def _doc(i: str, text: str, outlet: str | None = None, published: str | None = None) -> Document:
    return Document(id=i, key=i, text=text, outlet=outlet, published=published)


def _event(i: str, doc: str, src: str | None, tgt: str | None, mode: str, text: str, etype: str = "AID",
           start: int = 0, **kw) -> Event:
    return Event(id=i, doc=doc, source=src, target=tgt, type=etype, mode=mode, start=start,
                 end=start + len(text), text=text, **kw)


def _claim(i: str, doc: str, text: str, start: int, end: int, *, polarity: str = "positive",
           mode: str = "asserted", holder: str | None = None) -> Claim:
    return Claim(id=i, text=text, holder=holder, polarity=polarity, mode=mode,
                 mentions=[ClaimMention(doc=doc, stance="supports", start=start, end=end, holder=holder)])


def _cluster(events=(), claims=(), quotes=(), docs=None, mentions=()):
    docs = docs or {}
    return cluster_claims(list(claims), list(events), list(quotes), docs, ACTORS, mentions=list(mentions))


def test_opposite_events_from_two_outlets_are_one_claim_with_both_stances() -> None:
    sell = "Norway will sell fighter jets to Chile."
    nosell = "Norway will not sell any weapons to Chile."
    claims = _cluster([
        _event("d1:e0", "d1", "nor", "chl", "future", sell, equipment=["fighter jets"]),
        _event("d2:e0", "d2", "nor", "chl", "negated", nosell),
    ])
    (c,) = claims
    assert {(m.doc, m.stance) for m in c.mentions} == {("d1", "supports"), ("d2", "refutes")}
    assert c.text == "Norway supplies military equipment to Chile"
    assert c.events == ["d1:e0", "d2:e0"]


def test_person_speaks_for_country_and_mutual_acts_are_unordered() -> None:
    claims = _cluster([
        _event("d1:e0", "d1", "berg", "chl", "asserted", "Berg met Chilean officials.", etype="CONSULT"),
        _event("d2:e0", "d2", "chl", "nor", "asserted", "Chile held talks with Norway.", etype="CONSULT"),
        _event("d3:e0", "d3", "chl", "nor", "asserted", "Chile accused Norway of spying.", etype="ACCUSE"),
        _event("d4:e0", "d4", "nor", "chl", "asserted", "Norway accused Chile of lying.", etype="ACCUSE"),
    ])
    by_text = {c.text: c for c in claims}
    assert {m.doc for m in by_text["Chile and Norway hold talks"].mentions} == {"d1", "d2"}
    assert {"Chile accuses Norway", "Norway accuses Chile"} <= set(by_text)  # directed acts stay directed


def test_hedged_and_hypothetical_reports_discuss() -> None:
    claims = _cluster([
        _event("d1:e0", "d1", "nor", "chl", "reported", "Norway is reportedly selling arms to Chile."),
        _event("d2:e0", "d2", "nor", "chl", "hypothetical", "Norway could sell arms to Chile."),
        _event("d3:e0", "d3", "nor", "chl", "denied", "Norway denied selling arms to Chile."),
    ])
    (c,) = claims
    assert {m.doc: m.stance for m in c.mentions} == {"d1": "discusses", "d2": "discusses", "d3": "refutes"}


def test_clause_with_event_is_that_events_statement_with_speaker_and_clause_span() -> None:
    text = 'Norway will not sell arms to Chile, Berg said, adding that talks with Peru went well.'
    e = _event("d1:e0", "d1", "nor", "chl", "negated", text, predicate="sell")
    c = _claim("d1:c0", "d1", "Norway not sell arms to Chile", 0, 34, polarity="negative", mode="future",
               holder="berg")
    (claim,) = _cluster([e], [c])
    (m,) = claim.mentions
    assert (m.start, m.end, m.holder, m.stance) == (0, 34, "berg", "refutes")


def test_distancing_cue_makes_a_quoted_statement_discuss() -> None:
    text = "Norway sold arms to Chile, the opposition claimed."
    e = _event("d1:e0", "d1", "nor", "chl", "asserted", text, reported_by="soto", predicate="sell")
    q = Quote("d1:q0", "d1", "soto", "the opposition", False, "indirect", 0, 25, text[:25], cue="claimed")
    (claim,) = _cluster([e], quotes=[q])
    assert claim.mentions[0].stance == "discusses"


def test_words_without_an_event_still_find_a_structural_key() -> None:
    # the events stage missed "continue providing": the lexicon verb and the two named parties still key it
    t1 = "Norway will continue providing Chile with military equipment, an official said."
    t2 = "Norway will not sell weapons to Chile."
    mentions = [Mention("m1", "d1", 0, 6, "Norway", "nor"), Mention("m2", "d1", 34, 39, "Chile", "chl")]
    c = _claim("d1:c0", "d1", "Norway continue provide Chile", 0, 61, mode="future", holder="anon")
    e = _event("d2:e0", "d2", "nor", "chl", "negated", t2)
    docs = {"d1": _doc("d1", t1), "d2": _doc("d2", t2)}
    claims = _cluster([e], [c], docs=docs, mentions=mentions)
    (k,) = claims
    assert {(m.doc, m.stance) for m in k.mentions} == {("d1", "supports"), ("d2", "refutes")}


def test_statements_without_events_cluster_by_text_and_negation_flips_stance() -> None:
    mentions = [Mention("m1", "d1", 0, 5, "Chile", "chl"), Mention("m2", "d2", 0, 5, "Chile", "chl"),
                Mention("m3", "d3", 0, 4, "Peru", "per")]
    claims = _cluster(claims=[
        _claim("d1:c0", "d1", "Chile raise the minimum wage", 0, 30),
        _claim("d2:c0", "d2", "Chile not raise the minimum wage", 0, 34, polarity="negative", mode="future"),
        _claim("d3:c0", "d3", "Peru raise the minimum wage", 0, 29),  # same words, other actor
        _claim("d4:c0", "d4", "the storm flood the coastal road", 0, 33),
    ], mentions=mentions)
    chile = next(c for c in claims if {m.doc for m in c.mentions} >= {"d1"})
    assert {(m.doc, m.stance) for m in chile.mentions} == {("d1", "supports"), ("d2", "refutes")}
    assert chile.text == "Chile raise the minimum wage"
    assert len(claims) == 3


def test_one_sided_key_joins_the_only_complete_key_that_fits() -> None:
    claims = _cluster([
        _event("d1:e0", "d1", "nor", "chl", "asserted", "Norway sells arms to Chile."),
        _event("d2:e0", "d2", "nor", None, "negated", "Norway will not sell arms."),
        _event("d3:e0", "d3", "per", "chl", "asserted", "Peru sent aid to Chile."),
        _event("d4:e0", "d4", None, "chl", "asserted", "Arms were sent to Chile."),  # two keys fit: stays apart
    ])
    norway = next(c for c in claims if c.text.startswith("Norway"))
    assert {m.doc for m in norway.mentions} == {"d1", "d2"}
    assert len(claims) == 3


def test_ids_are_stable_and_differ_by_proposition() -> None:
    e = [_event("d1:e0", "d1", "nor", "chl", "asserted", "Norway sells arms to Chile.")]
    assert [c.id for c in _cluster(e)] == [c.id for c in _cluster(e)]
    assert claim_id(("E", "AID", "NOR", "CHL")) != claim_id(("E", "AID", "CHL", "NOR"))


def test_document_stance() -> None:
    c = Claim(id="k", text="t", mentions=[
        ClaimMention("d1", "supports", 0, 5, holder="berg"), ClaimMention("d1", "refutes", 9, 15, holder="soto"),
        ClaimMention("d2", "discusses", 0, 5), ClaimMention("d3", "refutes", 0, 5, holder="berg"),
        ClaimMention("d4", "supports", 0, 5, holder="berg"), ClaimMention("d4", "refutes", 8, 12, holder=None),
    ])
    assert document_stance(c, "d1") == "discusses"  # both sides quoted
    assert document_stance(c, "d2") == "discusses"
    assert document_stance(c, "d3") == "refutes"
    assert document_stance(c, "d4") == "refutes"  # the outlet's own voice decides
    assert document_stance(c, "d9") == "unrelated"


def test_texts() -> None:
    names = lambda p: {"NOR": "Norway", "CHL": "Chile"}.get(p, p)  # noqa: E731
    pos = event_claim_text(("E", "SANCTION", "NOR", "CHL"), names, False)
    assert pos == "Norway imposes sanctions on Chile"
    assert negated_text(pos) == "Norway does not impose sanctions on Chile"
    assert negated_text(event_claim_text(("E", "COOPERATE", "CHL", "NOR"), names, False)) == "Chile and Norway do not cooperate"
    assert content_tokens("Norway will not sell arms") == content_tokens("Norway sells arm")


def test_different_kinds_of_equipment_are_different_propositions() -> None:
    jets = "Chile signed a contract to buy 12 fighter jets from Norway."
    claims = _cluster([
        _event("d1:e0", "d1", "nor", "chl", "asserted", jets),
        _event("d2:e0", "d2", "nor", "chl", "negated", "Chile will not receive long-range missiles under the deal."),
        _event("d3:e0", "d3", "nor", "chl", "negated", "Chile will not buy new combat aircraft from Norway."),
        _event("d4:e0", "d4", "nor", "chl", "asserted", "Norway will sell weapons to Chile."),  # no kind: the largest
    ])
    by_docs = {frozenset(m.doc for m in c.mentions): c for c in claims}
    assert set(by_docs) == {frozenset({"d1", "d3", "d4"}), frozenset({"d2"})}
    assert by_docs[frozenset({"d2"})].text == "Norway supplies missiles to Chile"
    assert {m.doc: m.stance for m in by_docs[frozenset({"d1", "d3", "d4"})].mentions}["d3"] == "refutes"


def test_a_place_of_the_acting_state_is_a_party_by_name() -> None:
    actors = {**ACTORS, "p1": Actor("p1", "Fort Alba", "person", country="CHL"),
              "o1": Actor("o1", "Fort Alba", "organization")}
    evs = [_event("d1:e0", "d1", "chl", "p1", "future", "Chile will withdraw its troops from Fort Alba.", etype="RETREAT"),
           _event("d2:e0", "d2", "chl", "o1", "negated", "Chile will never withdraw from Fort Alba.", etype="RETREAT")]
    (c,) = cluster_claims([], evs, [], {}, actors)
    assert c.text == "Chile withdraws from Fort Alba"
    assert {m.stance for m in c.mentions} == {"supports", "refutes"}
