"""Pronouns and descriptions that stand for a party named before: "it", "they", "the group", "that country",
"the bloc", "its neighbour", "Moscow's ally".

Wire copy names a party once and then refers to it: "The Group of Seven met in Quebec. They called on China
...", "The RLF claimed the attack. The separatist group demanded ...". Each sentence's references are resolved
before its events are read and become mentions of the actor they stand for, so every rule that reads parties
off the parse reads them too. Conservative: a reference needs a candidate of its own class (a state for "the
country", an armed or political group for "the group", a bloc for "the alliance"), found by a fixed order of
preference (the clause's own subject, earlier in the sentence, the previous sentence's subject), else it stays
unresolved.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.actors.types import ARMED_AGENTS, STATE_AGENTS, DocActors, armed_force
from parallax.extract.events import roles
from parallax.extract.events.roles import RELATIONAL
from parallax.model import Actor, Mention

# head nouns of a definite description, by the class of party they can stand for
DESCRIBES = {
    **dict.fromkeys("country nation kingdom republic regime emirate government".split(), "state"),
    **dict.fromkeys("""group outfit organisation organization movement militia faction militant rebel separatist
                       insurgent guerrilla jihadist""".split(), "group"),
    **dict.fromkeys("bloc alliance".split(), "bloc"),
}
# plurals that name an armed group's members without naming it: "militants attacked a train"
ARMED = frozenset("""
militant terrorist insurgent separatist rebel guerrilla jihadist gunman fighter attacker extremist
""".split())
_ARMED_REACH = 120  # tokens either side in which the armed group must be the only one named
_DEFINITE = frozenset({"the", "that", "this"})
PRONOUNS = {"it": {"state", "bloc", "group"}, "they": {"group", "bloc", "officials"},
            "them": {"group", "bloc", "officials"}, "he": {"person"}, "she": {"person"}}
_PERSONAL = frozenset({"he", "she"})  # subjects only, and only the one person the text was just about
_SUBJ = frozenset({"nsubj", "nsubjpass"})


def party_class(a: Actor | None) -> str | None:
    """state | bloc | group | officials | person: what kind of reference can stand for this actor."""
    if a is None:
        return None
    if a.kind == "country":
        return "state"
    if a.agent == "IGO":
        return "bloc"
    if a.kind in {"organization", "group"}:
        state = a.kind == "group" or (a.agent or "").rstrip("?") in STATE_AGENTS
        if a.country and a.agent not in ARMED_AGENTS and state:
            return "officials"  # a state's people or bodies: "they", never "the group" (an armed group is one)
        return "group"
    return "person"


class References:
    """Resolves one document's references sentence by sentence, in reading order."""

    def __init__(self, actors: DocActors, doc_id: str) -> None:
        self.actors = actors
        self.doc_id = doc_id
        self.subjects: list[str | None] = []  # per sentence read: the actor of its main subject
        self.sentences: list[Span] = []

    def read(self, sent: Span, quoted: set[int]) -> None:
        """Add mentions for the references of ``sent`` that resolve; ``quoted`` holds the token indices inside
        quotes, where "they" is the speaker's business, not the narrator's."""
        covered: set[int] = set()
        for m in self.actors.mentions_in(sent.start_char, sent.end_char):
            covered.update(range(m.start, m.end))
        for tok in sent:
            low, lem = tok.lower_, tok.lemma_.lower()
            if tok.idx in covered:
                continue
            if tok.pos_ == "PRON" and low in PRONOUNS and tok.i not in quoted:
                self._add(tok.idx, tok.idx + len(tok), self._pronoun(tok, PRONOUNS[low]), "pronoun")
            elif tok.pos_ == "NOUN" and (lem in DESCRIBES or lem in RELATIONAL or lem in ARMED) \
                    and not roles.actor_of(tok, self.actors):
                found, start = self._description(tok)
                if found is None and lem in ARMED and tok.tag_ == "NNS":
                    found, start = self._armed(tok), tok.idx
                self._add(start, tok.idx + len(tok), found, "description")
        self.sentences.append(sent)
        self.subjects.append(self._main_subject(sent))

    def _add(self, start: int, end: int, actor: str | None, kind: str) -> None:
        if actor is None:
            return
        m = Mention(id=f"{self.doc_id}:r{start}", doc=self.doc_id, start=start, end=end,
                    text="", actor=actor, kind=kind)
        self.actors.mentions.append(m)
        self.actors.sort()

    def _pronoun(self, tok: Token, classes: set[str]) -> str | None:
        if tok.lower_ in _PERSONAL:
            return self._person(tok) if tok.dep_ in _SUBJ else None
        if tok.dep_ in _SUBJ:
            own = self._governing_subject(tok, classes)
            if own:
                return own
            before = [a for a in self._before(tok) if self._fits(a, classes)]
            return before[0] if before else self._previous_subject(classes)
        mine = self._country(self._governing_subject(tok, None))
        before = [a for a in self._before(tok) if self._fits(a, classes) and self._country(a) != mine]
        return before[0] if before else None

    def _person(self, tok: Token) -> str | None:
        """"He said ...": the person subject of the clause above, else the one person named earlier in the
        sentence, else the previous sentence's subject, else the one person the two sentences before named."""
        own = self._governing_subject(tok, {"person"})
        if own:
            return own
        before = {a for a in self._before(tok) if self._fits(a, {"person"})}
        if before:
            return before.pop() if len(before) == 1 else None
        prev = self._previous_subject({"person"})
        if prev:
            return prev
        window = {a for a in self._previous(2) if self._fits(a, {"person"})}
        return window.pop() if len(window) == 1 else None

    def _description(self, tok: Token) -> tuple[str | None, int]:
        """A definite description's actor and the start of its words ("the separatist group")."""
        lem = tok.lemma_.lower()
        start = min([tok.idx, *(c.left_edge.idx for c in tok.lefts if c.dep_ in {"det", "amod", "compound", "poss"})])
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if lem in RELATIONAL:  # "its neighbour", "Moscow's ally": the other party of the sentence, if one
            subject = self._governing_subject(tok, None)
            owner = (roles.actor_of(poss[0], self.actors) if poss[0].pos_ != "PRON" else subject) if poss else None
            mine = {self._country(owner), self._country(subject)} - {None}
            if not owner or tok.tag_ != "NN" or tok.conjuncts:  # "the US and its allies": no one named
                return None, start
            here = [a for a in self._before(tok) if self._fits(a, {"state", "bloc"}) and self._country(a) not in mine]
            if here:
                return here[0], start
            prev = {self._country(a): a for a in self._previous(1)
                    if self._fits(a, {"state", "bloc"}) and self._country(a) not in mine}
            return (prev.popitem()[1] if len(prev) == 1 else None), start
        cls = DESCRIBES.get(lem)
        if cls is None or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
            return None, start
        before = [a for a in self._before(tok) if self._fits(a, {cls})]
        if before:
            return before[0], start
        prev = self._previous_subject({cls})
        if prev:
            return prev, start
        window = {a for a in self._previous(2) if self._fits(a, {cls})}
        return (window.pop() if len(window) == 1 else None), start

    def _armed(self, tok: Token) -> str | None:
        """"Militants", "terrorists": the one group the text names around them, before or after ("Militants
        attacked a train ... The Rift Liberation Front claimed responsibility")."""
        for c in tok.children:  # "militants linked with the RLF", "fighters of the group"
            heads = [c] if c.dep_ == "prep" and c.lower_ in {"of", "from"} else \
                [p for p in c.children if p.dep_ == "prep"] if c.dep_ == "acl" else []
            for p in heads:
                for o in p.children:
                    a = roles.actor_of(o, self.actors) if o.dep_ == "pobj" else None
                    if a and self._fits(a, {"group"}):
                        return a
        doc = tok.doc
        right = tok.right_edge
        if any(self.actors.actor(m.actor) and self.actors.actors[m.actor].kind == "country"
               for m in self.actors.mentions_in(tok.left_edge.idx, right.idx + len(right))):
            return None  # "Afghan militants", "militants present on Afghan soil": some of a country's, no group
        lo, hi = doc[max(0, tok.i - _ARMED_REACH)], doc[min(len(doc) - 1, tok.i + _ARMED_REACH)]
        groups = {m.actor for m in self.actors.mentions_in(lo.idx, hi.idx + len(hi))
                  if m.actor and self._fits(m.actor, {"group"})}
        if any(a.agent in ARMED_AGENTS for a in self.actors.actors.values()):
            # the dictionaries know which groups are armed: where the document names one, a press office or an
            # outlet of no country is not whose fighters these are
            groups = {g for g in groups if armed_force(self.actors.actors[g])}
        names = {aid: self.actors.actors[aid].name for aid in groups}
        short = {aid for aid, n in names.items() if any(n == _initials(o) for o in names.values())}
        groups -= short  # "the Rift Liberation Front, or RLF": one group
        return groups.pop() if len(groups) == 1 else None

    def _fits(self, aid: str, classes: set[str] | None) -> bool:
        return classes is None or party_class(self.actors.actor(aid)) in classes

    def _country(self, aid: str | None) -> str | None:
        return roles.side_of(self.actors, aid) if aid and self.actors.actor(aid) else None

    def _governing_subject(self, tok: Token, classes: set[str] | None) -> str | None:
        """The actor subject of the nearest clause above ``tok`` ("X said it would ...")."""
        cur = tok
        for _ in range(6):
            if cur.head is cur:
                break
            cur = cur.head
            for c in cur.children:
                if c.dep_ in _SUBJ and c is not tok and not tok.is_ancestor(c) and c.i < tok.i:
                    a = roles.actor_of(c, self.actors)
                    if a and self._fits(a, classes):
                        return a
        return None

    def _before(self, tok: Token) -> list[str]:
        """Actors named earlier in the sentence, nearest first."""
        ms = self.actors.mentions_in(tok.sent.start_char, tok.idx)
        return [m.actor for m in reversed(ms) if m.actor]

    def _previous(self, n: int) -> list[str]:
        out: list[str] = []
        for sent in reversed(self.sentences[-n:]):
            out += [m.actor for m in reversed(self.actors.mentions_in(sent.start_char, sent.end_char)) if m.actor]
        return out

    def _previous_subject(self, classes: set[str]) -> str | None:
        prev = self.subjects[-1] if self.subjects else None
        return prev if prev and self._fits(prev, classes) else None

    def _main_subject(self, sent: Span) -> str | None:
        for c in sent.root.children:
            if c.dep_ in _SUBJ:
                return roles.actor_of(c, self.actors)
        return None


def _initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"}]
    return "".join(w[0] for w in words) if len(words) > 1 else ""
