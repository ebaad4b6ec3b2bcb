"""Corroboration: which outlets carry each claim, how many of them independently, and which claims rest only
on anonymous sources.

Copies count once: a document's exact or near duplicates (stored, not analysed) add their outlet to the list
but not to the independent count, and so do outlets printing the same wire sentence
(:func:`parallax.link.independence.independent_count`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from parallax.link.independence import independent_count, root_doc
from parallax.model import Actor, Claim, ClaimMention, Document, Quote


def outlet_of(doc: Document) -> str:
    """The outlet a document speaks for: its named outlet, else its web host, else the document itself."""
    if doc.outlet:
        return doc.outlet
    host = urlsplit(doc.url).hostname if doc.url else None
    if host:
        return host.removeprefix("www.")
    return f"unknown:{doc.id[:8]}"


def copies_of(docs: Mapping[str, Document]) -> dict[str, list[str]]:
    """Original doc id -> ids of the documents that duplicate it (copies of copies included)."""
    out: dict[str, list[str]] = {}
    for d in docs.values():
        if d.duplicate_of:
            out.setdefault(root_doc(d.id, docs), []).append(d.id)
    return out


def _anonymous(cm: ClaimMention, actors: Mapping[str, Actor], quotes: Mapping[str, list[Quote]]) -> bool:
    if not cm.holder:
        return False  # the outlet's own voice is a named source
    a = actors.get(cm.holder)
    if a is not None and a.anonymous:
        return True
    return any(q.anonymous and q.start <= cm.start and cm.end <= q.end for q in quotes.get(cm.doc, ()))


def corroborate(claims: Sequence[Claim], docs: Mapping[str, Document], actors: Mapping[str, Actor] | None = None,
                quotes: Sequence[Quote] = ()) -> list[Claim]:
    """Fill ``outlets``, ``independent``, ``anonymous_only`` and ``first_reported`` of each claim in place."""
    actors = actors or {}
    copies = copies_of(docs)
    by_doc: dict[str, list[Quote]] = {}
    for q in quotes:
        by_doc.setdefault(q.doc, []).append(q)
    for c in claims:
        carrying: list[str] = []
        for cm in c.mentions:
            for d in (cm.doc, *copies.get(cm.doc, ())):
                if d not in carrying:
                    carrying.append(d)
        known = [docs[d] for d in carrying if d in docs]
        c.outlets = sorted({outlet_of(d) for d in known})
        items = [(cm.doc, docs[cm.doc].text[cm.start:cm.end] if cm.doc in docs else "") for cm in c.mentions]
        items += [(d, "") for d in carrying if docs.get(d) is not None and docs[d].duplicate_of]
        c.independent = independent_count(items, docs) if items else 0
        c.anonymous_only = bool(c.mentions) and all(_anonymous(cm, actors, by_doc) for cm in c.mentions)
        dates = sorted(d.published for d in known if d.published)
        c.first_reported = dates[0] if dates else None
    return claims
