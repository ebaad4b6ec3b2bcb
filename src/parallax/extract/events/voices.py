"""Who voices an event: the narrator and the parties, or an outside commentator.

Event data codes what states and their officials do and say. An analyst's forecast ("Turkey will buy Russian
aircraft if the freeze is not lifted," said an analyst) or an expert's reading ("experts think the U.S. is
likely to respond with threats") is commentary about possible events, not an event: coders of the field leave
it out, and so does Parallax. A voice is read from the quote around the predicate, else from the subject of the
nearest framing verb above it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from parallax.extract.actors.types import ARMED_AGENTS, STATE_AGENTS, DocActors
from parallax.extract.events import roles
from parallax.model import Actor

# the modes of a forecast or a possibility: what a commentator may say without an event having happened
SPECULATIVE = frozenset({"future", "hypothetical", "negated"})
# verbs that frame a clause as someone's view or forecast
FRAMING = frozenset("say think believe suggest expect predict argue note fear doubt see add".split())
# common nouns of commentators: "analysts say", "experts think"
COMMENTATORS = frozenset("""
analyst expert observer critic commentator scholar researcher academic economist professor pundit
""".split())


def outside_voice(pred: Token, actors: DocActors, speaker_at: Callable[[int], str | None]) -> bool:
    """Whether the predicate is voiced by a commentator rather than by the narrator or a party: the speaker of
    its quote, else the subject of its nearest framing verb, is no voice of a state or IGO."""
    speaker = speaker_at(pred.idx)
    if speaker is not None and actors.actor(speaker) is not None:
        return commentator(actors.actor(speaker))
    for g in list(pred.ancestors)[:6]:
        if g.pos_ != "VERB" or g.lemma_.lower() not in FRAMING:
            continue
        subj = roles.subject_of(g)[0]
        if any(s.lemma_.lower() in COMMENTATORS for s in subj):
            return True
        found = [actors.actor(a) for a in roles.actors_of(subj, actors)]
        return bool(found) and all(commentator(a) for a in found)
    return False


def commentator(a: Actor | None) -> bool:
    """Someone who speaks for no state or armed party: an analyst, a professor, a think tank, a university, a
    named person with no office. A spokesman or an officer, named or not, speaks for his side, known or not."""
    if a is None or a.kind == "country" or a.agent == "IGO":
        return False
    agent = (a.agent or "").rstrip("?")
    if agent in STATE_AGENTS or agent in ARMED_AGENTS:
        return False
    return bool(agent) or not a.roles  # a scholar, a think tank, a company; or a bare name with no office
