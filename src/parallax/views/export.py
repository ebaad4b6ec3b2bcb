"""Exports for the tools analysts already use: the contract JSON, event-data CSV, Parquet of every table.

The JSON follows ``parallax.story.v1`` (shared/CONTRACT.md): contract fields are always present; extra fields
(bylines, role claims with evidence, equipment, money, ...) ride along, as the contract allows.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from parallax import model as m
from parallax.store import Store
from parallax.store.codec import plain
from parallax.store.schema import TABLES


def _span(obj: Any) -> list[int]:
    return [obj.start, obj.end]


def _evidence(ev: m.Evidence) -> dict[str, Any]:
    return {"doc": ev.doc, "span": ev.span}


def story_json(story: m.Story) -> dict[str, Any]:
    docs = [plain(d) for d in story.documents]
    actors = []
    for a in story.actors:
        d = plain(a)
        d["role_claims"] = [
            {"role": rc.role, "country": rc.country, "organization": rc.organization, **_evidence(rc.evidence)}
            for rc in a.role_claims
        ]
        actors.append(d)
    events = []
    for e in story.events:
        d = plain(e)
        d["span"] = _span(e)
        events.append(d)
    quotes = []
    for q in story.quotes:
        d = plain(q)
        d["span"] = _span(q)
        quotes.append(d)
    claims = []
    for c in story.claims:
        d = plain(c)
        d["mentions"] = [{"doc": cm.doc, "stance": cm.stance, "span": _span(cm), "holder": cm.holder,
                          "score": cm.score} for cm in c.mentions]
        claims.append(d)
    contradictions = [
        {"id": x.id, "kind": x.kind, "about": x.about, "temporal": x.temporal,
         "sides": [{"value": s.value, "evidence": [_evidence(ev) for ev in s.evidence]} for s in x.sides],
         **({"revision": True, "timeline": [plain(t) for t in x.timeline]} if x.revision else {})}
        for x in story.contradictions
    ]
    return {
        "schema": m.SCHEMA,
        "documents": docs,
        "errors": [plain(e) for e in story.errors],
        "actors": actors,
        "mentions": [{**plain(x), "span": _span(x)} for x in story.mentions],
        "events": events,
        "quotes": quotes,
        "claims": claims,
        "contradictions": contradictions,
        "event_clusters": [plain(c) for c in story.event_clusters],
        "profiles": [plain(p) for p in story.profiles],
    }


EVENT_COLUMNS = [
    "event_id", "date", "date_precision",
    "source_actor", "source_name", "source_country", "source_agent", "source_based_in",
    "target_actor", "target_name", "target_country", "target_agent", "target_based_in",
    "plover_type", "mode", "cameo", "goldstein", "symmetric", "reported_by",
    "equipment", "quantities", "money",
    "doc", "outlet", "published", "url", "span_start", "span_end", "sentence",
]


def events_csv(story: m.Story) -> str:
    """Events one row each, in the dyadic layout event-data users expect (GDELT/POLECAT-like columns).

    An armed non-state group has no ``*_country`` (it acts for no state) and its home in ``*_based_in``:
    CAMEO's ``COLREB`` is ``based_in`` COL with agent REB."""
    actors = {a.id: a for a in story.actors}
    docs = {d.id: d for d in story.documents}
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in story.events:
        src, tgt, doc = actors.get(e.source or ""), actors.get(e.target or ""), docs.get(e.doc)
        w.writerow({
            "event_id": e.id, "date": e.date, "date_precision": e.date_precision,
            "source_actor": e.source, "source_name": src.name if src else None,
            "source_country": src.country if src else None, "source_agent": src.agent if src else None,
            "source_based_in": src.based_in if src else None,
            "target_actor": e.target, "target_name": tgt.name if tgt else None,
            "target_country": tgt.country if tgt else None, "target_agent": tgt.agent if tgt else None,
            "target_based_in": tgt.based_in if tgt else None,
            "plover_type": e.type, "mode": e.mode, "cameo": e.cameo, "goldstein": e.goldstein,
            "symmetric": e.symmetric, "reported_by": e.reported_by,
            "equipment": "; ".join(e.equipment), "quantities": "; ".join(e.quantities),
            "money": "; ".join(f"{x.amount:g} {x.currency}" for x in e.money),
            "doc": e.doc, "outlet": doc.outlet if doc else None, "published": doc.published if doc else None,
            "url": doc.url if doc else None, "span_start": e.start, "span_end": e.end, "sentence": e.text,
        })
    return out.getvalue()


def export_parquet(store: Store, out_dir: Path) -> list[Path]:
    """Every table of the store as one Parquet file (JSON columns as text), ready for pandas, R or DuckDB."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        if table.name in ("signatures", "lsh_bands"):  # near-duplicate machinery, not story data
            continue
        target = out_dir / f"{table.name}.parquet"
        cols = "* EXCLUDE (parse)" if table.name == "doc_results" else "*"
        path_sql = str(target).replace("'", "''")
        store.con.execute(f"COPY (SELECT {cols} FROM {table.name}) TO '{path_sql}' (FORMAT parquet)")
        written.append(target)
    return written


GRAPH_FORMATS = ("graphml", "gexf")


def graph_text(story: m.Story, fmt: str, *, aggregate_countries: bool = False) -> str:
    """The actor graph as GraphML or GEXF text (see parallax.views.graph), for Gephi, yEd or networkx."""
    from parallax.views import graph

    if fmt == "graphml":
        return graph.graphml_text(story, aggregate_countries=aggregate_countries)
    if fmt == "gexf":
        return graph.gexf_text(story, aggregate_countries=aggregate_countries)
    raise ValueError(f"unknown graph format {fmt!r}")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
