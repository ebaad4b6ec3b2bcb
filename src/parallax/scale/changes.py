"""What a run changed in the cross-source model: new claims, contradictions and event clusters, moved stances.

The link stage rebuilds its tables from the stored per-document results; comparing a snapshot taken just
before it with one taken just after tells a daily reader what is new without diffing whole exports. The
comparison relies on the link stage's ids being stable across runs (they are derived from content, not
from counters), so an unchanged claim keeps its id and is not reported again.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

import duckdb

from parallax.store import Store

KINDS = ("new_claim", "new_contradiction", "new_event_cluster", "stance_moved")


def _pairs(store: Store, sql: str) -> dict[str, Any]:
    try:
        return {str(k): v for k, v in store.con.execute(sql).fetchall()}
    except duckdb.CatalogException:  # a table another version of the link stage does not write
        return {}


def snapshot(store: Store) -> dict[str, dict[str, Any]]:
    """The ids that later comparisons need: claims, per-(claim, document) stances, contradictions, clusters."""
    return {
        "claims": _pairs(store, "SELECT id, text FROM claims"),
        # A document that states a claim several times: its most frequent stance (ties: alphabetical), chosen
        # inside DuckDB so a large store's claim mentions never become Python rows.
        "stances": _pairs(store, "SELECT claim || '@' || doc, stance FROM (SELECT claim, doc, stance, count(*) AS n "
                                 "FROM claim_mentions GROUP BY claim, doc, stance) "
                                 "QUALIFY row_number() OVER (PARTITION BY claim, doc ORDER BY n DESC, stance) = 1"),
        "contradictions": _pairs(store, "SELECT id, json_object('kind', kind, 'about', about) FROM contradictions"),
        "clusters": _pairs(store, "SELECT id, json_object('type', type, 'source', source, 'target', target) "
                                  "FROM event_clusters"),
    }


def _detail(value: Any) -> dict[str, Any]:
    if isinstance(value, str) and value.startswith("{"):
        try:
            return json.loads(value)
        except ValueError:
            pass
    return {"text": value}


def diff(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes between two snapshots as (kind, id, detail) records, in a stable order."""
    out: list[dict[str, Any]] = []
    for kind, part in (("new_claim", "claims"), ("new_contradiction", "contradictions"),
                       ("new_event_cluster", "clusters")):
        old = before.get(part, {})
        out += [{"kind": kind, "id": k, "detail": _detail(v)} for k, v in sorted(after.get(part, {}).items())
                if k not in old]
    old_stances = before.get("stances", {})
    for key, stance in sorted(after.get("stances", {}).items()):
        was = old_stances.get(key)
        if was is not None and was != stance:
            claim, _, doc = key.partition("@")
            out.append({"kind": "stance_moved", "id": key,
                        "detail": {"claim": claim, "doc": doc, "from": was, "to": stance}})
    return out


def record_changes(store: Store, before: dict, after: dict, run_id: str) -> int:
    """Store what changed between the two snapshots under ``run_id``; returns how many changes."""
    at = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = [{"run": run_id, "at": at, "kind": c["kind"], "id": c["id"],
             "detail": json.dumps(c["detail"], ensure_ascii=False)} for c in diff(before, after)]
    return store.put_changes(rows)


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
    """Recorded changes at or after ``since`` (all when None), oldest first, details as dicts."""
    if isinstance(since, date) and not isinstance(since, datetime):
        since = datetime(since.year, since.month, since.day)
    try:
        rows = store.changes_since(since)
    except duckdb.CatalogException:  # a store written before changes were recorded
        return []
    for r in rows:
        r["detail"] = json.loads(r["detail"]) if r["detail"] else {}
        r["at"] = r["at"].isoformat(timespec="seconds") if r["at"] else None
    return rows
