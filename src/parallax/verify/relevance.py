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

import re
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

    @property
    def relevant(self) -> bool:
        return self.subject and self.coverage >= RELEVANT


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[tuple[int, int, tuple[str, ...], tuple[str, ...]], ...]:
    out = []
    for s, e in split_sentences(text):
        toks = words(text[s:e])
        out.append((s, e, tuple(toks), tuple(fold(t) for t in toks)))
    return tuple(out)


def names_pattern(forms: set[str]) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for a party's names (longest first)."""
    good = sorted({f.strip() for f in forms if f and len(f.strip()) > 1}, key=len, reverse=True)
    if not good:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in good) + r")(?![\w-])", re.IGNORECASE)


def coverage(reading: Reading, keys: set[str]) -> tuple[float, list[Term]]:
    """Weighted share of the claim's required terms in ``keys``; alternatives fill in for missing ones."""
    required = reading.required()
    total = sum(t.weight for t in required)
    if not total:
        return 0.0, []
    got = [t for t in reading.terms if t.forms & keys]
    weight = sum(t.weight for t in got)
    return min(1.0, weight / total), got


def read_document(reading: Reading, text: str, subject: re.Pattern[str] | None,
                  parties: re.Pattern[str] | None = None) -> list[Sentence]:
    """Every sentence of ``text`` with its coverage of the claim and whether the subject (any party) is named."""
    out: list[Sentence] = []
    named_before = False
    for i, (s, e, toks, keys) in enumerate(_sentences(text)):
        sent = Sentence(i, s, e, text[s:e], list(toks), list(keys))
        sent.coverage, sent.matched = coverage(reading, set(keys))
        if subject is not None:
            here = bool(subject.search(sent.text))
            sent.subject = here or named_before and bool(PRONOUNS & {t.lower() for t in toks})
            named_before = here
        sent.party = bool(parties is not None and parties.search(sent.text))
        out.append(sent)
    return out


def relevant(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that speak to the claim, best first."""
    return sorted((s for s in sentences if s.relevant), key=lambda s: (-s.coverage, s.index))
