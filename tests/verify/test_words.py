from parallax.verify.retrieve import split_sentences
from parallax.verify.words import fold


def test_fold_meets_derivations_and_british_spellings():
    assert fold("aggressor") == fold("aggression") == fold("aggressive")
    assert fold("retaliated") == fold("retaliation") == fold("retaliate")
    assert fold("defence") == fold("defense")
    assert fold("organisation") == fold("organization") == fold("organize")
    assert fold("supplies") == fold("supplied") == fold("supply")
    assert fold("Chile's") == fold("Chile") == fold("chile")
    assert fold("nation") != fold("nat")  # short stems keep their suffix


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = ("The U.S. envoy met Lt. Gen. Rosa Ortiz in Lima on Monday. J. Smith of the U.N. agency said the "
            "talks went well.\nA new line starts a new sentence here.")
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["The U.S. envoy met Lt. Gen. Rosa Ortiz in Lima on Monday.",
                   "J. Smith of the U.N. agency said the talks went well.",
                   "A new line starts a new sentence here."]
