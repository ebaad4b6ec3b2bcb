from parallax.store import Store
from parallax.verify.retrieve import SentenceIndex, open_index, split_sentences, store_key, tokenize


def test_sentence_spans_are_exact_offsets():
    text = "Title line\n\nOSLO — Norway will sell ships. Kenya said “no.” The end of it all.\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["OSLO — Norway will sell ships.", "Kenya said “no.”",
                                             "The end of it all."]


def test_tokenizer_drops_stopwords_and_folds_inflections():
    assert tokenize("The ships were sold and the frigates are selling") == ["ship", "sold", "frigate", "sell"]


def test_index_finds_the_sentence_and_is_cached_by_store_state(frigate_story):
    _, db = frigate_story
    with Store(db, read_only=True) as store:
        index = open_index(store)
        text = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
        hits = index.search(tokenize("cocoa harvest Ghana"), docs=2)
        assert len(hits) == 1
        (doc, found), = hits.items()
        assert "cocoa harvest" in text[doc][found[0].start:found[0].end]
        cached = SentenceIndex.load(db.parent / (db.name + ".verify"), store_key(store))
        assert cached is not None and cached.docs == index.docs
        assert SentenceIndex.load(db.parent / (db.name + ".verify"), "another-state") is None
