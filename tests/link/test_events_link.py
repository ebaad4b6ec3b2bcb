"""Event clusters across documents.

The measured set below is an invented multi-outlet story as coded events, each labelled with the real event
it reports: Norway supplies patrol boats to Estonia, ministers meet (twice in February, once in September),
Russia and Estonia trade accusations, two border incidents, Finnish-Estonian exercises in two different years,
a shipyard contract. Actor ids are global, as after cross-document linking.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from parallax.link.events import cluster_events, dates_compatible, equipment_words, parse_quantity, side_key
from parallax.model import Actor, Document, Event, Money

ACTORS = {a.id: a for a in [
    Actor("country:NOR", "Norway", "country", country="NOR"),
    Actor("country:EST", "Estonia", "country", country="EST"),
    Actor("country:FIN", "Finland", "country", country="FIN"),
    Actor("country:RUS", "Russia", "country", country="RUS"),
    Actor("person:ola-berg", "Ola Berg", "person", country="NOR", agent="MIL", roles=["Defence Minister"]),
    Actor("person:kadri-tamm", "Kadri Tamm", "person", country="EST", agent="DIP", roles=["Foreign Minister"]),
    Actor("org:estonian-navy", "Estonian Navy", "organization", country="EST", agent="MIL"),
    Actor("anon:d9:a1", "Estonian officials", "group", country="EST", agent="GOV", anonymous=True),
    Actor("org:nordvik-yards", "Nordvik Yards", "organization", country="NOR"),
    Actor("person:lena-voss", "Lena Voss", "person", country="DEU", agent="EDU", roles=["analyst"]),
]}

_PUB = {"d1": "2026-02-11", "d2": "2026-02-12", "d3": "2026-02-12", "d4": "2026-02-20", "d5": "2026-03-01",
        "d6": "2025-09-20", "d7": "2024-06-03", "d8": "2026-02-10", "d9": "2025-09-19", "d10": "2026-01-16",
        "d11": "2026-01-17", "d12": "2026-05-20", "d13": "2024-05-15"}
_OUTLET = {"d1": "Baltic Times", "d2": "Nordic Post", "d3": "Harbour Review", "d4": "Tallinn Daily",
           "d5": "Nordic Post", "d6": "Baltic Times", "d7": "Oslo Ledger", "d8": "Harbour Review",
           "d9": "Tallinn Daily", "d10": "Eastern Wire", "d11": None, "d12": "Helsinki Courier",
           "d13": "Helsinki Courier"}
DOCS = {d: Document(id=d, key=d, text="", outlet=_OUTLET[d], published=p) for d, p in _PUB.items()}

ROWS: list[tuple] = [
    # gold, doc, source, target, type, mode, date, equipment, quantities, money, symmetric, text
    ("boats", "d1", "country:NOR", "country:EST", "AID", "asserted", "2026-03", ["coastal patrol boats"],
     ["4 coastal patrol boats"], [Money(9e8, "NOK", "NOK 900 million")], False,
     "Norway will send four coastal patrol boats to Estonia in March under a NOK 900 million package."),
    ("boats", "d2", "person:ola-berg", "org:estonian-navy", "AID", "asserted", None, ["patrol boats"],
     ["4 patrol boats"], [], False,
     "Defence Minister Ola Berg said four patrol boats would go to the Estonian Navy."),
    ("boats", "d3", "country:NOR", "country:EST", "AID", "reported", None, ["patrol boats"], [], [], False,
     "Reports say Oslo is preparing to transfer patrol boats to Tallinn."),
    ("boats", "d4", "country:NOR", "country:EST", "AID", "negated", None, ["boats"], [], [], False,
     "A Norwegian official said Norway would not hand any boats to Estonia this year."),
    ("boats", "d5", "country:NOR", "country:EST", "AID", "asserted", "2026-03-15", ["patrol boats"],
     ["5 patrol boats"], [Money(1.2e9, "NOK", "NOK 1.2 billion")], False,
     "Five patrol boats worth NOK 1.2 billion will reach Estonia on March 15, the ministry said."),
    ("boats", "d5", "country:NOR", "country:EST", "AID", "future", None, [], [], [], False,
     "Norway will also train Estonian crews to operate the vessels."),
    ("boats", "d8", "person:ola-berg", "country:EST", "AID", "asserted", "2027", ["patrol boats"], [],
     [Money(9.1e8, "NOK", "NOK 910 million")], False,
     "Berg said the NOK 910 million transfer of patrol boats would be complete in 2027."),
    ("rifles", "d6", "country:NOR", "country:EST", "AID", "asserted", "2025-09", ["assault rifles"],
     ["200 assault rifles"], [], False, "Norway delivered 200 assault rifles to Estonia this month."),
    ("rifles", "d9", "country:NOR", "anon:d9:a1", "AID", "asserted", None, ["rifles"], ["200 rifles"], [], False,
     "Estonian officials confirmed receiving 200 rifles from Norway."),
    ("talks-feb", "d1", "person:ola-berg", "person:kadri-tamm", "CONSULT", "asserted", "2026-02-10", [], [],
     [], True, "Berg met Foreign Minister Kadri Tamm in Tallinn on Tuesday."),
    ("talks-feb", "d2", "country:NOR", "country:EST", "CONSULT", "asserted", "2026-02-10", [], [], [], True,
     "Norway and Estonia held talks in Tallinn on Tuesday."),
    ("talks-feb", "d8", "country:EST", "country:NOR", "CONSULT", "asserted", None, [], [], [], True,
     "Estonia and Norway discussed the transfer during Berg's visit."),
    ("talks-feb-2", "d3", "person:kadri-tamm", "person:ola-berg", "CONSULT", "asserted", "2026-02-11", [], [],
     [], True, "Tamm and Berg met again on Wednesday to finalise the package."),
    ("talks-sep", "d6", "country:NOR", "country:EST", "CONSULT", "asserted", "2025-09-18", [], [], [], True,
     "Norway and Estonia held defence talks in Oslo on Thursday."),
    ("talks-sep", "d9", "person:kadri-tamm", "country:NOR", "CONSULT", "asserted", "2025-09", [], [], [], True,
     "Tamm met Norwegian officials in Oslo this month."),
    ("ru-accuses", "d3", "country:RUS", "country:EST", "ACCUSE", "asserted", None, [], [], [], False,
     "Russia accused Estonia of provoking tension in the Baltic."),
    ("ru-accuses", "d4", "country:RUS", "country:EST", "ACCUSE", "asserted", None, [], [], [], False,
     "Moscow accused Tallinn of militarising the coast."),
    ("ru-accuses", "d10", "country:RUS", "org:estonian-navy", "ACCUSE", "asserted", None, [], [], [], False,
     "Russia's foreign ministry accused the Estonian Navy of violating its waters."),
    ("est-accuses", "d10", "country:EST", "country:RUS", "ACCUSE", "asserted", None, [], [], [], False,
     "Estonia accused Russia of staging the incident."),
    ("est-accuses", "d5", "person:kadri-tamm", "country:RUS", "ACCUSE", "asserted", None, [], [], [], False,
     "Tamm accused Moscow of spreading lies about the boats."),
    ("incident", "d10", "country:RUS", "country:EST", "ASSAULT", "asserted", "2026-01-15", [], [], [], False,
     "Russian border guards opened fire on an Estonian patrol on Thursday, killing three officers."),
    ("incident", "d11", "country:RUS", "country:EST", "ASSAULT", "asserted", "2026-01-15", [], [], [], False,
     "Five Estonian officers were killed when Russian guards fired on a patrol on Thursday."),
    ("incident-jul", "d9", "country:RUS", "country:EST", "ASSAULT", "denied", None, [], [], [], False,
     "Moscow denied that its guards had fired on Estonian troops."),
    ("incident", "d11", "country:RUS", "country:EST", "ASSAULT", "asserted", "2026-01-16", [], [], [], False,
     "A second burst of fire hit the patrol early on Friday, officials said."),
    ("exercise-26", "d12", "country:FIN", "country:EST", "COOPERATE", "asserted", "2026-05", ["minesweepers"],
     [], [], True, "Finland and Estonia began a joint naval exercise this month with six minesweepers."),
    ("exercise-26", "d4", "country:FIN", "country:EST", "COOPERATE", "future", "2026-05", [], [], [], True,
     "Finland and Estonia will hold a joint exercise in May."),
    ("exercise-24", "d13", "country:FIN", "country:EST", "COOPERATE", "asserted", "2024-05", ["minesweepers"],
     [], [], True, "Finnish and Estonian minesweepers exercised together this month."),
    ("exercise-24", "d7", "country:EST", "country:FIN", "COOPERATE", "asserted", "2024", [], [], [], True,
     "Estonia and Finland exercised together in 2024."),
    ("yard-deal", "d7", "org:nordvik-yards", "org:estonian-navy", "AGREE", "asserted", "2024-06", [], [],
     [Money(4e7, "EUR", "€40 million")], False,
     "Nordvik Yards agreed a €40 million refit contract with the Estonian Navy."),
    ("yard-deal", "d3", "org:nordvik-yards", "org:estonian-navy", "AGREE", "asserted", None, [], [],
     [Money(4.2e7, "EUR", "€42 million")], False,
     "Nordvik Yards won a €42 million refit deal from the Estonian Navy."),
    ("gov-deal", "d1", "country:NOR", "country:EST", "AGREE", "asserted", "2026-02-10", [], [],
     [Money(9e8, "NOK", "NOK 900 million")], True,
     "Norway and Estonia signed the NOK 900 million agreement on Tuesday."),
    ("gov-deal", "d2", "country:EST", "country:NOR", "AGREE", "asserted", "2026-02-10", [], [], [], False,
     "Estonia agreed to Norway's terms on Tuesday."),
    ("talks-feb", "d4", "person:kadri-tamm", "country:NOR", "CONSULT", "asserted", None, [], [], [], True,
     "Tamm described last week's talks with Norway as useful."),
    ("cash-aid", "d12", "country:NOR", "country:EST", "AID", "asserted", None, [], [],
     [Money(5e6, "EUR", "€5 million")], False, "Norway gave Estonia €5 million to shelter refugees."),
    ("incident-jul", "d12", "country:RUS", "country:EST", "ASSAULT", "asserted", "2025-07-02", [], [], [], False,
     "Russian guards fired on an Estonian fishing boat on July 2 last year."),
    ("voss", "d12", "person:lena-voss", "country:RUS", "ACCUSE", "asserted", None, [], [], [], False,
     "Analyst Lena Voss accused Russia of testing NATO's resolve."),
]


def story_events() -> list[Event]:
    out = []
    for i, (_, doc, src, tgt, typ, mode, date, eq, q, money, sym, text) in enumerate(ROWS):
        prec = None if not date else {4: "year", 7: "month", 10: "day"}[len(date)]
        out.append(Event(id=f"{doc}:e{i}", doc=doc, source=src, target=tgt, type=typ, mode=mode, start=i * 10,
                         end=i * 10 + len(text), text=text, date=date, date_precision=prec, equipment=list(eq),
                         quantities=list(q), money=list(money), symmetric=sym))
    return out


GOLD = {f"{row[1]}:e{i}": row[0] for i, row in enumerate(ROWS)}


def pairwise(cluster_of: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against gold labels."""
    ids = sorted(gold)
    pred = {(a, b) for a, b in combinations(ids, 2) if cluster_of[a] == cluster_of[b]}
    true = {(a, b) for a, b in combinations(ids, 2) if gold[a] == gold[b]}
    return (len(pred & true) / len(pred) if pred else 1.0), (len(pred & true) / len(true) if true else 1.0)


@pytest.fixture(scope="module")
def clusters():
    return cluster_events(story_events(), DOCS, ACTORS)


def _of(clusters) -> dict[str, str]:
    return {e: c.id for c in clusters for e in c.events}


def _gold_cluster(clusters, label):
    ids = {c.id for c in clusters for e in c.events if GOLD[e] == label}
    assert len(ids) == 1, f"{label} split over {len(ids)} clusters"
    return next(c for c in clusters if c.id in ids)


def test_measured_pairwise_precision_and_recall(clusters):
    assert len(ROWS) >= 30 and len(DOCS) >= 10
    p, r = pairwise(_of(clusters), GOLD)
    # measured 0.79 / 1.00: the known misses are a second meeting one day later (within the day slack)
    # and an equipment-free cash grant joining the patrol-boat transfer (nothing tells them apart)
    assert p >= 0.75 and r >= 0.95
    assert sorted(e for c in clusters for e in c.events) == sorted(GOLD)  # every event exactly once


def test_a_minister_and_his_country_are_one_side_and_reports_count_per_document(clusters):
    boats = _gold_cluster(clusters, "boats")
    assert (boats.type, boats.source, boats.target) == ("AID", "country:NOR", "country:EST")
    assert boats.docs[0] == "d8" and set(boats.docs) >= {"d1", "d2", "d3", "d4", "d5", "d8"}
    # d5 has an asserted and a future event in this cluster: one report, counted under its majority/first mode
    assert boats.modes["negated"] == 1 and boats.modes["reported"] == 1 and sum(boats.modes.values()) == len(boats.docs)
    assert boats.mode == "asserted"
    assert boats.first_reported == "2026-02-10" and boats.date == "2026-03"
    assert boats.outlets == sorted({_OUTLET[d] for d in boats.docs if _OUTLET[d]})
    # Nordic Post carries two of the reports (d2, d5): one source
    assert boats.independent == len({_OUTLET[d] or d for d in boats.docs})


def test_different_equipment_splits_same_dyad_transfers(clusters):
    assert _gold_cluster(clusters, "rifles").id != _gold_cluster(clusters, "boats").id


def test_opposite_directions_are_different_events_but_symmetric_ones_are_unordered(clusters):
    assert _gold_cluster(clusters, "ru-accuses").id != _gold_cluster(clusters, "est-accuses").id
    ex = _gold_cluster(clusters, "exercise-24")  # "Estonia and Finland" and "Finland and Estonia"
    assert len(ex.docs) == 2 and ex.date == "2024"


def test_conflicting_dates_without_a_tying_detail_are_different_events(clusters):
    assert _gold_cluster(clusters, "talks-sep").id != _gold_cluster(clusters, "talks-feb").id
    assert _gold_cluster(clusters, "exercise-24").id != _gold_cluster(clusters, "exercise-26").id
    assert _gold_cluster(clusters, "incident").id != _gold_cluster(clusters, "incident-jul").id


def test_an_undated_report_cannot_tell_an_event_that_happened_after_it_was_published(clusters):
    # d9 (published 2025-09-19) denies a shooting: it can only be the July 2025 one, not January 2026's
    jul = _gold_cluster(clusters, "incident-jul")
    assert set(jul.docs) == {"d9", "d12"} and jul.modes == {"asserted": 1, "denied": 1}
    assert jul.first_reported == "2025-09-19" and jul.date == "2025-07-02"


def test_a_shared_amount_ties_reports_whose_dates_conflict(clusters):
    boats = _gold_cluster(clusters, "boats")
    assert "d8" in boats.docs  # dated 2027 against 2026-03, tied by NOK 910m ≈ NOK 900m


def test_far_apart_amounts_are_different_deals():
    ev = [Event(f"d{i}:e0", f"d{i}", "country:NOR", "country:EST", "AGREE", "asserted", 0, 5, "x", money=[m])
          for i, m in enumerate([Money(4e7, "EUR", "€40m"), Money(4.4e7, "EUR", "€44m"), Money(2e9, "EUR", "€2bn")])]
    out = cluster_events(ev, {}, ACTORS)
    assert sorted(len(c.events) for c in out) == [1, 2]


def test_ids_are_stable_and_input_order_does_not_matter():
    evs = story_events()
    a = cluster_events(evs, DOCS, ACTORS)
    b = cluster_events(list(reversed(evs)), DOCS, ACTORS)
    assert [c.id for c in a] == [c.id for c in b] and all(c.id.startswith("v") for c in a)


def test_helpers():
    assert dates_compatible("2025-03", "2025-03-10") and dates_compatible(None, "2014")
    assert not dates_compatible("2014", "2015-01-01") and dates_compatible("2025-03-31", "2025-04-01")
    assert not dates_compatible("2025-03-03", "2025-03-05")
    assert parse_quantity("4 attack helicopters") == (4.0, "helicopter")
    assert equipment_words(["Mi-35M helicopters"]) == {"mi-35", "helicopter"}
    assert side_key("person:ola-berg", ACTORS) == "country:NOR"
    assert side_key("person:lena-voss", ACTORS) == "person:lena-voss"
    assert side_key("org:nordvik-yards", ACTORS) == "org:nordvik-yards"  # a company is not the state
