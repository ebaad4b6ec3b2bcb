"""Speaker phrases resolved to the document's actors, pronouns and descriptions to earlier speakers.

No coreference model runs offline, so reference is resolved the way news prose is written: a pronoun or a
definite description that speaks ("he added", "the minister said", "the source cited above") is the most recent
compatible speaker, or failing that the most recent person/institution the actor stage found before it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Span

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes.anonymous import affiliation, is_anonymous
from parallax.extract.quotes.lexicon import (ANON_HEADS, BODY_NOUNS, OUTLET_NAME_WORDS, OUTLET_NOUNS, PERSON_NOUNS,
                                             agent_nouns)

try:
    from parallax.extract.actors.gazetteer import agent_for
except ImportError:  # pragma: no cover - the actor stage is part of the package
    agent_for = None  # type: ignore[assignment]

_PERSON_PRON = {"he", "she", "him", "her", "i"}
_GROUP_PRON = {"they", "we"}
_THING_PRON = {"it"}
_ANAPHOR_DET = {"the", "this", "that", "these", "those"}
_SPEAKING_PRON = {"he", "she", "they", "we", "i", "it", "you"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
WINDOW = 2500  # characters back a pronoun or description may reach for its antecedent


def can_speak(core: Span, actors: DocActors) -> bool:
    """Whether a phrase can be a speaker: a person, group, organisation or country, or a pronoun for one;
    never a stray word the parse left in subject position ("Visiting", a dateline, "the attack")."""
    head = core.root
    low, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON" or low in _SPEAKING_PRON:
        return low in _SPEAKING_PRON
    if head.ent_type_ in _ACTOR_ENTS or any(t.ent_type_ == "PERSON" for t in core):
        return True
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if actors.actor_at(core.start_char, core.end_char) is not None:
        return True
    if any(lemma in words or low in words for words in (ANON_HEADS, BODY_NOUNS, OUTLET_NOUNS, PERSON_NOUNS)):
        return True
    if lemma in agent_nouns() or (agent_for is not None and agent_for(low) is not None):
        return True
    # "separatists belonging to the BLA", "members of the council": a phrase that names a party
    return any(m.actor for m in actors.mentions_in(head.left_edge.idx, head.right_edge.idx + len(head.right_edge)))


@dataclass(slots=True)
class Who:
    """A resolved speaker."""

    actor: str | None
    text: str
    anonymous: bool = False
    affiliation: str | None = None
    at: int = 0  # character offset where this speaker was last attributed speech
    outlet: bool = False


@dataclass(slots=True)
class Resolver:
    """Resolves speaker phrases in text order, remembering who spoke."""

    actors: DocActors
    history: list[Who] = field(default_factory=list)

    def _recent(self, at: int, want) -> Who | None:
        for who in reversed(self.history):
            if at - who.at > WINDOW:
                return None
            if want(who):
                return who
        return None

    def _mention_before(self, at: int, kinds: set[str]) -> Who | None:
        best = None
        for m in self.actors.mentions:
            if m.start >= at:
                break
            if at - m.start > WINDOW or not m.actor:
                continue
            actor = self.actors.actor(m.actor)
            if actor is not None and actor.kind in kinds:
                best = Who(m.actor, actor.name, actor.anonymous, None, at)
        return best

    def _actor_of_head(self, head_at: int, start: int, end: int) -> str | None:
        """The actor of the mention holding the phrase's head word, else of the widest mention in the phrase."""
        mentions = self.actors.mentions  # sorted by start: only those starting in [start - 1, head_at]
        covering = []
        i = bisect_left(mentions, start - 1, key=lambda m: m.start)
        while i < len(mentions) and mentions[i].start <= head_at:
            if mentions[i].actor and head_at < mentions[i].end:
                covering.append(mentions[i])
            i += 1
        if covering:
            return min(covering, key=lambda m: abs(m.start - start)).actor
        return self.actors.actor_at(start, end)

    def outlet(self, at: int) -> Who | None:
        return self._recent(at, lambda w: w.outlet)

    def resolve(self, core: Span, full: Span, at: int) -> Who:
        """The speaker behind a phrase; remembered for later pronouns and descriptions."""
        who = self._resolve(core, full, at)
        who.at = at
        self.history.append(who)
        return who

    def _resolve(self, core: Span, full: Span, at: int) -> Who:
        head = core.root
        low = head.lower_
        if head.pos_ == "PRON" or low in _PERSON_PRON | _GROUP_PRON | _THING_PRON:
            if low in _THING_PRON:
                found = self._recent(at, lambda w: not w.anonymous and w.actor is not None and not _is_person(self, w)) \
                    or self._mention_before(at, {"organization", "country", "group"})
            elif low in _PERSON_PRON:
                found = self._recent(at, lambda w: not w.outlet and (w.actor is None or _is_person(self, w))) \
                    or self._mention_before(at, {"person"})
            else:
                found = self._recent(at, lambda w: not w.outlet) or self._mention_before(at, {"group", "organization", "country"})
            if found is not None:
                return Who(found.actor, found.text, found.anonymous, found.affiliation, at, found.outlet)
            return Who(None, core.text, False, None, at)
        actor = self._actor_of_head(head.idx, core.start_char, core.end_char)
        actor_obj = self.actors.actor(actor)
        det = next((c for c in head.children if c.dep_ == "det"), None)
        definite = det is not None and det.lower_ in _ANAPHOR_DET and head.pos_ != "PROPN" and not any(
            t.ent_type_ in ("PERSON", "ORG") for t in core)
        lemma = head.lemma_.lower()
        if definite and lemma in OUTLET_NOUNS:
            found = self.outlet(at)
            if found is not None:
                return Who(found.actor, found.text, False, None, at, True)
            return Who(actor, core.text, False, None, at, True)
        unnamed = actor_obj is None or actor_obj.anonymous or _names_itself(actor_obj.name, core.text)
        if definite and unnamed and lemma in ANON_HEADS | {"source", "sources"}:
            # "the official", "the source cited above": the latest speaker described the same way, else the latest
            same = self._recent(at, lambda w: not w.outlet and lemma.rstrip("s") in w.text.lower())
            found = same or self._recent(at, lambda w: not w.outlet and (lemma.startswith("source") == w.anonymous))
            if found is not None:
                return Who(found.actor, found.text, found.anonymous, found.affiliation, at)
        anon = is_anonymous(core, full) if actor_obj is None or actor_obj.kind != "person" else False
        named = any(t.ent_type_ == "PERSON" for t in core) or head.pos_ == "PROPN"
        anon = not named and (anon or (actor_obj is not None and actor_obj.anonymous))
        outletish = lemma in OUTLET_NOUNS or (actor_obj is not None and actor_obj.agent == "MED") or any(
            m.kind == "outlet" and core.start_char <= m.start < core.end_char for m in self.actors.mentions) or (
            not anon and head.pos_ == "PROPN" and any(t.lower_ in OUTLET_NAME_WORDS for t in core)
            and not any(t.ent_type_ == "PERSON" for t in core))
        text = core.text
        if actor_obj is not None and not anon and not any(t.pos_ == "PROPN" for t in core) and \
                not _names_itself(actor_obj.name, core.text):
            spoke = self._recent(at, lambda w: w.actor == actor)
            last = self._recent(at, lambda w: not w.outlet and not w.anonymous and w.actor is not None)
            if definite and spoke is None and last is not None and _is_person(self, last) == (actor_obj.kind == "person"):
                return Who(last.actor, last.text, False, None, at)  # a description speaks: the latest speaker
            text = actor_obj.name  # "the minister" the actor stage tied to a named person
        return Who(actor, text, anon, affiliation(full) if anon else None, at, outletish)


def _is_person(res: Resolver, who: Who) -> bool:
    actor = res.actors.actor(who.actor)
    return actor is None or actor.kind == "person"


def _names_itself(name: str, phrase: str) -> bool:
    """True when the actor's name is just this description ("the military spokesperson")."""
    return name.casefold().strip() in phrase.casefold() or phrase.casefold().strip() in name.casefold()
