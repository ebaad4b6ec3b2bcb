"""Indirect speech: reported clauses hanging off a cue ("X said (that) ...", "..., according to X").

The reported clause is the cue verb's clausal complement in the parse; for "according to" it is the rest of
the sentence. Cues inside another reported clause are left to it (one statement, one quote), and clauses that
are mostly a direct quotation are left to the direct-quote reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Callable

from spacy.tokens import Doc, Token

from parallax.extract.quotes.acts import act_span, content_end, free_relative, is_idiom, proposition_clause
from parallax.extract.quotes.cues import is_according, is_speech_verb, needs_speaker, verb_lemma
from parallax.extract.quotes.lexicon import DIRECT_ONLY, MEDIUM_NOUNS, speech_verb

_ADDRESSEE = {"tell", "inform", "remind", "assure", "warn", "caution", "ask", "urge", "notify", "brief"}
_OPEN_QUESTION = {"whether", "if", "when", "where", "why", "how", "what", "who", "which"}


@dataclass(slots=True)
class Reported:
    cue: Token
    start: int
    end: int
    act: bool = False  # a speech act's complement ("urged X to ..."), not a reported clause


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) without leading marks/punctuation and trailing punctuation."""
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" and doc[lo].lower_ == "that" or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return (lo, hi) if hi - lo >= 3 else None


def _clauses_of(verb: Token) -> list[tuple[int, int]]:
    """Candidate reported clauses of a cue verb, best first (a verb may have a quotation and a clause)."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps:
        medium = _clause_on_medium(verb)
        comps = [medium] if medium is not None else []
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if not comps and nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and nxt.head.i > verb.i:
        comps = [nxt.head]  # "with X warning that bases are at risk": the that-clause hung on another verb
    if not comps:
        head = verb.head
        if verb.dep_ == "parataxis" and head.left_edge.i < verb.left_edge.i and verb.right_edge.i < head.right_edge.i:
            # "which, X said, explained the gap": a parenthetical cue inside the clause it reports
            span = _trim(verb.doc, head.left_edge.i, head.right_edge.i + 1)
            return [span] if span else []
        if verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.i > head.i and not is_speech_verb(head)):
            # "Russia will act, the minister said" parsed the other way round: the head's clause minus the cue
            lo = head.left_edge.i
            hi = min(verb.left_edge.i, head.right_edge.i + 1)
            span = _trim(verb.doc, lo, hi)
            return [span] if span else []
        return []
    out = []
    for k, comp in enumerate(comps):
        if k and comp.left_edge.i > verb.i + 2:
            continue  # a second clause far from the cue: a sentence the parser ran on into
        first = next(iter(comp.subtree))
        mark = next((c for c in comp.children if c.dep_ == "mark"), None)
        relative = (verb.dep_ == "relcl" and first.lower_ in ("which", "who", "that") and first.dep_.startswith("nsubj")
                    or first.lower_ == "what" and first.i < verb.i)  # "what he said was 'a nasty tariff'"
        if not relative and ((mark is not None and mark.lower_ in _OPEN_QUESTION)
                             or (first.lower_ in _OPEN_QUESTION and first.i < comp.i)):
            continue  # "asked whether ...": an open question reports no claim
        lo = comp.left_edge.i
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == lo), None)
        if obj is not None and verb_lemma(verb) not in _ADDRESSEE and "obj" not in speech_verbs_takes(verb):
            lo = obj.left_edge.i  # "said Ankara in May imposed ...": the subject misparsed as the verb's object
        span = _trim(verb.doc, lo, content_end(comp) + 1)
        if span and any(t.pos_ in ("VERB", "AUX") for t in verb.doc[span[0]:span[1]]):
            out.append(span)  # a clause without a verb is a misparse ("Heading words Since May, X claimed ...")
    return out


def speech_verbs_takes(verb: Token) -> frozenset[str]:
    entry = speech_verb(verb_lemma(verb))
    return entry.takes if entry is not None else frozenset()


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
    if lo_p - sent.start <= 1 or tok.text == "According":  # "According to X, ..." (a heading may precede) -> the rest
        return _trim(tok.doc, hi_p, sent.end)
    return _trim(tok.doc, sent.start, lo_p)  # "..., according to X" or mid-sentence: what comes before


def find_reported(doc: Doc, in_quote: list[bool], kept: list[bool] | None = None,
                  speaks: Callable[[Token], bool] | None = None) -> list[Reported]:
    """Reported clauses with their cue, outermost only, cues inside quotation marks ignored.

    ``kept`` marks the tokens of direct quotes that stand as quotes of their own: a clause that is mostly one of
    those is left to it, while a clause quoting a mere fragment stays a reported clause. ``speaks(cue)`` says
    whether a speech act's subject can speak (a person, body or country): "the attack claimed 20 lives" is no claim.
    """
    kept = kept if kept is not None else in_quote
    found: list[Reported] = []
    for tok in doc:
        if in_quote[tok.i]:
            continue
        spans: list[tuple[int, int, bool]] = []  # (lo, hi, act)
        if is_according(tok):
            if any(in_quote[t.i] for t in tok.sent):
                continue  # the direct quotation in this sentence takes the attribution
            span = _according_clause(tok)
            if span is not None and not any(
                    t.pos_ in ("VERB", "AUX") and not is_speech_verb(t) for t in doc[span[0]:span[1]]):
                continue
            spans = [(*span, False)] if span else []
        elif is_speech_verb(tok) or is_idiom(tok):
            if is_speech_verb(tok) and verb_lemma(tok) not in DIRECT_ONLY:
                spans = [(lo, hi, False) for lo, hi in _clauses_of(tok)]
            if not (tok.dep_ == "xcomp" and not is_speech_verb(tok.head)):  # "plans to urge": not said yet
                rel = (proposition_clause(tok) or free_relative(tok)) if is_speech_verb(tok) else None
                span = rel or act_span(tok)
                spans += [(*span, True)] if span else []
        for lo, hi, act in spans:
            inside = sum(kept[i] for i in range(lo, hi))
            if inside * 2 >= hi - lo:
                lead = next((i for i in range(lo, hi) if kept[i]), hi)
                cut = _trim(doc, lo, lead)
                if cut is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[cut[0]:cut[1]]):
                    continue
                lo, hi = cut  # "told reporters that X was raising tariffs because “...”": the reported part
            if "\n" in doc.text[min(doc[lo].idx, tok.idx):max(doc[hi - 1].idx, tok.idx)]:
                continue  # a clause and its cue lie in one paragraph: a line break means a misparse (a heading)
            if (act or needs_speaker(tok)) and speaks is not None and not speaks(tok):
                continue  # "the attack claimed 20 lives", "fears ...": no one speaks
            if act:
                while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
                    hi -= 1
            while act and in_quote[hi - 1] and hi < len(doc) and (in_quote[hi] or doc[hi].is_punct and hi + 1 < len(doc)
                                                                    and in_quote[hi + 1]):
                hi += 1  # 'called the plan "unfair and will ruin farms"': a label runs to the end of its quotation
            found.append(Reported(tok, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), act))
            break
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
