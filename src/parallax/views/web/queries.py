"""What each page shows, computed from the story model: plain functions, no HTML, shared by app and report.

A ``StoryIndex`` is built once per loaded story (the app caches it on the store file's mtime), so pages are
lookups, not scans; what only some pages need and costs seconds on a large story (the actor graph with its
centralities, the folded search texts) is computed on first use and then kept on the index. Tables the cross-source stage fills later (claims, clusters, profiles) may be empty: every
function copes.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Callable, TypeVar
from urllib.parse import urlsplit

from parallax import model as m
from parallax.link.salience import ClaimActors, main_claims, rank_claims
from parallax.views import graph as gr
from parallax.views.graph import tone
from parallax.views.web.highlight import Fact
from parallax.views.web.links import Links

T = TypeVar("T")
MAX_QUERY = 500  # characters in any one query parameter
SEARCH_LIMIT = 50  # results per kind
MATRIX_ROWS = 80
TIMELINE_LIMIT = 500  # events on one timeline page; filters narrow the rest, ?page= reaches them
DOCUMENTS_PAGE = 100  # rows of the documents list per page
ACTOR_EVENTS = 200  # newest events on an actor's page; the filtered timeline has them all
ACTOR_QUOTES = 100
EVIDENCE_SHOWN = 5  # evidence passages per contradiction side or corroboration; the rest are links
EVIDENCE_LINKS = 20  # of the rest, this many as links to their documents; beyond that, a count


UNKNOWN_OUTLET = "unknown outlet"


def source_label(doc: m.Document) -> str:
    """The outlet a document came from, else its web host; else it says the outlet is unknown and names the
    document (its file name) so that two unknown sources are never shown as one: never blank."""
    if doc.outlet:
        return doc.outlet
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"{UNKNOWN_OUTLET} ({PurePath(doc.path).name if doc.path else doc.id})"


def known_outlet(doc: m.Document) -> bool:
    return bool(doc.outlet or (doc.url and urlsplit(doc.url).hostname))


def context(text: str, start: int, end: int, width: int = 160) -> tuple[str, str, str]:
    """The span and up to ``width`` characters either side, cut at spaces: (before, span, after)."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if hi < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, text[start:end], after


@dataclass
class StoryIndex:
    """The story plus the lookups every page needs."""

    story: m.Story
    docs: dict[str, m.Document] = field(default_factory=dict)
    actors: dict[str, m.Actor] = field(default_factory=dict)
    events: dict[str, m.Event] = field(default_factory=dict)
    claims: dict[str, m.Claim] = field(default_factory=dict)
    mentions_by_doc: dict[str, list[m.Mention]] = field(default_factory=lambda: defaultdict(list))
    events_by_doc: dict[str, list[m.Event]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_doc: dict[str, list[m.Quote]] = field(default_factory=lambda: defaultdict(list))
    claims_by_doc: dict[str, list[tuple[m.Claim, m.ClaimMention]]] = field(default_factory=lambda: defaultdict(list))
    cluster_of: dict[str, m.EventCluster] = field(default_factory=dict)
    mention_count: Counter = field(default_factory=Counter)
    contested: set[str] = field(default_factory=set)
    ordered: list[m.Event] = field(default_factory=list)  # every event in timeline order (undated last)
    events_by_actor: dict[str, list[m.Event]] = field(default_factory=lambda: defaultdict(list))  # timeline order
    quotes_by_speaker: dict[str, list[m.Quote]] = field(default_factory=lambda: defaultdict(list))
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)  # memos nest
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, story: m.Story) -> StoryIndex:
        ix = cls(story)
        ix.docs = {d.id: d for d in story.documents}
        ix.actors = {a.id: a for a in story.actors}
        ix.events = {e.id: e for e in story.events}
        ix.claims = {c.id: c for c in story.claims}
        for x in story.mentions:
            ix.mentions_by_doc[x.doc].append(x)
            if x.actor:
                ix.mention_count[x.actor] += 1
        for e in story.events:
            ix.events_by_doc[e.doc].append(e)
        for q in story.quotes:
            ix.quotes_by_doc[q.doc].append(q)
            if q.speaker:
                ix.quotes_by_speaker[q.speaker].append(q)
        ix.ordered = sorted(story.events, key=ix._timeline_key)
        for e in ix.ordered:
            for a in {e.source, e.target} - {None}:
                ix.events_by_actor[a].append(e)  # type: ignore[index]
        for c in story.claims:
            for cm in c.mentions:
                ix.claims_by_doc[cm.doc].append((c, cm))
        for c in story.event_clusters:
            for eid in c.events:
                ix.cluster_of[eid] = c
        claim_keys = {c.id: c for c in story.claims} | {c.text.casefold(): c for c in story.claims}
        for x in story.contradictions:
            if x.kind == "claim" and (hit := claim_keys.get(x.about) or claim_keys.get(x.about.casefold())):
                ix.contested.add(hit.id)
        for c in story.claims:
            if {"supports", "refutes"} <= {cm.stance for cm in c.mentions}:
                ix.contested.add(c.id)
        return ix

    def _timeline_key(self, e: m.Event) -> tuple:
        when = self.when(e)
        return (when is None, when or "", e.doc, e.start)

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per index, whichever request asks first; the others wait for that one result
        instead of computing it again (a graph of a large story takes seconds)."""
        if name in self._memo:
            return self._memo[name]  # type: ignore[return-value]
        with self._lock:
            if name not in self._memo:
                self._memo[name] = compute()
            return self._memo[name]  # type: ignore[return-value]

    def graph(self, *, all: bool = False) -> gr.SvgGraph:
        """The actor graph's drawing and centralities (its main actors, or ``all``), computed once per story."""
        g = self.memo("actor_graph", lambda: gr.actor_graph(self.story))
        if all:
            return self.memo("graph_all", lambda: gr.layout(g, limit=None))
        return self.memo("graph", lambda: gr.layout(g))

    def claim_actors(self) -> ClaimActors:
        """Which actors each claim is about and how central they are, for ranking the main claims."""
        return self.memo("claim_actors", lambda: ClaimActors(self.story.claims, self.events, self.story.mentions))

    def search_index(self) -> SearchIndex:
        return self.memo("search", lambda: SearchIndex.build(self))

    def options(self) -> dict[str, list]:
        return self.memo("options", lambda: timeline_options(self))

    # -- small lookups used by templates -------------------------------------------------------------------
    def name(self, actor_id: str | None) -> str:
        if not actor_id:
            return "—"
        a = self.actors.get(actor_id)
        return a.name if a else actor_id

    def source(self, doc_id: str) -> str:
        d = self.docs.get(doc_id)
        return source_label(d) if d else doc_id

    def title(self, doc_id: str) -> str:
        d = self.docs.get(doc_id)
        return (d.title or source_label(d)) if d else doc_id

    def when(self, e: m.Event) -> str | None:
        """An event's date, else its document's publication date (marked as such by the caller)."""
        d = self.docs.get(e.doc)
        return e.date or (d.published if d else None)

    def claim_outlets(self, c: m.Claim) -> list[str]:
        return c.outlets or sorted({self.source(cm.doc) for cm in c.mentions})

    def claim_status(self, c: m.Claim) -> str:
        """contested | corroborated | anonymous only | single source."""
        if c.id in self.contested:
            return "contested"
        supporters = {self.source(cm.doc) for cm in c.mentions if cm.stance == "supports"}
        if c.anonymous_only:
            return "anonymous only"
        if c.independent >= 2 or len(supporters) >= 2:
            return "corroborated"
        return "single source"


# -- overview ---------------------------------------------------------------------------------------------
def overview(ix: StoryIndex, top: int = 12) -> dict:
    s = ix.story
    originals = [d for d in s.documents if not d.duplicate_of]
    # Every dated document counts, whatever gave its date (metadata, a date line in the text, a crawl record).
    published = sorted(d.published[:10] for d in s.documents if d.published)
    dated = sorted(e.date for e in s.events if e.date)
    participation: Counter = Counter()
    for e in s.events:
        for a in {e.source, e.target} - {None}:
            participation[a] += 1
    score = Counter({a: participation[a] * 3 + ix.mention_count[a] for a in ix.actors})
    top_actors = [(ix.actors[a], participation[a], ix.mention_count[a]) for a, _ in score.most_common(top)
                  if participation[a] or ix.mention_count[a]]
    claims = main_claims(s.claims, ix.claim_actors(), top, outlets=lambda c: len(ix.claim_outlets(c)))
    return {
        "documents": len(s.documents), "originals": len(originals),
        "duplicates": len(s.documents) - len(originals),
        "other_languages": sum(1 for d in s.documents if d.language != "en"),
        "outlets": Counter(source_label(d) for d in s.documents if known_outlet(d)).most_common(),
        "unknown_outlet": sum(1 for d in s.documents if not known_outlet(d)),
        "published": (published[0], published[-1]) if published else None,
        "dated_documents": len(published),
        "event_dates": (dated[0], dated[-1]) if dated else None,
        "top_actors": top_actors,
        "types": Counter(e.type for e in s.events).most_common(),
        "claims": [(c, ix.claim_status(c), ix.claim_outlets(c)) for c in claims],
        "counts": {"actors": len(s.actors), "events": len(s.events), "quotes": len(s.quotes),
                   "claims": len(s.claims), "contradictions": len(s.contradictions), "errors": len(s.errors)},
    }


# -- timeline ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineFilter:
    actor: str = ""
    dyad: str = ""  # "actor|actor", either direction
    type: str = ""
    mode: str = ""
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""

    def active(self) -> dict[str, str]:
        return {k: v for k, v in {"actor": self.actor, "dyad": self.dyad, "type": self.type, "mode": self.mode,
                                  "outlet": self.outlet, "from": self.date_from, "to": self.date_to}.items() if v}


def filter_events(ix: StoryIndex, f: TimelineFilter) -> list[m.Event]:
    """Events matching every set filter, in date order (undated last); dates compare as ISO prefixes."""
    pair = set(f.dyad.split("|", 1)) if "|" in f.dyad else None
    out = []
    for e in (ix.events_by_actor.get(f.actor, []) if f.actor else ix.ordered):
        if pair is not None and {e.source, e.target} != pair:
            continue
        if (f.type and e.type != f.type) or (f.mode and e.mode != f.mode):
            continue
        if f.outlet and ix.source(e.doc) != f.outlet:
            continue
        when = ix.when(e)
        if (f.date_from or f.date_to) and not when:
            continue
        if f.date_from and when < f.date_from[: len(when)]:
            continue
        if f.date_to and when[: len(f.date_to)] > f.date_to:
            continue
        out.append(e)
    return out


def actor_events(ix: StoryIndex, actor_id: str, limit: int = ACTOR_EVENTS) -> list[m.Event]:
    """The actor's ``limit`` newest events, newest first; undated ones only when the dated do not fill it."""
    evs = ix.events_by_actor.get(actor_id, [])
    dated = [e for e in evs if ix.when(e)]
    return (dated[::-1] + [e for e in evs if not ix.when(e)])[:limit]


def page_of(items: list, page: int, size: int) -> tuple[list, int]:
    """Items of 1-based ``page`` and the number of pages (at least 1, so an empty list has a page 1)."""
    pages = max(1, -(-len(items) // size))
    return items[(page - 1) * size: page * size], pages


def dyad_events(ix: StoryIndex) -> dict[tuple[str, str], list[m.Event]]:
    """Events per unordered actor pair (sorted ids): the grouping of the graph's lines."""
    out: dict[tuple[str, str], list[m.Event]] = defaultdict(list)
    for e in ix.story.events:
        if e.source and e.target and e.source != e.target:
            out[tuple(sorted((e.source, e.target)))].append(e)
    return out


def timeline_groups(ix: StoryIndex, events: list[m.Event]) -> list[tuple[str, list[m.Event]]]:
    groups: dict[str, list[m.Event]] = {}
    for e in events:
        groups.setdefault(ix.when(e) or "undated", []).append(e)
    return list(groups.items())


def timeline_options(ix: StoryIndex) -> dict[str, list]:
    involved = Counter(a for e in ix.story.events for a in (e.source, e.target) if a)
    return {
        "actors": sorted(((a, ix.name(a)) for a in involved), key=lambda x: x[1].casefold()),
        "types": list(m.PLOVER_TYPES), "modes": list(m.EVENT_MODES),
        "outlets": sorted({ix.source(e.doc) for e in ix.story.events}, key=str.casefold),
    }


# -- claims -----------------------------------------------------------------------------------------------
@dataclass
class MatrixRow:
    claim: m.Claim
    status: str
    cells: dict[str, tuple[str, m.ClaimMention]]  # outlet -> (stance or "mixed", first mention)


def claim_matrix(ix: StoryIndex, limit: int = MATRIX_ROWS) -> tuple[list[str], list[MatrixRow]]:
    """Claims as rows (the main claims first: see ``parallax.link.salience``), outlets as columns, each cell the
    outlet's stance."""
    claims = rank_claims(ix.story.claims, ix.claim_actors(), lambda c: len(ix.claim_outlets(c)))
    rows, outlets = [], Counter()
    for c in claims[:limit]:
        by_outlet: dict[str, list[m.ClaimMention]] = defaultdict(list)
        for cm in c.mentions:
            by_outlet[ix.source(cm.doc)].append(cm)
        cells = {}
        for o, cms in by_outlet.items():
            stances = {cm.stance for cm in cms}
            cells[o] = (stances.pop() if len(stances) == 1 else "mixed", cms[0])
            outlets[o] += 1
        rows.append(MatrixRow(c, ix.claim_status(c), cells))
    return [o for o, _ in sorted(outlets.items(), key=lambda x: (-x[1], x[0].casefold()))], rows


def corroborations(ix: StoryIndex, limit: int = 50) -> list[dict]:
    """Claims supported by two or more outlets, and events reported by two or more documents."""
    out = []
    for c in ix.story.claims:
        support = [cm for cm in c.mentions if cm.stance == "supports"]
        if len({ix.source(cm.doc) for cm in support}) >= 2:
            out.append({"kind": "claim", "about": c.text, "claim": c,
                        "evidence": [(cm.doc, cm.start, cm.end) for cm in support]})
    for cl in ix.story.event_clusters:
        if len(cl.docs) >= 2:
            evs = [ix.events[e] for e in cl.events if e in ix.events]
            about = f"{ix.name(cl.source)} {cl.type} {ix.name(cl.target)}"
            out.append({"kind": "event", "about": about, "cluster": cl,
                        "evidence": [(e.doc, e.start, e.end) for e in evs]})
    return out[:limit]


# -- the document reader ----------------------------------------------------------------------------------
def doc_facts(ix: StoryIndex, doc: m.Document, links: Links, highlight: tuple[int, int] | None = None) -> list[Fact]:
    """Every fact with evidence in ``doc``, as spans for the highlighter."""
    facts: list[Fact] = []
    for e in ix.events_by_doc.get(doc.id, []):
        label = f"{e.type} ({e.mode}): {ix.name(e.source)} → {ix.name(e.target)}" + (
            f"; CAMEO {e.cameo}, Goldstein {e.goldstein}" if e.cameo else "")
        facts.append(Fact(e.id, "event", e.start, e.end, label, links.event(e.id), e.type, tone(e.goldstein)))
    for q in ix.quotes_by_doc.get(doc.id, []):
        who = ix.name(q.speaker) if q.speaker else q.speaker_text
        facts.append(Fact(q.id, "quote", q.start, q.end, f"{q.kind} quote: {who}" + (" (anonymous)" if q.anonymous else "")))
    for c, cm in ix.claims_by_doc.get(doc.id, []):
        facts.append(Fact(claim_fact_id(c.id, cm), "claim", cm.start, cm.end, f"claim ({cm.stance}): {c.text}",
                          css=f"stance-{cm.stance}"))
    for x in ix.story.contradictions:
        for i, side in enumerate(x.sides):
            for k, ev in enumerate(side.evidence):
                if ev.doc == doc.id:
                    facts.append(Fact(f"{x.id}-{i}-{k}", "evidence", ev.start, ev.end,
                                      f"contradiction ({x.kind}) about {x.about}: {side.value}"))
    for mn in ix.mentions_by_doc.get(doc.id, []):
        facts.append(Fact(mn.id, "mention", mn.start, mn.end, f"{ix.name(mn.actor)} ({mn.kind})",
                          links.actor(mn.actor) if mn.actor else None))
    if highlight:
        facts.append(Fact("hl", "target", highlight[0], highlight[1], "the requested passage"))
    return facts


def claim_fact_id(claim_id: str, cm: m.ClaimMention) -> str:
    return f"{claim_id}@{cm.doc}:{cm.start}"


# -- search -----------------------------------------------------------------------------------------------
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _combining() -> re.Pattern:
    """Every combining mark, as one character class (C code strips them; a Python loop per character cost
    seconds on a large story)."""
    marks = [cp for cp in range(0x110000) if unicodedata.combining(chr(cp))]
    ranges, lo = [], marks[0]
    for prev, cp in zip(marks, marks[1:] + [-1]):
        if cp != prev + 1:
            ranges.append(re.escape(chr(lo)) + ("-" + re.escape(chr(prev)) if prev > lo else ""))
            lo = cp
    return re.compile("[" + "".join(ranges) + "]")


def fold(text: str) -> str:
    """Case- and accent-blind form, so "lucia" finds "Lucía"; ASCII (most text) takes the fast path."""
    if text.isascii():
        return text.lower()
    low = unicodedata.normalize("NFKD", text.casefold())
    return low if low.isascii() else _combining().sub("", low)


@dataclass
class SearchIndex:
    """Every searchable text of a story folded once, so a query is substring tests over prepared strings."""

    docs: list[tuple[m.Document, str, int]]  # document, folded "text\ntitle\nsource", length of folded text
    actors: list[tuple[m.Actor, str]]
    claims: list[tuple[m.Claim, str]]
    events: list[tuple[m.Event, str]]

    @classmethod
    def build(cls, ix: StoryIndex) -> SearchIndex:
        docs = []
        for d in ix.story.documents:
            text = fold(d.text)
            docs.append((d, f"{text}\n{fold(d.title or '')}\n{fold(source_label(d))}", len(text)))
        return cls(docs, [(a, fold(" ".join([a.name, *a.aliases, *a.roles]))) for a in ix.story.actors],
                   [(c, fold(c.text)) for c in ix.story.claims], [(e, fold(e.text)) for e in ix.story.events])


def search(ix: StoryIndex, q: str, limit: int = SEARCH_LIMIT) -> dict[str, list]:
    """Documents, actors, claims and events containing every word of ``q`` (case- and accent-blind)."""
    terms = list(dict.fromkeys(fold(t) for t in _WORD.findall(q)))[:20]
    if not terms:
        return {"documents": [], "actors": [], "claims": [], "events": [], "limit": limit}
    si = ix.search_index()

    def first(rows: list) -> list:
        out = []
        for row in rows:
            if all(t in row[1] for t in terms):
                out.append(row)
                if len(out) >= limit:
                    break
        return out

    docs = []
    for d, low, n in first(si.docs):
        at = low.find(terms[0], 0, n)  # folding keeps length for nearly all text; clipped below
        at = at if 0 <= at < len(d.text) else -1
        docs.append((d, context(d.text, at, at + len(terms[0]), 90) if at >= 0 else ("", "", d.text[:180])))
    return {"documents": docs, "actors": [a for a, _ in first(si.actors)],
            "claims": [c for c, _ in first(si.claims)], "events": [e for e, _ in first(si.events)], "limit": limit}
