"""The structural wording of a proposition: "Norway supplies military equipment to Chile" from its key.

Clustering keys a coded act by (type, source, target); this is how such a key reads in words, in the present
tense with the parties by name. It is what verify matches a user's claim against (verbs by lemma, parties by
name); the name a reader sees is cut from the evidence instead (``parallax.link.claim_names``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from parallax.model import Actor

MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})  # "A met B" and "B met A" state one thing

# Verb phrases for readable propositions: (third person singular, base form, plural subject form).
PHRASES: dict[str, tuple[str, str]] = {
    "AGREE": ("reaches an agreement with", "reach an agreement with"),
    "CONSULT": ("holds talks with", "hold talks with"),
    "SUPPORT": ("supports", "support"),
    "CONCEDE": ("makes concessions to", "make concessions to"),
    "COOPERATE": ("cooperates with", "cooperate with"),
    "AID": ("provides aid to", "provide aid to"),
    "RETREAT": ("withdraws from", "withdraw from"),
    "REQUEST": ("makes a request to", "make a request to"),
    "ACCUSE": ("accuses", "accuse"),
    "REJECT": ("rejects", "reject"),
    "THREATEN": ("threatens", "threaten"),
    "PROTEST": ("protests against", "protest against"),
    "SANCTION": ("imposes sanctions on", "impose sanctions on"),
    "MOBILIZE": ("mobilizes against", "mobilize against"),
    "COERCE": ("coerces", "coerce"),
    "ASSAULT": ("attacks", "attack"),
}
ARMS_PHRASE = ("supplies military equipment to", "supply military equipment to")
MUTUAL_PHRASES = {"CONSULT": "hold talks", "COOPERATE": "cooperate", "AGREE": "reach an agreement"}

def stem(w: str) -> str:
    """A word with its plural folded ("missiles" → "missile", "parties" → "party")."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def own_name(actor_id: str | None, actors: Mapping[str, Actor]) -> str:
    """A party by its own name, not its country: for a place or body acted on by its own state ("Paraguay
    withdraws from <a Paraguayan post>"), where the country would make the act reflexive. Names, not ids, so
    one place tagged a person in one text and an organisation in another is still one party."""
    a = actors.get(actor_id or "")
    return "@" + re.sub(r"[^a-z0-9]+", " ", a.name.lower()).strip() if a is not None else (actor_id or "?")



class Names:
    """How a proposition names a party key: an actor id, an ISO3 country or an "@own name"; "?" is someone."""

    def __init__(self, actors: Mapping[str, Actor]):
        self.actors = actors
        self.by_country: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for a in actors.values():
            if a.kind == "country" and a.country and a.country not in self.by_country:
                self.by_country[a.country] = a.name
            self.by_name.setdefault(own_name(a.id, actors), a.name)

    def __call__(self, p: str) -> str:
        if p == "?":
            return "someone"
        if p in self.actors:
            return self.actors[p].name
        if p in self.by_country:
            return self.by_country[p]
        if p in self.by_name:
            return self.by_name[p]
        return _country_name(p)


@lru_cache(maxsize=512)
def _country_name(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or (c.name if c else iso3)


def event_claim_text(key: tuple, names: Callable[[str], str], equipment: bool) -> str:
    """"Russia supplies military equipment to Pakistan" from a structural key ("... supplies aircraft to ..."
    when the key names a kind of equipment)."""
    _, etype, src, tgt, *kind = key
    a, b = names(src), names(tgt)
    if kind and etype == "AID" and tgt != "?":
        thing = kind[0] if kind[0] in ("aircraft", "ships") or kind[0].endswith("s") else kind[0] + "s"
        return f"{a} supplies {thing} to {b}"
    if etype in MUTUAL_TYPES and src != "?" and tgt != "?":
        return f"{a} and {b} {MUTUAL_PHRASES[etype]}"
    third = (ARMS_PHRASE if etype == "AID" and equipment else PHRASES.get(etype, (etype.lower(), "")))[0]
    return f"{a} {third} {b}" if tgt != "?" else f"{a} {third.rsplit(' ', 1)[0] if ' ' in third else third}"


def negated_text(text: str) -> str:
    """The opposite wording of a claim text, for the refuting side of a contradiction."""
    for third, base in [*PHRASES.values(), ARMS_PHRASE, ("supplies", "supply")]:
        if f" {third} " in f" {text} ":
            return f" {text} ".replace(f" {third} ", f" does not {base} ", 1).strip()
    for phrase in MUTUAL_PHRASES.values():
        if text.endswith(f" {phrase}"):
            return text[: -len(phrase)] + f"do not {phrase}"
    return f"not: {text}"
