"""Speech cues and the phrases they attribute speech to, read from the dependency parse.

A cue is a verb of saying ("said", "told", "quoted ... as saying") or the preposition "according to". From a
cue we read who speaks (its subject, the object of "according to", the person "quoted"), through whom the speech
was relayed (the outlet that "quoted" someone, the outlet someone "told"), and what medium carried it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from parallax.extract.quotes.lexicon import AUDIENCE_NOUNS, MEDIUM_NOUNS, OUTLET_NOUNS, SPEECH_VERBS, speech_verb
from parallax.language.spans import ents

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_LEFT_KEEP = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "case", "npadvmod",
              "predet", "punct_hyphen"}
_EXPLETIVE = {"it", "there"}
_WHEN = {"DATE", "TIME"}


@dataclass(slots=True)
class Cue:
    """One attribution: the cue token, the speaker phrase (core and full) and any relaying outlet phrases."""

    token: Token
    text: str
    speaker: Span | None = None  # the compact speaker phrase ("a senior source in the defence ministry")
    speaker_full: Span | None = None  # with appositions and relative clauses (for anonymity, affiliation)
    relays: list[Span] = field(default_factory=list)  # outlets the speech passed through, outermost first
    medium: Span | None = None  # "in a statement", "in a report published in ..."


def verb_lemma(tok: Token) -> str:
    """The lemma, with its particle when the phrasal verb is a speech verb ("point out")."""
    lemma = tok.lemma_.lower()
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    if prt is not None and f"{lemma} {prt.lower_}" in SPEECH_VERBS:
        return f"{lemma} {prt.lower_}"
    return lemma


def is_speech_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD" and verb_lemma(tok) in SPEECH_VERBS


def needs_speaker(tok: Token) -> bool:
    """Verbs of belief ("fears", "believes") report a view only with someone holding it."""
    entry = speech_verb(verb_lemma(tok))
    return entry is not None and entry.mood == "think"


def is_according(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def compact(head: Token) -> Span:
    """The head with its determiners, modifiers and (for common nouns) prepositional tail, without clauses."""
    keep = {head.i}

    def left(tok: Token) -> None:
        for c in tok.lefts:
            if c.dep_ in _LEFT_KEEP or c.dep_ == "punct" and c.text in "-'":
                keep.update(t.i for t in c.subtree)

    left(head)
    if head.pos_ != "PROPN" and head.lower_ not in ("he", "she", "they", "it", "i", "we"):
        for c in head.rights:
            if c.dep_ in ("prep", "compound", "amod", "nummod") and c.lower_ not in ("as", "including"):
                for t in c.subtree:  # up to the first comma: "a source in the ministry, who ..."
                    if t.text in ",;:(":
                        break
                    keep.add(t.i)
                if any(t.text in ",;:(" for t in c.subtree):
                    break
            elif c.dep_ in ("punct", "appos", "relcl", "acl", "cc", "conj"):
                break
    else:
        for c in head.rights:  # "Smith Jr", name tails
            if c.dep_ in ("compound", "flat") and c.i == max(keep) + 1:
                keep.add(c.i)
    lo, hi = min(keep), max(keep)
    doc = head.doc
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi + 1]


def _full(head: Token) -> Span:
    toks = list(head.subtree)
    return head.doc[toks[0].i:toks[-1].i + 1]


def _subject(verb: Token) -> Token | None:
    """The verb's subject; "it" only where it refers ("it said", not "it was claimed", "it is clear")."""
    expletive = any(c.dep_ == "auxpass" for c in verb.children) or verb.lemma_ in ("be", "seem", "appear")
    subjects = [c for c in verb.children if c.dep_ in _SUBJ and not (
        c.lower_ in _EXPLETIVE and (expletive or c.lower_ == "there"))]
    # "what he says is ...": the relative word is no speaker when the clause names one
    named = [c for c in subjects if c.lower_ not in ("what", "which", "that")]
    return (named or subjects or [None])[0]


def _agent(verb: Token) -> Token | None:
    """"was claimed by X" / "said in a report published in X": the agent or the medium's source."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _medium(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "through", "via"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in MEDIUM_NOUNS:
                return pobj
    return None


def _source_of_medium(medium: Token) -> Token | None:
    """"a report published in X", "an interview with X", "a statement from X" -> X."""
    for t in medium.subtree:
        if t.dep_ == "pobj" and t is not medium and t.head.lower_ in ("in", "with", "by", "from", "on", "to"):
            if t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART") or t.pos_ == "PROPN":
                return t
    return None


def _is_outletish(tok: Token) -> bool:
    return tok.lemma_.lower() in OUTLET_NOUNS or tok.ent_type_ in ("ORG", "WORK_OF_ART") or (
        tok.pos_ == "PROPN" and tok.lower_ not in AUDIENCE_NOUNS)


def read_cue(tok: Token) -> Cue:
    """Who speaks through this cue, through whom, in what medium."""
    doc = tok.doc
    if is_according(tok):
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((t for t in doc[to.i + 1:min(len(doc), to.i + 8)] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        cue = Cue(tok, "according to")
        if pobj is not None:
            cue.speaker, cue.speaker_full = compact(pobj), _full(pobj)
        return cue
    cue = Cue(tok, tok.text)
    verb = tok
    # "quoted X as saying": the speaker is the one quoted, the quoting subject relays
    quoting = next((a for a in [tok, *tok.ancestors][:4] if a.lemma_.lower() == "quote" and a.pos_ == "VERB"), None)
    if quoting is not None:
        quoted = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
        relay = _subject(quoting)
        if relay is not None:
            cue.relays.append(compact(relay))
        if quoted is not None:
            cue.speaker, cue.speaker_full = compact(quoted), _full(quoted)
            return cue
    subj = _subject(verb)
    hops = 0
    while subj is None and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "dep") and hops < 3:
        if verb.dep_ == "ccomp" and not is_speech_verb(verb.head):
            break
        verb, hops = verb.head, hops + 1  # "..., adding that" / "and added" share the head's subject
        subj = _subject(verb)
    if subj is None and tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and not any(c.dep_ == "agent" for c in tok.children):
        subj = tok.head  # "Another source added: ..." misparsed as a clause modifying "source"
        cue.speaker = cue.speaker_full = compact(subj)
    if subj is None:
        subj = _agent(tok)
    med = _medium(tok) or (_medium(verb) if verb is not tok else None)
    if med is not None:
        cue.medium = _full(med)
        src = _source_of_medium(med)
        if subj is None and src is not None:
            subj = src  # "it has been claimed in a report published in X"
        elif src is not None and src is not subj:
            cue.relays.append(compact(src))
    if subj is None and tok.tag_ == "VBG":  # "..., announcing on Friday that ...": the clause's subject
        subj = next((t for t in reversed(list(tok.sent)[:tok.i - tok.sent.start])
                     if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in _EXPLETIVE), None)
    if subj is None:  # inverted "said X" parsed without a subject
        subj = next((t for t in tok.rights if t.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd")
                     and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in _WHEN), None)
    if subj is not None and cue.speaker is None:
        cue.speaker, cue.speaker_full = _person_first(compact(subj), _full(subj)), _full(subj)
    for c in tok.children:  # "X added, according to the paper" - the paper relays X
        if c.lower_ == "according" and c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "to":
            pobj = next((p for p in doc[c.i + 1].children if p.dep_ == "pobj"), None)
            if pobj is not None:
                cue.relays.append(compact(pobj))
    if tok.lemma_.lower() == "tell":
        told = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
        if told is not None and told.lemma_.lower() not in AUDIENCE_NOUNS and _is_outletish(told) \
                and told.ent_type_ not in ("PERSON", "GPE", "NORP"):
            cue.relays.append(compact(told))
    return cue


def _person_first(core: Span, full: Span) -> Span:
    """The one person named in a subject whose compact phrase missed them (a mangled parse of a long title), or
    the name in apposition to a description ("Another passenger, Jan Kowalski, said")."""
    if any(t.ent_type_ == "PERSON" for t in core) or core.root.pos_ == "PRON":
        return core
    appos = next((c for c in core.root.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is not None:
        return compact(appos)
    people = [e for e in ents(full) if e.label_ == "PERSON"]
    return people[0] if len(people) == 1 else core
