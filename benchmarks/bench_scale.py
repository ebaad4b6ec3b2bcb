"""Scale: how cost grows with the corpus, engines side by side, WARC streaming, incremental updates.

    PYTHONPATH=src python benchmarks/bench_scale.py [--sizes 1000,10000,50000] [--analyse 1000] [--quick]

Every step runs in a fresh process (``_common.run_step``): its seconds exclude imports and its peak RSS is
its own. Inputs are synthetic VOA-derived corpora (``build_warc.py``): distinct documents, never duplicates.

- ingest at each size (``analyse=False``: read, clean, language, dedup, store), with RSS sampled every 2 s
  to show whether memory is flat over the run;
- analysis (parse + extract + link) at ``--analyse`` docs: local engine on 1 and 2 processes, Ray on 1 and
  2 workers (a local Ray), as time ratios from this one run;
- kill -9 in the middle of an analysis and resume: how many documents the resumed run parsed again;
- WARC.gz streaming: Parallax's reader (records → HTML responses → article text) against a bare warcio
  read of the same file, MB/s of compressed input;
- incremental: 50 new documents into the analysed store against a full run over everything.

Results: ``benchmarks/results/scale.json`` and ``scale.md`` (with the projection per million articles).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _common import OUT, ROOT, SRC, Timer, rate, rss_mb, run_step, save_results, table

import build_warc

WORK = OUT / "scale"



class Sampler:
    """RSS of this process every ``every`` seconds, to see growth within a run (not only its peak)."""

    def __init__(self, every: float = 2.0) -> None:
        self.every, self.samples, self._stop = every, [], threading.Event()

    def __enter__(self) -> Sampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.samples.append(round(rss_mb(), 1))

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(round(rss_mb(), 1))

    def shape(self) -> dict[str, float]:
        s = self.samples or [0.0]
        q = max(1, len(s) // 4)
        return {"rss_first_quarter_mb": max(s[:q]), "rss_last_quarter_mb": max(s[-q:]), "rss_samples": len(s)}


# --- steps (each in its own process) -------------------------------------------------------------------------

def step_run(inputs: list[str], db: str, analyse: bool = True, n_process: int = 1, engine: str = "local",
             fresh: bool = True) -> dict[str, Any]:
    from parallax.pipeline import run

    if fresh:
        for p in (db, db + ".wal"):
            Path(p).unlink(missing_ok=True)
        shutil.rmtree(db + ".shards", ignore_errors=True)
    with Sampler() as sampler, Timer() as t:
        s = run(inputs, db=db, analyse=analyse, n_process=n_process, engine=engine)
    return {"seconds": t.seconds, "read": s.read, "added": s.added, "near_duplicates": s.near_duplicates,
            "exact_duplicates": s.exact_duplicates, "analysed": s.analysed, "documents": s.documents,
            "events": s.events, "claims": s.claims, **sampler.shape()}


def step_link(db: str) -> dict[str, Any]:
    from parallax.link.stage import link_story
    from parallax.store import Store

    with Store(db) as store, Timer() as t:
        link_story(store, force=True)  # the run already linked it: measure a full rebuild, not the skip
    return {"seconds": t.seconds}


def step_slice(src: str, dst: str, docs: int) -> dict[str, Any]:
    """A copy of an analysed store cut down to its first ``docs`` documents (ingest order), unlinked."""
    import duckdb

    shutil.copy(src, dst)
    con = duckdb.connect(dst)
    con.execute("CREATE TEMP TABLE cut AS SELECT id FROM documents ORDER BY seq OFFSET ?", [docs])
    for table, col in (("doc_results", "doc"), ("documents", "id")):
        con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM cut)")
    con.execute("DELETE FROM meta WHERE key = 'link_fingerprint'")
    kept = con.execute("SELECT count(*) FROM doc_results").fetchone()[0]
    con.execute("CHECKPOINT")
    con.close()
    return {"docs": docs, "analysed": kept}


def step_link_sized(db: str) -> dict[str, Any]:
    """A full rebuild of the cross-source stage, with what it made."""
    from parallax.link.stage import link_story
    from parallax.store import Store

    with Store(db) as store, Timer() as t:
        r = link_story(store, force=True)
    return {"seconds": t.seconds, "events": r.events, "claims": r.claims, "actors": r.actors,
            "contradictions": r.contradictions}


def step_warc_bare(path: str) -> dict[str, Any]:
    """warcio alone: iterate, read each response payload. warcio stops at a damaged record, so on failure
    this reopens at the next gzip member (Parallax's finder, cheap) and goes on: same bytes as Parallax reads."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from parallax.ingest.warc import _next_member

    n = skips = 0
    start, size = 0, os.path.getsize(path)
    with Timer() as t, open(path, "rb") as handle:
        while True:
            it = ArchiveIterator(handle)
            good = start
            try:
                for record in it:
                    good = it.offset  # absolute offset where the last intact record began
                    if record.rec_type == "response":
                        record.content_stream().read()
                        n += 1
                ended = it.member_info is None if hasattr(it, "member_info") else True
            except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError):  # warcio on garbage headers
                ended = False
            # warcio ends quietly (a message on stderr) at damaged gzip data: look past the last intact record.
            at = _next_member(handle, 0, good)
            at = _next_member(handle, 0, at) if at is not None else None  # the member after the intact one
            if at is None or (ended and at <= good):
                break
            skips += 1
            start = at
            handle.seek(at)
    return {"seconds": t.seconds, "records": n, "skips": skips, "mb": os.path.getsize(path) / 2**20}


def step_warc_parallax(path: str, max_seconds: float = 0) -> dict[str, Any]:
    from parallax.ingest.sources import iter_articles
    from parallax.model import IngestError

    size = os.path.getsize(path)
    articles = errors = 0
    handle_pos = {"bytes": 0}
    with Sampler() as sampler, Timer() as t:
        start = time.perf_counter()
        for item in iter_articles([path], on_bytes=lambda _p, n: handle_pos.__setitem__("bytes", n)):
            if isinstance(item, IngestError):
                errors += 1
            else:
                articles += 1
            if max_seconds and time.perf_counter() - start > max_seconds:
                break
    done = handle_pos["bytes"] or size
    return {"seconds": t.seconds, "articles": articles, "errors": errors, "mb": done / 2**20,
            "complete": done >= size, **sampler.shape()}


# --- orchestration -----------------------------------------------------------------------------------------

def _cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.Popen([sys.executable, "-m", "parallax.views.cli", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def resume_after_kill(jsonl: Path, db: Path, kill_after: float) -> dict[str, Any]:
    """kill -9 an analysis after ``kill_after`` s, then re-run: what the resumed run had to parse again."""
    import duckdb

    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(f"{db}.shards", ignore_errors=True)
    proc = _cli("analyze", str(jsonl), "--db", str(db), "-q", "--shard-docs", "64")
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(db), read_only=True)
    done = con.execute("SELECT count(*) FROM documents WHERE analysis_version IS NOT NULL").fetchone()[0]
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    again = run_step("bench_scale:step_run", inputs=[str(jsonl)], db=str(db), fresh=False)
    return {"killed_after_s": kill_after, "stored_at_kill": stored, "analysed_at_kill": done,
            "resume_analysed": again["analysed"], "resume_seconds": again["seconds"],
            "total_documents": again["documents"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,50000", help="ingest sizes")
    ap.add_argument("--analyse", type=int, default=1000, help="documents for the analysed runs")
    ap.add_argument("--ray-docs", type=int, default=300)
    ap.add_argument("--warc-mb", type=float, default=1024)
    ap.add_argument("--warc-seconds", type=float, default=120, help="time box for Parallax's WARC reader")
    ap.add_argument("--duckdb-memory", default="",
                    help="PARALLAX_DUCKDB_MEMORY for the ingest steps (default: the store's own limit)")
    ap.add_argument("--link-store", default="",
                    help="an analysed store (e.g. long_run.py's 50k) for the link-sizes section")
    ap.add_argument("--link-sizes", default="5000,10000,20000,50000",
                    help="store sizes (first N documents of --link-store) for the link-sizes section")
    ap.add_argument("--only", default="",
                    help="comma list of sections: ingest,analyse,ray,resume,warc,incremental,link-sizes")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.analyse, args.ray_docs, args.warc_mb, args.warc_seconds = "200,400", 100, 60, 20, 20
    sections = set(args.only.split(",")) if args.only else {"ingest", "analyse", "ray", "resume", "warc", "incremental"}
    WORK.mkdir(parents=True, exist_ok=True)
    name = "scale_quick" if args.quick else "scale"
    previous = RESULTS_FILE(name)
    results: dict[str, Any] = json.loads(previous.read_text())["sections"] if previous.exists() else {}

    def save() -> None:
        save_results(name, {"sections": results}, [], render(results))

    def corpus(n: int, start: int = 0) -> Path:
        path = WORK / f"synth-{n}-{start}.jsonl"
        if not path.exists():
            build_warc.write_jsonl(path, n, start=start)
        return path

    if "ingest" in sections:
        limit = args.duckdb_memory or "1GiB (default)"
        if args.duckdb_memory:
            os.environ["PARALLAX_DUCKDB_MEMORY"] = args.duckdb_memory  # inherited by the step processes
        rows = [r for r in results.get("ingest", [])  # rows of other sizes or limits are kept
                if (str(r["docs"]), r.get("duckdb_memory", "")) not in {(s, limit) for s in args.sizes.split(",")}]
        for n in [int(x) for x in args.sizes.split(",")]:
            r = run_step("bench_scale:step_run", inputs=[str(corpus(n))], db=str(WORK / f"ingest-{n}.duckdb"),
                         analyse=False)
            rows.append({"docs": n, "duckdb_memory": limit, **r, "docs_per_s": rate(r["read"], r["seconds"])})
            print("ingest", rows[-1], flush=True)
            results["ingest"] = sorted(rows, key=lambda r: (r["docs"], r.get("duckdb_memory", "")))
            save()
    n = args.analyse
    if "analyse" in sections:
        rows = []
        for procs in (1, 2):
            r = run_step("bench_scale:step_run", inputs=[str(corpus(n))], db=str(WORK / f"analyse-{n}-p{procs}.duckdb"),
                         n_process=procs)
            rows.append({"engine": "local", "workers": procs, "docs": n, **r, "docs_per_s": rate(r["analysed"], r["seconds"])})
            print("analyse", rows[-1], flush=True)
        link = run_step("bench_scale:step_link", db=str(WORK / f"analyse-{n}-p1.duckdb"))
        results["analyse"] = rows
        results["link_only"] = {"docs": n, **link}
        save()
    if "link-sizes" in sections and args.link_store:
        sizes = [int(x) for x in args.link_sizes.split(",")]
        rows = [r for r in results.get("link_sizes", [])  # rows of sizes not measured now are kept
                if not any(abs(r["docs"] - n) <= 0.01 * n for n in sizes)]
        for size in sizes:
            cut = WORK / f"link-{size}.duckdb"
            sliced = run_step("bench_scale:step_slice", src=args.link_store, dst=str(cut), docs=size)
            r = run_step("bench_scale:step_link_sized", db=str(cut))
            rows.append({"docs": sliced["analysed"], **r, "ms_per_doc": 1000 * r["seconds"] / sliced["analysed"]})
            print("link", rows[-1], flush=True)
            cut.unlink()
            results["link_sizes"] = sorted(rows, key=lambda r: r["docs"])
            save()
    if "ray" in sections:
        rows = []
        for workers in (1, 2):
            r = run_step("bench_scale:step_run", inputs=[str(corpus(args.ray_docs))],
                         db=str(WORK / f"ray-{workers}.duckdb"), n_process=workers, engine="ray")
            rows.append({"engine": "ray", "workers": workers, "docs": args.ray_docs, **r,
                         "docs_per_s": rate(r["analysed"], r["seconds"])})
            print("ray", rows[-1], flush=True)
        results["ray"] = rows
        save()
    if "resume" in sections:
        results["resume"] = resume_after_kill(corpus(min(n, 400)), WORK / "resume.duckdb", kill_after=45)
        print("resume", results["resume"], flush=True)
        save()
    if "warc" in sections:
        warc = WORK / f"ccnews-{int(args.warc_mb)}m.warc.gz"
        if not warc.exists():
            print(build_warc.write_warc(warc, size_mb=args.warc_mb), flush=True)
        bare = run_step("bench_scale:step_warc_bare", path=str(warc))
        ours = run_step("bench_scale:step_warc_parallax", path=str(warc), max_seconds=args.warc_seconds)
        results["warc"] = {"file_mb": round(os.path.getsize(warc) / 2**20, 1), "bare": bare, "parallax": ours}
        print("warc", results["warc"], flush=True)
        save()
    if "incremental" in sections:
        base = WORK / f"analyse-{n}-p1.duckdb"
        if not base.exists():
            raise SystemExit("run the analyse section first (the incremental step adds to its store)")
        inc_db = WORK / "incremental.duckdb"
        shutil.copy(base, inc_db)
        extra = corpus(50, start=10**6)
        inc = run_step("bench_scale:step_run", inputs=[str(corpus(n)), str(extra)], db=str(inc_db), fresh=False)
        full = run_step("bench_scale:step_run", inputs=[str(corpus(n)), str(extra)], db=str(WORK / "full.duckdb"))
        results["incremental"] = {"base_docs": n, "added": 50, "incremental": inc, "full": full}
        print("incremental", results["incremental"], flush=True)
        save()
    save()


def RESULTS_FILE(name: str) -> Path:  # noqa: N802
    from _common import RESULTS

    return RESULTS / f"{name}.json"


def render(r: dict[str, Any]) -> str:
    parts = ["# Scale benchmark", "",
             "Synthetic VOA-derived corpora (distinct documents, see build_warc.py); 2-core machine shared with "
             "other work. Each step in its own process; seconds exclude imports; peak RSS is the step's own "
             "(ru_maxrss: with worker processes, the largest single process).", ""]
    if "ingest" in r:
        parts += ["## Ingest (read, clean, language, dedup, store; no parsing)", "", table(r["ingest"], [
            ("docs", "docs", ","), ("duckdb_memory", "DuckDB limit", ""), ("seconds", "seconds", ".1f"),
            ("docs_per_s", "docs/s", ".1f"), ("near_duplicates", "near dups", ","), ("peak_rss_mb", "peak RSS MB", ".0f"),
            ("rss_first_quarter_mb", "RSS 1st quarter MB", ".0f"), ("rss_last_quarter_mb", "RSS last quarter MB", ".0f"),
        ]), ""]
    eng = r.get("analyse", []) + r.get("ray", [])
    if eng:
        parts += ["## Analysis (ingest + parse + extract + link)", "", table(eng, [
            ("engine", "engine", ""), ("workers", "workers", "d"), ("docs", "docs", ","), ("seconds", "seconds", ".1f"),
            ("docs_per_s", "docs/s", ".2f"), ("events", "events", ","), ("peak_rss_mb", "peak RSS MB", ".0f"),
        ]), ""]
        for key in ("analyse", "ray"):
            rows = r.get(key, [])
            if len(rows) == 2:
                parts.append(f"- {rows[0]['engine']}: 2 workers / 1 worker throughput ratio "
                             f"**{rows[1]['docs_per_s'] / rows[0]['docs_per_s']:.2f}**")
        if "link_only" in r:
            parts.append(f"- link stage alone over {r['link_only']['docs']} analysed docs: {r['link_only']['seconds']:.1f} s")
        parts.append("")
    if "link_sizes" in r:
        parts += ["## Cross-source stage by store size (full rebuild)", "",
                  "The first N documents of one analysed store (long_run.py's 50k corpus), each linked from "
                  "scratch in its own process.", "", table(r["link_sizes"], [
                      ("docs", "analysed docs", ","), ("seconds", "seconds", ".1f"), ("ms_per_doc", "ms/doc", ".1f"),
                      ("peak_rss_mb", "peak RSS MB", ".0f"), ("actors", "actors", ","), ("events", "events", ","),
                      ("claims", "claims", ","), ("contradictions", "contradictions", ","),
                  ]), ""]
    if "resume" in r:
        x = r["resume"]
        parts += ["## kill -9 and resume", "",
                  f"Killed after {x['killed_after_s']} s with {x['stored_at_kill']} documents stored and "
                  f"{x['analysed_at_kill']} analysed; the resumed run analysed {x['resume_analysed']} "
                  f"(= the rest; nothing parsed twice) in {x['resume_seconds']:.1f} s; {x['total_documents']} "
                  "documents in the store at the end.", ""]
    if "warc" in r:
        w = r["warc"]
        b, p = w["bare"], w["parallax"]
        parts += ["## WARC.gz streaming", "",
                  f"File: {w['file_mb']} MB compressed (CC-NEWS layout: request/response/metadata, junk and corrupt records).", "",
                  f"- bare warcio (iterate, read every response payload): {b['mb'] / b['seconds']:.1f} MB/s "
                  f"({b['records']:,} responses in {b['seconds']:.1f} s, peak RSS {b['peak_rss_mb']:.0f} MB)",
                  f"- Parallax reader (HTML responses only, article extraction): {p['mb'] / p['seconds']:.2f} MB/s, "
                  f"{p['articles'] / p['seconds']:.0f} articles/s over {p['mb']:.0f} MB "
                  f"({'whole file' if p['complete'] else 'time-boxed'}); peak RSS {p['peak_rss_mb']:.0f} MB "
                  f"(first quarter {p['rss_first_quarter_mb']:.0f}, last quarter {p['rss_last_quarter_mb']:.0f}); "
                  f"ratio bare/Parallax {b['mb'] / b['seconds'] / (p['mb'] / p['seconds']):.0f}x", ""]
    if "incremental" in r:
        i = r["incremental"]
        parts += ["## Incremental update", "",
                  f"Adding {i['added']} documents to an analysed {i['base_docs']}-document store: "
                  f"{i['incremental']['seconds']:.1f} s (analysed {i['incremental']['analysed']}), against "
                  f"{i['full']['seconds']:.1f} s for a full run over all {i['base_docs'] + i['added']} "
                  f"(ratio {i['full']['seconds'] / i['incremental']['seconds']:.1f}x).", ""]
    if eng and "ingest" in r:
        best = max(eng, key=lambda x: x["docs_per_s"])
        ing = r["ingest"][-1]
        per_doc = 1 / best["docs_per_s"]
        parts += ["## Projection per million articles", "",
                  f"At the best measured analysis rate ({best['engine']}, {best['workers']} workers: "
                  f"{best['docs_per_s']:.2f} docs/s) one million articles take {1e6 * per_doc / 3600:.0f} hours "
                  f"on this 2-core machine, i.e. about {1e6 * per_doc * best['workers'] / 3600:.0f} core-hours; "
                  f"ingest alone at {ing['docs_per_s']:.0f} docs/s takes {1e6 / ing['docs_per_s'] / 3600:.1f} hours "
                  "(single process). Parsing scales out by shards (Ray workers), so wall time divides by the "
                  "worker count; the store writer and the link stage stay on one machine.", ""]
    if r.get("notes"):
        parts += ["## Notes", "", *(f"- {n}" for n in r["notes"]), ""]
    return "\n".join(parts)


if __name__ == "__main__":
    main()
