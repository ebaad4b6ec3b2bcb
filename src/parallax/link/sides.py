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


def conflicting_values(by_doc: Mapping[str, Iterable[int]],
                       agree: Callable[[frozenset[int], frozenset[int]], bool]) -> set[int]:
    """The value indices involved in some conflict between two documents (``agree``, symmetric, says whether
    two value sets can both be true)."""
    counts = Counter(frozenset(v) for v in by_doc.values())
    sets = list(counts)
    involved: set[int] = set()
    for x, a in enumerate(sets):
        if counts[a] > 1 and not agree(a, a):
            involved |= a
        for b in sets[x + 1:]:
            if not agree(a, b):
                involved |= a | b
    return involved
