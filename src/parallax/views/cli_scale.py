"""Commands for large and incremental runs (`parallax changes`; see parallax.scale).

Commands register on the shared Typer app (`parallax.views.cli_app`); `parallax.views.cli` imports this module.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from parallax.views.cli_app import DB_HELP, DEFAULT_DB, Failure, app, failing_cleanly, out


@app.command()
def changes(
    since: Annotated[str, typer.Option(help="Show changes recorded at or after this time: 2024-05-01, 2024-05-01T08:00, 'yesterday', '3 days ago' (UTC).")],
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout: {since, changes: [{run, at, kind, id, detail}]}; a new claim's, contradiction's or cluster's detail lists the new documents that brought it (docs, documents).")] = False,
) -> None:
    """What runs since a date changed in the story: the documents each run added or updated (title, outlet,
    path), then new claims, new contradictions and new event clusters, each with the new documents that
    brought it, and stances that moved (a document's stance on a claim that was different before).

    Examples:

      parallax changes --since yesterday

      parallax changes --since 2024-05-01 --json --db story.duckdb
    """
    from parallax.scale.changes import DOCUMENT_KINDS, changes_since, parse_since
    from parallax.store import Store

    with failing_cleanly():
        try:
            when = parse_since(since)
        except ValueError as exc:
            raise Failure(str(exc)) from None
        with Store(db, read_only=True) as store:
            rows = changes_since(store, when)
        if as_json:
            sys.stdout.write(json.dumps({"since": when.isoformat(timespec="seconds"), "changes": rows},
                                        ensure_ascii=False) + "\n")
            return
        if not rows:
            out.print(f"No changes recorded since {when:%Y-%m-%d %H:%M} UTC.")
            return
        docs = [r for r in rows if r["kind"] in DOCUMENT_KINDS]
        rest = [r for r in rows if r["kind"] not in DOCUMENT_KINDS]
        if docs:
            t = Table(title=f"Documents added or updated since {when:%Y-%m-%d %H:%M} UTC ({len(docs)})",
                      title_justify="left")
            t.add_column("at (UTC)", no_wrap=True)
            for col in ("change", "title", "outlet", "path"):
                t.add_column(col, overflow="fold")
            for r in docs:
                d = r["detail"]
                t.add_row(_when(r), "updated" if r["kind"] == "updated_document" else "added",
                          escape(d.get("title") or r["id"]), escape(d.get("outlet") or ""),
                          escape(d.get("path") or d.get("url") or ""))
            out.print(t)
        if rest:
            t = Table(title=f"Changes since {when:%Y-%m-%d %H:%M} UTC ({len(rest)})", title_justify="left")
            t.add_column("at (UTC)", no_wrap=True)
            t.add_column("kind", no_wrap=True)
            for col in ("what", "brought by"):
                t.add_column(col, overflow="fold")
            for r in rest:
                t.add_row(_when(r), r["kind"].replace("_", " "), escape(_describe(r)), escape(_brought_by(r)))
            out.print(t)


def _when(row: dict) -> str:
    return (row["at"] or "")[:16].replace("T", " ")


def _brought_by(row: dict, shown: int = 3) -> str:
    """The new documents behind a new item, by title (the first few, then how many more)."""
    docs = row["detail"].get("documents") or [{"id": d} for d in row["detail"].get("docs") or ()]
    names = [d.get("title") or d.get("path") or d["id"] for d in docs[:shown]]
    return "; ".join(names) + (f" (+{len(docs) - shown} more)" if len(docs) > shown else "")


def _describe(row: dict) -> str:
    d = row["detail"]
    if row["kind"] == "stance_moved":
        return f"claim {d.get('claim')} in {d.get('doc')}: {d.get('from')} → {d.get('to')}"
    if row["kind"] == "new_claim":
        return str(d.get("text") or row["id"])
    if row["kind"] == "new_contradiction":
        return f"{d.get('kind', '')}: {d.get('about', row['id'])}"
    return f"{d.get('type', '')} {d.get('source') or '?'} → {d.get('target') or '?'}"
