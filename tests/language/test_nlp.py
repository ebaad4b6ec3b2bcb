from parallax.language.nlp import doc_from_bytes, doc_to_bytes, parse


def test_pipeline_has_sentence_fixes_first(nlp):
    assert nlp.pipe_names[:2] == ["parallax_glue", "parallax_breaks"]


def test_parse_keeps_order_and_text():
    texts = ["Chile signed the accord.", "Norway objected on Tuesday.", ""]
    docs = list(parse(texts, n_process=1, batch_size=2))
    assert [d.text for d in docs] == texts


def test_docbin_round_trip_keeps_parse(nlp):
    doc = next(parse(["Kenyan President Paul Otieno met envoys in Nairobi.\nTalks resume Friday"]))
    back = doc_from_bytes(doc_to_bytes(doc), nlp)
    assert back.text == doc.text
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in back] == [
        (t.text, t.dep_, t.head.i, t.ent_type_) for t in doc]
    assert [s.text for s in back.sents] == [s.text for s in doc.sents]
