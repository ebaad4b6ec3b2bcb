"""The per-document actor result that events and quotes read.

Actors are first found per document (ids local to that document, e.g. ``"<doc>:a3"``); the link stage
(:mod:`parallax.link.actors`) merges them across documents and rewrites ids to global ones.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from parallax.model import Actor, Mention


def _start(m: Mention) -> int:
    return m.start


STATE_AGENTS = frozenset({"GOV", "MIL", "DIP", "LEG", "JUD", "COP", "SPY"})
ARMED_AGENTS = frozenset({"REB"})  # an armed non-state group fights its own state: a party of its own


def side(a: Actor | None, aid: str) -> str:
    """The party an actor acts for in an event: a state's people and bodies act for their country; an IGO,
    an armed non-state group, or anyone without a country, for themselves."""
    if a is not None and a.country and a.agent not in ARMED_AGENTS and a.agent != "IGO":
        return a.country
    return aid


def armed_force(a: Actor | None) -> bool:
    """Whose fighters "militants" may be: an armed non-state group, or a named force of no state ("the Arakan
    Army" with no country; "the military", unnamed, is a state's)."""
    if a is None or a.kind not in {"organization", "group"}:
        return False
    return a.agent in ARMED_AGENTS or (not a.country and not a.anonymous and (a.agent or "").rstrip("?") == "MIL")


def state_side(a: Actor | None) -> bool:
    """Whether an actor can be the state or IGO side an event needs: a country, an IGO, or a state's people
    and bodies (a country and no non-state agent)."""
    if a is None:
        return False
    if a.kind == "country" or a.agent == "IGO":
        return True
    return bool(a.country) and (a.agent is None or a.agent.rstrip("?") in STATE_AGENTS)


def identified(a: Actor) -> bool:
    """Whether an actor is someone an event can be coded for: anything named, or an unnamed source the text
    ties to a country or a body ("Ruritanian officials", "a State Department official")."""
    return not a.anonymous or bool(a.country or a.organization)


@dataclass(slots=True)
class DocActors:
    doc: str
    actors: dict[str, Actor] = field(default_factory=dict)  # local id -> actor as this document describes it
    mentions: list[Mention] = field(default_factory=list)  # sorted by start; Mention.actor is a local id

    def sort(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside the character span ``[start, end)``."""
        i = bisect_right(self.mentions, start - 1, key=_start)  # no list of starts per call: long texts
        out = []
        mentions = self.mentions
        while i < len(mentions) and mentions[i].start < end:  # no tail slice: a long text has 10^5 mentions
            if mentions[i].end <= end:
                out.append(mentions[i])
            i += 1
        return out

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor of the widest mention inside ``[start, end)``, or of a mention covering it."""
        inside = [m for m in self.mentions_in(start, end) if m.actor]
        if inside:
            return max(inside, key=lambda m: m.end - m.start).actor
        for m in self.mentions:
            if m.start <= start and m.end >= end and m.actor:
                return m.actor
        return None

    def actor(self, local_id: str | None) -> Actor | None:
        return self.actors.get(local_id) if local_id else None

    def parties(self) -> DocActors:
        """These actors less the unnamed sources tied to no country or body ("officials", "his counterparts"):
        they may be quoted, but an event with "officials" on one side says nothing about who acted."""
        keep = {aid: a for aid, a in self.actors.items() if identified(a)}
        return DocActors(self.doc, keep, [m for m in self.mentions if m.actor is None or m.actor in keep])

    def merge(self, src: str, dst: str) -> None:
        """Fold actor ``src`` into ``dst`` (one body or person found twice): mentions, names, roles move over."""
        a, d = self.actors.pop(src), self.actors[dst]
        for m in self.mentions:
            if m.actor == src:
                m.actor = dst
        for alias in [a.name, *a.aliases]:
            if alias != d.name and alias not in d.aliases:
                d.aliases.append(alias)
        d.roles += [r for r in a.roles if r not in d.roles]
        d.role_claims += a.role_claims
        d.country = d.country or a.country
        d.organization = d.organization or a.organization
        d.agent = d.agent or a.agent
