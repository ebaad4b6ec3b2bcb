"""The event extractor: walk each sentence's parse from predicates to their arguments.

For every verb or event noun in the predicate lexicon, find who acts (subject, passive agent, possessor,
light-verb subject) and on whom (object, dative, prepositional argument), resolve both to document actors,
and code the interaction. Restraint over recall: both sides must resolve to different actors and not to one
country (a domestic act is not an interstate event); one event per interaction per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from parallax.extract.actors.types import DocActors
from parallax.extract.events import details, roles, statements
from parallax.extract.events.codebook import goldstein
from parallax.extract.events.context import Discourse
from parallax.extract.events.implied import implied
from parallax.extract.events.lexicon import (ACCUSING_LABELS, CARRIER_HEADS, ECONOMIC_MODIFIERS, ENVOYS, LABEL_VERBS,
                                             LIGHT_VERBS, MILITARY_UNITS, REFUTING_LABELS, REPORT_NOUNS, REVERSALS,
                                             Frame, noun_frame, verb_frame)
from parallax.extract.events.mode import event_mode
from parallax.extract.events.parties import arguments, owners, unnamed_other
from parallax.extract.events.when import DateContext, When, in_future_clause
from parallax.model import Document, Event, Quote
from parallax.language.spans import Covering

REFUSALS = frozenset({"refuse", "decline"})
ACCUSATION = Frame("say", "V", "112", "ACCUSE", frozenset())
THREATS = frozenset({"threaten"})
_REJECT_CODE = {"AID": "1222", "CONSULT": "125", "AGREE": "127", "COOPERATE": "121"}
_THREAT_CODE = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "138", "CONSULT": "1313", "AGREE": "1313",
                "COOPERATE": "1313", "AID": "1311"}
_MILITARY = frozenset({"military", "defence", "defense", "arms", "weapon", "army", "naval", "navy", "missile"})


@dataclass(slots=True)
class _Found:
    """One coded interaction before it becomes an Event."""

    predicate: Token
    light: Token | None
    frame: Frame
    plover: str
    cameo: str
    source: str
    target: str
    symmetric: bool
    implied: bool = False  # a side came from context, not from the sentence's own words


def extract_events(sdoc: Doc, doc: Document, actors: DocActors,
                   quotes: Sequence[Quote] = ()) -> list[Event]:
    """Events of one parsed document; source/target are the document-local actor ids of ``actors``."""
    ctx = DateContext.of(doc)
    disc = Discourse(actors, quotes)
    speaking = Covering(quotes, lambda q: q.start, lambda q: q.end)
    out: list[Event] = []
    recent: list[tuple[int, tuple]] = []  # (sentence, key) of coded events, to drop implied repeats
    for sent in sdoc.sents:
        disc.enter(sent)
        whens = ctx.observe(sent, future=in_future_clause)
        found = _sentence_events(sent, actors, disc)
        if not found:
            continue
        equipment, quantities = details.equipment(sent)
        money = details.money(sent.text)
        seen: set[tuple] = set()
        for f in found:
            src, tgt = _who(f.source, actors), _who(f.target, actors)  # a minister and his country: one side
            key = (frozenset((src, tgt)) if f.symmetric else (src, tgt), f.plover)
            loose = (frozenset((src, tgt)), f.plover)
            if key in seen or (f.implied and any(k == loose and i >= disc.index - 2 for i, k in recent)):
                continue  # "The two men discussed ...": the talks just reported, not a second event
            seen.add(key)
            recent.append((disc.index, (frozenset((src, tgt)), f.plover)))
            disc.record(f.source, f.target, f.plover)
            when = _pick_date(f, whens)
            future_date = bool(when and doc.published and when.date > doc.published[:len(when.date)])
            cameo = f.cameo
            if f.frame.transfer and f.plover == "AID" and cameo == "070" and (equipment or _military(f.predicate)):
                cameo = "072"
            out.append(Event(
                id=f"{doc.id}:e{len(out)}", doc=doc.id, source=f.source, target=f.target, type=f.plover,
                mode=event_mode(f.predicate, f.light, future_date=future_date),  # type: ignore[arg-type]
                start=sent.start_char, end=sent.end_char, text=sent.text, cameo=cameo, goldstein=goldstein(cameo),
                date=when.date if when else None, date_precision=when.precision if when else None,
                predicate=_predicate_text(f), reported_by=_speaker(f.predicate.idx, speaking),
                equipment=list(equipment) if f.plover in {"AID", "AGREE", "COOPERATE", "MOBILIZE"} else [],
                quantities=list(quantities) if f.plover in {"AID", "AGREE", "MOBILIZE"} else [],
                money=list(money) if f.plover in {"AID", "AGREE", "SANCTION", "COOPERATE"} else [],
                symmetric=f.symmetric,
            ))
    return out


def _sentence_events(sent: Span, actors: DocActors, disc: Discourse) -> list[_Found]:
    found: list[_Found] = []
    for tok in sent:
        if tok.pos_ == "VERB":
            frame = _verb_frame(tok)
            if frame and not _lends_to_noun(tok, frame, actors) and not _under_request(tok):
                found += _code(tok, None, frame, actors, disc)
        elif tok.pos_ in {"NOUN", "PROPN"}:
            frame, pred = noun_frame(tok.lemma_), tok
            if tok.dep_ == "compound":  # "a tariff increase", "an aid package": the head carries the event
                if not frame or tok.head.pos_ != "NOUN" or tok.head.lemma_.lower() not in CARRIER_HEADS:
                    continue
                pred = tok.head
            if frame:
                frame = _economic(pred, frame)
                light = _light_verb(pred)
                if light is None and (frame.light_only or _object_of_trigger(pred)):
                    continue
                found += _code(pred, light, frame, actors, disc)
    return found + _accusations(sent, found, actors, disc)


def _accusations(sent: Span, found: list[_Found], actors: DocActors, disc: Discourse) -> list[_Found]:
    """ACCUSE events of hostile acts a government states of another side ("Pakistan says India backed ...")."""
    hostile = [(f.light or f.predicate, f.source, f.plover) for f in found]
    return [_Found(p, None, ACCUSATION, "ACCUSE", ACCUSATION.cameo, s, t, False)
            for p, s, t in statements.accusations(sent, actors, hostile, lambda i: disc.speaker(i, direct=True))]


def _verb_frame(verb: Token) -> Frame | None:
    """The verb's frame, adjusted by what it governs: a labelling verb ("called the claims baseless") is a
    rejection or an accusation; sending troops is a deployment, not aid."""
    lem = verb.lemma_.lower()
    if lem in LABEL_VERBS:
        labels = {c.lemma_.lower() for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp", "advcl"}}
        labels |= {p.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                   for p in c.children if p.dep_ == "pobj"}
        labels |= {g.lemma_.lower() for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp"}
                   for g in c.children if g.dep_ in {"amod", "acomp"}}
        if labels & REFUTING_LABELS:
            return Frame(lem, "V", "120", "REJECT", frozenset({"dobj", "oprd"}))
        if labels & ACCUSING_LABELS:
            return Frame(lem, "V", "111", "ACCUSE", frozenset({"dobj", "oprd"}))
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lem in {"withdraw", "recall", "pull"} and any(o.lemma_.lower() in ENVOYS for o in objs):
        return Frame(lem, "V", "161", "SANCTION", frozenset({"from", "to", "in"}))
    frame = verb_frame(lem)
    if frame and frame.plover == "AID" and frame.transfer and not frame.inverse:
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if any(o.lemma_.lower() in MILITARY_UNITS for o in objs):
            return replace(frame, cameo="154", plover="MOBILIZE", transfer=False)
    return frame


def _economic(noun: Token, frame: Frame) -> Frame:
    """"trade war", "tariff war": an economic war is a sanction, not an assault."""
    if frame.plover == "ASSAULT" and any(c.lemma_.lower() in ECONOMIC_MODIFIERS for c in noun.children
                                         if c.dep_ in {"compound", "amod"}):
        return replace(frame, cameo="163", plover="SANCTION", target_deps=frame.target_deps | {"with"})
    return frame


def _lends_to_noun(verb: Token, frame: Frame, actors: DocActors) -> bool:
    """A light verb whose object is an event noun ("held talks") or a report ("dismissed reports")."""
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            if c.lemma_.lower() in REPORT_NOUNS and any(g.dep_ in {"acl", "ccomp", "relcl"} for g in c.children):
                # "dismissed reports that ...": the embedded act is the event, in denied mode; but rejecting
                # someone's allegation is also a rejection of that someone
                return not (frame.plover == "REJECT" and owners(c, actors))
            if verb.lemma_.lower() in LIGHT_VERBS and noun_frame(c.lemma_):
                return True
    return False


def _under_request(verb: Token) -> bool:
    """An act someone else asks for ("urged Iran to halt ...") is the request's content, not an event."""
    head = verb.head
    return verb.dep_ in {"xcomp", "ccomp"} and head.lemma_.lower() in roles.OBJECT_CONTROL - {"invite", "help"} \
        and bool(verb_frame(head.lemma_))


def _light_verb(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        lem = head.lemma_.lower()
        if lem in LIGHT_VERBS or any(lem == v for v, _ in REVERSALS):
            return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"in", "into"} \
            and head.head.pos_ in {"VERB", "AUX"}:
        return head.head  # "took part in exercises", "is in talks with"
    return None


def _object_of_trigger(noun: Token) -> bool:
    """"criticised the deal": the noun is what another predicate is about, not an event of its own."""
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB" and bool(verb_frame(noun.head.lemma_))


def _code(pred: Token, light: Token | None, frame: Frame, actors: DocActors, disc: Discourse) -> list[_Found]:
    plover, cameo = frame.plover, frame.cameo
    if light is not None and (light.lemma_.lower(), plover) in REVERSALS:
        cameo, plover = REVERSALS[(light.lemma_.lower(), plover)]
    anchor = light or pred
    if light is not None and _under_request(light):
        return []
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in REFUSALS:
        cameo, plover = _REJECT_CODE.get(plover, "120"), "REJECT"
    elif anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in THREATS:
        cameo, plover = _THREAT_CODE.get(plover, "130"), "THREATEN"

    sources, targets, pair, subj = arguments(pred, light, frame, actors)
    given = (len(sources), len(targets), len(pair))
    sources, targets, pair = implied(pred, light, frame, disc, sources, targets, pair, subj)
    borrowed = given != (len(sources), len(targets), len(pair))
    sources, targets, pair = ([disc.canonical(a) for a in xs] for xs in (sources, targets, pair))
    out: list[_Found] = []

    def add(s: str, t: str, sym: bool) -> None:
        if s == t or _same_country(s, t, actors):
            return
        out.append(_Found(pred, light, frame, plover, cameo, s, t, sym, borrowed))

    if len(pair) >= 2 and (frame.symmetric or not targets):
        add(pair[0], pair[1], True)
    elif frame.symmetric and not targets and len(sources) >= 2 and not unnamed_other(anchor, actors):
        add(sources[0], sources[1], True)
    else:
        for s in sources[:4]:
            for t in targets[:6]:  # "tariffs on Mexico, Canada, China and the EU": one event per target
                add(s, t, frame.symmetric and not frame.inverse)  # "met X", "held talks with X": mutual acts
    for f in out:
        disc.note(f.source, f.target, f.plover)
    return out


def _who(aid: str, actors: DocActors) -> str:
    a = actors.actor(aid)
    return a.country if a and a.country else aid


def _same_country(a: str, b: str, actors: DocActors) -> bool:
    x, y = actors.actor(a), actors.actor(b)
    return bool(x and y and x.country and x.country == y.country)


def _military(pred: Token) -> bool:
    return any(t.lemma_.lower() in _MILITARY for t in pred.subtree)


def _pick_date(f: _Found, whens: list[When]) -> When | None:
    """The date attached to this predicate's clause; else the sentence's only date; else unknown."""
    if not whens:
        return None
    anchors = {f.predicate.i, *( [f.light.i] if f.light is not None else [])}
    doc = f.predicate.doc
    for w in whens:
        span = doc.char_span(w.start, w.end, alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        for _ in range(6):
            if cur.i in anchors:
                return w
            if cur.head is cur or cur.dep_ in {"ccomp", "relcl"}:
                break
            cur = cur.head
    return whens[0] if len(whens) == 1 else None


def _predicate_text(f: _Found) -> str:
    return f"{f.light.lemma_} {f.predicate.lemma_}" if f.light is not None else f.predicate.lemma_


def _speaker(pos: int, speaking: Covering[Quote]) -> str | None:
    """The quote speaker when the predicate sits inside a quote or reported speech."""
    q = speaking.first(pos, lambda q: bool(q.speaker))
    return q.speaker if q else None
