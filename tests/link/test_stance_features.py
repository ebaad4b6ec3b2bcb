import numpy as np

from parallax.link.stance.features import (FEATURE_NAMES, N_FEATURES, Vocabulary, batch_features, feature_index,
                                           pair_features, split_sentences, stem, tokenize)
from parallax.link.stance.fnc import fnc_score, headline_held_out, per_class_f1, split_of

COL = feature_index()
VOCAB = Vocabulary.fit([
    "The army moved troops to the northern border on Monday.",
    "Officials said the talks on grain exports would resume next week.",
    "The ministry confirmed that the ship had left port with a cargo of wheat.",
])
CLAIM = "Peru will sell helicopters to Ecuador"


def test_tokens_keep_contractions_and_stems_meet_inflections():
    assert "didn't" in tokenize("Lima didn’t sell them.")
    assert stem("supplies") == stem("supplied") == stem("supply")
    assert stem("helicopters") == stem("helicopter")
    assert split_sentences("He left. She stayed! Why? \"No,\" he said.") == [
        "He left.", "She stayed!", "Why?", "\"No,\" he said."]


def test_negation_next_to_a_claim_word_is_seen_and_mismatched():
    f = pair_features(CLAIM, "Peru said it will not sell helicopters to Ecuador.", VOCAB)
    assert f.shape == (N_FEATURES,) and len(FEATURE_NAMES) == N_FEATURES
    assert f[COL["best_neg_near"]] >= 1 and f[COL["best_neg_plain"]] >= 1 and f[COL["neg_mismatch"]] == 1
    g = pair_features(CLAIM, "Peru will sell helicopters to Ecuador, but not before 2027.", VOCAB)
    assert g[COL["best_neg_near"]] == 0 and g[COL["neg_mismatch"]] == 0
    h = pair_features(CLAIM, "Peru failed to sell helicopters to Ecuador.", VOCAB)
    assert h[COL["neg_mismatch"]] == 1


def test_hedged_negation_is_not_plain_and_hedges_are_counted():
    f = pair_features(CLAIM, "Peru may not sell helicopters to Ecuador, sources reportedly said.", VOCAB)
    assert f[COL["best_neg_near"]] >= 1 and f[COL["best_neg_plain"]] == 0
    assert f[COL["best_hedge"]] >= 2 and f[COL["best_own_voice"]] == 0


def test_coverage_separates_related_from_unrelated_text():
    rel = pair_features(CLAIM, "Peru will sell six helicopters to Ecuador. The deal was signed on Monday.", VOCAB)
    unrel = pair_features(CLAIM, "Heavy rain flooded the old town and closed two bridges.", VOCAB)
    assert rel[COL["cov_idf"]] == 1.0 and rel[COL["cov_best"]] == 1.0 and rel[COL["bigram_body"]] > 0.5
    assert unrel[COL["cov_idf"]] == 0.0 and unrel[COL["cos_body"]] == 0.0 and unrel[COL["bm25"]] == 0.0


def test_numbers_of_the_claim_are_checked():
    f = pair_features("Peru will sell 12 helicopters", "Peru will sell 8 helicopters to Ecuador.", VOCAB)
    assert f[COL["num_claim"]] == 1 and f[COL["num_found"]] == 0 and f[COL["num_missing"]] == 1


def test_denial_words_near_the_claim_and_degenerate_inputs():
    f = pair_features(CLAIM, "Peru denied reports that it would sell helicopters to Ecuador, calling them false.",
                      VOCAB)
    assert f[COL["best_refute"]] >= 2 and f[COL["top_deny_near"]] >= 1
    assert np.isfinite(batch_features([("", ""), (CLAIM, ""), ("", "Some text.")], VOCAB)).all()
    assert batch_features([], VOCAB).shape == (0, N_FEATURES)


def test_fnc_score_and_f1_follow_the_challenge_definition():
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert fnc_score(gold, gold) == 1.0
    # max = 1 + .25 + 1 + 1; got: related-but-wrong .25, unrelated right .25, discuss right 1, missed 0
    assert abs(fnc_score(gold, ["discuss", "unrelated", "discuss", "unrelated"]) - 1.5 / 3.25) < 1e-12
    f1 = per_class_f1(gold, ["agree", "unrelated", "agree", "disagree"])
    assert f1["disagree"] == 1.0 and abs(f1["agree"] - 2 / 3) < 1e-12 and f1["discuss"] == 0.0


def test_split_is_fixed_by_body_id_and_roughly_70_10_20():
    splits = [split_of(i) for i in range(3000)]
    assert splits == [split_of(i) for i in range(3000)]
    share = {s: splits.count(s) / len(splits) for s in ("train", "dev", "test")}
    assert 0.65 < share["train"] < 0.75 and 0.07 < share["dev"] < 0.13 and 0.16 < share["test"] < 0.24
    held = sum(headline_held_out(f"headline {i}") for i in range(2000)) / 2000
    assert 0.16 < held < 0.24
