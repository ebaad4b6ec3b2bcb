"""What a run changed: the documents it added or updated, and in the cross-source model new claims,
contradictions and event clusters and moved stances, each new item with the new documents that brought it.

Ingest records each document it stores for the first time or again with changed content (``document_change``).
The link stage rebuilds its tables from the stored per-document results; comparing a snapshot taken just
before it (kept in temporary DuckDB tables) with the tables just after tells a daily reader what is new
without diffing whole exports. The comparison relies on the link stage's ids being stable across runs (they are
derived from content, not from counters), so an unchanged claim keeps its id and is not reported again. A new
item's ``docs`` are its documents among those added or updated since the previous link (an item that is new
because the analysis changed, not the documents, has none).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

import duckdb

from parallax.model import Document
from parallax.store import Store

DOCUMENT_KINDS = ("new_document", "updated_document")
KINDS = (*DOCUMENT_KINDS, "new_claim", "new_contradiction", "new_event_cluster", "stance_moved")
LINKED_AT = "changes_linked_at"  # meta key: when record_changes last compared a link's tables


# What later comparisons need of each part, as (k, v) rows: ids with a JSON detail, or each document's stance.
_PARTS = {
    "claims": "SELECT id AS k, json_object('text', text) AS v FROM claims",
    "contradictions": "SELECT id AS k, json_object('kind', kind, 'about', about) AS v FROM contradictions",
    "clusters": "SELECT id AS k, json_object('type', type, 'source', source, 'target', target) AS v "
                "FROM event_clusters",
    # A document that states a claim several times: its most frequent stance (ties: alphabetical).
    "stances": "SELECT claim || '@' || doc AS k, stance AS v, claim, doc FROM (SELECT claim, doc, stance, "
               "count(*) AS n FROM claim_mentions GROUP BY claim, doc, stance) "
               "QUALIFY row_number() OVER (PARTITION BY claim, doc ORDER BY n DESC, stance) = 1",
}
_NEW = (("new_claim", "claims"), ("new_contradiction", "contradictions"), ("new_event_cluster", "clusters"))
# The documents each new item rests on, as (k, doc) rows.
_DOCS = {
    "claims": "SELECT claim AS k, doc FROM claim_mentions",
    "contradictions": "SELECT id AS k, unnest(json_extract_string(sides, '$[*].evidence[*].doc')) AS doc "
                      "FROM contradictions WHERE sides IS NOT NULL",
    "clusters": "SELECT id AS k, unnest(json_extract_string(docs, '$[*]')) AS doc FROM event_clusters "
                "WHERE docs IS NOT NULL",
}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def document_change(run_id: str, doc: Document, updated: bool, at: datetime | None = None) -> dict[str, Any]:
    """The change row for a document a run stores for the first time (or again, its content changed)."""
    detail = {"title": doc.title, "outlet": doc.outlet, "path": doc.path, "url": doc.url,
              "published": doc.published, "duplicate_of": doc.duplicate_of}
    return {"run": run_id, "at": at or _now(), "kind": DOCUMENT_KINDS[updated], "id": doc.id,
            "detail": json.dumps(detail, ensure_ascii=False)}


def snapshot(store: Store) -> None:
    """Keep the cross-source tables' ids and stances, as they stand, in temporary tables of this connection
    (``_before_<part>``), for :func:`record_changes` to compare with after the link stage: a large store's
    claim mentions never become Python rows."""
    for part, sql in _PARTS.items():
        try:
            store.con.execute(f"CREATE OR REPLACE TEMP TABLE _before_{part} AS {sql}")
        except duckdb.CatalogException:  # a table another version of the link stage does not write
            store.con.execute(f"CREATE OR REPLACE TEMP TABLE _before_{part} AS "
                              "SELECT NULL::VARCHAR AS k, NULL::VARCHAR AS v, NULL::VARCHAR AS claim, "
                              "NULL::VARCHAR AS doc WHERE false")


def record_changes(store: Store, run_id: str) -> int:
    """Store under ``run_id`` what changed since :func:`snapshot`: new claims, contradictions and event clusters
    (ids not there before), each with ``docs``, the documents added or updated since the previous link that it
    rests on, and moved stances (a document's stance on a claim that was different before); returns how many
    changes. Compared inside DuckDB."""
    at = _now()
    since = store.meta(LINKED_AT)
    store.con.execute(
        "CREATE OR REPLACE TEMP TABLE _fresh_docs AS SELECT DISTINCT id FROM changes WHERE kind IN (?, ?)"
        + (' AND "at" > ?' if since else ""), [*DOCUMENT_KINDS, *([datetime.fromisoformat(since)] if since else [])])
    insert = 'INSERT INTO changes (run, "at", kind, id, detail) '
    n = 0
    for kind, part in _NEW:
        n += int(store.con.execute(
            insert + f"SELECT ?, ?, ?, a.k, json_merge_patch(a.v, json_object('docs', to_json(coalesce(f.docs, "
            f"[]::VARCHAR[])))) FROM ({_PARTS[part]}) a ANTI JOIN _before_{part} b ON a.k = b.k LEFT JOIN ("
            f"SELECT k, list(DISTINCT doc ORDER BY doc) AS docs FROM ({_DOCS[part]}) WHERE doc IN "
            f"(SELECT id FROM _fresh_docs) GROUP BY k) f ON f.k = a.k",
            [run_id, at, kind]).fetchone()[0])
    n += int(store.con.execute(
        insert + "SELECT ?, ?, 'stance_moved', a.k, json_object('claim', a.claim, 'doc', a.doc, 'from', b.v, "
        f"'to', a.v) FROM ({_PARTS['stances']}) a JOIN _before_stances b ON a.k = b.k WHERE a.v <> b.v",
        [run_id, at]).fetchone()[0])
    for part in _PARTS:
        store.con.execute(f"DROP TABLE IF EXISTS _before_{part}")
    store.con.execute("DROP TABLE IF EXISTS _fresh_docs")
    store.set_meta(LINKED_AT, at.isoformat())
    return n


def parse_since(text: str) -> datetime:
    """``2024-05-01``, ``2024-05-01T08:00`` or a phrase like ``yesterday`` / ``3 days ago`` (UTC)."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        import dateparser

        value = dateparser.parse(text, settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": False})
        if value is None:
            raise ValueError(f"cannot read {text!r} as a date (try 2024-05-01 or '2 days ago')") from None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def changes_since(store: Store, since: datetime | date | None = None) -> list[dict[str, Any]]:
    """Recorded changes at or after ``since`` (all when None), oldest first, details as dicts. A new item's
    ``docs`` (ids) come with ``documents``: each one's id, title, outlet and path as the store holds it now."""
    if isinstance(since, date) and not isinstance(since, datetime):
        since = datetime(since.year, since.month, since.day)
    try:
        rows = store.changes_since(since)
    except duckdb.CatalogException:  # a store written before changes were recorded
        return []
    for r in rows:
        r["detail"] = json.loads(r["detail"]) if r["detail"] else {}
        r["at"] = r["at"].isoformat(timespec="seconds") if r["at"] else None
    cited = sorted({d for r in rows for d in r["detail"].get("docs") or ()})
    if cited:
        known = {d["id"]: d for d in store.rows(
            "SELECT id, title, outlet, path FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [cited])}
        for r in rows:
            if "docs" in r["detail"]:
                r["detail"]["documents"] = [known.get(d) or {"id": d, "title": None, "outlet": None, "path": None}
                                            for d in r["detail"]["docs"]]
    return rows
