"""Sides a sentence implies but does not name: the speaker of "we", the pair of "the two countries", the other
side of a reply, an accusation, a casualty report or a nominal event.

Restraint first: a side is filled only from one unambiguous source, in a fixed order: the sentence itself (the
one other party it names besides the event's own side and its speakers), then the events of the previous
sentences (:class:`Discourse`). An event noun or an agentless report that would take a side from nowhere stays
uncoded.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.actors.types import state_side
from parallax.extract.events import roles
from parallax.extract.events.context import FIRST_PERSON, Discourse, is_pair_phrase
from parallax.extract.events.lexicon import REPORT_NOUNS, Frame

_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
# acts reported without their doer, and the earlier events whose doer they may take: a casualty report
# answers a clash, a delivery the deal or the supply reported before
_AGENTLESS = {"ASSAULT": _HOSTILE, "COERCE": _HOSTILE, "AID": frozenset({"AID", "AGREE"})}
_REPORT_WINDOW = 4  # sentences back
_ADDRESSED = frozenset({"THREATEN", "REJECT"})  # acts aimed at whoever a quoted government speaks for
# nouns whose "that" clause states a fact: "the announcement that Peru had agreed to a truce"
_ANNOUNCED = frozenset({"announcement", "confirmation", "statement", "news", "decision"})
# subjects that are the means, not the doer: "a roadside bomb killed ..."
_MEANS = frozenset("""
attack bomb blast bombing explosion device strike airstrike missile rocket shell shelling drone fire gunfire
clash clashes fighting ambush raid mine grenade artillery
""".split())

def implied(pred: Token, light: Token | None, frame: Frame, disc: Discourse, sources: list[str],
            targets: list[str], pair: list[str], subj: list[Token],
            borrow: bool = False, plover: str = "") -> tuple[list[str], list[str], list[str]]:
    """Fill a side the sentence implies: "we" in a quote is its speaker, "the two countries" the pair just
    named, and a verb's missing other side the counterpart of the previous sentences ("China rejected the
    call": the caller). A dictionary frame states both its sides or stays uncoded, unless its reading says a
    side may come from context (``borrow``: "refused to hold talks" answers whoever offered them)."""
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
    if not pair and frame.symmetric and not sources and not targets and light is None and pred.pos_ != "VERB":
        pair = _mutual_pair(pred, disc)  # "since talks failed in Hanoi", "their second summit"
    if not pair and not sources and not targets and pred.lemma_.lower() in TRUCES:  # "a ceasefire in the
        pair = _warring(pred, disc)  # Peru-Chile war": between the sides at war
    if not pair and not targets and len(sources) == 1 and pred.lemma_.lower() in TRUCES:  # "Peru was ready for
        # a ceasefire": with the side it has been fighting
        t = disc.counterpart(sources[0], allow_named=False, types=_HOSTILE, window=_REPORT_WINDOW)
        return sources, ([t] if t else targets), pair
    if len(sources) == 1 and not targets and not pair and (plover or frame.plover) in _ADDRESSED \
            and (sp := disc.speaker(pred.idx, direct=True)) is not None and disc.side(sp) != disc.side(sources[0]) \
            and disc.actors.actor(sp) is not None and state_side(disc.actors.actor(sp)):
        # a government's spokesman quoted saying "X is refusing to meet", "X is threatening to strike": X
        # refuses or threatens the speaker's side
        return sources, [sp], pair
    if frame.dictionary and not borrow:
        return sources, targets, pair
    if not pair and not frame.symmetric and not frame.transfer and bool(sources) != bool(targets) \
            and (light is not None or pred.pos_ != "VERB") and not _done_by_a_thing(light or pred):
        # an event noun with one side: "Tehran's demand for relief", "sanctions against Turkey"
        other = disc.other_party(pred, sources or targets, agent=not sources)
        if other is None and targets and not sources and frame.plover in {"ASSAULT", "COERCE"} and pred.dep_ == "pobj" \
                and pred.head.lower_ == "under":  # "a convoy came under attack": by whoever attacked them lately
            other = disc.counterpart(targets[0], allow_named=False, types=_HOSTILE, window=_REPORT_WINDOW)
        if other is not None:
            return (sources, [other], pair) if sources else ([other], targets, pair)
    if targets and not sources and not frame.inverse and light is None and pred.pos_ == "VERB" \
            and frame.plover in _AGENTLESS and _agentless(pred):
        # "three soldiers were killed", "a roadside bomb killed two Indian soldiers", "arms were delivered to X"
        family = _AGENTLESS[frame.plover]
        s = disc.other_party(pred, targets, agent=True) or disc.counterpart(
            targets[0], allow_named=frame.plover == "ASSAULT", types=family, window=_REPORT_WINDOW)
        return ([s] if s else sources), targets, pair
    if frame.plover == "AGREE" and pred.pos_ == "VERB" and light is None and sources and not targets and not pair:
        # "Ukraine agreed to the ceasefire": to whoever proposed it, else the counterpart just reported
        agreed_to = any(c.dep_ == "prep" and c.lower_ in {"to", "on"} for c in pred.children) \
            and (pred.dep_ in {"ROOT", "ccomp", "conj"} or (pred.dep_ == "acl" and pred.head.lemma_.lower()
                                                           in _ANNOUNCED))  # stated, not asked for
        t = _proposer(pred, disc, sources) or (
            disc.counterpart(sources[0], allow_named=False, here=False) if agreed_to else None)
        return sources, ([t] if t else targets), pair
    if pair or frame.symmetric or (light is not None and not borrow) \
            or (pred.pos_ != "VERB" and not borrow) or not _may_borrow(pred):
        return sources, targets, pair
    # "attacked a train, taking hundreds hostage": a participle clause that shares its subject with the main
    # clause shares its victim too (the main clause's event is this sentence's)
    own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in pred.children) or (
        pred.dep_ == "advcl" and pred.tag_ == "VBG" and pred.head.pos_ == "VERB")
    if sources and not targets and not frame.inverse:
        # an attack on a place or on people of no named side: the other party of its sentence ("attacked a
        # convoy in Kenya's Turkana"), else the counterpart of the previous sentences
        active = own or (pred.tag_ != "VBN" and not any(c.dep_ == "agent" for c in pred.children))
        t = (disc.other_party(pred, sources, place=True) if frame.plover in {"ASSAULT", "COERCE"} and active
             and _of_known_side(disc, sources[0]) else None) or disc.counterpart(sources[0], here=own)
        targets = [t] if t and not _among(disc, t, sources) else targets  # "Egypt and Sudan rejected ...": no
    elif targets and not sources and frame.inverse:  # counterpart among the co-subjects
        s = disc.counterpart(targets[0], here=own)
        sources = [s] if s and not _among(disc, s, targets) else sources
    return sources, targets, pair


def _among(disc: Discourse, aid: str, side: list[str]) -> bool:
    return disc.side(aid) in {disc.side(a) for a in side}


def _of_known_side(disc: Discourse, aid: str) -> bool:
    """Whether a doer's side is known, so that the place it strikes can be its victim: "the army killed
    militants in Mali" names no army's country, and a state's forces acting at home are no interstate event."""
    a = disc.actors.actor(aid)
    return a is not None and not (a.anonymous and not a.country)


def _may_borrow(verb: Token) -> bool:
    """A verb may take its missing side from context only when nothing in its own clause names one: no actor
    object, no clause of its own ("denied that ..."), no report it dismisses."""
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            return False
        if c.dep_ in {"dobj", "dative", "oprd"} and c.pos_ in {"PROPN", "PRON"} and c.lower_ not in {"it", "them"}:
            return False
        if c.dep_ in {"dobj", "dative"} and any(g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children):
            return False  # "attacked The Wall Street Journal newspaper": a named object that is no party
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


_SINCE = frozenset({"since", "after", "until", "till", "when"})  # a clause dating the main one


def _mutual_pair(noun: Token, disc: Discourse) -> list[str]:
    """Who held talks named without their parties: "their second summit" is the pair just named. (Talks merely
    mentioned beside two parties are as often hypothetical or someone else's: no pair from that.)"""
    if any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children):
        return disc.pair(noun.sent, noun)
    clause = noun.head
    if noun.dep_ == "nsubj" and clause.dep_ == "advcl" and any(m.lower_ in _SINCE for m in clause.children):
        # "A and B have been locked in their positions since talks failed": the talks were theirs
        subj = [t for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in roles.conjuncts(c)]
        sides = roles.actors_of(subj, disc.actors)
        if len({disc.side(a) for a in sides}) == 2:
            return sides
    return []


def _agentless(verb: Token) -> bool:
    """A passive without its "by" agent, or an act whose subject is the weapon rather than the doer."""
    kids = list(verb.children)
    if any(c.dep_ == "nsubjpass" for c in kids):
        agents = [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return all(p.pos_ == "NOUN" and p.lemma_.lower() in _MEANS for p in agents)
    subj = [c for c in kids if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].pos_ == "NOUN" and subj[0].lemma_.lower() in _MEANS


def _proposer(verb: Token, disc: Discourse, exclude: list[str]) -> str | None:
    """Whose proposal an agreement accepts: "agreed to a U.S.-proposed ceasefire", "accepted China's plan"."""
    mine = {disc.side(a) for a in exclude}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "on", "with"}):
        for o in (p for p in prep.children if p.dep_ == "pobj"):
            for a in roles.modifier_actors(o, disc.actors):
                if disc.side(a) not in mine:
                    return a
    return None


_WARS = frozenset({"war", "conflict", "fighting", "hostilities"})


def _warring(truce: Token, disc: Discourse) -> list[str]:
    """The two sides of the war a truce is in or ends: "a ceasefire in the Chile-Peru war"."""
    wars = [p for c in truce.children if c.dep_ == "prep" and c.lower_ in {"in", "to", "of"}
            for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _WARS]
    for war in wars:
        sides = roles.modifier_actors(war, disc.actors) or roles.actors_of(
            roles.prep_objects(war, {"between"}).get("between", []), disc.actors)
        if len({disc.side(a) for a in sides}) == 2:
            return sides
    return []
