"""The mode of an event: asserted, negated, future, hypothetical, denied or reported.

Read from the parse around the predicate, never from keywords alone: negation attached to the predicate or to
the verbs that control it ("did not agree to sell"), modal auxiliaries, conditional clauses, and the verbs and
nouns that govern the clause ("dismissed reports that...", "pledged to...", "intelligence reports suggested").
A negated or hedged event is never coded as plain fact.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.events.lexicon import REPORT_NOUNS

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nothing", "none", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
DENY_VERBS = frozenset("deny dismiss refute rubbish debunk reject disown contradict".split())
FUTURE_GOVERNORS = frozenset("""
plan intend aim expect pledge promise vow agree decide set prepare seek want hope commit undertake
schedule suppose due ready willing eager readiness plan intention promise pledge commitment
resolve going reaffirm
""".split())
# an offer or a proposal is not yet a plan: what is offered is possible ("offered to supply", "proposed talks")
HYPOTHETICAL_GOVERNORS = frozenset("""
consider mull weigh explore look possibility option contemplate inclined offer propose proposal suggest
likely unlikely possible probable threat risk prospect spectre specter danger
""".split())
# light verbs of intent that decide the mode of the event noun they carry ("offered talks", "pledged aid")
OFFERING_LIGHTS = frozenset({"offer", "propose", "suggest"})
PROMISING_LIGHTS = frozenset({"pledge", "promise", "vow", "plan"})
ACCUSATION_GOVERNORS = frozenset("accuse allege charge suspect".split())  # the accused act is a claim
NEGATED_NOUNS = frozenset("plan intention intent desire interest".split())  # "has no plans to sell"
HEDGE_ADVERBS = frozenset("reportedly allegedly purportedly apparently supposedly ostensibly".split())
HEDGE_VERBS = frozenset("suggest claim allege rumour rumor believe report speculate indicate appear seem".split())
SPEECH_VERBS = frozenset("say tell announce state add confirm declare insist reiterate write".split())
SPEECH_SOURCES = frozenset({"source", "intelligence", "media", "report", "leak", "document", "insider"})

# How a clause hangs under the word that governs its mode.
_UP = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "prep", "pobj", "dobj", "conj", "relcl", "nsubj",
                 "nsubjpass", "attr", "oprd", "appos", "compound", "amod"})


# a noun event given as a reason or background is presupposed: "sanctions over its purchase of jets"
FAILURES = frozenset({"failure", "refusal", "inability", "reluctance"})  # nouns whose "to" act did not happen
FACT_PREPS = frozenset({"over", "despite", "after", "since", "amid", "following", "because"})


def background(noun: Token) -> bool:
    """An event noun given as the reason or the setting of what the sentence reports ("sanctions over its
    purchase of jets", "talks resumed after the clash"): presupposed, reported before, not this sentence's
    event. Event coders code the main act and leave the background out."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ in FACT_PREPS - {"because"}


def governors(token: Token) -> list[Token]:
    """The chain of words above ``token`` that can change its mode, nearest first, within the sentence."""
    out: list[Token] = []
    cur = token
    while cur.dep_ in _UP and cur.head is not cur and len(out) < 8:
        if cur.dep_ == "pobj" and cur.head.lower_ in FACT_PREPS and cur.pos_ == "NOUN":
            break
        if cur.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
            break  # "Chile proposed ..., but Lima rejected ...": a clause of its own
        cur = cur.head
        out.append(cur)
    return out


def _negated_here(tok: Token) -> bool:
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (low in NEGATORS and c.dep_ in {"advmod", "det", "preconj"}):
            return True
        if c.dep_ == "prep":  # "at no point", "in no way"
            if any(g.lower_ in {"no", "none"} for g in c.subtree if g.dep_ == "det"):
                return True
        if c.dep_ in {"dobj", "nsubjpass", "attr"} and any(g.lower_ == "no" and g.dep_ == "det" for g in c.children):
            return True
    return False


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _chain(token: Token, light: Token | None) -> list[Token]:
    """The predicate, its light verb and the control verbs above them (``xcomp``: "decided not to buy")."""
    out = [token]
    cur = light or token
    if light is not None:
        out.append(light)

    while cur.dep_ in {"xcomp", "conj", "pcomp", "prep", "pobj"} and cur.head is not cur:
        cur = cur.head
        out.append(cur)
    return out


def _conditional(chain: list[Token]) -> bool:
    """Whether the predicate's own clause is an "if"/"unless" clause."""
    return any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children)
               for t in chain)


def event_mode(token: Token, light: Token | None = None, *, future_date: bool = False) -> str:
    """Mode of the event whose predicate is ``token`` (a noun's light verb is ``light``)."""
    chain = _chain(token, light)
    govs = governors(light or token)
    lemmas = [g.lemma_.lower() for g in govs]

    # denied: the clause hangs under a denial ("dismissed reports that...", "denied that...")
    for g in govs:
        if g.lemma_.lower() in DENY_VERBS and not _negated_here(g):
            return "denied"
        if g.lemma_.lower() in REPORT_NOUNS and g.head.lemma_.lower() in DENY_VERBS:
            return "denied"
    if any(_negated_here(t) for t in chain):  # "if Colombia did not release them": a condition, not a refusal
        return "hypothetical" if _conditional(chain) else "negated"
    if token.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
        return "negated"
    if (light or token).dep_ == "acl" and any(g.lemma_.lower() in FAILURES for g in govs[:1]):
        return "negated"  # "Obama's failure to sell missiles to Turkey": the sale did not happen
    for g in govs[:3]:
        if g.lemma_.lower() in NEGATED_NOUNS and any(c.lower_ == "no" and c.dep_ == "det" for c in g.children):
            return "negated"

    # A reporting frame outranks what it frames: "it was claimed in a report that X could back Y" is the
    # report's claim (reported), whatever modal the claim itself carries. A plain attribution ("according to
    # the ministry") frames nothing: the claim's own mode stands, and it counts as reported only below.
    if _hedged(token, light, govs, attribution=False):
        return "reported"

    auxes = set().union(*(_aux(t) for t in chain))
    if light is None and token.pos_ == "NOUN" and token.dep_ in {"nsubj", "nsubjpass"}:
        auxes |= _aux(token.head)  # "a ceasefire could take place": its verb's modal (not its "did not mesh")
    if "would" in auxes and any(g.lemma_.lower() in SPEECH_VERBS and g.tag_ == "VBD" for g in govs[:3]):
        auxes = (auxes - {"would"}) | {"will"}  # "said it would host": future seen from the past
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    for t in [*chain, *govs]:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return "hypothetical"
        if t.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return "hypothetical"
    if any(lem in HYPOTHETICAL_GOVERNORS and not _looking_to(g) for lem, g in zip(lemmas[:3], govs)):
        return "hypothetical"
    if any(lem in ACCUSATION_GOVERNORS for lem in lemmas[:3]):
        return "reported"
    if _hedged(token, light, govs):
        return "reported"

    if light is not None and light.lemma_.lower() in OFFERING_LIGHTS:
        return "hypothetical"
    if auxes & FUTURE_AUX or future_date or (light is not None and light.lemma_.lower() in PROMISING_LIGHTS):
        return "future"
    if any(lem in FUTURE_GOVERNORS or _looking_to(g) for lem, g in zip(lemmas[:4], govs)):
        return "future"
    if any(t.lower_ == "going" and t.dep_ in {"ROOT", "ccomp", "xcomp", "conj"} for t in govs[:2]):
        return "future"
    return "asserted"


def _looking_to(gov: Token) -> bool:
    """"is looking to reset ties" states an intention (future); "is looking at building" weighs an option."""
    return gov.lemma_.lower() == "look" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in gov.children)


def _hedged(token: Token, light: Token | None, govs: list[Token], *, attribution: bool = True) -> bool:
    """Reported/hedged: "reportedly", "according to reports", "intelligence reports suggested", "it is claimed"."""
    sent = token.sent
    for t in [token, *( [light] if light is not None else []), *govs]:
        for c in t.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS:
                return True
            if attribution and c.dep_ == "prep" and c.lower_ == "according":
                return True
        lem = t.lemma_.lower()
        if t is not token and lem in HEDGE_VERBS:
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
            if not subj or any(s.lemma_.lower() in SPEECH_SOURCES | REPORT_NOUNS | {"it"} for s in subj):
                return True
            if any(s.lemma_.lower() in {"it", "there"} for s in subj) or t.tag_ == "VBN":
                return True
    # a sentence-level "according to" attached anywhere above the clause
    return attribution and any(t.lower_ == "according" and t.head in govs for t in sent)
