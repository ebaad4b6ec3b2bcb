"""What a figure is about: the thing it attaches to through the dependency parse, and a key to compare it by.

A figure hangs off a noun ("the $2.6 billion dam", "a dam with 12 turbines"), off the object of a measuring
verb whose subject is the thing ("the dam will cost $2.1 billion", "the deal is worth $3bn"), or off a measure
noun ("the cost of the dam"). The key is the thing's folded head lemma with its proper-noun compounds ("Varna
Dam" → "varna dam"); a bare "the dam" takes the one named dam its document mentions, a pronoun the last thing
named as a clause subject. Common-noun modifiers ("border treaty") are kept apart as qualifiers: two treaties
with disjoint qualifiers are different treaties.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

NOUNS = frozenset({"NOUN", "PROPN"})
# Nouns that name a measure of something rather than the thing: "the cost of the dam" is about the dam.
MEASURES = frozenset({"cost", "price", "value", "budget", "total", "sum", "amount", "figure", "bill", "worth",
                      "estimate", "tag", "price tag", "size", "number", "toll", "tally", "count", "investment",
                      "funding", "financing", "spending", "outlay", "expenditure"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "this", "that"})


def fold(text: str) -> str:
    """Case- and accent-folded text for comparing names across outlets."""
    nfkd = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch)).strip()


@dataclass(slots=True)
class Thing:
    """A subject as found in one sentence."""

    token: Token
    text: str
    key: str
    qualifiers: list[str] = field(default_factory=list)


def named_key(tok: Token) -> tuple[str, list[str]]:
    """(key, qualifiers): proper-noun compounds + head lemma; common-noun compounds kept as qualifiers."""
    names, quals = [], []
    for c in tok.children:
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i:
            if c.pos_ == "PROPN" or c.ent_type_ in {"GPE", "ORG", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}:
                names.append(fold(c.text))
            elif c.pos_ in {"NOUN"}:
                quals.append(fold(c.lemma_))
    head = fold(tok.lemma_ if tok.pos_ != "PROPN" else tok.text)
    return " ".join([*names, head]), quals


def phrase(tok: Token) -> str:
    """The noun with its left modifiers, without determiners, numbers or possessives ("Varna Dam")."""
    left = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"} and not c.like_num and c.pos_ != "SYM"]
    start = min([tok.i, *(c.i for c in left)])
    words = [t for t in tok.doc[start: tok.i + 1] if t.dep_ not in {"det", "poss", "nummod", "quantmod", "case"}
             and not t.like_num and t.pos_ not in {"SYM", "PUNCT"}]
    return " ".join(t.text for t in words) or tok.text


class DocThings:
    """Per-document memory: named things by head lemma, the last clause subject, the most named thing."""

    def __init__(self, sdoc: Doc):
        self.named: dict[str, set[str]] = {}
        counts: Counter[str] = Counter()
        for tok in sdoc:
            if tok.pos_ in NOUNS:  # NER tags is unreliable on invented names ("the Orlen Dam" as PERSON)
                key, _ = named_key(tok)
                if " " in key:
                    self.named.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
                    counts[key] += 1
        self.topic = counts.most_common(1)[0][0] if counts and counts.most_common(1)[0][1] >= 2 else None
        self.last: Thing | None = None

    def upgrade(self, key: str) -> str:
        """A bare head noun ("dam") becomes the one named thing with that head ("varna dam"), if unique."""
        if " " not in key and len(self.named.get(key, ())) == 1:
            return next(iter(self.named[key]))
        return key

    def thing(self, tok: Token, *, measures: bool = True) -> Thing | None:
        """The thing a noun names: measure nouns pass to their "of" object, pronouns to the last subject."""
        for _ in range(3):
            if measures and tok.lemma_.lower() in MEASURES:
                inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "on", "in"}
                         for g in c.children if g.dep_ == "pobj" and g.pos_ in NOUNS | {"PRON"}]
                inner += [c for c in tok.children if c.dep_ == "poss"]
                if not inner:
                    return None
                tok = inner[0]
                continue
            break
        if tok.pos_ == "PRON" or tok.lower_ in _PRONOUNS:
            return self.last
        if tok.pos_ not in NOUNS or tok.ent_type_ in {"DATE", "MONEY", "CARDINAL", "PERCENT"}:
            return None
        key, quals = named_key(tok)
        return Thing(tok, phrase(tok), self.upgrade(key), quals)

    def remember(self, sent_root: Token) -> None:
        """The sentence's main subject, if a thing, is what a later "it"/"its" most likely means."""
        for c in sent_root.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in NOUNS and c.ent_type_ not in {"NORP", "GPE"}:
                if (t := self.thing(c, measures=True)) is not None:
                    self.last = t
                return
