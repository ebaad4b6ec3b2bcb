"""Relevance and direction of invented sentences, by the stance guidelines (our own text, no real reporting)."""

import pytest

from parallax.verify.claim import parse_claim
from parallax.verify.direction import lean
from parallax.verify.relevance import names_matcher, read_document, relevant

NAMES = {"CHL": {"chile", "chilean", "santiago"}, "PER": {"peru", "peruvian", "lima"},
         "IND": {"india", "indian", "new delhi"}}


def stance(nlp, claim: str, text: str) -> str:
    c = parse_claim(claim, nlp)
    subject = names_matcher(NAMES.get(c.subject.country, c.subject.names)) if c.subject else None
    sentences = read_document(c.reading, text, subject)
    rel = relevant(sentences)
    return lean(c.reading, rel, sentences)[0] if rel else "unrelated"


def test_naming_the_parties_is_not_addressing_the_claim(nlp):
    claim = "India supported the rebels behind the port attack"
    text = ("India and Chile signed a trade pact on Monday. Rebels attacked the port of Arica last week, police "
            "said. Police said the rebels behind the port attack had foreign backing.")
    assert stance(nlp, claim, text) == "unrelated"
    assert stance(nlp, claim, text + " India supported the rebels behind the port attack, police said.") != \
        "unrelated"


def test_the_subject_carries_to_the_next_sentence_only_through_a_pronoun(nlp):
    claim = "India supported the rebels behind the port attack"
    assert stance(nlp, claim, "Ministers from India met in Lima on Monday. The rebels behind the port attack "
                              "had support from abroad, police said.") == "unrelated"
    assert stance(nlp, claim, "India has been named by the police. It supported the rebels behind the port "
                              "attack, they said.") != "unrelated"


@pytest.mark.parametrize(("claim", "text", "want"), [
    # own voice stands even when a denial is reported
    ("Chile is the aggressor in the border war",
     "Chile's aggression in the border war has displaced thousands of farmers. Chile denies it targeted civilians.",
     "supports"),
    # an attributed allegation with the other side's rejection next to it: both sides
    ("Chile is the aggressor in the border war",
     "Chile is the aggressor in the border war, Peru's foreign minister said on Tuesday. Chile rejected the "
     "accusation as baseless.", "discusses"),
    # an uncontested first-party denial
    ("Chile is the aggressor in the border war",
     "Chilean officials acknowledged the tension but rejected claims that Chile was the aggressor in the border war.",
     "refutes"),
    # plain negation in the outlet's voice; a later clause's "said" does not make it someone else's words
    ("Peru has agreed to the truce", "Peru has not agreed to the truce, but ministers said talks would go on.",
     "refutes"),
    # what ministers urge Peru to do, Peru has not done
    ("Peru has accepted the truce", "Ministers from six nations urged Peru on Friday to accept the truce.",
     "refutes"),
    # hedged
    ("Peru has accepted the truce", "Peru may accept the truce within days, people close to the talks said.",
     "discusses"),
    # a concession that takes the assertion back
    ("Peru supports the truce", "Peru supports the truce in principle, but details still need to be worked out.",
     "discusses"),
    # a negated claim flips the reading
    ("Peru will not accept the truce", "Peru accepted the truce on Monday.", "refutes"),
    # an allegation (claimed) against a denial
    ("Chile's new radar poses a threat to Peru's air defences",
     "Lima claims the radar poses a threat to Peru's air defences. Chilean Defence Minister Rosa Ortiz said the "
     "radar poses no threat to Peru's air defences.", "discusses"),
])
def test_direction_follows_the_guidelines(nlp, claim, text, want):
    assert stance(nlp, claim, text) == want
