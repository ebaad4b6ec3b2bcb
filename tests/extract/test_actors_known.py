"""Actors from the field's dictionaries, on invented sentences: armed groups and IGOs as parties of their own,
officials' countries from dictionaries, offices and the rest of the document."""

from events_helpers import run

from parallax.extract.actors import extract_actors
from parallax.model import Document


def _actors(nlp, text, published="2012-06-01"):
    doc = Document(id="t", key="t", text=text, published=published, language="en")
    return extract_actors(nlp(text), doc)


def _at(found, text, surface):
    start = text.index(surface)
    return found.actor(found.actor_at(start, start + len(surface)))


def test_known_person_gets_country_and_role_of_the_date(nlp):
    text = "Sergey Lavrov arrived in Geneva on Monday. Lavrov said the talks would go on."
    now = _actors(nlp, text, "2012-06-01")
    lavrov = _at(now, text, "Sergey Lavrov")
    assert lavrov.country == "RUS" and lavrov.agent == "GOV"


def test_role_outside_its_dates_gives_no_office(nlp):
    # a former head of government: still of his country, but no longer its government in 2012
    text = "Ehud Olmert spoke to reporters in Paris on Monday."
    a = _at(_actors(nlp, text, "2012-06-01"), text, "Ehud Olmert")
    assert a.country == "ISR" and a.agent != "GOV"


def test_armed_group_is_a_party_against_its_own_state(nlp):
    text = "FARC rebels attacked a Colombian army post on Monday. Colombia accused the FARC of breaking the truce."
    events, found = run(nlp, text, published="2012-06-01")
    farc = _at(found, text, "FARC rebels")
    assert farc.kind == "group" and farc.agent == "REB" and farc.country == "COL"
    pairs = {(found.actor(e.source).name, found.actor(e.target).name, e.type) for *_, e in events}
    assert ("Colombia", farc.name, "ACCUSE") in pairs


def test_two_non_state_sides_make_no_event(nlp):
    text = "Hezbollah accused Hamas of betraying the cause on Monday."
    events, found = run(nlp, text, published="2012-06-01")
    assert _at(found, text, "Hezbollah").agent == "REB"
    assert events == []  # an event needs a state or an IGO on one side


def test_igo_gets_stable_code_and_no_country(nlp):
    text = "The International Atomic Energy Agency criticised Iran on Monday."
    events, found = run(nlp, text, published="2012-06-01")
    iaea = _at(found, text, "International Atomic Energy Agency")
    assert iaea.agent == "IGO" and iaea.country is None and "IAEA" in iaea.aliases
    assert [(s, t, ty) for s, t, ty, *_ in events] == [(None, "IRN", "ACCUSE")]


def test_fighters_and_the_group_are_the_armed_group(nlp):
    text = ("Separatists belonging to the banned KLF ambushed a Chilean convoy on Monday. The Kasai Liberation "
            "Front said its fighters held the road. The group accused Chile of abuses.")
    events, found = run(nlp, text)
    group = _at(found, text, "Kasai Liberation Front")
    assert _at(found, text, "KLF") is group  # the acronym and the full name: one body
    assert _at(found, text, "The group") is group and group.agent == "REB"
    assert any(found.actor(e.source) is group and t == "CHL" and ty == "ACCUSE" for _, t, ty, _, e in events)


def test_office_tied_to_one_country_by_the_dictionary(nlp):
    text = "Secretary of State Anna Kovar said on Monday that the talks had failed."
    a = _at(_actors(nlp, text), text, "Anna Kovar")
    assert a.roles == ["Secretary of State"] and a.country == "USA"


def test_province_in_title_gives_country(nlp):
    text = "Helmand Governor Omar Zaid said the road was closed."
    a = _at(_actors(nlp, text), text, "Omar Zaid")
    assert a.country == "AFG" and "Helmand" in a.roles[0]


def test_same_office_stated_with_country_elsewhere(nlp):
    text = ("The Chilean foreign minister arrived in Lima on Monday. Later, Foreign Minister Ana Ruiz told "
            "reporters the border would stay open.")
    a = _at(_actors(nlp, text), text, "Ana Ruiz")
    assert a.country == "CHL"


def test_unnamed_state_body_gets_the_documents_country(nlp):
    text = ("Chile said on Monday that rebels had attacked a convoy near Santiago. Chilean officials said the "
            "attack was planned abroad. The military said it had killed 12 rebels. Peru denied any role.")
    found = _actors(nlp, text)
    assert _at(found, text, "The military").country == "CHL"


def test_no_home_country_when_two_states_share_the_story(nlp):
    text = ("Chile and Peru traded accusations on Monday. Chile said Peru had moved troops. Peru said Chile "
            "lied. The military said it was ready.")
    found = _actors(nlp, text)
    mil = _at(found, text, "The military")
    assert mil is None or mil.country is None


def test_a_headline_placing_the_story_settles_a_close_home(nlp):
    text = ("Chile and Peru traded accusations on Monday. Chile said Peru had moved troops. Chile said Peru lied. "
            "Peru denied it, and Chile protested. The military said it was ready. Spokesperson Juan Carlos Moreno said "
            "Chile was wrong.")
    doc = Document(id="t", key="t", text=text, language="en", title="Peru denies troop moves in Chile")
    found = extract_actors(nlp(text), doc)
    assert _at(found, text, "The military").country == "CHL"
    # a named official is not given the placed country: the other side's spokesperson is named too
    assert _at(found, text, "Juan Carlos Moreno").country is None
    # a headline that places the story in a country the text barely names settles nothing
    doc = Document(id="t", key="t", text=text, language="en", title="Talks on the dispute open in Bolivia")
    mil = _at(extract_actors(nlp(text), doc), text, "The military")
    assert mil is None or mil.country is None


def test_where_a_headline_or_dateline_places_a_story():
    from parallax.extract.actors.known import placed_country

    assert placed_country("Rebels attack train, take hostages in Peru's Puno region", None) == "PER"
    assert placed_country("Peru denies link to attack in Chile", None) == "CHL"
    assert placed_country("Talks end without a deal", "SANTIAGO") == "CHL"
    assert placed_country("Talks end without a deal", None) is None


def test_described_group_is_the_group_its_apposition_names(nlp):
    text = "Israel struck the Lebanese militia, Hezbollah, on Monday."
    found = _actors(nlp, text)
    assert _at(found, text, "the Lebanese militia") is _at(found, text, "Hezbollah")


def test_known_person_without_date_keeps_shared_country(nlp):
    text = "Omar al-Bashir met the envoy in Khartoum."
    a = _at(_actors(nlp, text, published=None), text, "Omar al-Bashir")
    assert a.country == "SDN"


def test_office_parsed_as_a_second_subject_is_the_title(nlp):
    text = "In response, Peru's navy chief of staff Jorge Ruiz said, \"The use of force is not the privilege of Chile.\""
    a = _at(_actors(nlp, text), text, "Jorge Ruiz")
    assert a.country == "PER" and a.roles == ["navy chief of staff"]


def test_name_repeated_where_ner_missed_it(nlp):
    text = ("Separatist militants from the Kasai Liberation Front (KLF) attacked a Chilean post. Chile and Peru "
            "have both designated KLF as a terrorist group. Later the KLF said it would fight on.")
    found = _actors(nlp, text)
    group = _at(found, text, "Kasai Liberation Front")
    starts = [i for i in range(len(text)) if text.startswith("KLF", i)]
    assert all(found.actor(found.actor_at(s, s + 3)) is group for s in starts)


def test_text_office_of_an_igo_wins_over_the_dictionary(nlp):
    # the dictionary has this person as his country's minister; the text makes him a UN official
    text = "U.N. Secretary-General Sergey Lavrov condemned the attack on Monday."
    a = _at(_actors(nlp, text), text, "Sergey Lavrov")
    assert a.country is None and a.agent == "IGO"


def test_visiting_leader_named_without_country_gets_none(nlp):
    text = ("Prime Minister Omar Zaid will meet Chile's President Ana Ruiz in Santiago. Chile said the visit "
            "would help trade. Chilean officials welcomed it.")
    a = _at(_actors(nlp, text), text, "Omar Zaid")
    assert a.country is None


def test_militants_are_the_one_armed_group_beside_an_unnamed_military_not_beside_a_stateless_army(nlp):
    # "the military", unnamed, is a state's own; a named army of no country may be an armed group itself
    text = "The military said on Monday that the militants had fled. FARC claimed the attack on the base."
    found = _actors(nlp, text)
    assert _at(found, text, "the militants") is _at(found, text, "FARC")
    text = "The Arakan Army said on Monday that the militants had fled. FARC claimed the attack on the base."
    found = _actors(nlp, text)
    assert _at(found, text, "the militants") is None


def test_an_igo_takes_no_country_from_the_national_envoy_posted_to_it(nlp):
    text = "Anna Kovar, the U.S. deputy U.N. ambassador, spoke to reporters on Monday. The U.N. must act, she said."
    found = _actors(nlp, text, "2024-05-01")
    assert _at(found, text, "Anna Kovar").country == "USA"
    un = _at(found, text, "The U.N.")
    assert un.agent == "IGO" and un.country is None


def test_european_as_a_party_is_the_european_union(nlp):
    text = "The Chinese side proposed a price, but the European side refused."
    found = _actors(nlp, text)
    assert _at(found, text, "European").name == "European Union"
    assert ("EU" in _at(found, text, "European").aliases or _at(found, text, "European").agent == "IGO")
    # a body named with the word stays that body
    text = "The European Parliament criticized Hungary."
    found = _actors(nlp, text)
    assert _at(found, text, "The European Parliament").name == "European Parliament"
