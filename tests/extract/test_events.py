"""End to end: parse → real extract_actors → extract_events, on invented news sentences."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.model import Document, Quote
from tests.extract.events_helpers import run


def triples(rows):
    return {(s, t, ty, m) for s, t, ty, m, _ in rows}


def test_purchase_is_aid_from_supplier_with_details(nlp):
    rows, _ = run(nlp, "Chile bought four attack helicopters from Spain in 2016 for €300 million.")
    assert triples(rows) == {("ESP", "CHL", "AID", "asserted")}
    e = rows[0][4]
    assert e.cameo == "072" and e.goldstein == pytest.approx(8.3)
    assert e.date == "2016" and e.date_precision == "year"
    assert "4 attack helicopters" in e.quantities
    assert [(m.amount, m.currency) for m in e.money] == [(3e8, "EUR")]
    assert e.text.startswith("Chile bought") and e.start == 0 and e.id == "t:e0"


def test_passive_coordinated_signing_is_one_symmetric_agreement(nlp):
    rows, _ = run(nlp, "The trade pact was signed by Kenya and Tanzania on Monday.")
    assert len(rows) == 1
    s, t, ty, mode, e = rows[0]
    assert {s, t} == {"KEN", "TZA"} and ty == "AGREE" and e.symmetric
    assert e.date == "2024-03-11" and e.date_precision == "day"


def test_joint_exercise_with_coordinated_subject(nlp):
    rows, _ = run(nlp, "Oman and Jordan conducted their first joint air exercise last month.")
    assert len(rows) == 1 and rows[0][2] == "COOPERATE" and rows[0][4].symmetric
    assert rows[0][4].date == "2024-02"


def test_modes(nlp):
    text = ("Denmark will not sell frigates to Peru, the minister said. "
            "Ghana pledged to keep supplying grain to Senegal. "
            "Austria could back Slovenia's proposal if the vote is delayed. "
            "Intelligence reports suggested that Belarus supplied ammunition to Sudan. "
            "Uruguay dismissed reports that it had agreed to buy tanks from Israel.")
    got = triples(run(nlp, text)[0])
    assert ("DNK", "PER", "AID", "negated") in got
    assert ("GHA", "SEN", "AID", "future") in got
    assert ("AUT", "SVN", "SUPPORT", "hypothetical") in got
    assert ("BLR", "SDN", "AID", "reported") in got
    assert ("ISR", "URY", "AID", "denied") in got


def test_light_verbs_and_nominal_events(nlp):
    text = ("Sweden's foreign minister held talks with her Polish counterpart in Warsaw. "
            "The visit of the Mexican president to Ottawa ended on Friday. "
            "A Thai military delegation is expected to visit Vietnam next week.")
    got = {(s, t, ty) for s, t, ty, _m in triples(run(nlp, text)[0])}
    assert ("SWE", "POL", "CONSULT") in got
    assert ("MEX", "CAN", "CONSULT") in got
    assert ("THA", "VNM", "CONSULT") in got


def test_refusal_and_request(nlp):
    got = triples(run(nlp, "Bolivia refused to sell lithium to China. Washington urged Tokyo to cut ties with Moscow.")[0])
    assert ("BOL", "CHN", "REJECT", "asserted") in got
    assert ("USA", "JPN", "REQUEST", "asserted") in got
    assert not any(t == "SANCTION" for _, _, t, _ in got)  # the urged act is not an event of its own


def test_restraint_domestic_generic_and_single_actor(nlp):
    text = ("The army killed twelve militants in northern Mali. Prices rose sharply across Europe. "
            "Police arrested three protesters in Lima. Officials said the economy would recover.")
    assert run(nlp, text)[0] == []


def test_running_year_and_following_year(nlp):
    text = ("Peru ordered two transport aircraft from Brazil in 2015. "
            "The following year, Brazil delivered the aircraft to Peru.")
    rows = run(nlp, text)[0]
    dates = sorted(e.date for *_, e in rows)
    assert dates == ["2015", "2016"]


def test_event_inside_quote_is_reported_by_speaker(nlp):
    text = 'The minister said: "Chile will buy helicopters from Spain."'
    doc = Document(id="t", key="t", text=text, published="2024-03-14", language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    q = Quote(id="t:q0", doc="t", speaker="t:speaker", speaker_text="The minister", anonymous=False,
              kind="direct", start=text.index('"'), end=len(text), text=text[text.index('"'):])
    events = extract_events(sdoc, doc, actors, [q])
    assert len(events) == 1 and events[0].reported_by == "t:speaker" and events[0].mode == "future"
