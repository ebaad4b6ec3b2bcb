"""Source profiles: each outlet's part in the story.

For an analyst the question about an outlet is: where does it stand on what everyone is talking about, what does
it alone report, and how much does it lean on unnamed sources. So a profile holds its stance on the story's main
claims (those carried by the most independent outlets, ranked as in ``parallax.link.salience``), the claims and
event clusters no other outlet carries, and the share of its quotes that come from anonymous sources.
Duplicates speak for their outlet with the original's voice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from parallax.link import salience
from parallax.link.claims import DISCUSSES, document_stance
from parallax.link.corroboration import copies_of, outlet_of
from parallax.link.independence import root_doc
from parallax.link.salience import ClaimActors
from parallax.model import Claim, Document, Event, EventCluster, Mention, Quote, SourceProfile

MAIN_CLAIMS = 10  # how many of the most widely carried claims each profile states a stance on


def main_claims(claims: Sequence[Claim], n: int = MAIN_CLAIMS, actors: ClaimActors | None = None) -> list[Claim]:
    """The leading claims (``parallax.link.salience``: independent outlets first) carried by two outlets or
    more, the outlets' stances on which a profile compares."""
    return salience.main_claims(claims, actors or ClaimActors(claims, {}, ()), n, min_outlets=2)


def _outlet_stance(stances: list[str]) -> str | None:
    sides = {s for s in stances if s != "unrelated"}
    if not sides:
        return None
    return sides.pop() if len(sides) == 1 else DISCUSSES


def source_profiles(docs: Mapping[str, Document], quotes: Sequence[Quote], claims: Sequence[Claim],
                    clusters: Sequence[EventCluster] = (), *, main: int = MAIN_CLAIMS,
                    events: Mapping[str, Event] | None = None, mentions: Sequence[Mention] = ()) -> list[SourceProfile]:
    """One profile per outlet (see module doc), sorted by outlet name; ``events`` (by id) and actor
    ``mentions`` tell which actors the claims are about, for ranking the main claims."""
    profiles: dict[str, SourceProfile] = {}
    docs_of: dict[str, list[str]] = {}
    for d in docs.values():
        o = outlet_of(d)
        p = profiles.setdefault(o, SourceProfile(outlet=o))
        p.documents += 1
        docs_of.setdefault(o, []).append(d.id)
    for q in quotes:
        if q.doc in docs:
            p = profiles[outlet_of(docs[q.doc])]
            p.quotes += 1
            p.anonymous_quotes += int(q.anonymous)
    copies = copies_of(docs)

    def voiced(doc_id: str) -> str:  # a duplicate speaks with its original's voice
        return root_doc(doc_id, docs)

    for c in claims:
        for o in c.outlets:
            if o in profiles:
                profiles[o].claims += 1
        if len(c.outlets) == 1 and c.outlets[0] in profiles:
            profiles[c.outlets[0]].exclusive_claims.append(c.id)
    for c in main_claims(claims, main, ClaimActors(claims, events or {}, mentions)):
        carried = {m.doc for m in c.mentions}
        carried |= {x for d in carried for x in copies.get(d, ())}
        for o, ids in docs_of.items():
            stance = _outlet_stance([document_stance(c, voiced(i)) for i in ids if i in carried])
            if stance:
                profiles[o].stances[c.id] = stance
    for k in clusters:
        outlets = {outlet_of(docs[d]) for d in k.docs if d in docs} or set(k.outlets)
        if len(outlets) == 1 and (o := next(iter(outlets))) in profiles:
            profiles[o].exclusive_events.append(k.id)
    for p in profiles.values():
        p.anonymous_share = round(p.anonymous_quotes / p.quotes, 3) if p.quotes else 0.0
        p.exclusive_claims.sort()
        p.exclusive_events.sort()
    return sorted(profiles.values(), key=lambda p: p.outlet)
