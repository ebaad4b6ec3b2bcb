"""How one verb occurrence reads, from what it governs: "called the claims baseless" is a rejection, "sent
troops" a deployment, "hit Iran with sanctions" a sanction, "warned X of consequences" a threat, "flew to Ankara"
no event unless it was for talks.

The frames themselves come from the curated table and the CAMEO dictionary (``lexicon``); ``triggers`` decides
what the governing words make of the frame chosen here (refusals, threats, requests).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from parallax.extract.events import cameo
from parallax.extract.events.references import ARMED
from parallax.extract.events.roles import answered
from parallax.extract.events.lexicon import (ACCUSING_LABELS, ENVOYS, LABEL_VERBS, LISTING_LABELS, LISTING_VERBS,
                                             MILITARY_UNITS, REFUTING_LABELS, Frame, complied_demand, noun_frame,
                                             occurrence_frame)

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
CONSEQUENCES = frozenset("consequence retaliation response reprisal repercussion action measure sanction "
                         "countermeasure price".split())
REINFORCING = frozenset({"strengthen", "reinforce", "bolster", "boost", "increase", "beef", "build", "mass"})
FORCES = frozenset({"force", "troop", "presence", "garrison", "deployment", "contingent"})
# shutting a border or crossing on a neighbour is a measure against it (CAMEO 16x)
CLOSING = frozenset({"close", "shut", "seal"})
CROSSINGS = frozenset({"border", "crossing", "frontier", "airspace", "port", "embassy", "consulate"})
ANSWERING = frozenset({"retaliate", "respond", "react", "reply", "hit", "counter"})  # "retaliated with tariffs"
# Saying that another party must act asks it to; so does expecting it of them or getting them to.
SPEECH_VERBS = frozenset("say tell declare insist reiterate state add stress emphasise emphasize write repeat".split())
OBLIGATION = frozenset({"must", "should"})
CONVERSATIONS = frozenset("conversation call phone telephone meeting talk".split())  # where one tells a party
SIDING = frozenset({"agree", "concur", "side"})
# putting a party out of a programme or a body it belonged to is a sanction on it (CAMEO 16x), not an expulsion
# of people: "Ruritania was removed from the jet programme", "expelled X from the alliance"
EXPELLING = frozenset({"remove", "expel", "oust", "exclude", "eject", "kick", "drop", "suspend", "bar"})
MEMBERSHIPS = frozenset("programme program group organization organisation alliance bloc club body council talks "
                        "summit forum deal agreement consortium project partnership mission".split())
CAPTIVES = frozenset({"hostage", "captive", "prisoner"})
# whom a government sends to talk: sending them is a visit (CAMEO 042), not a delivery
DELEGATES = ENVOYS | frozenset("representative delegation delegate negotiator mediator".split())
# what armed men take over by force (CAMEO 171 seize): not a company, a post or a role
SEIZABLE = frozenset("train bus ship vessel tanker ferry plane aircraft airliner airport port base outpost checkpoint "
                     "building embassy consulate town city village district camp facility plant oilfield mine "
                     "station parliament ministry".split())
# a bare refusal answering the clause it is joined to: "X proposed a price, but Y refused"
REFUSING = frozenset({"refuse", "decline", "balk", "demur"})
PERSUADING = frozenset("expect want persuade convince get encourage tell pressure pressurize pressurise order "
                       "instruct direct".split())
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
    if lem in CLOSING and any(o.lemma_.lower() in CROSSINGS for o in verb.children if o.dep_ == "dobj"):
        return Frame(lem, "V", "163", "SANCTION", frozenset({"with", "to", "in"}))  # "closed its border with X"
    if lem == "fire" and any(c.lower_ == "test" for c in verb.children):  # "test-fired a missile": a show of
        # force, no strike
        return Frame(lem, "V", "150", "MOBILIZE", frozenset({"at", "toward", "towards", "into", "over"}), dictionary=True)
    if lem in {"gather", "convene"} and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "gathered evidence", "convened a panel": no meeting of parties
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
    if lem in EXPELLING and any(p.lemma_.lower() in MEMBERSHIPS for c in verb.children
                                if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"):
        return Frame(lem, "V", "163", "SANCTION", frozenset({"dobj", "nsubjpass"}))
    if lem in {"take", "hold", "keep"} and any(
            t.lemma_.lower() in CAPTIVES and not (t.dep_ in {"poss", "compound", "amod", "nmod"} and t.i < t.head.i)
            for c in verb.children if c.dep_ in {"dobj", "oprd", "advmod", "npadvmod", "xcomp", "ccomp"}
            for t in c.subtree):
        return Frame(lem, "V", "181", "COERCE", frozenset({"dobj", "nsubjpass"}))  # "took 30 soldiers hostage"
    if lem in REFUSING and answered(verb) is not None:
        return Frame(lem, "V", "120", "REJECT", frozenset())
    if lem == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children) and (any(
            o.lemma_.lower() in SEIZABLE for o in objs) or _armed_subject(verb)):  # "rebels took over a ferry",
        # "militants took over the Andes Express" (whatever armed men take over, they seize)
        return Frame(lem, "V", "171", "COERCE", frozenset({"dobj", "nsubjpass"}))
    if complied_demand(verb) is not None:  # "complied with the demand", "refused to heed the call"
        return Frame(lem, "V", "083", "CONCEDE", frozenset())
    own = occurrence_frame(verb)
    frame = _instrument(verb, own) or demand_by_clause(verb, lem) or _agreeing_with(verb, own) \
        or _conversation(verb, lem) or _hosting(verb, lem) or own
    if frame and frame.purpose and not _for_meeting(verb):
        return None
    if frame and frame.plover == "AID" and frame.transfer and objs and all(
            cameo.is_message(o.lemma_) or o.lemma_.lower() in FIGURATIVE_GOODS for o in objs):
        return None  # "received a response from", "sent a letter to", "sent jitters through": no delivery
    if frame and frame.plover == "AID" and frame.transfer and not frame.inverse:
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if any(o.lemma_.lower() in MILITARY_UNITS for o in objs):
            return replace(frame, cameo="154", plover="MOBILIZE", transfer=False)
        if any(o.lemma_.lower() in DELEGATES for o in objs):  # "sent envoys to Lima for talks": a visit
            return replace(frame, cameo="042", plover="CONSULT", transfer=False)
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


def demand_by_clause(verb: Token, lem: str) -> Frame | None:
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


# verbs that, done to a person, are a meeting or a call with them: "received the Peruvian minister",
# "welcomed his counterpart to Lima", "called his Peruvian counterpart"
_MEETING_VERBS = frozenset({"receive", "welcome", "call", "phone", "telephone"})
# objects that are people (besides names): whom one meets or calls
PEOPLE = (DELEGATES - {"charge", "embassy"}) | frozenset(
    "counterpart president minister premier leader chancellor king queen emir prince secretary official".split())


def _hosting(verb: Token, lem: str) -> Frame | None:
    """A meeting or a call with the person the verb is done to (CAMEO 042/040): not a delivery received, not
    a decision welcomed, not a call for or on anyone ("called X a liar" labels; "called on X" asks)."""
    if lem not in _MEETING_VERBS:
        return None
    kids = list(verb.children)
    if any(c.dep_ in {"oprd", "xcomp", "ccomp", "prt"} or (c.dep_ == "prep" and c.lower_ == "for") or (
            c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i == verb.i + 1) for c in kids):
        return None
    objs = [c for c in kids if c.dep_ == "dobj"]
    if not objs or not all(o.ent_type_ == "PERSON" or o.lemma_.lower() in PEOPLE for o in objs):
        return None
    code = "040" if lem in {"call", "phone", "telephone"} else "042"
    return Frame(lem, "V", code, "CONSULT", frozenset({"dobj"}), symmetric=True)


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


# what a warning says will be done to someone: a threat of force
PUNISHING = frozenset("punish spare eliminate crush avenge hunt retaliate destroy".split())


def _warning(verb: Token) -> Frame | None:
    """What a warning is: of consequences, a threat ("warned Washington of severe consequences if ..."); that
    something is dangerous or illegal, an accusation ("warned that expanding cooperation is dangerous")."""
    deps = frozenset({"dobj", "against"})
    if any(p.lemma_.lower() in CONSEQUENCES for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
           for p in c.children if p.dep_ == "pobj"):
        return Frame("warn", "V", "130", "THREATEN", deps)
    for c in verb.children:  # "warned that the militants will not be spared", "... would be punished"
        if c.dep_ == "ccomp" and c.lemma_.lower() in PUNISHING and any(
                a.dep_ == "aux" and a.lower_ in {"will", "would", "shall", "'ll", "wo"} for a in c.children):
            return Frame("warn", "V", "138", "THREATEN", deps)
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() == "be" and not any(
                a.dep_ == "aux" and a.lower_ in {"will", "would", "could", "may", "might"} for a in c.children) \
                and any(a.dep_ in {"acomp", "attr"} and a.lemma_.lower() in ACCUSING_LABELS for a in c.children):
            return Frame("warn", "V", "112", "ACCUSE", deps)
    return None


def _armed_subject(verb: Token) -> bool:
    """Whether the verb's subject is armed men: "militants", "separatist fighters"."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in ARMED for c in verb.children)
