"""`parallax verify`: a verdict on a claim against the stored corpus (see parallax.verify).

Commands register on the shared Typer app (`parallax.views.cli_app`); `parallax.views.cli` imports this module.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from parallax.views.cli_app import DB_HELP, DEFAULT_DB, Failure, app, failing_cleanly, out

_STYLE = {"supports": "green", "refutes": "red", "discusses": "yellow", "unrelated": "dim",
          "supported": "bold green", "refuted": "bold red", "conflicting": "bold magenta",
          "not_enough_evidence": "bold"}


@app.command()
def verify(
    claim: Annotated[str, typer.Argument(help='The claim, one sentence: "Norway will sell frigates to Kenya".')],
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON (shared/CONTRACT.md).")] = False,
    top_k: Annotated[int, typer.Option("--top-k", min=1, help="Documents read closely (best BM25 matches).")] = 50,
    show_all: Annotated[bool, typer.Option("--all", help="List unrelated documents too (text view).")] = False,
) -> None:
    """Check a claim against every stored document: supported, refuted, conflicting or not enough evidence.

    The claim is read as a proposition (who, what or which evaluation, about what, figures, time, negation,
    quantifier, modality; shown as "Read as"). A document addresses the claim only when one of its sentences
    holds the claim's own words (not merely its parties); such sentences decide the stance by the guidelines:
    asserted in the outlet's voice or uncontested → supports, denied → refutes, alleged, hedged or disputed →
    discusses. Stored events between the claim's parties count where a claim is an act. Every stance comes
    with its evidence sentences.

    Examples:

      parallax verify "Norway will sell frigates to Kenya"

      parallax verify "Kenya did not sign the fisheries deal" --db story.duckdb --json

      parallax verify "Chile expelled Peru's ambassador" --all
    """
    from parallax.store import Store
    from parallax.verify import Verifier, verdict_json

    with failing_cleanly():
        if not claim.strip():
            raise Failure('the claim is empty: give one sentence, e.g. parallax verify "A will sell tanks to B"')
        with Store(db, read_only=True) as store:
            if store.count("documents") == 0:
                raise Failure(f"the store {db} has no documents: run 'parallax analyze PATH --db {db}' first")
            explained = Verifier(store).explain(claim, top_k=top_k)
            data = verdict_json(explained.verdict, store, explained.claim.reading)
        if as_json:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            return
        _render(data, explained.basis, show_all, explained.claim.reading)


def _render(data: dict[str, Any], basis: dict[str, str], show_all: bool, reading: Any = None) -> None:
    verdict = data["verdict"]
    out.print(f"[bold]Claim:[/bold] {escape(data['claim'])}", highlight=False)
    if reading is not None:
        out.print(f"[bold]Read as:[/bold] {escape(reading.describe())}", highlight=False)
    out.print(f"[bold]Verdict:[/bold] [{_STYLE[verdict]}]{verdict.replace('_', ' ')}[/]")
    counts: dict[str, int] = {}
    for d in data["documents"]:
        counts[d["stance"]] = counts.get(d["stance"], 0) + 1
    out.print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())), style="dim")
    order = {"supports": 0, "refutes": 1, "discusses": 2, "unrelated": 3}
    rows = sorted((d for d in data["documents"] if show_all or d["stance"] != "unrelated"),
                  key=lambda d: (order[d["stance"]], -d["score"]))
    if not rows:
        out.print("No stored document is about this claim.")
        return
    table = Table(show_lines=True)
    for col in ("stance", "score", "document", "evidence", "from"):
        table.add_column(col, overflow="fold")
    for d in rows:
        who = d.get("outlet") or "(outlet unknown)"
        if d.get("title"):
            who += f"\n{d['title']}"
        evidence = "\n".join(f"[{e['span'][0]}:{e['span'][1]}] {e['text']}" for e in d["evidence"])
        table.add_row(f"[{_STYLE[d['stance']]}]{d['stance']}[/]", f"{d['score']:.2f}", escape(f"{who}\n{d['doc']}"),
                      escape(evidence), basis.get(d["doc"], "none"))
    out.print(table)
