"""Sides a sentence implies but does not name: the speaker of "we", the pair of "the two countries", the other
side of a reply, an accusation, a casualty report or a nominal event.

Restraint first: a side is filled only from one unambiguous source, in a fixed order: the sentence itself (the
one other party it names besides the event's own side and its speakers), then the events of the previous
sentences (:class:`Discourse`). An event noun or an agentless report that would take a side from nowhere stays
uncoded.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.events.context import FIRST_PERSON, Discourse, is_pair_phrase
from parallax.extract.events.lexicon import REPORT_NOUNS, Frame

def implied(pred: Token, light: Token | None, frame: Frame, disc: Discourse, sources: list[str],
             targets: list[str], pair: list[str], subj: list[Token]) -> tuple[list[str], list[str], list[str]]:
    """Fill a side the sentence implies: "we" in a quote is its speaker, "the two countries" the pair just
    named, and a verb's missing other side the counterpart of the previous sentences ("China rejected the
    call": the caller)."""
    if not sources and not pair:
        for s in subj:
            if s.lower_ in FIRST_PERSON and (sp := disc.speaker(s.idx)):
                sources = [sp] if not frame.inverse else sources
                targets = targets if not frame.inverse else [sp]
            elif is_pair_phrase(s) and (frame.symmetric or not targets):  # "both countries withdrew ..."
                pair = disc.pair(pred.sent, s)
    if not pair and frame.symmetric:  # "more consultation between the two sides"
        for p in (c for h in (pred, light) if h is not None for c in h.children if c.lower_ == "between"):
            for o in p.children:
                if o.dep_ == "pobj" and is_pair_phrase(o):
                    pair = disc.pair(pred.sent, o)
    if not pair and not frame.symmetric and not frame.transfer and bool(sources) != bool(targets) \
            and (light is not None or pred.pos_ != "VERB") and not _done_by_a_thing(light or pred):
        # an event noun with one side: "Pyongyang's demand for relief", "sanctions against Turkey"
        other = disc.other_party(pred, sources or targets, agent=not sources)
        if other is not None:
            return (sources, [other], pair) if sources else ([other], targets, pair)
    if pair or frame.symmetric or light is not None or pred.pos_ != "VERB" or not _may_borrow(pred):
        return sources, targets, pair
    own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in pred.children)
    if sources and not targets and not frame.inverse:
        t = disc.counterpart(sources[0], here=own)
        targets = [t] if t else targets
    elif targets and not sources and frame.inverse:
        s = disc.counterpart(targets[0], here=own)
        sources = [s] if s else sources
    return sources, targets, pair


def _may_borrow(verb: Token) -> bool:
    """A verb may take its missing side from context only when nothing in its own clause names one: no actor
    object, no clause of its own ("denied that ..."), no report it dismisses."""
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            return False
        if c.dep_ in {"dobj", "dative", "oprd"} and c.pos_ in {"PROPN", "PRON"} and c.lower_ not in {"it", "them"}:
            return False
        if c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS \
                and any(g.dep_ in {"acl", "ccomp"} for g in c.children):
            return False
    return True


def _done_by_a_thing(tok: Token) -> bool:
    """"the system poses a threat": the event noun's own clause has a subject, and it is no party."""
    if tok.pos_ == "VERB":
        return False
    head = tok.head
    return tok.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in head.children)
