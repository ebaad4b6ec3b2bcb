"""Predicates from the CAMEO verb dictionary: phrasal verbs, patterns, event nouns, refusals, journeys, requests."""

import pytest

from tests.extract.events_helpers import got, run


def types(nlp, text):
    return {ty for _s, _t, ty, _m, _e in run(nlp, text)[0]}


def test_clash_verb_and_noun_are_assaults(nlp):
    assert ("GRC", "TUR", "ASSAULT", "asserted") in got(nlp, "Greek soldiers clashed with Turkish troops overnight.")
    text = "Monday's border clash between Thailand and Cambodia left four soldiers wounded."
    assert ("THA", "KHM", "ASSAULT", "asserted") in got(nlp, text)


@pytest.mark.parametrize("text", [
    "Chilean and Peruvian troops clashed on the border.",
    "Chile and Peru clashed on the border on Monday.",
    "Chilean troops clashed with Peruvian troops on the border.",
    "Chile and Peru exchanged fire at the Arica border crossing on Monday.",
])
def test_a_clash_is_a_fight_each_way(nlp, text):
    g = got(nlp, text)
    assert {("CHL", "PER", "ASSAULT", "asserted"), ("PER", "CHL", "ASSAULT", "asserted")} <= set(g)


def test_a_clash_over_an_issue_between_governments_is_a_quarrel(nlp):
    g = set(got(nlp, "Chile and Peru clashed over fishing rights at the summit."))
    assert {("CHL", "PER", "ACCUSE", "asserted"), ("PER", "CHL", "ACCUSE", "asserted")} <= g
    assert not any(ty == "ASSAULT" for *_, ty, _m in g)
    g = set(got(nlp, "Chilean and Peruvian troops clashed over the disputed ridge."))
    assert ("CHL", "PER", "ASSAULT", "asserted") in g, "troops who clash over a ridge fight for it"


@pytest.mark.parametrize("text", [
    "A face-off between Chilean and Peruvian troops continued.",
    "Chilean troops have been locked in a standoff with Peruvian troops since January.",
])
def test_a_face_off_is_a_show_of_force_each_way(nlp, text):
    rows, actors = run(nlp, text)
    got_ = {(s, t, ty) for s, t, ty, _m, _e in rows}
    assert {("CHL", "PER", "MOBILIZE"), ("PER", "CHL", "MOBILIZE")} <= got_
    assert all(e.predicate.endswith(("face-off", "standoff")) for *_, e in rows)


def test_refusing_to_back_down_is_a_rejection_not_support(nlp):
    rows = got(nlp, "Serbia said on Friday it would not back down in its dispute with Croatia.")
    assert ("SRB", "HRV", "REJECT", "asserted") in rows
    assert not any(ty == "SUPPORT" for _s, _t, ty, _m in rows)


def test_wont_cancel_drills_is_a_refusal(nlp):
    text = "Seoul will not cancel its joint drills with Washington, the defence minister said."
    assert ("KOR", "USA", "REJECT", "asserted") in got(nlp, text)


def test_pulling_back_troops_is_a_retreat(nlp):
    assert ("IND", "CHN", "RETREAT", "asserted") in got(nlp, "India pulled back its troops from the Chinese border.")


def test_disengagement_noun_is_a_retreat(nlp):
    text = "Vietnam completed the disengagement of its forces from Cambodia on Sunday."
    assert ("VNM", "KHM", "RETREAT", "asserted") in got(nlp, text)


def test_a_struck_agreement_is_no_assault(nlp):
    rows = got(nlp, "An agreement on grain exports was struck between Kenya and Tanzania.")
    assert ("KEN", "TZA", "AGREE", "asserted") in rows and "ASSAULT" not in {r[2] for r in rows}
    rows = got(nlp, "Kenya said the agreement it struck with Tanzania would stand.")
    assert rows == {("KEN", "TZA", "AGREE", "asserted")}


def test_hit_with_sanctions_is_a_sanction(nlp):
    assert types(nlp, "The European Union hit Belarus with new sanctions on Monday.") == {"SANCTION"}
    assert got(nlp, "Canada hit Venezuela with sanctions.") == {("CAN", "VEN", "SANCTION", "asserted")}


def test_threatened_with_tariffs_stays_a_threat(nlp):
    assert ("USA", "MEX", "THREATEN", "asserted") in got(nlp, "Washington threatened Mexico with new tariffs.")


def test_a_flight_is_a_visit_only_for_a_meeting(nlp):
    assert got(nlp, "The Peruvian foreign minister flew to Santiago on Monday.") == set()
    text = "The Peruvian foreign minister flew to Santiago for talks with Chilean officials."
    assert ("PER", "CHL", "CONSULT", "asserted") in got(nlp, text)


def test_expressed_concern_and_concerned_about_are_accusations(nlp):
    assert ("PHL", "CHN", "ACCUSE", "asserted") in got(
        nlp, "Manila expressed concern over China's island building.")
    assert ("JPN", "PRK", "ACCUSE", "asserted") in got(
        nlp, "Tokyo is deeply concerned about North Korean missile launches.")


def test_a_states_protest_and_complaint_are_accusations(nlp):
    assert got(nlp, "Greece lodged a protest with Turkey over the overflights.") == {
        ("GRC", "TUR", "ACCUSE", "asserted")}
    assert ("SYR", "ISR", "ACCUSE", "asserted") in got(
        nlp, "Syria complained to the Security Council about Israeli air strikes.")


def test_offers_are_commitments_and_what_is_offered_is_possible(nlp):
    assert ("NOR", "COL", "AGREE", "asserted") in got(nlp, "Norway offered its mediators to Colombia.")
    # an offer, pledge or agreement to act is PLOVER AGREE (CAMEO 03, intent to cooperate), the offering asserted
    assert got(nlp, "Turkey has offered to hand over the suspects to Sweden.") == {("TUR", "SWE", "AGREE", "asserted")}
    assert ("GHA", "TGO", "AGREE", "asserted") in got(nlp, "Ghana pledged to resume talks with Togo.")
    assert ("PER", "CHL", "AID", "future") in got(nlp, "Peru agreed to sell two frigates to Chile.")  # the sale itself
    assert ("UKR", "RUS", "COOPERATE", "hypothetical") in got(nlp, "Ukraine offered Russia a prisoner exchange.")
    assert ("SYR", "LBN", "AGREE", "asserted") in got(nlp, "Syria says it is willing to withdraw its troops from Lebanon.")


def test_removal_from_a_programme_is_a_sanction(nlp):
    assert ("USA", "IND", "SANCTION", "asserted") in got(
        nlp, "The United States removed India from its trade preference programme.")


def test_refusal_higher_up_the_clause_rejects(nlp):
    assert ("TUR", "USA", "REJECT", "asserted") in got(
        nlp, "The Turkish government has refused to commit to any direct assistance to the United States.")


def test_ruling_out_talks_rejects_the_partner(nlp):
    assert ("ETH", "EGY", "REJECT", "asserted") in got(nlp, "Ethiopia ruled out talks with Egypt over the dam.")


def test_saying_another_must_act_is_a_request(nlp):
    assert ("DEU", "POL", "REQUEST", "asserted") in got(
        nlp, "The German chancellor said Poland must respect the court's ruling.")
    assert got(nlp, "Germany said it must defend its industry.") == set()


def test_persuading_and_expecting_are_requests(nlp):
    assert ("FRA", "ITA", "REQUEST", "asserted") in got(nlp, "Paris persuaded Rome to join the naval mission.")
    assert ("KEN", "SOM", "REQUEST", "asserted") in got(nlp, "Kenya expects the Somali government to secure the border.")


def test_conflict_between_two_countries_runs_from_the_first(nlp):
    assert ("ETH", "ERI", "ASSAULT", "asserted") in got(
        nlp, "Analysts blamed the leaders for starting the conflict between Ethiopia and Eritrea.")


def test_assurances_are_commitments(nlp):
    assert ("JPN", "PHL", "AGREE", "asserted") in got(nlp, "Japan assured the Philippines of its support.")


def test_host_of_talks_between_two_parties_deals_with_each(nlp):
    rows = got(nlp, "Qatar hosted talks between Sudan and Chad on Tuesday.")
    assert {("QAT", "SDN", "CONSULT", "asserted"), ("QAT", "TCD", "CONSULT", "asserted")} <= rows


def test_releasing_captives_is_a_concession(nlp):
    assert ("IRN", "GBR", "CONCEDE", "asserted") in got(nlp, "Iran released two British sailors on Thursday.")


def test_a_received_response_is_no_delivery(nlp):
    assert got(nlp, "Turkey received a response from the United States on Friday.") == set()
    assert ("JPN", "KEN", "AID", "asserted") in got(nlp, "Kenya received two patrol boats from Japan.")


def test_they_is_not_the_person_who_says_it(nlp):
    rows = got(nlp, "Former French envoy Jean Dupont said they want to sell more jets to India.")
    assert not any(s == "FRA" for s, _t, _ty, _m in rows)


def test_leaders_clashing_is_a_verbal_conflict(nlp):
    rows = got(nlp, "Russian President Vladimir Putin clashed with Ukrainian President Volodymyr Zelenskyy at the summit.")
    assert ("RUS", "UKR", "ACCUSE", "asserted") in rows and not any(ty == "ASSAULT" for _s, _t, ty, _m in rows)


def test_agreeing_with_a_party_is_support_agreeing_on_a_deal_is_agreement(nlp):
    assert ("JPN", "USA", "SUPPORT", "asserted") in got(nlp, "Japan agrees with the United States that China must act.")
    assert ("KEN", "UGA", "AGREE", "asserted") in got(nlp, "Kenya agreed with Uganda on a new railway deal.")


def test_a_reversal_noun_reverses_the_measure(nlp):
    assert ("USA", "UKR", "SANCTION", "asserted") in got(
        nlp, "Washington's suspension of military aid to Kyiv angered Europe.")


def test_persuading_by_getting_someone_to_act(nlp):
    assert ("USA", "KOR", "REQUEST", "asserted") in got(nlp, "Washington got Seoul to drop its objections.")


def test_a_coercive_act_on_a_condition_or_in_the_doers_warning_is_a_threat(nlp):
    assert ("USA", "CAN", "THREATEN", "asserted") in got(
        nlp, "Washington said it will impose tariffs on Canadian cars if Ottawa does not drop its tariffs.")
    assert ("CHN", "DEU", "THREATEN", "asserted") in got(
        nlp, "Beijing has hinted that it could retaliate with tariffs on German vehicles.")
    # a plain announcement stays a sanction to come
    assert got(nlp, "Washington said it will impose tariffs on Canadian cars on Monday.") == {
        ("USA", "CAN", "SANCTION", "future")}
    # another side's possible attack is no threat by the one who warns of it
    assert ("RUS", "MDA", "THREATEN", "asserted") not in got(nlp, "Kyiv warned that Russia could attack Moldova.")


def test_a_demand_with_or_face_is_also_a_threat(nlp):
    kinds = types(nlp, "The European Union urged Serbia to accept the deal or face additional sanctions.")
    assert {"REQUEST", "THREATEN"} <= kinds


def test_suspending_delaying_or_exempting_a_measure_eases_it(nlp):
    assert ("USA", "VEN", "CONCEDE", "asserted") in got(nlp, "Washington suspended sanctions on Venezuela.")
    assert ("USA", "CAN", "CONCEDE", "asserted") in got(nlp, "Washington delayed for a month the tariff on Canadian goods.")
    assert ("USA", "KEN", "SANCTION", "asserted") in got(nlp, "Washington cut aid to Kenya.")  # cutting aid is no easing


def test_the_goods_a_measure_falls_on_are_no_transfer(nlp):
    assert types(nlp, "Peru imposed tariffs on Chilean exports to Peru.") == {"SANCTION"}
    assert ("RUS", "IND", "AID", "asserted") in got(nlp, "Russia's exports of weapons to India grew.")


def test_listing_as_a_terrorist_group_is_a_sanction_and_both_listers_apply_it(nlp):
    g = got(nlp, "Kenya and the United States have designated al-Shabaab a terrorist group.")
    assert {("KEN", "SOM", "SANCTION", "asserted"), ("USA", "SOM", "SANCTION", "asserted")} <= g
    assert ("GBR", "IRN", "SANCTION", "asserted") in got(
        nlp, "Britain proscribed the Revolutionary Guards as a terror organisation.")
    assert not got(nlp, "Kenya designated Somalia as a partner.")  # a listing of no terrorist kind is no measure


def test_the_proposer_of_a_plan_for_an_act_does_it(nlp):
    g = got(nlp, "The European Union has proposed a plan for supporting Ukraine.")
    assert ("UKR", "SUPPORT") in {(t, ty) for _s, t, ty, _m in g}


def test_telling_news_is_no_request_and_telling_it_in_a_call_is_consulting(nlp):
    text = ("Peruvian President Jose Jeri told Chilean President Gabriel Boric in a phone call that Peru has made "
            "strides in curbing smuggling.")
    assert got(nlp, text) == {("PER", "CHL", "CONSULT", "asserted")}
    assert ("PER", "CHL", "REQUEST", "asserted") in got(
        nlp, "Peruvian President Jose Jeri told Chilean President Gabriel Boric to curb smuggling.")
    # what one is told one must do is the request's content, not an act of its own
    assert got(nlp, "Peru's foreign minister told Chile it must withdraw its troops.") == {
        ("PER", "CHL", "REQUEST", "asserted")}


def test_a_threat_on_a_condition_the_other_side_must_meet_is_a_demand_too(nlp):
    g = got(nlp, "Washington said it will impose tariffs on Canadian cars if Ottawa does not drop its tariffs.")
    assert {("USA", "CAN", "THREATEN", "asserted"), ("USA", "CAN", "REQUEST", "asserted")} <= g
    g = got(nlp, "Washington said it will impose tariffs on Canadian cars if Ottawa raises its tariffs.")
    assert ("USA", "CAN", "REQUEST", "asserted") not in g


def test_reversing_part_of_a_measure_reverses_the_measure(nlp):
    assert ("USA", "BIH", "SANCTION", "asserted") in got(
        nlp, "The United States suspended part of a military aid program for Bosnia.")


def test_raising_or_waging_a_measure_lends_it_a_doer(nlp):
    assert ("USA", "CHL", "SANCTION", "asserted") in got(nlp, "Washington doubled a previous 10% duty on Chilean exports.")
    g = got(nlp, "Peru has been waging a tariff fight with its biggest trading partners — Chile, Bolivia and Ecuador.")
    assert {("PER", c, "SANCTION", "asserted") for c in ("CHL", "BOL", "ECU")} <= g


def test_a_conditional_threat_is_aimed_at_the_party_its_condition_names(nlp):
    text = "If the tariffs are not dropped by Chile, Peru will increase the tariffs on cars coming into Peru."
    g = got(nlp, text)
    assert ("PER", "CHL", "THREATEN", "asserted") in g
    assert ("CHL", "PER", "REJECT", "asserted") not in g  # the condition refuses nothing yet


def test_agreeing_to_an_act_is_an_agreement_and_the_act_to_come(nlp):
    g = got(nlp, "Chile and Peru agreed to resume regular border talks.")
    assert {ty for _s, _t, ty, _m in g} >= {"AGREE", "CONSULT"}


def test_a_possible_measure_on_a_condition_is_no_threat(nlp):
    g = got(nlp, "If Caracas expels the observers, Canada could reimpose sanctions on Venezuela.")
    assert ("CAN", "VEN", "SANCTION", "hypothetical") in g


def test_a_pattern_codes_only_the_verb_it_was_written_for(nlp):
    # the dictionary lists "- * SANCTIONS [040]  # DEBATE" in the block that also holds "oppose": debating
    # sanctions is a consultation, opposing them is not
    assert "CONSULT" in types(nlp, "Chile debated sanctions with Peru.")
    assert "CONSULT" not in types(nlp, "Chile opposed the Peruvian sanctions.")


def test_investment_in_a_country_or_its_province_is_economic_cooperation(nlp):
    assert ("CHN", "PER", "COOPERATE", "asserted") in got(nlp, "Chinese investment in Peru rose sharply.")
    # named with both its parties, it is an event even as what another predicate is about
    g = got(nlp, "Pakistan has welcomed foreign money. The group also opposes Chinese investment in Balochistan.")
    assert ("CHN", "PAK", "COOPERATE", "asserted") in g
    assert not any(ty == "COOPERATE" for *_, ty, _m in got(nlp, "Peru welcomed more investment."))


def test_a_meeting_with_no_named_partner_is_with_its_host(nlp):
    g = got(nlp, "NATO leaders met in Vilnius on Tuesday. Lithuania welcomed them.")
    assert any(t == "LTU" and ty == "CONSULT" for _s, t, ty, _m in g)
    # named partners stay the partners; the place of their talks is no party
    assert got(nlp, "Chile and Peru held talks in Lima.") == {("CHL", "PER", "CONSULT", "asserted")}


@pytest.mark.parametrize("text,event", [
    ("Chile proposed a minimum price to Peru.", ("CHL", "PER", "REQUEST")),  # a proposal to a party asks it
    # putting a member out of a programme or a body is a sanction on it
    ("Chile was removed from the programme by Peru.", ("PER", "CHL", "SANCTION")),
    ("Peru expelled Chile from the alliance.", ("PER", "CHL", "SANCTION")),
    # holding people captive or prisoner, taking over a building by force: coercion
    ("Peru held three Chilean sailors captive.", ("PER", "CHL", "COERCE")),
    ("Peru took two Chilean soldiers prisoner.", ("PER", "CHL", "COERCE")),
    ("Peruvian troops took over the Chilean embassy.", ("PER", "CHL", "COERCE")),
    # a crowd at an embassy protests against its state; a state's protest stays a complaint
    ("Peruvian protesters staged a protest outside the Chilean embassy.", ("PER", "CHL", "PROTEST")),
    ("Hundreds of Peruvians rallied outside the embassy of Chile.", ("PER", "CHL", "PROTEST")),
    ("Peru protested against the Chilean decision.", ("PER", "CHL", "ACCUSE")),
    # being ready for talks is an intent to meet, as asserted or negated as the copula
    ("Peru is ready for talks with Chile.", ("PER", "CHL", "AGREE")),
    ("Peru is not ready for talks with Chile.", ("PER", "CHL", "AGREE", "negated")),
    # "will not hesitate to" threatens a coercive act and pledges any other; hesitating leaves it undone
    ("Chile will not hesitate to impose sanctions on Peru.", ("CHL", "PER", "THREATEN")),
    ("Chile will not hesitate to support Peru.", ("CHL", "PER", "AGREE")),
    ("Chile hesitated to impose sanctions on Peru.", ("CHL", "PER", "SANCTION", "hypothetical")),
    # troops sent to a border, or pulled back from it, face the country beyond it
    ("Peru deployed troops along its border with Chile.", ("PER", "CHL", "MOBILIZE")),
    ("Peru pulled back its troops from the border with Chile.", ("PER", "CHL", "RETREAT")),
    ("Peru's president sent 5,000 troops to Peru's southern border with Chile.", ("PER", "CHL", "MOBILIZE")),
    # an insurgency is waged against the state it fights
    ("The National Liberation Army has waged an insurgency against Colombia for decades.", (None, "COL", "ASSAULT")),
    # whatever armed men take over, they seize (a named train too); a country taking over a company does not
    ("Colombia is at war. Militants from the National Liberation Army took over the Andes Express near Cucuta on "
     "Tuesday.", (None, "COL", "COERCE")),
    # talks that a clause dating the main one mentions were the main clause's pair's
    ("Chile and Peru have been locked in their positions since talks failed at the Lima summit held in February.",
     ("CHL", "PER", "CONSULT")),
    # acting despite a named side's opposition turns it down
    ("Chile will not give up its claim to the islands despite Peru's protests.", ("CHL", "PER", "REJECT")),
    ("Despite pressure from Peru, Chile held the drills.", ("CHL", "PER", "REJECT")),
    ("Chile tested the missiles despite threats of Peruvian sanctions.", ("CHL", "PER", "REJECT")),
    ("Chile tested the missiles despite threats of Peruvian sanctions.", ("PER", "CHL", "THREATEN")),
    # the threat of a measure is no measure taken
    ("Chile faces the threat of Peruvian sanctions.", ("PER", "CHL", "SANCTION", "hypothetical")),
    # whoever sparks or ignites a war wages it; an attack that sparks protests is no one's event
    ("Chile sparked a trade war with Peru.", ("CHL", "PER", "SANCTION")),
    # receiving, welcoming or calling a person is meeting or phoning them; a decision welcomed is supported
    ("Chilean President Gabriel Boric received Peruvian Foreign Minister Javier Gonzalez in Santiago.",
     ("CHL", "PER", "CONSULT")),
    ("Chile's foreign minister called his Peruvian counterpart on Monday.", ("CHL", "PER", "CONSULT")),
    ("Chile welcomed Peru's decision.", ("CHL", "PER", "SUPPORT")),
    ("Chile received 12 jets from Peru.", ("PER", "CHL", "AID")),
    ("Chile called on Peru to withdraw.", ("CHL", "PER", "REQUEST")),
    # a bloc's ministers gathering or convening somewhere meet its host; gathering evidence meets no one
    ("NATO foreign ministers convened in Lima on Thursday.", (None, "PER", "CONSULT")),
    ("Chilean and Peruvian officials gathered in Quito.", ("CHL", "PER", "CONSULT")),
    # "a charge X rejected": X rejects whoever made the charge
    ("Peruvian Chief Minister Luis Castro and military spokesperson Jorge Vega reiterated the claim that "
     "Tuesday's attack was orchestrated by militants with bases in Chile, a charge Chilean foreign ministry "
     "spokesperson Pablo Ruiz rejected Thursday.", ("CHL", "PER", "REJECT")),
    # a warning that someone will be punished or not spared threatens them
    ("Chile warned that Peru would be punished.", ("CHL", "PER", "THREATEN")),
    ("The Revolutionary Armed Forces of Colombia claimed the attack on Tuesday. \"This incident changes the rules of "
     "the game,\" Colonel Juan Perez of the Colombian Army said, warning that terrorists will not be spared.",
     ("COL", "COL", "THREATEN")),  # the armed group's side is its own: based in Colombia, acting for no state
    # "its reluctance to endorse": the clause subject "its" stands for, not the nearest modifier
    ("Bolivia said much remains to be done on a Peru ceasefire deal, signaling its reluctance to fully endorse "
     "the Chilean proposal.", ("BOL", "CHL", "SUPPORT", "negated")),
    # a relative denial answers whoever stated what it denies
    ("U.N. experts said Chile shipped weapons to Peru, a claim Lima denied.", ("PER", None, "REJECT")),
    ("The U.N. accused Chile of shipping weapons to Peru, which Lima denied.", ("PER", None, "REJECT")),
    # a common noun's examples are its members: one event each
    ("Chile imposed sanctions on countries such as Peru and Bolivia.", ("CHL", "BOL", "SANCTION")),
    ("Chile imposed sanctions on countries including Peru and Bolivia.", ("CHL", "PER", "SANCTION")),
    ("Bolivia could retaliate with tariffs on farm products such as dairy, pork and Peruvian brandy.",
     ("BOL", "PER", "SANCTION", "hypothetical")),
    # a truce in a war is between the sides at war
    ("A potential ceasefire in the Chilean-Peruvian war could affect trade.", ("CHL", "PER", "AGREE", "hypothetical")),
    ("Bolivia said a potential ceasefire in the war between Chile and Peru could affect trade.",
     ("CHL", "PER", "AGREE", "hypothetical")),
    # sending envoys is a visit, sending troops a deployment, sending aid a delivery
    ("Chile sent a delegation to Peru.", ("CHL", "PER", "CONSULT")),
    ("Chile sent troops to Peru.", ("CHL", "PER", "MOBILIZE")),
    ("Chile sent 50 tons of aid to Peru.", ("CHL", "PER", "AID")),
    # a passive's doer the parser hung on the verb's own object: "removed from the programme by X"
    ("Chile was removed from the programme by the United States.", ("USA", "CHL", "SANCTION")),
    # "X is the one who ...": X does what the relative clause says
    ("Chilean President Gabriel Boric started the war on Peru. He is the one who can end it by withdrawing his "
     "troops.", ("CHL", "PER", "RETREAT", "hypothetical")),
    # an announcement states its "that" clause: the truce agreed answers the talks just reported
    ("Chile and Peru held talks in Lima on Monday. Bolivian lawmakers welcomed Tuesday's announcement that Peru "
     "had agreed to a 30-day ceasefire.", ("PER", "CHL", "AGREE")),
])
def test_constructions_of_news_verbs(nlp, text, event):
    assert (event if len(event) == 4 else (*event, "asserted")) in got(nlp, text)


def test_acting_despite_the_weather_or_unowned_protests_defies_no_one(nlp):
    assert not got(nlp, "Chile held the drills despite the rain.")
    assert not any(ty == "REJECT" for *_, ty, _m in got(nlp, "Chile held drills near Peru despite protests."))


def test_gathering_evidence_is_no_meeting(nlp):
    assert not got(nlp, "Chile gathered evidence in Peru.")


def test_taking_over_a_company_is_no_seizure(nlp):
    assert not got(nlp, "Peru took over the Chilean company.")


def test_an_act_an_appeal_asks_for_is_no_event(nlp):
    g = got(nlp, "Lima again rejected a Chilean appeal for deploying troops along its border with Bolivia.")
    assert ("PER", "CHL", "REJECT", "asserted") in g
    assert not any(ty == "MOBILIZE" for *_, ty, _m in g)


def _quoted_events(nlp, text):
    from parallax.extract.actors import extract_actors
    from parallax.extract.events import extract_events
    from parallax.extract.quotes import extract_quotes
    from parallax.model import Document

    doc = Document(id="q", key="q", text=text, published="2024-03-14", language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    events = extract_events(sdoc, doc, actors, extract_quotes(sdoc, doc, actors))

    def country(aid):
        return actors.actor(aid).country if actors.actor(aid) else None

    return {(country(e.source), country(e.target), e.type) for e in events}


def test_a_refusal_or_threat_a_government_quotes_is_aimed_at_it(nlp):
    g = _quoted_events(nlp, '"Peru refuses to negotiate," the Chilean foreign minister said.')
    assert ("PER", "CHL", "REJECT") in g
    g = _quoted_events(nlp, '"Peru refuses to negotiate," analyst John Smith said.')
    assert not any(ty == "REJECT" for *_, ty in g), "an analyst speaks for no side"
