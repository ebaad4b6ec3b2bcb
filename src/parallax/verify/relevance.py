"""Claim-level relevance: which sentences of a document speak to the claim's proposition.

Why not "names the parties": inside one story every article names them, so a document is about a claim only
when one of its sentences holds the claim's own words, its predicate and objects (or its figures), weighted by
how specific each word is in general news ("recession", "aggressor" and "S-400" count for more than "war" or
"said"). Party names are left out of that coverage and asked separately: when the claim's subject is a party,
the sentence (or the one before it, for "he"/"it") must name that party by any of its stored names, the names of
its people and bodies included, or a claim that India backed militants would be "addressed" by every sentence
about militants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from parallax.verify.reading import Reading, Term
from parallax.verify.words import fold, split_sentences, words

RELEVANT = 0.42  # share of the claim's required weight a sentence must hold to speak to it
NEAR = 0.25
PRONOUNS = frozenset("he she it they his her its their him them".split())  # carry the subject one sentence  # a weaker match: enough for a denial next to the claim to count as its contest


@dataclass(slots=True)
class Sentence:
    """One sentence of a document with the claim's terms it holds."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[str]  # words as written
    keys: list[str]  # folded words, same order
    coverage: float = 0.0
    subject: bool = True  # names the claim's subject party (here or in the sentence before)
    party: bool = False  # names any party of the claim
    matched: list[Term] = field(default_factory=list)

    evaluative: bool = False  # the claim is an evaluation ("X is the aggressor", "the sanctions are justified")

    @property
    def relevant(self) -> bool:
        """Holds enough of the claim and names its subject; for an evaluation, holds the evaluation itself (or
        an alternative): a report of the sanctions does not speak to whether they are justified."""
        if not (self.subject and self.coverage >= RELEVANT):
            return False
        return not self.evaluative or any(t.role == "evaluation" or t.optional for t in self.matched)


@lru_cache(maxsize=256)
def _sentences(text: str, spans: tuple[tuple[int, int], ...] | None = None
               ) -> tuple[tuple[int, int, tuple[str, ...], tuple[str, ...]], ...]:
    out = []
    for s, e in spans if spans is not None else split_sentences(text):
        toks = words(text[s:e])
        out.append((s, e, tuple(toks), tuple(fold(t) for t in toks)))
    return tuple(out)


class Names:
    """A party's names as folded word sequences, found in a sentence's folded words (one pass, no regex)."""

    def __init__(self, forms: set[str]):
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for f in forms:
            seq = tuple(fold(w) for w in words(f))
            if seq and len(f.strip()) > 1:
                self.first.setdefault(seq[0], []).append(seq)

    def __bool__(self) -> bool:
        return bool(self.first)

    def found(self, keys: Sequence[str], keyset: set[str] | frozenset[str]) -> bool:
        first = self.first
        if keyset.isdisjoint(first):
            return False
        for i, k in enumerate(keys):
            for seq in first.get(k, ()):
                if tuple(keys[i:i + len(seq)]) == seq:
                    return True
        return False


def names_matcher(forms: set[str]) -> Names | None:
    """The matcher for a party's names, or None when it has none."""
    names = Names(forms)
    return names or None


def coverage(reading: Reading, keys: set[str]) -> tuple[float, list[Term]]:
    """Weighted share of the claim's required terms in ``keys``; alternatives fill in for missing ones."""
    required = reading.required()
    total = sum(t.weight for t in required)
    if not total:
        return 0.0, []
    got = [t for t in reading.terms if t.forms & keys]
    weight = sum(t.weight for t in got)
    return min(1.0, weight / total), got


def may_be_relevant(reading: Reading, text: str) -> bool:
    """A cheap bound: can any sentence of ``text`` reach ``RELEVANT``? A folded form's first four letters are
    in the word it came from, so a term none of whose prefixes is in the text cannot match (no tokenising)."""
    low = text.lower()
    total = sum(t.weight for t in reading.required())
    if not total:
        return False
    got = sum(t.weight for t in reading.terms if any(f[:4] in low for f in t.forms))
    return got / total >= RELEVANT


def read_document(reading: Reading, text: str, subject: Names | None, parties: Names | None = None,
                  spans: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Every sentence of ``text`` (``spans``: its sentences as already split) with its coverage of the claim
    and whether the subject (any party) is named."""
    out: list[Sentence] = []
    named_before = False
    for i, (s, e, toks, keys) in enumerate(_sentences(text, tuple(spans) if spans is not None else None)):
        sent = Sentence(i, s, e, text[s:e], list(toks), list(keys))
        keyset = set(keys)
        sent.evaluative = bool(reading.evaluation)
        sent.coverage, sent.matched = coverage(reading, keyset)
        if subject is not None:
            here = subject.found(keys, keyset)
            sent.subject = here or named_before and bool(PRONOUNS & {t.lower() for t in toks})
            named_before = here
        sent.party = parties is not None and parties.found(keys, keyset)
        out.append(sent)
    return out


def relevant(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that speak to the claim, best first."""
    return sorted((s for s in sentences if s.relevant), key=lambda s: (-s.coverage, s.index))
