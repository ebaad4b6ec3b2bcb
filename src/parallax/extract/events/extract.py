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
from parallax.extract.events import details, roles, triggers
from parallax.extract.events.codebook import goldstein
from parallax.extract.events.context import FIRST_PERSON, Discourse, is_pair_phrase
from parallax.extract.events.lexicon import (CARRIER_HEADS, REPORT_NOUNS, Frame, adjective_frame, noun_frame,
                                             verb_frame)
from parallax.extract.events.mode import event_mode
from parallax.extract.events.when import DateContext, When, in_future_clause
from parallax.model import Document, Event, Quote
from parallax.language.spans import Covering

_MILITARY = frozenset({"military", "defence", "defense", "arms", "weapon", "army", "naval", "navy", "missile"})
# a nominal meeting or deal is the occasion of its governing verb's subject: "raised it during talks with X"
_OCCASION_PREPS = frozenset({"during", "at", "ahead", "before", "after", "amid", "in", "for"})
_DECIDE_ON = frozenset({"vote", "decide", "agree", "rule", "work"})
# light verbs whose subject arranges a meeting of others: it deals with each of them
_THIRD_PARTY = frozenset({"host", "mediate", "broker", "arrange", "organize", "organise", "launch", "convene",
                          "facilitate", "sponsor"})
_STATE_AGENTS = frozenset({"GOV", "DIP", "MIL", "LEG", "JUD", "SPY", "IGO"})


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
    mode: str | None = None  # set when the governing words decide it (a refusal is asserted)


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
                mode=f.mode or event_mode(f.predicate, f.light, future_date=future_date),  # type: ignore[arg-type]
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
        if tok.pos_ == "VERB" and not (tok.tag_ == "VBN" and adjective_frame(tok.lower_)):
            frame = triggers.verb_frame_of(tok)
            if frame and not triggers.lends_to_noun(tok, frame, actors) and not triggers.under_request(tok):
                found += _code(tok, None, frame, actors, disc)
        elif tok.pos_ == "ADJ" or tok.tag_ == "VBN":
            frame = adjective_frame(tok.lower_)
            if frame is not None and tok.dep_ in {"acomp", "ROOT", "conj", "amod", "ccomp", "advcl", "xcomp"}:
                found += _code(tok, None, frame, actors, disc)
        elif tok.pos_ in {"NOUN", "PROPN"}:
            frame, pred = noun_frame(tok.lemma_), tok
            if tok.dep_ == "compound":  # "a tariff increase", "an aid package": the head carries the event
                if not frame or tok.head.pos_ != "NOUN" or tok.head.lemma_.lower() not in CARRIER_HEADS:
                    continue
                pred = tok.head
            if frame:
                frame = triggers.economic(pred, frame)
                light = triggers.light_verb(pred)
                if light is None and (frame.light_only or triggers.object_of_trigger(pred)):
                    continue
                found += _code(pred, light, frame, actors, disc)
    return found


def _code(pred: Token, light: Token | None, frame: Frame, actors: DocActors, disc: Discourse) -> list[_Found]:
    read = triggers.reading(pred, light, frame)
    if read is None:
        return []
    plover, cameo = read.plover, read.cameo
    sources, targets, pair, subj = _arguments(pred, light, frame, actors)
    given = (len(sources), len(targets), len(pair))
    sources, targets, pair = _implied(pred, light, frame, disc, sources, targets, pair, subj, read.borrow)
    implied = given != (len(sources), len(targets), len(pair))
    sources, targets, pair = ([disc.canonical(a) for a in xs] for xs in (sources, targets, pair))
    out: list[_Found] = []

    def add(s: str, t: str, sym: bool) -> None:
        if s == t or _same_country(s, t, actors):
            return
        if plover == "PROTEST" and _official(s, actors):  # a state's protest is a complaint, not a demonstration
            out.append(_Found(pred, light, frame, "ACCUSE", "114", s, t, sym, implied, read.mode))
            return
        if plover == "ASSAULT" and cameo.startswith("19") and _person(s, actors) and _person(t, actors):
            # leaders "clash" or "attack" each other in words: a verbal conflict, not military force
            out.append(_Found(pred, light, frame, "ACCUSE", "111", s, t, sym, implied, read.mode))
            return
        out.append(_Found(pred, light, frame, plover, cameo, s, t, sym, implied, read.mode))

    if len(pair) >= 2 and sources and light is not None and light.lemma_.lower() in _THIRD_PARTY \
            and not set(sources) & set(pair):
        for p in pair[:3]:  # "hosted talks between A and B", "launched a mediation between A and B"
            for s in sources[:2]:
                add(s, p, False)
        return out
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
             targets: list[str], pair: list[str], subj: list[Token],
             borrow: bool = False) -> tuple[list[str], list[str], list[str]]:
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
    if pair or frame.symmetric or (frame.dictionary and not borrow) or (light is not None and not borrow) \
            or (pred.pos_ != "VERB" and not borrow) or not _may_borrow(pred):
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
    if pred.pos_ == "VERB" or frame.kind == "A":
        subj, passive = roles.subject_of(pred)
        passive = passive and frame.kind != "A"  # "is concerned about": the concerned one is the subject
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
        if not targets and "dobj" in deps and frame.plover in {"REJECT", "ACCUSE", "SUPPORT", "THREATEN", "REQUEST"}:
            targets = [a for o in objs for a in roles.owners(o, actors) if a not in subj_actors]  # "X's allegation"
            if not targets:  # "rejected its offer": the nearest earlier other party
                targets = [a for o in objs if (a := roles.possessive_antecedent(o, actors, subj_actors))]
            if not targets and frame.plover in {"SUPPORT", "ACCUSE"}:  # "welcomed the announcement that X ..."
                targets = [a for o in objs for a in roles.content_subjects(o, actors) if a not in subj_actors]
        if not targets and frame.plover != "ACCUSE":  # "ruled out talks with Kyiv", "boycott contact with X"
            targets = [a for o in objs for a in roles.partners(o, actors) if a not in subj_actors]
        if not targets and frame.plover in {"CONCEDE", "RETREAT"}:  # "will not back down in its dispute with X"
            targets = _dispute_party(pred, actors, subj_actors)
        if not targets and frame.plover == "THREATEN":  # "warned that it will exert pressure on Iran"
            targets = _first_other(pred, actors, subj_actors)
        sources = subj_actors
        if frame.inverse:
            sources, targets = roles.actors_of(pobj.get("from", []), actors), subj_actors
            if not sources:  # "received Chinese air defence systems": the maker's nationality supplies
                sources = [a for o in objs for a in roles.modifier_actors(o, actors) if a not in targets]
            if not sources and pred.dep_ in {"acl", "advcl"}:  # "in talks with X to buy"
                sources = _talks_partner(pred.head, actors)
        if not targets and (frame.plover == "REQUEST" or frame.kind == "A"):  # "demanded that Ottawa drop ...",
            # "worried Moscow may not stop": the clause's subject
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
    if light is not None and light.pos_ == "NOUN":  # "Washington's suspension of aid": the reversal's owner
        sources = roles.owners(light, actors)
    elif light is not None:
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
    if not targets and light is not None:  # "offered Moscow a prisoner exchange": the light verb's dative
        targets = roles.actors_of([c for c in light.children if c.dep_ == "dative" and c.pos_ != "ADP"], actors)
    if "between" in pobj:
        pair = roles.actors_of(pobj["between"], actors)
    if (frame.symmetric or frame.plover == "ASSAULT") and len(own) >= 2 and not pair:
        pair = own[:2]  # "US-China talks", "the Russia-Ukraine war": the first named acts
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


def _dispute_party(verb: Token, actors: DocActors, exclude: list[str]) -> list[str]:
    """The other party of the dispute or talks a yielding verb is set in: "won't back down in its row with X"."""
    for c in verb.children:
        if c.dep_ == "prep":
            for n in c.children:
                if n.dep_ == "pobj" and noun_frame(n.lemma_):
                    found = roles.actors_of(roles.prep_objects(n, {"with", "against", "over"}).get("with", []), actors)
                    return [a for a in found if a not in exclude]
    return []


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
    mine = {(actors.actor(a).country or a) for a in exclude if actors.actor(a)}
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        for t in c.subtree:
            if t.dep_ in {"pobj", "dobj"} and (a := roles.actor_of(t, actors)):
                x = actors.actor(a)
                if x is not None and (x.country or a) not in mine:
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
    a = actors.actor(aid)
    return a.country if a and a.country else aid


def _official(aid: str, actors: DocActors) -> bool:
    """A state, a body or someone acting for one (not protesters or a crowd)."""
    a = actors.actor(aid)
    if a is None:
        return False
    return a.kind in {"country", "organization"} or a.agent in _STATE_AGENTS or (a.kind == "person" and bool(a.roles))


def _person(aid: str, actors: DocActors) -> bool:
    a = actors.actor(aid)
    return a is not None and a.kind == "person"


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
