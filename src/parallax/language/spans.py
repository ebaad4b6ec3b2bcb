"""A sentence's entities and the document's text, computed once per parse instead of once per question.

spaCy rebuilds ``Doc.ents`` (every entity span) on each access, ``Span.ents`` goes through it, and ``Doc.text``
re-joins every token. Extractors ask these per sentence, several times, so a document cost O(sentences × tokens)
per question: a fifth of extraction time. These helpers return the same values from a per-Doc cache kept in
``doc.user_data`` (never serialised: parses are stored with ``store_user_data=False``). Call them only after the
pipeline has finished with the Doc; nothing in Parallax edits entities afterwards.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_ENTS = "parallax.ents"
_TEXT = "parallax.text"


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
    for e in all_ents[bisect_left(starts, span.start):]:
        if e.end > span.end:
            break  # as spaCy's Span.ents: entities are sorted and never overlap
        out.append(e)
    return out
