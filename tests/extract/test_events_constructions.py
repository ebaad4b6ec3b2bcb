"""Constructions of real news the extractor reads: compounds with abbreviations, mutual acts named with both
parties, bodies placed in a state, compliance with demands, hostage-taking, halted hostilities."""

import pytest

from tests.extract.events_helpers import got, run


def test_an_abbreviation_joined_by_a_hyphen_names_two_parties(nlp):
    assert [t.text for t in nlp("the U.S.-Iran talks")] == ["the", "U.S.", "-", "Iran", "talks"]
    assert [t.text for t in nlp("U.S.-made jets")] == ["U.S.", "-", "made", "jets"]
    assert ("USA", "IRN", "CONSULT", "asserted") in got(nlp, "The meeting follows U.S.-Iran talks in Muscat.")


def test_a_mutual_act_naming_both_parties_is_an_event_under_another_verb(nlp):
    g = got(nlp, "Officials praised the cooperation between Russia and Iran.")
    assert ("RUS", "IRN", "COOPERATE", "asserted") in g
    # relations are an event only under a light verb, with or without their parties
    assert not any(ty == "COOPERATE" for *_, ty, _m in got(nlp, "Critics warned of damage to Sino-US relations."))


def test_zero_tariffs_are_no_sanction(nlp):
    g = got(nlp, "The Kenya-Uganda trade has had zero-for-zero tariffs since 1997.")
    assert not any(ty == "SANCTION" for *_, ty, _m in g)
    assert ("KEN", "UGA", "SANCTION", "asserted") in got(nlp, "Kenya imposed 10% tariffs on Ugandan sugar.")


def test_a_body_placed_in_a_state_is_that_states(nlp):
    assert ("GIN", "LBR", "ASSAULT", "asserted") in got(nlp, "Security forces in Guinea tortured Liberian refugees.")
    assert ("TCD", "NGA", "ASSAULT", "asserted") in got(nlp, "Troops from Chad attacked a Nigerian convoy.")


def test_security_forces_listed_with_others_are_a_state_body(nlp):
    text = ("Pakistan's army said on Monday it was on alert. Pakistan closed the border crossing. Pakistan's "
            "interior minister visited Quetta. The Baloch Liberation Army has stepped up attacks on security "
            "forces, traders and workers from Punjab.")
    rows, actors = run(nlp, text)
    hit = [e for *_, ty, _m, e in rows if ty == "ASSAULT"]
    assert [(actors.actor(e.target).name, actors.actor(e.target).country) for e in hit] == [("security forces", "PAK")]


def test_complying_with_a_demand_concedes_to_its_maker_and_refusing_rejects_it(nlp):
    assert ("IRN", "USA", "CONCEDE", "asserted") in got(nlp, "Iran complied with the American demand.")
    g = got(nlp, "Hamas refused to respond to a demand from the United States to stop the attacks.")
    assert ("PSE", "USA", "REJECT", "asserted") in g and ("USA", "PSE", "REQUEST", "asserted") in g
    assert not any(ty in {"ASSAULT", "RETREAT"} for *_, ty, _m in g)  # the demand's content is no act
    assert ("RUS", "UKR", "REJECT", "asserted") in got(nlp, "Russia will not heed Ukraine's call for a ceasefire.")
    assert not any(ty == "CONCEDE" for *_, ty, _m in got(
        nlp, "Turkey may turn to Russia to meet its defense requirements."))


def test_taking_hostages_is_coercion(nlp):
    assert ("AFG", "PAK", "COERCE", "asserted") in got(nlp, "The Taliban took 30 Pakistani soldiers hostage.")
    assert ("AFG", "USA", "COERCE", "asserted") in got(nlp, "The Taliban are holding two American journalists hostage.")


def test_ending_a_war_is_no_attack(nlp):
    g = got(nlp, "Brazil urged both sides to focus on ending the Peru-Ecuador war.")
    assert not any(ty == "ASSAULT" for *_, ty, _m in g)


def test_europe_acting_is_the_european_union(nlp):
    rows, actors = run(nlp, "Europe retaliated with tariffs on U.S.-made jeans.")
    assert [(actors.actor(e.source).name, t) for _s, t, _ty, _m, e in rows] == [("European Union", "USA")]


def test_a_place_named_in_a_building_is_no_party(nlp):
    rows, actors = run(nlp, "French farmers blocked the Europe Bridge spanning the Rhine for three hours.")
    assert "European Union" not in {a.name for a in actors.actors.values()}


def test_a_named_object_that_is_no_party_takes_no_side_from_context(nlp):
    text = ("Mexico imposed tariffs on Brazilian steel. Mexico's president also attacked the Folha de Sao "
            "Paulo newspaper.")
    assert not any(ty == "ASSAULT" for *_, ty, _m in got(nlp, text))


def test_a_state_named_in_a_stance_prefix_is_not_the_party(nlp):
    rows, actors = run(nlp, "Pro-Russian separatists attacked Ukrainian positions. Anti-Kenya militias raided a town.")
    assert not any(t in {"RUS", "KEN"} or s in {"RUS", "KEN"} for s, t, *_ in rows)


def test_a_measure_that_targets_a_state_is_a_sanction_and_a_missile_an_attack(nlp):
    assert ("USA", "TUR", "SANCTION", "asserted") in got(
        nlp, "A U.S. Senate committee passed legislation targeting Turkey.")
    assert ("RUS", "UKR", "ASSAULT", "asserted") in got(nlp, "Russian missiles targeted Ukrainian power plants.")


def test_security_sources_placing_the_attackers_abroad_accuse_that_state(nlp):
    text = ("Gunmen attacked a police post in Kenya's Mandera county on Monday. Kenya's interior minister visited "
            "Mandera. Kenyan security sources said those involved in Monday's attack are based in Somalia.")
    assert ("KEN", "SOM", "ACCUSE", "asserted") in got(nlp, text)
    assert not any(ty == "ACCUSE" for *_, ty, _m in got(
        nlp, "Kenya said the victims of Monday's attack were from Somalia."))


def test_a_journey_for_meetings_with_others_consults_the_host_and_those_met(nlp):
    rows, actors = run(
        nlp, "Kenya's foreign minister will travel to Canada on Wednesday for meetings with G7 ministers.")
    met = {(s, actors.actor(e.target).name) for s, _t, ty, _m, e in rows if ty == "CONSULT"}
    assert met == {("KEN", "Canada"), ("KEN", "Group of Seven")}


def test_the_group_is_the_one_bloc_just_named(nlp):
    text = ("The G7 met in Quebec on Friday. In a joint statement, the group said it remains concerned with "
            "China's arsenal.")
    rows, actors = run(nlp, text)
    assert [(actors.actor(e.source).name, t, ty) for _s, t, ty, _m, e in rows] == [("Group of Seven", "CHN", "ACCUSE")]
    two = "NATO and the G7 met in Rome. The group accused Iran of arming the rebels."
    assert not any(ty == "ACCUSE" for *_, ty, _m in got(nlp, two))


def test_security_personnel_are_a_state_body(nlp):
    text = ("Pakistan's army is on alert. Pakistan said it would not negotiate. Pakistan closed the border. "
            "The Taliban threatened to execute security personnel.")
    rows, actors = run(nlp, text)
    hit = [e for *_, ty, _m, e in rows if ty == "THREATEN"]
    assert [(actors.actor(e.target).name, actors.actor(e.target).country) for e in hit] \
        == [("security personnel", "PAK")]


def test_seeking_help_from_a_party_asks_it(nlp):
    assert got(nlp, "Syria is seeking military assistance from Iran.") == {("SYR", "IRN", "REQUEST", "asserted")}


def test_a_call_for_something_is_a_demand_not_a_phone_call(nlp):
    text = "The talks failed. Washington's call for full disarmament did not mesh with Tehran's position."
    assert ("USA", "IRN", "REQUEST", "asserted") in got(nlp, text)
    assert not any(ty == "REQUEST" for *_, ty, _m in got(
        nlp, "Macron held a phone call with Scholz's Polish counterpart."))


def test_an_act_withheld_unless_the_other_side_complies_is_a_threat_and_a_demand(nlp):
    g = got(
        nlp, "Nigeria said it will withdraw its peacekeepers from Chad unless the Chadian government holds elections.")
    assert {("NGA", "TCD", "THREATEN", "asserted"), ("NGA", "TCD", "REQUEST", "asserted")} <= g
    assert ("KEN", "SOM", "AID", "future") in got(nlp, "Kenya said it will send aid to Somalia if the rains fail.")


def test_demolishing_homes_is_coercion_and_beating_up_an_assault(nlp):
    assert ("ISR", "PSE", "COERCE", "asserted") in got(nlp, "Israeli bulldozers demolished Palestinian homes.")
    assert ("ISR", "PSE", "ASSAULT", "asserted") in got(nlp, "Israeli soldiers beat up Palestinian detainees.")
    assert got(nlp, "Brazil beat Argentina 2-1 on Sunday.") == set()


def test_witnesses_of_a_nationality_accuse_no_one(nlp):
    text = "Israeli bulldozers demolished Palestinian homes on Sunday, Palestinian officials and US witnesses said."
    assert not any(s == "USA" for s, *_ in got(nlp, text))


def test_what_a_demand_asks_of_whom(nlp):
    assert ("KEN", "UGA", "REQUEST", "asserted") in got(nlp, "Kenya demanded Uganda's withdrawal from the border.")
    assert ("POL", "RUS", "REQUEST", "asserted") in got(
        nlp, "Poland demanded an admission by Moscow that Soviet troops had killed the officers.")
    assert ("CAN", "USA", "REQUEST", "asserted") in got(
        nlp, "Canada requested World Trade Organization dispute consultations with the U.S.")


def test_calling_for_sanctions_is_hostile_words_not_a_sanction(nlp):
    assert got(nlp, "South Africa called for sanctions against Nigeria.") == {("ZAF", "NGA", "ACCUSE", "asserted")}


def test_common_news_verbs_of_force_and_contact(nlp):
    assert ("IND", "PAK", "ASSAULT", "asserted") in got(nlp, "India and Pakistan exchanged fire along the border.")
    assert ("ISR", "SYR", "ASSAULT", "asserted") in got(nlp, "Israel struck targets in Syria.")
    assert ("CHN", "JPN", "MOBILIZE", "asserted") in got(nlp, "Chinese warships entered Japanese waters.")
    assert ("JPN", "CHN", "CONSULT", "asserted") in got(nlp, "Japan reached out to China on Monday.")


def test_a_vow_of_force_threatens_and_a_vow_of_help_pledges(nlp):
    assert ("TUR", "GRC", "THREATEN", "asserted") in got(nlp, "Turkey vowed to retaliate against Greece.")
    assert ("DEU", "UKR", "AGREE", "asserted") in got(nlp, "Germany vowed to support Ukraine.")


def test_more_common_news_constructions(nlp):
    assert ("PRK", "JPN", "ASSAULT", "asserted") in got(nlp, "North Korea fired missiles toward Japan.")
    assert ("GRC", "TUR", "ACCUSE", "asserted") in got(nlp, "Greece protested Turkey's drilling near Crete.")
    g = got(nlp, "Ethiopia denied that its troops had entered Sudan.")
    assert ("ETH", "SDN", "MOBILIZE", "denied") in g


def test_a_name_and_a_verb_misparsed_as_a_clause_on_the_name_keep_their_subject(nlp):
    text = ("Kenya's foreign minister Amina Odhiambo spoke on Monday. Odhiambo called Uganda’s comments "
            "“egregious and insulting.”")
    assert ("KEN", "UGA", "ACCUSE", "asserted") in got(nlp, text)


def test_lobbying_a_party_to_act_asks_it_and_the_act_asked_is_no_event(nlp):
    rows, actors = run(nlp, "China lobbied the EU to abandon the tariffs.")
    assert [(s, actors.actor(e.target).name, ty) for s, _t, ty, _m, e in rows] == [("CHN", "European Union", "REQUEST")]


def test_abandoning_tariffs_eases_them(nlp):
    rows, actors = run(nlp, "The EU abandoned its tariffs on Chinese cars.")
    assert [(actors.actor(e.source).name, t, ty) for _s, t, ty, _m, e in rows] == [("European Union", "CHN", "CONCEDE")]


def test_the_two_sides_may_be_a_bloc_and_a_state(nlp):
    rows, actors = run(nlp, "The EU and China met in Brussels, and more consultation between the two sides is planned.")
    pairs = {frozenset({actors.actor(e.source).name, actors.actor(e.target).name}) for *_, ty, _m, e in rows
             if ty == "CONSULT"}
    assert frozenset({"European Union", "China"}) in pairs


def test_what_is_sent_figuratively_or_proposed_for_others_is_no_event(nlp):
    assert not any(ty == "AID" for *_, ty, _m in got(
        nlp, "Kenya's trade war with Uganda has sent jitters through markets."))
    g = got(nlp, "Spain said it would urge the European Commission to reconsider raising tariffs on China's cars.")
    assert not any(ty == "SANCTION" for *_, ty, _m in g)
    g = got(
        nlp, "Washington rejected a Chinese and Russian proposal for the Security Council to lift sanctions on Iran.")
    assert not any(ty in {"CONCEDE", "AGREE"} or {s, t} == {"CHN", "RUS"} for s, t, ty, _m in g)


def test_a_pair_of_acts_with_one_partner_share_it(nlp):
    text = ("Japan said it would cease military aid and intelligence sharing with Peru, following the clash "
            "between Japanese President Ken Sato and Peruvian President Ana Ruiz.")
    assert ("JPN", "PER", "SANCTION", "future") in got(nlp, text)


def test_a_ceasefire_between_two_sides_is_their_agreement_in_the_mode_of_its_verb(nlp):
    g = got(nlp, "Officials hope a ceasefire between Armenia and Azerbaijan could take place within days.")
    assert ("ARM", "AZE", "AGREE", "hypothetical") in g
    assert got(nlp, "The ceasefire held overnight.") == set()


def test_forces_dispatched_without_a_sender_are_their_states_deployment(nlp):
    text = "The Taliban attacked a Pakistani border post. Pakistani troops had been dispatched to the area."
    assert ("PAK", "AFG", "MOBILIZE", "asserted") in got(nlp, text)


def test_coming_under_fire_makes_the_subject_the_one_attacked(nlp):
    assert got(nlp, "Pakistani troops came under fire from Afghan forces.") == {("AFG", "PAK", "ASSAULT", "asserted")}


def test_readying_force_is_mobilising_it(nlp):
    assert ("KEN", "SOM", "MOBILIZE", "asserted") in got(nlp, "Kenya has strengthened its forces in Somalia.")
    g = got(nlp, "The Ethiopian army prepared to resume shelling Eritrean positions.")
    assert ("ETH", "ERI", "MOBILIZE", "asserted") in g and not any(ty == "ASSAULT" for *_, ty, _m in g)


def test_an_object_moved_past_its_label_is_still_the_object(nlp):
    g = got(nlp, "Albania denounced as an ugly crime Serbia's crackdown on the protesters.")
    assert ("ALB", "SRB", "ACCUSE", "asserted") in g


def test_a_warning_of_consequences_threatens_and_a_warning_that_something_is_illegal_accuses(nlp):
    assert ("GRC", "TUR", "THREATEN", "asserted") in got(nlp, "Greece warned Turkey of severe consequences.")
    g = got(nlp, "Japan warned that the growing military cooperation between China and Russia is dangerous.")
    assert ("JPN", "CHN", "ACCUSE", "asserted") in g
    assert ("IRN", "ISR", "THREATEN", "asserted") in got(nlp, "Iran warned that it will retaliate against Israel.")


def test_coming_or_returning_somewhere_for_a_meeting_is_a_visit(nlp):
    assert ("KEN", "CHN", "CONSULT", "future") in got(nlp, "Kenya's president will return to Beijing for talks next month.")
    assert got(nlp, "Kenya's president came to power in 2022.") == set()


def test_a_military_vehicle_is_the_states_and_claiming_an_attack_is_doing_it(nlp):
    text = ("Pakistan's army said on Monday it was on alert. Pakistan closed the border crossing. Pakistan's interior "
            "minister visited Quetta. The Baloch Liberation Army took credit for attacking a military vehicle "
            "securing a convoy for a Chinese firm.")
    rows, actors = run(nlp, text)
    hit = [(actors.actor(e.source).name, actors.actor(e.target).name, actors.actor(e.target).country)
           for *_, ty, _m, e in rows if ty == "ASSAULT"]
    assert hit == [("Baloch Liberation Army", "a military vehicle", "PAK")]
    assert ("AFG", "PAK", "ASSAULT", "asserted") in got(
        nlp, "The Taliban claimed responsibility for attacking Pakistani soldiers.")


def test_an_attack_on_a_vehicle_carrying_a_force_is_an_attack_on_that_force(nlp):
    text = ("Pakistan's army said on Monday it was on alert. Pakistan closed the border crossing. Pakistan's interior "
            "minister visited Quetta. The Baloch Liberation Army ambushed a bus transporting a paramilitary force.")
    rows, actors = run(nlp, text)
    hit = [(actors.actor(e.target).name, actors.actor(e.target).country) for *_, ty, _m, e in rows if ty == "ASSAULT"]
    assert hit == [("a paramilitary force", "PAK")]


def test_a_possessor_of_a_decision_or_failure_to_act_is_the_actor(nlp):
    assert ("PER", "BOL", "RETREAT", "asserted") in got(
        nlp, "Peru's decision to withdraw its troops from Bolivia surprised Chile.")
    assert ("KEN", "UGA", "AID", "negated") in got(nlp, "Kampala is frustrated with Kenya's failure to sell maize to Uganda.")


def test_integrating_forces_with_an_alliance_is_cooperation(nlp):
    rows, actors = run(nlp, "Finland will integrate its air defenses with NATO.")
    assert [(s, actors.actor(e.target).name, ty, m) for s, _t, ty, m, e in rows] == \
        [("FIN", "North Atlantic Treaty Organization", "COOPERATE", "future")]


def test_accusing_of_crimes_is_words_and_a_test_firing_a_show_of_force(nlp):
    assert got(nlp, "Ukraine accused Russia of war crimes.") == {("UKR", "RUS", "ACCUSE", "asserted")}
    assert ("PRK", "JPN", "MOBILIZE", "asserted") in got(nlp, "North Korea test-fired a missile over Japan.")
    assert not any(ty == "ASSAULT" for *_, ty, _m in got(nlp, "Iran test-fired a missile capable of reaching Israel."))


def test_closing_a_border_on_a_neighbour_and_ordering_its_troops_out(nlp):
    assert ("POL", "BLR", "SANCTION", "asserted") in got(nlp, "Poland closed its border with Belarus.")
    assert ("NER", "FRA", "REQUEST", "asserted") in got(nlp, "Niger's junta ordered French troops to leave.")
    assert got(nlp, "Russia ordered its troops to withdraw from Kherson.") == set()


def test_a_bare_refusal_answers_the_clause_it_is_joined_to(nlp):
    assert ("PER", "CHL", "REJECT", "asserted") in got(nlp, "Chile proposed a new price, but Peru refused.")
    # the Chilean side is Chile; a refusal of something named answers that, not the other clause
    text = "The Chilean side proposed a new price, but the Peruvian side refused."
    assert ("PER", "CHL", "REJECT", "asserted") in got(nlp, text)
    assert not any(ty == "REJECT" for *_, ty, _m in got(nlp, "Chile sent a letter, and Peru refused to talk."))


def test_removing_a_measure_is_a_concession_not_a_removal(nlp):
    g = got(nlp, "Chile removed the duties on Peruvian wine.")
    assert ("CHL", "PER", "CONCEDE", "asserted") in g
    assert not any(ty == "COERCE" for *_, ty, _m in g)


def test_a_strike_near_a_named_town_hits_its_country(nlp):
    text = ("Colombia has fought the National Liberation Army for decades. Fighters of the National Liberation Army "
            "attacked an oil pipeline near Cucuta on Monday.")
    rows, actors = run(nlp, text)
    hits = [(actors.actor(e.source).name, t) for _s, t, ty, _m, e in rows
            if ty == "ASSAULT" and "attack" in e.predicate]
    assert hits == [("National Liberation Army", "COL")]
    # a doer of no known side does not make the place its victim
    g = got(nlp, "The army killed militants near Kirkuk.")
    assert not any(ty == "ASSAULT" and t == "IRQ" for _s, t, ty, _m in g)


def test_a_participle_clause_shares_the_main_clauses_victim(nlp):
    text = ("Colombia has fought the National Liberation Army for decades. Fighters of the National Liberation Army "
            "attacked a bus near Cucuta on Monday, taking dozens of passengers hostage.")
    rows, _ = run(nlp, text)
    assert {(t, ty) for _s, t, ty, _m, e in rows if e.predicate in {"attack", "take"}} == {("COL", "ASSAULT"),
                                                                                          ("COL", "COERCE")}
    # a captive word inside a possessor or a compound takes no one captive
    assert not got(nlp, "Peru holds the key to the hostage crisis with Chile.")


def test_a_hanging_hyphen_lists_the_makers_of_the_goods(nlp):
    assert [t.text for t in nlp("Peruvian- and Bolivian-made cars")][:3] == ["Peruvian", "-", "and"]
    g = got(nlp, "Chile then exempted the duties on Peruvian- and Bolivian-made cars.")
    assert {("CHL", "PER", "CONCEDE", "asserted"), ("CHL", "BOL", "CONCEDE", "asserted")} <= g


def test_a_done_act_stays_done_beside_a_later_date(nlp):
    text = "Chile imposed tariffs on Peruvian wine, then delayed the tariffs on cars until April 2."
    rows, _ = run(nlp, text, published="2025-03-09")
    assert ("CHL", "PER", "SANCTION", "asserted") in {(s, t, ty, m) for s, t, ty, m, _e in rows}


@pytest.mark.parametrize("text,event", [
    # crediting a party praises it
    ("The United States credited Britain for its role in the talks.", ("USA", "GBR", "SUPPORT", "asserted")),
    # retaliating with a measure is that measure, on the goods named
    ("Japan retaliated with its own tariffs on Korean steel.", ("JPN", "KOR", "SANCTION", "asserted")),
    # labels after the object accuse
    ("The White House called Canada's comments egregious and insulting.", ("USA", "CAN", "ACCUSE", "asserted")),
    # exempting goods from a measure eases it
    ("Brazil exempted Argentine cars from the tariffs.", ("BRA", "ARG", "CONCEDE", "asserted")),
    # blocking a sale is a sanction on the buyer
    ("Washington blocked the Turkish sale.", ("USA", "TUR", "SANCTION", "asserted")),
    # fighters linked with a group are that group"s
    ("Fighters loyal to the Taliban attacked Pakistani troops.", ("AFG", "PAK", "ASSAULT", "asserted")),
    # claiming an attack is making it
    ("The Taliban claimed the attack on Pakistani soldiers.", ("AFG", "PAK", "ASSAULT", "asserted")),
    # an imposition is its owner"s act
    ("Markets fell after Ottawa's imposition of tariffs on Chinese cars.", ("CAN", "CHN", "SANCTION", "asserted")),
    # resuming cut cooperation eases the cut
    ("The United States said it would resume military cooperation with Ukraine.",
     ("USA", "UKR", "CONCEDE", "future")),
    # pressuring a party to act asks it
    ("The United States is pressuring Canada to curb migration.", ("USA", "CAN", "REQUEST", "asserted")),
])
def test_one_sentence_constructions(nlp, text, event):
    assert event in got(nlp, text)


@pytest.mark.parametrize("text,events", [
    # verbs sharing one measure each make an event
    ("Brazil imposed and then suspended tariffs on Argentine steel.",
     {("BRA", "ARG", "CONCEDE", "asserted"), ("BRA", "ARG", "SANCTION", "asserted")}),
    # claims made by a party are its own
    ("Both Chile and Peru reject the claims made by Bolivia.",
     {("CHL", "BOL", "REJECT", "asserted"), ("PER", "BOL", "REJECT", "asserted")}),
    # exempting goods from a measure eases it for their country
    ("Chile exempted Peruvian and Bolivian cars from the new tariffs.",
     {("CHL", "BOL", "CONCEDE", "asserted"), ("CHL", "PER", "CONCEDE", "asserted")}),
    # a measure on one and on another targets both
    ("Peru imposed tariffs on Chilean wine and on Argentine beef.",
     {("PER", "ARG", "SANCTION", "asserted"), ("PER", "CHL", "SANCTION", "asserted")}),
])
def test_sentences_with_several_events(nlp, text, events):
    assert events <= got(nlp, text)
