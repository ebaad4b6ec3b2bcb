"""How verify reads a claim: a proposition with its evaluation, objects, quantifier, negation and modality."""

from parallax.verify.claim import parse_claim


def _terms(claim):
    return {t.text: t for t in claim.reading.terms}


def test_an_evaluative_claim_reads_its_evaluation_not_an_act(nlp):
    r = parse_claim("The sanctions on Chile are justified", nlp).reading
    assert r.evaluation == "justified" and r.predicate is None
    assert r.subject == "The sanctions on Chile"
    assert "is \"justified\"" in r.describe()
    agg = parse_claim("Chile is the aggressor in the border war", nlp)
    assert agg.reading.evaluation == "aggressor"
    assert agg.subject is not None and agg.subject.country == "CHL"  # the subject party, for relevance
    assert "Chile" not in _terms(agg)  # parties are asked apart, never as words a sentence must hold


def test_quantifier_negation_modality_and_phrasal_predicate(nlp):
    r = parse_claim("Peru will not release all the detained fishermen", nlp).reading
    assert (r.negated, r.modality, r.quantifier, r.predicate) == (True, "future", "all", "release")
    back = parse_claim("Chile will back down on the copper tariffs", nlp).reading
    assert back.predicate == "back down" and "back" in _terms(parse_claim(
        "Chile will back down on the copper tariffs", nlp))
    should = parse_claim("Peru should lift its sanctions before the talks", nlp).reading
    assert should.modality == "deontic"


def test_parentheses_and_slashes_are_alternatives(nlp):
    c = parse_claim("Chile has agreed to (accepted) the truce", nlp)
    terms = _terms(c)
    assert terms["accepted"].optional and not terms["agreed"].optional
    assert "accepted" not in c.reading.as_dict()["key_terms"]
    p = _terms(parse_claim("Peru lifted its pause/freeze on copper imports", nlp))
    assert {"paus", "freez"} <= p["pause"].forms and "freeze" not in p


def test_figures_and_time_are_read(nlp):
    r = parse_claim("Peru rescued 339 passengers on Wednesday", nlp).reading
    assert r.figures == ["339"] and r.time == ["Wednesday"]
    assert {"subject", "predicate", "evaluation", "objects", "figures", "negated", "quantifier", "modality",
            "key_terms"} <= set(r.as_dict())


def test_the_subject_party_is_its_head_or_the_party_of_a_group_noun(nlp):
    assert parse_claim("Chinese troops suffered heavy casualties in the clash", nlp).subject.country == "CHN"
    assert parse_claim("Peru's government will resign", nlp).subject.country == "PER"
    assert parse_claim("Chile's new radar poses a threat to Peru", nlp).subject is None  # about the radar
