"""Which values of one figure put documents in conflict.

Each document gives a set of values (indices of the value groups its figures fall in); two documents conflict
when no value of one agrees with a value of the other, and every value of both is then a side of the
contradiction. Documents are compared by their distinct value sets, each pair of sets once (and a set with
itself when two documents share it), so a figure that thousands of outlets repeat costs the number of distinct
sets squared, not the number of documents squared. The result equals comparing every pair of documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import numpy as np

_ROWS = 1024  # value sets per matrix product: bounds memory at _ROWS × sets


def conflicting_values(by_doc: Mapping[str, Iterable[int]], n_values: int,
                       agree: Callable[[int, int], bool]) -> set[int]:
    """The value indices involved in some conflict between two documents; ``agree(i, j)`` (symmetric) says
    whether values i and j can both be true, and two documents agree when some value of one agrees with some
    value of the other. Set against set is one matrix product (sets × values × sets), not a Python loop."""
    counts = Counter(frozenset(v) for v in by_doc.values())
    sets = list(counts)
    if len(sets) < 2 and all(n < 2 for n in counts.values()):
        return set()
    ok = np.zeros((n_values, n_values), dtype=np.float32)
    for i in range(n_values):
        ok[i, i] = agree(i, i)
        for j in range(i + 1, n_values):
            ok[i, j] = ok[j, i] = agree(i, j)
    member = np.zeros((len(sets), n_values), dtype=np.float32)
    for r, vs in enumerate(sets):
        member[r, list(vs)] = 1.0
    reach = ok @ member.T  # values × sets: how many values of each set a value agrees with
    involved: set[int] = set()
    twice = np.array([counts[a] > 1 for a in sets])
    for lo in range(0, len(sets), _ROWS):
        agreeing = (member[lo:lo + _ROWS] @ reach) > 0  # set × set
        for r in range(agreeing.shape[0]):
            row = agreeing[r]
            row_self = row[lo + r]
            row[lo + r] = True
            if not row.all() or (twice[lo + r] and not row_self):  # a set that disagrees with another document
                involved |= sets[lo + r]
    return involved
