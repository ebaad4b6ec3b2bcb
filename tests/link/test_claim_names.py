"""Claim names: a readable sentence cut from the evidence, never the lemmatised proposition."""

import re

from parallax.link.claim_conflicts import claim_contradictions
from parallax.link.claim_names import MAX_NAME, clean_clause, names_subject
from parallax.link.claims import cluster_claims
from parallax.model import Actor, Claim, ClaimMention, Document, Mention

ACTORS = {
    "vel": Actor("vel", "Velora", "country", country="FRA"),
    "kes": Actor("kes", "Kestria", "country", country="DEU"),
    "ana": Actor("ana", "Ana Mirel", "person", roles=["port minister"]),
}
LEMMAS = {"be", "promise", "say", "hold", "reopen", "sell", "plan"}  # base forms a lemmatised name shows


def _doc(i: str, text: str, outlet: str = "Harbour Gazette") -> Document:
    return Document(id=i, key=i, text=text, outlet=outlet)


def _claim(doc: Document, i: int, text: str, clause: str, *, polarity: str = "positive", mode: str = "asserted",
           holder: str | None = None) -> Claim:
    start = doc.text.index(clause)
    return Claim(id=f"{doc.id}:c{i}", text=text, holder=holder, polarity=polarity, mode=mode,
                 mentions=[ClaimMention(doc.id, "supports", start, start + len(clause), holder=holder)])


def _cluster(claims, docs, mentions=()):
    return cluster_claims(claims, [], [], {d.id: d for d in docs}, ACTORS, mentions=list(mentions))


def _traceable(claim: Claim, docs: dict[str, Document], swap: tuple[str, str] | None = None) -> bool:
    """The name, its capital, full stop and any substituted subject undone, lies inside a mention's span."""
    body = claim.text.rstrip(".…")
    for m in claim.mentions:
        span = docs[m.doc].text[m.start:m.end]
        if swap:
            span = span.replace(swap[0], swap[1], 1)
        if body.lower() in span.lower():
            return True
    return False


def _readable(text: str) -> bool:
    return text[:1].isupper() and text.endswith((".", "…")) and len(text) <= MAX_NAME


def test_a_claim_is_named_by_its_evidence_in_the_writers_inflection():
    d1 = _doc("d1", "The port minister said on Tuesday that Velora promised Kestria two new ferries by June. "
                    "Crowds gathered at the quay.")
    d2 = _doc("d2", "Velora has promised Kestria two new ferries by June, officials in the capital said.")
    claims = _cluster([
        _claim(d1, 0, "Velora promise Kestria two new ferries", "Velora promised Kestria two new ferries by June"),
        _claim(d2, 0, "Velora promise Kestria two new ferries", "Velora has promised Kestria two new ferries by "
               "June, officials in the capital said."),
    ], [d1, d2], [Mention("m1", "d1", 39, 45, "Velora", "vel"), Mention("m2", "d1", 55, 62, "Kestria", "kes"),
                  Mention("m3", "d2", 0, 6, "Velora", "vel"), Mention("m4", "d2", 20, 27, "Kestria", "kes")])
    (c,) = claims
    assert c.text == "Velora promised Kestria two new ferries by June."  # the shorter wording, attribution cut
    assert not LEMMAS & set(re.findall(r"[a-z]+", c.text.lower()))
    assert _readable(c.text) and _traceable(c, {"d1": d1, "d2": d2})
    assert c.proposition == "Velora promise Kestria two new ferries"  # what verify matches, kept apart


def test_attribution_conjunctions_and_stray_quotes_are_cut():
    assert clean_clause("and the ferry was delayed by three hours, the harbour master said.") == \
        "The ferry was delayed by three hours."
    assert clean_clause("“The quay will be rebuilt before winter,” Mirel told reporters on Friday.") == \
        "The quay will be rebuilt before winter."
    assert clean_clause("According to the coast guard, 42 sailors were rescued from the trawler") == \
        "42 sailors were rescued from the trawler."
    # a denial carries the sense: never cut
    assert clean_clause("Officials denied that the levy would rise.") == "Officials denied that the levy would rise."
    long = clean_clause("The council voted " + "to widen the harbour channel again " * 8)
    assert len(long) <= MAX_NAME and long.endswith("…") and not long[:-1].endswith(" ")


def test_a_pronoun_subject_is_replaced_by_the_actor_it_was_resolved_to():
    d1 = _doc("d1", "Ana Mirel visited the quay. She said the harbour would reopen in May after repairs.")
    start = d1.text.index("She")
    clause = "She said the harbour would reopen in May after repairs"
    (c,) = _cluster([_claim(d1, 0, "She say", clause)], [d1],
                    [Mention("m1", "d1", 0, 9, "Ana Mirel", "ana"),
                     Mention("m2", "d1", start, start + 3, "She", "ana", kind="pronoun")])
    assert c.text.startswith("Ana Mirel said the harbour would reopen in May")
    assert c.proposition.startswith("Ana Mirel ")
    assert names_subject(c.text, c.proposition)
    assert _traceable(c, {"d1": d1}, swap=("She", "Ana Mirel"))


def test_a_named_wording_is_preferred_and_a_bare_pronoun_is_marked():
    d1 = _doc("d1", "Witnesses waited for hours. They closed the bridge to all traffic on Sunday.")
    d2 = _doc("d2", "In the north, the river police closed the bridge to all traffic on Sunday evening.")
    mentions = []
    named = _cluster([_claim(d1, 0, "They close the bridge to all traffic", "They closed the bridge to all traffic "
                             "on Sunday"),
                      _claim(d2, 0, "the river police close the bridge to all traffic", "the river police closed the "
                             "bridge to all traffic on Sunday evening")], [d1, d2], mentions)
    (c,) = named
    assert c.text == "The river police closed the bridge to all traffic on Sunday evening."
    assert names_subject(c.text, c.proposition)
    (alone,) = _cluster([_claim(d1, 0, "They close the bridge", "They closed the bridge to all traffic on Sunday")],
                        [d1])
    assert alone.text == "They closed the bridge to all traffic on Sunday."
    assert not names_subject(alone.text, alone.proposition)


def test_a_claim_only_refuted_is_named_by_its_refutation_and_its_stances_read_from_it():
    d1 = _doc("d1", "The port minister said the ferries will not be sold to Kestria.")
    c0 = _claim(d1, 0, "the ferries not be sold to Kestria", "the ferries will not be sold to Kestria",
                polarity="negative", mode="future", holder="ana")
    (c,) = _cluster([c0], [d1])
    assert c.text == "The ferries will not be sold to Kestria."
    assert c.polarity == "negative" and [m.stance for m in c.mentions] == ["supports"]


def test_the_refuting_side_of_a_contradiction_is_worded_by_its_own_evidence():
    d1 = _doc("d1", "Velora will sell the ferries to Kestria this year.", outlet="Harbour Gazette")
    d2 = _doc("d2", "Velora will not sell the ferries to Kestria, the minister insisted.", outlet="Coast Times")
    claims = _cluster([
        _claim(d1, 0, "Velora sell the ferries to Kestria", "Velora will sell the ferries to Kestria this year"),
        _claim(d2, 0, "Velora not sell the ferries to Kestria", "Velora will not sell the ferries to Kestria, the "
               "minister insisted.", polarity="negative", mode="future"),
    ], [d1, d2], [Mention("m1", "d1", 0, 6, "Velora", "vel"), Mention("m2", "d2", 0, 6, "Velora", "vel")])
    (c,) = claims
    assert c.text == "Velora will sell the ferries to Kestria this year."
    (x,) = claim_contradictions(claims, {"d1": d1, "d2": d2})
    assert [s.value for s in x.sides] == [c.text, "Velora will not sell the ferries to Kestria."]


def test_without_document_texts_the_proposition_names_the_claim():
    d1 = _doc("d1", "Velora will sell the ferries to Kestria this year.")
    c0 = _claim(d1, 0, "Velora sell the ferries", "Velora will sell the ferries to Kestria this year")
    (c,) = cluster_claims([c0], [], [], {}, ACTORS)
    assert c.text == c.proposition == "Velora sell the ferries"


def test_two_claims_sharing_a_sentence_are_told_apart_where_one_has_another_wording():
    both = "Velora closed the port and Kestria shut the border crossing."
    d1 = _doc("d1", both)
    d2 = _doc("d2", "Velora closed the port to all shipping on Monday evening after the storm warning.")
    claims = _cluster([
        _claim(d1, 0, "Velora close the port", both),
        _claim(d1, 1, "Kestria shut the border crossing", both),
        _claim(d2, 0, "Velora close the port", d2.text),
    ], [d1, d2], [Mention("m1", "d1", 0, 6, "Velora", "vel"), Mention("m2", "d1", 26, 33, "Kestria", "kes"),
                  Mention("m3", "d2", 0, 6, "Velora", "vel")])
    names = {frozenset(m.doc for m in c.mentions): c.text for c in claims}
    assert names == {frozenset({"d1"}): "Velora closed the port and Kestria shut the border crossing.",
                     frozenset({"d1", "d2"}): "Velora closed the port to all shipping on Monday evening after the "
                                              "storm warning."}
