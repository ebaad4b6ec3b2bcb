"""Speech acts without "said that" and reported clauses the parse hides: invented sentences, one shape each."""

import pytest

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes import extract_quotes
from parallax.model import Document


def _quotes(nlp, text: str):
    doc = Document(id="s1", key="s1", text=text)
    return extract_quotes(nlp(text), doc, DocActors("s1"))


def _one(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote holds {fragment!r}: {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The Northern Front claimed responsibility for the bombing of the depot.",
     "claimed responsibility for the bombing of the depot", "The Northern Front"),
    ("The foreign ministry urged Ruritania on Monday to withdraw its troops from the border.",
     "to withdraw its troops from the border", "The foreign ministry"),
    ("Provincial officials accused the neighbouring government of harbouring the fighters.",
     "the neighbouring government of harbouring the fighters", "Provincial officials"),
    ("The embassy rejected claims that its staff had been expelled.",
     "claims that its staff had been expelled", "The embassy"),
    ("The rebels routinely deny providing weapons to the smugglers.",
     "providing weapons to the smugglers", "The rebels"),
    ("The mayor stressed the urgency of repairing the dam before the rains.",
     "the urgency of repairing the dam", "The mayor"),
    ("The council called for an independent inquiry into the shooting.",
     "an independent inquiry into the shooting", "The council"),
    ("Opposition leaders dismissed the budget as a gift to the banks.",
     "the budget as a gift to the banks", "Opposition leaders"),
    ("The agency termed the leaked memo fake news.", "the leaked memo fake news", "The agency"),
    ("The governor assured farmers of compensation for the flooded fields.",
     "farmers of compensation for the flooded fields", "The governor"),
    ("The envoy insisted on a written guarantee of safe passage.",
     "a written guarantee of safe passage", "The envoy"),
])
def test_speech_act_carries_its_complement(nlp, text, content, speaker) -> None:
    q = _one(_quotes(nlp, text), content)
    assert q.kind == "indirect"
    assert q.speaker_text == speaker


def test_quoted_label_is_the_labellers_statement(nlp) -> None:
    q = _one(_quotes(nlp, 'The interior ministry called the opposition\'s figures "inexplicable" on Tuesday.'),
             "inexplicable")
    assert q.speaker_text == "The interior ministry" and q.kind == "indirect"


def test_rejected_charge_in_a_relative_clause(nlp) -> None:
    text = "The governor blamed the drought on upstream dams, a charge the neighbouring state quickly rejected."
    quotes = _quotes(nlp, text)
    q = _one(quotes, "a charge the neighbouring state quickly rejected")
    assert q.speaker_text == "the neighbouring state"
    assert _one(quotes, "the drought on upstream dams").speaker_text == "The governor"


@pytest.mark.parametrize("text", [
    "The explosion claimed twelve lives on Sunday.",  # no one speaks: an event took lives
    "The envoy plans to urge the council to act next week.",  # not said yet
    "The ministry rejected the offer of a loan.",  # a rejection of an offer is an act, not a statement
    "Residents welcomed the visiting minister.",  # no stated content
])
def test_no_quote_without_a_speaker_or_a_statement(nlp, text) -> None:
    assert _quotes(nlp, text) == []


def test_parenthetical_cue_inside_its_clause(nlp) -> None:
    text = "Tickets were sold at every station on the line, which, the mayor said, explained the missing names."
    q = _one(_quotes(nlp, text), "explained the missing names")
    assert q.speaker_text == "the mayor"


def test_relative_clause_reported(nlp) -> None:
    text = "In a statement, the militia claimed to have captured forty fighters, which it said were foreign mercenaries."
    q = _one(_quotes(nlp, text), "were foreign mercenaries")
    assert q.kind == "indirect"


def test_reported_clause_after_a_direct_quote_in_one_sentence(nlp) -> None:
    text = "“Run,” the driver said the gunmen had shouted at the passengers."
    q = _one(_quotes(nlp, text), "the gunmen had shouted at the passengers")
    assert q.kind == "indirect" and q.speaker_text == "the driver"


@pytest.mark.parametrize(("text", "content"), [
    ("The ambassador dismissed the panel of inspectors' findings as drafted and paid for by his rivals.",
     "as drafted and paid for by his rivals"),
    ('The farmers\' union called the plan to tax imported grain "deeply unfair and will ruin small farms."',
     '"deeply unfair and will ruin small farms'),
])
def test_label_the_parse_hangs_elsewhere(nlp, text, content) -> None:
    q = _one(_quotes(nlp, text), content)
    assert q.kind == "indirect"


def test_label_after_a_misparsed_object_runs_to_the_quotation(nlp) -> None:
    """The parse hangs the quoted label under the infinitive, not under "called": the label is still the
    statement, up to the end of the quotation."""
    from spacy.tokens import Doc

    rows = [("The", "the", "DET", "DT", "det", 2), ("trade", "trade", "NOUN", "NN", "compound", 2),
            ("council", "council", "NOUN", "NN", "nsubj", 3), ("called", "call", "VERB", "VBD", "ROOT", 3),
            ("the", "the", "DET", "DT", "det", 5), ("move", "move", "NOUN", "NN", "oprd", 3),
            ("to", "to", "PART", "TO", "aux", 7), ("tax", "tax", "VERB", "VB", "advcl", 3),
            ("grain", "grain", "NOUN", "NN", "dobj", 7), ('"', '"', "PUNCT", "``", "punct", 11),
            ("deeply", "deeply", "ADV", "RB", "advmod", 11), ("unfair", "unfair", "ADJ", "JJ", "oprd", 7),
            ('"', '"', "PUNCT", "''", "punct", 11), (".", ".", "PUNCT", ".", "punct", 3)]
    words, lemmas, pos, tags, deps, heads = (list(c) for c in zip(*rows))
    sdoc = Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads,
               sent_starts=[True] + [False] * (len(words) - 1))
    from parallax.extract.quotes.indirect import find_reported

    found = find_reported(sdoc, [w not in ('"', ".") and 9 < i < 12 for i, w in enumerate(words)], [False] * 14)
    assert [sdoc.text[r.start:r.end] for r in found] == ['the move to tax grain " deeply unfair']
