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
