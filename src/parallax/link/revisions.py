"""Revisions: a figure that moves over the days of one developing story, told apart from a disagreement.

A breaking story's tallies change as it unfolds — rescued 104 on the first day, 190 the next morning, 339
the day after; killed 21, then 31. Outlets that report different figures at different times are not in
conflict: the count was revised. The conflicting values of a figure (the sides of a number contradiction)
read as a **revision** when:

- every side's documents carry a publication day, and the sides span at least two days;
- the values move one way: ordered by value (rising or falling), no document gives a value after a document
  that gave a later one (a lower toll never published after a higher one, for a rising count). Documents of
  one day are not ordered among themselves (the store keeps publication days), so same-day values only need
  to fit the order.

Two outlets giving different figures on one day with nothing later, or a figure that goes back to an earlier
value, stay a disagreement. A revision is still a contradiction of kind ``number`` (the contract's kinds are
fixed); it carries ``revision: true`` and its ``timeline``, each value with the day it was first published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from parallax.model import Document, RevisionStep


def _day(doc: str, docs: Mapping[str, Document]) -> str | None:
    d = docs.get(doc)
    return d.published[:10] if d is not None and d.published and len(d.published) >= 10 else None


def revision_timeline(sides: Sequence[tuple[str, float, Sequence[str]]],
                      docs: Mapping[str, Document]) -> list[RevisionStep] | None:
    """The timeline when the sides — (value as shown, numeric value, documents) — read as a revision (see
    module doc), else None."""
    if len(sides) < 2:
        return None
    dated: list[tuple[float, str, str, str, list[str]]] = []
    for shown, value, side_docs in sides:
        days = [_day(d, docs) for d in side_docs]
        if not days or any(x is None for x in days):
            return None
        ds = sorted(x for x in days if x)
        dated.append((value, ds[0], ds[-1], shown, list(dict.fromkeys(side_docs))))
    if len({x for v in dated for x in (v[1], v[2])}) < 2:
        return None
    for direction in (1, -1):
        order = sorted(dated, key=lambda v: direction * v[0])
        if all(a[2] <= b[1] for i, a in enumerate(order) for b in order[i + 1:]):
            return [RevisionStep(shown, first, ds) for _, first, _, shown, ds in order]
    return None
