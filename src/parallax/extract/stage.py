"""The per-document analysis stage: parse once, then find actors, quotes, claims and events.

Results are stored per document with document-local actor ids; the link stage merges them across
documents. The engines in ``parallax.scale`` (local processes or Ray actors) call :func:`analyse_document`
shard by shard; a document whose analysis fails is recorded as an error and the run goes on.
"""

from __future__ import annotations

from dataclasses import replace

from parallax.ingest.metalines import in_metadata, metadata_spans
from parallax.model import Claim, Document

# Bump when any extractor changes, so the next run re-analyses stored documents (7: junk actors rejected;
# 8: speech acts and described speakers in quotes; 9: predicates from the CAMEO verb dictionary; 10: disputes,
# people counted by outcome, figures stated as a change or a duration; 11: event parties from context:
# coordination, references, implied sides, statement accusations; 12: actors from the Phoenix dictionaries,
# armed groups and IGOs as parties of their own, an event needs a state or IGO side; 13: parties named by a
# place, office holders after Phoenix, a headline's country as home, CAMEO patterns bound to their verb).
ANALYSIS_VERSION = 13


def _without_metadata(found: dict, doc: Document) -> dict:
    """Drop what was read off a metadata line left in the text (a byline, a date line, a credit): metadata is
    never an event, a quote, a figure or a claim, so it can never become a contradiction either."""
    spans = metadata_spans(doc.text)
    if not any(s.whole for s in spans):
        return found

    def keep(x) -> bool:
        return not in_metadata(x.start, x.end, spans, whole_only=True)

    claims: list[Claim] = []
    for c in found["claims"]:
        c.mentions = [cm for cm in c.mentions if keep(cm)]
        if c.mentions:
            claims.append(c)
    return {**found, "quotes": [q for q in found["quotes"] if keep(q)],
            "events": [e for e in found["events"] if keep(e)], "claims": claims,
            "facts": [f for f in found["facts"] if keep(f)]}


def analyse_document(sdoc, doc: Document) -> dict:
    """All per-document facts for one parsed document (actor ids local to the document)."""
    from parallax.extract.actors import extract_actors
    from parallax.extract.disputes import extract_disputes
    from parallax.extract.events import extract_events
    from parallax.extract.facts import extract_facts
    from parallax.extract.quotes import claims_from_quotes, extract_quotes

    actors = extract_actors(sdoc, doc)
    quotes = extract_quotes(sdoc, doc, actors)
    parties = actors.parties()  # "officials" may be quoted, but are no party to an event
    events = extract_events(sdoc, doc, parties, [q if q.speaker is None or q.speaker in parties.actors
                                                 else replace(q, speaker=None) for q in quotes])
    claims = claims_from_quotes(doc, quotes, sdoc)  # the parse in hand, not the quotes module's cache
    claims += extract_disputes(sdoc, doc, actors, quotes)  # denials, "<doc>:d<n>": link.disputes pairs them
    return _without_metadata({
        "actors": list(actors.actors.values()),
        "mentions": actors.mentions,
        "quotes": quotes,
        "events": events,
        "claims": claims,
        "facts": extract_facts(sdoc, doc, actors),  # figures and dates outside events, for number/date conflicts
    }, doc)
