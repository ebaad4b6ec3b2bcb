"""Claims: each statement as a short normalised proposition, with its holder, polarity and mode.

The proposition is read from the parse of the quoted or reported clause: subject + (not) + verb lemma + object
(+ the first prepositional phrase), e.g. "Russia not sell arms to Pakistan". Negation is read from "not",
"never" and negative quantifier phrases ("at no point", "no country"). That is enough for later stages to
line up two holders' statements about the same subject and verb and see that one negates the other.
"""

from __future__ import annotations

from collections import OrderedDict

from spacy.tokens import Doc, Token

from parallax.extract.quotes.cues import compact, is_according, is_speech_verb
from parallax.extract.quotes.lexicon import DENIAL_VERBS, mood_of, party_noun
from parallax.model import Claim, ClaimMention, Document, Quote

_FUTURE = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL = {"would", "could", "may", "might", "should", "can", "ca", "must"}
_OBJ = ("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp")
_PARSES: OrderedDict[str, Doc] = OrderedDict()  # doc id -> parse, so claims_from_quotes(doc, quotes) finds it
_KEEP = 16


def remember_parse(doc_id: str, sdoc: Doc) -> None:
    """Keep the last few parses: the stage calls ``claims_from_quotes`` right after ``extract_quotes``."""
    _PARSES[doc_id] = sdoc
    _PARSES.move_to_end(doc_id)
    while len(_PARSES) > _KEEP:
        _PARSES.popitem(last=False)


def _phrase(tok: Token, depth: int = 0) -> str:
    if tok.pos_ in ("VERB", "AUX") and depth < 2:  # "to sell arms": an infinitive object
        parts = [c.text for c in tok.lefts if c.dep_ in ("aux", "neg") and c.lower_ in ("to", "not")]
        parts.append(tok.lemma_)
        parts += [_phrase(c, depth + 1) for c in tok.rights if c.dep_ in ("dobj", "attr", "acomp")]
        return " ".join(p for p in parts if p)
    return compact(tok).text


def _no_phrase(tok: Token) -> bool:
    """A negative quantifier phrase that negates the clause: "at no point", "in no way", "no country"."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        head = tok
    elif tok.dep_ == "prep":
        head = next((c for c in tok.children if c.dep_ == "pobj"), None)
    else:
        return False
    return head is not None and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in head.children)


def _controller(verb: Token) -> Token | None:
    """Who does what an infinitive or gerund complement says: the object of "urged X to ...", else the subject of
    "threatened to ..." / "denied providing ..."."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "accused X of providing ...": the preposition's verb
        head = head.head
    elif verb.dep_ not in ("xcomp", "dobj"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i and c is not verb
                and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ or party_noun(c.lemma_))), None)
    return obj or next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def proposition(verb: Token, cue: str | None = None) -> tuple[str, str, str]:
    """(text, polarity, mode) of the clause headed by ``verb``; ``cue`` (the speech verb as written) sets the
    mode when it denies ("denied"), promises or threatens ("vowed": future) or asks ("urged": hypothetical)."""
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")), None) or _controller(verb)
    neg = any(c.dep_ == "neg" or c.lower_ in ("never", "no longer") or _no_phrase(c) for c in kids)
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    parts = [compact(subj).text if subj is not None else ""]
    if neg:
        parts.append("not")
    lemma = verb.lemma_ + "".join(f" {c.text}" for c in kids if c.dep_ == "prt")
    parts.append(f"be {verb.text}" if passive else lemma)
    obj = next((c for c in kids if c.dep_ in _OBJ and c.i > verb.i), None)
    if obj is not None and obj.dep_ != "ccomp":
        parts.append(_phrase(obj))
    prep = next((c for c in kids if c.dep_ in ("prep", "agent", "dative") and c.i > verb.i), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if pobj is not None:
        parts.append(f"{prep.text} {_phrase(pobj) if pobj.dep_ == 'pcomp' else compact(pobj).text}")
    if aux & _FUTURE or (aux & {"going"}):
        mode = "future"
    elif aux & _HYPOTHETICAL:
        mode = "hypothetical"
    else:
        mode = "asserted"
    mood = mood_of(cue)
    if mood == "deny" or (cue and cue.lower() in DENIAL_VERBS):
        mode = "denied"
    elif mood == "intend" and mode == "asserted":
        mode = "future"
    elif mood == "request":
        mode = "hypothetical"  # what someone asks for has not happened
    return " ".join(p for p in parts if p).strip(), "negative" if neg else "positive", mode


def _clauses(sdoc: Doc, start: int, end: int) -> list[tuple[Token, int, int]]:
    """The main verb of each sentence inside ``[start, end)`` with that sentence's part of the span."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for sent in span.sents:
        lo, hi = max(sent.start_char, start), min(sent.end_char, end)
        toks = [t for t in sent if lo <= t.idx < hi]
        roots = [t for t in toks if (t.head.i == t.i or not lo <= t.head.idx < hi) and t.pos_ in ("VERB", "AUX")]
        if roots and len(toks) >= 3:
            out.append((roots[0], lo, hi))
            for conj in roots[0].conjuncts:  # "We informed India and the government is assured ...": two claims
                if conj.i > roots[0].i and lo <= conj.idx < hi and any(c.dep_.startswith("nsubj") for c in conj.children):
                    out.append((conj, lo, hi))
    return out


def _claim(n: int, doc: Document, text: str, pol: str, mode: str, holder: str | None, lo: int, hi: int) -> Claim:
    return Claim(id=f"{doc.id}:c{n}", text=text, holder=holder, polarity=pol, mode=mode,
                 mentions=[ClaimMention(doc=doc.id, stance="supports", start=lo, end=hi, holder=holder)])


def claims_from_quotes(doc: Document, quotes: list[Quote], sdoc: Doc | None = None, *,
                       own_voice: bool = False) -> list[Claim]:
    """One claim per statement in the quotes (per sentence of a direct quote), holder = the speaker.

    ``sdoc`` defaults to the parse ``extract_quotes`` just read for this document. With ``own_voice`` the
    outlet's own declarative sentences (outside every quote, no speech cue) become claims with holder None.
    """
    sdoc = sdoc if sdoc is not None else _PARSES.get(doc.id)
    if sdoc is None:
        from parallax.language.nlp import load_nlp
        sdoc = load_nlp()(doc.text)
    claims: list[Claim] = []
    for q in quotes:
        for verb, lo, hi in _clauses(sdoc, q.start, q.end):
            text, pol, mode = proposition(verb, q.cue)
            if len(text.split()) >= 2:
                claims.append(_claim(len(claims), doc, text, pol, mode, q.speaker, lo, hi))
    if own_voice:
        spans = [(q.start, q.end) for q in quotes]
        for sent in sdoc.sents:
            if any(s < sent.end_char and sent.start_char < e for s, e in spans):
                continue
            if sent.text.rstrip().endswith("?") or len(sent) < 5:
                continue
            if any(is_speech_verb(t) or is_according(t) or t.is_quote for t in sent):
                continue
            root = sent.root
            if root.pos_ not in ("VERB", "AUX"):
                continue
            text, pol, mode = proposition(root)
            if len(text.split()) >= 2:
                claims.append(_claim(len(claims), doc, text, pol, mode, None, sent.start_char, sent.end_char))
    return claims


