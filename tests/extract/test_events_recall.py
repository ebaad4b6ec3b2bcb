"""Recall rules of the event extractor: implied sides, nominal events, labels, deployments, modes, dates."""

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.model import Document, Quote
from tests.extract.events_helpers import got, run


def test_reply_takes_the_previous_sentence_counterpart(nlp):
    text = "Peru urged Bolivia to reopen the border crossing. The Bolivian government rejected the request on Tuesday."
    assert ("BOL", "PER", "REJECT", "asserted") in got(nlp, text)


def test_no_borrowed_side_without_a_previous_party(nlp):
    assert got(nlp, "Ecuador rejected the request on Tuesday.") == set()


def test_the_two_countries_is_the_pair_just_named_and_not_a_second_meeting(nlp):
    text = ("Kenya's president met his Tanzanian counterpart in Arusha on Monday. "
            "The two leaders discussed the railway. The two countries signed three trade agreements.")
    rows = run(nlp, text)[0]
    kinds = sorted((ty, frozenset((s, t)), e.symmetric) for s, t, ty, _m, e in rows)
    assert kinds == [("AGREE", frozenset({"KEN", "TZA"}), True), ("CONSULT", frozenset({"KEN", "TZA"}), True)]


def test_labelling_claims_false_is_a_rejection_and_unacceptable_an_accusation(nlp):
    assert ("VNM", "CHN", "REJECT", "asserted") in got(nlp, "Hanoi called Beijing's claims baseless.")
    assert ("DEU", "HUN", "ACCUSE", "asserted") in got(nlp, "Berlin called the Hungarian veto unacceptable.")


def test_rejecting_someones_allegation_rejects_them(nlp):
    text = "Armenia rejected Azerbaijan's allegation that its troops had crossed the border."
    assert ("ARM", "AZE", "REJECT", "asserted") in got(nlp, text)


def test_sending_troops_is_a_deployment_not_aid(nlp):
    assert got(nlp, "Estonia will send a battalion to Latvia.") == {("EST", "LVA", "MOBILIZE", "future")}


def test_purchase_under_talks_comes_from_the_partner(nlp):
    text = "Egypt is in talks with South Korea to buy self-propelled howitzers."
    g = got(nlp, text)
    assert ("KOR", "EGY", "AID", "asserted") in g and any(t == "CONSULT" for _, _, t, _ in g)


def test_its_offer_is_the_other_party(nlp):
    text = "Chile proposed a fishing agreement to Peru, but Lima rejected its offer."
    assert ("PER", "CHL", "REJECT", "asserted") in got(nlp, text)


def test_tariff_increase_voted_on_is_a_future_sanction(nlp):
    rows = run(nlp, "Canada is set to vote on a tariff increase on Chinese steel next week.")[0]
    assert [(s, t, ty, m) for s, t, ty, m, _ in rows] == [("CAN", "CHN", "SANCTION", "future")]


def test_trade_war_is_a_sanction_not_an_assault(nlp):
    assert got(nlp, "Washington escalated its trade war with Brazil on Friday.") == {
        ("USA", "BRA", "SANCTION", "asserted")}


def test_surname_is_the_person_named_in_full_before(nlp):
    text = ("Indian Prime Minister Narendra Modi arrived in Colombo on Friday. "
            "Modi thanked Sri Lanka for its support.")
    assert ("IND", "LKA", "SUPPORT", "asserted") in got(nlp, text)


def test_recalling_an_ambassador_reduces_relations(nlp):
    rows = run(nlp, "Peru recalled its ambassador from Mexico on Sunday.")[0]
    assert [(s, t, ty) for s, t, ty, _m, _e in rows] == [("PER", "MEX", "SANCTION")]
    assert rows[0][4].cameo == "161"


def test_warning_targets_the_party_named_in_what_is_warned(nlp):
    assert ("GBR", "BLR", "THREATEN", "asserted") in got(nlp, "Britain warned that it would impose sanctions on Belarus.")


def test_we_in_a_quote_is_the_speaker(nlp):
    text = '"We will supply more drones to Ukraine," the Latvian defence minister said.'
    doc = Document(id="t", key="t", text=text, published="2024-03-14", language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    speaker = next(m.actor for m in actors.mentions if "minister" in m.text)
    q = Quote(id="t:q0", doc="t", speaker=speaker, speaker_text="the Latvian defence minister", anonymous=False,
              kind="direct", start=0, end=text.index(",") + 2, text=text[: text.index(",") + 2])
    events = extract_events(sdoc, doc, actors, [q])
    assert [(actors.actor(e.source).country, actors.actor(e.target).country, e.type, e.mode) for e in events] == [
        ("LVA", "UKR", "AID", "future")]
    assert events[0].reported_by == speaker


def test_modes_of_intent_plans_and_accusations(nlp):
    assert ("NZL", "FJI", "AID", "negated") in got(nlp, "New Zealand has no plans to sell patrol boats to Fiji.")
    assert ("MNG", "KOR", "COOPERATE", "future") in got(nlp, "Mongolia is looking to expand defence ties with South Korea.")
    assert ("MNG", "KOR", "COOPERATE", "hypothetical") in got(
        nlp, "Mongolia is looking at expanding defence ties with South Korea.")
    text = "Washington sanctioned two Serbian firms accused of selling rifles to Libya."
    assert ("SRB", "LBY", "AID", "reported") in got(nlp, text)
    assert ("BGR", "GEO", "AID", "reported") in got(nlp, "Bulgaria is believed to have sold artillery shells to Georgia.")
    assert ("POL", "UKR", "AID", "reported") in got(
        nlp, "It has been claimed in a report that Poland secretly delivered tanks to Ukraine.")


def test_relative_dates_take_publication_and_clause_tense(nlp):
    rows = run(nlp, "Nepal hosted the Bhutanese king last week. Qatar will host Oman's foreign minister on Friday.",
               published="2024-03-14")[0]
    dates = {t: (e.date, e.date_precision) for _s, t, _ty, _m, e in rows}
    assert dates["BTN"] == ("2024-03", "month")
    assert dates["OMN"] == ("2024-03-15", "day")
    rows = run(nlp, "Kenya signed a loan deal with Japan in 2019. The following year, Japan delivered four buses to Kenya.",
               published="2024-03-14")[0]
    assert {e.date for *_, e in rows} == {"2019", "2020"}
    rows = run(nlp, "Nepal hosted the Bhutanese king last month.", published="2024-03-14")[0]
    assert (rows[0][4].date, rows[0][4].date_precision) == ("2024-02", "month")


def test_warned_on_a_weekday_is_past_even_with_will_later(nlp):
    rows = run(nlp, "Japan warned on Wednesday that it will retaliate against North Korea.", published="2024-03-14")[0]
    ev = [e for *_, e in rows if e.type == "THREATEN"]
    assert ev and ev[0].date == "2024-03-13" and ev[0].mode == "asserted"


def test_provide_with_makes_the_object_the_recipient_and_readiness_is_future(nlp):
    text = "The Danish minister reaffirmed Denmark's readiness to continue providing Ghana with naval training."
    assert ("DNK", "GHA", "AID", "future") in got(nlp, text)


def test_a_reporting_frame_outranks_the_modal_it_frames(nlp):
    text = "It has been claimed in a newspaper report that Chile could back Bolivia in its dispute with Peru."
    modes = {m for s, t, ty, m in got(nlp, text) if (s, t) == ("CHL", "BOL")}
    assert modes == {"reported"}


def test_a_plain_attribution_keeps_the_claims_own_mode(nlp):
    text = "Chile could back Bolivia in its dispute with Peru, according to the foreign ministry."
    modes = {m for s, t, ty, m in got(nlp, text) if (s, t) == ("CHL", "BOL")}
    assert modes == {"hypothetical"}


def test_saying_a_party_was_behind_an_attack_accuses_it(nlp):
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(nlp, "Chile said Peru was responsible for the attack.")
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(nlp, "Chile said Peru was behind the bombing of its embassy.")
    assert not any(ty == "ACCUSE" for *_, ty, _m in got(nlp, "Chile said Peru was responsible for the delay."))


def test_complaining_that_a_party_acted_accuses_it(nlp):
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(nlp, "Chile complained that Peru had violated the treaty.")


def test_reservations_and_displeasure_are_disapproval(nlp):
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(nlp, "Chile voiced reservations about the Peruvian plan.")
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(nlp, "Chile expressed displeasure at Peru's decision.")
    assert not got(nlp, "The hotel in Lima accepted reservations from Peru.")


def test_a_measure_stated_on_another_sides_condition_is_a_threat(nlp):
    g = got(nlp, "A senior Chilean official said sanctions could follow if Lima went ahead with the test.")
    assert ("CHL", "PER", "THREATEN", "asserted") in g
    assert ("CHL", "PER", "THREATEN", "asserted") in got(nlp, "Chile said sanctions would be imposed if Peru "
                                                              "activated the system.")
    # no condition, or no state voice: no threat
    assert not got(nlp, "Chile said sanctions would be imposed on Monday.")
    assert not got(nlp, "Chilean analysts said sanctions could follow if Peru tested the missile.")


def test_two_requests_one_each_way_in_one_sentence(nlp):
    g = got(nlp, "Talks ended quickly because Santiago's call for disarmament and Lima's demand for sanctions relief "
                 "did not mesh.")
    assert {("CHL", "PER", "REQUEST", "asserted"), ("PER", "CHL", "REQUEST", "asserted")} <= g


def test_a_ceasefire_one_is_ready_for_is_with_the_side_it_fights(nlp):
    g = got(nlp, "Chilean forces shelled Peruvian positions on Monday. Peru said it was ready for a ceasefire.")
    assert ("PER", "CHL", "AGREE", "asserted") in g
    # no fighting reported: no partner is guessed
    assert not any(ty == "AGREE" for *_, ty, _m in got(nlp, "Chile met Peru on Monday. Bolivia said it was ready "
                                                            "for a ceasefire."))


def test_a_warning_on_a_condition_the_other_side_must_meet_is_a_demand_too(nlp):
    text = ("The National Liberation Army warned that it would execute Colombian soldiers among the hostages if "
            "Colombia did not release its prisoners within 48 hours.")
    rows, _ = run(nlp, text)
    got_ = {(t, ty, m) for _s, t, ty, m, _e in rows}
    assert {("COL", "THREATEN", "asserted"), ("COL", "REQUEST", "asserted")} <= got_
    # the condition itself is no refusal: hypothetical, not negated
    assert not any(m == "negated" for *_, m in got_)
    # a condition that asks nothing ("if Peru tests") is a threat only
    assert {ty for *_, ty, _m in got(nlp, "Chile warned that it would impose sanctions if Peru tested the "
                                          "missile.")} == {"THREATEN"}


def test_a_strike_retold_with_its_victim_from_the_places_is_coded_again(nlp):
    text = ("Fighters of the National Liberation Army attacked Colombian troops on Monday. On Tuesday, the Caribe "
            "Express came under a bomb and gun attack while passing through a tunnel near Cucuta.")
    rows, actors = run(nlp, text)
    attacks = [(actors.actor(e.source).name, t) for _s, t, ty, _m, e in rows if ty == "ASSAULT"]
    assert attacks == [("National Liberation Army", "COL")] * 2


def test_saying_a_party_or_its_acts_are_hostile_accuses_it(nlp):
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(nlp, "Chile said Peru's actions were illegal and provocative.")
    assert ("CHL", "PER", "ACCUSE", "asserted") in got(
        nlp, "Chile contended that Peru is one of the most hostile and abusive trading partners in the world.")
    assert not got(nlp, "Chile said Peru was a good partner.")
    assert not got(nlp, "Chilean analysts said Peru's move was provocative.")  # no state voice
