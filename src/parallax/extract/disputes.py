"""Denials in one document: who rejects which allegation, and where the allegation itself is told.

News reports a dispute in a few stock shapes, all read from the parse:

- a denial verb with the allegation as its object and the allegation's content in a clause: "the Taliban
  rejected Pakistan's allegation that the attack was planned from Afghan soil", "dismissed accusations it is
  getting weapons", "deny providing sanctuary to fighters", "denied that ...";
- the allegation first, its rejection attached to it: "... accusing it of supporting militants, a charge New
  Delhi quickly rejected"; "experts detailed transfers of munitions — which Moscow denied";
- an anaphoric denial of what the sentence before said: "Rebutting the claim, ...", "'This is completely
  false,' the envoy said", "called the assertions baseless", "dismissed the premier's response as stalling";
- a source that will not confirm what others report: "despite media reports, the official did not confirm
  the death of the driver" (mode ``unconfirmed``);
- a disagreement the outlet reports: "Lund and Okafor disagreed about who started the dispute" (a record
  ``<doc>:g<n>``: the topic, each party a side, the sentence the evidence of both).

Each becomes a per-document dispute record, stored with the document's claims as a :class:`Claim` whose id is
``<doc>:d<n>`` (told apart from the quote claims ``<doc>:c<n>``): its text is the allegation's content as
written, its holder the denier, its mentions the denial (stance ``refutes``, holder the denier) and, where the
document tells the allegation itself, that span (stance ``supports``, holder the accuser when named). The
link stage (``parallax.link.disputes``) finds the allegation told elsewhere in the story and turns each
dispute into a claim with both sides. A denial in a question, a condition or a negated or modal clause ("if
Moscow denies ...", "did not deny") is none.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes.lexicon import SPEECH_VERBS
from parallax.model import Actor, Claim, ClaimMention, Document, Quote

DENY = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contest", "repudiate", "rebuff",
                  "disavow"})
ALLEGATIONS = frozenset({"allegation", "accusation", "claim", "charge", "assertion", "suggestion", "report",
                         "finding", "contention", "insinuation", "rumor", "rumour", "speculation", "assessment"})
FALSE = frozenset({"false", "baseless", "unfounded", "groundless", "untrue", "fabricated", "fabrication", "lie",
                   "nonsense", "absurd", "ridiculous", "slander", "fake", "fiction", "propaganda", "bogus"})
LABEL = frozenset({"call", "term", "describe", "label", "brand", "dismiss", "reject"})
# What someone said, dismissed as a whole ("dismissed the premier's response as stalling"): a rejection of that
# party's account, told in the sentence before. Proposals and requests are not here: refusing an offer is an
# act, not a contradiction.
STATEMENTS = frozenset({"response", "remark", "comment", "statement", "explanation", "account", "version",
                        "argument", "characterization", "characterisation", "narrative", "answer", "reply"})
DISMISS = frozenset({"dismiss", "refute", "rebut", "dispute", "contest"})
DISAGREE = frozenset({"disagree", "clash", "differ", "quarrel", "spar", "feud", "argue"})
_MODAL = frozenset({"would", "could", "may", "might", "should", "can", "ca", "must"})
_CONDITION = frozenset({"if", "unless", "whether"})
_ANAPHORA = frozenset({"this", "that", "it", "these", "those", "such"})


def _third(lemma: str) -> str:
    """The third person singular of a verb ("provide" → "provides", "carry" → "carries")."""
    if lemma == "be":
        return "is"
    if lemma == "have":
        return "has"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def _hedged(verb: Token) -> bool:
    """A denial that is not made: negated, modal, in a condition or a question."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODAL) for c in verb.children):
        return True
    cur = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in cur.children):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return verb.sent.text.rstrip().rstrip("\"'”’").endswith("?")


def _text(doc: Doc, start: int, end: int) -> str:
    return doc.text[start:end].strip(" ,;:—–-\"'“”‘’")


def _content_clause(noun: Token) -> Token | None:
    """The clause that says what an allegation is: "the allegation that X", "accusations (that) it is X",
    "allegations ... linking X with Y", "accusations of X"."""
    for c in noun.children:
        if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ in {"VERB", "AUX"}:
            subj = [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}]
            if c.dep_ == "relcl" and (not subj or any(g.lower_ in {"that", "which", "who", "whom"} for g in c.children)):
                continue  # "the claims that were made": a relative clause, not the claim's content
            if c.tag_ == "VBN" and not subj:
                continue  # "allegations made by Pakistan": who made them, not what they say
            return c
    for c in noun.children:  # "accusations of meddling in the vote"; not "claims over the sea" (a territory)
        if c.dep_ == "prep" and c.lower_ in {"of", "about"}:
            for g in c.children:
                if g.dep_ == "pcomp" or (g.dep_ == "pobj" and g.tag_ == "VBG"):
                    return g
    return None


def _accuser(noun: Token, actors: DocActors) -> str | None:
    """Whose allegation: "Pakistan's allegation", "allegations by/made by the army spokesperson"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return actors.actor_at(c.left_edge.idx, c.idx + len(c))
        if c.dep_ == "prep" and c.lower_ == "by":
            for g in c.children:
                if g.dep_ == "pobj":
                    return actors.actor_at(g.left_edge.idx, g.right_edge.idx + len(g.right_edge))
        if c.dep_ == "acl":
            for g in c.children:
                if g.dep_ == "agent":
                    for p in g.children:
                        if p.dep_ == "pobj":
                            return actors.actor_at(p.left_edge.idx, p.right_edge.idx + len(p.right_edge))
    return None


def _subject(verb: Token) -> Token | None:
    cur = verb
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if cur.dep_ not in {"advcl", "xcomp", "conj", "relcl"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _actor_of(tok: Token | None, actors: DocActors, quotes: list[Quote] = ()) -> str | None:
    """The actor a subject names; "we" or "I" inside a quote is its speaker."""
    if tok is None:
        return None
    if tok.lower_ in {"we", "i"}:
        return next((q.speaker for q in quotes if q.start <= tok.idx < q.end and q.speaker), None)
    return actors.actor_at(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))


_LEAD = frozenset({"that", "whether"}) | ALLEGATIONS


def _content_text(doc: Doc, start: int, end: int) -> str:
    """The allegation as a proposition: "claims that X" and "that X" read as X."""
    text = _text(doc, start, end)
    words = text.split(maxsplit=1)
    while len(words) == 2 and (words[0].lower() in _LEAD or words[0].lower().rstrip("s") in ALLEGATIONS):
        text = words[1]
        words = text.split(maxsplit=1)
    return text[:1].upper() + text[1:]


class _Found:
    """One denial as read: where, by whom, what it rejects, and where the allegation is told in the text."""

    def __init__(self, sent: Span, denier: str | None, content: tuple[int, int] | None,
                 told: tuple[int, int] | None = None, accuser: str | None = None, refutes: tuple[int, int] | None = None):
        self.sent = sent
        self.denier = denier
        self.content = content  # character span of the allegation's content, None: the sentence before
        self.told = told  # character span where the document tells the allegation, if it does
        self.accuser = accuser
        self.refutes = refutes or (sent.start_char, sent.end_char)
        self.unconfirmed = False  # withheld ("did not confirm"), not denied
        self.text: str | None = None  # the allegation reworded as a clause, when its words are not one


def _from_verb(verb: Token, actors: DocActors, quotes: list[Quote]) -> _Found | None:
    sent = verb.sent
    denier = _actor_of(_subject(verb), actors, quotes)
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "ccomp", "xcomp"}), None)
    head = verb.head
    if verb.dep_ == "relcl" and head.lemma_.lower() in ALLEGATIONS:  # "..., a charge New Delhi rejected"
        # an apposition names the allegation the clause before told; "on espionage charges which X dismissed"
        # keeps the charge in what is told
        start = head.left_edge.idx if head.dep_ == "appos" else min(t.idx for t in verb.subtree)
        if start <= sent.start_char:
            return None
        told = (sent.start_char, start)
        inner = [t for t in sent if t.idx < start and t.lemma_.lower() in ALLEGATIONS]
        clause = _content_clause(inner[-1]) if inner else None
        content = (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)) if clause else told
        return _Found(sent, denier, content, told, refutes=(start, sent.end_char))
    if (appended := _appended(verb, actors)) is not None:  # "..., a charge Santiago rejected" (any parse)
        return appended
    if obj is not None and obj.lower_ in {"which", "that"} and obj.i > sent.start:  # "— which Moscow denied"
        start = min(t.idx for t in verb.subtree)
        if start <= sent.start_char + 1:
            return None
        return _Found(sent, denier, (sent.start_char, start), (sent.start_char, start), refutes=(start, sent.end_char))
    if obj is None:
        return None
    if obj.dep_ in {"ccomp", "xcomp"} or obj.pos_ in {"VERB", "AUX"}:  # "denied that ...", "deny providing ..."
        f = _Found(sent, denier, (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)))
        subj = _subject(verb)
        if obj.tag_ == "VBG" and subj is not None and obj.left_edge.i == obj.i:  # "X deny providing Y" → "X provides Y"
            rest = sent.doc.text[obj.idx + len(obj):obj.right_edge.idx + len(obj.right_edge)]
            f.text = f"{_text(sent.doc, subj.left_edge.idx, subj.idx + len(subj))} {_third(obj.lemma_)}{rest}"
        return f
    if obj.lemma_.lower() in STATEMENTS and verb.lemma_.lower() in DISMISS and \
            any(c.dep_ == "poss" for c in obj.children):
        return _Found(sent, denier, None, accuser=_accuser(obj, actors))
    if obj.lemma_.lower() not in ALLEGATIONS:
        return None
    clause = _content_clause(obj)
    accuser = _accuser(obj, actors)
    if clause is None:
        return _Found(sent, denier, None, accuser=accuser)  # "rejected the allegation": the sentence before
    return _Found(sent, denier, (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)),
                  accuser=accuser)


_APPENDED = re.compile(r",\s+(?:a|an|the)\s+(?:charge|claim|allegation|accusation|assertion)s?\s+(?P<who>[^,]+?)\s*$")


def _appended(verb: Token, actors: DocActors) -> _Found | None:
    """"..., a charge the Kenyan spokesperson rejected Thursday" when the parse hung the verb elsewhere:
    the allegation is what the sentence told before the comma, the denier who stands between."""
    sent = verb.sent
    m = _APPENDED.search(sent.doc.text[sent.start_char:verb.idx])
    if m is None or m.start() == 0:
        return None
    who = sent.start_char + m.start("who"), sent.start_char + m.end("who")
    told = (sent.start_char, sent.start_char + m.start())
    rejected_at = sent.start_char + m.start() + len(m.group(0)) - len(m.group(0).lstrip(", "))
    inner = [t for t in sent if t.idx < told[1] and t.lemma_.lower() in ALLEGATIONS]
    clause = _content_clause(inner[-1]) if inner else None
    content = (clause.left_edge.idx, min(told[1], clause.right_edge.idx + len(clause.right_edge))) if clause else told
    return _Found(sent, actors.actor_at(*who), content, told, refutes=(rejected_at, sent.end_char))


_ALLEGING = frozenset({"accuse", "allege", "charge", "blame", "claim", "indict", "say", "tell", "report", "state",
                       "assert", "insist", "find", "conclude", "confirm", "describe", "call", "sue", "detail",
                       "accusation", "allegation", "charge", "claim", "finding", "report", "lawsuit", "statement"})


def _antecedent(sents: list[Span], i: int, denials: set[int]) -> Span | None:
    """What an anaphoric denial ("rejected the accusations") answers: the nearest of the three sentences before
    it that alleges or reports something (an alleging or saying word, or a quotation), none of them a denial."""
    for k in range(i - 1, max(i - 4, -1), -1):
        s = sents[k]
        if s.start in denials:
            return None
        if any(t.lemma_.lower() in _ALLEGING for t in s) or any(t.is_quote for t in s):
            return s
    return None


def _core(sent: Span) -> tuple[int, int]:
    """What a sentence reports: "X said that Y" → Y (through nested reports), else the sentence."""
    verb = sent.root
    for _ in range(3):
        inner = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}), None)
        if inner is None or verb.lemma_.lower() not in SPEECH_VERBS | {"confirm", "conclude", "find"}:
            break
        verb = inner
    if verb.i == sent.root.i:
        return sent.start_char, sent.end_char
    toks = [t for t in verb.subtree if t.dep_ != "mark" or t.head.i != verb.i]
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _from_false(tok: Token, actors: DocActors, quotes: list[Quote]) -> _Found | None:
    """"This is completely false", "called the assertions baseless": an anaphoric denial."""
    head = tok.head
    if tok.dep_ in {"acomp", "attr"} and head.lemma_ == "be":
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None or not (subj.lower_ in _ANAPHORA or subj.lemma_.lower() in ALLEGATIONS):
            return None
        if head.dep_ not in {"ROOT", "ccomp"} or (head.dep_ == "ccomp" and head.head.dep_ != "ROOT") or any(
                t.dep_ == "cc" and t.head.i == head.i for t in head.children):
            return None  # "X says Y, but that is false": the speaker answers a clause of its own sentence
        verb = head
    elif tok.dep_ in {"oprd", "acomp", "xcomp", "amod"} and head.lemma_.lower() in LABEL | ALLEGATIONS:
        verb = head if head.pos_ in {"VERB", "AUX"} else head.head
        if head.lemma_.lower() in ALLEGATIONS and head.dep_ != "dobj":
            return None
    else:
        return None
    if _hedged(verb):
        return None
    sent = tok.sent
    speaker = next((q.speaker for q in quotes if q.start <= tok.idx < q.end and q.speaker), None)
    denier = speaker or _actor_of(_subject(verb) if verb.lemma_ != "be" else None, actors)
    if denier is None and verb.head.i != verb.i:
        denier = _actor_of(_subject(verb.head), actors)
    return _Found(sent, denier, None)


def _unconfirmed(verb: Token, actors: DocActors) -> _Found | None:
    """"Despite media reports, the official did not confirm the death of the driver": a source withholding
    what others report; its content is the object."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "ccomp"}), None)
    if obj is None or verb.sent.text.rstrip().endswith("?"):
        return None
    f = _Found(verb.sent, _actor_of(_subject(verb), actors),
               (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)))
    f.unconfirmed = True
    return f


def _disagreement(verb: Token, doc: Document, actors: DocActors, n: int) -> Claim | None:
    """"Lund and Okafor disagreed about who started the dispute", "X clashed with Y over Z": a disagreement
    the outlet reports, each party one side, the topic what they disagree about (record ``<doc>:g<n>``)."""
    if _hedged(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    other = next((c for c in subj.children if c.dep_ == "conj"), None)
    if other is None:
        other = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"), None)
    topic = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"about", "over", "on"}
                  for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
    if other is None or topic is None:
        return None
    a = actors.actor_at(subj.idx, subj.idx + len(subj))
    b = actors.actor_at(other.left_edge.idx, other.idx + len(other))
    if a is None or b is None or a == b:
        return None
    sent = verb.sent
    text = _text(sent.doc, topic.left_edge.idx, topic.right_edge.idx + len(topic.right_edge))
    return Claim(id=f"{doc.id}:g{n}", text=text, mode="disputed", mentions=[
        ClaimMention(doc=doc.id, stance="supports", start=sent.start_char, end=sent.end_char, holder=a),
        ClaimMention(doc=doc.id, stance="refutes", start=sent.start_char, end=sent.end_char, holder=b)])


def _named(text: str, denier: Actor | None) -> str:
    """"It is getting weapons" in "X dismissed accusations it is getting weapons": parties deny what is said
    of themselves, so a pronoun subject of the allegation is the denier (its country when it speaks for one)."""
    first, _, rest = text.partition(" ")
    if denier is None or first.lower() not in {"it", "they", "he", "she"} or not rest:
        return text
    name = denier.name
    if denier.country and first.lower() in {"it", "they"}:
        from parallax.extract.actors.gazetteer import gazetteer

        name = gazetteer().country_names.get(denier.country, name)
    return f"{name} {rest}"


def extract_disputes(sdoc: Doc, doc: Document, actors: DocActors, quotes: list[Quote]) -> list[Claim]:
    """The document's denials as dispute records (see module doc)."""
    found: list[_Found] = []
    agreed: list[Claim] = []
    seen: set[int] = set()
    for tok in sdoc:
        if tok.sent.start in seen:
            continue
        f = None
        low = tok.lemma_.lower()
        if low in DISAGREE and tok.pos_ == "VERB":
            if (g := _disagreement(tok, doc, actors, len(agreed))) is not None:
                agreed.append(g)
                seen.add(tok.sent.start)
            continue
        if low == "confirm" and tok.pos_ == "VERB" and any(c.dep_ == "neg" for c in tok.children) \
                and not any(c.dep_ == "aux" and c.lower_ in _MODAL for c in tok.children):
            f = _unconfirmed(tok, actors)
        elif low in DENY and tok.pos_ == "VERB" and not _hedged(tok):
            f = _from_verb(tok, actors, quotes)
        elif tok.lower_ in FALSE:
            f = _from_false(tok, actors, quotes)
        if f is not None:
            found.append(f)
            seen.add(tok.sent.start)
    out: list[Claim] = []
    sents = list(sdoc.sents)
    index = {s.start: i for i, s in enumerate(sents)}
    denials = {f.sent.start for f in found}
    for f in found:
        content, told = f.content, f.told
        if content is None:  # what the sentence before said, unless it is itself a denial (then it speaks)
            i = index[f.sent.start]
            if i == 0:
                continue
            prev = sents[i - 1]
            if prev.start in denials:
                prior = next(g for g in found if g.sent.start == prev.start)
                content, told = prior.content, prior.told
                if content is None:
                    continue
            else:
                told_in = _antecedent(sents, i, denials)
                if told_in is None:
                    continue
                content, told = _core(told_in), (told_in.start_char, told_in.end_char)
        text = _named(f.text or _content_text(sdoc, *content), actors.actor(f.denier))
        if len(text.split()) < 3:
            continue
        mentions = [ClaimMention(doc=doc.id, stance="refutes", start=f.refutes[0], end=f.refutes[1], holder=f.denier)]
        if told is not None:
            mentions.append(ClaimMention(doc=doc.id, stance="supports", start=told[0], end=told[1],
                                         holder=f.accuser))
        out.append(Claim(id=f"{doc.id}:d{len(out)}", text=text, holder=f.denier,
                         mode="unconfirmed" if f.unconfirmed else "denied", mentions=mentions))
    return out + agreed
