"""One claim per proposition across documents, whatever the wording, with each statement's stance.

Text similarity cannot tell "will sell" from "will not sell", so the proposition key is structural first:
- every coded event is a statement of (source, PLOVER type, target), parties compared by country where they
  have one (a minister speaks for his state), unordered for mutual acts; its mode gives the stance to the
  positive proposition (asserted/future → supports, negated/denied → refutes, reported/hypothetical →
  discusses);
- a quoted or reported clause that contains an event is that event's statement (its holder is the speaker,
  its span the clause);
- a clause without an event but with a verb the event lexicon knows and two actors in it gets the same key
  (the parse missed the event, the words did not);
- what is left clusters by its normalised proposition text (negation removed, so "X will sell" and
  "X will not sell" meet) among statements that share their actors.
A statement the outlet attributes with a distancing cue ("claimed", "alleged") discusses rather than adopts.

A claim keeps its proposition in normalised words (what verify matches) and is named by the cleanest clause of
its evidence (``parallax.link.claim_names``); a claim only refuted is named by a refutation, its stances read
from that wording (polarity "negative": its supporters deny the proposition).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from parallax.language.spans import Covering
from parallax.link.claim_names import DocTexts, Name, Wording, mention_names, name_claim
from parallax.link.equipment import split_by_equipment
from parallax.link.propositions import MUTUAL_TYPES, Names, event_claim_text, own_name, stem
from parallax.link.unionfind import UnionFind
from parallax.model import Actor, Claim, ClaimMention, Document, Event, Mention, Quote

SUPPORTS, REFUTES, DISCUSSES = "supports", "refutes", "discusses"
MODE_STANCE = {"asserted": SUPPORTS, "future": SUPPORTS, "negated": REFUTES, "denied": REFUTES,
               "reported": DISCUSSES, "hypothetical": DISCUSSES}
# Cue stems by which an outlet reports a statement without adopting it.
DISTANCING = ("claim", "alleg", "purport", "specul", "rumo", "suggest", "insinuat")
TEXT_MATCH = 80.0  # rapidfuzz token_set_ratio of two normalised propositions (tuned on tests/link fixtures)
TEXT_JACCARD = 0.5  # ... and at least this share of their content words in common
MAX_BLOCK = 400  # a word shared by more statements than this is too common to propose pairs

_STOP = frozenset("""
a an the of to in on at by for from with and or but as that this these those it its their his her our we they
i you he she be is are was were been being has have had do does did will would shall should can could may might
must not no never n't also any some all very just still about over into than then there here who which what
""".split())
_NEG = re.compile(r"\b(not|never|no longer|n't)\b\s*", re.I)


@dataclass(slots=True)
class Statement:
    """One document's statement of a proposition: where, by whom, with which stance."""

    doc: str
    start: int
    end: int
    holder: str | None
    stance: str
    mode: str
    key: tuple | None = None  # structural key; None: cluster by text
    event: str | None = None
    date: str | None = None
    text: str = ""  # the proposition as worded in this statement (per-document claim text)
    parties: frozenset[str] = frozenset()
    score: float = 1.0
    equipment: bool = False
    tokens: frozenset[str] = field(default_factory=frozenset)
    sentence: str = ""  # the event's evidence sentence, for statements without a worded clause


def claim_id(key: tuple) -> str:
    """A stable id from a proposition key: re-running over the same story gives the same ids."""
    return "k" + hashlib.sha1(repr(key).encode()).hexdigest()[:12]


def party(actor_id: str | None, actors: Mapping[str, Actor]) -> str:
    """How a proposition names a party: its country where it has one, else the actor itself."""
    if not actor_id:
        return "?"
    a = actors.get(actor_id)
    if a is None:
        return actor_id
    return a.country or own_name(actor_id, actors)


def parties(src_id: str | None, tgt_id: str | None, actors: Mapping[str, Actor]) -> tuple[str, str]:
    src, tgt = party(src_id, actors), party(tgt_id, actors)
    if src == tgt and src != "?" and src_id != tgt_id:
        kinds = (getattr(actors.get(src_id or ""), "kind", None), getattr(actors.get(tgt_id or ""), "kind", None))
        if kinds[1] != "country":
            tgt = own_name(tgt_id, actors)
        elif kinds[0] != "country":
            src = own_name(src_id, actors)
    return src, tgt


def event_key(etype: str, src: str, tgt: str, mutual: bool) -> tuple:
    if mutual and src > tgt:
        src, tgt = tgt, src
    return ("E", etype, src, tgt)


def _distancing(cue: str | None) -> bool:
    low = (cue or "").lower()
    return any(low.startswith(s) for s in DISTANCING)


def _text_stance(claim: Claim, cue: str | None) -> str:
    if claim.mode in ("hypothetical", "reported") or _distancing(cue):
        return DISCUSSES
    negative = claim.polarity == "negative"
    if claim.mode == "denied":
        negative = not negative
    return REFUTES if negative else SUPPORTS


def positive_text(text: str) -> str:
    return re.sub(r"\s+", " ", _NEG.sub("", text)).strip()


def content_tokens(text: str) -> frozenset[str]:
    """The proposition's content words, negation and function words removed, plurals folded."""
    return frozenset(stem(w) for w in re.findall(r"[a-z0-9]+", positive_text(text).lower()) if w not in _STOP)


@lru_cache(maxsize=4096)
def _frame_of(word: str):
    from parallax.extract.events.lexicon import verb_frame

    f = verb_frame(word)
    return f if f is not None and not f.light_only else None


def _frame_in(text: str):
    """(frame, character offset) of the first verb after the subject whose lemma the event lexicon codes
    ("X continue provide Y" → provide); (None, -1) when there is none."""
    for i, w in enumerate(re.finditer(r"[A-Za-z]+", text)):
        if i and (f := _frame_of(w.group().lower())) is not None:
            return f, w.start()
    return None, -1


def _span_actors(ms: Sequence[Mention], start: int, end: int, exclude: str | None) -> list[Mention]:
    """Actor mentions inside [start, end), in text order, the statement's holder excluded (``ms`` sorted by
    start)."""
    out = []
    i = bisect_left(ms, start, key=lambda x: x.start)
    while i < len(ms) and ms[i].start < end:
        x = ms[i]
        if x.actor and x.end <= end and x.actor != exclude:
            out.append(x)
        i += 1
    return out


def frame_key(text: str, named: Sequence[Mention], actors: Mapping[str, Actor]) -> tuple[tuple | None, bool]:
    """(structural key, transfer?) of a worded proposition: its coded verb, an actor named in the subject and
    another named after the verb ("Chile buy boats from Norway" → Norway AID Chile); (None, False) otherwise."""
    frame, at = _frame_in(text)
    if frame is None:
        return None, False
    low = text.lower()
    marks = {"from"} if frame.inverse else set(frame.target_deps) | ({"to"} if "dative" in frame.target_deps else set())
    before, after, marked = [], [], []
    for x in named:
        pos = low.find(x.text.lower()) if x.text else -1
        if pos < 0:
            continue
        p = x.actor
        if pos < at:
            before.append(p)
        else:
            after.append(p)
            if low[:pos].split()[-1:] and low[:pos].split()[-1] in marks:
                marked.append(p)  # the object of the frame's role preposition: "... to Peru"
    other = (marked or after)[0] if after else None
    if not before or other is None or before[0] == other:
        return None, False
    src, tgt = parties(*((other, before[0]) if frame.inverse else (before[0], other)), actors)
    if src == tgt:
        return None, False
    return event_key(frame.plover, src, tgt, frame.symmetric or frame.plover in MUTUAL_TYPES), frame.transfer


class _Index:
    """Per-document lookups: quotes and mentions by document, for spans."""

    def __init__(self, quotes: Iterable[Quote], mentions: Iterable[Mention]):
        by_doc: dict[str, list[Quote]] = {}
        for q in quotes:
            by_doc.setdefault(q.doc, []).append(q)
        # by position: a long document has thousands of quotes and asks about thousands of spans
        self.quotes = {d: Covering(qs, lambda q: q.start, lambda q: q.end) for d, qs in by_doc.items()}
        self.mentions: dict[str, list[Mention]] = {}
        for x in mentions:
            self.mentions.setdefault(x.doc, []).append(x)
        for v in self.mentions.values():
            v.sort(key=lambda x: x.start)

    def quote_at(self, doc: str, start: int, end: int) -> Quote | None:
        """The first quote holding the span, else the first overlapping it."""
        if (quotes := self.quotes.get(doc)) is None:
            return None
        return quotes.first_in(start, end, lambda q: q.start <= start and end <= q.end) or quotes.first_in(start, end)


def _event_statements(events: Sequence[Event], actors: Mapping[str, Actor], idx: _Index) -> dict[str, Statement]:
    out: dict[str, Statement] = {}
    for e in events:
        src, tgt = parties(e.source, e.target, actors)
        mutual = e.symmetric or e.type in MUTUAL_TYPES
        q = idx.quote_at(e.doc, e.start, e.end) if e.reported_by else None
        stance = MODE_STANCE.get(e.mode, DISCUSSES)
        if q is not None and _distancing(q.cue):
            stance = DISCUSSES
        out[e.id] = Statement(doc=e.doc, start=e.start, end=e.end, holder=e.reported_by, stance=stance,
                              mode=e.mode, key=event_key(e.type, src, tgt, mutual), event=e.id, date=e.date,
                              parties=frozenset({src, tgt} - {"?"}), equipment=bool(e.equipment),
                              sentence=e.text)
    return out


def _match_event(c: Claim, cands: list[Event]) -> Event | None:
    """The event a clause states among those overlapping it, preferably the one whose predicate it words."""
    if not cands:
        return None
    words = set(re.findall(r"[a-z]+", c.text.lower()))
    named = [e for e in cands if e.predicate and set(e.predicate.lower().split()) & words]
    if named:
        return named[0]
    return cands[0] if len(cands) == 1 else None


def _claim_statements(claims: Sequence[Claim], events: Sequence[Event], ev_stmts: dict[str, Statement],
                      actors: Mapping[str, Actor], idx: _Index) -> list[Statement]:
    """Per-document claims: absorbed into the event they state; worded with a coded verb and two parties the
    events missed, a structural statement of their own; otherwise a statement clustered by its text."""
    listed: dict[str, list[Event]] = {}
    for e in events:
        listed.setdefault(e.doc, []).append(e)
    by_doc = {d: Covering(evs, lambda e: e.start, lambda e: e.end) for d, evs in listed.items()}
    out: list[Statement] = []
    for c in claims:
        for cm in c.mentions:
            q = idx.quote_at(cm.doc, cm.start, cm.end)
            holder = cm.holder or c.holder
            overlapping = by_doc[cm.doc].all_in(cm.start, cm.end) if cm.doc in by_doc else []
            e = _match_event(c, overlapping)
            if e is not None:
                st = ev_stmts[e.id]
                if st.start <= cm.start and cm.end <= st.end:
                    st.start, st.end = cm.start, cm.end  # the clause is finer evidence than the sentence
                st.holder = st.holder or holder
                if q is not None and _distancing(q.cue):
                    st.stance = DISCUSSES
                st.text = st.text or c.text
            named = _span_actors(idx.mentions.get(cm.doc, ()), cm.start, cm.end, holder)
            key, transfer = frame_key(c.text, named, actors)
            stated = {ev_stmts[x.id].key for x in overlapping}
            if e is not None and (key is None or key in stated):
                continue
            st = Statement(doc=cm.doc, start=cm.start, end=cm.end, holder=holder,
                           stance=_text_stance(c, q.cue if q else None), mode=c.mode, text=c.text, score=0.5,
                           parties=frozenset(party(x.actor, actors) for x in named))
            if key is not None and key not in stated:
                st.key, st.equipment, st.score = key, transfer, 0.7
            else:
                st.tokens = content_tokens(c.text)
            out.append(st)
    return out


def _subsume_partial(stmts: list[Statement]) -> None:
    """A key missing one party joins the one complete key that agrees on the rest, if there is exactly one."""
    full = {s.key for s in stmts if s.key and "?" not in s.key[2:]}
    for s in stmts:
        if not s.key or "?" not in s.key[2:] or s.key[2:] == ("?", "?"):
            continue
        _, etype, src, tgt = s.key
        fits = [k for k in full if k[1] == etype and (src in ("?", k[2]) and tgt in ("?", k[3])
                                                       or etype in MUTUAL_TYPES and {src, tgt} - {"?"} <= set(k[2:]))]
        if len(fits) == 1:
            s.key = fits[0]


def same_proposition(a: Statement, b: Statement) -> bool:
    """Two worded propositions state one thing: near-identical content words and no conflicting actors."""
    if a.parties and b.parties and not a.parties & b.parties:
        return False
    if not a.tokens or not b.tokens:
        return False
    if len(a.tokens & b.tokens) < TEXT_JACCARD * len(a.tokens | b.tokens):
        return False
    return fuzz.token_set_ratio(" ".join(sorted(a.tokens)), " ".join(sorted(b.tokens))) >= TEXT_MATCH


def _text_keys(stmts: list[Statement]) -> None:
    """Give text statements a shared key per cluster. Statements with the same words and parties are one
    candidate; candidates are compared only when they share a content word (blocking keeps it near-linear)."""
    same: dict[tuple[frozenset[str], frozenset[str]], list[Statement]] = {}
    for s in stmts:
        if s.key is None and s.tokens:
            same.setdefault((s.tokens, s.parties), []).append(s)
    reps = [group[0] for group in same.values()]
    uf = UnionFind()
    blocks: dict[str, list[int]] = {}
    for i, s in enumerate(reps):
        for w in s.tokens:
            blocks.setdefault(w, []).append(i)
    tried: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if (i, j) in tried or uf.find(i) == uf.find(j):
                    continue
                tried.add((i, j))
                if same_proposition(reps[i], reps[j]):
                    uf.union(i, j)
    clusters: dict[int, list[Statement]] = {}
    for i, group in enumerate(same.values()):
        clusters.setdefault(uf.find(i), []).extend(group)
    for group in clusters.values():
        canon = min(" ".join(sorted(s.tokens)) for s in group)
        key = ("T", canon, tuple(sorted(frozenset().union(*(g.parties for g in group)))))
        for s in group:
            s.key = key
    for s in stmts:  # a clause with no content words at all stays a claim of its own
        if s.key is None:
            s.key = ("T", s.doc, s.start, s.text)


def _merge_mentions(stmts: list[Statement]) -> list[ClaimMention]:
    """One mention per (doc, start): two statements at one place with different stances discuss."""
    by_at: dict[tuple[str, int], ClaimMention] = {}
    for s in sorted(stmts, key=lambda s: (s.doc, s.start, -s.score)):
        at = (s.doc, s.start)
        cm = by_at.get(at)
        if cm is None:
            by_at[at] = ClaimMention(doc=s.doc, stance=s.stance, start=s.start, end=s.end, holder=s.holder,
                                     score=s.score)
        elif cm.stance != s.stance:
            cm.stance = DISCUSSES
    return list(by_at.values())


def build_statements(claims: Sequence[Claim], events: Sequence[Event], quotes: Sequence[Quote],
                     actors: Mapping[str, Actor], mentions: Sequence[Mention] = ()) -> list[Statement]:
    """Every statement of the story with its proposition key (see module doc)."""
    idx = _Index(quotes, mentions)
    ev = _event_statements(events, actors, idx)
    stmts = list(ev.values()) + _claim_statements(claims, events, ev, actors, idx)
    _subsume_partial(stmts)
    split_by_equipment(stmts)
    _text_keys(stmts)
    return stmts


def cluster_claims(claims: Sequence[Claim], events: Sequence[Event], quotes: Sequence[Quote],
                   docs: Mapping[str, Document], actors: Mapping[str, Actor], *,
                   mentions: Sequence[Mention] = ()) -> list[Claim]:
    """Global claims, one per proposition, whose mentions span documents (see module doc).

    ``claims`` are the per-document claims (``{doc}:c{n}``); ``mentions`` (actor mentions, global ids) let
    clauses without an event find their parties. Statements of documents not in ``docs`` are dropped.
    """
    names = Names(actors)
    who = mention_names(mentions, actors)
    texts = DocTexts(docs)
    groups: dict[tuple, list[Statement]] = {}
    for s in build_statements(claims, events, quotes, actors, mentions):
        if docs and s.doc not in docs:
            continue
        groups.setdefault(s.key, []).append(s)
    out: list[Claim] = []
    # Claims are told apart by their names where they can be: those with fewest wordings choose first, and a
    # name already given is taken again only when a claim has no other.
    taken: set[str] = set()
    for key in sorted(groups, key=lambda k: (len({(s.doc, s.start) for s in groups[k]}), claim_id(k))):
        group = groups[key]
        merged = sorted(_merge_mentions(group), key=lambda m: (m.doc, m.start))
        name = _name(group, merged, texts, who, taken)
        if name is not None:
            taken.add(name.text)
        flipped = name is not None and name.wording.stance == REFUTES
        if key[0] == "E":
            proposition = event_claim_text(key, names, any(s.equipment for s in group))
        else:
            named = [s for s in group if name is not None and (s.doc, s.start) == (name.wording.doc, name.wording.start)]
            worded = Counter(positive_text(s.text) for s in named) or Counter(
                positive_text(s.text) for s in group if s.stance == SUPPORTS) or Counter(
                positive_text(s.text) for s in group)
            proposition = _with_subject(worded.most_common(1)[0][0], name)
        if flipped:  # named by its refutation: the stances are read from that wording
            for m in merged:
                m.stance = {SUPPORTS: REFUTES, REFUTES: SUPPORTS}.get(m.stance, m.stance)
        holders = {s.holder for s in group}
        out.append(Claim(
            id=claim_id(key), text=name.text if name else proposition, proposition=proposition,
            holder=next(iter(holders)) if len(holders) == 1 else None,
            polarity="negative" if flipped else "positive", mode=Counter(s.mode for s in group).most_common(1)[0][0],
            events=sorted({s.event for s in group if s.event}), mentions=merged,
        ))
    out.sort(key=lambda c: (-len({m.doc for m in c.mentions}), c.id))
    return out


def _name(group: list[Statement], merged: list[ClaimMention], texts: DocTexts, who, taken: set[str]) -> Name | None:
    """The claim's readable name from its evidence (see ``claim_names``): the supporting side names it when
    there is one, else the refuting side."""
    place = {(m.doc, m.start): m for m in merged}
    wordings = []
    for s in group:
        m = place.get((s.doc, s.start))
        if m is not None and m.end == s.end:
            first = s.text.split(maxsplit=1)[0] if s.text.strip() else None
            wordings.append(Wording(s.doc, s.start, s.end, m.stance, first))
    stances = {w.stance for w in wordings}
    side = SUPPORTS if SUPPORTS in stances or REFUTES not in stances else REFUTES
    return name_claim(wordings, texts, side, REFUTES if side == SUPPORTS else SUPPORTS, who, taken)


def _with_subject(proposition: str, name: Name | None) -> str:
    """The proposition with the pronoun its name replaced ("they stop the train" → "the rebels stop the train")."""
    if name is None or name.replaced is None:
        return proposition
    first, _, rest = proposition.partition(" ")
    return f"{name.replaced[1]} {rest}".strip() if first.lower() == name.replaced[0].lower() else proposition


def document_stance(claim: Claim, doc_id: str) -> str:
    """A document's stance to a claim from its mentions: the outlet's own voice decides when it takes a side;
    otherwise one side only → that side, both sides or only hedged reports → discusses; none → unrelated."""
    ms = [m for m in claim.mentions if m.doc == doc_id]
    if not ms:
        return "unrelated"
    own = {m.stance for m in ms if m.holder is None and m.stance != DISCUSSES}
    if len(own) == 1:
        return own.pop()
    sides = {m.stance for m in ms if m.stance != DISCUSSES}
    return sides.pop() if len(sides) == 1 else DISCUSSES
