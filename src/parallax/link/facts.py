"""Number and date conflicts between outlets outside coded events: "the dam will cost $2.1 billion" in one,
"the $2.6 billion dam" in another.

Facts (``extract.facts``) are grouped by what they measure: same kind; same currency (money), counted noun
(counts) or victims and outcome (casualties); and the same subject. Subjects match when their keys are equal,
or when the keys are close (rapidfuzz token-set ratio ≥ ``SIMILAR``) and the two sentences share an actor or
a proper noun. Two facts never match when both tie their figure to a year and the years differ (last year's
raid is another raid), when both qualify their subject and the qualifiers are disjoint ("border treaty" vs
"trade treaty"), or when the victims' sides differ ("Meridian soldiers" vs "Tarsian soldiers").

Within a group, two documents (different originals: copies of one article are one text) conflict when no
figure of one is compatible with a figure of the other. Compatible: money within ``SAME_AMOUNT`` (10%);
counts and tolls equal, or within 10% above ``SMALL`` (1,000); approximate figures as the intervals they allow
("at least 14" fits 16, "about 300" fits 320); dates equal at the coarser precision ("2019" fits "2019-03").
A document that gives both figures conflicts with nobody on them. Published ``TEMPORAL_DAYS`` apart or more,
a changed figure is a revision (``temporal``), not a contradiction; dates only when both sides are plans.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from parallax.extract.facts.types import Fact
from parallax.extract.facts.values import interval
from parallax.link.events import dates_compatible, parse_date
from parallax.link.independence import root_doc
from parallax.model import Contradiction, ContradictionSide, Document, Evidence

SIMILAR = 85.0
SAME_AMOUNT = 0.10
SMALL = 1000.0
TEMPORAL_DAYS = 365
PLAN_DAYS = 30


def _unit(f: Fact) -> tuple:
    return (f.kind, f.currency if f.kind == "money" else f.unit, f.outcome)


def _global(f: Fact, actor_map: Mapping[str, str]) -> set[str]:
    return {actor_map.get(a, a) for a in f.actors}


def same_subject(a: Fact, b: Fact, actor_map: Mapping[str, str]) -> bool:
    """Whether two facts of one unit measure the same thing (see module doc)."""
    if a.when and b.when and a.when != b.when:
        return False
    if a.qualifiers and b.qualifiers and not set(a.qualifiers) & set(b.qualifiers):
        return False
    if a.kind == "casualties":
        sa, sb = set(a.qualifiers), set(b.qualifiers)
        if sa and sb:
            return sa == sb
        if sa or sb:  # one side names the victims' side: the other sentence must name it too
            named = sa or sb
            other = b if sa else a
            return named <= set(other.names)
        return True
    if a.subject_key == b.subject_key:
        return bool(a.subject_key.strip("|"))
    if fuzz.token_set_ratio(a.subject_key, b.subject_key) < SIMILAR:
        return False
    return bool(_global(a, actor_map) & _global(b, actor_map)) or bool(set(a.names) & set(b.names))


def compatible(a: Fact, b: Fact) -> bool:
    """Whether two figures of one subject can both be true."""
    if a.kind == "date":
        return dates_compatible(str(a.value), str(b.value), slack_days=0)
    va, vb = float(a.value), float(b.value)
    if a.bound == b.bound == "exact":
        hi, lo = max(va, vb), min(va, vb)
        if a.kind != "money" and hi < SMALL:
            return va == vb
        return hi == 0 or (hi - lo) / hi <= SAME_AMOUNT
    (a0, a1), (b0, b1) = interval(va, a.bound), interval(vb, b.bound)
    slack = SAME_AMOUNT if a.kind == "money" or max(va, vb) >= SMALL else 0.0
    return a0 <= b1 * (1 + slack) and b0 <= a1 * (1 + slack)


def _groups(facts: Sequence[Fact], actor_map: Mapping[str, str]) -> list[list[Fact]]:
    """Facts joined into subjects (union-find within each kind and unit)."""
    by_unit: dict[tuple, list[Fact]] = {}
    for f in facts:
        by_unit.setdefault(_unit(f), []).append(f)
    out: list[list[Fact]] = []
    for fs in by_unit.values():
        parent = list(range(len(fs)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, j in combinations(range(len(fs)), 2):
            if find(i) != find(j) and same_subject(fs[i], fs[j], actor_map):
                parent[find(i)] = find(j)
        groups: dict[int, list[Fact]] = {}
        for i, f in enumerate(fs):
            groups.setdefault(find(i), []).append(f)
        out += [g for g in groups.values() if len({f.doc for f in g}) > 1]
    return out


def _values(figs: list[Fact]) -> list[list[Fact]]:
    """Figures grouped into values: exact figures first, each joining the first group it is compatible with."""
    order = sorted(figs, key=lambda f: (f.bound != "exact", len(str(f.value)) if f.kind == "date" else 0,
                                        str(f.value) if f.kind == "date" else float(f.value)))
    groups: list[list[Fact]] = []
    for f in order:
        for g in groups:
            if all(compatible(f, x) for x in g):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


def _pub(doc: str, docs: Mapping[str, Document]):
    d = docs.get(doc)
    return parse_date(d.published[:10]) if d is not None and d.published else None


def _temporal(sides: list[list[Fact]], docs: Mapping[str, Document]) -> bool:
    spans = []
    for g in sides:
        days = [p for f in g if (p := _pub(f.doc, docs))]
        if len(days) < len(g):
            return False
        spans.append((min(days), max(days)))
    spans.sort()
    gaps = [(b[0] - a[1]).days for a, b in zip(spans, spans[1:])]
    if sides[0][0].kind == "date":
        return all(f.future for g in sides for f in g) and all(gap >= PLAN_DAYS for gap in gaps)
    return all(gap >= TEMPORAL_DAYS for gap in gaps)


def _about(g: list[Fact]) -> str:
    f = max(g, key=lambda x: len(x.subject))
    if f.kind == "money":
        return f"cost of the {f.subject}"
    if f.kind == "count":
        return f"number of {f.unit}s of the {f.subject}"
    if f.kind == "casualties":
        return f"{f.subject} {f.outcome}"
    return f"date of the {f.subject}" if not f.subject.startswith(("date", "start", "delivery")) else f.subject


def _side_value(g: list[Fact]) -> str:
    shown = [f.shown for f in g if f.bound == "exact"] or [f.shown for f in g]
    return max(dict.fromkeys(shown), key=shown.count)


def _conflict(group: list[Fact], docs: Mapping[str, Document]) -> Contradiction | None:
    values = _values(group)
    if len(values) < 2:
        return None
    by_doc: dict[str, set[int]] = {}
    for i, g in enumerate(values):
        for f in g:
            by_doc.setdefault(root_doc(f.doc, docs), set()).add(i)
    involved: set[int] = set()
    for (_, a), (_, b) in combinations(by_doc.items(), 2):
        if not any(compatible(x, y) for i in a for j in b for x in values[i] for y in values[j]):
            involved |= a | b
    if not involved:
        return None
    sides = [values[i] for i in sorted(involved)]
    kind = "date" if group[0].kind == "date" else "number"
    shown = [_side_value(g) for g in sides]
    about = _about(group)
    cid = "f" + hashlib.sha1("\x1f".join([kind, about, *sorted(shown)]).encode()).hexdigest()[:12]
    return Contradiction(
        id=cid, kind=kind, about=about,  # type: ignore[arg-type]
        sides=[ContradictionSide(v, list(dict.fromkeys(Evidence(f.doc, f.start, f.end) for f in g)))
               for v, g in zip(shown, sides)],
        temporal=_temporal(sides, docs))


def fact_conflicts(facts: Sequence[Fact], docs: Mapping[str, Document],
                   actor_map: Mapping[str, str]) -> list[Contradiction]:
    """Number and date contradictions between documents' facts (see module doc).

    ``actor_map`` maps local actor ids (as the facts carry them) to merged story ids.
    """
    out = [c for g in _groups(facts, actor_map) if (c := _conflict(g, docs)) is not None]
    return sorted(out, key=lambda c: c.id)


_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|m|k)?\b", re.I)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12}


def _norm_value(kind: str, value: str) -> str:
    if kind == "date":
        return value[:4] if re.fullmatch(r"\d{4}(-\d\d){0,2}", value) else value
    m = _NUMBER.search(value)
    if not m:
        return value.casefold()
    return f"{float(m.group(1).replace(',', '')) * _SCALE.get((m.group(2) or '').lower(), 1.0):g}"


def fact_signature(c: Contradiction) -> tuple:
    """(kind, {(doc, value)}) of a contradiction, comparable with event-cluster conflicts (``link.numbers``)."""
    return (c.kind, frozenset((e.doc, _norm_value(c.kind, s.value)) for s in c.sides for e in s.evidence))


def drop_covered(facts_found: Sequence[Contradiction], others: Sequence[Contradiction]) -> list[Contradiction]:
    """Fact conflicts that no other conflict already states: same kind, and sharing two (doc, value) pairs
    from two different documents."""
    sigs = [fact_signature(c) for c in others]
    out = []
    for c in facts_found:
        kind, pairs = fact_signature(c)
        covered = any(k == kind and len({d for d, _ in pairs & p}) >= 2 for k, p in sigs)
        if not covered:
            out.append(c)
    return out
