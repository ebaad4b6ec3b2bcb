"""A sentence's entities and the document's text, computed once per parse instead of once per question.

spaCy rebuilds ``Doc.ents`` (every entity span) on each access, ``Span.ents`` goes through it, and ``Doc.text``
re-joins every token. Extractors ask these per sentence, several times, so a document cost O(sentences × tokens)
per question: a fifth of extraction time. These helpers return the same values from a per-Doc cache kept in
``doc.user_data`` (never serialised: parses are stored with ``store_user_data=False``). Call them only after the
pipeline has finished with the Doc; nothing in Parallax edits entities afterwards.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

_ENTS = "parallax.ents"
_TEXT = "parallax.text"
T = TypeVar("T")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def ents(span: Span | Doc) -> list[Span]:
    """The entities wholly inside ``span``, in order: the same list ``span.ents`` gives."""
    doc = span if isinstance(span, Doc) else span.doc
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        all_ents = list(doc.ents)
        cached = doc.user_data[_ENTS] = (all_ents, [e.start for e in all_ents])
    all_ents, starts = cached
    if isinstance(span, Doc):
        return list(all_ents)
    out = []
    i = bisect_left(starts, span.start)
    while i < len(all_ents) and all_ents[i].end <= span.end:  # as spaCy's Span.ents: sorted, never overlapping
        out.append(all_ents[i])
        i += 1
    return out


class Covering(Generic[T]):
    """Which of a document's spans (quotes, clauses) cover a character position, without scanning them all.

    A long document has thousands of spans and asks about thousands of positions; a scan per question is
    quadratic. Spans are sorted by start once; a question looks back from the position only as far as the
    longest span reaches. :meth:`first` keeps the caller's order: the earliest span in ``items`` that matches.
    """

    def __init__(self, items: Sequence[T], start: Callable[[T], int], end: Callable[[T], int]) -> None:
        self._end = end
        self._order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self._items = items
        self._starts = [start(items[i]) for i in self._order]
        self._reach = max((end(x) - start(x) for x in items), default=0)

    def first(self, pos: int, keep: Callable[[T], bool] = lambda _: True) -> T | None:
        """The earliest item (in the given order) with ``start <= pos < end`` that ``keep`` accepts."""
        return self.first_in(pos, pos + 1, keep)

    def all_in(self, lo: int, hi: int) -> list[T]:
        """Every item overlapping ``[lo, hi)``, in the given order."""
        last = bisect_left(self._starts, hi)
        first = bisect_left(self._starts, lo - self._reach)
        found = sorted(i for i in self._order[first:last] if self._end(self._items[i]) > lo)
        return [self._items[i] for i in found]

    def first_in(self, lo: int, hi: int, keep: Callable[[T], bool] = lambda _: True) -> T | None:
        """The earliest item (in the given order) overlapping ``[lo, hi)`` (``start < hi`` and ``end > lo``)
        that ``keep`` accepts."""
        best = None
        last = bisect_left(self._starts, hi)
        first = bisect_left(self._starts, lo - self._reach)
        for k in range(first, last):
            i = self._order[k]
            item = self._items[i]
            if self._end(item) > lo and keep(item) and (best is None or i < best):
                best = i
        return None if best is None else self._items[best]
