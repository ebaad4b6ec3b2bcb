"""Accusations made by stating a hostile act, and the denials that answer them.

"Pakistan says India backed the attack" is an ACCUSE by Pakistan of India, besides whatever the embedded clause
reports; "India rejected the allegation" or "a charge Delhi denied" is a REJECT by India of its accuser.

A government or its officials that state, claim or allege that another side attacked, coerced, threatened or
mobilised, backed an attack or armed group, or failed or refused to act, accuse that side (CAMEO 112, "accuse
of aggression" and kin). Only a speaker with a state or IGO side counts, never an analyst or a newspaper; the
accused must be another side; the act must be hostile by its predicate, not by the speaker's tone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from parallax.extract.actors.types import ARMED_AGENTS, DocActors, state_side
from parallax.extract.events import roles
from parallax.extract.events.conditions import MODALS, WARNING_VERBS, condition_of
from parallax.extract.events.lexicon import ACCUSING_LABELS, REPORT_NOUNS, noun_frame, verb_frame
from parallax.extract.events.mode import DENY_VERBS, event_mode
from parallax.extract.events.parties import owners
from parallax.language.tree import clause_verb

# verbs that state a clause as the speaker's own claim
CLAIM_VERBS = frozenset("""
say tell claim allege charge insist contend assert state declare maintain argue add confirm reiterate stress
""".split())
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
# objects that make backing or arming hostile: "backed the attack", "supported the militants"
HOSTILE_OBJECTS = frozenset("""
attack attacker militant terrorist terrorism insurgent insurgency separatist rebel bombing assault violence
""".split())
_BACKING = frozenset({"SUPPORT", "AID"})
# subjects that make a clause about an attack's authors: "the attackers were trained in X"
ATTACK_NOUNS = HOSTILE_OBJECTS | frozenset("""
perpetrator handler planner mastermind ringleader organizer organiser assailant gunman hijacker bomber plot
""".split())
_FAILING = frozenset({"fail", "refuse"})
_INDICATING = frozenset({"indicate", "suggest", "note", "explain"})  # "indicating that sanctions would follow if"
_CULPABLE = frozenset({"responsible", "culpable", "guilty", "blame"})  # "was to blame for the attack"
# people who speak for no state whatever their nationality: "US witnesses said", "Afghan residents said"
BYSTANDERS = frozenset("witness resident analyst expert observer journalist reporter activist villager "
                       "survivor passenger eyewitness".split())
_AUTHORSHIP = frozenset({"involve", "involved", "responsible", "behind"})  # "those involved in the attack"
_ORGAN_AGENTS = frozenset({"MIL", "SPY", "COP"})  # a state's forces, intelligence and police
# verbs that state a claim named as a noun: "repeated the allegation that ...", "made the claim that ..."
_CLAIM_MAKERS = frozenset("repeat make level voice renew".split())
# what a denial answers: "rejected the allegations", "dismissed the panel's findings", "a charge X denied"
CHARGE_NOUNS = REPORT_NOUNS | frozenset("accusation charge finding criticism".split())
# verbs that deny a clause as well as a noun: "denied providing sanctuary", "denied that it had ..."
_CLAUSE_DENIALS = frozenset({"deny", "refute"})
# what a rejection turns down, and the verbs that do it: "rejected an offer from X", "denied the request"
PROPOSAL_NOUNS = frozenset("offer proposal request demand call appeal plea invitation ultimatum overture".split())
_TURNING_DOWN = DENY_VERBS | frozenset("refuse decline rebuff spurn".split())
_ASKING = frozenset({"REQUEST", "AGREE", "CONSULT"})  # the events a turned-down proposal may have been coded as


def accusations(sent: Span, actors: DocActors, hostile: Iterable[tuple[Token, str, str]],
                speaker_at: Callable[[int], str | None]) -> list[tuple[Token, str, str]]:
    """(claim verb or sentence root, accuser, accused) for each accusation ``sent`` makes by statement.

    ``hostile`` holds the sentence's coded events as (predicate, source, type); an event inside a quote whose
    speaker is of another side is that speaker's accusation too ("Russia's illegal aggression," Joly said).
    """
    out: list[tuple[Token, str, str]] = []
    for verb in sent:
        lem = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lem not in CLAIM_VERBS | _CLAIM_MAKERS:
            continue
        voices = [t for t in roles.subject_of(verb)[0] if t.lemma_.lower() not in BYSTANDERS]
        speakers = [a for a in roles.actors_of(voices, actors) if state_voice(actors, a)]
        clauses = [c for c in verb.children if c.dep_ == "ccomp"] if lem in CLAIM_VERBS else []
        clauses += [g for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in CHARGE_NOUNS
                    for g in o.children if g.dep_ in {"acl", "ccomp"}]  # "reiterated the claim that ..."
        for clause in clauses:
            for pred in (clause, *clause.conjuncts):
                if _hostile_clause(pred):
                    accused = roles.actors_of(roles.subject_of(pred)[0], actors)
                else:  # "the attackers were in touch with planners in Afghanistan": the one foreign side named
                    accused = _linked_side(pred, actors, speakers)
                for a in accused:
                    out += [(verb, s, a) for s in speakers if _sides_differ(actors, s, a)]
    for pred, source, plover in hostile:
        speaker = speaker_at(pred.idx)
        if plover in HOSTILE and speaker and state_voice(actors, speaker) and _sides_differ(actors, speaker, source):
            out.append((pred.sent.root, speaker, source))  # the saying is asserted, whatever the act's mode
    return out


def _linked_side(pred: Token, actors: DocActors, speakers: list[str]) -> list[str]:
    """The one other side a clause about an attack or its authors places them with: "the attack was planned in
    X", "the attackers were in touch with handlers in X". Nothing when the clause names two other sides."""
    subj = roles.subject_of(pred)[0]
    if not speakers or not subj or not _authors(subj[0]):
        return []
    mine = {roles.side_of(actors, s) for s in speakers}
    inside = [t for t in pred.subtree if t.i not in {s.i for x in subj for s in x.subtree}]
    if not inside:
        return []
    start, end = inside[0].idx, inside[-1].idx + len(inside[-1])
    sides = {}
    for m in actors.mentions_in(start, end):
        a = actors.actor(m.actor)
        if a is not None and a.country and (side := roles.side_of(actors, m.actor)) not in mine:
            sides.setdefault(side, m.actor)
    return list(sides.values()) if len(sides) == 1 else []


def _authors(subj: Token) -> bool:
    """An attack or its authors: "the attackers", "the handlers of the attack", "those involved in the attack"."""
    if subj.lemma_.lower() in ATTACK_NOUNS:
        return True
    words = {t.lemma_.lower() for t in subj.subtree}
    return bool(words & _AUTHORSHIP) and bool(words & HOSTILE_OBJECTS)


def _hostile_clause(pred: Token) -> bool:
    """Whether a clause's predicate is a hostile act by its subject."""
    frame = verb_frame(pred.lemma_.lower())
    if frame is not None and frame.plover in HOSTILE:
        return True
    objs = [c for c in pred.children if c.dep_ in {"dobj", "pobj"}]
    objs += [p for c in pred.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    if frame is not None and frame.plover in _BACKING and any(o.lemma_.lower() in HOSTILE_OBJECTS for o in objs):
        return True
    if pred.lemma_.lower() == "be":  # "X was behind the bombing", "its actions were illegal"
        labels = (t.lemma_.lower() for c in pred.children if c.dep_ in {"acomp", "attr"} for t in c.subtree)
        if any(_hostile_thing(o) for o in _authored(pred)) or any(w in ACCUSING_LABELS for w in labels):
            return True
    return pred.lemma_.lower() in _FAILING and any(c.dep_ == "xcomp" for c in pred.children)


def _authored(copula: Token) -> list[Token]:
    """What a copula makes its subject the author of: "responsible for X", "to blame for X", "behind X"."""
    out = [p for c in copula.children if c.dep_ == "prep" and c.lower_ == "behind" for p in c.children
           if p.dep_ == "pobj"]
    for c in copula.children:
        if c.dep_ in {"acomp", "xcomp"} and c.lemma_.lower() in _CULPABLE:
            out += [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ in {"for", "of"}
                    for p in pr.children if p.dep_ == "pobj"]
    return out


def _hostile_thing(noun: Token) -> bool:
    """An attack named as a noun: "the attack", "the bombing of the embassy", "the shelling"."""
    frame = noun_frame(noun.lemma_)
    return noun.lemma_.lower() in HOSTILE_OBJECTS or (frame is not None and frame.plover in HOSTILE)


def state_voice(actors: DocActors, aid: str) -> bool:
    """A voice of a state or IGO: a country, an IGO, or an official or body of a state, named or by office ("the
    Lithuanian foreign minister"), or the unnamed voices of its forces or intelligence ("security sources"); no
    bare "sources" or "officials", no analyst who merely has a nationality."""
    a = actors.actor(aid)
    if a is None or not state_side(a):  # the side an event needs (``types.state_side``) and a stated office
        return False
    if a.kind == "country" or a.agent == "IGO":
        return True
    # unnamed speakers count when their words say whose organ they are: "security sources", "military officials"
    return a.agent is not None and (not (a.anonymous and a.kind == "group") or a.agent.rstrip("?") in _ORGAN_AGENTS)


def _sides_differ(actors: DocActors, a: str, b: str) -> bool:
    return roles.side_of(actors, a) != roles.side_of(actors, b)


def denials(sent: Span, actors: DocActors, here: Iterable[tuple[Token, str, str, str]],
            accuser_of: Callable[[str, frozenset[str]], str | None]) -> list[tuple[Token, str, str]]:
    """(denial verb, denier, accuser) for each accusation, report or proposal a state side denies or turns down
    in ``sent``.

    The accuser is the one the words name ("Pakistan's allegations", "an offer from Kabul"), else whoever was
    last coded as accusing (or asking) the denier (this sentence's events in ``here``, as (predicate, source,
    target, type), then ``accuser_of(denier, types)``: the previous sentences), else the one the denied act was
    aimed at ("denied attacking Ukrainian ships" answers Ukraine). No accuser, no event: a denial says whom it
    answers or stays uncoded.
    """
    here = list(here)
    out: list[tuple[Token, str, str]] = []
    for verb in sent:
        lem = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lem not in _TURNING_DOWN or event_mode(verb) == "negated":
            continue
        charge = _charge(verb, CHARGE_NOUNS) if lem in DENY_VERBS else None
        proposal = _charge(verb, PROPOSAL_NOUNS)
        clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}] if lem in _CLAUSE_DENIALS else []
        which = verb.dep_ in {"relcl", "advcl"} and any(c.dep_ == "dobj" and c.lower_ == "which" for c in verb.children)
        deniers = [a for a in roles.actors_of(roles.subject_of(verb)[0], actors) if state_voice(actors, a)]
        if not deniers and lem in DENY_VERBS and (reduced := _reduced_charge(verb, actors)) is not None:
            charge, deniers = reduced[0], [reduced[1]] if state_voice(actors, reduced[1]) else []  # "..., a
            # charge Chilean spokesman X rejected" read without its subject: the parser hung X elsewhere
        if charge is None and proposal is None and not clauses and not which:  # "..., which Lima denied"
            continue
        types = _ASKING if proposal is not None else frozenset({"ACCUSE"})
        for denier in deniers:
            accuser = _accuser(denier, charge or proposal, types, clauses, here, actors, accuser_of)
            if accuser is None and (verb.dep_ == "relcl" or which):  # "X said ..., a claim Lima denied"
                accuser = _stated_by(verb, actors, denier)
            if accuser is not None and _sides_differ(actors, denier, accuser) \
                    and (state_side(actors.actor(accuser)) or _armed(actors, accuser)):
                out.append((verb, denier, accuser))
    return out


def _charge(verb: Token, nouns: frozenset[str]) -> Token | None:
    """The accusation, report or proposal a denial verb takes: its object, or the noun its relative clause is
    on ("a charge Delhi rejected")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in nouns:
        return verb.head
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in nouns:
            return c
    if verb.dep_ in {"relcl", "acl", "ccomp"} and not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):  # the parser often reads "a charge X
            first = subj.left_edge  # rejected" as a subject "a charge X" with the noun as a modifier
            if first.dep_ == "det" and first.i + 1 < len(verb.doc):
                first = verb.doc[first.i + 1]
            if first.dep_ in {"compound", "amod", "nmod"} and first.lemma_.lower() in nouns and first.i < subj.i:
                return first
    return None


def _accuser(denier: str, charge: Token | None, types: frozenset[str], clauses: list[Token],
             here: list[tuple[Token, str, str, str]], actors: DocActors,
             accuser_of: Callable[[str, frozenset[str]], str | None]) -> str | None:
    mine = roles.side_of(actors, denier)
    if charge is not None:
        named = [a for a in owners(charge, actors) if roles.side_of(actors, a) != mine]
        if named:
            return named[0]
    for _pred, source, target, plover in reversed(here):
        if plover in types and roles.side_of(actors, target) == mine and roles.side_of(actors, source) != mine:
            return source
    if (earlier := accuser_of(denier, types)) is not None:
        return earlier
    inside = {t.i for c in clauses for t in c.subtree}
    for pred, source, target, _plover in here:
        if pred.i in inside and roles.side_of(actors, source) == mine:
            return target
    return None


def _reduced_charge(verb: Token, actors: DocActors) -> tuple[Token, str] | None:
    """(charge noun, denier) of "a charge <speaker> rejected" read without its subject: the words right
    before the verb name the denier, and a charge noun opens the phrase after the last comma or dash."""
    if verb.i == 0 or verb.doc[verb.i - 1].pos_ != "PROPN":
        return None
    prev = verb.doc[verb.i - 1]
    denier = actors.actor_at(prev.idx, prev.idx + len(prev))
    for tok in reversed(verb.doc[max(verb.sent.start, verb.i - 10):verb.i - 1]):
        if tok.text in {",", "—", "–", ";"}:
            break
        if tok.lemma_.lower() in CHARGE_NOUNS and denier is not None:
            return tok, denier
    return None


_REPORTING = CLAIM_VERBS | frozenset({"detail", "report", "document", "find", "accuse"})


def _stated_by(denial: Token, actors: DocActors, denier: str) -> str | None:
    """Who stated what a relative denial answers: the subject of its sentence's reporting verb ("U.N. experts
    detailed transfers ..., which Lima denied")."""
    root = denial.sent.root
    if root.lemma_.lower() not in _REPORTING:
        return None
    mine = roles.side_of(actors, denier)
    for a in roles.actors_of(roles.subject_of(root)[0], actors):
        if roles.side_of(actors, a) != mine and state_side(actors.actor(a)):
            return a
    return None


def _armed(actors: DocActors, aid: str | None) -> bool:
    a = actors.actor(aid) if aid else None
    return a is not None and a.agent in ARMED_AGENTS


def conditional_measure(pred: Token, light: Token | None, actors: DocActors) -> tuple[str, str] | None:
    """(speaker, threatened) when a state voice states a coercive measure without its doer on another side's
    condition: "sanctions could follow if Lima tested the missile, the official said" threatens Peru
    (CAMEO 13x), even with "could": the speaker's own side is the one that would act."""
    cond = condition_of(pred, light)
    verb = clause_verb(light or pred, 4)
    if cond is None or verb is None or not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return None
    speech = verb.head if verb.dep_ == "ccomp" else None
    if speech is None or speech.lemma_.lower() not in CLAIM_VERBS | WARNING_VERBS | _INDICATING:
        return None
    speakers = [a for a in roles.actors_of(roles.subject_of(speech)[0], actors) if state_voice(actors, a)]
    threatened = roles.actors_of(roles.subject_of(cond)[0], actors)
    for s in speakers:
        for t in threatened:
            if _sides_differ(actors, s, t):
                return s, t
    return None
