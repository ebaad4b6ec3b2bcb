"""Claims from quotes: a normalised proposition with holder, polarity and mode."""

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes import claims_from_quotes, extract_quotes
from parallax.model import Document

TEXT = ('Energy Minister Lars Berg said Norway will not sell gas to the consortium. '
        '"We have never supplied them," Berg told reporters. '
        'The company denied that it had bought Norwegian gas. '
        'Gas prices rose by four percent on Tuesday.')


def _claims(nlp, own_voice: bool = False):
    doc = Document(id="c1", key="c1", text=TEXT)
    sdoc = nlp(TEXT)
    quotes = extract_quotes(sdoc, doc, DocActors("c1"))
    return quotes, claims_from_quotes(doc, quotes, own_voice=own_voice)


def test_negated_future_claim(nlp) -> None:
    _, claims = _claims(nlp)
    c = next(c for c in claims if "sell" in c.text)
    assert c.text == "Norway not sell gas to the consortium"
    assert c.polarity == "negative" and c.mode == "future"
    (m,) = c.mentions
    assert m.stance == "supports" and TEXT[m.start:m.end].startswith("Norway will not sell")


def test_never_is_negation_and_holder_is_speaker(nlp) -> None:
    quotes, claims = _claims(nlp)
    c = next(c for c in claims if "supply" in c.text)
    assert c.polarity == "negative"
    speaker_of = {q.id: q.speaker for q in quotes}
    assert c.holder in speaker_of.values()


def test_denial_mode(nlp) -> None:
    _, claims = _claims(nlp)
    c = next(c for c in claims if "buy" in c.text)
    assert c.mode == "denied"


def test_own_voice_claims_only_when_asked(nlp) -> None:
    _, quoted = _claims(nlp)
    assert not any("price" in c.text.lower() for c in quoted)
    _, all_claims = _claims(nlp, own_voice=True)
    own = [c for c in all_claims if c.holder is None and "price" in c.text.lower()]
    assert own and own[0].mentions[0].holder is None
    assert [c.id for c in all_claims] == [f"c1:c{i}" for i in range(len(all_claims))]


def test_negative_quantifier_phrases_negate_the_claim(nlp) -> None:
    text = ('At no point is Norway planning to sell tanks to Chile, an official said. '
            'No country will buy the old frigates, the minister said.')
    doc = Document(id="n1", key="n1", text=text)
    sdoc = nlp(text)
    claims = claims_from_quotes(doc, extract_quotes(sdoc, doc, DocActors("n1")), sdoc)
    assert claims and all(c.polarity == "negative" for c in claims)


def _act_claims(nlp, text: str):
    doc = Document(id="a1", key="a1", text=text)
    sdoc = nlp(text)
    return claims_from_quotes(doc, extract_quotes(sdoc, doc, DocActors("a1")), sdoc)


def test_appeal_is_not_asserted_and_its_doer_is_the_addressee(nlp) -> None:
    claims = _act_claims(nlp, "The foreign ministry urged Ruritania to withdraw its troops from the border.")
    c = next(c for c in claims if "withdraw" in c.text)
    assert c.mode == "hypothetical"
    assert c.text.startswith("Ruritania withdraw")


def test_threat_is_future_and_denied_gerund_is_denied(nlp) -> None:
    claims = _act_claims(nlp, "The rebels threatened to blow up the bridge. The rebels deny providing weapons to the smugglers.")
    threat = next(c for c in claims if "blow" in c.text)
    assert threat.mode == "future" and threat.text.startswith("The rebels blow up")
    denial = next(c for c in claims if "provide" in c.text)
    assert denial.mode == "denied" and denial.text.startswith("The rebels provide")
