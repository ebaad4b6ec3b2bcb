"""Near-duplicate detection memory: the old in-memory LSH index against the band table in DuckDB (issue #8).

    PYTHONPATH=src python benchmarks/bench_dedup_memory.py [--docs 20000] [--pipeline-docs 5000] [--quick]

Same documents, same run, each step in a fresh process (``_common.run_step``): synthetic VOA-derived documents
(``build_warc.synth_docs``), every tenth replaced by a lightly edited copy of the document five before it, so
the search finds something. Both index steps run the same ingest-like loop — batches of 64: MinHash, exact
check, near-duplicate decision, write documents and signatures to a fresh store — and differ only in the
index:

- ``old``: datasketch ``MinHashLSH`` in memory, loaded from the store at start and grown with every original
  (the ``NearDuplicateIndex`` that ``pipeline.ingest`` used before, kept here as the reference);
- ``new``: ``parallax.link.duplicates.BatchIndex``: one band join per batch against ``lsh_bands`` in the store.

RSS (VmRSS) and DuckDB's own memory (``duckdb_memory()``) are read at 10%, 50% and 100% of the run; seconds
per 1,000 documents are given for the whole loop and for the near-duplicate part alone (query, match, add,
band writes). A third step runs the real ``pipeline.ingest`` (cleaning, language id and all) on the first
``--pipeline-docs`` of the same documents with the new index. Results: ``results/dedup_memory.json/.md``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from _common import OUT, RESULTS, rss_mb, run_step, save_results, table

import build_warc

WORK = OUT / "dedup_memory"
BATCH = 64
MARKS = (0.1, 0.5, 1.0)



def docs(n: int) -> Iterator[dict[str, str]]:
    """The benchmark's documents: synthetic and distinct, except every tenth, a near copy of one five before
    (its last passage of four sentences dropped: estimated Jaccard ~0.8)."""
    recent: deque[str] = deque(maxlen=5)
    for doc in build_warc.synth_docs(n):
        i = int(doc["id"].split("-")[1])
        if i % 10 == 9 and len(recent) == 5:
            doc = {**doc, "text": "\n\n".join(recent[0].split("\n\n")[:-1])}
        recent.append(doc["text"])
        yield doc


class OldIndex:
    """The in-memory index ``pipeline.ingest`` held before issue #8: datasketch LSH over every original."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        from parallax.link import duplicates as dup

        self.dup = dup
        self.lsh = MinHashLSH(threshold=dup.THRESHOLD, num_perm=dup.NUM_PERM)
        self.sigs: dict[str, Any] = {}

    def _lean(self, values: Any) -> Any:
        from datasketch import LeanMinHash

        return LeanMinHash(seed=1, hashvalues=values, scheme=self.dup.SCHEME)

    def load(self, stored: Iterable[tuple[str, bytes]]) -> None:
        with self.lsh.insertion_session() as session:
            for doc_id, data in stored:
                values = self.dup.values_of(data)
                self.sigs[doc_id] = values
                session.insert(doc_id, self._lean(values))

    def match(self, values: Any, exclude: str | None = None) -> tuple[str, float] | None:
        best = None
        for cand in self.lsh.query(self._lean(values)):
            if cand == exclude:
                continue
            sim = self.dup.similarity(values, self.sigs[cand])
            if sim >= self.dup.THRESHOLD and (best is None or sim > best[1]):
                best = (cand, sim)
        return best

    def add(self, doc_id: str, values: Any) -> None:
        if doc_id in self.sigs:
            self.lsh.remove(doc_id)
        self.sigs[doc_id] = values
        self.lsh.insert(doc_id, self._lean(values))


def _duck_memory(store: Any) -> dict[str, float]:
    """DuckDB's tracked memory and file size, plus Python's live allocations (to tell whose the RSS is)."""
    import sys

    import pyarrow as pa

    used = store.con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()[0]
    size = store.con.execute("PRAGMA database_size").fetchone()
    return {"duckdb_mb": round(used / 2**20, 1), "db_file_mb": round(size[4] * size[2] / 2**20, 1)
            if isinstance(size[2], int) else None,
            "py_blocks_k": round(sys.getallocatedblocks() / 1000),
            "arrow_mb": round(pa.total_allocated_bytes() / 2**20, 1)}


# --- steps (each in its own process) -------------------------------------------------------------------------

def step_index(kind: str, n: int, db: str, memory_limit: str | None = None) -> dict[str, Any]:
    """The ingest-like loop over ``n`` documents with the ``old`` or ``new`` near-duplicate index."""
    import numpy as np

    from parallax.ingest.document import doc_id
    from parallax.link import duplicates as dup
    from parallax.model import Document
    from parallax.store import Store

    for p in (db, db + ".wal"):
        Path(p).unlink(missing_ok=True)
    marks, done, near, index_s = [], 0, 0, 0.0
    start_rss = rss_mb()
    with Store(db) as store:
        if memory_limit:
            store.con.execute(f"SET memory_limit = '{memory_limit}'")
        old = OldIndex() if kind == "old" else None
        t0 = time.perf_counter()
        if old is not None:
            old.load(store.signatures())
        else:
            dup.ensure_bands(store)
        index_s += time.perf_counter() - t0
        seq = store.next_seq()
        batch: list[dict[str, str]] = []
        started = time.perf_counter()

        def flush() -> None:
            nonlocal seq, done, near, index_s
            with store.transaction():
                fresh = []
                for d in batch:
                    text = d["text"]
                    fresh.append((Document(id=doc_id(d["id"]), key=d["id"], text=text, title=d["title"], url=d["url"],
                                           language="en", format="jsonl", content_sha=dup.content_sha(text)),
                                  np.asarray(dup.minhash(text).hashvalues, dtype=np.uint64)))
                t = time.perf_counter()
                new = dup.BatchIndex(store, [v for _, v in fresh]) if old is None else None
                index_s += time.perf_counter() - t
                rows, sigs, bands = [], [], []
                for pos, (doc, values) in enumerate(fresh):
                    exact = store.first_with_content(doc.content_sha, exclude=doc.id)
                    t = time.perf_counter()
                    match = None if exact else (old.match(values, doc.id) if old else new.match(pos, values, doc.id))
                    doc.duplicate_of = exact or (match[0] if match else None)
                    near += match is not None
                    if old is not None:
                        if doc.duplicate_of is None:
                            old.add(doc.id, values)
                    else:
                        new.add(pos, doc.id, values, original=doc.duplicate_of is None)
                        if doc.duplicate_of is None:
                            bands.extend(dup.band_rows(doc.id, values))
                    index_s += time.perf_counter() - t
                    rows.append((doc, seq, doc.content_sha))
                    sigs.append((doc.id, dup.to_bytes(values)))
                    seq += 1
                store.put_documents(rows, ingest_version=0)
                store.put_signatures(sigs)
                if old is None:
                    t = time.perf_counter()
                    store.replace_bands([d.id for d, _, _ in rows], bands)
                    index_s += time.perf_counter() - t
            done += len(batch)
            batch.clear()
            while len(marks) < len(MARKS) and done >= MARKS[len(marks)] * n:
                marks.append({"docs": done, "rss_mb": round(rss_mb(), 1), **_duck_memory(store),
                              "seconds": round(time.perf_counter() - started, 2)})

        for d in docs(n):
            batch.append(d)
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
        seconds = time.perf_counter() - started
    return {"kind": kind, "docs": done, "near_duplicates": near, "seconds": seconds, "index_seconds": index_s,
            "s_per_1k": 1000 * seconds / done, "index_s_per_1k": 1000 * index_s / done,
            "rss_start_mb": round(start_rss, 1), "marks": marks, "memory_limit": memory_limit}


def step_pipeline(n: int, db: str) -> dict[str, Any]:
    """The real ``pipeline.ingest`` (clean, language, dedup, store) on the first ``n`` benchmark documents."""
    from parallax.ingest.base import RawArticle
    from parallax.pipeline import RunSummary, ingest
    from parallax.store import Store

    for p in (db, db + ".wal"):
        Path(p).unlink(missing_ok=True)
    marks: list[dict[str, Any]] = []
    store_ref: dict[str, Any] = {}
    started = time.perf_counter()

    def items() -> Iterator[RawArticle]:
        for i, d in enumerate(docs(n), 1):
            yield RawArticle(key=f"bench:{d['id']}", text=d["text"], format="jsonl", path="bench.jsonl", url=d["url"],
                             title=d["title"], published=d["published"], site=d["source"])
            if len(marks) < len(MARKS) and i >= MARKS[len(marks)] * n + BATCH:  # the batch holding it was written
                marks.append({"docs": i - BATCH, "rss_mb": round(rss_mb(), 1), **_duck_memory(store_ref["s"]),
                              "seconds": round(time.perf_counter() - started, 2)})

    summary = RunSummary()
    start_rss = rss_mb()
    with Store(db) as store:
        store_ref["s"] = store
        ingest(store, items(), summary, lambda *a: None)
        marks.append({"docs": summary.read, "rss_mb": round(rss_mb(), 1), **_duck_memory(store),
                      "seconds": round(time.perf_counter() - started, 2)})
    seconds = time.perf_counter() - started
    return {"kind": "pipeline", "docs": summary.read, "near_duplicates": summary.near_duplicates, "seconds": seconds,
            "s_per_1k": 1000 * seconds / max(1, summary.read), "rss_start_mb": round(start_rss, 1),
            "marks": marks[-len(MARKS):]}


def step_join(sizes: list[int], db: str) -> dict[str, Any]:
    """The per-batch band join alone on ever larger band tables (random rows, 64 probing documents): the
    cost that grows with the store now that nothing else does."""
    import duckdb
    import numpy as np
    import pyarrow as pa

    from parallax.link import duplicates as dup

    for p in (db, db + ".wal"):
        Path(p).unlink(missing_ok=True)
    con = duckdb.connect(db, config={"memory_limit": "1GiB"})
    con.execute("CREATE TABLE lsh_bands (band SMALLINT, hash UBIGINT, doc VARCHAR)")
    rng, total, out = np.random.default_rng(0), 0, []
    for target in sorted(sizes):
        while total < target:
            n = min(50_000, target - total)
            ids = np.char.mod("%016x", np.arange(total, total + n))
            con.register("_t", pa.table({"band": np.tile(np.arange(dup.BANDS, dtype=np.int16), n),
                                         "hash": rng.integers(0, 2**63, n * dup.BANDS, dtype=np.uint64),
                                         "doc": np.repeat(ids, dup.BANDS)}))
            con.execute("INSERT INTO lsh_bands SELECT * FROM _t")
            con.unregister("_t")
            total += n
        con.execute("CHECKPOINT")
        con.register("_probes", pa.table({"pos": np.repeat(np.arange(BATCH, dtype=np.int32), dup.BANDS),
                                          "band": np.tile(np.arange(dup.BANDS, dtype=np.int16), BATCH),
                                          "hash": rng.integers(0, 2**63, BATCH * dup.BANDS, dtype=np.uint64)}))
        times = []
        for _ in range(5):
            t = time.perf_counter()
            con.execute("SELECT DISTINCT b.doc, p.pos FROM _probes p JOIN lsh_bands b "
                        "ON b.band = p.band AND b.hash = p.hash").fetchall()
            times.append(time.perf_counter() - t)
        con.unregister("_probes")
        out.append({"docs": total, "rows": total * dup.BANDS, "join_ms": round(1000 * sorted(times)[2], 1),
                    "ms_per_doc": round(1000 * sorted(times)[2] / BATCH, 2)})
    con.close()
    return {"join": out}


# --- orchestration -----------------------------------------------------------------------------------------

def _flat(r: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in r.items() if k != "marks"}
    row["memory_limit"] = r.get("memory_limit") or "store default"
    for mark, m in zip(("10", "50", "100"), r["marks"]):
        row[f"rss_{mark}"] = m["rss_mb"]
        row[f"duck_{mark}"] = m["duckdb_mb"]
        row[f"py_{mark}"] = m.get("py_blocks_k")
    if len(r["marks"]) == 3:
        row["growth_per_1k_kb"] = 1024 * (r["marks"][2]["rss_mb"] - r["marks"][0]["rss_mb"]) / max(
            1, (r["marks"][2]["docs"] - r["marks"][0]["docs"]) / 1000)
    return row


def render(rows: list[dict[str, Any]]) -> str:
    return "\n".join([
        "# Near-duplicate index memory (issue #8)", "",
        "Same synthetic documents in every row (every tenth a near copy); each row a fresh process. RSS = VmRSS "
        "after the batch that reaches 10/50/100% of the documents; DuckDB = sum of `duckdb_memory()`; growth = "
        "RSS(100%) - RSS(10%) per 1,000 documents; Python blocks = `sys.getallocatedblocks()` (live Python "
        "objects: what the process itself holds). `old`: datasketch MinHashLSH in memory (as before); `new`: "
        "band table in DuckDB, one join per batch; `pipeline`: the real `pipeline.ingest` with the new index.", "",
        table([_flat(r) for r in rows], [
            ("kind", "index", ""), ("memory_limit", "duckdb limit", ""), ("docs", "docs", ","),
            ("near_duplicates", "near dups", ","),
            ("rss_10", "RSS 10% MB", ".0f"), ("rss_50", "RSS 50% MB", ".0f"), ("rss_100", "RSS 100% MB", ".0f"),
            ("growth_per_1k_kb", "growth KB/1k docs", ".0f"),
            ("duck_10", "DuckDB 10% MB", ".0f"), ("duck_100", "DuckDB 100% MB", ".0f"),
            ("py_10", "Python blocks 10% (k)", ".0f"), ("py_100", "Python blocks 100% (k)", ".0f"),
            ("peak_rss_mb", "peak RSS MB", ".0f"), ("s_per_1k", "s / 1k docs", ".2f"),
            ("index_s_per_1k", "dedup s / 1k docs", ".3f"),
        ]), ""])


def render_join(join: list[dict[str, Any]]) -> str:
    if not join:
        return ""
    return "\n".join([
        "## The band join as the store grows", "",
        "One batch (64 documents x 14 bands) joined against a band table of random rows, median of 5; it is a "
        "scan of the `hash` column, so it grows linearly with the store (the only cost that still does).", "",
        table(join, [("docs", "stored originals", ","), ("rows", "band rows", ","),
                     ("join_ms", "join ms / batch", ".1f"), ("ms_per_doc", "ms / document", ".2f")]), ""])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--pipeline-docs", type=int, default=5000, help="0 to skip the real pipeline step")
    ap.add_argument("--limits", default="", help="also run the new index under these DuckDB memory limits, e.g. 4GB")
    ap.add_argument("--join-sizes", default="50000,200000,1000000", help="stored originals for the join step")
    ap.add_argument("--only", default="", help="index,join: run these sections, keep the others' last results "
                    "(any other word: only re-render the last results)")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.docs, args.pipeline_docs, args.join_sizes = 1000, 300, "10000,50000"
    WORK.mkdir(parents=True, exist_ok=True)
    name = "dedup_memory_quick" if args.quick else "dedup_memory"
    sections = set(args.only.split(",")) if args.only else {"index", "join"}
    previous = RESULTS / f"{name}.json"
    last = json.loads(previous.read_text()) if previous.exists() else {}
    rows, join = last.get("rows", []), last.get("join", [])
    if "index" in sections:
        rows = []
        for kind, limit in [("old", None), ("new", None), *[("new", x) for x in args.limits.split(",") if x]]:
            rows.append(run_step("bench_dedup_memory:step_index", kind=kind, n=args.docs,
                                 db=str(WORK / f"{kind}.duckdb"), memory_limit=limit))
            print(_flat(rows[-1]), flush=True)
        if args.pipeline_docs:
            rows.append(run_step("bench_dedup_memory:step_pipeline", n=args.pipeline_docs,
                                 db=str(WORK / "pipeline.duckdb")))
            print(_flat(rows[-1]), flush=True)
    if "join" in sections:
        join = run_step("bench_dedup_memory:step_join", sizes=[int(x) for x in args.join_sizes.split(",")],
                        db=str(WORK / "join.duckdb"))["join"]
        print(join, flush=True)
    save_results(name, {"docs": max((r["docs"] for r in rows), default=0), "batch": BATCH, "join": join}, rows,
                 render(rows) + "\n" + render_join(join))


if __name__ == "__main__":
    main()
