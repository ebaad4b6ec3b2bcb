"""The ``parallax`` command line: thin commands over plain functions (see shared/CONTRACT.md).

Every command exits 0 when it did its job and non-zero with a one-line reason on stderr when it could not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

# Commands that live beside the code they drive register themselves on ``app`` when imported.
from parallax.views import cli_scale, cli_verify, cli_web  # noqa: F401
from parallax.views.cli_app import DB_HELP, DEFAULT_DB, Failure, app, err, failing_cleanly, out


def _progress_runner(enabled: bool):
    """A rich progress display and the callback the pipeline reports to."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=err, disable=not enabled, transient=False,
    )
    labels = {"read": "reading files", "analyse": "parsing & extracting", "link": "linking across sources"}
    tasks: dict[str, int] = {}

    def tick(stage: str, advance: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(labels.get(stage, stage), total=total, rate="")
            return
        task = tasks[stage]
        progress.advance(task, advance)
        t = progress.tasks[task]
        if stage == "analyse" and t.elapsed:
            progress.update(task, rate=f"{t.completed / t.elapsed:5.1f} docs/s")

    return progress, tick


def _summary_table(summary) -> Table:
    t = Table(title="Parallax run", show_header=False, title_justify="left")
    t.add_column(style="bold")
    t.add_column(justify="right")
    rows = [
        ("articles read", summary.read), ("  new", summary.added), ("  updated", summary.updated),
        ("  unchanged (already stored)", summary.unchanged), ("  exact duplicates", summary.exact_duplicates),
        ("  near-duplicates", summary.near_duplicates), ("  not English (stored, not analysed)", summary.non_english),
        ("refused inputs (errors)", summary.errors), ("documents analysed", summary.analysed),
        ("documents in store", summary.documents), ("actors", summary.actors), ("events", summary.events),
        ("quotes", summary.quotes), ("claims", summary.claims), ("contradictions", summary.contradictions),
        ("cross-source stage", "skipped: nothing changed" if summary.link_skipped else f"{summary.changes} changes"),
        ("seconds", f"{summary.seconds:.1f}"),
    ]
    for k, v in rows:
        t.add_row(k, str(v))
    return t


def _analyze(paths: list[str], db: str, *, analyse: bool, processes: int, quiet: bool, **scale):
    from parallax.pipeline import run

    if not paths:
        raise Failure("no input given: name files, folders, JSONL, WARC or feed files, or '-' for stdin")
    progress, tick = _progress_runner(enabled=not quiet)
    stdin = sys.stdin.buffer if "-" in paths else None
    with progress:
        summary = run(paths, db=db, analyse=analyse, n_process=processes, progress=tick, stdin=stdin, **scale)
    if not quiet:
        out.print(_summary_table(summary))
        for line in summary.error_samples[:10]:
            err.print(f"  refused: {line}", markup=False, highlight=False)
        if summary.errors > 10:
            err.print(f"  … and {summary.errors - 10} more (see 'parallax export --format json', key \"errors\")")
    if not summary.ok:
        raise Failure(
            f"nothing could be read from {', '.join(paths)}"
            + (f" ({summary.errors} inputs refused; first: {summary.error_samples[0]})" if summary.error_samples else "")
        )
    return summary


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), .jsonl, .warc(.gz), RSS/Atom feeds, or - for stdin.")],
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    processes: Annotated[int, typer.Option(
        "--processes", "-p", min=1,
        help="Worker processes that parse and extract (one per core; each holds the ~0.5 GB model).")] = 1,
    no_analysis: Annotated[bool, typer.Option("--no-analysis", help="Only ingest, clean and deduplicate.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    engine: Annotated[str, typer.Option(help="Where parsing runs: local (processes here) or ray (needs the 'ray' extra).")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(help="Ray cluster to use with --engine ray (HOST:6379, ray://HOST:10001 or auto); default: start Ray here with --processes workers.")] = None,
    shard_docs: Annotated[int, typer.Option(min=1, help="Documents per analysis shard (the unit written once and resumed).")] = 256,
    keep_shards: Annotated[bool, typer.Option(help="Keep each shard's Parquet results in DB.shards/ after merging.")] = False,
    outlet: Annotated[Optional[str], typer.Option(help="The outlet of every article here that names none itself (no site metadata, no URL): a folder of one outlet's text files.")] = None,
    sources: Annotated[Optional[str], typer.Option(metavar="CSV", help="A CSV of what the files do not say: columns path (relative to the CSV or absolute), outlet, published (YYYY-MM-DD), url, title; its values win over the files'.")] = None,
) -> None:
    """Ingest and analyse articles into the story store. Safe to re-run: unchanged inputs are skipped.

    Examples:

      parallax analyze articles/                  # a folder, recursively

      parallax analyze dump.jsonl --db story.duckdb

      parallax analyze CC-NEWS-2024.warc.gz -p 2

      cat article.txt | parallax analyze -

      parallax analyze crawl/ --engine ray -p 8 --ray-address HEAD:6379

      parallax analyze dawn_txt/ --outlet "Dawn"             # plain text files of one outlet

      parallax analyze excerpts/ --sources excerpts/sources.csv   # path,outlet,published,url per file
    """
    with failing_cleanly():
        if engine not in ("local", "ray"):
            raise Failure(f"unknown engine {engine!r}: use local or ray")
        if engine == "ray":
            try:
                import ray  # noqa: F401
                import ray.data  # noqa: F401
            except ImportError:
                raise Failure("--engine ray needs Ray: pip install 'parallax[ray]'") from None
        from parallax.ingest.sidecar import SourcesError, load_sources

        try:
            known = load_sources(sources, outlet)
        except SourcesError as exc:
            raise Failure(str(exc)) from None
        _analyze(paths, db, analyse=not no_analysis, processes=processes, quiet=quiet, engine=engine,
                 ray_address=ray_address, shard_docs=shard_docs, keep_shards=keep_shards, sources=known or None)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json | csv | parquet | graphml | gexf")] = "json",
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    out_path: Annotated[Optional[str], typer.Option("--out", "-o", help="Output file (json, csv) or folder (parquet). Default: stdout.")] = None,
) -> None:
    """Export the stored story.

    json: the whole story model (schema parallax.story.v1). csv: events, one row each, in the event-data
    layout (date, source/target actor, country and agent, PLOVER type, mode, CAMEO, Goldstein, outlet, URL,
    sentence). parquet: every table as one .parquet file in the --out folder. graphml, gexf: the actor graph
    (actors as nodes with centralities, interactions as weighted edges with mean Goldstein) for Gephi.

    Examples:

      parallax export --format json --out story.json

      parallax export --format csv --out events.csv

      parallax export --format parquet --out tables/

      parallax export --format graphml --out actors.graphml
    """
    from parallax.store import Store
    from parallax.views import export as ex

    with failing_cleanly():
        fmt = format.lower()
        if fmt not in ("json", "csv", "parquet", *ex.GRAPH_FORMATS):
            raise Failure(f"unknown format {format!r}: use json, csv, parquet, graphml or gexf")
        with Store(db, read_only=True) as store:
            if fmt == "parquet":
                if not out_path:
                    raise Failure("--format parquet writes one file per table: give a folder with --out")
                files = ex.export_parquet(store, Path(out_path))
                err.print(f"wrote {len(files)} Parquet tables to {out_path}", markup=False, highlight=False)
                return
            story = store.load_story()
        if fmt in ex.GRAPH_FORMATS:
            text = ex.graph_text(story, fmt)
        else:
            text = ex.dumps(ex.story_json(story)) if fmt == "json" else ex.events_csv(story)
        if out_path:
            Path(out_path).write_text(text, encoding="utf-8")
            err.print(f"wrote {out_path}", markup=False, highlight=False)
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command()
def stance(
    jsonl: Annotated[str, typer.Option("--jsonl", help='Input lines {"id", "claim", "text"}; - for stdin.')],
    batch: Annotated[int, typer.Option(help="Pairs scored at a time.")] = 512,
) -> None:
    """Stance of texts toward claims, without a store: supports, refutes, discusses or unrelated.

    Reads JSON lines {"id", "claim", "text"} and writes {"id", "stance", "score"} per line to stdout, in input
    order. Lines that are not valid JSON or lack a field are reported on stderr and skipped.

    Example:

      echo '{"id": "1", "claim": "A will sell tanks to B", "text": "A said it will not sell tanks to B."}' \\
        | parallax stance --jsonl -
    """
    import json

    from parallax.link.stance import StanceModel

    with failing_cleanly():
        stream = sys.stdin if jsonl == "-" else open(jsonl, encoding="utf-8")  # noqa: SIM115
        model = StanceModel.load()
        pending: list[tuple[str, str, str]] = []
        bad = valid = 0

        def flush() -> None:
            for (rid, _, _), (label, score) in zip(pending, model.predict([(c, t) for _, c, t in pending])):
                sys.stdout.write(json.dumps({"id": rid, "stance": label, "score": round(float(score), 4)}) + "\n")
            pending.clear()

        with stream:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    pending.append((rec["id"], str(rec["claim"]), str(rec["text"])))
                    valid += 1
                except (ValueError, KeyError, TypeError) as exc:
                    bad += 1
                    err.print(f"line {n}: skipped ({type(exc).__name__}: {exc})", markup=False)
                    continue
                if len(pending) >= batch:
                    flush()
            flush()
        if bad and not valid:
            raise Failure(f"no valid line in {jsonl}")


def sample_corpus() -> Path:
    """The bundled sample story's folder inside the installed package."""
    from importlib.resources import files

    return Path(str(files("parallax") / "sample" / "corpus"))


@app.command()
def demo(
    db: Annotated[str, typer.Option(help=DB_HELP)] = "parallax-demo.duckdb",
    processes: Annotated[int, typer.Option("--processes", "-p", min=1)] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Analyse the bundled sample story (a dozen articles in mixed formats, with planted junk) end to end."""
    with failing_cleanly():
        corpus = sample_corpus()
        if not corpus.is_dir():
            raise Failure(f"the sample corpus is missing from the installation ({corpus})")
        if not quiet:
            out.print(f"[bold]Parallax demo[/bold]: analysing the sample story in {corpus}")
        _analyze([str(corpus)], db, analyse=True, processes=processes, quiet=quiet)
        from parallax.store import Store
        from parallax.views.report import write_report

        html = Path(db).with_suffix(".html")
        with Store(db, read_only=True) as store:
            write_report(store.load_story(), html)
        if not quiet:
            out.print(f"\nStore: {os.path.abspath(db)}\nReport: {os.path.abspath(html)} (one file, opens offline)"
                      f"\nBrowse: parallax serve --db {db}   then open http://127.0.0.1:8000/"
                      f"\nExport: parallax export --format json --db {db} --out story.json",
                      soft_wrap=True, highlight=False, markup=False)


def main() -> None:
    app()


if __name__ == "__main__":  # `python -m parallax.views.cli`
    main()
