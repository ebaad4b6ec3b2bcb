"""Number and date conflicts between outlets outside coded events: "the dam will cost $2.1 billion" in one,
"the $2.6 billion dam" in another.

Facts (``extract.facts``) are grouped by what they measure: same kind; same currency (money), counted noun
(counts) or victims and outcome (casualties); and the same subject. Subjects match when their keys are equal (a date's
or an amount's bare common noun — "the election", "the program" — only when the two sentences also share an
actor, a proper noun other than the date's, or two other words), or when the keys are close (rapidfuzz token-set ratio ≥ ``SIMILAR``) and the two sentences share an actor or
a proper noun. Two facts never match when both tie their figure to a year and the years differ (last year's
raid is another raid), when both qualify their subject and the qualifiers are disjoint ("border treaty" vs
"trade treaty"), or when the victims' sides differ ("Meridian soldiers" vs "Tarsian soldiers").

Within a group, two documents (different originals: copies of one article are one text) conflict when no
figure of one is compatible with a figure of the other. Compatible: money within ``SAME_AMOUNT`` (10%);
counts and tolls equal, or within 10% above ``SMALL`` (1,000); approximate figures as the intervals they allow
("at least 14" fits 16, "about 300" fits 310 but not 320, "almost 30" not "more than 30"); dates equal at the coarser precision ("2019" fits "2019-03").
A document that gives both figures conflicts with nobody on them. Published ``TEMPORAL_DAYS`` apart or more,
a changed figure is a revision (``temporal``), not a contradiction; dates only when both sides are plans.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from parallax.extract.facts.types import Fact
from parallax.extract.facts.values import interval, strict
from parallax.link.events import dates_compatible, parse_date
from parallax.link.fuzzy import close_pairs
from parallax.link.independence import root_doc
from parallax.link.revisions import revision_timeline
from parallax.link.sides import conflicting_values
from parallax.link.unionfind import UnionFind
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
    if (a.when or "").startswith("period:") != (b.when or "").startswith("period:"):
        return False  # a total over a period ("1,250 in the last 15 months") is not the incident's figure
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
    if a.kind == "rate":  # a levy on steel and one on steel and aluminum: the same levy on steel
        return bool(set(a.subject_key.split()) & set(b.subject_key.split()))
    if a.subject_key == b.subject_key:
        if not a.subject_key.strip("|"):
            return False
        if _bare(a):
            # "the election", "the program": a bare common noun is many things; the sentences must share a
            # party, a name or some other word ("took office in January": which office, whose?)
            return bool(_global(a, actor_map) & _global(b, actor_map)) or bool(_names(a) & _names(b)) \
                or len(_context(a) & _context(b)) >= 2
        return True
    if fuzz.token_set_ratio(a.subject_key, b.subject_key) < SIMILAR:
        return False
    return bool(_global(a, actor_map) & _global(b, actor_map)) or bool(set(a.names) & set(b.names))


def _bare(f: Fact) -> bool:
    """A date or an amount of a bare common noun ("the election", "the program"), no name in its key."""
    return f.kind in ("date", "money") and " " not in f.subject_key.rsplit("|", 1)[-1]


def _names(f: Fact) -> set[str]:
    """The sentence's proper nouns but the date's own words ("January" names no party)."""
    return set(f.names) - set(f.shown.casefold().replace(".", " ").split())


def _context(f: Fact) -> frozenset[str]:
    """The words of a fact's sentence besides its subject and its figure."""
    return _words(f.text) - _words(f"{f.subject} {f.subject_key} {f.shown}")


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    from parallax.link.disputes import terms

    return frozenset(terms(text))


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
    if slack == 0.0:  # "more than 30" against "almost 30": they touch at 30, which one of them excludes
        (a_lo, a_hi), (b_lo, b_hi) = strict(a.bound), strict(b.bound)
        return (a0 < b1 or (a0 == b1 and not a_lo and not b_hi)) and \
            (b0 < a1 or (b0 == a1 and not b_lo and not a_hi))
    return a0 <= b1 * (1 + slack) and b0 <= a1 * (1 + slack)


def _groups(facts: Sequence[Fact], actor_map: Mapping[str, str]) -> list[list[Fact]]:
    """Facts joined into subjects within each kind and unit, members in input order; only subjects reported by
    more than one document."""
    by_unit: dict[tuple, list[Fact]] = {}
    for f in facts:
        by_unit.setdefault(_unit(f), []).append(f)
    out: list[list[Fact]] = []
    for fs in by_unit.values():
        uf = UnionFind()
        _join_subjects(fs, actor_map, uf)
        groups: dict[int, list[Fact]] = {}
        for i, f in enumerate(fs):
            groups.setdefault(uf.find(i), []).append(f)
        out += [g for g in groups.values() if len({f.doc for f in g}) > 1]
    return out


def _join_subjects(fs: Sequence[Fact], actor_map: Mapping[str, str], uf: UnionFind) -> None:
    """Join the facts of one unit that measure the same thing (``same_subject``), without comparing every pair.

    Facts are first folded into profiles of exactly the fields ``same_subject`` reads, so each distinct profile
    pair is compared once; facts with different subject keys are compared only when their keys are close
    (``link.fuzzy.close_pairs`` over the unit's distinct keys). The groups equal those of all pairs compared.
    """
    if not fs:
        return
    if fs[0].kind == "casualties":  # when, qualifiers and the names that some qualifier could require
        relevant = frozenset().union(*(f.qualifiers for f in fs))
        _join_profiles(fs, lambda f: (f.when, frozenset(f.qualifiers), frozenset(f.names) & relevant),
                       lambda a, b: same_subject(a, b, actor_map), uf)
        return
    by_key: dict[str, list[int]] = {}
    for i, f in enumerate(fs):
        by_key.setdefault(f.subject_key, []).append(i)
    for members in by_key.values():  # equal keys: when and qualifiers decide (and, for a bare date or amount
        # noun, the parties, names and words around it)
        _join_profiles([fs[i] for i in members], lambda f: (f.when, frozenset(f.qualifiers)) + (
            (frozenset(_global(f, actor_map)), frozenset(_names(f)), _context(f)) if _bare(f) else ()),
                       lambda a, b: same_subject(a, b, actor_map), uf, ids=members)
    keys = list(by_key)
    reps: dict[str, list[int]] = {}  # per key, computed once however many close keys it has
    for a, b in close_pairs(keys, fuzz.token_set_ratio, SIMILAR):
        for k in (keys[a], keys[b]):
            if k not in reps:
                reps[k] = _reps(fs, by_key[k], actor_map)
        for i in reps[keys[a]]:
            for j in reps[keys[b]]:
                if uf.find(i) != uf.find(j) and same_subject(fs[i], fs[j], actor_map):
                    uf.union(i, j)


def _reps(fs: Sequence[Fact], members: list[int], actor_map: Mapping[str, str]) -> list[int]:
    """One fact per distinct (when, qualifiers, actors, names) among facts of one key: the others are already
    joined to it, unless the key is empty and joins nothing (then every fact stands for itself)."""
    if not fs[members[0]].subject_key.strip("|"):
        return members
    seen: dict[tuple, int] = {}
    for i in members:
        f = fs[i]
        seen.setdefault((f.when, frozenset(f.qualifiers), frozenset(_global(f, actor_map)), frozenset(f.names)), i)
    return list(seen.values())


def _join_profiles(fs: Sequence[Fact], profile: Callable[[Fact], Hashable], same: Callable[[Fact, Fact], bool],
                   uf: UnionFind, ids: Sequence[int] | None = None) -> None:
    """Union-find over facts whose relation ``same`` depends only on ``profile``: distinct profiles are
    compared pair by pair (each with itself too), and facts join as their profiles do."""
    ids = list(range(len(fs))) if ids is None else list(ids)
    groups: dict[Hashable, list[int]] = {}
    for k, f in enumerate(fs):
        groups.setdefault(profile(f), []).append(k)
    reps = list(groups.values())
    whole = [len(a) == 1 or same(fs[a[0]], fs[a[0]]) for a in reps]  # a profile's facts are one subject
    for a, one in zip(reps, whole):
        if one:
            for k in a[1:]:
                uf.union(ids[a[0]], ids[k])
    for x, a in enumerate(reps):
        for y in range(x + 1, len(reps)):
            b = reps[y]
            if whole[x] and whole[y] and uf.find(ids[a[0]]) == uf.find(ids[b[0]]):
                continue
            if same(fs[a[0]], fs[b[0]]):  # then every fact of a is the same subject as every fact of b
                for k in a:
                    uf.union(ids[k], ids[b[0]])
                for k in b[1:]:
                    uf.union(ids[a[0]], ids[k])


def _sig(f: Fact) -> tuple:
    """What ``compatible`` reads of a figure."""
    return (f.kind, f.value, f.bound)


class _Compatible:
    """``compatible`` per pair of distinct figures, remembered: thousands of outlets repeat a few figures."""

    def __init__(self, facts: Sequence[Fact]):
        self.rep = {_sig(f): f for f in reversed(facts)}
        self.known: dict[tuple[tuple, tuple], bool] = {}

    def __call__(self, a: tuple, b: tuple) -> bool:
        found = self.known.get((a, b))
        if found is None:
            found = self.known[(a, b)] = compatible(self.rep[a], self.rep[b])
        return found


def _values(figs: list[Fact], ok: _Compatible) -> list[list[Fact]]:
    """Figures grouped into values: exact figures first, each joining the first group it is compatible with.
    A figure already placed, and compatible with itself, joins where it was placed (the groups before it only
    grew stricter, and all that joined its group since is compatible with it): one search per distinct figure."""
    order = sorted(figs, key=lambda f: (f.bound != "exact", len(str(f.value)) if f.kind == "date" else 0,
                                        str(f.value) if f.kind == "date" else float(f.value)))
    groups: list[list[Fact]] = []
    sigs: list[dict[tuple, None]] = []  # each group's distinct figures
    placed: dict[tuple, int] = {}
    for f in order:
        s = _sig(f)
        if (at := placed.get(s)) is not None:
            groups[at].append(f)
            continue
        for n, seen in enumerate(sigs):
            if all(ok(s, t) for t in seen):
                groups[n].append(f)
                seen[s] = None
                break
        else:
            n = len(groups)
            groups.append([f])
            sigs.append({s: None})
        if ok(s, s):
            placed[s] = n
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
    if f.kind == "rate":
        return f"{f.unit} rate on {f.subject}"
    return f"date of the {f.subject}" if not f.subject.startswith(("date", "start", "delivery")) else f.subject


def _side_value(g: list[Fact]) -> str:
    shown = [f.shown for f in g if f.bound == "exact"] or [f.shown for f in g]
    return max(dict.fromkeys(shown), key=shown.count)


def _conflict(group: list[Fact], docs: Mapping[str, Document]) -> Contradiction | None:
    ok = _Compatible(group)
    values = _values(group, ok)
    if len(values) < 2:
        return None
    by_doc: dict[str, set[int]] = {}
    for i, g in enumerate(values):
        for f in g:
            by_doc.setdefault(root_doc(f.doc, docs), set()).add(i)
    sigs = [list(dict.fromkeys(_sig(f) for f in g)) for g in values]
    involved = conflicting_values(by_doc, len(values),
                                  lambda i, j: any(ok(x, y) for x in sigs[i] for y in sigs[j]))
    if not involved:
        return None
    sides = [values[i] for i in sorted(involved)]
    kind = "date" if group[0].kind == "date" else "number"
    shown = [_side_value(g) for g in sides]
    about = _about(group)
    cid = "f" + hashlib.sha1("\x1f".join([kind, about, *sorted(shown)]).encode()).hexdigest()[:12]
    temporal = _temporal(sides, docs)
    timeline = None if temporal or kind == "date" else revision_timeline(
        [(v, _number(g), [f.doc for f in g]) for v, g in zip(shown, sides)], docs)
    return Contradiction(
        id=cid, kind=kind, about=about,  # type: ignore[arg-type]
        sides=[ContradictionSide(v, list(dict.fromkeys(Evidence(f.doc, f.start, f.end) for f in g)))
               for v, g in zip(shown, sides)],
        temporal=temporal, revision=timeline is not None, timeline=timeline or [])


def _number(g: list[Fact]) -> float:
    """A value group's figure: its exact figures' first, else its first."""
    exact = [f for f in g if f.bound == "exact"] or g
    return float(exact[0].value)


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
    by_pair: dict[tuple, list[int]] = {}  # (kind, doc, value) -> the other conflicts stating it
    for n, (kind, pairs) in enumerate(sigs):
        for pair in pairs:
            by_pair.setdefault((kind, *pair), []).append(n)
    out = []
    for c in facts_found:
        kind, pairs = fact_signature(c)
        near = sorted({n for pair in pairs for n in by_pair.get((kind, *pair), ())})
        covered = any(len({d for d, _ in pairs & sigs[n][1]}) >= 2 for n in near)
        if not covered:
            out.append(c)
    return out
