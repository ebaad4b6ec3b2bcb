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


LINE = "Chile met Peru over item {} on Monday, officials said.\n"


def test_pieces_join_back_and_cut_at_line_ends():
    from parallax.language.nlp import pieces

    text = "".join(LINE.format(i) for i in range(400))
    parts = pieces(text, 1000)
    assert "".join(parts) == text
    assert len(parts) > 10 and all(len(p) <= 1000 for p in parts)
    assert all(p.endswith("\n") for p in parts[:-1])  # no sentence cut in two


def test_pieces_of_text_without_boundaries_still_join_back():
    from parallax.language.nlp import pieces

    text = "x" * 2500
    assert "".join(pieces(text, 1000)) == text and max(map(len, pieces(text, 1000))) == 1000


def test_a_text_longer_than_spacys_limit_is_parsed_whole_with_its_offsets(nlp, monkeypatch):
    from parallax.language.nlp import parse_one

    text = "".join(LINE.format(i) for i in range(300))
    monkeypatch.setattr(nlp, "max_length", 5000)  # spaCy refuses the whole text (E088) ...
    doc = parse_one(nlp, text, limit=2000)  # ... but not its pieces
    assert doc.text == text
    countries = [e for e in doc.ents if e.text == "Peru"]
    assert len(countries) == 300
    last = countries[-1]
    assert text[last.start_char:last.end_char] == "Peru" and last.start_char > 15000
    assert sum(1 for s in doc.sents if s.text.startswith("Chile met Peru")) == 300
