"""Names the model cuts short become whole actors, never fragments ("Greta von der", "Omar Sai", "Tehrik")."""

from spacy.tokens import Doc, Span

from parallax.extract.actors import extract_actors
from parallax.model import Document


def _people_and_orgs(sdoc):
    doc = Document(id="t", key="t", text=sdoc.text)
    da = extract_actors(sdoc, doc)
    return {a.name for a in da.actors.values() if a.kind in {"person", "organization"} and not a.anonymous}


def test_a_name_cut_inside_a_hyphenated_word_grows_to_the_whole_word(nlp):
    sdoc = nlp("The attack was claimed by Tehrik-e-Azadi Front, a banned group.")
    assert [e.text for e in sdoc.ents if e.label_ == "ORG"] == ["Tehrik"]  # the model's cut
    assert _people_and_orgs(sdoc) == {"Tehrik-e-Azadi"}


def test_a_person_cut_after_a_particle_grows_over_the_surname(nlp):
    sdoc = nlp("Commission chief Greta von der Lahn spoke on Monday.")
    start = [t.text for t in sdoc].index("Greta")
    sdoc.ents = [Span(sdoc, start, start + 3, label="PERSON")]  # "Greta von der", as the model cuts some names
    assert _people_and_orgs(sdoc) == {"Greta von der Lahn"}


def test_a_name_cut_inside_a_word_grows_to_the_word_end(nlp):
    words = ["Talks", "with", "Omar", "Sai", "d", "ended", "on", "Monday", "."]
    spaces = [True, True, True, False, True, True, True, False, False]
    sdoc = nlp(Doc(nlp.vocab, words=words, spaces=spaces))  # a tokenizer that split "Said"
    sdoc.ents = [Span(sdoc, 2, 4, label="PERSON")]
    assert _people_and_orgs(sdoc) == {"Omar Said"}


def test_a_word_the_text_cuts_off_is_no_name(nlp):
    for text in ("Officials said the envoy would meet leaders from Freedonia and Pakist",
                 "Talks with Sudan and Pakist… were planned. The envoy met Bashir."):
        assert not any(n.startswith("Pakist") for n in _people_and_orgs(nlp(text)))
