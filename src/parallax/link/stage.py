"""The cross-source stage: merge actors across documents, rewrite every fact to global actor ids, then build
what only the whole story shows: event clusters, one claim per proposition with each document's stance,
corroboration, contradictions (offices, opposite claims, event details) and source profiles.

It reads only the stored per-document results, so it is cheap to recompute after each run and always
reflects the whole store.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from parallax import model as m
from parallax.extract.actors.types import DocActors
from parallax.extract.facts.types import Fact
from parallax.store.codec import from_dict

if TYPE_CHECKING:
    from parallax.pipeline import RunSummary
    from parallax.store import Store


log = logging.getLogger(__name__)


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


def link_story(store: Store, summary: RunSummary | None = None) -> m.Story:
    from parallax.link.actors import merge_actors
    from parallax.link.claims import cluster_claims
    from parallax.link.contradictions import find_contradictions
    from parallax.link.corroboration import corroborate
    from parallax.link.facts import drop_covered, fact_conflicts
    from parallax.link.profiles import source_profiles

    per_doc: list[DocActors] = []
    mentions: list[m.Mention] = []
    quotes: list[m.Quote] = []
    events: list[m.Event] = []
    claims: list[m.Claim] = []
    facts: list[Fact] = []
    for rec in store.doc_results():
        actors = {a["id"]: from_dict(m.Actor, a) for a in rec["actors"]}
        doc_mentions = [from_dict(m.Mention, x) for x in rec["mentions"]]
        per_doc.append(DocActors(doc=rec["doc"], actors=actors, mentions=doc_mentions))
        mentions += doc_mentions
        quotes += [from_dict(m.Quote, x) for x in rec["quotes"]]
        events += [from_dict(m.Event, x) for x in rec["events"]]
        claims += [from_dict(m.Claim, x) for x in rec["claims"]]
        facts += [Fact(**x) for x in rec.get("facts") or []]

    actors, mapping = merge_actors(per_doc)
    for x in mentions:
        x.actor = _remap(x.actor, mapping)
    for q in quotes:
        q.speaker = _remap(q.speaker, mapping)
    for e in events:
        e.source, e.target, e.reported_by = (_remap(e.source, mapping), _remap(e.target, mapping),
                                             _remap(e.reported_by, mapping))
    for c in claims:
        c.holder = _remap(c.holder, mapping)
        for cm in c.mentions:
            cm.holder = _remap(cm.holder, mapping)

    docs = {d.id: d for d in store.documents()}
    by_id = {a.id: a for a in actors}
    clusters, details = _event_clusters(events, docs, by_id)
    details = details + drop_covered(fact_conflicts(facts, docs, mapping), details)
    story_claims = corroborate(cluster_claims(claims, events, quotes, docs, by_id, mentions=mentions),
                               docs, by_id, quotes)
    contradictions = find_contradictions(actors, story_claims, docs, {e.id: e for e in events}, details)
    profiles = source_profiles(docs, quotes, story_claims, clusters)

    with store.transaction():
        store.replace_all("actors", actors)
        store.replace_all("mentions", mentions)
        store.replace_all("quotes", quotes)
        store.replace_all("events", events)
        store.replace_all("claims", story_claims)
        store.replace_all("contradictions", contradictions)
        store.replace_all("event_clusters", clusters)
        store.replace_all("profiles", profiles)
        store.con.execute("DELETE FROM claim_mentions")
        store.insert("claim_mentions", [
            {"claim": c.id, "doc": cm.doc, "stance": cm.stance, "start": cm.start, "end": cm.end,
             "holder": cm.holder, "score": cm.score}
            for c in story_claims for cm in c.mentions
        ])
    if summary is not None:
        summary.actors, summary.events, summary.quotes, summary.claims = (
            len(actors), len(events), len(quotes), len(story_claims))
        summary.contradictions = len(contradictions)
    return m.Story(documents=list(docs.values()), actors=actors, mentions=mentions, events=events, quotes=quotes,
                   claims=story_claims, contradictions=contradictions, event_clusters=clusters, profiles=profiles)
