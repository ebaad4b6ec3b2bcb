"""Quotes end to end on invented articles: speakers, pronouns, anonymous sources, chains, the outlet's voice."""

import pytest

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes import extract_quotes
from parallax.model import Actor, Document, Mention

ARTICLE = """Harbour strike spreads to second port

Dock workers in Valparaiso walked off the job on Monday, the third strike this year.

“We have waited eleven months for a contract,” said union leader Camila Soto. “Our members will not wait another day.”

She added that the union would consider a national strike if talks failed.

A senior official at the Chilean labour ministry, who spoke on condition of anonymity, said the government would propose a mediator.

"The ministry is not taking sides," the official said.

The port operator said in a statement that cargo had been diverted to other terminals.

According to the Pacific Shipping Gazette, at least forty vessels were waiting offshore.

The newspaper quoted a Peruvian trade official as saying that exporters in Lima were already losing money.

Shipping rates have risen sharply since January.
"""


@pytest.fixture(scope="module")
def quotes(nlp):
    from parallax.extract.actors import extract_actors

    sdoc = nlp(ARTICLE)
    doc = Document(id="t1", key="t1", text=ARTICLE, outlet="Coast Herald")
    return extract_quotes(sdoc, doc, extract_actors(sdoc, doc))


def _by_text(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote contains {fragment!r}: {[q.text for q in quotes]}"
    return found[0]


def test_split_direct_quote_both_halves_attributed(quotes) -> None:
    first = _by_text(quotes, "We have waited eleven months")
    second = _by_text(quotes, "Our members will not wait")
    assert first.kind == second.kind == "direct"
    assert "Camila Soto" in first.speaker_text and "Camila Soto" in second.speaker_text
    assert first.speaker is not None and first.speaker == second.speaker
    assert first.cue == "said"


def test_pronoun_speaker_resolves_to_previous_speaker(quotes) -> None:
    q = _by_text(quotes, "the union would consider a national strike")
    assert q.kind == "indirect"
    assert "Camila Soto" in q.speaker_text
    assert q.text == "the union would consider a national strike if talks failed"


def test_anonymous_source_with_affiliation(quotes) -> None:
    q = _by_text(quotes, "the government would propose a mediator")
    assert q.anonymous
    assert q.affiliation is not None and "Chile" in q.affiliation
    later = _by_text(quotes, "The ministry is not taking sides")
    assert later.anonymous and later.speaker_text == q.speaker_text  # "the official" is the same source


def test_institution_in_statement(quotes) -> None:
    q = _by_text(quotes, "cargo had been diverted")
    assert "port operator" in q.speaker_text and not q.anonymous


def test_according_to_and_relay_chain(quotes) -> None:
    q = _by_text(quotes, "forty vessels were waiting offshore")
    assert "Pacific Shipping Gazette" in q.speaker_text
    relayed = _by_text(quotes, "exporters in Lima were already losing money")
    assert relayed.anonymous and relayed.affiliation and "Peru" in relayed.affiliation
    assert relayed.chain[0] == "Coast Herald"
    assert "Pacific Shipping Gazette" in relayed.chain[1]  # "the newspaper" is the outlet named before
    assert "trade official" in relayed.chain[-1]


def test_outlet_voice_is_not_quoted(quotes) -> None:
    assert not any("Shipping rates have risen" in q.text for q in quotes)
    assert not any("walked off the job" in q.text for q in quotes)


def test_ids_spans_and_order(quotes) -> None:
    assert [q.id for q in quotes] == [f"t1:q{i}" for i in range(len(quotes))]
    assert all(ARTICLE[q.start:q.end] == q.text for q in quotes)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_scare_quotes_are_labels_not_direct_quotes(nlp) -> None:
    """A quoted label is no direct quotation of its own: it is what the labeller said about the thing."""
    text = ('The council described the plan as a “historic step” for the region. '
            'Critics called it a “blank cheque” for developers.')
    doc = Document(id="t2", key="t2", text=text)
    quotes = extract_quotes(nlp(text), doc, DocActors("t2"))
    assert all(q.kind == "indirect" for q in quotes)
    assert {q.speaker_text: q.text for q in quotes} == {
        "The council": "the plan as a “historic step” for the region", "Critics": "it a “blank cheque” for developers"}


def test_fragment_inside_reported_clause_stays_in_it(nlp) -> None:
    text = 'The minister said the talks had been "very productive" and would continue in May.'
    doc = Document(id="t3", key="t3", text=text)
    quotes = extract_quotes(nlp(text), doc, DocActors("t3"))
    assert len(quotes) == 1 and quotes[0].kind == "indirect"
    assert '"very productive"' in quotes[0].text


def test_speaker_resolved_through_hand_built_actors(nlp) -> None:
    text = '"Prices will fall by June," Governor Tamsin Okafor told reporters in Abuja.'
    doc = Document(id="t4", key="t4", text=text)
    start = text.index("Tamsin Okafor")
    actors = DocActors("t4", actors={"t4:a0": Actor("t4:a0", "Tamsin Okafor", "person", country="NGA")},
                       mentions=[Mention("t4:m0", "t4", start, start + 13, "Tamsin Okafor", "t4:a0")])
    (q,) = extract_quotes(nlp(text), doc, actors)
    assert q.speaker == "t4:a0" and q.kind == "direct" and q.text == "Prices will fall by June,"
    assert q.cue == "told" and q.chain[-1].endswith("Tamsin Okafor")


def test_told_an_outlet_is_a_relay(nlp) -> None:
    text = "A Turkish defence official told the Ankara Daily News that the drones had been delivered."
    doc = Document(id="t5", key="t5", text=text, outlet="Wire")
    (q,) = extract_quotes(nlp(text), doc, DocActors("t5"))
    assert q.anonymous and q.affiliation in ("Turkey, defence", "Türkiye, defence")
    assert q.chain[0] == "Wire" and "Ankara Daily News" in q.chain[1]
