"""Defiance: acting "despite X's protests" rejects X.

"Chile went ahead with the drills despite Peru's objections", "Bolivia will not give up its claim despite
pressure from Lima": whatever the clause reports, its doer turns down what the other side asked (CAMEO 120
"reject"). Only an opposition noun counts (a protest, objection, warning, call, pressure ...), and only when
its owner is named: "despite the rain" or "despite protests" rejects no one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.actors.types import DocActors, state_side
from parallax.extract.events import roles

OPPOSITION = frozenset("""
protest objection opposition warning criticism pressure call demand appeal plea concern condemnation threat
reservation resistance
""".split())


def defiances(sent: Span, actors: DocActors) -> list[tuple[Token, str, str, Token | None]]:
    """(verb, defier, opposer, threat) for each clause that acts despite a named side's opposition; ``threat``
    is the opposition's noun when it was a threat ("despite threats of X sanctions": X threatened too)."""
    out: list[tuple[Token, str, str, Token | None]] = []
    for prep in sent:
        if prep.lower_ != "despite" or prep.dep_ != "prep" or (verb := _clause_verb(prep)) is None:
            continue
        subj, passive = roles.subject_of(verb)
        doers = [] if passive else roles.actors_of(subj, actors)
        for noun in (n for p in prep.children if p.dep_ == "pobj" for n in roles.conjuncts(p)):
            if noun.lemma_.lower() not in OPPOSITION:
                continue
            named = roles.prep_objects(noun, {"from", "by", "of"})
            opposers = roles.modifier_actors(noun, actors) or roles.actors_of(
                [*named.get("from", []), *named.get("by", [])], actors) or [  # "threats of U.S. sanctions"
                a for o in named.get("of", []) for a in roles.modifier_actors(o, actors)]
            for s in doers:
                for t in opposers:
                    if roles.side_of(actors, s) != roles.side_of(actors, t) and (
                            state_side(actors.actor(s)) or state_side(actors.actor(t))):
                        out.append((verb, s, t, noun if noun.lemma_.lower() == "threat" else None))
    return out


def _clause_verb(prep: Token) -> Token | None:
    """The verb a "despite" phrase qualifies, also when the parser hung it on the verb's object ("will not give
    up its claim to the islands despite ...")."""
    cur = prep.head
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
        if cur.dep_ not in {"dobj", "pobj", "prep"} or cur.head is cur:
            return None
        cur = cur.head
    return None
