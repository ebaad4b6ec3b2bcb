"""The cached sentence entities and document text equal spaCy's own answers."""

from parallax.language.spans import doc_text, ents


def test_sentence_entities_and_text_match_spacy(nlp):
    doc = nlp("Mali and Niger signed a pact in Niamey on Monday. The African Union welcomed it. "
              "Its envoy, Amina Diallo, flew to Addis Ababa on March 3, 2024, for talks with Kenya.")
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in ents(sent)] == [(e.start, e.end, e.label_) for e in sent.ents]
        partial = doc[sent.start + 1: sent.end - 1]  # a span cutting an entity at either edge
        assert [(e.start, e.end) for e in ents(partial)] == [(e.start, e.end) for e in partial.ents]
    assert [(e.start, e.end) for e in ents(doc)] == [(e.start, e.end) for e in doc.ents]
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
