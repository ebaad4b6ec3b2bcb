"""Which words open an event in a sentence, and as what the words around it make it: light verbs and nouns
lending their subject or owner to an event noun ("held talks", "Trump's imposition of sanctions"), reversals
("lifted sanctions"), refusals, threats, pledges and requests that govern an act.

How a verb occurrence reads on its own is ``verbs``; threats and their conditions are ``conditions``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from parallax.extract.actors.types import DocActors
from parallax.extract.events import parties, roles
from parallax.extract.events.conditions import COERCIVE, in_condition
from parallax.extract.events.lexicon import (ECONOMIC_MODIFIERS, EXEMPTING, LIGHT_NOUNS, LIGHT_VERBS, MILITARY_UNITS,
                                             REPORT_NOUNS, REVERSAL_NOUNS, REVERSALS, Frame, noun_frame, sought,
                                             verb_frame)
from parallax.extract.events.mode import event_mode
from parallax.extract.events.verbs import demand_by_clause

PROPOSALS = frozenset("proposal plan request call demand appeal offer initiative motion".split())
PRESSING = frozenset({"lobby", "pressure", "press", "push", "compel"})  # "lobbied the EU to abandon the tariffs"
PREPARING = frozenset({"prepare", "gear", "ready", "poise"})
CALLING = frozenset({"call", "press", "push", "lobby", "appeal", "clamor", "clamour", "campaign"})
PORTIONS = frozenset("part portion half some most much all rest share bulk".split())  # "cut part of the aid"


def nil_measure(noun: Token) -> bool:
    """"zero tariffs", "zero-for-zero tariffs": free trade described by its tariffs, not a measure taken."""
    return any(c.dep_ in {"amod", "nummod", "compound"} and c.lower_.startswith("zero") for c in noun.children)


def noun_reading(noun: Token, frame: Frame) -> Frame:
    """"trade war", "tariff war": an economic war is a sanction, not an assault; a call for something is a
    demand, not a phone call ("Washington's call for full denuclearization")."""
    if frame.lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return Frame("call", "N", "100", "REQUEST", frozenset({"on", "to"}))
    if frame.plover == "ASSAULT" and any(c.lemma_.lower() in ECONOMIC_MODIFIERS for c in noun.children
                                         if c.dep_ in {"compound", "amod"}):
        return replace(frame, cameo="163", plover="SANCTION", target_deps=frame.target_deps | {"with"})
    return frame


def lends_to_noun(verb: Token, frame: Frame, actors: DocActors) -> bool:
    """A light verb whose object is an event noun ("held talks") or a report ("dismissed reports")."""
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            if c.lemma_.lower() in REPORT_NOUNS and any(g.dep_ in {"acl", "ccomp", "relcl"} for g in c.children):
                # "dismissed reports that ...": the embedded act is the event, in denied mode; but rejecting
                # someone's allegation is also a rejection of that someone
                return not (frame.plover == "REJECT" and parties.owners(c, actors))
            if verb.lemma_.lower() in LIGHT_VERBS and noun_frame(c.lemma_):
                return True
            if (f := noun_frame(c.lemma_)) is not None and f.plover == "SANCTION" \
                    and (reversal_verb(verb), f.plover) in REVERSALS:
                return True  # "removed the duties": the measure eased, not a removal of its own
    return _relative_light(verb) is not None


def _relative_light(verb: Token) -> Token | None:
    """"the deal it struck with X", "the agreement signed on Friday": a light verb in a clause on its event noun
    (no object of its own) lends the noun its subject and its prepositional parties; the noun is returned."""
    head = verb.head
    if verb.dep_ in {"relcl", "acl"} and verb.lemma_.lower() in LIGHT_VERBS and head.pos_ == "NOUN" \
            and noun_frame(head.lemma_) and not any(c.dep_ == "dobj" for c in verb.children):
        return head
    return None


def under_request(verb: Token) -> bool:
    """An act someone else asks for ("urged Iran to halt ...") is the request's content, not an event."""
    head = verb.head
    if verb.dep_ in {"acl", "relcl", "advcl"} and head.pos_ == "NOUN" and any(a.lower_ == "to" for a in verb.children):
        if head.lemma_.lower() in PROPOSALS and any(c.dep_ == "nsubj" for c in verb.children):
            return True  # "a proposal for the Council to lift sanctions": the act proposed, not done
        asked = noun_frame(head.lemma_)  # "a demand from X to stop the attacks"
        return asked is not None and asked.plover in {"REQUEST", "THREATEN"}  # ... "an ultimatum to X to leave"
    if verb.dep_ == "pcomp" and head.lower_ == "for" and head.head.pos_ == "NOUN" \
            and (asked := noun_frame(head.head.lemma_)) is not None and asked.plover == "REQUEST":
        return True  # "an appeal for deploying troops", "calls for lifting the embargo": the act asked for
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.dep_ == "xcomp" and under_request(head):
        return True  # "urge the Commission to reconsider raising tariffs": the raising is asked for too
    lem = head.lemma_.lower()
    return verb.dep_ in {"xcomp", "ccomp"} and lem in roles.OBJECT_CONTROL - {"invite", "help"} \
        and (bool(verb_frame(lem)) or lem in PRESSING or demand_by_clause(head, lem) is not None)


def reversal_verb(light: Token) -> str:
    """The verb a light word stands for: itself, or the verb of a reversal noun ("suspension" → suspend)."""
    lem = light.lemma_.lower()
    return REVERSAL_NOUNS.get(lem, LIGHT_NOUNS.get(lem, lem)) if light.pos_ == "NOUN" else lem


def shared_lights(light: Token | None) -> list[Token]:
    """Verbs coordinated with a light verb that share its object: "imposed and then delayed a tariff" (the
    parser hangs the object on the last verb only). A coordinated verb with an object of its own is its own."""
    if light is None or light.pos_ != "VERB":
        return []
    out = []
    for v in light.conjuncts:
        lem = v.lemma_.lower()
        if v.pos_ == "VERB" and v.i < light.i and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in v.children) \
                and (lem in LIGHT_VERBS or any(lem == r for r, _ in REVERSALS)):
            out.append(v)
    return out


def light_verb(noun: Token) -> Token | None:
    """The word that lends an event noun its subject or reverses it: a light verb ("held talks"), a verb it is
    in ("took part in exercises"), a light verb in a clause on it, or a reversal noun ("the pause in aid")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in {"in", "of", "on"} and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in REVERSAL_NOUNS:
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LIGHT_NOUNS:
        return head.head  # "Trump's imposition of sanctions"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PORTIONS:
        noun = head.head  # "suspended part of a military aid programme": the light verb of the portion
        head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        lem = head.lemma_.lower()
        if lem in LIGHT_VERBS or any(lem == v for v, _ in REVERSALS):
            return head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in INTENTS \
            and (f := noun_frame(noun.lemma_)) is not None and f.plover in _INTENT_CODE:
        return head.head  # "is ready for talks with X": the intent lends its subject (not "prepared for an attack")
    if noun.dep_ == "pobj" and head.lower_ == "from":  # "exempted Mexican cars from the tariffs", the "from"
        spared = head.head.head if head.head.dep_ == "dobj" else head.head  # on the verb or on its object
        if spared.lemma_.lower() in EXEMPTING:
            return spared
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"in", "into"} \
            and head.head.pos_ in {"VERB", "AUX"}:
        return head.head  # "took part in exercises", "is in talks with"
    for c in noun.children:
        if _relative_light(c) == noun:
            return c
    return None


def object_of_trigger(noun: Token) -> bool:
    """"criticised the deal": the noun is what another predicate is about, not an event of its own; so are the
    goods a measure falls on ("tariffs on Canadian exports", "a ban on imports")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in {"on", "against"}:
        measure = noun.head.head
        frame = noun_frame(measure.lemma_) if measure.pos_ == "NOUN" else None
        if frame is not None and frame.plover == "SANCTION":
            return True
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB" and bool(verb_frame(noun.head.lemma_))


# Heads of an infinitive that turn the act into a refusal, a threat or a commitment: "refused to lift",
# "threatened to cut", "is ready to accept".
REFUSALS = frozenset({"refuse", "decline"})
THREATS = frozenset({"threaten"})
VOWS = frozenset({"vow", "swear"})  # a threat when the act is coercive, else a pledge
INTENTS = frozenset("ready willing prepared".split())  # offers and pledges keep their act, as possible or future
# verbs that commit their subject to the act of their infinitive: "offered to hand over", "agreed to lift"
INTENT_VERBS = frozenset("offer agree promise pledge commit propose vow swear".split())
AGREEING = frozenset({"agree"})  # ... of which an agreement to act is also the act to come ("agreed to resume talks")
_REJECT_CODE = {"AID": "1222", "CONSULT": "125", "AGREE": "127", "COOPERATE": "121", "CONCEDE": "124",
                "RETREAT": "1246"}
_THREAT_CODE = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "138", "CONSULT": "1313", "AGREE": "1313",
                "COOPERATE": "1313", "AID": "1311"}
_INTENT_CODE = {"AID": "033", "CONSULT": "036", "COOPERATE": "031", "CONCEDE": "035", "RETREAT": "0356",
                "AGREE": "030", "SUPPORT": "032"}
# What one yields or reverses: refusing it ("will not back down", "won't lift the embargo") is a rejection.
_YIELDING = frozenset({"CONCEDE", "RETREAT"})


def _refusal_above(anchor: Token) -> Token | None:
    """A refusal two or three steps up the clause: "refused to commit to any assistance"."""
    cur = anchor
    for _ in range(4):
        if cur.dep_ not in {"xcomp", "prep", "pobj"} or cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in REFUSALS:
            return cur
    return None


def _prepared(anchor: Token) -> Token | None:
    """The verb of readying an attack is staged under, through up to two controlled verbs: "prepared to resume
    shelling X", "is gearing up to strike". Readying force is mobilising it (CAMEO 15x), not yet an attack."""
    cur = anchor
    for _ in range(2):
        if cur.dep_ != "xcomp":
            return None
        cur = cur.head
        if cur.lemma_.lower() in PREPARING:
            return cur
    return None
    return None


def _called_for(noun: Token) -> bool:
    """A measure someone calls or presses for: "called for sanctions against X", "pushed for strikes on X"."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in CALLING


def agreed_act(pred: Token, light: Token | None, frame: Frame) -> bool:
    """"Agreed to resume talks": besides the agreement (AGREE), the act agreed on is an event to come."""
    anchor = light or pred
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in AGREEING \
        and frame.plover in _INTENT_CODE and frame.plover != "AGREE"


@dataclass(frozen=True, slots=True)
class Reading:
    """How one predicate occurrence is coded after the words around it: type, code, and (when the governing
    words decide it) the mode and whether the missing side may come from context."""

    cameo: str
    plover: str
    mode: str | None = None
    borrow: bool = False


def reading(pred: Token, light: Token | None, frame: Frame) -> Reading | None:
    """Type and code of an occurrence: reversals ("lifted sanctions"), refusals, threats and commitments that
    govern it, and a refused concession ("will not back down", "won't cancel the drills") read as a rejection.
    None: the act is only the content of a request ("urged Iran to halt ...")."""
    plover, code = frame.plover, frame.cameo
    reversed_ = False
    if light is not None and (reversal := (reversal_verb(light), plover)) in REVERSALS:
        code, plover = REVERSALS[reversal]
        reversed_ = True
    anchor = light or pred
    if light is not None and under_request(light):
        return None
    if light is None and plover in COERCIVE and _called_for(pred):
        return Reading("111", "ACCUSE")  # "called for sanctions against Nigeria": hostile words, no measure yet
    if plover == "ASSAULT" and (prep := _prepared(anchor)) is not None:  # "prepared to resume shelling X"
        return Reading("154", "MOBILIZE", mode=event_mode(prep))
    if sought(light, plover):  # "seeking military assistance from Russia": a request for it
        return Reading("103" if plover == "AID" else "100", "REQUEST")
    while anchor.dep_ == "conj" and anchor.head.pos_ == "VERB" and anchor.head.dep_ == "xcomp":
        anchor = anchor.head  # "threatened to close or suspend X": the second act is threatened too
    head = anchor.head.lemma_.lower() if anchor.dep_ in {"xcomp", "acomp"} or anchor.head.pos_ in {"ADJ", "VERB"} \
        else ""
    if anchor.dep_ == "xcomp" and head in REFUSALS:
        return Reading(_REJECT_CODE.get(plover, "120"), "REJECT", borrow=True)
    if plover in _REJECT_CODE and (refuser := _refusal_above(anchor)) is not None:
        return Reading(_REJECT_CODE[plover], "REJECT", mode=event_mode(refuser), borrow=True)
    if anchor.dep_ == "xcomp" and head == "hesitate" and any(c.dep_ == "neg" for c in anchor.head.children):
        # "will not hesitate to impose sanctions": a threat (or, for help, a pledge), never a negated act
        if plover in COERCIVE:
            return Reading(_THREAT_CODE.get(plover, "130"), "THREATEN", mode="asserted")
        if plover in _INTENT_CODE and any(a.lower_ in {"will", "would", "'ll"} for a in anchor.head.children):
            return Reading(_INTENT_CODE[plover], "AGREE", mode="asserted")
        return Reading(code, plover, mode="asserted")
    if anchor.dep_ == "xcomp" and head == "hesitate":  # "hesitated to impose sanctions": not done, not refused
        return Reading(code, plover, mode="hypothetical")
    if anchor.dep_ == "xcomp" and (head in THREATS or (head in VOWS and plover in COERCIVE)):
        # "threatened to cut", "vowed to retaliate": the threat is as real as the vow, whatever comes of it
        return Reading(_THREAT_CODE.get(plover, "130"), "THREATEN", mode=event_mode(anchor.head))
    if light is not None and light.lemma_.lower() in INTENTS and plover in _INTENT_CODE:  # "ready for talks"
        return Reading(_INTENT_CODE[plover], "AGREE", mode=event_mode(light.head if light.dep_ == "acomp" else light))
    if anchor.dep_ == "xcomp" and head in INTENTS and plover in _INTENT_CODE:
        return Reading(_INTENT_CODE[plover], "AGREE", mode=event_mode(anchor.head))
    if anchor.dep_ == "xcomp" and anchor.head.pos_ == "VERB" and head in INTENT_VERBS and plover in _INTENT_CODE \
            and not (head == "agree" and frame.transfer):  # "agreed to buy tanks": the sale, as its own act
        return Reading(_INTENT_CODE[plover], "AGREE", mode=event_mode(anchor.head))
    if (plover in _YIELDING or reversed_) and event_mode(pred, light) == "negated" and not in_condition(anchor):
        return Reading(_REJECT_CODE.get(plover, "124") if not reversed_ else "124", "REJECT", mode="asserted",
                       borrow=True)
    return Reading(code, plover)


_FORCES = frozenset({"army", "military", "navy", "police", "guard", "militant", "rebel", "fighter", "gunman"})


def verbal_clash(pred: Token, light: Token | None, subj: list[Token]) -> bool:
    """"Chile and Peru clashed over fishing rights": a clash over an issue between parties that are no armed
    forces is a quarrel (CAMEO 111), not a fight; "troops clashed over the ridge" stays a fight."""
    head = light or pred
    preps = [c for c in (*head.children, *pred.children) if c.dep_ == "prep"]
    if not any(p.lower_ in {"over", "about"} for p in preps):
        return False
    words = {t.lemma_.lower() for s in subj for t in s.subtree}
    words |= {t.lemma_.lower() for p in preps if p.lower_ in {"with", "between"} for t in p.subtree}
    return not words & (MILITARY_UNITS | _FORCES)


def hyphenated(tok: Token) -> str:
    """A noun the tokenizer cut at its hyphen, whole again: "face-off" from "face", "-", "off"."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in {"-", "–"} and doc[tok.i - 2].head.i == tok.i \
            and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"
    return ""
