"""Contradictions between sources, each side with its evidence.

Attribute conflicts are found here; opposite claims in :mod:`parallax.link.claim_conflicts`, numbers and dates
between reports of one event in :mod:`parallax.link.numbers`; :func:`find_contradictions` gathers them all.

Attribute conflicts — one person given two incompatible offices ("Foreign Minister" in one text,
"Defence Minister" in another). Offices are compared after normalising spelling and dropping ranks and time
markers; two offices conflict when they share a head noun (minister, secretary, ...) but differ in portfolio.
An office marked as past ("former", "then", "ex-") is a change over time, so such pairs are flagged temporal.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from parallax.model import Actor, Claim, Contradiction, ContradictionSide, Document, Event, Evidence

# Head nouns of offices whose portfolio (the words before them) identifies one post.
OFFICE_HEADS = ("minister", "secretary", "advisor", "adviser", "chief", "ambassador", "commander", "director",
                "spokesperson", "spokesman", "spokeswoman", "governor", "president", "envoy", "chairman")
PAST = {"former", "then", "ex", "erstwhile", "outgoing", "previous", "late"}
NOISE = {"the", "of", "for", "and", "gen", "general", "lt", "col", "maj", "adm", "dr", "mr", "mrs", "ms",
         "deputy", "acting", "senior", "top", "state"}
SPELLING = {"defense": "defence", "adviser": "advisor", "counselor": "counsellor", "programme": "program"}


def _words(role: str) -> list[str]:
    words = re.findall(r"[a-z]+", role.lower())
    return [SPELLING.get(w, w) for w in words]


def normalise_office(role: str) -> tuple[str | None, frozenset[str], bool]:
    """(head noun, portfolio words, past?) of an office title; head None when it names no known office."""
    words = _words(role)
    past = any(w in PAST for w in words)
    head = next((w for w in reversed(words) if w in {SPELLING.get(h, h) for h in OFFICE_HEADS}), None)
    portfolio = frozenset(w for w in words if w not in PAST and w not in NOISE and w != head)
    return head, portfolio, past


def offices_conflict(a: str, b: str) -> bool | None:
    """True when two titles name different posts of the same kind; None when they don't compare."""
    ha, pa, _ = normalise_office(a)
    hb, pb, _ = normalise_office(b)
    if not ha or ha != hb:
        return None
    if not pa or not pb or pa <= pb or pb <= pa:  # "Minister" vs "Foreign Minister": compatible
        return False
    return True


def _cid(*parts: str) -> str:
    return "x" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def office_conflicts(actors: Sequence[Actor]) -> list[Contradiction]:
    out = []
    for actor in actors:
        if actor.kind != "person" or actor.anonymous:
            continue
        by_role: dict[str, list[Evidence]] = {}
        for rc in actor.role_claims:
            if rc.role:
                by_role.setdefault(rc.role, []).append(rc.evidence)
        for ra, rb in combinations(sorted(by_role), 2):
            if not offices_conflict(ra, rb):
                continue
            past = normalise_office(ra)[2] or normalise_office(rb)[2]
            out.append(Contradiction(
                id=_cid("attribute", actor.id, ra, rb), kind="attribute",
                about=f"office of {actor.name}",
                sides=[ContradictionSide(ra, by_role[ra]), ContradictionSide(rb, by_role[rb])],
                temporal=past,
            ))
    return out


def find_contradictions(actors: Sequence[Actor], claims: Sequence[Claim] = (),
                        docs: Mapping[str, Document] | None = None, events: Mapping[str, Event] | None = None,
                        details: Sequence[Contradiction] = ()) -> list[Contradiction]:
    """Every contradiction of the story: offices (attribute), opposite claims (claim), and the number/date
    conflicts between reports of one event that the event-clustering stage found (``details``)."""
    from parallax.link.claim_conflicts import claim_contradictions

    out = office_conflicts(actors)
    if claims:
        out += claim_contradictions(claims, docs or {}, events)
    seen = {c.id for c in out}
    out += [d for d in details if d.id not in seen]
    return out
