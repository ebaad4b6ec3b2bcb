"""Claim contradictions: opposite statements of one proposition, evidence on each side, temporal when far apart."""

from parallax.link.claim_conflicts import apart, claim_contradictions, date_interval
from parallax.model import Claim, ClaimMention, Document, Event


def _docs(**published: str | None) -> dict[str, Document]:
    text = "Norway supplies military equipment to Chile, " * 3
    return {i: Document(id=i, key=i, text=text, outlet=f"Outlet {i}", published=p) for i, p in published.items()}


def _claim(*mentions: ClaimMention, events: list[str] | None = None) -> Claim:
    return Claim(id="k1", text="Norway supplies military equipment to Chile", mentions=list(mentions),
                 events=events or [])


def test_supports_against_refutes_is_one_contradiction_with_evidence_on_each_side() -> None:
    docs = _docs(d1="2021-05-03", d2="2021-05-05")
    docs["d2"].text = "Officials: Norway does not supply military equipment to Chile."
    c = _claim(ClaimMention("d1", "supports", 0, 40, holder="a"), ClaimMention("d2", "refutes", 11, 62, holder="b"))
    (x,) = claim_contradictions([c], docs)
    assert x.kind == "claim" and not x.temporal
    assert x.about == c.text
    pro, con = x.sides
    assert [(e.doc, e.start, e.end) for e in pro.evidence] == [("d1", 0, 40)]
    assert [(e.doc, e.start, e.end) for e in con.evidence] == [("d2", 11, 62)]
    assert con.value.rstrip(".") == "Norway does not supply military equipment to Chile"


def test_a_hedged_report_against_an_assertion_is_no_contradiction() -> None:
    docs = _docs(d1="2021-05-03", d2="2021-05-05", d3="2021-05-06")
    hedged = _claim(ClaimMention("d1", "supports", 0, 40), ClaimMention("d2", "discusses", 0, 40))
    assert claim_contradictions([hedged], docs) == []
    hedged_vs_denial = _claim(ClaimMention("d2", "discusses", 0, 40), ClaimMention("d3", "refutes", 0, 40))
    assert claim_contradictions([hedged_vs_denial], docs) == []


def test_statements_years_apart_are_a_change_of_position() -> None:
    docs = _docs(d1="2012-03-10", d2="2021-06-12")
    c = _claim(ClaimMention("d1", "refutes", 0, 40, holder="kenya"), ClaimMention("d2", "supports", 0, 40))
    (x,) = claim_contradictions([c], docs)
    assert x.temporal


def test_event_date_wins_over_publication_date() -> None:
    docs = _docs(d1="2021-06-01", d2="2021-06-12")
    ev = Event("d1:e0", "d1", "nor", "chl", "AID", "asserted", 0, 60, "In 2012 Norway sold arms to Chile.", date="2012")
    c = _claim(ClaimMention("d1", "supports", 0, 40), ClaimMention("d2", "refutes", 0, 40), events=["d1:e0"])
    assert claim_contradictions([c], docs)[0].temporal is False
    assert claim_contradictions([c], docs, {"d1:e0": ev})[0].temporal is True


def test_one_voice_on_both_sides_only_counts_as_a_change_over_time() -> None:
    same_time = _claim(ClaimMention("d1", "supports", 0, 40, holder="a"), ClaimMention("d2", "refutes", 0, 40, holder="a"))
    assert claim_contradictions([same_time], _docs(d1="2021-05-01", d2="2021-05-02")) == []
    (x,) = claim_contradictions([same_time], _docs(d1="2015-05-01", d2="2021-05-02"))
    assert x.temporal


def test_date_intervals_are_cautious() -> None:
    assert date_interval("2020")[1].isoformat() == "2020-12-31"
    assert date_interval("2021-02")[1].isoformat() == "2021-02-28"
    assert date_interval("garbage") is None
    assert not apart(["2020"], ["2021-03-01"])  # December 2020 is within a year
    assert apart(["2012"], ["2021-03-01"])
    assert not apart([None], ["2021-03-01"])


def test_a_negated_events_date_is_not_when_it_was_said() -> None:
    docs = _docs(d1="2021-06-01", d2="2021-06-12")
    ev = Event("d1:e0", "d1", "nor", "chl", "AID", "negated", 0, 60,
               "Under the 2012 accord Norway does not sell arms to Chile.", date="2012")
    c = _claim(ClaimMention("d1", "refutes", 0, 40), ClaimMention("d2", "supports", 0, 40), events=["d1:e0"])
    assert claim_contradictions([c], docs, {"d1:e0": ev})[0].temporal is False
