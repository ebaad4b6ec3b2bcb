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
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout: {since, changes: [{run, at, kind, id, detail}]}.")] = False,
) -> None:
    """What runs since a date changed in the story: new claims, new contradictions, new event clusters, and
    stances that moved (a document's stance on a claim that was different before).

    Examples:

      parallax changes --since yesterday

      parallax changes --since 2024-05-01 --json --db story.duckdb
    """
    from parallax.scale.changes import changes_since, parse_since
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
        t = Table(title=f"Changes since {when:%Y-%m-%d %H:%M} UTC ({len(rows)})", title_justify="left")
        for col in ("at", "kind", "what"):
            t.add_column(col)
        for r in rows:
            t.add_row(r["at"] or "", r["kind"], escape(_describe(r)))
        out.print(t)


def _describe(row: dict) -> str:
    d = row["detail"]
    if row["kind"] == "stance_moved":
        return f"claim {d.get('claim')} in {d.get('doc')}: {d.get('from')} → {d.get('to')}"
    if row["kind"] == "new_claim":
        return str(d.get("text") or row["id"])
    if row["kind"] == "new_contradiction":
        return f"{d.get('kind', '')}: {d.get('about', row['id'])}"
    return f"{d.get('type', '')} {d.get('source') or '?'} → {d.get('target') or '?'}"
