"""``verify``: a verdict on a claim against the stored corpus, one stance per stored document.

Each retrieved document (BM25 over sentences first) is read for the claim's proposition (``reading``): it
addresses the claim only when a sentence holds the claim's own words (``relevance``), and those sentences
decide its stance by the guidelines (``direction``). Stored events and quoted claims between the claim's
parties (``stance``) speak for act claims where their sentence holds some of the claim's words.

The verdict rule (weights from scores). Each document's weight toward its stance is its score (the coverage
of its best sentence, or the structural score) times the trust in how the stance was found: 1.0 for a stored
event, 0.9 for a stored claim mention, 0.8 for the document's own sentences. Duplicates (exact or near copies of another
stored document) carry the stance of their original but weigh nothing, so a wire story reprinted ten times
counts once. With S and R the summed weights of
supporting and refuting documents:

* both S and R reach ``MIN_WEIGHT`` → **conflicting**;
* only S does → **supported**; only R does → **refuted**;
* neither (only discussion, weak matches, or nothing) → **not_enough_evidence**.

``Verifier`` keeps the sentence index and the stored structure in memory and reloads them only when the
store changes (its document count or highest sequence number), so a server answers repeated claims fast.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any

from parallax.link.independence import root_doc
from parallax.model import Evidence, Stance, Verdict
from parallax.store import Store
from parallax.verify.claim import ParsedClaim, parse_claim
from parallax.verify.facts import Facts, load_facts
from parallax.verify.reading import Reading
from parallax.verify.retrieve import SentenceIndex, open_index, store_key, tokenize
from parallax.verify.direction import lean
from parallax.verify.relevance import (NEAR, Sentence, coverage, may_be_relevant, names_matcher, read_document,
                                      relevant)
from parallax.verify.words import folded
from parallax.verify.stance import (EXACT, Finding, candidate_docs, claim_findings, claim_terms, decide, event_findings,
                                    party_forms, side_forms, structure_lookup)

MIN_WEIGHT = 0.5
TRUST = {"event": 1.0, "claim": 0.9, "text": 0.8}


@dataclass(slots=True)
class Explained:
    """A verdict with the reasoning behind each stance (for views that want to say why)."""

    verdict: Verdict
    claim: ParsedClaim
    basis: dict[str, str] = field(default_factory=dict)  # doc id -> event | claim | model | none
    weights: dict[str, float] = field(default_factory=dict)  # supports / refutes totals


class Verifier:
    """Verify claims against one store; the index and the stored facts are built once and reused."""

    def __init__(self, store: Store):
        self.store = store
        self._key: str | None = None
        self.index: SentenceIndex | None = None
        self.facts: Facts | None = None
        self.lookup: dict[tuple[str, str], set[str]] = {}
        self.roots: dict[str, str] = {}

    def refresh(self) -> None:
        """Load (or rebuild) the index and facts if the store changed since the last call."""
        key = store_key(self.store)
        if key != self._key or self.index is None or self.facts is None:
            self.index = open_index(self.store)
            self.facts = load_facts(self.store)
            self.lookup = structure_lookup(self.facts)
            originals = {d.id: d for d in self.facts.docs}
            self.roots = {d.id: root_doc(d.id, originals) for d in self.facts.docs}  # once, not per claim
            self._key = key
            # The loaded facts live as long as this verifier and hold no cycles to free: moved out of the
            # collector's sight, a full collection no longer walks them in the middle of a claim (on 5,000
            # documents that walk was the slowest claims' extra 0.2 s).
            gc.collect()
            gc.freeze()

    def verify(self, claim: str, *, top_k: int = 50) -> Verdict:
        return self.explain(claim, top_k=top_k).verdict

    def explain(self, claim: str, *, top_k: int = 50) -> Explained:
        """The verdict plus how each document's stance was reached."""
        claim = " ".join(claim.split())
        if not claim:
            raise ValueError("the claim is empty: give a sentence such as \"A will sell tanks to B\"")
        self.refresh()
        assert self.index is not None and self.facts is not None
        facts = self.facts
        parsed = parse_claim(claim)
        hits = self.index.search(self._query(parsed, facts), docs=top_k)
        # Stored events and claims speak only for an act claim: a report of sanctions says nothing about
        # whether the sanctions are justified, nor about what should be done.
        act = not (parsed.reading.evaluation or parsed.reading.modality == "deontic")
        candidates = set(hits) | (candidate_docs(parsed, facts, self.lookup) if act else set())
        structural = {d: f for d, f in self._structural(parsed, candidates, facts).items() if f} if act else {}
        texts = self._texts(set(hits) | set(structural))
        subject = names_matcher(party_forms(parsed.subject, facts)) if parsed.subject else None
        parties = names_matcher({f for side in parsed.sides for f in side_forms(side, facts)})
        decided: dict[str, tuple[str, float, list[Finding]]] = {}
        for d in set(hits) | set(structural):
            text = texts.get(d, "")
            if d in hits and may_be_relevant(parsed.reading, text):  # read closely: relevance and direction
                sentences = read_document(parsed.reading, text, subject, parties, self.index.spans(d))
                found = self._read(parsed, sentences, structural.get(d, []))
            elif d in structural:  # by its stored structure: the structure's own sentences hold the claim's words
                found = self._spans(parsed, text, structural[d])
            else:
                found = None
            if found is not None:
                lab, sc, ev = found
                decided[d] = (lab, sc, [_trim(f, text) for f in ev])

        roots = self.roots
        stances: list[Stance] = []
        basis: dict[str, str] = {}
        for info in facts.docs:
            label, score, ev = decided.get(info.id, ("unrelated", 0.0, []))
            root = roots[info.id]  # a copy of a copy speaks with the original's voice
            if label == "unrelated" and root != info.id and root in decided:
                label, score, ev = self._inherit(info.id, root, decided[root])
            if label == "unrelated" and score == 0.0:
                score = 1.0 if info.id not in hits else 0.5  # never retrieved: surely unrelated
            stances.append(Stance(doc=info.id, stance=label, score=round(float(score), 4),  # type: ignore[arg-type]
                                  evidence=[Evidence(info.id, f.start, f.end) for f in ev]))
            basis[info.id] = ev[0].basis if ev else "none"
        weights = {"supports": 0.0, "refutes": 0.0}
        for st in stances:
            root = roots[st.doc]
            if st.stance in weights and (root == st.doc or root not in roots):  # copies count once
                weights[st.stance] += st.score * TRUST.get(basis[st.doc], 0.5)
        return Explained(Verdict(claim=claim, verdict=verdict_rule(weights["supports"], weights["refutes"]),
                                 documents=stances), parsed, basis, {k: round(v, 4) for k, v in weights.items()})

    # -- steps ---------------------------------------------------------------------------------------------
    @staticmethod
    def _query(claim: ParsedClaim, facts: Facts) -> list[str]:
        """The claim's words plus the stored names of its parties (a claim's "Russia" finds "Moscow")."""
        words = tokenize(claim.text)
        for side in claim.sides:
            for form in sorted(side_forms(side, facts)):
                words += tokenize(form)
        return list(dict.fromkeys(words))

    def _texts(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        return dict(self.store.con.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})",
                                           sorted(ids)).fetchall())

    @staticmethod
    def _structural(claim: ParsedClaim, candidates: set[str], facts: Facts) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        terms = claim_terms(claim, facts)
        for doc in candidates:
            found = event_findings(claim, facts.events.get(doc, []), facts.actors)
            found += claim_findings(claim, facts.claims.get(doc, []), facts, terms)
            out[doc] = found
        return out

    @staticmethod
    def _read(claim: ParsedClaim, sentences: list[Sentence], structural: list[Finding]
              ) -> tuple[str, float, list[Finding]] | None:
        """A document's stance from its own sentences (relevance, then direction); stored events and claims
        speak only for an act claim and only where their sentence holds some of the claim's words, so a report
        of sanctions says nothing about whether the sanctions are justified. None: the document is unrelated."""
        rel = relevant(sentences)
        if rel:
            label, used = lean(claim.reading, rel, sentences)
            ev = [Finding(label, round(s.coverage, 4), s.start, s.end, "text") for s in used[:3]]
            return label, round(max(s.coverage for s in used), 4), ev
        spans = [(s.start, s.end) for s in sentences if s.subject and s.coverage >= NEAR]
        kept = [f for f in structural if f.score >= EXACT or any(a < f.end and f.start < b for a, b in spans)]
        return decide(kept) if kept else None

    @staticmethod
    def _spans(claim: ParsedClaim, text: str, structural: list[Finding]) -> tuple[str, float, list[Finding]] | None:
        """A document outside the retrieved ones, judged by its stored events and claims alone, each kept only
        where its own sentence holds some of the claim's words (cheap: no reading of the whole text)."""
        kept = [f for f in structural
                if f.score >= EXACT or coverage(claim.reading, set(folded(text[f.start:f.end])))[0] >= NEAR]
        return decide(kept) if kept else None

    def _inherit(self, doc: str, original: str, decided: tuple[str, float, list[Finding]]
                 ) -> tuple[str, float, list[Finding]]:
        """A copy's stance is its original's; evidence sentences are found again in the copy's own text."""
        label, score, ev = decided
        if label == "unrelated":
            return decided
        texts = self._texts({doc, original})
        mine, theirs = texts.get(doc, ""), texts.get(original, "")
        moved = []
        for f in ev:
            at = mine.find(theirs[f.start:f.end])
            if at >= 0:
                moved.append(Finding(f.stance, f.score, at, at + f.end - f.start, f.basis))
        return label, score, moved


def _trim(f: Finding, text: str) -> Finding:
    """Evidence without the surrounding whitespace a parser's sentence span may carry."""
    s, e = f.start, min(f.end, len(text))
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Finding(f.stance, f.score, s, e, f.basis) if text else f


def verdict_rule(supports: float, refutes: float, min_weight: float = MIN_WEIGHT) -> str:
    """conflicting / supported / refuted / not_enough_evidence from the summed weights (see module doc)."""
    s, r = supports >= min_weight, refutes >= min_weight
    if s and r:
        return "conflicting"
    if s:
        return "supported"
    if r:
        return "refuted"
    return "not_enough_evidence"


def verify(store: Store, claim: str, *, top_k: int = 50) -> Verdict:
    """The verdict on ``claim`` with one stance per stored document (see ``Verifier`` for repeated calls)."""
    return Verifier(store).verify(claim, top_k=top_k)


def verdict_json(verdict: Verdict, store: Store, reading: Reading | None = None) -> dict[str, Any]:
    """The contract's shape (shared/CONTRACT.md), evidence text included; ``outlet`` and ``title`` added, and
    with ``reading`` an extra top-level ``reading``: how the claim was understood (contract fields unchanged)."""
    meta = {d: (o, t) for d, o, t in store.con.execute("SELECT id, outlet, title FROM documents").fetchall()}
    texts: dict[str, str] = {}
    need = sorted({e.doc for s in verdict.documents for e in s.evidence})
    for i in range(0, len(need), 1000):
        part = need[i:i + 1000]
        sql = f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' * len(part))})"
        texts.update((d, t or "") for d, t in store.con.execute(sql, part).fetchall())
    docs = []
    for st in verdict.documents:
        outlet, title = meta.get(st.doc, (None, None))
        docs.append({"doc": st.doc, "stance": st.stance, "score": st.score, "outlet": outlet, "title": title,
                     "evidence": [{"span": e.span, "text": texts.get(e.doc, "")[e.start:e.end]} for e in st.evidence]})
    out: dict[str, Any] = {"claim": verdict.claim, "verdict": verdict.verdict, "documents": docs}
    if reading is not None:
        out["reading"] = reading.as_dict()
    return out
