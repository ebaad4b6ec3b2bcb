"""Sides a sentence implies but does not name, read from the sentences before it.

Wire copy names both parties once and then leans on them: "China rejected the call" (whose call? the
previous sentence's caller), "The two leaders signed five agreements" (which two?), "Xi thanked France"
(the Xi named in full above). ``Discourse`` keeps, for one document read in order, the events already coded
and the countries each sentence named, and answers those three questions conservatively: one unambiguous
answer or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from parallax.extract.actors.types import DocActors, armed_force, state_side
from parallax.extract.events import roles
from parallax.extract.events.mode import SPEECH_VERBS
from parallax.extract.events.references import References
from parallax.model import Quote

# "the two countries", "both sides", "the two leaders": a plural that stands for the pair just named
PAIR_NOUNS = frozenset("""
country nation side leader man woman government minister president premier delegation party neighbour neighbor
capital counterpart foreign army navy military state
""".split())
FIRST_PERSON = frozenset({"we", "i", "us", "our"})
_PATIENT_PREPS = frozenset("on against for to toward towards into with over about of as".split())
_PLACE_PREPS = frozenset("in near outside inside at across within off around along throughout".split())
# verbs whose subject frames what the clause below says, and is not its party
FRAMING_VERBS = SPEECH_VERBS | frozenset("""
claim allege report suggest believe think expect fear hope note warn argue contend stress estimate
""".split())


@dataclass(slots=True)
class Discourse:
    """What earlier sentences of one document established: coded pairs and the countries each named."""

    actors: DocActors
    quotes: Sequence[Quote] = ()
    index: int = -1
    events: list[tuple[int, str, str, str]] = field(default_factory=list)  # (sentence, source, target, type)
    named: list[list[str]] = field(default_factory=list)  # per sentence: actor ids with a country, in order
    current: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, type) so far in this sentence
    _canon: dict[str, str] = field(default_factory=dict)
    _refs: References | None = None

    def __post_init__(self) -> None:
        self._canon = _surname_map(self.actors)
        self._refs = References(self.actors, self.actors.doc)

    def enter(self, sent: Span) -> None:
        """Move to the next sentence, resolve its pronouns and descriptions, note the country-bearing actors it
        names."""
        self.index += 1
        self.current = []
        spans = [(q.start, q.end) for q in self.quotes if q.start < sent.end_char and q.end > sent.start_char]
        quoted = {t.i for t in sent if any(a <= t.idx < b for a, b in spans)}
        self._refs.read(sent, quoted)  # type: ignore[union-attr]
        seen: list[str] = []
        for m in self.actors.mentions_in(sent.start_char, sent.end_char):
            a = self.actors.actor(m.actor)
            if a is not None and a.country and m.actor not in seen:
                seen.append(self.canonical(m.actor))  # type: ignore[arg-type]
        self.named.append(seen)

    def record(self, source: str, target: str, plover: str = "") -> None:
        self.events.append((self.index, source, target, plover))

    def note(self, source: str, target: str, plover: str = "") -> None:
        """An event just coded in this sentence: a later clause may answer it ("a charge Delhi rejected")."""
        self.current.append((source, target, plover))

    def canonical(self, aid: str) -> str:
        """A bare surname's actor ("Xi") as the fully named person of the same document ("Xi Jinping")."""
        return self._canon.get(aid, aid)

    def side(self, aid: str) -> str:
        return roles.side_of(self.actors, aid)

    def country(self, aid: str | None) -> str | None:
        a = self.actors.actor(aid)
        return a.country if a else None

    def counterpart(self, source: str, *, allow_named: bool = True, here: bool = True,
                    types: frozenset[str] | None = None, window: int = 2) -> str | None:
        """The other side of the latest event, earlier in this sentence or in the two previous ones, that
        ``source`` took part in; else the one foreign country the previous sentence named. None when ambiguous.
        ``here=False`` skips this sentence's events (a clause that borrowed its subject belongs to them);
        ``types`` keeps only events of those types (a casualty report answers a clash, not a meeting)."""
        mine = self.side(source)
        current = reversed(self.current) if here else ()
        for idx, s, t, ty in [*((self.index, s, t, ty) for s, t, ty in current), *reversed(self.events)]:
            if idx < self.index - window:
                break
            if types is not None and ty not in types:
                continue
            if self.side(s) == mine:
                return t
            if self.side(t) == mine:
                return s
        a = self.actors.actor(source)
        if not allow_named or self.index < 1 or not (state_side(a) or armed_force(a)):
            return None  # a body of unknown allegiance ("X Corps" with no country) has no one "foreign" to it
        # the one other side, by side (an armed group's state answers it); beside another state, an armed group
        # gives way: a state's unnamed counterpart is that state sooner than the group it fights at home
        foreign = {self.side(a): a for a in self.named[self.index - 1] if self.side(a) != mine}
        if len(foreign) > 1:
            foreign = {k: a for k, a in foreign.items() if not armed_force(self.actors.actor(a))}
        return next(iter(foreign.values())) if len(foreign) == 1 else None

    def accuser(self, aid: str, types: frozenset[str] = frozenset({"ACCUSE"}), window: int = 3) -> str | None:
        """Who last accused (or, with other ``types``, asked) ``aid``'s side, in this sentence or the ``window``
        before it: the one its denial answers."""
        mine = self.side(aid)
        for idx, s, t, ty in [*((self.index, s, t, ty) for s, t, ty in reversed(self.current)),
                              *reversed(self.events)]:
            if idx < self.index - window:
                break
            if ty in types and self.side(t) == mine and self.side(s) != mine:
                return s
        return None

    def other_party(self, pred: Token, exclude: list[str], *, agent: bool = False,
                    place: bool = False) -> str | None:
        """The one party the predicate's sentence names besides ``exclude``'s countries and those who speak or
        think it ("Russia's aggression" in "we support Ukraine in the face of Russia's aggression, Canada
        said"; of a quote's speakers, only those quoted verbatim); with ``agent``, only a party that is not named
        as a recipient or a matter can act; with ``place``, only one named as the place or the people acted on
        ("attacked a train in Pakistan")."""
        found = self.parties_here(pred, exclude, agent=agent, place=place)
        return found[0] if len(found) == 1 else None

    def parties_here(self, pred: Token, exclude: list[str], *, agent: bool = False,
                     place: bool = False) -> list[str]:
        """The parties of the predicate's sentence, one per country, less ``exclude`` and the speakers."""
        sent = pred.sent
        mine = {self.side(a) for a in exclude}
        for tok in sent:  # who says it is not whom it is about
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in FRAMING_VERBS:
                for m in self.actors.mentions_in(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)):
                    mine.add(self.side(m.actor))
        if (sp := self.speaker(pred.idx, direct=True)) is not None:  # "Russia's aggression," Joly said; but
            mine.add(self.side(sp))  # reported speech ("Seoul hinted it could retaliate with tariffs") may be theirs
        found: dict[str, str] = {}
        for m in self.actors.mentions_in(sent.start_char, sent.end_char):
            if not m.actor or (key := self.side(m.actor)) in mine:
                continue
            role = _role(sent.doc, m.start, m.end)
            if role in (("patient", "destination") if agent else ("agent",)) or (place and role == "destination"):
                continue
            found.setdefault(key, self.canonical(m.actor))
        return list(found.values())

    def pair(self, sent: Span, exclude: Token) -> list[str]:
        """The pair a "the two countries"/"both sides" phrase stands for: the two countries named elsewhere in
        its sentence, else the latest event's sides, else the previous sentence's two countries."""
        inside = {t.i for t in exclude.subtree}
        here: dict[str, str] = {}
        for m in self.actors.mentions_in(sent.start_char, sent.end_char):
            a = self.actors.actor(m.actor)
            tok = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
            if a is None or not (a.country or a.agent == "IGO") or tok is None or tok.root.i in inside:
                continue  # a state's side, or an IGO's ("consultation between the two sides": the EU and China)
            here.setdefault(self.side(m.actor), self.canonical(m.actor))
        if len(here) == 2:
            return list(here.values())
        for idx, s, t, _ty in reversed(self.events):
            if idx < self.index - 2:
                break
            return [s, t]
        if self.index >= 1:
            prev = {self.side(a): a for a in self.named[self.index - 1]
                    if (x := self.actors.actor(a)) is not None and (x.country or x.agent == "IGO")}
            if len(prev) == 2:
                return list(prev.values())
        return []

    def speaker(self, pos: int, *, direct: bool = False) -> str | None:
        """The speaker of the quote containing character ``pos`` ("we" inside a quote is the speaker); with
        ``direct``, only of words quoted verbatim."""
        for q in self.quotes:
            if q.start <= pos < q.end and q.speaker and (q.kind == "direct" or not direct):
                return q.speaker
        return None


def is_pair_phrase(tok: Token) -> bool:
    """"the two countries", "both sides", "the two leaders"."""
    if tok.lemma_.lower() not in PAIR_NOUNS or tok.tag_ not in {"NNS", "NNPS"}:
        return False
    return any(c.lower_ in {"two", "both"} for c in tok.children if c.dep_ in {"nummod", "det", "predet"})


def _surname_map(actors: DocActors) -> dict[str, str]:
    """Person actors without a country whose name is the last word of a person actor with one."""
    full = [(a.name.split(), aid) for aid, a in actors.actors.items() if a.kind == "person" and a.country]
    out: dict[str, str] = {}
    for aid, a in actors.actors.items():
        if a.kind != "person" or a.country or " " in a.name.strip():
            continue
        hits = {fid for words, fid in full if len(words) > 1 and a.name in (words[-1], words[0])}
        if len(hits) == 1:
            out[aid] = hits.pop()
    return out


def _role(doc, start: int, end: int) -> str:
    """How the words at [start, end) take part in their sentence: "patient" as the object of a preposition
    that marks a recipient, destination or matter ("costs on Russia", "support for Ukraine", "deport them to
    Turkey"), "agent" as the "by" doer of some other act ("a company operated by China"), "place" as where
    something happens ("in Kenya's Turkana"), else "free"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "patient"
    tok = span.root
    while tok.dep_ in {"compound", "amod", "nmod", "flat", "conj", "appos"} and tok.head is not tok:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj":
        return "free"
    if prep.dep_ == "agent" or prep.lower_ == "by":
        return "agent"
    if prep.lower_ in _PLACE_PREPS or (prep.lower_ == "of" and prep.head.pos_ == "ADP"):
        return "place"  # "in Kenya's Turkana", "outside of the Iraqi city"
    if prep.lower_ in {"to", "into", "toward", "towards"} and prep.head.pos_ in {"VERB", "AUX"}:
        return "destination"  # "deport them to Turkey": where to, not whom
    return "patient" if prep.lower_ in _PATIENT_PREPS else "free"
