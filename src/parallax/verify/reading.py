"""How ``verify`` reads a claim: a proposition, not only an event.

Claims that users check are often not one coded act: "Chinese forces suffered heavy casualties", "the
sanctions are justified", "X is the aggressor", "all hostages were rescued", "Turkey will not back down". So a
claim is read into who (the parties the actor extractor finds), what (the predicate; for "X is Y" claims the
evaluation Y), the specific things it is about (objects and their modifiers), figures, time, negation, a
quantifier ("all", "no") and the modality ("will", "should"). Each content word becomes a ``Term`` with a role
and a weight (its inverse document frequency in general news, from the stance model's vocabulary), so that
relevance can ask whether a sentence speaks to *this* proposition rather than merely naming its parties.

Words in parentheses and after a slash are alternatives ("agreed to (accepted)", "pause/freeze"): they can
stand in for a missing word but are never required.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parallax.extract.actors.gazetteer import agent_for
from parallax.verify.words import fold

LIGHT_VERBS = frozenset("be have do get make take go become remain seem".split())
QUANTIFIERS = {"all": "all", "every": "all", "each": "all", "entire": "all", "whole": "all", "no": "none",
               "none": "none", "any": "any", "some": "some", "most": "most", "many": "many", "few": "few"}
DEONTIC = frozenset("should must ought need".split())
FUTURE = frozenset("will shall 'll wo going".split())
HYPOTHETICAL = frozenset("would could may might can".split())
_SKIP_POS = frozenset({"DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT", "SYM", "SPACE", "X"})


@dataclass(slots=True)
class Term:
    """One content word of the claim: the forms a sentence may use (folded), its role and weight."""

    text: str
    forms: frozenset[str]
    role: str  # predicate | evaluation | object | detail | figure
    weight: float
    optional: bool = False  # from a parenthesis or an alternative: may stand in, never required


@dataclass(slots=True)
class Reading:
    """The proposition a claim states, as ``verify`` understood it."""

    subject: str | None = None
    subject_party: str | None = None  # id of the actor the subject names, when it names one
    parties: list[str] = field(default_factory=list)
    predicate: str | None = None
    evaluation: str | None = None
    objects: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    time: list[str] = field(default_factory=list)
    negated: bool = False
    quantifier: str | None = None
    modality: str = "asserted"  # asserted | future | hypothetical | deontic
    terms: list[Term] = field(default_factory=list)

    def required(self) -> list[Term]:
        return [t for t in self.terms if not t.optional]

    def as_dict(self) -> dict:
        """The reading for ``verify --json`` (an extra field: the contract's fields are untouched)."""
        return {"subject": self.subject, "parties": self.parties, "predicate": self.predicate,
                "evaluation": self.evaluation, "objects": self.objects, "figures": self.figures, "time": self.time,
                "negated": self.negated, "quantifier": self.quantifier, "modality": self.modality,
                "key_terms": [t.text for t in sorted(self.required(), key=lambda t: -t.weight)[:6]]}

    def describe(self) -> str:
        """One line for the text view: 'who: Russia · what: is "aggressor" · about: war · not negated'."""
        parts = [f"who: {self.subject or ', '.join(self.parties) or 'unnamed'}"]
        if self.evaluation:
            parts.append(f'what: is "{self.evaluation}"')
        elif self.predicate:
            parts.append(f"what: {self.predicate}")
        if self.objects:
            parts.append("about: " + ", ".join(self.objects))
        if self.figures:
            parts.append("figures: " + ", ".join(self.figures))
        if self.time:
            parts.append("when: " + ", ".join(self.time))
        if self.quantifier:
            parts.append(f"quantifier: {self.quantifier}")
        if self.modality != "asserted":
            parts.append(f"modality: {self.modality}")
        parts.append("negated" if self.negated else "affirmative")
        return " · ".join(parts)


def _in_parens(sdoc: Doc) -> set[int]:
    inside: set[int] = set()
    depth = 0
    for t in sdoc:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth:
            inside.add(t.i)
    return inside


def _stative(root: Token) -> bool:
    """"The sanctions are justified": a present-tense passive with no agent, object or complement reads as a
    state (an evaluation), while "all hostages were rescued", "should be granted" or "are aimed at X" stay
    acts."""
    kids = list(root.children)
    return (root.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am", "'s", "'re")
                                       for c in kids)
            and not any(c.dep_ in ("agent", "dobj", "aux", "prep", "xcomp", "ccomp", "advcl") for c in kids))


def _semi_modal(root: Token) -> Token | None:
    """"Chile is prepared to back off", "Kenya is ready to sign": an adjective with an infinitive works as a
    modal, and the infinitive is the claim's act (not an evaluation "prepared")."""
    if root.lemma_.lower() != "be":
        return None
    comp = next((c for c in root.children if c.dep_ == "acomp"), None)
    return next((x for x in comp.children if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")), None) if comp else None


def _role(t: Token, root: Token, copular: bool) -> str:
    if t.like_num:
        return "figure"
    if t.i == root.i:
        return "evaluation" if copular else "predicate"
    if t.dep_ == "acomp" and not copular and root.head.i == t.i:  # the "prepared" of "is prepared to"
        return "detail"
    if copular and t.head.i == root.i and t.dep_ in ("attr", "acomp", "oprd") and root.lemma_.lower() == "be":
        return "evaluation"
    if t.pos_ == "VERB" and t.dep_ in ("xcomp", "ccomp", "relcl", "advcl", "conj") and t.head.i == root.i:
        return "predicate"
    if t.dep_ in ("amod", "compound", "nummod", "advmod", "npadvmod", "poss"):
        return "detail"
    return "object"


def read_claim(sdoc: Doc, party_spans: list[tuple[int, int, str | None]], weight: Callable[[str], float]
               ) -> Reading:
    """The proposition of a parsed claim; ``party_spans`` are (start, end, actor id) of its actors' mentions."""
    out = Reading()
    sent = next(iter(sdoc.sents), None)
    if sent is None:
        return out
    root = sent.root
    act = _semi_modal(root)
    copular = act is None and (root.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp")
                                                                   for c in root.children) or _stative(root))
    subject_of = root
    if act is not None:
        root = act  # the act is the predicate; the subject still hangs from "be"
    parens = _in_parens(sdoc)

    def party(t: Token) -> bool:
        return any(s <= t.idx < e for s, e, _ in party_spans)

    kids = list(root.children)
    subj = next((c for c in subject_of.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        span = sdoc[subj.left_edge.i:subj.right_edge.i + 1]
        out.subject = span.text
        head_party = [a for s, e, a in party_spans if a and s <= subj.idx < e]
        if not head_party and agent_for(subj.text):  # "Chinese troops", "Peru's government": that party
            head_party = [a for s, e, a in party_spans if a and span.start_char <= s < span.end_char]
        out.subject_party = (head_party or [None])[0]  # "Chile's radar" is about the radar, not Chile
    aux = {c.lower_ for c in [*kids, *subject_of.children] if c.dep_ in ("aux", "auxpass")}
    out.modality = ("deontic" if aux & DEONTIC else "future" if aux & FUTURE else
                    "hypothetical" if aux & HYPOTHETICAL else "asserted")
    out.negated = any(c.dep_ == "neg" or c.lower_ in ("never", "no longer")
                      for c in [*kids, *subject_of.children]) or any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.lower_ in ("no", "neither") and d.dep_ == "det"
                                                          for d in c.children) for c in kids)
    out.predicate = None if copular else " ".join(
        [root.lemma_.lower(), *(c.lower_ for c in kids if c.dep_ == "prt")])
    for t in sdoc:
        low = t.lower_
        if low in QUANTIFIERS and t.dep_ in ("det", "predet", "amod", "nsubj", "dobj", "pobj", "quantmod") \
                and out.quantifier is None and t.i not in parens:
            out.quantifier = QUANTIFIERS[low]
    for ent in sdoc.ents:
        if ent.label_ in ("DATE", "TIME") and not any(t.i in parens for t in ent):
            out.time.append(ent.text)
    alt_of: dict[int, int] = {}  # "pause / freeze": the second word is an alternative of the first
    for t in sdoc:
        if t.text == "/" and 0 < t.i < len(sdoc) - 1:
            alt_of[t.i + 1] = t.i - 1
    terms: dict[int, Term] = {}
    for t in sdoc:
        particle = t.dep_ == "prt" and t.head.i == root.i
        if t.is_punct or t.is_space or t.pos_ in _SKIP_POS and not (t.like_num or particle) or party(t):
            continue
        if t.lemma_.lower() in LIGHT_VERBS or t.lower_ in QUANTIFIERS:
            continue
        if t.is_stop and not t.like_num and not (t.i == root.i or particle):
            continue  # a stop word only as the predicate itself: "back (down)", "give up"
        pieces = [p for p in t.text.replace("/", " ").split() if p]
        forms = frozenset({fold(p) for p in pieces} | {fold(t.lemma_)})
        role = _role(t, root, copular)
        if role == "predicate" and out.predicate is None and not copular and t.dep_ != "prt":
            out.predicate = t.lemma_.lower()
        if role == "evaluation" and t.i not in parens:
            out.evaluation = (out.evaluation + " " if out.evaluation else "") + t.text
        if any(forms <= x.forms for x in terms.values()):  # "tariffs ... (tariffs or surcharges)": once
            continue
        if t.i in alt_of and alt_of[t.i] in terms:
            first = terms[alt_of[t.i]]
            first.forms = first.forms | forms
            continue
        w = max((weight(p) for p in pieces), default=1.0)
        terms[t.i] = Term(t.text, forms, role, w, optional=t.i in parens)
        if role == "figure" and t.i not in parens:
            out.figures.append(t.text)
        elif role == "object" and t.i not in parens and t.pos_ in ("NOUN", "PROPN"):
            out.objects.append(sdoc[_phrase_start(t):t.i + 1].text)
    out.terms = list(terms.values())
    return out


def _phrase_start(t: Token) -> int:
    """Where the noun phrase of ``t`` starts (its modifiers and compounds, not its determiner)."""
    start = t.i
    for c in t.lefts:
        if c.dep_ in ("amod", "compound", "nummod") and c.i < start:
            start = c.i
    return start
