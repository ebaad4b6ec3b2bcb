"""Build a realistic analysed store of N documents without parsing N documents.

    PYTHONPATH=src python benchmarks/build_store.py --docs 5000 --out benchmarks/out/store-5000.duckdb

Parsing costs about 0.2 s a document here, so 5,000 parsed documents would take a quarter of an hour. Instead
the 89 VOA stories (shared/data/voa_stories.jsonl) and the bundled sample story are analysed once by the real
pipeline, and the store is then filled up to N documents with clones: clone ``k`` of a document gets a new
key and id, an invented outlet, a publication date shifted by ``k`` days, and one appended sentence
("Edition k of this report.") so its text and content hash differ while every stored span (which all lie
before the appended end) stays valid. Its per-document results (actors, mentions, events, quotes, claims and
the stored parse) are copied with the old document id rewritten to the new one. Finally the cross-source
stage (``link_story``) runs over the whole store, exactly as after ``parallax analyze``.

Clones are stored as originals (not flagged as near-duplicates), so every stage meets N analysed documents:
that is the point of a load test, and it makes actor merging, claim clustering and ``verify`` work at full
size. The script prints how long each part took; measured on this machine (2 cores, shared) for N = 5,000:
see the "seconds" line it prints and benchmarks/results/verify.md. Other benchmarks (web load test, link
bench) reuse the file it writes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]

from _common import OUT, VOA  # noqa: E402

OUTLETS = ("Daily Meridian", "Harbour Times", "The Northern Ledger", "Coastal Wire", "Capital Review",
           "Evening Dispatch", "Frontier Post", "The Continental", "Morning Gazette", "World Desk Weekly",
           "River Valley News", "Pacific Courier", "Summit Herald", "Union Observer", "Plains Tribune")


def _shift(published: str | None, days: int) -> str | None:
    if not published:
        return None
    try:
        return (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return published


def analyse_base(db: Path) -> dict[str, float]:
    """The real pipeline over VOA + the sample story into a fresh store."""
    from parallax.pipeline import run
    from parallax.views.cli import sample_corpus

    started = time.perf_counter()
    summary = run([str(VOA), str(sample_corpus())], db=str(db))
    return {"base_documents": summary.documents, "base_seconds": round(time.perf_counter() - started, 2)}


LINKED = ("events", "mentions", "quotes", "claim_mentions")


def _copy_links(store, old: str, new: str, out: dict[str, list[dict]]) -> None:
    """The cross-source rows of ``old`` again for ``new`` (ids rewritten; global actor and claim ids kept)."""
    for table in LINKED:
        for row in _linked_rows(store, table, old):
            out[table].append({k: (v.replace(old, new) if isinstance(v, str) else v) for k, v in row.items()})


_CACHE: dict[tuple[str, str], list[dict]] = {}


def _linked_rows(store, table: str, doc: str) -> list[dict]:
    key = (table, doc)
    if key not in _CACHE:
        _CACHE[key] = store.rows(f"SELECT * FROM {table} WHERE doc = ?", [doc])
    return _CACHE[key]


def clone(db: Path, n_docs: int, copy_links: bool = False) -> dict[str, float]:
    """Fill the store up to ``n_docs`` documents with clones of its analysed originals; with ``copy_links``
    their cross-source rows (events, mentions, quotes, claim mentions) are copied too, so no link run is
    needed."""
    from parallax.ingest.document import INGEST_VERSION, doc_id
    from parallax.ingest.document import content_sha
    from parallax.store import Store
    from parallax.store.codec import to_row

    started = time.perf_counter()
    with Store(db) as store:
        have = store.count("documents")
        sources = store.documents("duplicate_of IS NULL AND analysis_version IS NOT NULL")
        results = {r["doc"]: r for r in store.rows("SELECT * FROM doc_results")}
        sources = [d for d in sources if d.id in results]
        if not sources:
            raise SystemExit("no analysed document to clone")
        seq = store.next_seq()
        version = store.con.execute("SELECT max(analysis_version) FROM documents").fetchone()[0]
        types = store._types["documents"]
        doc_rows, result_rows = [], []
        link_rows: dict[str, list[dict]] = {t: [] for t in LINKED}
        for i in range(max(0, n_docs - have)):
            src = sources[i % len(sources)]
            k = i // len(sources) + 1
            key = f"clone:{k}:{src.key}"
            new = doc_id(key)
            d = json.loads(json.dumps(to_row(src, types), default=str))
            d.update(id=new, key=key, text=src.text.rstrip() + f"\n\nEdition {k} of this report.\n",
                     outlet=OUTLETS[(i + k) % len(OUTLETS)], outlet_source="metadata",
                     published=_shift(src.published, k), duplicate_of=None, duplicate_kind=None,
                     url=(src.url + f"?edition={k}") if src.url else None)
            d["content_sha"] = content_sha(d["text"])
            doc_rows.append({**d, "seq": seq, "raw_sha": hashlib.sha256(key.encode()).hexdigest(),
                             "ingest_version": INGEST_VERSION, "analysis_version": version})
            seq += 1
            if copy_links:
                _copy_links(store, src.id, new, link_rows)
            r = results[src.id]
            result_rows.append({"doc": new, "parse": r["parse"], **{
                col: (r[col] or "[]").replace(src.id, new) for col in ("actors", "mentions", "events", "quotes",
                                                                        "claims")}})
            if len(doc_rows) >= 500:
                _flush(store, doc_rows, result_rows, link_rows)
        _flush(store, doc_rows, result_rows, link_rows)
        total = store.count("documents")
    return {"documents": total, "clone_seconds": round(time.perf_counter() - started, 2)}


def _flush(store, doc_rows: list[dict], result_rows: list[dict], link_rows: dict[str, list[dict]]) -> None:
    with store.transaction():
        store.insert("documents", doc_rows)
        store.insert("doc_results", result_rows)
        for table, rows in link_rows.items():
            store.insert(table, rows)
            rows.clear()
    doc_rows.clear()
    result_rows.clear()


def link(db: Path) -> dict[str, float]:
    """The cross-source stage over the whole store."""
    from parallax.link.stage import link_story
    from parallax.pipeline import RunSummary
    from parallax.store import Store

    started = time.perf_counter()
    summary = RunSummary()
    with Store(db) as store:
        link_story(store, summary)
    return {"link_seconds": round(time.perf_counter() - started, 2), "events": summary.events,
            "claims": summary.claims, "actors": summary.actors}


def build(n_docs: int, out: Path, link_mode: str = "run") -> dict[str, float]:
    """A fresh store at ``out`` with ``n_docs`` analysed documents; returns the timings. ``link_mode`` "run"
    runs the cross-source stage over the whole store; "copy" copies each clone's cross-source rows instead
    (seconds instead of the link stage's time; actor merging, claim clusters and profiles then reflect the
    base documents only)."""
    for stale in (out, Path(str(out) + ".wal"), Path(str(out) + ".verify")):
        if stale.is_dir():
            import shutil
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    info = {**analyse_base(out), **clone(out, n_docs, copy_links=link_mode == "copy")}
    if link_mode == "run":
        info.update(link(out))
    info["seconds"] = round(time.perf_counter() - started, 2)
    info["megabytes"] = round(out.stat().st_size / 2**20, 1)
    return info


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--out", type=Path, default=None, help="default: benchmarks/out/store-N.duckdb")
    ap.add_argument("--link", choices=("run", "copy"), default="run",
                    help="run the link stage over all documents, or copy each clone's linked rows (fast)")
    args = ap.parse_args(argv)
    out = args.out or OUT / f"store-{args.docs}.duckdb"
    info = build(args.docs, out, args.link)
    print(json.dumps({"out": str(out), **info}))


if __name__ == "__main__":
    main()
