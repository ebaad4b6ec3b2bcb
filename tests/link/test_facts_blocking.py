"""Fact conflicts found without comparing every pair equal those found comparing every pair.

``link.facts`` folds facts into profiles, compares close subject keys only, and compares documents by their
distinct value sets; this checks the result against the plain all-pairs definition on random invented facts,
many of them repeated (as when many outlets print one figure)."""

import random
from dataclasses import replace
from itertools import combinations

import pytest

from parallax.extract.facts.types import Fact
from parallax.link import facts as F
from parallax.link.independence import root_doc
from parallax.link.sides import conflicting_values
from parallax.model import Document

KEYS = ["orlen dam", "orlen dams", "the orlen dam", "kessel plant", "kessel power plant", "border treaty",
        "treaty", "", "|", "raid", "airport"]
NAMES = ["orlen", "kessel", "dravia", "meridia", "tarsia"]


def _pairwise(facts, docs, actor_map):
    """The definition: union-find over every pair within a unit, every pair of documents per group."""
    by_unit = {}
    for f in facts:
        by_unit.setdefault(F._unit(f), []).append(f)
    groups_out = []
    for fs in by_unit.values():
        parent = list(range(len(fs)))

        def find(i):
            while parent[i] != i:
                i = parent[i]
            return i

        for i, j in combinations(range(len(fs)), 2):
            if find(i) != find(j) and F.same_subject(fs[i], fs[j], actor_map):
                parent[find(i)] = find(j)
        groups = {}
        for i, f in enumerate(fs):
            groups.setdefault(find(i), []).append(f)
        groups_out += [g for g in groups.values() if len({f.doc for f in g}) > 1]
    out = []
    for group in groups_out:
        order = sorted(group, key=lambda f: (f.bound != "exact", len(str(f.value)) if f.kind == "date" else 0,
                                             str(f.value) if f.kind == "date" else float(f.value)))
        values = []
        for f in order:
            for g in values:
                if all(F.compatible(f, x) for x in g):
                    g.append(f)
                    break
            else:
                values.append([f])
        if len(values) < 2:
            continue
        by_doc = {}
        for i, g in enumerate(values):
            for f in g:
                by_doc.setdefault(root_doc(f.doc, docs), set()).add(i)
        involved = set()
        for (_, a), (_, b) in combinations(by_doc.items(), 2):
            if not any(F.compatible(x, y) for i in a for j in b for x in values[i] for y in values[j]):
                involved |= a | b
        if involved:
            out.append(sorted((F._side_value(values[i]), sorted({f.doc for f in values[i]})) for i in involved))
    return sorted(out)


def _random_facts(rng: random.Random, n_docs: int):
    docs = {f"d{i}": Document(id=f"d{i}", key=f"d{i}", text="x" * 200, outlet=f"o{i % 7}",
                              published=f"2025-0{1 + i % 3}-1{i % 9}",
                              duplicate_of=f"d{i - 1}" if i and rng.random() < 0.05 else None)
            for i in range(n_docs)}
    facts = []
    for d in docs:
        for k in range(rng.randint(0, 4)):
            kind = rng.choice(["money", "count", "casualties", "date"])
            value = (rng.choice(["2019", "2018", "2019-03", "1938"]) if kind == "date"
                     else float(rng.choice([12, 14, 16, 300, 320, 2.1e9, 2.6e9, 2e9, 1500, 1600])))
            facts.append(Fact(
                doc=d, start=k * 10, end=k * 10 + 9, text="", kind=kind, value=value,
                subject=rng.choice(KEYS) or "it", subject_key=rng.choice(KEYS),
                currency="USD" if kind == "money" else None,
                unit=rng.choice(["turbine", "soldier"]) if kind in ("count", "casualties") else None,
                outcome="killed" if kind == "casualties" else None,
                actors=rng.sample(["a1", "a2", "a3"], rng.randint(0, 2)),
                bound=rng.choice(["exact", "exact", "min", "about", "max"]) if kind != "date" else "exact",
                qualifiers=rng.sample(["border", "trade", "dravian"], rng.randint(0, 1)),
                names=rng.sample(NAMES + ["border", "dravian"], rng.randint(0, 3)),
                when=rng.choice([None, None, "2019", "2020"]), shown=str(value)))
    return facts, docs


@pytest.mark.parametrize("seed", range(12))
def test_blocked_conflicts_equal_all_pairs(seed):
    rng = random.Random(seed)
    facts, docs = _random_facts(rng, 40)
    facts += [replace(f, doc=f"d{rng.randrange(40)}") for f in rng.sample(facts, len(facts) // 2)]
    actor_map = {"a1": "g1", "a2": "g1", "a3": "g3"}
    got = sorted(sorted((s.value, sorted({e.doc for e in s.evidence})) for s in c.sides)
                 for c in F.fact_conflicts(facts, docs, actor_map))
    assert got == _pairwise(facts, docs, actor_map)
    assert got  # the random stories do conflict: the comparison is not vacuous


def test_conflicting_values_equals_every_document_pair(monkeypatch):
    from parallax.link import sides

    monkeypatch.setattr(sides, "_ROWS", 4)  # several matrix chunks
    rng = random.Random(7)
    for _ in range(60):
        n = 6
        table = {(i, j): rng.random() < 0.4 for i in range(n) for j in range(i, n)}
        agree = (lambda i, j: i == j) if rng.random() < 0.3 else (lambda i, j: table[min(i, j), max(i, j)])
        by_doc = {f"d{i}": set(rng.sample(range(n), rng.randint(1, 2))) for i in range(rng.randint(1, 30))}
        want = set()
        for (_, a), (_, b) in combinations(by_doc.items(), 2):
            if not any(agree(i, j) for i in a for j in b):
                want |= a | b
        assert conflicting_values(by_doc, n, agree) == want
