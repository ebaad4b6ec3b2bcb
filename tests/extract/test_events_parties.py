"""Parties named but not plainly attached to the predicate: coordinated modifiers and lists, appositive lists,
nominal events' owners and complements, statement content."""

from tests.extract.events_helpers import got, run


def test_one_event_per_coordinated_nationality(nlp):
    g = got(nlp, "Washington imposed new duties on Brazilian and Argentine steel.")
    assert {("USA", "BRA", "SANCTION", "asserted"), ("USA", "ARG", "SANCTION", "asserted")} <= g


def test_an_appositive_list_of_targets_gives_one_event_each(nlp):
    g = got(nlp, "Brazil will impose tariffs on its main rivals, China, India, Japan and Korea.")
    assert {t for s, t, ty, _ in g if s == "BRA" and ty == "SANCTION"} == {"CHN", "IND", "JPN", "KOR"}


def test_coordinated_nationalities_of_a_subject_are_the_pair(nlp):
    rows = run(nlp, "Chilean and Peruvian ministers signed a fisheries accord on Monday.")[0]
    assert [(frozenset((s, t)), ty) for s, t, ty, _m, _e in rows] == [(frozenset({"CHL", "PER"}), "AGREE")]


def test_officials_in_a_list_of_countries_are_each_met(nlp):
    text = "The Turkish envoy met officials in charge of energy in Greece, Bulgaria, Romania and other Balkan states."
    g = got(nlp, text)
    assert {t for s, t, ty, _ in g if s == "TUR" and ty == "CONSULT"} == {"GRC", "BGR", "ROU"}


def test_a_threat_is_against_the_party_of_its_complement_or_condition(nlp):
    assert ("IRN", "ARM", "THREATEN", "asserted") in got(nlp, "Iran threatened to cut off gas supplies to Armenia.")
    text = "Russia has threatened to quit the talks if Norway goes ahead with the drills."
    assert ("RUS", "NOR", "THREATEN", "asserted") in got(nlp, text)


def test_a_statement_condemning_is_its_issuers_condemnation(nlp):
    g = got(nlp, "Venezuela issued a statement condemning the Guyanese military drills.")
    assert ("VEN", "GUY", "ACCUSE", "asserted") in g


def test_talks_with_a_party_are_held_by_the_speaker_or_their_leader(nlp):
    assert ("DEU", "CHN", "CONSULT") in {(s, t, ty) for s, t, ty, _ in got(
        nlp, "German Chancellor Olaf Scholz said talks with China must continue.")}
    assert ("NOR", "SDN", "CONSULT") in {(s, t, ty) for s, t, ty, _ in got(
        nlp, "Norway's foreign minister led five hours of talks with Sudanese officials.")}


def test_a_hyphenated_pair_is_source_and_target_of_a_one_way_event(nlp):
    assert ("ARM", "AZE", "ASSAULT") in {(s, t, ty) for s, t, ty, _ in got(
        nlp, "The Armenia-Azerbaijan war displaced thousands of families.")}


def test_a_possessor_owns_the_event_not_the_forum_named_in_it(nlp):
    rows, actors = run(nlp, "Russia then used its Security Council veto to block the resolution.")
    vetoes = [(actors.actor(e.source).country, actors.actor(e.target).name) for _s, _t, ty, _m, e in rows
              if ty == "REJECT"]
    assert vetoes == [("RUS", "UN Security Council")]


def test_duties_on_goods_bound_for_a_country_are_that_countrys(nlp):
    g = got(nlp, "The tariff hikes on Chinese steel imports to Brazil took effect on Monday.")
    assert ("BRA", "CHN", "SANCTION", "asserted") in g


def test_stating_that_another_side_backed_an_attack_accuses_it(nlp):
    assert ("PAK", "IND", "ACCUSE", "asserted") in got(nlp, "Pakistan says India backed the attack.")
    text = "Lithuanian Foreign Minister Gabrielius Landsbergis said Belarus had failed to stop the smugglers."
    assert ("LTU", "BLR", "ACCUSE", "asserted") in got(nlp, text)


def test_placing_an_attacks_authors_with_another_side_accuses_it(nlp):
    text = "Kenya's interior minister said the attack was orchestrated by militants with bases in Somalia."
    assert ("KEN", "SOM", "ACCUSE", "asserted") in got(nlp, text)
    # a place of one's own, or two other sides at once, accuses nobody
    for text in ("Kenya's interior minister said the attack took place in Nairobi.",
                 "Kenya's interior minister said the attackers used weapons from Somalia and Ethiopia."):
        assert not any(ty == "ACCUSE" for _s, _t, ty, _m in got(nlp, text))


def test_no_accusation_from_an_analyst_or_of_ones_own_side(nlp):
    g = got(nlp, "A Polish analyst said Russia attacked the fuel depot.")
    assert not any(ty == "ACCUSE" for _s, _t, ty, _m in g)
    g = got(nlp, "The Kremlin said Russian forces attacked Ukrainian positions.")
    assert not any(ty == "ACCUSE" for _s, _t, ty, _m in g)


def test_who_is_accused_of_an_act_does_it(nlp):
    g = got(nlp, "Amnesty International accused the United States of sending weapons to Israel.")
    assert ("USA", "ISR", "AID") in {(s, t, ty) for s, t, ty, _ in g}
    assert not any(t == "ISR" and s != "USA" for s, t, _ty, _m in g)


def test_playing_a_role_in_talks_takes_part_in_them(nlp):
    g = got(nlp, "Washington credited Norway and Qatar for playing a constructive role in talks with Sudan.")
    assert {("NOR", "SDN", "CONSULT"), ("QAT", "SDN", "CONSULT")} <= {(s, t, ty) for s, t, ty, _ in g}


def test_two_leaders_who_each_called_a_third_did_not_meet_each_other(nlp):
    text = ("Both Mexican President Claudia Sheinbaum and Canadian Prime Minister Mark Carney told Trump "
            "in phone conversations that they had made progress.")
    assert not any({s, t} == {"MEX", "CAN"} for s, t, _ty, _m in got(nlp, text))


def test_agreeing_to_a_proposal_is_agreeing_with_its_proposer(nlp):
    assert ("ARM", "RUS", "AGREE", "asserted") in got(nlp, "Armenia agreed to a Russian-proposed truce on Monday.")


def test_welcoming_news_that_a_party_acted_supports_that_party(nlp):
    text = "Lawmakers in Washington welcomed the announcement that Ukraine had agreed to the truce."
    assert ("USA", "UKR", "SUPPORT", "asserted") in got(nlp, text)


def test_a_statement_is_its_owners_and_a_vetoed_one_is_nobodys(nlp):
    g = got(nlp, "Hungary vetoed an EU statement criticising China.")
    assert not any(ty == "ACCUSE" for _s, _t, ty, _m in g)
    text = "The EU issued a statement on Monday. Hungary welcomed a Russian statement criticising Japan."
    rows, actors = run(nlp, text)
    accusations = {(actors.actor(e.source).country, actors.actor(e.target).country)
                   for _s, _t, ty, _m, e in rows if ty == "ACCUSE"}
    assert accusations == {("RUS", "JPN")}


def test_an_embargo_on_sales_to_a_country_hits_that_country_and_a_duty_is_the_importers(nlp):
    text = "After talks with India, Washington imposed an embargo on arms sales to Pakistan."
    assert ("USA", "PAK", "SANCTION", "asserted") in got(nlp, text)
    g = got(nlp, "The tariff hikes on Chinese steel imports to Brazil took effect on Monday.")
    assert ("BRA", "CHN", "SANCTION", "asserted") in g and not any(t == "BRA" for _s, t, _ty, _m in g)


def test_a_quoted_hostile_act_by_another_side_is_the_speakers_asserted_accusation(nlp):
    from parallax.extract.actors import extract_actors
    from parallax.extract.events import extract_events
    from parallax.model import Document, Quote

    text = '"We may yet support Georgia in the face of Russia\'s aggression," the Lithuanian foreign minister said.'
    doc = Document(id="t", key="t", text=text, published="2024-03-14", language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    speaker = next(m.actor for m in actors.mentions if "minister" in m.text)
    end = text.index(',"') + 2
    q = Quote(id="t:q0", doc="t", speaker=speaker, speaker_text="the Lithuanian foreign minister", anonymous=False,
              kind="direct", start=0, end=end, text=text[:end])
    events = extract_events(sdoc, doc, actors, [q])
    accusations = [(actors.actor(e.source).country, actors.actor(e.target).country, e.mode) for e in events
                   if e.type == "ACCUSE"]
    assert accusations == [("LTU", "RUS", "asserted")]


def test_a_claim_restated_as_a_noun_accuses_and_the_charge_is_rejected_by_its_denier(nlp):
    text = ("Kenya's interior minister repeated the claim that the attack was orchestrated by militants with bases "
            "in Somalia, a charge Somalia's foreign ministry rejected Thursday.")
    g = got(nlp, text)
    assert ("KEN", "SOM", "ACCUSE", "asserted") in g
    assert ("SOM", "KEN", "REJECT", "asserted") in g
