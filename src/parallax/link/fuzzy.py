"""Candidate pairs of similar strings without comparing every pair in Python.

Strings are sorted by length; each chunk of them is scored in C (rapidfuzz ``cdist``) against the strings
of the lengths it can match, so a large store's tens of thousands of names or subject keys cost a few C
passes. The cut-off has a point of slack for float rounding: callers decide each pair exactly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

import numpy as np
from rapidfuzz import process

_CHUNK = 256  # strings per cdist call: bounds memory at _CHUNK × strings scores


def close_pairs(texts: list[str], scorer: Callable[..., float], cutoff: float,
                max_gap: int | None = None) -> list[tuple[int, int]]:
    """Index pairs (i < j) of ``texts`` whose ``scorer`` score may reach ``cutoff`` and, with ``max_gap``,
    whose lengths differ by at most that many characters."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    lens = [len(texts[i]) for i in order]
    ranked = [texts[i] for i in order]
    out: list[tuple[int, int]] = []
    for lo in range(0, len(ranked), _CHUNK):
        hi = min(lo + _CHUNK, len(ranked))
        end = len(ranked) if max_gap is None else bisect_right(lens, lens[hi - 1] + max_gap)
        if end - lo < 2:
            continue
        scores = process.cdist(ranked[lo:hi], ranked[lo:end], scorer=scorer, dtype=np.float32,
                               score_cutoff=cutoff - 1, workers=1)
        for r, c in zip(*np.nonzero(scores)):
            x, y = lo + int(r), lo + int(c)
            if x < y and (max_gap is None or lens[y] - lens[x] <= max_gap):
                out.append((min(order[x], order[y]), max(order[x], order[y])))
    return out
