from parallax.verify.claim import parse_claim


def test_claim_is_coded_like_an_article_sentence(nlp):
    c = parse_claim("Norway will sell four frigates to Kenya", nlp)
    assert (c.type, c.polarity, c.mode) == ("AID", "positive", "future")
    assert (c.source.country, c.target.country) == ("NOR", "KEN")
    assert "frigate" in c.words and c.predicate == "sell"


def test_negation_and_inverse_verbs_keep_supplier_and_recipient(nlp):
    neg = parse_claim("Norway will not sell frigates to Kenya", nlp)
    assert neg.negative and neg.type == "AID"
    buy = parse_claim("Kenya bought frigates from Norway", nlp)
    assert (buy.source.country, buy.target.country) == ("NOR", "KEN")
    assert not buy.negative


def test_claim_without_a_coded_event_still_has_its_parties_and_words(nlp):
    c = parse_claim("Ghana expects a record cocoa harvest", nlp)
    assert c.type is None
    assert c.source is not None and c.source.country == "GHA"
    assert {"cocoa", "harvest"} <= set(c.words)
