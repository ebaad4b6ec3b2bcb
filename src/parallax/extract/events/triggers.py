"""Which words open an event in a sentence, and as what: verb frames read in context, light verbs lending
their subject to an event noun, measures named as instruments, journeys made for meetings.

The frames themselves come from the curated table and the CAMEO dictionary (``lexicon``); this module decides
how one occurrence reads: "called the claims baseless" is a rejection, "sent troops" a deployment, "hit Iran
with sanctions" a sanction, "flew to Ankara" no event unless it was for talks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from parallax.extract.actors.types import DocActors
from parallax.extract.events import cameo, parties, roles
from parallax.extract.events.lexicon import (ACCUSING_LABELS, ECONOMIC_MODIFIERS, ENVOYS, LABEL_VERBS, LIGHT_NOUNS,
                                             LIGHT_VERBS, LISTING_LABELS, LISTING_VERBS, MILITARY_UNITS,
                                             REFUTING_LABELS, REPORT_NOUNS, REVERSAL_NOUNS, REVERSALS, Frame,
                                             complied_demand, noun_frame, occurrence_frame, sought, verb_frame)
from parallax.extract.events.conditions import COERCIVE, in_condition
from parallax.extract.events.mode import event_mode

_INSTRUMENT_TYPES = frozenset({"SANCTION", "ACCUSE", "THREATEN", "REQUEST"})
# verbs of aiming, and the measures that make them a sanction rather than a strike
AIMING = frozenset({"target", "hit", "punish", "penalize", "penalise"})
MEASURE_NOUNS = frozenset("legislation bill law measure sanction tariff duty levy restriction ban embargo act "
                          "resolution order rule".split())
# an incursion: a force entering another state's space (the guidelines' MOBILIZE, CAMEO 150)
INTRUDING = frozenset({"enter", "violate", "intrude", "penetrate", "breach", "cross"})
TERRITORY = frozenset({"water", "waters", "airspace", "territory", "border", "zone", "space"})
FIGURATIVE_GOODS = frozenset("jitter jitters shockwave shockwaves shiver shivers chill chills ripple ripples "
                             "wave waves signal signals".split())
PROPOSALS = frozenset("proposal plan request call demand appeal offer initiative motion".split())
PRESSING = frozenset({"lobby", "pressure", "press", "push", "compel"})  # "lobbied the EU to abandon the tariffs"
CONSEQUENCES = frozenset("consequence retaliation response reprisal repercussion action measure sanction "
                         "countermeasure price".split())
PREPARING = frozenset({"prepare", "gear", "ready", "poise"})
REINFORCING = frozenset({"strengthen", "reinforce", "bolster", "boost", "increase", "beef", "build", "mass"})
FORCES = frozenset({"force", "troop", "presence", "garrison", "deployment", "contingent"})
CALLING = frozenset({"call", "press", "push", "lobby", "appeal", "clamor", "clamour", "campaign"})
ANSWERING = frozenset({"retaliate", "respond", "react", "reply", "hit", "counter"})  # "retaliated with tariffs"
# Saying that another party must act asks it to; so does expecting it of them or getting them to.
SPEECH_VERBS = frozenset("say tell declare insist reiterate state add stress emphasise emphasize write repeat".split())
OBLIGATION = frozenset({"must", "should"})
PORTIONS = frozenset("part portion half some most much all rest share bulk".split())  # "cut part of the aid"
CONVERSATIONS = frozenset("conversation call phone telephone meeting talk".split())  # where one tells a party
SIDING = frozenset({"agree", "concur", "side"})
PERSUADING = frozenset("expect want persuade convince get encourage tell pressure pressurize pressurise".split())
_MEETING = frozenset({"CONSULT", "AGREE"})


def verb_frame_of(verb: Token) -> Frame | None:
    """The verb's frame, adjusted by what it governs: a labelling verb ("called the claims baseless") is a
    rejection or an accusation; sending troops is a deployment, not aid."""
    lem = verb.lemma_.lower()
    if lem in LABEL_VERBS:
        labels = {c.lemma_.lower() for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp", "advcl"}}
        labels |= {p.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                   for p in c.children if p.dep_ == "pobj"}
        labels |= {g.lemma_.lower() for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp"}
                   for g in c.children if g.dep_ in {"amod", "acomp"}}
        # "called X's comments egregious and insulting", parsed as adjectives after the object
        labels |= {g.lower_ for c in verb.children if c.dep_ == "dobj" for a in c.children
                   if a.dep_ == "amod" and a.i > c.i for g in (a, *a.conjuncts)}
        if labels & REFUTING_LABELS:
            return Frame(lem, "V", "120", "REJECT", frozenset({"dobj", "oprd"}))
        if labels & ACCUSING_LABELS:
            return Frame(lem, "V", "111", "ACCUSE", frozenset({"dobj", "oprd"}))
    if lem in LISTING_VERBS and _labels(verb) & LISTING_LABELS:
        return Frame(lem, "V", "172", "SANCTION", frozenset({"dobj", "nsubjpass"}))
    if lem == "reach" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):  # "reached out to X"
        return Frame(lem, "V", "040", "CONSULT", frozenset({"to"}))
    if lem in INTRUDING and (any(o.lemma_.lower() in TERRITORY for o in _objects(verb)) or _forces_entering(verb)):
        return Frame(lem, "V", "150", "MOBILIZE", frozenset({"dobj", "into"}))  # "entered Japanese waters"
    if lem == "beat" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):  # not "beat X 2-1"
        return Frame(lem, "V", "182", "ASSAULT", frozenset({"dobj", "nsubjpass"}))
    if lem == "warn" and (read := _warning(verb)) is not None:
        return read
    if lem in REINFORCING and any(o.lemma_.lower() in FORCES for o in verb.children if o.dep_ == "dobj"):
        return Frame(lem, "V", "154", "MOBILIZE", frozenset({"in", "near", "along", "on", "to"}))  # "its forces in X"
    if lem in AIMING and _measure_aimed(verb):  # "legislation targeting Turkey", "tariffs that hit Canada"
        return Frame(lem, "V", "163", "SANCTION", frozenset({"dobj"}))
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lem in {"withdraw", "recall", "pull"} and any(o.lemma_.lower() in ENVOYS for o in objs):
        return Frame(lem, "V", "161", "SANCTION", frozenset({"from", "to", "in"}))
    if lem in {"take", "hold", "keep"} and any(t.lemma_.lower() == "hostage" for c in verb.children
                                               if c.dep_ in {"dobj", "oprd", "advmod", "npadvmod", "xcomp", "ccomp"}
                                               for t in (c, *c.children)):
        return Frame(lem, "V", "181", "COERCE", frozenset({"dobj", "nsubjpass"}))  # "took 30 soldiers hostage"
    if complied_demand(verb) is not None:  # "complied with the demand", "refused to heed the call"
        return Frame(lem, "V", "083", "CONCEDE", frozenset())
    own = occurrence_frame(verb)
    frame = _instrument(verb, own) or _demand_by_clause(verb, lem) or _agreeing_with(verb, own) \
        or _conversation(verb, lem) or own
    if frame and frame.purpose and not _for_meeting(verb):
        return None
    if frame and frame.plover == "AID" and frame.transfer and objs and all(
            cameo.is_message(o.lemma_) or o.lemma_.lower() in FIGURATIVE_GOODS for o in objs):
        return None  # "received a response from", "sent a letter to", "sent jitters through": no delivery
    if frame and frame.plover == "AID" and frame.transfer and not frame.inverse:
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if any(o.lemma_.lower() in MILITARY_UNITS for o in objs):
            return replace(frame, cameo="154", plover="MOBILIZE", transfer=False)
    return frame


def _forces_entering(verb: Token) -> bool:
    """"Its troops had entered Sudan": armed forces entering a named place."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].lemma_.lower() in MILITARY_UNITS | {"army", "military", "warship", "jet", "drone"} \
        and any(o.pos_ == "PROPN" for o in _objects(verb))


def _objects(verb: Token) -> list[Token]:
    """A verb's object and the objects of its prepositions ("intruded into X's airspace")."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    return out + [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]


def _measure_aimed(verb: Token) -> bool:
    """Whether what aims is a measure: the noun a participle or relative clause hangs on ("sanctions that target
    Iran"), or the subject."""
    doers = [verb.head] if verb.dep_ in {"acl", "relcl"} else [c for c in verb.children if c.dep_ == "nsubj"]
    return any(d.lemma_.lower() in MEASURE_NOUNS for d in doers)


def _labels(verb: Token) -> set[str]:
    """The words a verb puts on its object: "designated X (as) a terrorist group" → {terrorist, group}."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    heads = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp", "attr"}] + objs[1:]
    heads += [c for o in objs for c in o.children if c.dep_ == "appos"]  # "designated BLA a terrorist group"
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    heads += [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pobj"]
    return {t.lemma_.lower() for h in heads for t in h.subtree}


def _demand_by_clause(verb: Token, lem: str) -> Frame | None:
    """A request made by saying what another party must do ("said Islamabad must address ...") or by expecting
    it of them ("expects Kabul to act", "got Tehran to agree"): the clause's subject or the object is the target."""
    if lem in SPEECH_VERBS:
        for c in verb.children:
            if c.dep_ == "ccomp" and any(a.lower_ in OBLIGATION and a.dep_ == "aux" for a in c.children):
                return Frame(lem, "V", "100", "REQUEST", frozenset())
    if lem in PERSUADING:
        obj = any(c.dep_ == "dobj" for c in verb.children)
        for c in verb.children:
            # an instruction, not news: "told X to leave", "wants X to act", "told X it must", never "told X
            # they have made strides"
            instruct = c.dep_ == "xcomp" or any(a.dep_ == "aux" and (a.lower_ == "to" or a.lower_ in OBLIGATION)
                                                for a in c.children)
            if c.dep_ in {"xcomp", "ccomp", "advcl"} and c.pos_ in {"VERB", "AUX"} and instruct and (obj or (
                    any(s.dep_ == "nsubj" for s in c.children) and any(a.lower_ == "to" for a in c.children))):
                return Frame(lem, "V", "100", "REQUEST", frozenset({"dobj"}))
    return None


def _conversation(verb: Token, lem: str) -> Frame | None:
    """Telling a party something in a phone call or a meeting is consulting it: "told Trump in phone
    conversations last week that ...", "said during talks with X"."""
    told = [o for o in verb.children if o.dep_ in {"dobj", "dative"} and o.pos_ in {"PROPN", "NOUN"}]
    if lem not in SPEECH_VERBS or not told:  # whom it was told to: "speaking at a meeting on X" tells X nothing
        return None
    heads = [verb, *told]  # "told X in a call": the call hangs on either
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "over", "at"}:
            for p in (p for p in c.children if p.dep_ == "pobj"):
                f = noun_frame(p.lemma_)
                if p.lemma_.lower() in CONVERSATIONS or (f is not None and f.plover == "CONSULT"):
                    return Frame(lem, "V", "040", "CONSULT", frozenset({"dobj", "dative"}))
    return None


def _agreeing_with(verb: Token, own: Frame | None) -> Frame | None:
    """"agree with X" (that ...) and nothing agreed on or to: siding with a party's position (CAMEO's code for
    AGREE, 050), not an agreement ("agreed with X on a deal", "agreed with X to hold talks")."""
    if own is None or own.plover != "AGREE" or verb.lemma_.lower() not in SIDING:
        return None
    kids = list(verb.children)
    if any(c.dep_ in {"xcomp", "dobj"} or (c.dep_ == "prep" and c.lower_ in {"on", "to", "upon"})
           for c in kids) or not any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
        return None
    return replace(own, cameo="050", plover="SUPPORT", symmetric=False, target_deps=frozenset({"with"}))


def _instrument(verb: Token, own: Frame | None) -> Frame | None:
    """"hit Iran with sanctions", "slapped Canada with tariffs": a measure named as the instrument of a verb
    of striking is the event, and the verb's object its target ("threatened X with tariffs" stays a threat)."""
    answering = verb.lemma_.lower() in ANSWERING
    if own is not None and own.plover not in {"ASSAULT", "COERCE"} and not answering:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                frame = noun_frame(p.lemma_) if p.dep_ == "pobj" else None
                if frame is not None and frame.plover in _INSTRUMENT_TYPES:
                    # "retaliated with tariffs on U.S. goods": the measure's own target words hang on the verb
                    deps = frozenset({"dobj"}) | (frame.target_deps if answering else frozenset())
                    return replace(frame, kind="V", target_deps=deps, light_only=False)
    return None


def _for_meeting(verb: Token) -> bool:
    """A journey made for a meeting: "flew to Ankara for talks", "travelled to Delhi to meet Modi"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"for", "to"}:
            if any(p.dep_ == "pobj" and (f := noun_frame(p.lemma_)) and f.plover in _MEETING for p in c.children):
                return True
        if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB":
            f = occurrence_frame(c)
            if (f and f.plover in _MEETING) or any(
                    o.dep_ == "dobj" and (g := noun_frame(o.lemma_)) and g.plover in _MEETING for o in c.children):
                return True
    return False


def nil_measure(noun: Token) -> bool:
    """"zero tariffs", "zero-for-zero tariffs": free trade described by its tariffs, not a measure taken."""
    return any(c.dep_ in {"amod", "nummod", "compound"} and c.lower_.startswith("zero") for c in noun.children)


def economic(noun: Token, frame: Frame) -> Frame:
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
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.dep_ == "xcomp" and under_request(head):
        return True  # "urge the Commission to reconsider raising tariffs": the raising is asked for too
    lem = head.lemma_.lower()
    return verb.dep_ in {"xcomp", "ccomp"} and lem in roles.OBJECT_CONTROL - {"invite", "help"} \
        and (bool(verb_frame(lem)) or lem in PRESSING or _demand_by_clause(head, lem) is not None)


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
    if noun.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in {"exempt", "spare"}:
        return head.head  # "exempted Mexican cars from the tariffs"
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


def _warning(verb: Token) -> Frame | None:
    """What a warning is: of consequences, a threat ("warned Washington of severe consequences if ..."); that
    something is dangerous or illegal, an accusation ("warned that expanding cooperation is dangerous")."""
    deps = frozenset({"dobj", "against"})
    if any(p.lemma_.lower() in CONSEQUENCES for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
           for p in c.children if p.dep_ == "pobj"):
        return Frame("warn", "V", "130", "THREATEN", deps)
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() == "be" and not any(
                a.dep_ == "aux" and a.lower_ in {"will", "would", "could", "may", "might"} for a in c.children) \
                and any(a.dep_ in {"acomp", "attr"} and a.lemma_.lower() in ACCUSING_LABELS for a in c.children):
            return Frame("warn", "V", "112", "ACCUSE", deps)
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
    if anchor.dep_ == "xcomp" and (head in THREATS or (head in VOWS and plover in COERCIVE)):
        # "threatened to cut", "vowed to retaliate": the threat is as real as the vow, whatever comes of it
        return Reading(_THREAT_CODE.get(plover, "130"), "THREATEN", mode=event_mode(anchor.head))
    if anchor.dep_ == "xcomp" and head in INTENTS and plover in _INTENT_CODE:
        return Reading(_INTENT_CODE[plover], "AGREE", mode=event_mode(anchor.head))
    if anchor.dep_ == "xcomp" and anchor.head.pos_ == "VERB" and head in INTENT_VERBS and plover in _INTENT_CODE \
            and not (head == "agree" and frame.transfer):  # "agreed to buy tanks": the sale, as its own act
        return Reading(_INTENT_CODE[plover], "AGREE", mode=event_mode(anchor.head))
    if (plover in _YIELDING or reversed_) and event_mode(pred, light) == "negated" and not in_condition(anchor):
        return Reading(_REJECT_CODE.get(plover, "124") if not reversed_ else "124", "REJECT", mode="asserted",
                       borrow=True)
    return Reading(code, plover)
