"""Indirect speech: reported clauses hanging off a cue ("X said (that) ...", "..., according to X").

The reported clause is the cue verb's clausal complement in the parse; for "according to" it is the rest of
the sentence. Cues inside another reported clause are left to it (one statement, one quote), and clauses that
are mostly a direct quotation are left to the direct-quote reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parallax.extract.quotes.cues import is_according, is_speech_verb
from parallax.extract.quotes.lexicon import DIRECT_ONLY, MEDIUM_NOUNS

_OPEN_QUESTION = {"whether", "if", "when", "where", "why", "how", "what", "who", "which"}


@dataclass(slots=True)
class Reported:
    cue: Token
    start: int
    end: int


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) without leading marks/punctuation and trailing punctuation."""
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" and doc[lo].lower_ == "that" or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return (lo, hi) if hi - lo >= 3 else None


def _clause_of(verb: Token) -> tuple[int, int] | None:
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is None:
        comp = _clause_on_medium(verb)
    if comp is None:
        if verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.i > verb.head.i and not is_speech_verb(verb.head)):
            # "Russia will act, the minister said" parsed the other way round: the head's clause minus the cue
            head = verb.head
            lo = head.left_edge.i
            hi = min(verb.left_edge.i, head.right_edge.i + 1)
            return _trim(verb.doc, lo, hi)
        return None
    first = next(iter(comp.subtree))
    mark = next((c for c in comp.children if c.dep_ == "mark"), None)
    if (mark is not None and mark.lower_ in _OPEN_QUESTION) or (first.lower_ in _OPEN_QUESTION and first.i < comp.i):
        return None
    return _trim(verb.doc, comp.left_edge.i, comp.right_edge.i + 1)


def _clause_on_medium(verb: Token) -> Token | None:
    """"said in a statement that X ...", parsed with the that-clause hanging off "statement"."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in MEDIUM_NOUNS:
                for c in pobj.children:
                    if c.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) \
                            and any(k.dep_.startswith("nsubj") for k in c.children):
                        return c
    return None


def _according_clause(tok: Token) -> tuple[int, int] | None:
    sent = tok.sent
    phrase = list(tok.subtree)
    lo_p, hi_p = phrase[0].i, phrase[-1].i + 1
    if lo_p - sent.start <= 1:  # "According to X, ..." -> the rest
        return _trim(tok.doc, hi_p, sent.end)
    return _trim(tok.doc, sent.start, lo_p)  # "..., according to X" or mid-sentence: what comes before


def find_reported(doc: Doc, in_quote: list[bool], kept: list[bool] | None = None) -> list[Reported]:
    """Reported clauses with their cue, outermost only, cues inside quotation marks ignored.

    ``kept`` marks the tokens of direct quotes that stand as quotes of their own: a clause that is mostly one of
    those is left to it, while a clause quoting a mere fragment stays a reported clause.
    """
    kept = kept if kept is not None else in_quote
    found: list[Reported] = []
    for tok in doc:
        if in_quote[tok.i]:
            continue
        if is_according(tok):
            if any(in_quote[t.i] for t in tok.sent):
                continue  # the direct quotation in this sentence takes the attribution
            span = _according_clause(tok)
            if span is not None and not any(
                    t.pos_ in ("VERB", "AUX") and not is_speech_verb(t) for t in doc[span[0]:span[1]]):
                continue
        elif is_speech_verb(tok) and tok.lemma_.lower() not in DIRECT_ONLY:
            span = _clause_of(tok)
        else:
            continue
        if span is None:
            continue
        lo, hi = span
        inside = sum(kept[i] for i in range(lo, hi))
        if inside * 2 >= hi - lo:
            continue
        found.append(Reported(tok, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])))
    outer = []
    by_sentence: dict[int, list[Reported]] = {}  # a clause lies in its cue's sentence: compare within one only
    for r in found:
        by_sentence.setdefault(r.cue.sent.start, []).append(r)
    for r in found:
        pos = r.cue.idx
        if any(o is not r and o.start <= pos < o.end and (o.end - o.start) > (r.end - r.start)
               for o in by_sentence[r.cue.sent.start]):
            continue
        outer.append(r)
    return outer
