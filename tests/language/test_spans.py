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


def test_covering_answers_as_a_scan_of_every_span_would():
    import random

    from parallax.language.spans import Covering

    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 60), rng.random() < 0.7) for s in (rng.randint(0, 2000) for _ in range(300))]
    cov = Covering(spans, lambda x: x[0], lambda x: x[1])
    for _ in range(2000):
        lo = rng.randint(-20, 2100)
        hi = lo + rng.randint(1, 80)
        keep = (lambda x: x[2]) if rng.random() < 0.5 else (lambda x: True)
        want = next((x for x in spans if x[0] < hi and x[1] > lo and keep(x)), None)
        assert cov.first_in(lo, hi, keep) == want
        assert cov.first(lo, keep) == next((x for x in spans if x[0] <= lo < x[1] and keep(x)), None)


def test_covering_lists_every_overlapping_span_in_the_given_order():
    import random

    from parallax.language.spans import Covering

    rng = random.Random(11)
    spans = [(s, s + rng.randint(1, 90)) for s in (rng.randint(0, 3000) for _ in range(400))]
    cov = Covering(spans, lambda x: x[0], lambda x: x[1])
    for _ in range(1000):
        lo = rng.randint(-50, 3100)
        hi = lo + rng.randint(1, 120)
        assert cov.all_in(lo, hi) == [x for x in spans if x[0] < hi and x[1] > lo]
