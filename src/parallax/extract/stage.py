"""The per-document analysis stage: parse once, then find actors, quotes, claims and events.

Results are stored per document with document-local actor ids; the link stage merges them across
documents. The engines in ``parallax.scale`` (local processes or Ray actors) call :func:`analyse_document`
shard by shard; a document whose analysis fails is recorded as an error and the run goes on.
"""

from __future__ import annotations

from dataclasses import replace

from parallax.model import Document

# Bump when any extractor changes, so the next run re-analyses stored documents (7: junk actors rejected).
ANALYSIS_VERSION = 7


def analyse_document(sdoc, doc: Document) -> dict:
    """All per-document facts for one parsed document (actor ids local to the document)."""
    from parallax.extract.actors import extract_actors
    from parallax.extract.events import extract_events
    from parallax.extract.facts import extract_facts
    from parallax.extract.quotes import claims_from_quotes, extract_quotes

    actors = extract_actors(sdoc, doc)
    quotes = extract_quotes(sdoc, doc, actors)
    parties = actors.parties()  # "officials" may be quoted, but are no party to an event
    events = extract_events(sdoc, doc, parties, [q if q.speaker is None or q.speaker in parties.actors
                                                 else replace(q, speaker=None) for q in quotes])
    claims = claims_from_quotes(doc, quotes, sdoc)  # the parse in hand, not the quotes module's cache
    return {
        "actors": list(actors.actors.values()),
        "mentions": actors.mentions,
        "quotes": quotes,
        "events": events,
        "claims": claims,
        "facts": extract_facts(sdoc, doc, actors),  # figures and dates outside events, for number/date conflicts
    }
