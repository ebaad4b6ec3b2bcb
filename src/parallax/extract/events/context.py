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

from parallax.extract.actors.types import DocActors
from parallax.extract.events.lexicon import REPORT_NOUNS, Frame
from parallax.extract.events.references import References
from parallax.model import Quote

# "the two countries", "both sides", "the two leaders": a plural that stands for the pair just named
PAIR_NOUNS = frozenset("""
country nation side leader man woman government minister president premier delegation party neighbour neighbor
capital counterpart foreign army navy military state
""".split())
FIRST_PERSON = frozenset({"we", "i", "us", "our"})


@dataclass(slots=True)
class Discourse:
    """What earlier sentences of one document established: coded pairs and the countries each named."""

    actors: DocActors
    quotes: Sequence[Quote] = ()
    index: int = -1
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (sentence, source, target)
    named: list[list[str]] = field(default_factory=list)  # per sentence: actor ids with a country, in order
    current: list[tuple[str, str]] = field(default_factory=list)  # (source, target) coded so far in this sentence
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

    def record(self, source: str, target: str) -> None:
        self.events.append((self.index, source, target))

    def note(self, source: str, target: str) -> None:
        """An event just coded in this sentence: a later clause may answer it ("a charge Delhi rejected")."""
        self.current.append((source, target))

    def canonical(self, aid: str) -> str:
        """A bare surname's actor ("Xi") as the fully named person of the same document ("Xi Jinping")."""
        return self._canon.get(aid, aid)

    def country(self, aid: str | None) -> str | None:
        a = self.actors.actor(aid)
        return a.country if a else None

    def counterpart(self, source: str, *, allow_named: bool = True, here: bool = True) -> str | None:
        """The other side of the latest event, earlier in this sentence or in the two previous ones, that
        ``source`` took part in; else the one foreign country the previous sentence named. None when ambiguous.
        ``here=False`` skips this sentence's events (a clause that borrowed its subject belongs to them)."""
        mine = self.country(source) or source
        current = reversed(self.current) if here else ()
        for idx, s, t in [*((self.index, s, t) for s, t in current), *reversed(self.events)]:
            if idx < self.index - 2:
                break
            if (self.country(s) or s) == mine:
                return t
            if (self.country(t) or t) == mine:
                return s
        if not allow_named or self.index < 1:
            return None
        foreign = {self.country(a): a for a in self.named[self.index - 1] if self.country(a) != mine}
        return next(iter(foreign.values())) if len(foreign) == 1 else None

    def pair(self, sent: Span, exclude: Token) -> list[str]:
        """The pair a "the two countries"/"both sides" phrase stands for: the two countries named elsewhere in
        its sentence, else the latest event's sides, else the previous sentence's two countries."""
        inside = {t.i for t in exclude.subtree}
        here: dict[str, str] = {}
        for m in self.actors.mentions_in(sent.start_char, sent.end_char):
            a = self.actors.actor(m.actor)
            tok = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
            if a is None or not a.country or tok is None or tok.root.i in inside:
                continue
            here.setdefault(a.country, self.canonical(m.actor))  # type: ignore[arg-type]
        if len(here) == 2:
            return list(here.values())
        for idx, s, t in reversed(self.events):
            if idx < self.index - 2:
                break
            return [s, t]
        if self.index >= 1:
            prev = {self.country(a): a for a in self.named[self.index - 1]}
            if len(prev) == 2:
                return list(prev.values())
        return []

    def speaker(self, pos: int) -> str | None:
        """The speaker of the quote containing character ``pos`` ("we" inside a quote is the speaker)."""
        for q in self.quotes:
            if q.start <= pos < q.end and q.speaker:
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


def implied(pred: Token, light: Token | None, frame: Frame, disc: Discourse, sources: list[str],
             targets: list[str], pair: list[str], subj: list[Token]) -> tuple[list[str], list[str], list[str]]:
    """Fill a side the sentence implies: "we" in a quote is its speaker, "the two countries" the pair just
    named, and a verb's missing other side the counterpart of the previous sentences ("China rejected the
    call": the caller)."""
    if not sources and not pair:
        for s in subj:
            if s.lower_ in FIRST_PERSON and (sp := disc.speaker(s.idx)):
                sources = [sp] if not frame.inverse else sources
                targets = targets if not frame.inverse else [sp]
            elif is_pair_phrase(s) and (frame.symmetric or not targets):  # "both countries withdrew ..."
                pair = disc.pair(pred.sent, s)
    if not pair and frame.symmetric:  # "more consultation between the two sides"
        for p in (c for h in (pred, light) if h is not None for c in h.children if c.lower_ == "between"):
            for o in p.children:
                if o.dep_ == "pobj" and is_pair_phrase(o):
                    pair = disc.pair(pred.sent, o)
    if pair or frame.symmetric or light is not None or pred.pos_ != "VERB" or not _may_borrow(pred):
        return sources, targets, pair
    own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in pred.children)
    if sources and not targets and not frame.inverse:
        t = disc.counterpart(sources[0], here=own)
        targets = [t] if t else targets
    elif targets and not sources and frame.inverse:
        s = disc.counterpart(targets[0], here=own)
        sources = [s] if s else sources
    return sources, targets, pair


def _may_borrow(verb: Token) -> bool:
    """A verb may take its missing side from context only when nothing in its own clause names one: no actor
    object, no clause of its own ("denied that ..."), no report it dismisses."""
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            return False
        if c.dep_ in {"dobj", "dative", "oprd"} and c.pos_ in {"PROPN", "PRON"} and c.lower_ not in {"it", "them"}:
            return False
        if c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS \
                and any(g.dep_ in {"acl", "ccomp"} for g in c.children):
            return False
    return True
