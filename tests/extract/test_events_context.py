"""Sides an event takes from its context: earlier clauses of the sentence, earlier sentences, pronouns and
descriptions that stand for a party named before, casualty reports."""

from tests.extract.events_helpers import run


def got(nlp, text, **kw):
    return {(s, t, ty, m) for s, t, ty, m, _ in run(nlp, text, **kw)[0]}


def dyads(nlp, text, **kw):
    return {(s, t, ty) for s, t, ty, _m, _ in run(nlp, text, **kw)[0]}


def test_a_reply_in_the_same_sentence_answers_the_earlier_clause(nlp):
    assert ("RUS", "EST", "REJECT") in dyads(nlp, "Estonia accused Russia of jamming GPS signals, a charge Moscow rejected.")
