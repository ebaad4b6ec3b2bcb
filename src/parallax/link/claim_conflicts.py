"""Claim contradictions: one proposition supported by one voice and refuted by another, evidence on each side.

A voice is a holder (the quoted speaker) or, for the outlet's own voice, the outlet. Only statements that take a
side count: a hedged or reported mention (``discusses``) against an assertion is not a contradiction, because
the hedging outlet has not said the opposite. The same voice on both sides is a contradiction only as a change
of position over time.

Two sides whose statement dates (an asserted past event's own date, else the publication date; see
``_mention_date``) are more than ``TEMPORAL_DAYS`` apart — 2012 against 2021 — are marked ``temporal``: a
change of position rather than a
conflict. Dates of lower precision are read as intervals ("2020" = the whole year) so the test is cautious.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Mapping, Sequence
from datetime import date

from parallax.link.claim_names import Wording, name_claim
from parallax.link.claims import REFUTES, SUPPORTS
from parallax.link.propositions import negated_text
from parallax.model import Claim, ClaimMention, Contradiction, ContradictionSide, Document, Event, Evidence

TEMPORAL_DAYS = 365


def date_interval(value: str | None) -> tuple[date, date] | None:
    """"2021" → (2021-01-01, 2021-12-31); "2021-04" → April; "2021-04-15" → that day; unreadable → None."""
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return date(y, 1, 1), date(y, 12, 31)
        mo = int(parts[1])
        if len(parts) == 2:
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        d = date(y, mo, int(parts[2][:2]))
        return d, d
    except (ValueError, IndexError):
        return None


def _mention_date(cm: ClaimMention, claim: Claim, docs: Mapping[str, Document],
                  events: Mapping[str, Event]) -> str | None:
    """The time the statement speaks of: an asserted past event's own date ("in 2012 Norway sold arms"), else
    the publication date. A negated, future or hedged event's date is not used: in "the 2016 deal bars Russia
    from selling arms" the year belongs to the deal, and the refusal is a statement of the day."""
    for eid in claim.events:
        e = events.get(eid)
        if (e is not None and e.doc == cm.doc and e.date and e.mode == "asserted"
                and e.start <= cm.start and cm.end <= e.end):
            return e.date
    d = docs.get(cm.doc)
    return d.published if d is not None else None


def apart(a: Sequence[str | None], b: Sequence[str | None], days: int = TEMPORAL_DAYS) -> bool:
    """True when every dated statement on one side lies more than ``days`` from every one on the other."""
    ia = [x for x in map(date_interval, a) if x]
    ib = [x for x in map(date_interval, b) if x]
    if not ia or not ib:
        return False
    a0, a1 = min(x[0] for x in ia), max(x[1] for x in ia)
    b0, b1 = min(x[0] for x in ib), max(x[1] for x in ib)
    return (b0 - a1).days > days or (a0 - b1).days > days


def _voice(cm: ClaimMention, docs: Mapping[str, Document]) -> str:
    if cm.holder:
        return f"holder:{cm.holder}"
    d = docs.get(cm.doc)
    return f"outlet:{(d.outlet if d is not None and d.outlet else cm.doc)}"


def _cid(claim_id: str) -> str:
    return "x" + hashlib.sha1(f"claim\x1f{claim_id}".encode()).hexdigest()[:12]


def claim_contradictions(claims: Sequence[Claim], docs: Mapping[str, Document],
                         events: Mapping[str, Event] | None = None) -> list[Contradiction]:
    """Kind "claim" contradictions (see module doc); ``events`` by id supply statement dates."""
    events = events or {}
    out: list[Contradiction] = []
    for c in claims:
        pro = [m for m in c.mentions if m.stance == SUPPORTS and takes_a_side(m, docs)]
        con = [m for m in c.mentions if m.stance == REFUTES and takes_a_side(m, docs)]
        if not pro or not con or not (is_dispute_claim(c) or same_proposition(pro, con, docs, bool(c.events))):
            continue
        temporal = apart([_mention_date(m, c, docs, events) for m in pro],
                         [_mention_date(m, c, docs, events) for m in con])
        voices_pro = {_voice(m, docs) for m in pro}
        voices_con = {_voice(m, docs) for m in con}
        if voices_pro == voices_con and len(voices_pro) == 1 and not temporal:
            continue  # one voice saying both at one time: a parse slip more likely than a story
        out.append(Contradiction(
            id=_cid(c.id), kind="claim", about=c.text, temporal=temporal,
            sides=[ContradictionSide(c.text, [Evidence(m.doc, m.start, m.end) for m in pro]),
                   ContradictionSide(_opposite(c, con, docs), [Evidence(m.doc, m.start, m.end) for m in con])],
        ))
    return out


_QUESTION = re.compile(r"\?[\"'”’)]*\s*$")
_CONDITION = re.compile(r"(?:^|[\s,;:—(\"“])(?:if|unless|whether|in case)\s", re.I)
_MAYBE = re.compile(r"\b(?:could|might|may)\b", re.I)
SHARED = 3  # content words a supporting and a refuting statement must share to state one proposition
OVERLAP = 0.3  # ... and this share of their words together (Jaccard)
SHARED_CODED = 2  # for statements of one coded event: its two parties, or a party and a word


def _text(m: ClaimMention, docs: Mapping[str, Document]) -> str:
    d = docs.get(m.doc)
    return d.text[m.start:m.end] if d is not None and d.text else ""


def takes_a_side(m: ClaimMention, docs: Mapping[str, Document]) -> bool:
    """Whether a statement asserts or denies at all: a question ("Is Paris a city?"), a condition ("if we do,
    we will use it") or a possibility ("could bring the process to an end") takes no side, so it can
    contradict nothing."""
    text = _text(m, docs).strip()
    return not (_QUESTION.search(text) or _CONDITION.search(text) or _MAYBE.search(text))


def is_dispute_claim(c: Claim) -> bool:
    """A claim built from denials (``link.disputes``): its sides are an allegation and its rejection, worded
    apart by construction ("Rebutting the claim, ...")."""
    return c.id.startswith("d")


def same_proposition(pro: Sequence[ClaimMention], con: Sequence[ClaimMention],
                     docs: Mapping[str, Document], coded: bool = False) -> bool:
    """Whether some supporting and some refuting statement say one thing: a claim clustered by its event
    (two parties, one act) or its text can gather statements about different things ("talks will fail"
    against "the president does not want to meet"); they must share words (``SHARED`` and ``OVERLAP``; statements of one
    coded event, whose act the structure already matched, ``SHARED_CODED``). Statements without text pass."""
    from parallax.link.disputes import terms

    words_pro = [set(terms(_text(m, docs))) for m in pro]
    words_con = [set(terms(_text(m, docs))) for m in con]
    if not any(words_pro) or not any(words_con):
        return True  # no text to judge by
    if coded:  # one coded act (two parties, one type): "sell weapons" and "provide military equipment" differ
        return any(len(a & b) >= SHARED_CODED for a in words_pro for b in words_con)  # in words, not in act
    return any(len(a & b) >= SHARED and len(a & b) / len(a | b) >= OVERLAP
               for a in words_pro for b in words_con if a and b)


def _opposite(claim: Claim, con: Sequence[ClaimMention], docs: Mapping[str, Document]) -> str:
    """How the refuting side words it: its cleanest clause (as the claim's name is cut), else the claim's
    proposition negated (a claim named by its refutation: the proposition itself)."""
    texts = {m.doc: docs[m.doc].text for m in con if m.doc in docs and docs[m.doc].text}
    name = name_claim([Wording(m.doc, m.start, m.end, m.stance) for m in con], texts, REFUTES, SUPPORTS)
    if name is not None:
        return name.text
    proposition = claim.proposition or claim.text
    return proposition if claim.polarity == "negative" and claim.proposition else negated_text(proposition)
