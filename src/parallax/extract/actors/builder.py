"""The builder of one document's actors: stable local ids, merges, and mentions that keep the actor's aliases."""

from __future__ import annotations

from parallax.extract.actors.gazetteer import gazetteer
from parallax.extract.actors.types import DocActors
from parallax.model import Actor, Document, Mention


class Builder:
    """Actors and mentions of one document as they are found."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out = DocActors(doc.id)
        self.by_key: dict[str, str] = {}
        self._made = 0  # ids stay unique when merged actors leave ``out.actors``

    def actor(self, key: str, **fields) -> str:
        if key in self.by_key:
            return self.by_key[key]
        aid = f"{self.doc.id}:a{self._made}"
        self._made += 1
        self.out.actors[aid] = Actor(id=aid, **fields)
        self.by_key[key] = aid
        return aid

    def merge(self, src: str, dst: str) -> None:
        self.out.merge(src, dst)
        for key, aid in self.by_key.items():
            if aid == src:
                self.by_key[key] = dst

    def mention(self, start: int, end: int, actor: str | None, kind: str) -> Mention:
        m = Mention(f"{self.doc.id}:m{len(self.out.mentions)}", self.doc.id, start, end,
                    self.doc.text[start:end], actor, kind)
        self.out.mentions.append(m)
        a = self.out.actors.get(actor or "")
        if a is not None and kind in {"name", "demonym", "capital", "metonym"} and m.text not in a.aliases:
            a.aliases.append(m.text)
        return m

    def country(self, iso3: str) -> str:
        return self.actor(f"country:{iso3}", name=gazetteer().country_names.get(iso3, iso3), kind="country",
                          country=iso3)
