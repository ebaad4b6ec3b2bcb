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

from parallax.extract.actors.types import ARMED_AGENTS, DocActors, state_side
from parallax.extract.events import conditions, details, roles, statements, triggers, verbs, voices
from parallax.extract.events.codebook import goldstein
from parallax.extract.events.context import Discourse
from parallax.extract.events.defiance import defiances
from parallax.extract.events.implied import implied
from parallax.extract.events.lexicon import CARRIER_HEADS, CROWDS, MISREAD_LEMMAS, Frame, adjective_frame, noun_frame
from parallax.extract.events.mode import background, event_mode
from parallax.extract.events.parties import arguments, own_pair, under_attack, unnamed_other
from parallax.extract.events.when import DateContext, When, in_future_clause
from parallax.model import Document, Event, Quote
from parallax.language.spans import Covering

ACCUSATION = Frame("say", "V", "112", "ACCUSE", frozenset())
DENIAL = Frame("deny", "V", "016", "REJECT", frozenset())  # CAMEO 016 "deny responsibility"
DEFIANCE = Frame("defy", "V", "120", "REJECT", frozenset())  # CAMEO 120 "reject"
_MILITARY = frozenset({"military", "defence", "defense", "arms", "weapon", "army", "naval", "navy", "missile"})
# light verbs whose subject arranges a meeting of others: it deals with each of them
_THIRD_PARTY = frozenset({"host", "mediate", "broker", "arrange", "organize", "organise", "launch", "convene",
                          "facilitate", "sponsor"})
# acts whose withdrawal a party can make conditional: "will withdraw its force unless ..." threatens
_WITHDRAWABLE = frozenset({"RETREAT", "AID", "COOPERATE", "CONSULT", "AGREE", "SUPPORT"})
# an armed group's strike retold in the next sentence is coded again, as annotators do (a state's strike retold
# with a side taken from context is too often the context's side)
_RETOLD = frozenset({"ASSAULT", "COERCE"})
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
            if f.light is None and background(f.predicate):
                continue  # "sanctions over its purchase of jets": the purchase is background, not this report
            if voices.outside_voice(f.light or f.predicate, actors, disc.speaker) \
                    and (f.mode or event_mode(f.predicate, f.light)) in voices.SPECULATIVE:
                continue  # an analyst's forecast: commentary, not an event
            # a minister and his country: one side
            src, tgt = roles.side_of(actors, f.source), roles.side_of(actors, f.target)
            key = (frozenset((src, tgt)) if f.symmetric else (src, tgt), f.plover)
            loose = (frozenset((src, tgt)), f.plover)
            doer = actors.actor(f.source)
            retold = f.plover in _RETOLD and doer is not None and doer.agent in ARMED_AGENTS
            repeat = f.implied and not retold and any(
                k == loose and disc.index - 2 <= i < disc.index + f.symmetric for i, k in recent)
            if key in seen or repeat:
                continue  # "The two men discussed ...": the talks just reported, not a second event (but in one
                # sentence, "X's call for A and Y's demand for B" are two requests, one each way)
            seen.add(key)
            recent.append((disc.index, (frozenset((src, tgt)), f.plover)))
            disc.record(f.source, f.target, f.plover)
            when = _pick_date(f, whens)
            # a date after publication makes an act future, unless its verb says it is done ("imposed tariffs,
            # then delayed them until April 2")
            done = (f.light or f.predicate).tag_ == "VBD"
            future_date = bool(when and doc.published and when.date > doc.published[:len(when.date)]) and not done
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
            frame = verbs.verb_frame_of(tok)
            if frame and not triggers.lends_to_noun(tok, frame, actors) and not triggers.under_request(tok):
                found += _code(tok, None, frame, actors, disc)
        elif tok.pos_ == "ADJ" or tok.tag_ == "VBN":
            frame = adjective_frame(tok.lower_)
            if frame is not None and tok.dep_ in {"acomp", "ROOT", "conj", "amod", "ccomp", "advcl", "xcomp"}:
                found += _code(tok, None, frame, actors, disc)
        elif tok.pos_ in {"NOUN", "PROPN"}:
            frame, pred = noun_frame(tok.lemma_) or noun_frame(triggers.hyphenated(tok)), tok
            if tok.dep_ == "compound":  # "a tariff increase", "an aid package": the head carries the event
                if not frame or tok.head.pos_ != "NOUN" or tok.head.lemma_.lower() not in CARRIER_HEADS:
                    continue
                pred = tok.head
            if frame:
                frame = triggers.noun_reading(pred, frame)
                if frame.plover == "SANCTION" and triggers.nil_measure(pred):
                    continue
                light = triggers.light_verb(pred)
                if light is None and not under_attack(pred) and (frame.light_only or (
                        triggers.object_of_trigger(pred) and not own_pair(pred, frame, actors))):
                    continue
                found += _code(pred, light, frame, actors, disc)
                for other in triggers.shared_lights(light):  # "imposed and then suspended tariffs on X"
                    found += _code(pred, other, frame, actors, disc)
    found += _accusations(sent, found, actors, disc)
    for v, s, t, threat in defiances(sent, actors):  # "held the drills despite Peru's protests (threats)"
        found.append(_Found(v, None, DEFIANCE, "REJECT", DEFIANCE.cameo, s, t, False, mode="asserted"))
        if threat is not None:
            found.append(_Found(threat, v, DEFIANCE, "THREATEN", "130", t, s, False, mode="asserted"))
    return found + _denials(sent, found, actors, disc)


def _accusations(sent: Span, found: list[_Found], actors: DocActors, disc: Discourse) -> list[_Found]:
    """ACCUSE events of hostile acts a government states of another side ("Pakistan says India backed ...")."""
    hostile = [(f.light or f.predicate, f.source, f.plover) for f in found]
    return [_Found(p, None, ACCUSATION, "ACCUSE", ACCUSATION.cameo, s, t, False)
            for p, s, t in statements.accusations(sent, actors, hostile, lambda i: disc.speaker(i, direct=True))]


def _denials(sent: Span, found: list[_Found], actors: DocActors, disc: Discourse) -> list[_Found]:
    """REJECT events of accusations a side denies ("India rejected the allegations"), aimed at the accuser."""
    here = [(f.light or f.predicate, f.source, f.target, f.plover) for f in found]
    return [_Found(v, None, DENIAL, "REJECT", DENIAL.cameo, s, t, False, mode="asserted")
            for v, s, t in statements.denials(sent, actors, here, disc.accuser)]


def _code(pred: Token, light: Token | None, frame: Frame, actors: DocActors, disc: Discourse) -> list[_Found]:
    if light is not None and light.lemma_.lower() == "exchange":  # "exchanged fire" (each on the other),
        frame = replace(frame, mutual=True) if frame.plover == "ASSAULT" else replace(frame, symmetric=True)
        # "exchanged prisoners" (one mutual act)
    read = triggers.reading(pred, light, frame)
    if read is None:
        return []
    plover, cameo, mode = read.plover, read.cameo, read.mode
    sources, targets, pair, subj = arguments(pred, light, frame, actors)
    if frame.mutual and plover == "ASSAULT" and triggers.verbal_clash(pred, light, subj):
        plover, cameo = "ACCUSE", "111"  # "clashed over fishing rights": words, not force
    given = (len(sources), len(targets), len(pair))
    sources, targets, pair = implied(pred, light, frame, disc, sources, targets, pair, subj, read.borrow, plover)
    borrowed = given != (len(sources), len(targets), len(pair))
    if plover in conditions.COERCIVE and not sources and (said := statements.conditional_measure(pred, light, actors)):
        (speaker, threatened), borrowed = said, False  # "sanctions could follow if X ...," the official said
        sources, targets = [speaker], [threatened]
        plover, cameo, mode = "THREATEN", conditions.THREAT_CODE.get(plover, "130"), "asserted"
    sources, targets, pair = ([disc.canonical(a) for a in xs] for xs in (sources, targets, pair))
    demand, agreed = False, plover == "AGREE" and triggers.agreed_act(pred, light, frame)
    if (plover in conditions.COERCIVE and sources and _threatened(pred, light, sources, actors)) or (
            plover in _WITHDRAWABLE and sources and conditions.withheld_unless(pred, light)):
        plover, cameo, mode = "THREATEN", conditions.THREAT_CODE.get(plover, "130"), "asserted"
        demand = conditions.demanded_condition(pred, light)  # "... unless X releases": X is asked to, too
        mine = {roles.side_of(actors, a) for a in sources}
        if all(roles.side_of(actors, t) in mine for t in targets) and (cond := conditions.condition_of(pred, light)):
            # "if tariffs are not dropped by Canada, I will raise the tariffs on cars": the threatened is the
            # party the condition names
            named = roles.actors_of(roles.subject_of(cond)[0] + roles.agent_of(cond), actors)
            targets = [a for a in named if roles.side_of(actors, a) not in mine][:1] or targets
    if plover == "THREATEN" and not demand and frame.lemma in conditions.WARNING_VERBS:
        demand = conditions.demanded_condition(pred, light)  # "warned it would strike unless X released ..."
    out: list[_Found] = []
    crowd = any(t.lemma_.lower() in CROWDS for t in subj)

    def add(s: str, t: str, sym: bool) -> None:
        if roles.side_of(actors, s) == roles.side_of(actors, t):
            return  # one side: a minister and his country (not an armed group and the state it fights)
        if not (state_side(actors.actor(s)) or state_side(actors.actor(t))):
            return  # two groups, or a group and someone of no country: no state or IGO takes part
        if plover == "PROTEST" and _official(s, actors) and not crowd:  # a state's protest is a complaint, not
            # a demonstration (but "Peruvian students protested" is one, whatever country they are of)
            out.append(_Found(pred, light, frame, "ACCUSE", "114", s, t, sym, borrowed, mode))
            return
        if plover == "ASSAULT" and cameo.startswith("19") and _person(s, actors) and _person(t, actors):
            # leaders "clash" or "attack" each other in words: a verbal conflict, not military force
            out.append(_Found(pred, light, frame, "ACCUSE", "111", s, t, sym, borrowed, mode))
            return
        out.append(_Found(pred, light, frame, plover, cameo, s, t, sym, borrowed, mode))
        if plover == "REQUEST" and conditions.or_else(light or pred):  # "... or face sanctions": a threat too
            out.append(_Found(pred, light, frame, "THREATEN", "130", s, t, sym, borrowed, mode))
        if demand:
            out.append(_Found(pred, light, frame, "REQUEST", "100", s, t, sym, borrowed, "asserted"))
        if agreed:  # "agreed to resume talks": the talks to come as well
            out.append(_Found(pred, light, frame, frame.plover, frame.cameo, s, t, sym, borrowed, "future"))

    if frame.mutual:  # "Chilean and Peruvian troops clashed", "a face-off between A and B": each on the other
        sides = pair if len(pair) >= 2 else sources if len(sources) >= 2 and all(  # "A and B clashed at the
            _own_party(a, actors) for a in sources[:2]) else []  # X crossing": X is a place, not a third party
        for s, t in [(sides[0], sides[1])] if len(sides) >= 2 else [(s, t) for s in sources[:4] for t in targets[:6]]:
            add(s, t, False)
            add(t, s, False)
    elif len(pair) >= 2 and sources and light is not None and light.lemma_.lower() in _THIRD_PARTY \
            and not set(sources) & set(pair):
        for p in pair[:3]:  # "hosted talks between A and B", "launched a mediation between A and B"
            for s in sources[:2]:
                add(s, p, False)
    elif len(pair) >= 2 and (frame.symmetric or not targets):
        add(pair[0], pair[1], True)
    elif frame.symmetric and not targets and len(sources) >= 2 and not unnamed_other(light or pred, actors) \
            and all(_own_party(a, actors) for a in sources[:2]):
        add(sources[0], sources[1], True)
    else:
        for s in sources[:4]:
            for t in targets[:6]:  # "tariffs on Mexico, Canada, China and the EU": one event per target
                add(s, t, frame.symmetric and not frame.inverse)  # "met X", "held talks with X": mutual acts
    for f in out:
        disc.note(f.source, f.target, f.plover)
    return out


def _threatened(pred: Token, light: Token | None, sources: list[str], actors: DocActors) -> bool:
    """A coercive act stated as a threat by its own doer (a condition, or its own warning: not a warning that
    someone else could strike)."""
    is_threat, warning = conditions.threat(pred, light)
    if not is_threat or warning is None:
        return is_threat
    warners = {roles.side_of(actors, a) for a in roles.actors_of(roles.subject_of(warning)[0], actors)}
    return not warners or bool(warners & {roles.side_of(actors, a) for a in sources})


def _official(aid: str, actors: DocActors) -> bool:
    """A state, a body or someone acting for one (not protesters or a crowd)."""
    a = actors.actor(aid)
    if a is None:
        return False
    return a.kind in {"country", "organization"} or a.agent in _STATE_AGENTS or (a.kind == "person" and bool(a.roles))


def _own_party(aid: str, actors: DocActors) -> bool:
    """A side in its own right: a state or IGO, someone acting for one, or an armed group. Of a subject that lists
    "the army, the air force and the X Group", a body of unknown allegiance is one more unit, not a counterpart."""
    a = actors.actor(aid)
    return state_side(a) or (a is not None and a.agent in ARMED_AGENTS)


def _person(aid: str, actors: DocActors) -> bool:
    a = actors.actor(aid)
    return a is not None and a.kind == "person"


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
    word = triggers.hyphenated(f.predicate) or f.predicate.lemma_  # "face-off", not its last piece
    if f.light is None:
        return word
    return f"{MISREAD_LEMMAS.get(f.light.lemma_, f.light.lemma_)} {word}"


def _speaker(pos: int, speaking: Covering[Quote]) -> str | None:
    """The quote speaker when the predicate sits inside a quote or reported speech."""
    q = speaking.first(pos, lambda q: bool(q.speaker))
    return q.speaker if q else None
