"""Opposite statements by different voices: "the system poses a threat to NATO's defenses" (one government)
against "the S-400 poses no threat to NATO systems" (the other).

Claim clustering keys statements by their event or by their text's close similarity, so two wordings of one
proposition that differ by a negation and a word or two can end in different claims. Here every stated
clause (the per-document claims read from quotes and reported speech) is compared with every other that
shares its words: two clauses that say the same thing (at least ``SHARED`` content words and ``OVERLAP`` of
their words together, negation left out) with opposite polarity — one negated by "not", "no", "never" or a
denial, the other not — by two different voices make a contradiction of kind ``claim``. A clause in a
question, a condition or a possibility ("could", "might") takes no side; the same voice saying both is a
parse slip more often than a story.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from parallax.link.claim_conflicts import takes_a_side
from parallax.link.disputes import terms
from parallax.link.unionfind import UnionFind
from parallax.model import Claim, Contradiction, ContradictionSide, Document, Evidence

SHARED = 3
OVERLAP = 0.5
MAX_POSTING = 200  # a word in more clauses than this proposes no pairs (it says too little)
NEGATORS = frozenset({"no", "not", "never", "none", "nothing", "neither", "nor", "n't", "without", "no longer"})
_WORDS = re.compile(r"[a-z]+(?:n't)?")


def negative(c: Claim) -> bool:
    """Whether a clause denies: negated by its parse or a negative word ("poses no threat"), a denial flips."""
    neg = c.polarity == "negative" or bool(NEGATORS & set(_WORDS.findall(c.text.lower().replace("’", "'"))))
    return not neg if c.mode == "denied" else neg


def opposite_statements(claims: Sequence[Claim], docs: Mapping[str, Document]) -> list[Contradiction]:
    """Contradictions between clauses of opposite polarity that say one thing (see module doc)."""
    items = []
    for c in claims:
        if not c.mentions or c.mode in ("hypothetical", "reported") or c.mentions[0].doc not in docs:
            continue
        m = c.mentions[0]
        if not takes_a_side(m, docs):
            continue
        words = frozenset(terms(c.text))
        if len(words) >= SHARED:
            voice = m.holder or f"outlet:{docs[m.doc].outlet or m.doc}"
            items.append((c, m, words, negative(c), voice))
    postings: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        for w in it[2]:
            postings.setdefault(w, []).append(i)
    uf = UnionFind()
    paired: set[int] = set()
    for i, (_, _, words, neg, voice) in enumerate(items):
        shared = Counter(j for w in words if len(postings[w]) <= MAX_POSTING for j in postings[w] if j > i)
        for j, n in shared.items():
            _, _, other, neg_j, voice_j = items[j]
            if n >= SHARED and neg != neg_j and voice != voice_j and n / len(words | other) >= OVERLAP:
                uf.union(i, j)
                paired |= {i, j}
    groups: dict[int, list[int]] = {}
    for i in sorted(paired):
        groups.setdefault(uf.find(i), []).append(i)
    out = []
    for members in groups.values():
        pos = [items[i] for i in members if not items[i][3]]
        neg = [items[i] for i in members if items[i][3]]
        if not pos or not neg:
            continue
        about = min((it[0].text for it in pos), key=len)
        key = "\x1f".join(sorted(f"{it[1].doc}:{it[1].start}" for it in pos + neg))
        out.append(Contradiction(
            id="o" + hashlib.sha1(key.encode()).hexdigest()[:12], kind="claim", about=about,
            sides=[ContradictionSide(_shown(pos, docs), [Evidence(it[1].doc, it[1].start, it[1].end) for it in pos]),
                   ContradictionSide(_shown(neg, docs), [Evidence(it[1].doc, it[1].start, it[1].end) for it in neg])]))
    return out


def _shown(side: list, docs: Mapping[str, Document]) -> str:
    """A side's value: its shortest statement as written."""
    texts = [docs[it[1].doc].text[it[1].start:it[1].end].strip() for it in side]
    return min(texts, key=len)


def not_yet_stated(found: Sequence[Contradiction], known: Sequence[Contradiction]) -> list[Contradiction]:
    """The contradictions of ``found`` whose every side shares no evidence with a side of one already known."""
    spans = [{(e.doc, e.start) for s in c.sides for e in s.evidence} for c in known]
    out = []
    for c in found:
        sides = [{(e.doc, e.start) for e in s.evidence} for s in c.sides]
        if not any(all(side & k for side in sides) for k in spans):
            out.append(c)
    return out
