"""Speaker phrases resolved to the document's actors, pronouns and descriptions to earlier speakers.

No coreference model runs offline, so reference is resolved the way news prose is written: a pronoun or a
definite description that speaks ("he added", "the minister said", "the source cited above") is the most recent
compatible speaker, or failing that the most recent person/institution the actor stage found before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes.anonymous import affiliation, is_anonymous
from parallax.extract.quotes.lexicon import (ANON_HEADS, BODY_NOUNS, OUTLET_NAME_WORDS, OUTLET_NOUNS, PERSON_NOUNS,
                                             ROLE_NOUNS, agent_nouns, party_noun)

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
    if head.ent_type_ in _ACTOR_ENTS or head.pos_ == "PROPN" or any(t.ent_type_ == "PERSON" for t in core):
        return True  # a name: a person, body or place standing for its government
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.text[:1].isupper() and any(e.label_ == "PERSON" and head.text in e.text.split() for e in head.doc.ents):
        return True  # "Manning thinks ...": a surname the text names elsewhere as a person
    if actors.actor_at(core.start_char, core.end_char) is not None:
        return True
    if any(lemma in words or low in words for words in (ANON_HEADS, BODY_NOUNS, OUTLET_NOUNS, PERSON_NOUNS)):
        return True
    if lemma in agent_nouns() or (agent_for is not None and agent_for(low) is not None):
        return True
    # "separatists belonging to the RLF", "members of the council": a phrase that names a party
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
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans of the document's quotes
    _starts: list[int] | None = None  # sentence start offsets, read from the parse when first needed
    _starts_of: dict[str | None, list[int]] | None = None  # mention starts per actor

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _who(self, actor_id: str, at: int) -> Who:
        actor = self.actors.actor(actor_id)
        return Who(actor_id, actor.name if actor else "", bool(actor and actor.anonymous), None, at)

    def _clause_subject(self, pron) -> Who | None:
        """"Okafor told the radio that he believes ...": a pronoun inside a clause of the sentence is the person who is
        the subject of the sentence's main verb, when that subject comes first."""
        root = pron.sent.root
        if pron.head is root:
            return None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i), None)
        if subj is None or subj.pos_ == "PRON":
            return None
        actor = self._actor_of_head(subj.idx, subj.left_edge.idx, subj.idx + len(subj))
        obj = self.actors.actor(actor)
        if obj is not None and obj.kind == "person" and not obj.anonymous:
            return self._who(actor, pron.idx)
        return None

    def _newer_person(self, pron, at: int) -> Who | None:
        """"..., said A. The same message came from B. '...,' she said.": a person named after the last speaker
        spoke, outside every quote, in an earlier sentence, is who the pronoun means."""
        last = self._recent(at, lambda w: not w.outlet and w.actor is not None and _is_person(self, w))
        since = last.at if last is not None else at - WINDOW
        mentions = self.actors.mentions
        i = bisect_left(mentions, pron.sent.start_char, key=lambda m: m.start) - 1
        while i >= 0 and mentions[i].start > since:
            m = mentions[i]
            i -= 1
            actor = self.actors.actor(m.actor)
            if actor is None or actor.kind != "person" or actor.anonymous or self._in_quote(m.start):
                continue
            if last is not None and m.actor == last.actor:
                return None  # the last speaker is also the last person named
            return self._who(m.actor, at)
        return None

    def _described(self, core: Span, at: int, person: bool) -> Who | None:
        """A definite description that names no one ("the separatist group", "the military spokesperson"): the
        speaker last described the same way, the named body last mentioned before it, or the named person whose
        role the description gives."""
        head = core.root
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        country = self._country_in(core)
        same = self._recent(at, lambda w: not w.outlet and w.actor is not None and lemma.rstrip("s") in w.text.lower()
                            and not (plural and _is_person(self, w))
                            and (country is None or getattr(self.actors.actor(w.actor), "country", None) == country))
        if same is not None:
            return Who(same.actor, same.text, same.anonymous, same.affiliation, at)
        if lemma in BODY_NOUNS:
            kinds = {"country"} if lemma in ("country", "nation", "state") else {"organization", "group"}
            found = self._recent(at, lambda w: not w.outlet and not w.anonymous and w.actor is not None
                                 and getattr(self.actors.actor(w.actor), "kind", None) in kinds)
            mention = self._mention_before(at, kinds, named=True)
            if found is not None and (mention is None or found.actor == mention.actor or found.at >= mention.at):
                return Who(found.actor, found.text, False, None, at)
            return mention
        if not person or plural:
            return None  # "the military" is a body; "the foreign ministers" a group, not one titled person
        return self._role_holder(core, lemma, at)

    def _covers_head(self, head) -> bool:
        """Whether some mention takes in the phrase's head word ("the U.S. leader": only "U.S." is a mention)."""
        mentions = self.actors.mentions
        i = bisect_right(mentions, head.idx, key=lambda m: m.start) - 1
        while i >= 0 and head.idx - mentions[i].start < 300:
            if mentions[i].start <= head.idx < mentions[i].end and mentions[i].actor:
                return True
            i -= 1
        return False

    def _country_in(self, core: Span) -> str | None:
        """The country a description names ("Russia's envoy", "the U.S. leader"), as its ISO3 code."""
        return next((a.country or a.id for m in self.actors.mentions_in(core.start_char, core.end_char)
                     if (a := self.actors.actor(m.actor)) is not None and a.kind == "country"), None)

    def _sentence(self, doc, pos: int) -> int:
        if self._starts is None:
            self._starts = [s.start_char for s in doc.sents]
        return bisect_right(self._starts, pos) - 1

    def _role_holder(self, core: Span, lemma: str, at: int) -> Who | None:
        """The named person a singular description means: one whose recorded role has its head word; else the
        person who spoke in this or the previous two sentences, if of a compatible office; else the nearest
        person whose office (CAMEO agent type) is the description's."""
        agent = agent_for(core.text) if agent_for is not None else None
        country = self._country_in(core)  # "Russia's envoy" is no other country's envoy
        people = {aid: a for aid, a in self.actors.actors.items() if a.kind == "person" and _named(a)
                  and (country is None or a.country in (None, country))}
        fits = [aid for aid, a in people.items()
                if any(lemma in r.lower().split() or lemma.rstrip("s") in r.lower().split() for r in a.roles)]
        if fits:
            return self._nearest(fits, at)
        # "the top diplomat" refers back; "Washington's envoy" (a possessive) rather introduces someone new, so it
        # is the last speaker only when that speaker is known to be of that country
        anaphoric = any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DET for c in core.root.children)
        last = self._recent(at, lambda w: not w.outlet and not w.anonymous and (
            w.actor in people and (anaphoric or country is None or people[w.actor].country == country)
            or w.actor is None and country is None and _looks_named(w.text)))
        if last is not None and self._sentence(core.doc, last.at) >= self._sentence(core.doc, at) - 2 \
                and (agent is None or last.actor is None or people[last.actor].agent in (None, agent)):
            return Who(last.actor, last.text, False, None, at)
        same_office = [aid for aid, a in people.items() if agent is not None and a.agent == agent
                       and (country is None or a.country == country)]
        return self._nearest(same_office, at) if same_office else None

    def _nearest(self, actor_ids: list[str], at: int) -> Who:
        """The actor among ``actor_ids`` mentioned last before ``at``, else first after it."""
        if self._starts_of is None:  # actor -> sorted mention starts, built once per document
            self._starts_of = {}
            for m in self.actors.mentions:
                self._starts_of.setdefault(m.actor, []).append(m.start)
        before, after = [], []
        for aid in actor_ids:
            starts = self._starts_of.get(aid, [])
            k = bisect_left(starts, at)
            if k:
                before.append((starts[k - 1], aid))
            if k < len(starts):
                after.append((starts[k], aid))
        pick = max(before)[1] if before else (min(after)[1] if after else actor_ids[0])
        return self._who(pick, at)

    def _recent(self, at: int, want) -> Who | None:
        for who in reversed(self.history):
            if at - who.at > WINDOW:
                return None
            if want(who):
                return who
        return None

    def _mention_before(self, at: int, kinds: set[str], named: bool = False) -> Who | None:
        """The latest mention of an actor of these kinds within WINDOW before ``at`` (by position: long texts)."""
        mentions = self.actors.mentions
        i = bisect_left(mentions, at, key=lambda m: m.start) - 1
        while i >= 0 and at - mentions[i].start <= WINDOW:
            m = mentions[i]
            i -= 1
            actor = self.actors.actor(m.actor)
            if actor is not None and actor.kind in kinds and not (named and actor.anonymous):
                return Who(m.actor, actor.name, actor.anonymous, None, at)
        return None

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
            return min(covering, key=lambda m: (abs(m.start - start), m.start - m.end)).actor  # nearest, widest
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
                found = self._clause_subject(head) or self._newer_person(head, at) \
                    or self._recent(at, lambda w: not w.outlet and (w.actor is None or _is_person(self, w))) \
                    or self._mention_before(at, {"person"})
            else:
                found = self._recent(at, lambda w: not w.outlet) or self._mention_before(at, {"group", "organization", "country"})
            if found is not None:
                return Who(found.actor, found.text, found.anonymous, found.affiliation, at, found.outlet)
            return Who(None, core.text, False, None, at)
        actor = self._actor_of_head(head.idx, core.start_char, core.end_char)
        actor_obj = self.actors.actor(actor)
        det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
        lemma = head.lemma_.lower()
        person_noun = lemma in ANON_HEADS | PERSON_NOUNS | ROLE_NOUNS
        # "the minister", "Russia's envoy", "the Commerce chief" (a body's name may qualify a person's title)
        definite = det is not None and (det.lower_ in _ANAPHOR_DET or det.dep_ == "poss") and head.pos_ != "PROPN" \
            and not any(t.ent_type_ == "PERSON" or t.ent_type_ == "ORG" and not person_noun for t in core)
        if actor_obj is not None and actor_obj.kind in ("country", "organization") and person_noun \
                and not self._covers_head(head):
            actor, actor_obj = None, None  # "the U.S. leader": the country names whose leader, it does not speak
        if definite and lemma in OUTLET_NOUNS:
            found = self.outlet(at)
            if found is not None:
                return Who(found.actor, found.text, False, None, at, True)
            return Who(actor, core.text, False, None, at, True)
        unnamed = actor_obj is None or actor_obj.anonymous or _names_itself(actor_obj.name, core.text)
        if definite and unnamed and not is_anonymous(core, full):
            person = (actor_obj is not None and actor_obj.kind == "person") or person_noun
            found = self._described(core, at, person)
            if found is not None:
                return found
        if definite and det.dep_ == "det" and unnamed and lemma in ANON_HEADS | {"source", "sources"}:
            # "the official", "the source cited above": the latest speaker described the same way, else the latest
            # unnamed source
            one = head.tag_ not in ("NNS", "NNPS")  # "the officials" are not the one official who spoke last
            same = self._recent(at, lambda w: not w.outlet and lemma.rstrip("s") in w.text.lower()
                                and (one or w.anonymous or not _is_person(self, w)))
            found = same or self._recent(at, lambda w: not w.outlet and lemma.startswith("source") == w.anonymous
                                         and (one or w.anonymous) and (w.anonymous or _is_named_person(self, w)))
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


def _is_named_person(res: Resolver, who: Who) -> bool:
    """A named person ("Jane Doe"), not a group that spoke ("Engineers")."""
    actor = res.actors.actor(who.actor)
    return actor.kind == "person" and _named(actor) if actor is not None else _looks_named(who.text)


def _is_person(res: Resolver, who: Who) -> bool:
    actor = res.actors.actor(who.actor)
    return actor is None or actor.kind == "person"


def _named(actor) -> bool:
    """An actor with a name of its own, not a description standing as its name ("Military spokesperson")."""
    name = actor.name.strip()
    if not name or not name[0].isupper() or name.split()[0].lower() in ("the", "a", "an"):
        return False
    return not party_noun(name.split()[-1].lower().rstrip("s,"))


def _looks_named(text: str) -> bool:
    """"Ruth Okafor" (a name the actor stage missed), not "Separatists" or "the railway official"."""
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not party_noun(words[-1].lower())


def _names_itself(name: str, phrase: str) -> bool:
    """True when the actor's name is just this description ("the military spokesperson")."""
    return name.casefold().strip() in phrase.casefold() or phrase.casefold().strip() in name.casefold()
