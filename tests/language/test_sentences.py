import pytest


def _sents(nlp, text):
    doc = nlp(text)
    assert doc.text == text  # offsets never move
    return [s.text.strip() for s in doc.sents]


@pytest.mark.parametrize("glued", ["in 2019.The", "forces?The", "agreed!Talks"])
def test_glued_sentence_end_is_split(nlp, glued):
    text = f"Chile bought the ships {glued} navy was pleased with the result."
    sents = _sents(nlp, text)
    assert len(sents) == 2
    assert sents[1].startswith(glued.split(".")[-1].split("?")[-1].split("!")[-1])


def test_abbreviations_and_urls_are_not_split(nlp):
    doc = nlp("The U.S.Navy sailed. See www.example.com today.")
    assert "www.example.com" in [t.text for t in doc]


def test_headline_line_starts_new_sentence(nlp):
    text = "Norway hails new trade pact\nOslo and Santiago signed a pact on Monday."
    sents = _sents(nlp, text)
    assert sents[0] == "Norway hails new trade pact"
    assert sents[1].startswith("Oslo")


def test_closing_quote_glued_to_next_sentence(nlp):
    sents = _sents(nlp, "He said it was “a good day.”The minister left early.")
    assert sents[-1].startswith("The minister")


def test_a_post_on_x_ends_its_sentence_but_initials_do_not(nlp):
    sents = _sents(nlp, "The ministry said so in a post on X. Rebels shelled the port. Gen. Ana M. Reyes left.")
    assert sents[:2] == ["The ministry said so in a post on X.", "Rebels shelled the port."]
    assert "Gen. Ana M. Reyes left." in " ".join(sents)
    assert not any(s.startswith("Reyes") for s in sents)
