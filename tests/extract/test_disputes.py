"""Denials, what they deny and where the allegation is told, read from invented sentences."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.disputes import extract_disputes
from parallax.extract.quotes import extract_quotes
from parallax.model import Document


@pytest.fixture(scope="module")
def disputes_of(nlp):
    def run(text: str):
        doc = Document(id="d", key="d", text=text, published="2025-05-06")
        sdoc = nlp(text)
        actors = extract_actors(sdoc, doc)
        out = extract_disputes(sdoc, doc, actors, extract_quotes(sdoc, doc, actors))
        return [(r, actors) for r in out]
    return run


def _spans(text, record, stance):
    return [text[m.start:m.end] for m in record.mentions if m.stance == stance]


def test_a_rejected_allegation_with_its_content_and_denier(disputes_of):
    text = "The Chilean government rejected Peru's allegation that the raid was planned from Chilean soil."
    ((r, actors),) = disputes_of(text)
    assert r.id == "d:d0" and r.mode == "denied"
    assert r.text == "The raid was planned from Chilean soil"
    assert actors.actors[r.holder].country == "CHL"
    assert _spans(text, r, "refutes") == [text]


def test_an_allegation_told_first_and_rejected_in_apposition(disputes_of):
    text = "Peruvian officials blamed Chile, accusing it of arming the rebels, a charge Santiago quickly rejected."
    ((r, _),) = disputes_of(text)
    assert _spans(text, r, "supports") == ["Peruvian officials blamed Chile, accusing it of arming the rebels"]
    assert _spans(text, r, "refutes") == ["a charge Santiago quickly rejected."]


def test_an_anaphoric_denial_takes_what_the_sentence_before_reported(disputes_of):
    text = ("Peruvian officials said that Chilean troops shelled the border village of Ostra. "
            "\"This is completely false,\" Chilean envoy Mira Volk told reporters.")
    ((r, _),) = disputes_of(text)
    assert r.text == "Chilean troops shelled the border village of Ostra"
    assert _spans(text, r, "supports") == [text.split(" \"This")[0]]


def test_no_denial_in_a_condition_a_question_a_negation_or_a_refused_offer(disputes_of):
    for text in ("If Chile denies the report that its troops shelled Ostra, the talks will stop.",
                 "Did Chile deny the report that its troops shelled Ostra?",
                 "Chile did not deny the report that its troops shelled Ostra.",
                 "Chile rejected the proposal to hold talks in Ostra."):
        assert disputes_of(text) == [], text


def test_a_reported_disagreement_and_a_withheld_confirmation(disputes_of):
    text = ("Norwegian Foreign Minister Mikael Lund and Kenyan Foreign Minister Grace Wanjiru publicly disagreed "
            "about who started the dispute over fishing quotas.")
    ((r, actors),) = disputes_of(text)
    assert r.id == "d:g0" and r.text == "who started the dispute over fishing quotas"
    assert {actors.actors[m.holder].name for m in r.mentions} == {"Mikael Lund", "Grace Wanjiru"}
    text = "Despite media reports, the port authority did not confirm the death of the ferry captain."
    ((w, _),) = disputes_of(text)
    assert w.mode == "unconfirmed" and w.text == "The death of the ferry captain"


def test_an_anaphoric_denial_answers_the_nearest_alleging_sentence_and_a_quote_answering_itself_is_none(
        disputes_of):
    text = ("A court sentenced Lopez to six years in prison on fraud charges. An appeals court ordered a retrial "
            "for May. Lopez's lawyers have rejected all the accusations.")
    ((r, _),) = disputes_of(text)
    assert _spans(text, r, "supports") == ["A court sentenced Lopez to six years in prison on fraud charges."]
    said = "\"The constitution says the courts are independent, but that is clearly false,\" Soto said."
    assert disputes_of(said) == []
