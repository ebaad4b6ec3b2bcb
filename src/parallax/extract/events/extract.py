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

from parallax.extract.actors.types import DocActors, side, state_side
from parallax.extract.events import details, roles
from parallax.extract.events.codebook import goldstein
from parallax.extract.events.context import FIRST_PERSON, Discourse, is_pair_phrase
from parallax.extract.events.lexicon import (ACCUSING_LABELS, CARRIER_HEADS, ECONOMIC_MODIFIERS, ENVOYS, LABEL_VERBS,
                                             LIGHT_VERBS, MILITARY_UNITS, REFUTING_LABELS, REPORT_NOUNS, REVERSALS,
                                             Frame, noun_frame, verb_frame)
from parallax.extract.events.mode import event_mode
from parallax.extract.events.when import DateContext, When, in_future_clause
from parallax.model import Document, Event, Quote
from parallax.language.spans import Covering

REFUSALS = frozenset({"refuse", "decline"})
THREATS = frozenset({"threaten"})
_REJECT_CODE = {"AID": "1222", "CONSULT": "125", "AGREE": "127", "COOPERATE": "121"}
_THREAT_CODE = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "138", "CONSULT": "1313", "AGREE": "1313",
                "COOPERATE": "1313", "AID": "1311"}
_MILITARY = frozenset({"military", "defence", "defense", "arms", "weapon", "army", "naval", "navy", "missile"})
# a nominal meeting or deal is the occasion of its governing verb's subject: "raised it during talks with X"
_OCCASION_PREPS = frozenset({"during", "at", "ahead", "before", "after", "amid", "in"})
_DECIDE_ON = frozenset({"vote", "decide", "agree", "rule", "work"})


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
            disc.record(f.source, f.target)
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
    return found


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
                return not (frame.plover == "REJECT" and _owners(c, actors))
            if verb.lemma_.lower() in LIGHT_VERBS and noun_frame(c.lemma_):
                return True
    return False


def _owners(noun: Token, actors: DocActors) -> list[str]:
    """Whose statement or act a noun is: "Pakistan's allegation", "allegations by X", "the Chinese move"."""
    out = roles.modifier_actors(noun, actors)
    for objs in roles.prep_objects(noun, {"by", "from"}).values():
        out += [a for a in roles.actors_of(objs, actors) if a not in out]
    return out


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

    sources, targets, pair, subj = _arguments(pred, light, frame, actors)
    given = (len(sources), len(targets), len(pair))
    sources, targets, pair = _implied(pred, light, frame, disc, sources, targets, pair, subj)
    implied = given != (len(sources), len(targets), len(pair))
    sources, targets, pair = ([disc.canonical(a) for a in xs] for xs in (sources, targets, pair))
    out: list[_Found] = []

    def add(s: str, t: str, sym: bool) -> None:
        if s == t or _same_country(s, t, actors):
            return
        if not (state_side(actors.actor(s)) or state_side(actors.actor(t))):
            return  # two groups, or a group and someone of no country: no state or IGO takes part
        out.append(_Found(pred, light, frame, plover, cameo, s, t, sym, implied))

    if len(pair) >= 2 and (frame.symmetric or not targets):
        add(pair[0], pair[1], True)
        return out
    if frame.symmetric and not targets and len(sources) >= 2:
        add(sources[0], sources[1], True)
        return out
    for s in sources[:3]:
        for t in targets[:3]:
            add(s, t, frame.symmetric and not frame.inverse)  # "met X", "held talks with X": mutual acts
    return out


def _implied(pred: Token, light: Token | None, frame: Frame, disc: Discourse, sources: list[str],
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
    if pair or frame.symmetric or light is not None or pred.pos_ != "VERB" or not _may_borrow(pred):
        return sources, targets, pair
    if sources and not targets and not frame.inverse:
        t = disc.counterpart(sources[0])
        targets = [t] if t else targets
    elif targets and not sources and frame.inverse:
        s = disc.counterpart(targets[0])
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


def _arguments(pred: Token, light: Token | None, frame: Frame,
               actors: DocActors) -> tuple[list[str], list[str], list[str], list[Token]]:
    """(source actors, target actors, symmetric pair from "between"/joint modifiers, subject tokens)."""
    deps = frame.target_deps
    preps = {d for d in deps if d not in {"dobj", "dative", "oprd"}} | {"from", "between", "by", "of"}
    if frame.indirect_object:
        preps.add("with")  # "provided Kenya with assistance": read "with" to know the object is the recipient
    pair: list[str] = []
    if pred.pos_ == "VERB":
        subj, passive = roles.subject_of(pred)
        objs = [c for c in pred.children if c.dep_ in {"dobj", "oprd"} and c.pos_ in {"NOUN", "PROPN", "PRON"}]
        if passive:
            objs, subj = subj, roles.agent_of(pred)
        subj_actors = roles.actors_of(subj, actors)
        pobj = roles.prep_objects(pred, preps)
        for o in objs:
            for k, v in roles.prep_objects(o, preps - {"of", "by"}).items():
                pobj.setdefault(k, []).extend(v)
        for c in pred.children:  # "sold jets worth £5 billion to Qatar"
            if c.dep_ == "prep" and c.pos_ == "ADJ":
                for k, v in roles.prep_objects(c, preps - {"of", "by"}).items():
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
            if d not in {"dobj", "dative", "oprd"}:
                tgt_tokens += pobj.get(d, [])
        if "between" in pobj:
            pair = roles.actors_of(pobj["between"], actors)
        targets = roles.actors_of(tgt_tokens, actors)
        if not targets and "dobj" in deps and frame.plover in {"REJECT", "ACCUSE", "SUPPORT", "THREATEN"}:
            targets = [a for o in objs for a in _owners(o, actors) if a not in subj_actors]  # "X's allegation"
            if not targets:  # "rejected its offer": the nearest earlier other party
                targets = [a for o in objs if (a := roles.possessive_antecedent(o, actors, subj_actors))]
        if not targets and frame.plover == "THREATEN":  # "warned that it will exert pressure on Iran"
            targets = _first_other(pred, actors, subj_actors)
        sources = subj_actors
        if frame.inverse:
            sources, targets = roles.actors_of(pobj.get("from", []), actors), subj_actors
            if not sources:  # "received Chinese air defence systems": the maker's nationality supplies
                sources = [a for o in objs for a in roles.modifier_actors(o, actors) if a not in targets]
            if not sources and pred.dep_ in {"acl", "advcl"}:  # "in talks with X to buy"
                sources = _talks_partner(pred.head, actors)
        if not targets and frame.plover == "REQUEST":  # "demanded that Ottawa drop ...": the clause's subject
            for c in pred.children:
                if c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children)):
                    targets = roles.actors_of([t for t in c.children if t.dep_ == "nsubj"], actors)
        return sources, targets, pair, subj

    # event noun
    own = roles.modifier_actors(pred, actors)
    if not own and (a := roles.possessive_antecedent(pred, actors, [])):  # "over its procuring of ..."
        own = [a]
    pobj = roles.prep_objects(pred, preps, through_of=True)
    subj: list[Token] = []
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
    if not sources and light is None:
        subj = _occasion_subject(pred, frame)
        sources = [a for a in roles.actors_of(subj, actors) if a not in targets]
    if frame.inverse:
        supplier = roles.actors_of(pobj.get("from", []), actors)
        if not supplier:  # "its purchase of Russian systems": the goods' nationality supplies
            supplier = [a for o in pobj.get("of", []) for a in roles.modifier_actors(o, actors)]
        sources, targets = supplier, [a for a in sources if a not in supplier]
    return sources, targets, pair, subj


def _talks_partner(head: Token, actors: DocActors) -> list[str]:
    """The "with" party of a meeting or deal noun that a purpose clause hangs from ("is in talks with X to buy":
    X sells)."""
    nouns = [head] + [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        frame = noun_frame(n.lemma_)
        if n.pos_ == "NOUN" and frame and frame.plover in {"CONSULT", "AGREE"}:
            return roles.actors_of(roles.prep_objects(n, {"with"}).get("with", []), actors)
    return []


def _first_other(verb: Token, actors: DocActors, exclude: list[str]) -> list[str]:
    """The first actor of another country named in a verb's complement clause: what a warning is about."""
    mine = {_who(a, actors) for a in exclude}
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        for t in c.subtree:
            if t.dep_ in {"pobj", "dobj"} and (a := roles.actor_of(t, actors)):
                x = actors.actor(a)
                if x is not None and _who(a, actors) not in mine:
                    return [a]
    return []


def _occasion_subject(noun: Token, frame: Frame) -> list[Token]:
    """Who took part in a meeting or measure named only as a noun: the subject of the verb it is the occasion
    of ("hopes to resolve it during talks with X") or the matter of ("is set to vote on a tariff increase")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    prep, verb = noun.head, noun.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb_frame(verb.lemma_):
        return []
    low = prep.lower_
    if (low in _OCCASION_PREPS and frame.plover in {"CONSULT", "COOPERATE", "AGREE"}) or \
            (low == "on" and verb.lemma_.lower() in _DECIDE_ON):
        return roles.subject_of(verb)[0]
    return []


def _who(aid: str, actors: DocActors) -> str:
    return side(actors.actor(aid), aid)


def _same_country(a: str, b: str, actors: DocActors) -> bool:
    """One side: a minister and his country; not an armed group and the state it fights."""
    return _who(a, actors) == _who(b, actors)


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
