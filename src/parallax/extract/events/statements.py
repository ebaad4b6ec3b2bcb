"""Accusations made by stating a hostile act: "Pakistan says India backed the attack" is an ACCUSE by Pakistan
of India, besides whatever the embedded clause reports.

A government or its officials that state, claim or allege that another side attacked, coerced, threatened or
mobilised, backed an attack or armed group, or failed or refused to act, accuse that side (CAMEO 112, "accuse
of aggression" and kin). Only a speaker with a state or IGO side counts, never an analyst or a newspaper; the
accused must be another side; the act must be hostile by its predicate, not by the speaker's tone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from parallax.extract.actors.types import DocActors, state_side
from parallax.extract.events import roles
from parallax.extract.events.lexicon import verb_frame

# verbs that state a clause as the speaker's own claim
CLAIM_VERBS = frozenset("""
say tell claim allege charge insist contend assert state declare maintain argue add confirm reiterate stress
""".split())
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
# objects that make backing or arming hostile: "backed the attack", "supported the militants"
HOSTILE_OBJECTS = frozenset("""
attack attacker militant terrorist terrorism insurgent insurgency separatist rebel bombing assault violence
""".split())
_BACKING = frozenset({"SUPPORT", "AID"})
_FAILING = frozenset({"fail", "refuse"})


def accusations(sent: Span, actors: DocActors, hostile: Iterable[tuple[Token, str, str]],
                speaker_at: Callable[[int], str | None]) -> list[tuple[Token, str, str]]:
    """(claim verb or sentence root, accuser, accused) for each accusation ``sent`` makes by statement.

    ``hostile`` holds the sentence's coded events as (predicate, source, type); an event inside a quote whose
    speaker is of another side is that speaker's accusation too ("Russia's illegal aggression," Joly said).
    """
    out: list[tuple[Token, str, str]] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CLAIM_VERBS:
            continue
        speakers = [a for a in roles.actors_of(roles.subject_of(verb)[0], actors) if _state_side(actors, a)]
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for pred in (clause, *clause.conjuncts):
                if not _hostile_clause(pred):
                    continue
                for accused in roles.actors_of(roles.subject_of(pred)[0], actors):
                    out += [(verb, s, accused) for s in speakers if _sides_differ(actors, s, accused)]
    for pred, source, plover in hostile:
        speaker = speaker_at(pred.idx)
        if plover in HOSTILE and speaker and _state_side(actors, speaker) and _sides_differ(actors, speaker, source):
            out.append((pred.sent.root, speaker, source))  # the saying is asserted, whatever the act's mode
    return out


def _hostile_clause(pred: Token) -> bool:
    """Whether a clause's predicate is a hostile act by its subject."""
    frame = verb_frame(pred.lemma_.lower())
    if frame is not None and frame.plover in HOSTILE:
        return True
    objs = [c for c in pred.children if c.dep_ in {"dobj", "pobj"}]
    objs += [p for c in pred.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    if frame is not None and frame.plover in _BACKING and any(o.lemma_.lower() in HOSTILE_OBJECTS for o in objs):
        return True
    return pred.lemma_.lower() in _FAILING and any(c.dep_ == "xcomp" for c in pred.children)


def _state_side(actors: DocActors, aid: str) -> bool:
    """A voice of a state or IGO: a country, an IGO, or an official or body of a state, named or by office ("the
    Lithuanian foreign minister"); no unnamed "sources" or "officials", no analyst who merely has a nationality."""
    a = actors.actor(aid)
    if a is None or not state_side(a):  # the side an event needs (``types.state_side``) and a stated office
        return False
    return a.kind == "country" or a.agent == "IGO" or (a.agent is not None and not (a.anonymous and a.kind == "group"))


def _sides_differ(actors: DocActors, a: str, b: str) -> bool:
    return roles.side_of(actors, a) != roles.side_of(actors, b)
