"""The event extractor: walk each sentence's parse from predicates to their arguments.

For every verb or event noun in the predicate lexicon, find who acts (subject, passive agent, possessor,
light-verb subject) and on whom (object, dative, prepositional argument), resolve both to document actors,
and code the interaction. Restraint over recall: both sides must resolve to different actors and not to one
country (a domestic act is not an interstate event); one event per interaction per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parallax.extract.actors.types import DocActors
from parallax.extract.events import details, roles
from parallax.extract.events.codebook import goldstein
from parallax.extract.events.lexicon import LIGHT_VERBS, REPORT_NOUNS, REVERSALS, Frame, noun_frame, verb_frame
from parallax.extract.events.mode import event_mode
from parallax.extract.events.when import DateContext, When
from parallax.model import Document, Event, Quote

REFUSALS = frozenset({"refuse", "decline"})
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


def extract_events(sdoc: Doc, doc: Document, actors: DocActors,
                   quotes: Sequence[Quote] = ()) -> list[Event]:
    """Events of one parsed document; source/target are the document-local actor ids of ``actors``."""
    ctx = DateContext(doc.published)
    out: list[Event] = []
    for sent in sdoc.sents:
        future_tense = any(t.lower_ in {"will", "'ll", "shall"} and t.dep_ == "aux" for t in sent)
        whens = ctx.observe(sent, future=future_tense)
        found = _sentence_events(sent, actors)
        if not found:
            continue
        equipment, quantities = details.equipment(sent)
        money = details.money(sent.text)
        seen: set[tuple] = set()
        for f in found:
            src, tgt = _who(f.source, actors), _who(f.target, actors)  # a minister and his country: one side
            key = (frozenset((src, tgt)) if f.symmetric else (src, tgt), f.plover)
            if key in seen:
                continue
            seen.add(key)
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
                predicate=_predicate_text(f), reported_by=_speaker(f.predicate.idx, quotes, f.source),
                equipment=list(equipment) if f.plover in {"AID", "AGREE", "COOPERATE", "MOBILIZE"} else [],
                quantities=list(quantities) if f.plover in {"AID", "AGREE", "MOBILIZE"} else [],
                money=list(money) if f.plover in {"AID", "AGREE", "SANCTION", "COOPERATE"} else [],
                symmetric=f.symmetric,
            ))
    return out


def _sentence_events(sent: Span, actors: DocActors) -> list[_Found]:
    found: list[_Found] = []
    for tok in sent:
        if tok.pos_ == "VERB":
            frame = verb_frame(tok.lemma_)
            if frame and not _lends_to_noun(tok) and not _under_request(tok):
                found += _code(tok, None, frame, actors)
        elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
            frame = noun_frame(tok.lemma_)
            if frame:
                light = _light_verb(tok)
                if light is None and (frame.light_only or _object_of_trigger(tok)):
                    continue
                found += _code(tok, light, frame, actors)
    return found


def _lends_to_noun(verb: Token) -> bool:
    """A light verb whose object is an event noun ("held talks") or a report ("dismissed reports")."""
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            if c.lemma_.lower() in REPORT_NOUNS and any(g.dep_ in {"acl", "ccomp", "relcl"} for g in c.children):
                return True  # "dismissed reports that ...": the embedded act is the event, in denied mode
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


def _code(pred: Token, light: Token | None, frame: Frame, actors: DocActors) -> list[_Found]:
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

    sources, targets, pair = _arguments(pred, light, frame, actors)
    out: list[_Found] = []

    def add(s: str, t: str, sym: bool) -> None:
        if s == t or _same_country(s, t, actors):
            return
        out.append(_Found(pred, light, frame, plover, cameo, s, t, sym))

    if frame.symmetric and len(pair) >= 2:
        add(pair[0], pair[1], True)
        return out
    if frame.symmetric and not targets and len(sources) >= 2:
        add(sources[0], sources[1], True)
        return out
    for s in sources[:3]:
        for t in targets[:3]:
            add(s, t, frame.symmetric and not frame.inverse and pred.pos_ != "VERB" or _with_target(pred, light))
    return out


def _with_target(pred: Token, light: Token | None) -> bool:
    """A mutual act named with "with": "talked with", "held talks with" — symmetric by nature."""
    frame = verb_frame(pred.lemma_) if pred.pos_ == "VERB" else noun_frame(pred.lemma_)
    if not frame or not frame.symmetric:
        return False
    return any("with" in roles.prep_objects(t, {"with"}) for t in (pred, light) if t is not None)


def _arguments(pred: Token, light: Token | None, frame: Frame,
               actors: DocActors) -> tuple[list[str], list[str], list[str]]:
    """(source actors, target actors, symmetric pair from "between"/joint modifiers)."""
    deps = frame.target_deps
    preps = {d for d in deps if d not in {"dobj", "dative"}} | {"from", "between", "by", "of"}
    pair: list[str] = []
    if pred.pos_ == "VERB":
        subj, passive = roles.subject_of(pred)
        objs = [c for c in pred.children if c.dep_ == "dobj"]
        if passive:
            objs, subj = subj, roles.agent_of(pred)
        subj_actors = roles.actors_of(subj, actors)
        pobj = roles.prep_objects(pred, preps)
        for o in objs:
            for k, v in roles.prep_objects(o, preps - {"of", "by"}).items():
                pobj.setdefault(k, []).extend(v)
        tgt_tokens: list[Token] = []
        if "dobj" in deps:
            tgt_tokens += [t for o in objs for t in roles.conjuncts(o)]
        if frame.indirect_object and "with" in pobj:  # "provided Ukraine with tanks"
            tgt_tokens += [t for o in objs for t in roles.conjuncts(o)]
        if "dative" in deps:
            for c in pred.children:
                if c.dep_ == "dative":
                    tgt_tokens += [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else roles.conjuncts(c)
        for d in deps:
            if d not in {"dobj", "dative"}:
                tgt_tokens += pobj.get(d, [])
        if "between" in pobj:
            pair = roles.actors_of(pobj["between"], actors)
        targets = roles.actors_of(tgt_tokens, actors)
        sources = subj_actors
        if frame.inverse:
            sources, targets = roles.actors_of(pobj.get("from", []), actors), subj_actors
            if not sources:  # "received Chinese air defence systems": the maker's nationality supplies
                sources = [a for o in objs for a in roles.modifier_actors(o, actors) if a not in targets]
        if not targets and frame.plover == "REQUEST":  # "demanded that Ottawa drop ...": the clause's subject
            for c in pred.children:
                if c.dep_ in {"ccomp", "xcomp"}:
                    subj = [t for t in c.children if t.dep_ == "nsubj"]
                    targets = roles.actors_of(subj, actors)
        return sources, targets, pair

    # event noun
    own = roles.modifier_actors(pred, actors)
    pobj = roles.prep_objects(pred, preps, through_of=True)
    if light is not None:
        for k, v in roles.prep_objects(light, preps - {"of", "by"}).items():
            pobj.setdefault(k, []).extend(v)
    if light is not None:
        subj, passive = roles.subject_of(light)
        if passive and light.dep_ != "acl":
            subj = roles.agent_of(light)
        sources = roles.actors_of(subj, actors)
    else:
        sources = []
    if "by" in pobj:
        sources = sources or roles.actors_of(pobj["by"], actors)
    if frame.of_source and "of" in pobj:
        sources = sources or roles.actors_of(pobj["of"], actors)
    tgt_tokens = [t for d in deps if d not in {"dobj", "dative"} for t in pobj.get(d, [])]
    if "of" in deps and frame.of_source:
        tgt_tokens = [t for t in tgt_tokens if t not in pobj.get("of", [])]
    targets = roles.actors_of(tgt_tokens, actors)
    if "between" in pobj:
        pair = roles.actors_of(pobj["between"], actors)
    if frame.symmetric and len(own) >= 2 and not pair:
        pair = own[:2]
    if not sources:
        sources = [a for a in own if a not in targets]
    elif frame.symmetric and not targets:
        targets = [a for a in own if a not in sources]
    if frame.inverse:
        sources, targets = roles.actors_of(pobj.get("from", []), actors), sources
    return sources, targets, pair


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


def _speaker(pos: int, quotes: Sequence[Quote], source: str) -> str | None:
    """The quote speaker when the predicate sits inside a quote or reported speech."""
    for q in quotes:
        if q.start <= pos < q.end and q.speaker:
            return q.speaker
    return None
