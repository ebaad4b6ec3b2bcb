"""Spans NER tags as people, organisations or groups that are no actors, and variants of one actor.

Each text is invented; each case is one the small English model gets wrong in the way the rule repairs.
"""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.quotes import extract_quotes
from parallax.model import Document


def _extract(nlp, text, outlet=None):
    doc = Document(id="t", key="t", text=text, outlet=outlet)
    sdoc = nlp(text)
    return sdoc, doc, extract_actors(sdoc, doc)


def _named(da):
    """Names of the non-country, non-anonymous actors."""
    return {a.name for a in da.actors.values() if a.kind != "country" and not a.anonymous}


def _actor_of(text, da, surface, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return da.actor(da.actor_at(start, start + len(surface)))


def test_cities_and_bases_are_places_not_actors(nlp):
    text = ("Flights from Multan to Sukkur resumed on Friday. Officials in Multan said the Sukkur airport had been "
            "shut.\nThe ministry said Ardakli (naval base) and Solvik (radar base) were on the list. Officials "
            "may close Solvik first, not Ardakli.")
    _, _, da = _extract(nlp, text)
    assert not _named(da) & {"Sukkur", "Multan", "Solvik", "Ardakli"}


def test_vehicles_and_weapons_are_not_actors(nlp):
    text = ("Rebels stopped the Khyber Mail, a night train bound for the coast.\n"
            "Freedonia deployed the S-300 battery near the border. Greek Mirage-2000 jets flew over the islands. "
            "Berlin refused to sell German Leopard tanks to Freedonia.")
    _, _, da = _extract(nlp, text)
    assert _named(da) == set()
    assert _actor_of(text, da, "Greek").country == "GRC"  # the country behind the jets stays


def test_a_person_described_with_a_think_tank_is_no_weapon(nlp):
    text = ("Omar Vance, defence analyst with the International Institute for Maritime Studies (IIMS) think tank, "
            "added: \u201cRuritania is still very heavily invested in current and future Freedonian defence "
            "equipment.\u201d")
    _, _, da = _extract(nlp, text)
    assert "Omar Vance" in _named(da)


def test_compound_and_modifying_adjectives_are_not_groups(nlp):
    text = ("Intra-Libyan talks resumed. Greek-American cooperation has faded, and U.S.-Greek tensions rose. "
            "European diplomats gathered in Vienna.\nThe Kurdish militia controls the north, and the fight "
            "against Islamic State goes on.")
    _, _, da = _extract(nlp, text)
    names = _named(da)
    assert not any("-" in n for n in names)
    assert not names & {"European", "Kurdish", "Islamic"}
    assert {"Kurdish militia", "Islamic State"} <= names  # the group the adjective heads is kept whole
    assert _actor_of(text, da, "Vienna").country == "AUT"


def test_heading_words_fused_with_names_are_cut_off(nlp):
    text = ("Kovar, Brann Ankara hopes that President Ilya Brann will veto the bill. Brann met Kovar on Monday.\n"
            "Talks on trade Beyond Peru, ministers also discussed shipping.")
    _, _, da = _extract(nlp, text)
    people = {a.name for a in da.actors.values() if a.kind == "person"}
    assert "Brann Ankara" not in people and "Beyond Peru" not in people
    assert _actor_of(text, da, "Brann").name == "Ilya Brann"
    assert _actor_of(text, da, "Ankara").country == "TUR"
    assert _actor_of(text, da, "Peru").country == "PER"


def test_a_law_cut_at_its_possessive_is_not_an_organisation(nlp):
    text = "The deal breached the Protecting Freedonia's Borders Through Tariffs Act, critics said."
    _, _, da = _extract(nlp, text)
    assert _named(da) == set()


def test_portfolios_in_office_titles_are_not_organisations(nlp):
    text = ("The tariffs will stay, Trade Secretary Omar Said said on Sunday. In Lima, Secretary of State Anna "
            "Kovar called the talks useful.")
    _, _, da = _extract(nlp, text)
    assert _named(da) == {"Omar Said", "Anna Kovar"}


def test_news_outlets_are_not_actors(nlp):
    text = ("Kovar criticised The Morning Ledger newspaper on Sunday. A Ledger editorial had called her plan "
            "reckless. Northwind Times reported that talks stalled. Kovar told Coastline TV's \"Sunday Hour\" show "
            "that she was hopeful.\nThe minister told MPN on Monday that the talks were over. Jan Brel of MPN's "
            "Arabic Desk reported from Cairo.")
    _, _, da = _extract(nlp, text, outlet="mpnews.com")
    names = _named(da)
    assert not any(w in n for n in names for w in ("Ledger", "Times", "Coastline", "MPN", "Arabic"))
    assert "Jan Brel" in names


def test_surname_first_names_and_initials_resolve_to_the_full_name(nlp):
    text = ("Ruritanian leader Park Sung Ho met the envoys on Monday. Park said the talks had failed.\n"
            "Emir Khalid bin Faisal of Qatar, known by his initials KBF, hosted the envoy in Doha on Tuesday. KBF "
            "later spoke to reporters.")
    _, _, da = _extract(nlp, text)
    assert _actor_of(text, da, "Park", nth=1).name == "Park Sung Ho"
    assert _actor_of(text, da, "KBF", nth=1).name.endswith("Khalid bin Faisal")
    assert not _named(da) & {"Park", "KBF"}


def test_a_blocs_members_gathering_is_the_bloc(nlp):
    text = ("G7 finance ministers pressed China to curb exports. Finance ministers from the Group of Seven "
            "economies gathered in Turin.")
    _, _, da = _extract(nlp, text)
    assert _actor_of(text, da, "G7 finance ministers").name == "Group of Seven"
    assert _actor_of(text, da, "Finance ministers from").name == "Group of Seven"
    assert not [a for a in da.actors.values() if a.anonymous]


def test_unaffiliated_descriptions_speak_but_are_no_event_parties(nlp):
    from parallax.extract.stage import analyse_document

    text = ("Peruvian Energy Minister Rosa Diaz toured Asia in May and met with officials and bankers. Canadian "
            "Foreign Minister Anna Kovar spoke after her meetings with counterparts. \"We urged Russia to reopen "
            "the port,\" the diplomats said. Canadian officials met Mexican officials in Ottawa.")
    found = analyse_document(nlp(text), Document(id="t", key="t", text=text))
    actors = {a.id: a for a in found["actors"]}
    quote = next(q for q in found["quotes"] if "reopen the port" in q.text)
    assert quote.anonymous and actors[quote.speaker].name == "the diplomats"  # still the claim's holder
    parties = {actors[x].name for e in found["events"] for x in (e.source, e.target) if x}
    assert not any(p.startswith(("officials", "counterparts", "the diplomats")) for p in parties)
    assert {"Canadian officials", "Mexican officials"} <= parties  # unnamed sources with a country are someone


def test_bare_institutions_take_the_country_the_document_gives_them(nlp):
    text = ("The Canadian Senate voted on Monday. The Senate later passed the bill. The Canadian Senate "
            "committee met.\nCritics blamed Canadian Prime Minister Anna Kovar and her Cabinet for the delay.")
    _, _, da = _extract(nlp, text)
    assert _actor_of(text, da, "Senate", nth=1).country == "CAN"
    assert _actor_of(text, da, "Cabinet").country == "CAN"


@pytest.mark.parametrize("speaker", ["A Ledger editorial", "The Ledger newspaper"])
def test_an_outlet_speaker_is_not_the_antecedent_of_a_later_he(nlp, speaker):
    text = (f"Omar Said announced the levy on Monday. {speaker} said the levy would hurt growers. "
            "\"The plan will work,\" he said.")
    sdoc, doc, da = _extract(nlp, text)
    quotes = extract_quotes(sdoc, doc, da)
    last = next(q for q in quotes if "plan will work" in q.text)
    assert last.speaker is not None and da.actors[last.speaker].name == "Omar Said"
