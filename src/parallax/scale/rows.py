"""One document's analysis as a flat row: the unit every engine produces and the store merges.

Local processes and Ray actors both call :func:`result_row`, so the engines cannot drift apart: the same
parse and the same extractors give byte-identical ``doc_results`` rows.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

import pyarrow as pa

from parallax.model import Document
from parallax.store.codec import plain

FACTS = ("actors", "mentions", "events", "quotes", "claims", "facts")
ROW_SCHEMA = pa.schema([("doc", pa.string()), ("parse", pa.binary()), *((f, pa.string()) for f in FACTS),
                        ("error", pa.string())])

log = logging.getLogger(__name__)


def result_row(doc: Document, sdoc: Any) -> dict[str, Any]:
    """The stored result of one parsed document; an extractor failure becomes an error, not a crash."""
    from parallax.extract.stage import analyse_document
    from parallax.language.nlp import doc_to_bytes

    error = None
    try:
        facts = analyse_document(sdoc, doc)
    except Exception as exc:  # one document's failure must not stop the run
        log.debug("analysis failed for %s\n%s", doc.id, traceback.format_exc())
        error = f"analysis failed ({type(exc).__name__}: {exc}); the document is stored without facts"
        facts = {}
    row: dict[str, Any] = {"doc": doc.id, "parse": doc_to_bytes(sdoc)}
    for name in FACTS:
        row[name] = json.dumps(plain(facts.get(name, [])), ensure_ascii=False)
    row["error"] = error
    return row


def error_row(doc: Document, reason: str) -> dict[str, Any]:
    """The stored result of a document that could not be parsed: no parse, no facts, the reason."""
    row: dict[str, Any] = {"doc": doc.id, "parse": None, **{name: "[]" for name in FACTS}, "error": reason}
    return row


def rows_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=ROW_SCHEMA)
