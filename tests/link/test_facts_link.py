"""Cross-outlet number and date conflicts from invented articles."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.facts import extract_facts
from parallax.link.facts import drop_covered, fact_conflicts, fact_signature
from parallax.model import Contradiction, ContradictionSide, Document, Evidence


@pytest.fixture(scope="module")
def conflicts(nlp):
    def run(texts: dict[str, str], published: dict[str, str] | None = None):
        docs, facts = {}, []
        for i, (name, text) in enumerate(texts.items()):
            doc = Document(id=name, key=name, text=text, outlet=f"Outlet {name}",
                           published=(published or {}).get(name, f"2025-05-0{i + 1}"))
            sdoc = nlp(text)
            docs[name] = doc
            facts += extract_facts(sdoc, doc, extract_actors(sdoc, doc))
        return fact_conflicts(facts, docs, {})
    return run


def _sides(c):
    return {s.value: sorted({e.doc for e in s.evidence}) for s in c.sides}


def test_money_conflict_named_and_bare_subject(conflicts):
    out = conflicts({"a": "The Orlen Dam will cost $2.1 billion, the ministry said.",
                     "b": "Work continues on the Orlen Dam. Critics say the $2.6 billion dam is a waste.",
                     "c": "The Orlen Dam, costing about $2 billion, is half built."})
    money = [c for c in out if c.kind == "number"]
    assert len(money) == 1
    assert _sides(money[0]) == {"$2.1 billion": ["a", "c"], "$2.6 billion": ["b"]}
    assert "Orlen Dam" in money[0].about and not money[0].temporal
    for s in money[0].sides:
        for e in s.evidence:
            assert e.end > e.start


def test_count_and_casualty_conflicts(conflicts):
    out = conflicts({"a": "The Kessel plant has 12 turbines. At least 14 Dravian soldiers were killed in the raid.",
                     "b": "The Kessel plant opened in May. Its 16 turbines run at night. "
                          "Nine Dravian soldiers died in the raid."})
    about = {c.about: _sides(c) for c in out}
    assert any("turbine" in a for a in about), about
    assert any("killed" in a for a in about), about
    turb = next(v for a, v in about.items() if "turbine" in a)
    assert set(turb) == {"12", "16"}


def test_date_conflicts(conflicts):
    out = conflicts({"a": "Construction of the Orlen Dam began in 2019. The treaty, signed in 1938, set the border.",
                     "b": "Work on the Orlen Dam started in 2018. The 1936 treaty set the border."})
    dates = {c.about: _sides(c) for c in out if c.kind == "date"}
    assert len(dates) == 2, dates
    assert {"2019", "2018"} in [set(v) for v in dates.values()]


def test_traps_give_nothing(conflicts):
    out = conflicts({
        "a": "The Orlen Dam will cost $5m (€4.6m). At least 14 soldiers were killed. The Kessel plant has 12 turbines. "
             "Construction of the Orlen Dam began in March 2019.",
        "b": "The Orlen Dam will cost $5 million. Sixteen soldiers were killed. The Kessel plant has twelve turbines. "
             "Construction of the Orlen Dam began in 2019. The Varta bridge will cost $9 million.",
    })
    assert out == []


def test_different_subjects_and_years_do_not_conflict(conflicts):
    out = conflicts({"a": "The Orlen Dam will cost $2 billion. In 2019, Nine Dravian soldiers were killed in a raid.",
                     "b": "The Varta bridge will cost $7 billion. In 2024, 30 Dravian soldiers were killed in a raid."})
    assert out == []


def test_revision_a_year_later_is_temporal(conflicts):
    out = conflicts({"a": "The Orlen Dam will cost $2 billion.", "b": "The Orlen Dam will cost $3 billion."},
                    published={"a": "2022-01-10", "b": "2024-03-01"})
    assert len(out) == 1 and out[0].temporal


def test_one_document_giving_both_figures_is_not_a_conflict(conflicts):
    out = conflicts({"a": "The Orlen Dam will cost $2 billion. Critics say the Orlen Dam will cost $3 billion.",
                     "b": "The Orlen Dam will cost $3 billion."})
    assert out == []


def test_signature_drops_conflicts_already_stated():
    ev = lambda d: [Evidence(d, 0, 10)]  # noqa: E731
    mine = Contradiction("f1", "number", "cost", [ContradictionSide("$2.1 billion", ev("a")),
                                                   ContradictionSide("$2.6 billion", ev("b"))])
    other = Contradiction("x1", "number", "amount", [ContradictionSide("$2.1bn", ev("a")),
                                                     ContradictionSide("$2.6bn", ev("b"))])
    assert fact_signature(mine) == fact_signature(other)
    assert drop_covered([mine], [other]) == []
    assert drop_covered([mine], []) == [mine]
