"""Revisions: a figure that moves one way over the days of a story, told apart from a disagreement."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.facts import extract_facts
from parallax.link.facts import fact_conflicts
from parallax.link.revisions import revision_timeline
from parallax.model import Document


def _docs(**published):
    return {d: Document(id=d, key=d, text="", published=p) for d, p in published.items()}


def test_values_rising_day_by_day_are_a_revision_with_their_timeline():
    docs = _docs(a="2025-03-11", b="2025-03-12", c="2025-03-12", d="2025-03-13")
    steps = revision_timeline([("339", 339, ["d"]), ("104", 104, ["a"]), ("190", 190, ["b", "c"])], docs)
    assert [(s.value, s.published, s.docs) for s in steps] == [
        ("104", "2025-03-11", ["a"]), ("190", "2025-03-12", ["b", "c"]), ("339", "2025-03-13", ["d"])]
    falling = revision_timeline([("450", 450, ["a", "b"]), ("425", 425, ["d"])], docs)
    assert [s.value for s in falling] == ["450", "425"]


def test_same_day_figures_and_a_figure_going_back_are_disagreements():
    docs = _docs(a="2025-03-11", b="2025-03-11", c="2025-03-12", d="2025-03-13")
    assert revision_timeline([("17", 17, ["a"]), ("37", 37, ["b"])], docs) is None  # one day: who is right?
    assert revision_timeline([("16", 16, ["a", "d"]), ("30", 30, ["c"])], docs) is None  # 16 again after 30
    assert revision_timeline([("16", 16, ["a"]), ("30", 30, ["x"])], docs) is None  # undated document


@pytest.fixture(scope="module")
def conflicts(nlp):
    def run(texts: dict[str, tuple[str, str]]):
        docs, facts = {}, []
        for name, (published, text) in texts.items():
            doc = Document(id=name, key=name, text=text, outlet=f"Outlet {name}", published=published)
            sdoc = nlp(text)
            docs[name] = doc
            facts += extract_facts(sdoc, doc, extract_actors(sdoc, doc))
        return fact_conflicts(facts, docs, {})
    return run


def test_a_rescue_tally_that_grows_over_three_days_is_one_revision(conflicts):
    out = conflicts({"a": ("2025-03-11", "Police said 104 passengers had been rescued from the ferry."),
                     "b": ("2025-03-12", "Divers rescued 190 passengers overnight, officials said."),
                     "c": ("2025-03-13", "The minister said 339 passengers were rescued in all.")})
    (x,) = [c for c in out if c.kind == "number"]
    assert x.revision and not x.temporal
    assert [(s.value, s.published) for s in x.timeline] == [
        ("104", "2025-03-11"), ("190", "2025-03-12"), ("339", "2025-03-13")]


def test_two_outlets_with_different_figures_on_one_day_disagree(conflicts):
    out = conflicts({"a": ("2025-03-11", "At least 40 injured people were taken to hospitals, officials said."),
                     "b": ("2025-03-11", "Doctors said 17 injured people were taken to a hospital.")})
    (x,) = [c for c in out if c.kind == "number"]
    assert not x.revision and x.timeline == []


def test_strict_bounds_and_near_figures_conflict(conflicts):
    out = conflicts({"a": ("2025-03-11", "The siege of the depot lasted almost 30 hours."),
                     "b": ("2025-03-12", "The siege, which lasted more than 30 hours, ended at dawn."),
                     "c": ("2025-03-11", "The ferry was carrying roughly 450 passengers when it sank."),
                     "d": ("2025-03-13", "Officials revised the tally of passengers on the ferry to 425 from 440.")})
    about = sorted(c.about for c in out)
    assert about == ["number of hours of the siege", "passengers aboard"], about


def test_a_total_over_past_months_is_not_the_incidents_toll(conflicts):
    out = conflicts({"a": ("2025-03-11", "Soldiers killed 33 rebels at the depot, the army said."),
                     "b": ("2025-03-12", "In the last 15 months, 1,250 rebels have been killed, the army said.")})
    assert out == []


def test_levy_rates_conflict_only_on_the_same_goods(conflicts):
    out = conflicts({"a": ("2025-03-09", "Officials said 25% tariffs on steel imports take effect on Wednesday."),
                     "b": ("2025-03-11", "Ruritania doubled the 25% tariff on steel imports to 50% on Tuesday."),
                     "c": ("2025-03-12", "Veldoria imposed a 50% tariff on whiskey and a 10% tariff on wine.")})
    (x,) = out
    assert {s.value for s in x.sides} == {"25%", "50%"} and "steel" in x.about
    assert {e.doc for s in x.sides for e in s.evidence} == {"a", "b"}


def test_a_bare_noun_date_needs_a_shared_party_name_or_words(conflicts):
    assert conflicts({"a": ("2025-03-09", "Voters in Peru went to the polls in the 2021 election."),
                      "b": ("2025-03-11", "Ruto was Kenya's running mate in the 2022 election.")}) == []
    (x,) = conflicts({"a": ("2025-03-09", "The treaty, signed in 1938, set the border."),
                      "b": ("2025-03-11", "The 1936 treaty set the border.")})
    assert x.kind == "date"
