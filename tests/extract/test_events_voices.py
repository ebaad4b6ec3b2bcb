"""Commentators' forecasts and background mentions are not events; the parties' statements and the narrator's reports are."""

from tests.extract.events_helpers import got


def test_an_analysts_forecast_is_no_event(nlp):
    assert not got(nlp, "Analysts say Chile would welcome the closure of the Peruvian base.")
    assert not got(nlp, "Experts think Peru is likely to impose sanctions on Chile.")


def test_a_states_own_forecast_and_the_narrators_report_stay(nlp):
    assert ("PER", "CHL", "SANCTION", "future") in got(nlp, "Peru's foreign minister said Peru will impose sanctions on Chile.")
    assert ("PER", "CHL", "SANCTION", "asserted") in got(nlp, "Peru imposed sanctions on Chile on Monday.")


def test_what_an_analyst_reports_as_done_stays(nlp):
    assert ("PER", "CHL", "SANCTION", "asserted") in got(nlp, "Analysts say Peru imposed sanctions on Chile last year.")


def test_an_event_noun_given_as_background_is_not_this_sentences_event(nlp):
    g = got(nlp, "The Senate will vote on measures against Peru over its purchase of Russian jets.")
    assert not any(ty == "AID" for _s, _t, ty, _m in g)
    assert ("RUS", "PER", "AID", "asserted") in got(nlp, "Peru's purchase of Russian jets was completed in May.")


def test_an_unnamed_spokesman_or_officer_speaks_for_his_side(nlp):
    g = got(nlp, "Chile has no plans to sell frigates to Ecuador, a government spokesman said.")
    assert ("CHL", "ECU", "AID", "negated") in g
