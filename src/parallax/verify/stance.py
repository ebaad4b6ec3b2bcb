"""A document's stance to a claim from its stored structure: events and quoted claims.

Why structure first: similarity finds the sentences about a claim but cannot tell "will sell" from "will not
sell". The stored events already carry that difference as a mode (asserted, future, negated, denied,
reported, hypothetical), coded by the same extractor that read the claim, so a stored event with the claim's
type (or family) between the same parties is read directly: asserted or future → the document affirms it,
negated or denied → it negates it, reported or hypothetical → it only discusses it. Stored claim mentions
(quoted propositions with a polarity and the document's stance to them) are read the same way. The text of
a document is read by ``relevance`` and ``direction``; ``verdict`` lets the structure speak only for claims
that are acts (not evaluations, not what should be done), where its sentence holds the claim's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.extract.events.lexicon import verb_frame
from parallax.model import Actor
from parallax.verify.claim import ParsedClaim, Side
from parallax.verify.facts import Facts, StoredClaim, StoredEvent
from parallax.verify.retrieve import tokenize

# Types close enough that one report bears on the other (arms "support" vs "aid", a deal vs cooperation).
FAMILY = {"AID": "give", "SUPPORT": "give", "AGREE": "deal", "COOPERATE": "deal", "ACCUSE": "blame",
          "PROTEST": "blame", "COERCE": "force", "ASSAULT": "force"}
# CAMEO codes of refusals that negate a cooperative type: "refused to sell arms" is AID, negated.
REJECTED = {"1222": "AID", "1221": "AID", "122": "AID", "121": "COOPERATE", "1211": "COOPERATE",
            "1212": "COOPERATE", "125": "CONSULT", "127": "AGREE"}
AFFIRM_MODES = {"asserted", "future"}
NEGATE_MODES = {"negated", "denied"}
EXACT, RELATED, PARTIAL = 0.9, 0.7, 0.75  # evidence scores: same type, same family; one party unresolved
CLAIM_SCORE = 0.8
GENERIC_ITEMS = frozenset({"arm", "weapon", "equipment", "hardware", "military", "war", "defence", "defense",
                           "materiel", "system"})
_WORD = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(slots=True)
class Finding:
    """One sentence's bearing on the claim."""

    stance: str  # supports | refutes | discusses
    score: float
    start: int
    end: int
    basis: str  # event | claim | model


def normal_type(typ: str | None, cameo: str | None) -> tuple[str | None, bool]:
    """(type, refusal): a refusal of a cooperative act is that act, negated."""
    if typ == "REJECT" and cameo in REJECTED:
        return REJECTED[cameo], True
    return typ, False


def type_match(a: str | None, b: str | None) -> float:
    """1 for the same type, RELATED/EXACT for the same family, 0 otherwise."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    fa, fb = FAMILY.get(a), FAMILY.get(b)
    return RELATED / EXACT if fa and fa == fb else 0.0


def _reading(mode: str, negated_claim: bool, flipped: bool) -> str:
    """supports / refutes / discusses for a statement in ``mode`` (flipped: it states the opposite act)."""
    if mode in AFFIRM_MODES:
        affirms = True
    elif mode in NEGATE_MODES:
        affirms = False
    else:
        return "discusses"
    if flipped:
        affirms = not affirms
    return "supports" if affirms != negated_claim else "refutes"


def _dyad(claim: ParsedClaim, src: Actor | None, tgt: Actor | None, symmetric: bool) -> float:
    """How well the event's parties fit the claim's: 1 full, PARTIAL one side unresolved, 0 different."""
    cs, ct = claim.source, claim.target
    if cs is None and ct is None:
        return 0.0

    def fits(side: Side | None, actor: Actor | None) -> bool | None:  # None: nothing to compare
        if side is None or actor is None:
            return None
        return side.matches(actor)

    best = 0.0
    orders = [(src, tgt), (tgt, src)] if (symmetric or claim.symmetric) else [(src, tgt)]
    for a, b in orders:
        f1, f2 = fits(cs, a), fits(ct, b)
        if f1 is False or f2 is False:
            continue
        if f1 and f2:
            return 1.0
        if f1 or f2:
            both_claimed = cs is not None and ct is not None
            best = max(best, PARTIAL if both_claimed else 1.0)
    return best


def same_items(a: Sequence[str], b: Sequence[str]) -> bool:
    """Equipment named on both sides must share a word: "missiles" are not the "fighter jets" of the claim."""
    wa, wb = set(tokenize(" ".join(a))) - GENERIC_ITEMS, set(tokenize(" ".join(b))) - GENERIC_ITEMS
    if not wa or not wb:  # nothing named, or only "arms"/"military equipment": any item fits
        return True
    return bool(wa & wb)


def event_findings(claim: ParsedClaim, events: Sequence[StoredEvent], actors: dict[str, Actor]) -> list[Finding]:
    """Stored events of one document that code the claim's act between the claim's parties."""
    ctype, c_refusal = normal_type(claim.type, claim.cameo)
    if ctype is None:
        return []
    negated_claim = claim.negative != c_refusal
    out = []
    for e in events:
        etype, refusal = normal_type(e.type, e.cameo)
        tm = type_match(ctype, etype)
        if not tm:
            continue
        dy = _dyad(claim, actors.get(e.source or ""), actors.get(e.target or ""), e.symmetric)
        if not dy or not same_items(claim.equipment, e.equipment):
            continue
        mode = e.mode
        if refusal and mode in NEGATE_MODES:  # "did not refuse": too rare and too vague to read as support
            mode = "reported"
        stance = _reading(mode, negated_claim, flipped=refusal)
        score = EXACT * tm * dy
        if claim.equipment and e.equipment:
            score = min(1.0, score + 0.05)
        if stance == "discusses":
            score *= 0.8
        out.append(Finding(stance, round(score, 4), e.start, e.end, "event"))
    return out


def family(typ: str) -> set[str]:
    """The type and the types of its family."""
    fam = FAMILY.get(typ)
    return {typ} | ({t for t, f in FAMILY.items() if f == fam} if fam else set())


def candidate_docs(claim: ParsedClaim, facts: Facts, lookup: dict[tuple[str, str], set[str]]) -> set[str]:
    """Documents whose stored events or claims could bear on ``claim`` (see ``structure_lookup``)."""
    ctype, _ = normal_type(claim.type, claim.cameo)
    countries = {s.country for s in (claim.source, claim.target) if s is not None and s.country}
    out: set[str] = set()
    if ctype:
        for t in family(ctype):
            if countries:
                for c in countries:
                    out |= lookup.get(("event", f"{t}/{c}"), set())
            else:
                out |= lookup.get(("event", t), set())
            out |= lookup.get(("verb-type", t), set())
    if claim.predicate:
        out |= lookup.get(("verb", claim.predicate.split(" ")[0]), set())
    return out


def structure_lookup(facts: Facts) -> dict[tuple[str, str], set[str]]:
    """Documents by event type (and type/party country) and by the verbs of their stored claims, built once
    per store so a claim only looks at the documents that could match it."""
    look: dict[tuple[str, str], set[str]] = {}
    for doc, events in facts.events.items():
        for e in events:
            t, _ = normal_type(e.type, e.cameo)
            if not t:
                continue
            look.setdefault(("event", t), set()).add(doc)
            for aid in (e.source, e.target):
                a = facts.actors.get(aid or "")
                if a is not None and a.country:
                    look.setdefault(("event", f"{t}/{a.country}"), set()).add(doc)
    frames: dict[str, str | None] = {}
    read: dict[str, tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {}  # one reading per wording
    for doc, claims in facts.claims.items():
        for c in claims:
            got = read.get(c.text)
            if got is None:
                words = tuple(_WORD.findall(c.text))
                lows = frozenset(map(str.lower, words))
                for lemma in lows:
                    if lemma not in frames:
                        f = _frame(lemma)
                        frames[lemma] = f.plover if f else None
                got = read[c.text] = (words, lows, frozenset(t for w in lows if (t := frames[w])))
            c.words, c.lows, c.types = got
            for lemma in c.lows:
                look.setdefault(("verb", lemma), set()).add(doc)
            for t in c.types:
                look.setdefault(("verb-type", t), set()).add(doc)
    return look


def side_forms(side: Side, facts: Facts) -> set[str]:
    """Lowercase names a text may use for a side: its own, plus the stored names of its country."""
    return side.names | (facts.country_names.get(side.country, set()) if side.country else set())


def party_forms(side: Side, facts: Facts) -> set[str]:
    """Names a sentence may use for a party: ``side_forms`` plus the names of stored people and bodies of its
    country ("Okafor" speaks for Kenya), a person also by the last word of the name."""
    return side_forms(side, facts) | (facts.country_people.get(side.country, set()) if side.country else set())


def _mentions(text: str, forms: set[str]) -> bool:
    low = f" {text.lower()} "
    return any(f" {f} " in low or f" {f}'" in low or f" {f}’" in low or f" {f}," in low or f" {f}." in low
               for f in forms if f)


@lru_cache(maxsize=65536)
def _frame(lemma: str):
    return verb_frame(lemma)


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """What every stored proposition is compared with, worked out once per claim (not once per document)."""

    ctype: str | None
    negated: bool
    src_forms: frozenset[str]
    tgt_forms: frozenset[str]
    verb: str
    near: frozenset[str]


def claim_terms(claim: ParsedClaim, facts: Facts) -> ClaimTerms:
    ctype, c_refusal = normal_type(claim.type, claim.cameo)
    return ClaimTerms(ctype, claim.negative != c_refusal,
                      frozenset(side_forms(claim.source, facts)) if claim.source else frozenset(),
                      frozenset(side_forms(claim.target, facts)) if claim.target else frozenset(),
                      (claim.predicate or "").split(" ")[0], frozenset(family(ctype)) if ctype else frozenset())


def claim_findings(claim: ParsedClaim, claims: Sequence[StoredClaim], facts: Facts,
                   terms: ClaimTerms | None = None) -> list[Finding]:
    """Stored propositions ("Russia not sell arms to Pakistan") with the claim's act and parties; ``terms``
    from :func:`claim_terms` when one claim is compared with many documents."""
    if claim.source is None and claim.target is None:
        return []
    terms = terms or claim_terms(claim, facts)
    ctype, negated_claim, verb, near = terms.ctype, terms.negated, terms.verb, terms.near
    src_forms, tgt_forms = terms.src_forms, terms.tgt_forms
    out = []
    for c in claims:
        if c.lows and verb not in c.lows and not (c.types & near):
            continue  # neither the claim's verb nor an act of its type: nothing to read
        words = c.words or tuple(_WORD.findall(c.text))
        low = " ".join(words).lower()  # a party none of whose forms is in the words is on neither side of a verb
        if (src_forms and not any(f in low for f in src_forms if f)) or \
                (tgt_forms and not any(f in low for f in tgt_forms if f)):
            continue
        for i, w in enumerate(words):
            lemma = w.lower()
            frame = _frame(lemma)
            tm = 1.0 if lemma == verb else 0.0
            if frame is not None and ctype:
                tm = max(tm, type_match(ctype, frame.plover))
            if not tm:
                continue
            left, right = " ".join(words[:i]), " ".join(words[i + 1:])
            if frame is not None and frame.inverse:  # "buy from": the seller is after the verb
                left, right = right, left
            if (src_forms and not _mentions(left, src_forms)) or (tgt_forms and not _mentions(right, tgt_forms)):
                continue
            # The mention's stance is the document's reading of the stored proposition (hedges included); the
            # stored claim's own mode describes its first wording only.
            flipped = c.polarity == "negative"
            mode = {"supports": "asserted", "refutes": "negated"}.get(c.stance, "reported")
            stance = _reading(mode, negated_claim, flipped)
            score = CLAIM_SCORE * tm * (0.8 if stance == "discusses" else 1.0)
            out.append(Finding(stance, round(score, 4), c.start, c.end, "claim"))
            break
    return out


def decide(findings: Sequence[Finding]) -> tuple[str, float, list[Finding]]:
    """One stance from a document's findings: the side with the most weight; both sides near-even → discusses.

    Structural findings (event, claim) outrank the model: when a document has any, the model's are dropped.
    """
    if not findings:
        return "unrelated", 0.0, []
    structural = [f for f in findings if f.basis != "model"]
    use = structural or list(findings)
    weight = {"supports": 0.0, "refutes": 0.0, "discusses": 0.0}
    for f in use:
        weight[f.stance] += f.score
    s, r = weight["supports"], weight["refutes"]
    if s == r == 0.0:
        label = "discusses"
    elif min(s, r) >= 0.7 * max(s, r):
        label = "discusses"  # the document gives both sides about equally
    else:
        label = "supports" if s > r else "refutes"
    chosen = [f for f in use if f.stance == label] or list(use)
    chosen.sort(key=lambda f: (-f.score, f.start))
    seen: set[tuple[int, int]] = set()
    evidence = []
    for f in chosen:
        if (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            evidence.append(f)
    return label, max(f.score for f in chosen), evidence[:3]
