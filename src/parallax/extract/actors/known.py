"""What the field's dictionaries add to a document's actors, the text keeping the last word.

* an organisation or group the dictionaries know gets a stable record: an armed non-state group its home
  country and the REB agent (a party of its own, never its state), an intergovernmental body the IGO agent
  and no country, an institution its country and agent; the record's short code ("RLF", "NATO") becomes an
  alias, so every mention of the body, however written, answers to one code;
* a person the dictionaries know gets the country and the role that held on the publication date (a role
  outside its dated range gives no agent; a country shared by all the person's records still holds);
* a person whose title names no country gets one from an office the dictionaries tie to one country
  ("Secretary of State"), else from the same office stated with a country elsewhere in the document
  ("the Ruritanian prime minister" ... "Prime Minister X": the same office, its qualifier aside, when no
  other named person holds it for that country);
* an acronym beside the full name it abbreviates is one body ("RLF" and "the Rift Liberation Front");
* officials and state bodies the text names without a country ("the military", "security sources", "Gen. X")
  are the document's own country's, when one country dominates the document, or leads it and is where the
  headline or dateline places the story (:func:`home_country`).
Dictionary knowledge only fills what the text left empty.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from parallax.extract.actors.dictionary import PERSON_KINDS, Known, dictionary
from parallax.extract.actors.gazetteer import agent_for, city_country, gazetteer
from parallax.extract.actors.types import STATE_AGENTS, DocActors, state_side
from parallax.model import Actor

ORG_KINDS = frozenset({"group", "igo", "ngo", "body"})
_DROP = frozenset({"the", "a", "an", "then", "'s", "’s", "its", "his", "her", "their", "former", "new", "top"})


@dataclass(frozen=True, slots=True)
class KnownOrg:
    """A dictionary record read on one date."""

    record: Known
    kind: str  # Parallax actor kind: group | organization
    country: str | None
    agent: str | None
    code: str


def known_org(name: str, when: str | None) -> KnownOrg | None:
    """An organisation or group name as the dictionaries know it on ``when``, or None."""
    rec = dictionary().find(name, ORG_KINDS)
    if rec is None:
        return None
    agent = rec.agent_at(when)
    if rec.kind == "igo":
        return KnownOrg(rec, "organization", None, "IGO", rec.short)
    if rec.kind == "ngo":
        return KnownOrg(rec, "organization", None, "NGO", rec.short)
    country = rec.country_at(when)
    if rec.kind == "group":
        # an armed group that became a government ("the Taliban" after August 2021) is that state's
        return KnownOrg(rec, "group" if agent == "REB" else "organization", country, agent, rec.short)
    return KnownOrg(rec, "organization", country, agent, rec.short)


def apply_org(actor: Actor, found: KnownOrg) -> None:
    """Fill an organisation actor from its record; a country the text gave stays unless the record names the
    group's own (an armed group's home is the record's, not the country of a word beside its name)."""
    actor.kind = found.kind  # type: ignore[assignment]
    if found.kind == "group" or found.agent == "IGO":
        actor.country = found.country
    else:
        actor.country = actor.country or found.country
    actor.agent = found.agent or actor.agent
    if found.code not in actor.aliases and found.code != actor.name:
        actor.aliases.append(found.code)


def office_key(text: str) -> str:
    """An office without the country or place that qualifies it: "the Ruritanian prime minister" and "Prime
    Minister" -> "prime minister"; "Punjab Chief Minister" -> "chief minister"."""
    g, d = gazetteer(), dictionary()
    words = [w for w in text.replace("’", "'").split() if w.lower() not in _DROP]
    kept = [w for w in words if not (w in g.forms or w.removesuffix("'s") in g.forms or d.place(w))]
    return " ".join(w.lower() for w in kept)


def _offices(a: Actor) -> set[str]:
    """The offices a person holds in the text: their titles, or an unnamed one's own description."""
    return {k for r in [*a.roles, *([a.name] if a.anonymous else [])] if (k := office_key(r)) and len(k) <= 40}


def _igo(org: str) -> bool:
    """Whether an organisation name is an intergovernmental body (a gazetteer bloc or a dictionary IGO)."""
    entry = gazetteer().forms.get(org)
    if entry is not None and entry.kind == "bloc":
        return entry.agent in {"IGO", "JUD"}
    found = known_org(org, None)
    return found is not None and found.agent == "IGO"


def _untitled(name: str) -> str:
    """A name without a leading office or honorific NER kept in it ("Archbishop X Y", "Sheikh X Y")."""
    words = name.split()
    while len(words) > 2 and agent_for(words[0]) is not None:
        words.pop(0)
    return " ".join(words)


def fill_people(out: DocActors, when: str | None) -> None:
    """Country and agent for the named people the text left without them."""
    d = dictionary()
    named: dict[str, set[str]] = {}  # office -> countries whose holder the document names
    offices: dict[str, set[str]] = {}  # office -> countries of the unnamed holders it describes
    for a in out.actors.values():
        if a.kind == "person" and a.country:
            for w in _offices(a):
                (offices if a.anonymous else named).setdefault(w, set()).add(a.country)
    for a in out.actors.values():
        if a.kind != "person" or (a.country and a.agent):
            continue
        if a.organization and _igo(a.organization):  # "U.N. Secretary-General X" acts for the UN, not a state
            a.agent = a.agent or "IGO"
            continue
        rec = None if a.anonymous else next(
            (r for n in [a.name, *a.aliases] if len(n.split()) >= 2 and (r := d.person(_untitled(n), when))), None)
        if rec is None and not a.anonymous and len(a.name.split()) == 1:
            rec = d.find(a.name, PERSON_KINDS)  # a lone surname the dictionary lists ("Okonjo")
        if rec is not None and (when is None or rec.code_at(when) is not None):
            # a role in force on the date, or no date to check: a namesake of another time stays unknown
            a.country = a.country or rec.country_at(when)
            if a.country == rec.country_at(when):  # an office the text states decides the agent ("Secretary
                # of State" is a diplomat, whatever the dictionary's GOV)
                a.agent = a.agent or agent_for(" ".join(a.roles)) or rec.agent_at(when)
        if a.country:
            continue
        for role in a.roles:
            office = d.find(role.removeprefix("then ").strip(), frozenset({"body"}))
            if office is not None and office.country_at(when):
                a.country = office.country_at(when)
                a.agent = a.agent or office.agent_at(when)
                break
        if a.country:
            continue
        # "prime minister", "foreign minister": one holder a country; a bare "ambassador" or "president" may be
        # anyone's, so a one-word office is not enough
        stated = set().union(*(offices.get(w, set()) - named.get(w, set()) for w in _offices(a) if " " in w))
        if len(stated) == 1:  # the one country the document gives this office
            a.country = next(iter(stated))


_MINOR = frozenset({"of", "the", "and", "for", "in", "on", "al", "el", "de"})


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _MINOR and w[0].isalpha()).upper()


def acronym_pairs(out: DocActors) -> list[tuple[str, str]]:
    """(acronym actor, full-name actor) pairs: "RLF" beside "the Rift Liberation Front" is one body, when
    exactly one organisation or group of the document has those initials or that code."""
    bodies = {aid: a for aid, a in out.actors.items() if a.kind in {"organization", "group"} and not a.anonymous}
    pairs = []
    for aid, a in bodies.items():
        name = a.name.replace(".", "")
        if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
            continue
        fits = [o for o, x in bodies.items() if o != aid and len(x.name.split()) >= 2
                and (initials(x.name) == name or name in x.aliases)]
        if len(fits) == 1:
            pairs.append((aid, fits[0]))
    return pairs


# nouns for a state's own bodies, written without the state when the story has made it plain
STATE_NOUNS = frozenset({"military", "army", "government", "forces", "troops", "soldiers", "authorities", "police",
                         "personnel"})
VISITING_OFFICES = frozenset({"president", "prime", "premier", "king", "queen", "chancellor", "emir", "sultan",
                              "minister", "ambassador", "envoy", "secretary"})
NON_STATE_AGENTS = frozenset({"EDU", "MED", "NGO", "BUS", "REB", "OPP", "PTY", "IGO"})
HOME_MIN = 3  # mentions the document's own country needs, and one and a half times the next country's


def home_country(out: DocActors, placed: str | None = None) -> str | None:
    """The country a document is about: the one its state mentions name at least ``HOME_MIN`` times and half
    again as often as any other; or the most named one when it is also where the headline or dateline places
    the story (``placed``); else None (a story between two states has no home)."""
    counts: Counter[str] = Counter()
    for m in out.mentions:
        a = out.actors.get(m.actor or "")
        if a is not None and a.country and (a.kind == "country" or state_side(a)):
            counts[a.country] += 1
    top = counts.most_common(2)
    if not top or top[0][1] < HOME_MIN:
        return None
    if len(top) > 1 and 2 * top[0][1] < 3 * top[1][1] and (placed != top[0][0] or top[0][1] == top[1][1]):
        return None
    return top[0][0]


_PLACED_IN = re.compile(r"\b(?:in|from|at)\s+((?:[A-Z][\w.-]*(?:[’']s)?\s?){1,3})")


def placed_country(title: str | None, dateline: str | None) -> str | None:
    """Where a headline or a dateline places a story: "train attack in Pakistan", "ISLAMABAD —"."""
    if dateline and (iso3 := _country_named(dateline.strip(" —-–,:"))):
        return iso3
    for m in _PLACED_IN.finditer(title or ""):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "in Ruritania's Northern province": the longest name first
            if iso3 := _country_named(" ".join(words[:n])):
                return iso3
    return None


def _country_named(text: str) -> str | None:
    text = re.sub(r"[’']s$", "", text.strip())
    e = gazetteer().forms.get(text)
    return (e.iso3 if e else None) or city_country(text)


def give_home(out: DocActors, placed: str | None = None) -> None:
    """Officials and state bodies the text names without a country ("the military", "security sources",
    "Gen. X, the army's spokesman") are the document's own country's, when it has one. A home known only from
    where the headline places the story gives its unnamed bodies a country, not its named people: the article
    on a quarrel quotes the other side's spokesperson by name too."""
    dominant = home_country(out)
    home = dominant or home_country(out, placed)
    if home is None:
        return
    people = Counter(a.country for a in out.actors.values() if a.kind == "person" and not a.anonymous and a.country)
    # a named leader or diplomat is the home country's only when the named people with a country mostly are
    # too: a story about a visit names the visiting prime minister without a nationality as often as not
    named_home = people[home] >= 2 and people[home] * 2 > sum(people.values())
    for a in out.actors.values():
        if a.country or a.kind not in {"person", "group", "organization"} or a.agent in NON_STATE_AGENTS:
            continue
        if a.anonymous and not a.organization:
            words = a.name.lower().split()
            qualifier = agent_for(" ".join(words[:-1])) if len(words) > 1 else None
            # "the military", "security sources": a state's; "officials", "the diplomats": anyone's
            if words and (words[-1] in STATE_NOUNS or (qualifier or "").rstrip("?") in STATE_AGENTS):
                a.country = home
        elif a.kind == "person" and not a.anonymous and (a.agent or "").rstrip("?") in STATE_AGENTS and dominant:
            words = {w for r in a.roles for w in r.lower().replace("-", " ").split()}
            if named_home or not words & VISITING_OFFICES:
                a.country = home


@lru_cache(maxsize=1)
def _bloc_codes() -> dict[str, str]:
    """Bloc name -> its shortest all-capital form in the gazetteer ("Group of Seven" -> "G7")."""
    out: dict[str, str] = {}
    for form, e in gazetteer().forms.items():
        if e.kind == "bloc" and e.name and form.isupper() and form.isalnum():
            if e.name not in out or len(form) < len(out[e.name]):
                out[e.name] = form
    return out


def bloc_code(name: str) -> str | None:
    """The stable short code of a bloc or IGO the gazetteer knows, if it has one."""
    return _bloc_codes().get(name)
