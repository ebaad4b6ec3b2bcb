"""Ingest throughput: Parallax's ``analyse=False`` run against a bare read of the same files, per input form.

    PYTHONPATH=src python benchmarks/bench_ingest.py [--docs 5000] [--quick] [--forms text,jsonl,warc]

For each form (a folder of .txt files, one JSONL file, one WARC.gz) two steps run, each in a fresh process
(see ``_common.run_step``):

- **bare**: the least any reader must do — text: read + UTF-8 decode each file; JSONL: ``json.loads`` each
  line; WARC: iterate with warcio and read each response payload;
- **parallax**: ``parallax.pipeline.run([path], db, analyse=False)`` into a fresh DuckDB file — reading,
  format sniffing, decoding, HTML extraction, cleaning, metadata, language id, exact and near-duplicate
  detection, and storage.

Reported per step: documents/s, MB/s of input bytes on disk (the WARC is counted compressed), peak RSS; and
per form the ratio of the two times, measured in the same run. Results go to ``benchmarks/results/ingest.json``
and ``ingest.md`` (``ingest_quick.*`` with ``--quick``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import OUT, Timer, rate, run_step, save_results, table

import build_corpus

FORMS = ("text", "jsonl", "warc")
QUICK_DOCS = 200


# --- steps (each runs in its own process) -------------------------------------------------------------------

def bare_text(path: str) -> dict[str, Any]:
    files = sorted(Path(path).rglob("*.txt"))
    with Timer() as t:
        n, chars = 0, 0
        for f in files:
            chars += len(f.read_bytes().decode("utf-8"))
            n += 1
    return {"seconds": t.seconds, "docs": n, "chars": chars}


def bare_jsonl(path: str) -> dict[str, Any]:
    with Timer() as t:
        n, chars = 0, 0
        with open(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    chars += len(json.loads(line)["text"])
                    n += 1
    return {"seconds": t.seconds, "docs": n, "chars": chars}


def bare_warc(path: str) -> dict[str, Any]:
    from warcio.archiveiterator import ArchiveIterator

    with Timer() as t:
        n, size = 0, 0
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    size += len(record.content_stream().read())
                    n += 1
    return {"seconds": t.seconds, "docs": n, "payload_bytes": size}


def parallax_ingest(path: str, db: str) -> dict[str, Any]:
    from parallax.pipeline import run

    with Timer() as t:
        summary = run([path], db, analyse=False)
    return {"seconds": t.seconds, "docs": summary.read, "stored": summary.documents,
            "near_duplicates": summary.near_duplicates, "exact_duplicates": summary.exact_duplicates,
            "errors": summary.errors, "db_mb": round(Path(db).stat().st_size / 1e6, 1)}


# --- driver -------------------------------------------------------------------------------------------------

def measure_form(form: str, path: str, in_bytes: int, workdir: Path) -> list[dict[str, Any]]:
    bare = run_step(f"bench_ingest:bare_{form}", path=path)
    db = workdir / f"{form}.duckdb"
    full = run_step("bench_ingest:parallax_ingest", path=path, db=str(db))
    rows = []
    for name, res in (("bare read", bare), ("parallax analyse=False", full)):
        res.update(form=form, step=name, input_mb=round(in_bytes / 1e6, 2),
                   docs_per_s=rate(res["docs"], res["seconds"]), mb_per_s=rate(in_bytes / 1e6, res["seconds"]))
        rows.append(res)
    full["ratio"] = full["seconds"] / bare["seconds"] if bare["seconds"] > 0 else None
    return rows


COLUMNS = [("form", "form", ""), ("step", "step", ""), ("docs", "docs", "d"), ("seconds", "seconds", ".2f"),
           ("docs_per_s", "docs/s", ",.0f"), ("mb_per_s", "MB/s", ".2f"), ("peak_rss_mb", "peak RSS MB", ".0f"),
           ("ratio", "time ratio parallax/bare", ".1f")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Parallax ingest vs bare reads of the same files.")
    ap.add_argument("--docs", type=int, default=5000, help="documents per form (default 5000)")
    ap.add_argument("--quick", action="store_true", help=f"smoke test: {QUICK_DOCS} documents")
    ap.add_argument("--forms", default=",".join(FORMS), help="comma-separated subset of text,jsonl,warc")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the corpus even if one of this size exists")
    args = ap.parse_args(argv)
    n_docs = QUICK_DOCS if args.quick else args.docs
    forms = [f for f in args.forms.split(",") if f]
    if unknown := set(forms) - set(FORMS):
        ap.error(f"unknown form(s): {', '.join(sorted(unknown))}")

    manifest = build_corpus.ensure(n_docs, OUT / f"corpus-{n_docs}", rebuild=args.rebuild)
    workdir = Path(tempfile.mkdtemp(prefix="parallax-bench-", dir=OUT))
    rows: list[dict[str, Any]] = []
    try:
        for form in forms:
            print(f"[{form}] {n_docs} docs, {manifest[form]['bytes'] / 1e6:.1f} MB ...", file=sys.stderr, flush=True)
            rows += measure_form(form, manifest[form]["path"], manifest[form]["bytes"], workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    text = table(rows, COLUMNS)
    print(text)
    name = "ingest_quick" if args.quick else "ingest"
    md = (f"# Ingest benchmark ({n_docs} documents per form)\n\n{text}\n\n"
          "bare = read+decode / json.loads / warcio payload read; parallax = `pipeline.run(analyse=False)` into a "
          "fresh DuckDB. MB/s counts input bytes on disk (WARC compressed). Each step in its own process.\n")
    paths = save_results(name, {"docs": n_docs, "corpus": manifest}, rows, md)
    print(f"results: {paths[0]} {paths[1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
