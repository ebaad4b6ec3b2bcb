"""The packaged Phoenix actor dictionary: the build script's reading of the TABARI format, and dated lookups."""

import importlib.util
from pathlib import Path

import pytest

from parallax.extract.actors.dictionary import Known, dictionary, key

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_actor_dictionary", ROOT / "scripts/build_actor_dictionary.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


SAMPLE = """\
# comment line
FREEDONIA_  [ISL]
+FREEDONIAN_
+PORT_ELLEN_ # a city

ANNA_KOVAR_  # CountryInfo.txt
+A._KOVAR
KOVAR
\t[ISLELI 19900101-19991231]
\t[ISLGOV 000101-101231]

FREEDONIAN_DEFENCE_MINISTRY_
+DEFENCE_MINISTRY_OF_FREEDONIA
\t[ISLMIL]

RED_DAWN_FRONT_(RDF)_ [MEAREB] # regional root: no state
"""


def test_build_reads_records_dates_and_kinds(tmp_path):
    mod = _build_module()
    src = tmp_path / "a.actors.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    recs = {r.name: r for r in mod.parse(src, "FILE:Countries")}
    kovar = recs["ANNA KOVAR"]
    # a primary line without "+" before the codes is one more name of the same person
    assert set(kovar.forms) == {"ANNA KOVAR", "A. KOVAR", "KOVAR"}
    # two-digit years: 00-30 are 20YY, the rest 19YY (PETRARCH's rule)
    assert kovar.codes == [("ISLELI", "19900101", "19991231"), ("ISLGOV", "20000101", "20101231")]
    assert kovar.kind() == "person"
    assert recs["FREEDONIA"].kind() == "place"
    assert recs["FREEDONIAN DEFENCE MINISTRY"].kind() == "body"
    assert mod._variants("RED DAWN FRONT (RDF)") == ["RED DAWN FRONT", "RDF"]
    assert mod._iso("MEAREB") == "INTREB"  # a regional root names no state


def test_key_folds_punctuation_accents_and_article():
    assert key("The U.S. Department of State") == "us department of state"
    assert key("Mevlüt Çavuşoğlu") == "mevlut cavusoglu"
    assert key("al-Qa'ida") == key("AL_QAIDA")


def test_role_holds_only_inside_its_dates():
    k = Known("person", "X", (("RUSELI", "19900101", "19991231"), ("RUSGOV", "20000101", "20101231")))
    assert k.code_at("2005-06-01") == "RUSGOV" and k.agent_at("2005-06-01") == "GOV"
    assert k.agent_at("2019-01-01") is None  # out of every range: no office
    assert k.country_at("2019-01-01") == "RUS"  # but the country all the records share
    assert k.agent_at(None) is None  # no date: a dated role cannot be checked


def test_dated_change_of_status():
    k = Known("group", "G", (("AAAREB", "", "20100101"), ("AAAGOV", "20100101", "")))
    assert k.agent_at("2009-05-01") == "REB" and k.agent_at("2015-05-01") == "GOV"


@pytest.mark.parametrize("name,kind,country", [
    ("Sergey Lavrov", "person", "RUS"), ("Hezbollah", "group", "LBN"), ("FARC", "group", "COL"),
    ("North Atlantic Treaty Organization", "igo", None), ("IAEA", "igo", None), ("Knesset", "body", "ISR"),
])
def test_packaged_dictionary_lookups(name, kind, country):
    rec = dictionary().find(name)
    assert rec is not None and rec.kind == kind and rec.country_at("2012-06-01") == country


def test_packaged_places_and_unsafe_words():
    d = dictionary()
    assert d.place("Helmand") == "AFG"
    assert d.find("Senate") is None and d.find("Tigers") is None  # generic or ordinary words name no body
    assert d.find("Punjab") is None and d.place("Punjab") is None  # a name two countries share says nothing


def test_one_career_listed_twice_is_one_person():
    # listed under his country and again as UN Secretary-General: one record, each role in its own years
    rec = dictionary().person("Ban Ki-moon", "2010-01-01")
    assert rec is not None and rec.agent_at("2010-01-01") == "IGO" and rec.country_at("2010-01-01") is None
    assert rec.country_at("2005-06-01") == "KOR"


def test_person_found_by_first_and_last_name():
    rec = dictionary().person("Omar al-Bashir", None)  # listed with his middle names
    assert rec is not None and rec.country_at(None) == "SDN"


def test_office_holders_after_phoenix_are_people_joined_to_their_careers(tmp_path):
    mod = _build_module()
    people = tmp_path / "people.txt"
    people.write_text("ANNA_KOVAR_\n\t[ISLGOV >20200101]\nLENA_ROSS_\n\t[ISLELI]\n\t[ISLGOV 20210101-20221231]\n",
                      encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    for name in mod.FILES:
        (src / name).write_text(SAMPLE if "Countries" in name else "", encoding="utf-8")
    (src / "Phoenix.agents.txt").write_text("", encoding="utf-8")
    rows = {r[2]: r for r in mod.build(src, None, None, people)}
    # one career: the Phoenix roles and the new office in one record
    assert rows["Anna Kovar"][0] == "person" and "ISLGOV:20200101-" in rows["Anna Kovar"][1]
    assert "ISLELI:19900101-19991231" in rows["Anna Kovar"][1]
    assert rows["Lena Ross"][0] == "person"


def test_packaged_office_holders_hold_their_offices_in_their_years():
    trump = dictionary().person("Donald Trump", "2019-06-01")
    assert trump is not None and trump.country_at("2019-06-01") == "USA" and trump.agent_at("2019-06-01") == "GOV"
    # out of office: still of his country, no longer its government
    assert trump.agent_at("2022-06-01") != "GOV" and trump.country_at("2022-06-01") == "USA"
    guterres = dictionary().person("Antonio Guterres", "2020-01-01")
    assert guterres is not None and guterres.agent_at("2020-01-01") == "IGO"
