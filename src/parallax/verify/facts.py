"""The stored structure ``verify`` compares claims with, loaded once per store state.

Events and claim mentions are read with plain SQL into small tuples grouped by document, and actors into a
lookup, so a server answering many claims reads the tables once (a few hundred ms at 5,000 documents) and
then only touches Python dicts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from parallax.model import Actor
from parallax.store import Store


@dataclass(slots=True)
class StoredEvent:
    type: str
    mode: str
    source: str | None
    target: str | None
    cameo: str | None
    symmetric: bool
    start: int
    end: int
    equipment: list[str]


@dataclass(slots=True)
class StoredClaim:
    text: str
    polarity: str
    mode: str
    stance: str  # the document's stance to this stored claim: supports | refutes | discusses
    start: int
    end: int
    words: tuple[str, ...] = ()  # filled once by the verifier: the text's words, for repeated matching
    lows: frozenset[str] = frozenset()  # the same words lowercased, and the PLOVER types their verbs code:
    types: frozenset[str] = frozenset()  # a claim with neither the verb nor a related type is skipped at once


@dataclass(slots=True)
class DocInfo:
    id: str
    outlet: str | None
    title: str | None
    duplicate_of: str | None


@dataclass(slots=True)
class Facts:
    """Everything structural ``verify`` needs, keyed by document id."""

    docs: list[DocInfo] = field(default_factory=list)  # every stored document, in store order
    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, list[StoredEvent]] = field(default_factory=dict)
    claims: dict[str, list[StoredClaim]] = field(default_factory=dict)
    country_names: dict[str, set[str]] = field(default_factory=dict)  # ISO3 -> lowercase names, capitals, demonyms
    country_people: dict[str, set[str]] = field(default_factory=dict)  # ISO3 -> its people's and bodies' names


def load_facts(store: Store) -> Facts:
    """Documents, actors, events and claim mentions of the store."""
    f = Facts()
    for row in store.con.execute("SELECT id, outlet, title, duplicate_of FROM documents ORDER BY seq").fetchall():
        f.docs.append(DocInfo(*row))
    for aid, name, kind, country, aliases in store.con.execute(
            "SELECT id, name, kind, country, aliases FROM actors").fetchall():
        alias_list = json.loads(aliases) if aliases else []
        f.actors[aid] = Actor(id=aid, name=name, kind=kind, country=country, aliases=alias_list)
        if kind == "country" and country:
            f.country_names.setdefault(country, set()).update(n.lower() for n in [name, *alias_list])
        elif country and kind in ("person", "organization", "group") and name:
            people = f.country_people.setdefault(country, set())
            people.update(n.lower() for n in [name, *alias_list])
            last = name.split()[-1]
            if kind == "person" and len(last) >= 4 and last[0].isupper():
                people.add(last.lower())
    cur = store.con.execute(
        'SELECT doc, "type", mode, source, target, cameo, "symmetric", "start", "end", equipment FROM events')
    while batch := cur.fetchmany(4096):
        for doc, typ, mode, src, tgt, cameo, sym, s, e, eq in batch:
            f.events.setdefault(doc, []).append(StoredEvent(
                typ, mode, src, tgt, cameo, bool(sym), int(s), int(e), json.loads(eq) if eq else []))
    cur = store.con.execute(
        "SELECT m.doc, coalesce(nullif(c.proposition, ''), c.text), c.polarity, c.mode, m.stance, "
        'm."start", m."end" '
        "FROM claim_mentions m JOIN claims c ON c.id = m.claim")
    while batch := cur.fetchmany(4096):
        for doc, text, pol, mode, stance, s, e in batch:
            f.claims.setdefault(doc, []).append(StoredClaim(
                text or "", pol or "positive", mode or "asserted", stance or "supports", int(s), int(e)))
    return f
