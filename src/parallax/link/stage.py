"""The cross-source stage: merge actors across documents, rewrite every fact to global actor ids, then build
what only the whole story shows: event clusters, one claim per proposition with each document's stance,
corroboration, contradictions (offices, opposite claims, event details) and source profiles.

It reads only the stored per-document results, so it always reflects the whole store. Two things keep it
cheap on a large store:
- lean memory: mentions (about sixty a document) and quotes are streamed from the results to their tables a
  batch of documents at a time, actor ids remapped on the way (mentions inside DuckDB, quotes as Arrow
  columns); clustering keeps only
  what it reads of them (the mentions that lie inside a claim's clause, and each quote's span, cue and
  anonymity). The documents' own actors are read in a pass of their own and dropped once merged; events,
  per-document claims and facts, which clustering needs whole, are the only facts held for the whole corpus.
  Derived tables are dropped and re-created rather than emptied row by row (see ``Store.reset_table``);
- no work when nothing changed: a fingerprint of everything the stage reads (documents, results, the stage's
  own code) is stored with the tables it writes, in one transaction; the next run with the same fingerprint
  skips the stage.
"""

from __future__ import annotations

import hashlib
import json
import logging
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from parallax import model as m
from parallax.extract.actors.types import DocActors
from parallax.extract.facts.types import Fact
from parallax.store.codec import dict_columns, from_dict

if TYPE_CHECKING:
    from parallax.model import RunSummary
    from parallax.store import Store


log = logging.getLogger(__name__)

LINK_VERSION = 2  # bump when the stage's output changes for a reason its own code's digest cannot see (2: disputes read the actor gazetteer)
FINGERPRINT_KEY = "link_fingerprint"
STREAM_DOCS = 256  # documents per streamed batch of mentions and quotes
DERIVED = ("actors", "mentions", "quotes", "events", "claims", "claim_mentions", "contradictions",
           "event_clusters", "profiles")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """What clustering, corroboration and profiles read of a quote: where it is, its cue, whether anonymous."""

    doc: str
    start: int
    end: int
    anonymous: bool
    cue: str | None


@dataclass(slots=True)
class LinkResult:
    """What one call of :func:`link_story` did: ``skipped`` when the store was already linked as it stands."""

    skipped: bool
    actors: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    claims: int = 0
    contradictions: int = 0
    event_clusters: int = 0
    profiles: int = 0
    multi_doc_claims: int = 0  # claims stated by more than one document


NOT_READ = frozenset({"duplicates.py"})  # link modules this stage never runs (ingest's near-duplicate search)


@cache
def _code_digest() -> str:
    """A digest of the link package's source (but what it never runs) and the story model: new clustering code
    relinks by itself; a new module counts until it is listed in NOT_READ (an extra relink, never a stale one)."""
    h = hashlib.sha1(str(LINK_VERSION).encode())
    pkg = files("parallax")
    for f in sorted((p for p in (pkg / "link").iterdir() if p.name.endswith(".py") and p.name not in NOT_READ),
                    key=lambda p: p.name):
        h.update(f.name.encode() + f.read_bytes())
    h.update((pkg / "model.py").read_bytes())
    return h.hexdigest()[:16]


def fingerprint(store: Store) -> str:
    """The digest under which the current tables were (or would be) linked: code, documents and results."""
    return f"v{LINK_VERSION}:{_code_digest()}:{store.results_fingerprint()}"


def is_linked(store: Store, fp: str | None = None) -> bool:
    """Whether the cross-source tables already reflect the store as it stands."""
    return store.meta(FINGERPRINT_KEY) == (fp or fingerprint(store))


def _event_clusters(events: Sequence[m.Event], docs: Mapping[str, m.Document],
                    actors: Mapping[str, m.Actor]) -> tuple[list[m.EventCluster], list[m.Contradiction]]:
    """Event clusters and their number/date conflicts, when the event-clustering modules are installed."""
    try:
        from parallax.link.events import cluster_events
    except ImportError:
        log.debug("parallax.link.events not available: no event clusters")
        return [], []
    clusters = cluster_events(list(events), docs, actors)
    try:
        from parallax.link.numbers import detail_conflicts
    except ImportError:
        log.debug("parallax.link.numbers not available: no number/date contradictions")
        return clusters, []
    return clusters, detail_conflicts(clusters, list(events), docs)


def _remap(value: str | None, mapping: dict[str, str]) -> str | None:
    return mapping.get(value, value) if value else value


def _loads(text: str | None) -> list:
    return json.loads(text) if text else []


def _merged_actors(store: Store) -> tuple[list[m.Actor], dict[str, str]]:
    """Every document's own actors merged: the global actors and the map from local to global ids. The local
    actors are read in a pass of their own and dropped before anything else is read."""
    from parallax.link.actors import merge_actors

    per_doc = [DocActors(doc=doc, actors={a["id"]: from_dict(m.Actor, a) for a in _loads(actors)})
               for chunk in store.doc_result_rows(("actors",)) for doc, actors in chunk]
    return merge_actors(per_doc)


@dataclass(slots=True)
class _Held:
    """The facts clustering needs whole, actor ids already global."""

    events: list[m.Event]
    claims: list[m.Claim]
    facts: list[Fact]


def _read_whole(store: Store, mapping: dict[str, str]) -> _Held:
    held = _Held([], [], [])
    for chunk in store.doc_result_rows(("events", "claims", "facts")):
        for _, events, claims, facts in chunk:
            held.events += [from_dict(m.Event, x) for x in _loads(events)]
            held.claims += [from_dict(m.Claim, x) for x in _loads(claims)]
            held.facts += [Fact(**x) for x in _loads(facts)]
    for e in held.events:
        e.source, e.target, e.reported_by = (_remap(e.source, mapping), _remap(e.target, mapping),
                                             _remap(e.reported_by, mapping))
    for c in held.claims:
        c.holder = _remap(c.holder, mapping)
        for cm in c.mentions:
            cm.holder = _remap(cm.holder, mapping)
    return held


class _ClauseSpans:
    """The clauses of every per-document claim, by document: clustering looks for a clause's parties only among
    the mentions inside it (``claims._span_actors``), so only those mentions are kept in memory."""

    def __init__(self, claims: Iterable[m.Claim]):
        spans: dict[str, list[tuple[int, int]]] = {}
        for c in claims:
            for cm in c.mentions:
                spans.setdefault(cm.doc, []).append((cm.start, cm.end))
        self._by_doc: dict[str, tuple[list[int], list[int]]] = {}
        for doc, items in spans.items():
            items.sort()
            reach, top = [], -1
            for _, end in items:
                top = max(top, end)
                reach.append(top)  # the furthest end among clauses starting here or before
            self._by_doc[doc] = ([s for s, _ in items], reach)

    def covers(self, doc: str, start: int, end: int) -> bool:
        """Whether some clause of ``doc`` contains [start, end)."""
        found = self._by_doc.get(doc)
        if found is None:
            return False
        i = bisect_right(found[0], start)
        return i > 0 and found[1][i - 1] >= end


def _write_mentions_quotes(store: Store, mapping: dict[str, str], claims: Sequence[m.Claim]
                           ) -> tuple[list[m.Mention], list[QuoteSpan], int, int]:
    """Write every mention (copied inside DuckDB) and quote (streamed a batch of documents at a time as column
    lists straight from the decoded JSON, so its JSON columns keep their exact text), actor ids remapped, with
    no dataclass per fact; return what clustering reads of them (the mentions with an actor inside a claim's
    clause; every quote's span, cue and anonymity) and the numbers written."""
    n_mentions = store.copy_results("mentions", m.Mention, {"actor": mapping})
    clauses = _ClauseSpans(claims)
    types = store._types["quotes"]
    kept: list[m.Mention] = []
    spans: list[QuoteSpan] = []
    n_quotes = 0
    for chunk in store.doc_result_rows(("mentions", "quotes"), batch=STREAM_DOCS):
        for x in (x for _, mentions, _ in chunk for x in _loads(mentions)):
            if x["actor"] and clauses.covers(x["doc"], x["start"], x["end"]):
                x["actor"] = _remap(x["actor"], mapping)
                kept.append(from_dict(m.Mention, x))
        qs = [x for _, _, quotes in chunk for x in _loads(quotes)]
        for x in qs:
            x["speaker"] = _remap(x.get("speaker"), mapping)
        n_quotes += store.write_columns("quotes", dict_columns(m.Quote, qs, types), len(qs))
        spans += [QuoteSpan(x["doc"], x["start"], x["end"], x["anonymous"], x.get("cue")) for x in qs]
    return kept, spans, n_mentions, n_quotes


def _stored_counts(store: Store) -> LinkResult:
    c = {t: store.count(t) for t in ("actors", "mentions", "quotes", "events", "claims", "contradictions",
                                     "event_clusters", "profiles")}
    multi = store.con.execute(
        "SELECT count(*) FROM (SELECT claim FROM claim_mentions GROUP BY claim HAVING count(DISTINCT doc) > 1)"
    ).fetchall()[0][0]
    return LinkResult(skipped=True, multi_doc_claims=int(multi), **c)


def _fill(summary: RunSummary | None, r: LinkResult) -> None:
    if summary is not None:
        summary.actors, summary.events, summary.quotes, summary.claims = r.actors, r.events, r.quotes, r.claims
        summary.contradictions = r.contradictions


def link_story(store: Store, summary: RunSummary | None = None, *, force: bool = False,
               fp: str | None = None) -> LinkResult:
    """Rebuild every cross-source table from the stored per-document results, unless they already reflect
    the store as it stands (``force`` rebuilds anyway; ``fp`` is a :func:`fingerprint` the caller computed)."""
    fp = fp or fingerprint(store)
    if not force and is_linked(store, fp):
        log.info("link: nothing changed since the last link; the cross-source tables stand")
        result = _stored_counts(store)
        _fill(summary, result)
        return result
    from parallax.link.claims import cluster_claims
    from parallax.link.contradictions import find_contradictions
    from parallax.link.corroboration import corroborate
    from parallax.link.disputes import disagreements, dispute_claims, is_dispute
    from parallax.link.opposites import not_yet_stated, opposite_statements
    from parallax.link.facts import drop_covered, fact_conflicts
    from parallax.link.profiles import source_profiles

    actors, mapping = _merged_actors(store)
    held = _read_whole(store, mapping)
    events = held.events
    claims = [c for c in held.claims if not is_dispute(c)]
    denials = [c for c in held.claims if is_dispute(c)]
    docs = {d.id: d for d in store.documents()}
    by_id = {a.id: a for a in actors}

    with store.transaction():
        for table in DERIVED:
            store.reset_table(table)
        mentions, quotes, n_mentions, n_quotes = _write_mentions_quotes(store, mapping, claims)
        clusters, details = _event_clusters(events, docs, by_id)
        details = details + drop_covered(fact_conflicts(held.facts, docs, mapping), details) \
            + disagreements(denials, docs, by_id)
        story_claims = corroborate(cluster_claims(claims, events, quotes, docs, by_id, mentions=mentions)
                                   + dispute_claims(denials, docs, by_id), docs, by_id, quotes)
        events_by_id = {e.id: e for e in events}
        contradictions = find_contradictions(actors, story_claims, docs, events_by_id, details)
        contradictions += not_yet_stated(opposite_statements(claims, docs), contradictions)
        profiles = source_profiles(docs, quotes, story_claims, clusters, events=events_by_id, mentions=mentions)
        for table, objs in (("actors", actors), ("events", events), ("claims", story_claims),
                            ("contradictions", contradictions), ("event_clusters", clusters),
                            ("profiles", profiles)):
            store.put(table, objs)
        cms = [(c.id, cm) for c in story_claims for cm in c.mentions]
        store.write_columns("claim_mentions", {
            "claim": [cid for cid, _ in cms], "doc": [cm.doc for _, cm in cms],
            "stance": [cm.stance for _, cm in cms], "start": [cm.start for _, cm in cms],
            "end": [cm.end for _, cm in cms], "holder": [cm.holder for _, cm in cms],
            "score": [cm.score for _, cm in cms]}, len(cms))
        store.set_meta(FINGERPRINT_KEY, fp)
    result = LinkResult(
        skipped=False, actors=len(actors), mentions=n_mentions, quotes=n_quotes, events=len(events),
        claims=len(story_claims), contradictions=len(contradictions), event_clusters=len(clusters),
        profiles=len(profiles), multi_doc_claims=sum(len({x.doc for x in c.mentions}) > 1 for c in story_claims))
    _fill(summary, result)
    return result
