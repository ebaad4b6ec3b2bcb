"""The field's actor dictionaries (Phoenix / PETRARCH-2), looked up by name, with roles checked against dates.

``parallax/data/actors.tsv`` (built by ``scripts/build_actor_dictionary.py``) holds people with dated roles
(``ANGELA_MERKEL [DEUGOV >20051122]``), institutions and offices (``US_SECRETARY_OF_STATE [USAGOV]``), armed
non-state groups (``KURDISTAN_WORKERS_PARTY [TURREB]``), intergovernmental organisations, NGOs, and each country's
other place names (provinces, cities). Lookups are dictionary hits on a folded name, never a scan of the text:
the caller asks about the spans NER, titles and the gazetteer already found. Loaded once, on first use.

A role code holds only inside its dated range: outside it a person keeps the country (nationality rarely
changes) but no office. Where the text states an office or a country, the caller keeps the text's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from parallax.extract.actors.gazetteer import fold

# CAMEO role codes -> Parallax agent types (the rest, "ELI" former officials included, carry no agent)
AGENTS = {"GOV": "GOV", "MIL": "MIL", "LEG": "LEG", "JUD": "JUD", "COP": "COP", "SPY": "SPY", "BUS": "BUS",
          "OPP": "OPP", "PTY": "PTY", "MED": "MED", "EDU": "EDU", "NGO": "NGO", "IGO": "IGO", "REB": "REB",
          "INS": "REB", "SEP": "REB", "UAF": "REB", "IMG": "REB"}
PERSON_KINDS = frozenset({"person", "body"})
NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "INT"})  # CAMEO code roots that are no state
_PUNCT = re.compile(r"[.\u2019'`]")
_SPACE = re.compile(r"[\s_\-/,()]+")


def key(text: str) -> str:
    """The folded form names are compared on: lower case, no accents, dots or apostrophes, hyphens as spaces,
    no leading article ("The U.S. Department of State" -> "us department of state")."""
    k = _SPACE.sub(" ", _PUNCT.sub("", fold(text))).strip()
    return k[4:] if k.startswith("the ") else k


@dataclass(frozen=True, slots=True)
class Known:
    """One dictionary record."""

    kind: str  # place | person | body | group | igo | ngo
    name: str
    codes: tuple[tuple[str, str, str], ...]  # (CAMEO code, start, end): YYYYMMDD, "" when open
    short: str = ""  # stable short code: "TALIBAN", "YPG", "RLF"

    def code_at(self, when: str | None) -> str | None:
        """The code that holds on ``when`` (YYYY[-MM[-DD]]): a dated range containing it, else an undated code.
        Without a date only an undated code holds."""
        if when:
            day = (when.replace("-", "") + "0101")[:8]
            inside = [c for c, s, e in self.codes if (s or e) and (not s or s <= day) and (not e or day <= e)]
            if inside:
                return inside[-1]  # later lines refine earlier ones
        return next((c for c, s, e in self.codes if not s and not e), None)

    def country_at(self, when: str | None) -> str | None:
        """The state the record belongs to on ``when``; for a person outside every dated role, the one country
        all their codes share (a former minister is still of that country)."""
        code = self.code_at(when)
        if code is not None:
            return _country(code)
        found = {x for c, _, _ in self.codes if (x := _country(c))}
        return found.pop() if len(found) == 1 else None

    def agent_at(self, when: str | None) -> str | None:
        code = self.code_at(when)
        if code is None:
            return None
        return AGENTS.get(code[:3]) or AGENTS.get(code[3:6])



def _country(code: str) -> str | None:
    root = code[:3]
    return None if root in NOT_COUNTRIES or not root.isalpha() or len(root) < 3 else root


@dataclass(slots=True)
class Dictionary:
    forms: dict[str, int]  # folded form -> record index
    records: list[Known]
    places: dict[str, str]  # folded place name -> ISO3
    people: dict[tuple[str, str], list[int]]  # (first word, last word) of a person's names -> records

    def find(self, text: str, kinds: frozenset[str] | None = None) -> Known | None:
        """The record a name stands for, if the dictionary knows it (and it is one of ``kinds``)."""
        k = key(re.sub(r"[\u2019']s$", "", text.strip()))
        i = self.forms.get(k)
        if i is None:
            return None
        rec = self.records[i]
        return rec if kinds is None or rec.kind in kinds else None

    def person(self, name: str, when: str | None) -> Known | None:
        """A person by full name, else by first and last name ("Omar Hassan al-Bashir" for "Omar al Bashir"),
        when every record so named gives one country on ``when``."""
        rec = self.find(name, PERSON_KINDS)
        words = key(name).split()
        if rec is not None or len(words) < 2:
            return rec
        cands = [self.records[i] for i in self.people.get((words[0], words[-1]), ())]
        countries = {c.country_at(when) for c in cands}
        return cands[0] if cands and len(countries) == 1 and None not in countries else None

    def place(self, text: str) -> str | None:
        """ISO3 of a country's province, city or other name ("Punjab", "Ontario"), else None."""
        return self.places.get(key(text))


def _parse_codes(text: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for part in filter(None, text.split(",")):
        code, _, span = part.partition(":")
        start, _, end = span.partition("-")
        out.append((code, start, end))
    return tuple(out)


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The packaged dictionary, read once per process."""
    text = resources.files("parallax.data").joinpath("actors.tsv").read_text(encoding="utf-8")
    forms: dict[str, int] = {}
    places: dict[str, str] = {}
    people: dict[tuple[str, str], list[int]] = {}
    records: list[Known] = []
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        kind, codes, name, names, short = line.split("\t")
        rec = Known(kind, name, _parse_codes(codes), short)
        if kind == "place":
            iso3 = rec.country_at(None)
            if iso3:
                for f in names.split("|"):
                    places[f] = iso3
            continue
        for f in names.split("|"):
            forms.setdefault(f, len(records))
            if kind == "person" and " " in f:
                first, _, last = f.partition(" ")
                slot = people.setdefault((first, last.rsplit(" ", 1)[-1]), [])
                if not slot or slot[-1] != len(records):
                    slot.append(len(records))
        records.append(rec)
    return Dictionary(forms, records, places, people)
