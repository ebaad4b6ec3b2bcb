import json

from parallax.link.events import cluster_events
from parallax.link.numbers import casualties, detail_conflicts
from parallax.model import Actor, Document, Event, Money

ACTORS = {a.id: a for a in [
    Actor("country:KEN", "Kenya", "country", country="KEN"),
    Actor("country:ETH", "Ethiopia", "country", country="ETH"),
    Actor("group:raiders", "raiders", "group"),
]}


def _docs(pub: dict[str, str | None], texts: dict[str, str] | None = None) -> dict[str, Document]:
    return {d: Document(id=d, key=d, text=(texts or {}).get(d, ""), outlet=f"Outlet {d}", published=p)
            for d, p in pub.items()}


def _ev(doc, text, *, typ="AID", mode="asserted", date=None, money=(), quantities=(), equipment=(), start=0,
        src="country:KEN", tgt="country:ETH", n=0):
    return Event(id=f"{doc}:e{n}", doc=doc, source=src, target=tgt, type=typ, mode=mode, start=start,
                 end=start + len(text), text=text, date=date, money=list(money), quantities=list(quantities),
                 equipment=list(equipment))


def _run(events, docs):
    clusters = cluster_events(events, docs, ACTORS)
    return clusters, detail_conflicts(clusters, events, docs, actors=ACTORS)


def _sides(c):
    return {s.value: sorted({e.doc for e in s.evidence}) for s in c.sides}


def test_one_deal_two_prices_with_evidence_on_every_side():
    docs = _docs({"a": "2025-05-01", "b": "2025-05-02", "c": "2025-05-02"})
    evs = [_ev("a", "Kenya will sell grain worth $2 billion to Ethiopia.", money=[Money(2e9, "USD", "$2 billion")]),
           _ev("b", "The $2.5 billion grain sale to Ethiopia was approved.", money=[Money(2.5e9, "USD", "$2.5 billion")]),
           _ev("c", "Kenya's $2.05 billion grain sale to Ethiopia.", money=[Money(2.05e9, "USD", "$2.05 billion")])]
    _, out = _run(evs, docs)
    (x,) = out
    assert x.kind == "number" and "USD" in x.about and "Kenya" in x.about and not x.temporal
    assert _sides(x) == {"$2 billion": ["a", "c"], "$2.5 billion": ["b"]}
    assert x.id.startswith("x") and len(x.id) == 13


def test_amounts_in_two_currencies_are_never_compared_and_a_shared_figure_means_no_conflict():
    docs = _docs({"a": "2025-05-01", "b": "2025-05-02", "c": "2025-05-03"})
    both = [Money(4.1e9, "GBP", "£4.1 billion"), Money(5.5e9, "USD", "$5.5 billion")]
    evs = [_ev("a", "A £4.1 billion ($5.5 billion) order.", money=both),
           _ev("b", "The order is worth £4.1 billion.", money=[both[0]]),
           _ev("c", "It includes $5.5 billion in loans and $500 million for training.",
               money=[both[1], Money(5e8, "USD", "$500 million")])]
    assert _run(evs, docs)[1] == []


def test_counts_of_one_item_conflict_and_other_items_do_not_compare():
    docs = _docs({"a": "2025-05-01", "b": "2025-05-02"})
    evs = [_ev("a", "Kenya will send 12 armoured trucks to Ethiopia.", quantities=["12 armoured trucks"],
               equipment=["armoured trucks"]),
           _ev("b", "Kenya will send 16 trucks and 2 helicopters to Ethiopia.", quantities=["16 trucks", "2 helicopters"],
               equipment=["trucks", "helicopters"])]
    (x,) = _run(evs, docs)[1]
    assert x.kind == "number" and "truck" in x.about and _sides(x) == {"12": ["a"], "16": ["b"]}


def test_casualty_counts_from_the_sentence_and_the_next_one():
    assert casualties("The raid killed 12 people and wounded at least 30.") == [(12, "killed"), (30, "wounded")]
    assert casualties("Fifteen civilians were killed, officials said.") == [(15, "killed")]
    assert casualties("The death toll rose to 40 on Tuesday.") == [(40, "killed")]
    assert casualties("He was killed in 2014.") == []
    text_b = "Raiders attacked a Kenyan border post on Sunday. Fifteen people were killed, police said."
    docs = _docs({"a": "2025-06-02", "b": "2025-06-03"}, {"b": text_b})
    first = text_b.index(".") + 1
    evs = [_ev("a", "Raiders attacked a Kenyan border post on Sunday, killing 12 people.", typ="ASSAULT",
               src="group:raiders", tgt="country:KEN", date="2025-06-01"),
           _ev("b", text_b[:first], typ="ASSAULT", src="group:raiders", tgt="country:KEN", date="2025-06-01")]
    (x,) = _run(evs, docs)[1]
    assert "killed" in x.about and _sides(x) == {"12": ["a"], "15": ["b"]}
    (ev_b,) = x.sides[1].evidence
    assert text_b[ev_b.start:ev_b.end] == text_b  # the evidence reaches the sentence with the toll


def test_one_event_two_years_is_a_date_conflict_and_a_past_date_never_changes():
    docs = _docs({"a": "2016-01-10", "b": "2022-03-01"})
    evs = [_ev("a", "Kenya delivered four ZX-7 drones to Ethiopia in 2014.", date="2014", equipment=["ZX-7 drones"]),
           _ev("b", "Kenya delivered four ZX-7 drones to Ethiopia in 2015.", date="2015", equipment=["ZX-7 drones"])]
    clusters, out = _run(evs, docs)
    assert len(clusters) == 1  # the model designation ties the two reports despite the years
    (x,) = out
    assert x.kind == "date" and _sides(x) == {"2014": ["a"], "2015": ["b"]} and not x.temporal


def test_a_price_changed_years_later_is_temporal_but_not_within_a_news_cycle():
    price = [Money(3e8, "USD", "$300 million")]
    evs = [_ev("a", "Kenya sold six ZX-7 drones to Ethiopia for $300 million.", money=price, equipment=["ZX-7 drones"]),
           _ev("b", "Kenya's six ZX-7 drones cost Ethiopia $450 million.", money=[Money(4.5e8, "USD", "$450 million")],
               equipment=["ZX-7 drones"])]
    (x,) = _run(evs, _docs({"a": "2012-04-01", "b": "2021-09-01"}))[1]
    assert x.temporal
    (y,) = _run(evs, _docs({"a": "2021-08-20", "b": "2021-09-01"}))[1]
    assert not y.temporal
    (z,) = _run(evs, _docs({"a": None, "b": "2021-09-01"}))[1]
    assert not z.temporal  # unknown publication: no claim of change over time


def test_a_planned_date_that_slips_is_temporal():
    evs = [_ev("a", "Kenya will deliver the ZX-7 drones to Ethiopia in 2026.", mode="future", date="2026",
               equipment=["ZX-7 drones"], quantities=["4 ZX-7 drones"]),
           _ev("b", "Kenya will deliver four ZX-7 drones to Ethiopia in 2027.", mode="future", date="2027",
               equipment=["ZX-7 drones"], quantities=["4 ZX-7 drones"])]
    (x,) = _run(evs, _docs({"a": "2025-01-10", "b": "2025-06-01"}))[1]
    assert x.kind == "date" and x.temporal
    (y,) = _run(evs, _docs({"a": "2025-01-10", "b": "2025-01-12"}))[1]
    assert not y.temporal


def test_single_document_clusters_and_agreeing_reports_give_nothing():
    docs = _docs({"a": "2025-05-01", "b": "2025-05-02"})
    one_doc = [_ev("a", "Kenya sends 12 trucks.", quantities=["12 trucks"], n=0),
               _ev("a", "Later it sent 16 trucks.", quantities=["16 trucks"], n=1, start=50)]
    assert _run(one_doc, docs)[1] == []
    agree = [_ev("a", "Kenya sends 12 trucks to Ethiopia.", quantities=["12 trucks"], date="2025-04"),
             _ev("b", "Twelve trucks left for Ethiopia in April.", quantities=["12 trucks"], date="2025-04-28")]
    assert _run(agree, docs)[1] == []


def test_end_to_end_one_deal_two_prices_and_two_years(tmp_path):
    from parallax.pipeline import run
    from parallax.store import Store

    articles = [
        ("Andes Courier", "2024-03-05", "Norway will deliver six KX-9 patrol aircraft to Chile in 2026 under a "
         "$420 million deal, the defence ministry in Santiago said. The aircraft will watch fishing grounds."),
        ("Fjord Tribune", "2024-03-06", "Norway will deliver six KX-9 patrol aircraft to Chile in 2026 in a deal "
         "worth $510 million, the Norwegian defence ministry said. Chile's navy will fly them from the south."),
        ("Pacific Ledger", "2024-03-08", "Norway will deliver six KX-9 patrol aircraft to Chile in 2027 under the "
         "$420 million contract, a Chilean official said. Training for pilots starts next year."),
    ]
    src = tmp_path / "aircraft.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"a{i}", "title": f"Patrol aircraft {i}", "source": o, "published": p,
                                         "text": t}) for i, (o, p, t) in enumerate(articles)), encoding="utf-8")
    db = str(tmp_path / "story.duckdb")
    run([str(src)], db=db)
    with Store(db) as store:
        story = store.load_story()
    docs = {d.id: d for d in story.documents}
    clusters = cluster_events(story.events, docs, {a.id: a for a in story.actors})
    deal = max(clusters, key=lambda c: len(c.docs))
    assert len(deal.docs) == 3 and deal.independent == 3 and deal.first_reported == "2024-03-05"
    by_outlet = {d.id: d.outlet for d in story.documents}
    out = detail_conflicts(clusters, story.events, docs)
    kinds = {x.kind: x for x in out}
    assert set(kinds) == {"number", "date"}
    price = {s.value: {by_outlet[e.doc] for e in s.evidence} for s in kinds["number"].sides}
    assert price == {"$420 million": {"Andes Courier", "Pacific Ledger"}, "$510 million": {"Fjord Tribune"}}
    year = {s.value: {by_outlet[e.doc] for e in s.evidence} for s in kinds["date"].sides}
    assert year == {"2026": {"Andes Courier", "Fjord Tribune"}, "2027": {"Pacific Ledger"}}
    assert not any(x.temporal for x in out)
    for x in out:  # every side's evidence is a span of its document's text that carries the value
        for side in x.sides:
            for ev in side.evidence:
                assert side.value.replace(" million", "") in docs[ev.doc].text[ev.start:ev.end]
