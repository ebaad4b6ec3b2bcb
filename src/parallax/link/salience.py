"""Which claims lead the story: the ones an analyst lists first as its main claims.

A claim leads when many outlets carry it (independent ones first); among claims carried as widely, when more
documents state it, when sources disagree on it (both stated and denied), when it is about the story's central
actors (the ones most of its documents show acting or name in their claims), and when it carries figures
(casualties, amounts). A claim that names no subject (a bare pronoun: "They shot them", "I think so"; a word
that points back: "Such transfers ..."), says too little ("Pakistan expects."), or states a possibility, a hope
or a belief rather than a fact is a witness's or a speaker's aside: it ranks after every claim that qualifies
and is never a main claim. The report, the web overview, the claim matrix and the source profiles share this
order, so they agree on what the main claims are.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from parallax.link.claim_names import MIN_WORDS, names_subject
from parallax.model import Claim, Event, Mention

CONTESTED = 2.0  # weight of disagreement (both stances stated) against one more document
CENTRAL = 2.0  # weight of the claim's most central actor's share of the documents
FIGURES = 1.0  # weight of a figure in the claim


# A claim a fact-checker can check states something (ClaimBuster's check-worthy factual sentences): not a
# possibility ("could well bring the process to an end"), not a feeling, belief or impression ("expressed hope
# that", "thinks", "is widely seen as"), and not about something only a word before it names ("Such transfers ...", "Much remains ...").
_SPECULATION = re.compile(r"\b(?:could|might|may)\b")
_OPINION = re.compile(r"^\W*(?:[\w.'’-]+\s+){1,6}?(?:also\s+)?(?:expressed\s+(?:hope|concern|optimism)|hopes?|hoped|"
                      r"wish(?:es|ed)?|feels?|felt|thinks?|thought|believes?|believed)\b", re.I)
_IMPRESSION = re.compile(r"\b(?:is|are|was|were)\s+(?:widely\s+|generally\s+)?(?:seen|viewed|perceived|regarded)\s+"
                         r"(?:to|as)\b", re.I)  # "X is seen to have built a good relationship": an impression
_ANAPHORIC = frozenset("such much many some all both others few several another".split())


def is_main_candidate(claim: Claim) -> bool:
    """A claim that may lead: a named subject, at least ``MIN_WORDS`` words, not a question, and a statement
    rather than a possibility, a feeling or a belief (see above)."""
    text = claim.text.strip()
    first = text.split(maxsplit=1)[0].lower() if text else ""
    return (names_subject(text, claim.proposition) and len(text.split()) >= MIN_WORDS
            and not text.endswith("?") and first not in _ANAPHORIC
            and not _SPECULATION.search(text) and not _OPINION.search(text) and not _IMPRESSION.search(text))


class ClaimActors:
    """The actors each claim is about (its holders, its events' parties, the actors named inside its evidence)
    and how central each actor is (the share of the claims' documents in which it plays such a part)."""

    def __init__(self, claims: Sequence[Claim], events: Mapping[str, Event], mentions: Iterable[Mention]):
        self.by_doc: dict[str, tuple[list[int], list[Mention]]] = {}
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for x in mentions:
            if x.actor:
                grouped[x.doc].append(x)
        for doc, ms in grouped.items():
            ms.sort(key=lambda x: x.start)
            self.by_doc[doc] = ([x.start for x in ms], ms)
        self.events = events
        self.of: dict[str, set[str]] = {}
        docs_of: dict[str, set[str]] = defaultdict(set)
        all_docs: set[str] = set()
        for c in claims:
            found = set()
            for m in c.mentions:
                here = self._in_span(m.doc, m.start, m.end) | ({m.holder} if m.holder else set())
                found |= here
                all_docs.add(m.doc)
                for a in here:
                    docs_of[a].add(m.doc)
            for eid in c.events:
                e = events.get(eid)
                if e is not None:
                    for a in {e.source, e.target} - {None}:
                        found.add(a)  # type: ignore[arg-type]
                        docs_of[a].add(e.doc)  # type: ignore[index]
            self.of[c.id] = found
        n = len(all_docs) or 1
        self.centrality = {a: len(ds) / n for a, ds in docs_of.items()}

    def _in_span(self, doc: str, start: int, end: int) -> set[str]:
        found = self.by_doc.get(doc)
        if found is None:
            return set()
        starts, ms = found
        out = set()
        for x in ms[bisect_left(starts, start):]:
            if x.start >= end:
                break
            if x.end <= end:
                out.add(x.actor)  # type: ignore[arg-type]
        return out

    def central(self, claim: Claim) -> float:
        return max((self.centrality.get(a, 0.0) for a in self.of.get(claim.id, ())), default=0.0)


def salience(claim: Claim, central: float) -> float:
    """How much a claim matters among claims carried by as many outlets (see module doc)."""
    stances = {m.stance for m in claim.mentions}
    return (len({m.doc for m in claim.mentions}) + CONTESTED * ({"supports", "refutes"} <= stances)
            + CENTRAL * central + FIGURES * bool(re.search(r"\d", claim.text)))


def rank_claims(claims: Sequence[Claim], actors: ClaimActors,
                outlets: Callable[[Claim], int] | None = None) -> list[Claim]:
    """Claims in order of importance: candidates first, then by outlets (``outlets(claim)``; default the
    independent ones, then all), salience, mentions and id."""
    def key(c: Claim) -> tuple:
        carried = (outlets(c),) if outlets else (c.independent, len(c.outlets))
        return (not is_main_candidate(c), *(-x for x in carried), -salience(c, actors.central(c)),
                -len(c.mentions), c.id)
    return sorted(claims, key=key)


def main_claims(claims: Sequence[Claim], actors: ClaimActors, n: int, *, min_outlets: int = 1,
                outlets: Callable[[Claim], int] | None = None) -> list[Claim]:
    """The ``n`` leading claims that may lead (see :func:`is_main_candidate`), each carried by at least
    ``min_outlets`` outlets."""
    count = outlets or (lambda c: len(c.outlets))
    return [c for c in rank_claims(claims, actors, outlets)
            if is_main_candidate(c) and count(c) >= min_outlets][:n]
