"""Speech acts without a reported clause: what "accused X of ...", "urged X to ...", "called it ..." carry.

News reports much of what was said as a verb with a noun, infinitive or prepositional complement rather than
"said that": "stressed the urgency of ...", "denied providing ...", "rejected claims that ...", "called for ...",
"termed it a hoax", "claimed responsibility for ...". Which complements carry the content is data per verb
(``data/quotes/speech_verbs.tsv``); the span runs from the first of them to the end of the last, so the object
the act is about ("urged *Russia* to accept ...") stays with it.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.quotes.cues import verb_lemma
from parallax.extract.quotes.lexicon import (MEDIUM_NOUNS, PROPOSITION_NOUNS, SpeechVerb, idiom, party_noun,
                                             speech_verb)

_OBJ = ("dobj", "dative")
_PRED = ("oprd", "ccomp", "xcomp", "attr", "acomp")
_BARE = {"it", "this", "that", "them", "him", "her", "which", "what", "so"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_COMPLEMENT_PREPS = {"of", "in", "for", "on", "about", "over", "against", "to", "with", "as"}


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _is_inf(tok: Token) -> bool:
    """An infinitive or gerund complement: "to accept ...", "providing ..."."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _only_actor(obj: Token) -> bool:
    """An object that names a party and no proposition ("welcomed the minister", "condemned Russia")."""
    return obj.ent_type_ in _ACTOR_ENTS or obj.pos_ in ("PROPN", "PRON") or party_noun(obj.lemma_) \
        or party_noun(obj.text)


def content_end(tok: Token) -> int:
    """Last token index of ``tok``'s phrase, short of an apposition that comments on it ("..., a charge X
    rejected"): that comment is a statement of its own."""
    end = tok.right_edge.i
    for t in tok.subtree:
        if t.dep_ == "appos" and t.lemma_.lower() in PROPOSITION_NOUNS and t.i > tok.i:
            start = t.left_edge.i
            while start > tok.i and tok.doc[start - 1].is_punct:
                start -= 1
            end = min(end, start - 1)
    return end


def _proposition(obj: Token) -> bool:
    """"the claims that ...", "allegations of ...": an object that states something."""
    if obj.lemma_.lower() in PROPOSITION_NOUNS:
        return True
    return any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in obj.children)


def _preps(tok: Token, takes: frozenset[str]) -> list[Token]:
    return [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in takes and _pobj(c) is not None]


def _content(verb: Token, entry: SpeechVerb) -> list[Token] | None:
    """The complements of ``verb`` that carry what was said, or None when it has none of them."""
    kids = list(verb.rights)
    objs = [c for c in kids if c.dep_ in _OBJ and c.lower_ not in ("that", "which", "what")]
    # "dismissed X as ...", "accused X of ...": the preposition may hang off the object
    preps = _preps(verb, entry.takes) + [p for o in objs for p in _preps(o, entry.takes)]
    if "as" in entry.takes:  # "dismissed the panel of experts' findings as ...": the parse may hang it deeper
        preps += [t for o in objs for t in o.subtree if t.dep_ == "prep" and t.lower_ == "as" and t not in preps]
        preps += [c for c in kids if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                                                 for m in c.children)]  # "... as controlled by"
    preps = sorted(preps, key=lambda t: t.i)
    infs = [c for c in kids if c.dep_ in ("xcomp", "ccomp", "dobj") and _is_inf(c)] if "inf" in entry.takes else []
    preds = [c for c in kids if c.dep_ in _PRED + ("oprd",) and c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM", "PRON")]
    what = [c for c in verb.lefts if c.dep_ == "dobj" and c.lower_ == "what"]  # "what he called a 'farce'"
    named = sorted(set(objs + preds + what), key=lambda t: t.i)
    if "name" in entry.takes and len(named) >= 2:  # "termed it a hoax", "called X's claims 'baseless'"
        return named
    if "name" in entry.takes and len(named) == 1 and any(t.is_quote and t.i > named[0].i for t in verb.subtree):
        return named + [verb.right_edge]  # 'called the move to tax spirits "deeply disappointing"' (parse astray)
    if infs:  # "urged Russia to accept ...", "threatened to kill ...", "denied providing ..."
        return [o for o in objs if o.i < infs[0].i] + infs
    if preps:  # "accused X of ...", "called for ...", "dismissed it as ..."
        return [o for o in objs if o.i < preps[0].i] + preps
    if "obj" in entry.takes and objs:
        obj = objs[0]
        if obj.lower_ in _BARE or obj.pos_ == "PRON":
            return None  # "denied it": the content is elsewhere
        if entry.mood == "deny" and not _proposition(obj) and not _is_inf(obj):
            return None  # "rejected the offer" is an act (an event), "rejected the claim that ..." a statement
        if _only_actor(obj):
            return None  # "welcomed the minister": no stated content
        return objs
    return None


def _extent(verb: Token, parts: list[Token]) -> tuple[int, int]:
    """From the first content part (or a complement preposition before it: "refer to X as ...") to the end of
    the last, taking in an infinitive the act is for ("called on X 'to engage ...'") and a complement
    preposition right after ("voiced interest in ...")."""
    lo = min(p.left_edge.i for p in parts)
    hi = max(content_end(p) for p in parts) + 1
    for c in verb.rights:
        if c.i < lo and c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS and not _circumstance(c):
            lo = c.left_edge.i
        elif c.i >= hi and (c.dep_ in ("xcomp", "ccomp") and _is_inf(c) or c.dep_ == "prep" and c.i == hi
                            and c.lower_ in _COMPLEMENT_PREPS and not _circumstance(c)):
            hi = content_end(c) + 1
    return lo, hi


def _circumstance(prep: Token) -> bool:
    """"on Friday", "in a statement": a time or a medium, not what was said."""
    pobj = _pobj(prep)
    return pobj is None or pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in MEDIUM_NOUNS


def is_idiom(verb: Token) -> bool:
    """"took credit", "claimed responsibility": a verb that with its object makes a speech act."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    return verb.pos_ == "VERB" and obj is not None and idiom(verb.lemma_, obj.lemma_) is not None


def act_span(verb: Token) -> tuple[int, int] | None:
    """Token range ``[lo, hi)`` of what the speech act ``verb`` carries, when no reported clause does."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    light = idiom(verb.lemma_, obj.lemma_) if obj is not None else None
    if light is not None:  # "claimed responsibility for the attack": the whole predicate is the claim
        tail = [c for c in [*verb.rights, *obj.rights] if c.dep_ == "prep" and c.lower_ in light.takes]
        hi = max([content_end(obj), *(content_end(p) for p in tail)])
        return verb.i, hi + 1
    entry = speech_verb(verb_lemma(verb))
    if entry is None:
        return None
    parts = _content(verb, entry)
    return _extent(verb, parts) if parts else None


def free_relative(verb: Token) -> tuple[int, int] | None:
    """"in what he says is an effort to ...": what someone says is, as a clause subject, the rest of the clause."""
    what = next((c for c in verb.children if c.lower_ == "what" and c.i < verb.i), None)
    if verb.dep_ != "csubj" or what is None:
        return None
    return what.i, verb.head.right_edge.i + 1


def proposition_clause(verb: Token) -> tuple[int, int] | None:
    """"a charge New Delhi rejected", "the claims he made": a speech verb in a relative clause on a proposition
    noun says that proposition; the span runs from the noun phrase to the end of the clause."""
    rel = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "which"), None)
    if rel is not None and rel.i < verb.i and verb.head.lemma_.lower() not in PROPOSITION_NOUNS:
        return rel.i, verb.right_edge.i + 1  # "..., which Moscow denied": what was denied is the clause before
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in PROPOSITION_NOUNS:
        return None
    if any(c.dep_ in ("dobj", "ccomp") and c.lower_ not in ("that", "which") for c in verb.children):
        return None  # the relative clause says something else about the noun
    noun = verb.head
    return noun.left_edge.i, verb.right_edge.i + 1
