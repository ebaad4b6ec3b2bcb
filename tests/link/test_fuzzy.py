"""Candidate pairs from length-sorted cdist chunks equal the pairs found by scoring every pair."""

import random

import pytest
from rapidfuzz import fuzz

from parallax.link import fuzzy
from parallax.link.fuzzy import close_pairs


@pytest.mark.parametrize("scorer,cutoff,gap", [(fuzz.token_set_ratio, 85, None), (fuzz.token_sort_ratio, 93, 4)])
def test_close_pairs_find_every_pair_all_pairs_would(monkeypatch, scorer, cutoff, gap):
    monkeypatch.setattr(fuzzy, "_CHUNK", 9)  # many chunk boundaries
    rng = random.Random(11)
    words = "dam cost border treaty plant turbine raid airport signing visit loan program".split()
    texts = []
    for _ in range(150):
        t = " ".join(rng.sample(words, rng.randint(1, 5)))
        if rng.random() < 0.4:
            i = rng.randrange(len(t))
            t = t[:i] + rng.choice("aeoxz") + t[i + 1:]
        texts.append(t)
    texts = list(dict.fromkeys(texts))
    want = {(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
            if (gap is None or abs(len(texts[i]) - len(texts[j])) <= gap) and scorer(texts[i], texts[j]) >= cutoff}
    got = {p for p in close_pairs(texts, scorer, cutoff, max_gap=gap) if scorer(texts[p[0]], texts[p[1]]) >= cutoff}
    assert want and got == want
