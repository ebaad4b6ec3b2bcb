"""The per-document analysis stage: parse once, then find actors, quotes, claims and events.

Results are stored per document with document-local actor ids; the link stage merges them across
documents. A document whose analysis fails is recorded as an error and the run goes on.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from parallax.model import Document, IngestError

if TYPE_CHECKING:
    from parallax.pipeline import RunSummary
    from parallax.store import Store

# Bump when any extractor changes, so the next run re-analyses stored documents.
ANALYSIS_VERSION = 4
BATCH = 32

log = logging.getLogger(__name__)


def analyse_document(sdoc, doc: Document) -> dict:
    """All per-document facts for one parsed document (actor ids local to the document)."""
    from parallax.extract.actors import extract_actors
    from parallax.extract.events import extract_events
    from parallax.extract.facts import extract_facts
    from parallax.extract.quotes import claims_from_quotes, extract_quotes

    actors = extract_actors(sdoc, doc)
    quotes = extract_quotes(sdoc, doc, actors)
    events = extract_events(sdoc, doc, actors, quotes)
    claims = claims_from_quotes(doc, quotes, sdoc)  # the parse in hand, not the quotes module's cache
    return {
        "actors": list(actors.actors.values()),
        "mentions": actors.mentions,
        "quotes": quotes,
        "events": events,
        "claims": claims,
        "facts": extract_facts(sdoc, doc, actors),  # figures and dates outside events, for number/date conflicts
    }


def analyse_pending(store: Store, summary: RunSummary, *, n_process: int = 1,
                    tick: Callable[[str, int, int | None], None], version: int = ANALYSIS_VERSION) -> None:
    from parallax.language.nlp import doc_to_bytes, parse

    pending = store.pending_analysis(version)
    tick("analyse", 0, len(pending))
    for start in range(0, len(pending), BATCH):
        docs = pending[start:start + BATCH]
        parsed = list(parse((d.text for d in docs), n_process=n_process))
        with store.transaction():
            for doc, sdoc in zip(docs, parsed):
                try:
                    facts = analyse_document(sdoc, doc)
                except Exception as exc:  # one document's failure must not stop the run
                    log.debug("analysis failed for %s\n%s", doc.id, traceback.format_exc())
                    summary.analysis_errors += 1
                    store.put_error(IngestError(path=doc.path or doc.key, reason=(
                        f"analysis failed ({type(exc).__name__}: {exc}); the document is stored without facts"
                    ), locator=f"analysis {doc.id}"))
                    facts = {"actors": [], "mentions": [], "quotes": [], "events": [], "claims": [], "facts": []}
                store.put_doc_result(doc.id, version, parse=doc_to_bytes(sdoc), **facts)
                summary.analysed += 1
        tick("analyse", len(docs), None)
