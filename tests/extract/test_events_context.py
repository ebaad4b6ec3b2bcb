"""Sides an event takes from its context: earlier clauses of the sentence, earlier sentences, pronouns and
descriptions that stand for a party named before, casualty reports."""

from tests.extract.events_helpers import run


def dyads(nlp, text, **kw):
    return {(s, t, ty) for s, t, ty, _m, _ in run(nlp, text, **kw)[0]}


def test_a_reply_in_the_same_sentence_answers_the_earlier_clause(nlp):
    text = "Estonia accused Russia of jamming GPS signals, a charge Moscow rejected."
    assert ("RUS", "EST", "REJECT") in dyads(nlp, text)


def named(nlp, text):
    rows, actors = run(nlp, text)
    name = lambda aid: actors.actor(aid).country or actors.actor(aid).name  # noqa: E731
    return {(name(e.source), name(e.target), ty) for _s, _t, ty, _m, e in rows}


def test_they_is_the_bloc_the_previous_sentence_was_about(nlp):
    text = "The Arab League met in Cairo on Friday. They called on Israel to halt the settlements."
    assert ("Arab League", "ISR", "REQUEST") in named(nlp, text)


def test_the_group_is_the_group_named_before(nlp):
    text = "The Karen National Union claimed the ambush. The rebel group accused Myanmar of bombing villages."
    assert ("Karen National Union", "MMR", "ACCUSE") in named(nlp, text)


def test_an_object_pronoun_is_the_other_party_named_before_it(nlp):
    text = "Venezuela expelled the Guyanese ambassador on Monday and accused it of provoking a border crisis."
    assert ("VEN", "GUY", "ACCUSE") in dyads(nlp, text)


def test_moscows_ally_is_not_moscow(nlp):
    text = "Belarus hosted Russian troops on Monday. Poland warned Moscow's ally against provocations."
    g = dyads(nlp, text)
    assert ("POL", "BLR", "THREATEN") in g and ("POL", "RUS", "THREATEN") not in g


def test_the_group_stands_for_no_country(nlp):
    text = "Chile signed a trade deal with Peru. The group of experts criticised Bolivia."
    assert not any(s == "CHL" and ty == "ACCUSE" for s, _t, ty in dyads(nlp, text))


def test_between_the_two_sides_is_the_pair_just_named(nlp):
    text = ("Chile and Peru signed a fisheries deal. "
            "The vote was delayed to allow more consultation between the two sides.")
    assert ("CHL", "PER", "CONSULT") in dyads(nlp, text)


def test_an_event_noun_takes_its_other_side_from_the_one_other_party_of_its_sentence(nlp):
    assert ("RUS", "UKR", "ASSAULT") in dyads(nlp, "Russia's aggression has devastated Ukraine, the minister said.")
    text = "Several sanctions bills against Turkey are pending in the U.S. Congress."
    assert ("USA", "TUR", "SANCTION") in dyads(nlp, text)


def test_no_other_side_from_a_partys_role_as_recipient_or_speaker(nlp):
    text = "The ministers discussed imposing further costs on Russia, as well as additional support for Ukraine."
    assert ("RUS", "UKR", "SUPPORT") not in dyads(nlp, text)
    text = "Germany expected several European Union members to abstain from voting on the tariffs."
    assert not any(t == "DEU" for _s, t, _ty in dyads(nlp, text))


def test_a_casualty_report_takes_the_other_side_of_the_hostility_just_reported(nlp):
    text = ("China warned India against building roads in the Galwan valley. "
            "Twenty Indian soldiers were killed on Monday.")
    rows = run(nlp, text)[0]
    assert [(s, t, ty) for s, t, ty, _m, e in rows if e.start > 60] == [("CHN", "IND", "ASSAULT")]


def test_a_weapon_is_no_doer_and_the_place_of_the_attack_is(nlp):
    text = "Three US servicemen were killed by an improvised explosive device outside of the Iraqi city of Basra."
    assert ("IRQ", "USA", "ASSAULT") in dyads(nlp, text)


def test_an_attack_on_people_of_no_named_side_is_on_the_place_not_on_a_bystander(nlp):
    g = dyads(nlp, "Sudanese troops attacked a convoy operated by a Chinese company in Chad.")
    assert ("SDN", "TCD", "ASSAULT") in g and ("SDN", "CHN", "ASSAULT") not in g


def test_an_unnamed_force_of_no_country_takes_no_place_as_its_victim(nlp):
    # "the army" is now an actor of its own; with no country it is likely the place's own force: no event
    g = dyads(nlp, "The army shelled villages in Chad on Tuesday. Sudan and Libya called for calm.")
    assert not any(ty == "ASSAULT" for _s, _t, ty in g)
    assert ("SDN", "TCD", "ASSAULT") in dyads(nlp, "Sudanese troops shelled villages in Chad on Tuesday.")


def test_a_casualty_report_on_a_body_of_unknown_allegiance_takes_no_doer_from_the_sentence_before(nlp):
    text = ("Chilean Defence Minister Ana Ruiz said on Monday that 18 soldiers had died. "
            "Five members of the Andes Border Corps were also killed in the attack.")
    assert not any(ty == "ASSAULT" for _s, _t, ty in dyads(nlp, text))


def test_an_agentless_delivery_comes_from_the_supplier_just_reported(nlp):
    text = "Turkey signed a deal with Russia for S-400 systems. The first batteries were delivered to Turkey in July."
    assert ("RUS", "TUR", "AID") in dyads(nlp, text)


def test_militants_are_the_one_armed_group_named_around_them(nlp):
    text = "Militants attacked an army post in Myanmar on Sunday. The Karen National Union claimed responsibility."
    assert ("Karen National Union", "MMR", "ASSAULT") in named(nlp, text)
    text = "Fighters of the Islamic State attacked a checkpoint in Niger on Sunday."
    assert ("Islamic State", "NER", "ASSAULT") in named(nlp, text)


def test_it_is_the_armed_group_named_before_though_the_dictionary_gives_it_a_home(nlp):
    # an armed group has its home country but is a party of its own, not "officials" of that state
    text = "Hezbollah fired rockets at Israel on Monday. It also threatened Cyprus."
    rows, actors = run(nlp, text)
    assert ("Hezbollah", "CYP", "THREATEN") in {(actors.actor(e.source).name, t, ty) for _s, t, ty, _m, e in rows}


def test_an_armed_groups_counterpart_is_the_state_it_shares_a_country_with(nlp):
    text = "Peace talks stalled in Colombia, where FARC rebels are active. The FARC rejected the proposal on Monday."
    rows, actors = run(nlp, text, published="2012-06-01")
    assert ("FARC", "COL", "REJECT") in {(actors.actor(e.source).name, t, ty) for _s, t, ty, _m, e in rows}


def test_militants_are_no_press_office_when_the_document_names_armed_groups(nlp):
    filler = "The weather in the region was mild and dry for most of the week, farmers said. " * 9
    text = ("Hezbollah and Hamas held talks in Beirut on Monday. " + filler +
            "The Joint Information Office said terrorists attacked a police station in Ecuador.")
    rows, actors = run(nlp, text, published="2012-06-01")
    office = actors.actor_at(text.index("Joint"), text.index(" said"))
    assert office is not None and not any(e.source == office for *_, e in rows)


def test_militants_placed_in_a_country_are_not_the_one_armed_group_named_before(nlp):
    text = ("FARC rebels operate in the south of Colombia. "
            "Bogota blamed recent attacks on militants present on Venezuelan soil.")
    _rows, actors = run(nlp, text, published="2012-06-01")
    at = text.index("militants")
    assert actors.actor_at(at, at + len("militants")) is None


def test_a_states_counterpart_named_before_is_the_other_state_sooner_than_the_group_it_fights(nlp):
    text = ("A Colombian army spokesperson said FARC rebels were in touch with planners in Venezuela. "
            "Bogota has blamed several recent attacks on foreign soil.")
    assert ("COL", "VEN", "ACCUSE") in dyads(nlp, text, published="2012-06-01")
    # the only other party named: the group is the counterpart
    text = ("FARC rebels issued new demands on Sunday. "
            "Colombian Defence Minister Ana Ruiz condemned the attack on Monday.")
    rows, actors = run(nlp, text, published="2012-06-01")
    assert ("Ana Ruiz", "FARC", "ACCUSE") in {(actors.actor(e.source).name, actors.actor(e.target).name, e.type)
                                             for *_, e in rows}


def test_militants_stay_unnamed_when_two_groups_are_named(nlp):
    text = ("Militants attacked an army post in Myanmar on Sunday. "
            "The Karen National Union and the Arakan Army both denied responsibility.")
    assert not any(ty == "ASSAULT" for _s, _t, ty in named(nlp, text))


def test_a_destination_is_not_the_victim_and_a_conditional_clause_borrows_nothing(nlp):
    text = "Sweden will not deport the activists to Turkey, the court ruled."
    assert not any(t == "TUR" for _s, t, _ty in dyads(nlp, text))
    g = dyads(nlp, "Ankara is threatening retaliation against Washington if hit by sanctions.")
    assert not any(ty == "ASSAULT" for _s, _t, ty in g)


def test_only_a_curated_event_noun_takes_its_other_side_from_the_sentence(nlp):
    # a frame the CAMEO dictionary derives must state both its sides ("retaliation"); a curated one may borrow
    assert dyads(nlp, "Retaliation against Armenia was debated in the Turkish parliament on Monday.") == set()
    assert ("TUR", "ARM", "SANCTION") in dyads(nlp, "An embargo against Armenia was debated in the Turkish parliament.")


def test_a_reported_speaker_may_be_the_doer_of_the_event_noun_they_announce(nlp):
    from parallax.extract.actors import extract_actors
    from parallax.extract.events import extract_events
    from parallax.model import Document, Quote

    text = "Seoul has hinted that it could retaliate with tariffs on Japanese cars."
    doc = Document(id="t", key="t", text=text, published="2024-03-14", language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    speaker = next(m.actor for m in actors.mentions if m.text == "Seoul")
    start = text.index("it could")
    q = Quote(id="t:q0", doc="t", speaker=speaker, speaker_text="Seoul", anonymous=False, kind="indirect",
              start=start, end=len(text) - 1, text=text[start:-1])
    events = extract_events(sdoc, doc, actors, [q])
    # the doer is the speaker; hinting that it could retaliate is a threat of sanctions (CAMEO 1312)
    assert ("KOR", "JPN", "THREATEN") in {(actors.actor(e.source).country, actors.actor(e.target).country, e.type)
                                         for e in events}


def test_a_body_of_unknown_allegiance_listed_with_a_states_army_is_no_counterpart(nlp):
    text = ("Chile launched an operation in the north of Chile on Monday, Chilean officials said. The military "
            "spokesperson said the army, air force, and commandos of the Andes Strike Group took part in it.")
    assert dyads(nlp, text) == set()
    assert ("CHL", "PER", "AGREE") in dyads(nlp, "Chile and Peru took part in the operation on Monday.")


def test_a_denial_rejects_the_latest_accuser_of_the_denier(nlp):
    text = "Senegal accused Mali of arming the rebels. Mali rejected the allegations on Friday."
    assert ("MLI", "SEN", "REJECT") in dyads(nlp, text)
    text = "Kenyan officials say Somali forces helped the militants. Somalia routinely denies providing sanctuary."
    assert ("SOM", "KEN", "REJECT") in dyads(nlp, text)


def test_a_denial_without_an_accuser_stays_uncoded(nlp):
    text = "Peru's envoy dismissed accusations it is getting weapons abroad."
    assert not {ty for _s, _t, ty in dyads(nlp, text)} & {"REJECT"}


def test_denying_an_act_rejects_the_one_it_was_aimed_at(nlp):
    assert ("RUS", "UKR", "REJECT") in dyads(nlp, "Russia denied attacking Ukrainian ships.")


def test_a_rejected_offer_or_request_rejects_the_one_who_made_it(nlp):
    assert ("PAK", "AFG", "REJECT") in dyads(nlp, "Pakistan rejected a fresh offer from Afghanistan for direct talks.")
    text = "Cuba asked Spain to lift the visa rule. Madrid denied the request on Monday."
    assert ("ESP", "CUB", "REJECT") in dyads(nlp, text)


def test_co_subjects_are_not_each_others_counterpart(nlp):
    text = "The rebels accuse Egypt and Sudan of looting the region. Egypt and Sudan reject the claims."
    assert not {(s, t) for s, t, _ty in dyads(nlp, text)} & {("EGY", "SDN"), ("SDN", "EGY")}


def test_he_is_the_one_person_the_text_was_just_about(nlp):
    text = ("Chilean Foreign Minister Ana Reyes met Peruvian officials on Monday. This marks Reyes's second visit. "
            "He is scheduled to travel to Bolivia on Wednesday for talks.")
    assert ("CHL", "BOL", "CONSULT") in dyads(nlp, text)
    # two people named just before, neither as the subject: "he" stays unresolved
    text = ("Talks between Chile's Luis Soto and Peru's Jorge Diaz ended on Monday. "
            "He is scheduled to travel to Bolivia on Wednesday for talks.")
    assert not any(t == "BOL" for _s, t, _ty in dyads(nlp, text))
