"""Load benchmark of `parallax serve` on a 5,000-document store: requests/s and latency per page, errors.

    PYTHONPATH=src python benchmarks/bench_serve.py                 # 5,000 documents, ~4 minutes
    PYTHONPATH=src python benchmarks/bench_serve.py --quick         # 3 s a page: a smoke test
    PYTHONPATH=src python benchmarks/bench_serve.py --store other.duckdb

What runs: a complete store of ``build_store.py`` (reused when one exists, else built) is copied to a private file so a
concurrent rebuild cannot change it mid-run (the server reloads its story when the file changes); then the real
``parallax serve`` starts as a subprocess on a free port (uvicorn as the CLI starts it: one worker process, one
event loop, sync page handlers in its thread pool, so pages share one GIL). For each page a bounded closed-loop
generator (asyncio + httpx.AsyncClient, ``--concurrency`` workers, each sending its next request when the last
one returned) runs for ``--seconds`` after a sequential warm-up of every URL of the page. Why closed loop: the
offered load adapts to the server, so an overloaded page shows as latency, not as an unbounded queue.

The floor is the static file ``/static/parallax.css`` measured in the same run: the cost of uvicorn, the
middleware and the generator themselves. Each page's p95 is reported as a multiple of the floor's p95, which
survives a busier machine better than milliseconds do. Pages whose p95 passes ``--profile-over`` seconds are
profiled afterwards with cProfile in this process (the same endpoint called directly, warm) to say where the
time goes.

Ids come from the store, chosen by rule so the pages are the heavy ones a reader would open: the actor in most
events, the documents with most facts plus evenly spaced ones, events from the largest and a middling cluster,
and three stored event sentences (different types) as the claims to verify.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import os
import pstats
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]

from _common import OUT, RESULTS, ROOT, machine, save_results, table  # noqa: E402

STATIC = "/static/parallax.css"
ANALYSIS_MARK = "<!-- analysis: written by hand, kept when the benchmark rewrites this file -->"
WRAPPER = re.compile(r"render\.py|app\.py:\d+\(page\)|\((root|block_\w+)\)$")  # frames every page passes
MISS_WORD = "qxzvwjkq"  # no document contains it: search must read every text


@dataclass
class Page:
    name: str
    paths: list[str]
    warm: list[str] | None = None  # URLs the warm-up visits (default: every path)


# -- the store ------------------------------------------------------------------------------------------------
def wait_unlocked(db: Path, seconds: float) -> None:
    """Another process may still be writing the store (a build in progress): wait for its lock to go."""
    import duckdb

    deadline = time.monotonic() + seconds
    while True:
        try:
            duckdb.connect(str(db), read_only=True).close()
            return
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            print(f"waiting: {db.name} is locked by another process", file=sys.stderr)
            time.sleep(10)


def linked(db: Path) -> bool:
    """Whether the store is complete: every analysed document's results reached the story tables (a build
    interrupted before its link stage leaves thousands of documents without a single mention)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        analysed = con.execute("SELECT count(*) FROM doc_results").fetchone()[0]
        covered = con.execute("SELECT count(DISTINCT doc) FROM mentions").fetchone()[0]
    finally:
        con.close()
    return analysed > 0 and covered >= 0.9 * analysed


def ensure_store(docs: int, store: Path | None, wait: float) -> tuple[Path, dict[str, Any]]:
    """A complete N-document store, copied to a private file for this run.

    Without ``store``: ``store-N.duckdb`` or ``store-N-copy.duckdb`` (build_store.py's two link modes), the
    first that is complete; when neither is, build_store.py builds ``store-N.duckdb``.
    """
    candidates = [store] if store else [OUT / f"store-{docs}.duckdb", OUT / f"store-{docs}-copy.duckdb"]
    info: dict[str, Any] = {}
    src = None
    for path in candidates:
        if path.exists():
            wait_unlocked(path, wait)
            if linked(path):
                src = path
                break
            print(f"skipping {path}: not linked (an interrupted build?)", file=sys.stderr)
    if src is None:
        if store is not None:
            raise SystemExit(f"{store} is missing or incomplete")
        src = candidates[0]
        started = time.perf_counter()
        subprocess.run([sys.executable, str(BENCH / "build_store.py"), "--docs", str(docs), "--out", str(src)],
                       check=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        info["build_seconds"] = round(time.perf_counter() - started, 1)
    info["store"] = str(src)
    copy = OUT / "serve" / src.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    st = src.stat()
    if not copy.exists() or (copy.stat().st_size, copy.stat().st_mtime_ns) != (st.st_size, st.st_mtime_ns):
        shutil.rmtree(Path(str(copy) + ".verify"), ignore_errors=True)  # the verify index of the old copy
        Path(str(copy) + ".wal").unlink(missing_ok=True)
        shutil.copy2(src, copy)
        if Path(str(src) + ".wal").exists():
            shutil.copy2(str(src) + ".wal", str(copy) + ".wal")
    return copy, info


def pick_targets(db: Path, n_docs: int = 6) -> dict[str, Any]:
    """Ids the pages are opened with, and the store's size (read-only; closed before the server starts)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql, *a: con.execute(sql, list(a)).fetchone()  # noqa: E731
        counts = {t: one(f"SELECT count(*) FROM {t}")[0] for t in
                  ("documents", "actors", "mentions", "events", "quotes", "claims", "claim_mentions",
                   "contradictions", "event_clusters")}
        actor = one("""SELECT a, count(*) n FROM (SELECT source a FROM events UNION ALL SELECT target FROM events)
                       WHERE a IS NOT NULL GROUP BY a ORDER BY n DESC, a LIMIT 1""")
        busiest = con.execute("""SELECT doc FROM (SELECT doc FROM mentions UNION ALL SELECT doc FROM events
                                 UNION ALL SELECT doc FROM quotes) GROUP BY doc ORDER BY count(*) DESC, doc
                                 LIMIT 2""").fetchall()
        ids = [r[0] for r in con.execute("SELECT id FROM documents WHERE analysis_version IS NOT NULL "
                                         "ORDER BY seq").fetchall()]
        step = max(1, len(ids) // max(1, n_docs - len(busiest)))
        docs = list(dict.fromkeys([d for (d,) in busiest] + ids[::step]))[:n_docs]
        clusters = con.execute("SELECT events FROM event_clusters ORDER BY len(events) DESC, id").fetchall()
        events = []
        if clusters:
            for row in (clusters[0], clusters[len(clusters) // 2]):
                evs = json.loads(row[0]) if isinstance(row[0], str) else list(row[0] or [])
                events += evs[:1]
        if not events:
            events = [r[0] for r in con.execute("SELECT id FROM events ORDER BY id LIMIT 2").fetchall()]
        # Claims to verify: stored sentences that coded an asserted event between two actors, one per type,
        # the most widely reported types first: the kind of sentence a reader pastes in.
        claims = [r[0] for r in con.execute("""
            SELECT any_value(text ORDER BY length(text)) FROM events
            WHERE mode = 'asserted' AND source IS NOT NULL AND target IS NOT NULL AND source <> target
              AND length(text) BETWEEN 40 AND 300
            GROUP BY type ORDER BY count(*) DESC, type LIMIT 3""").fetchall()]
        # Claims nobody asked before: distinct stored sentences, so no request is answered from memory.
        fresh = [r[0] for r in con.execute("""
            SELECT DISTINCT text FROM events WHERE mode = 'asserted' AND source IS NOT NULL AND target IS NOT NULL
              AND length(text) BETWEEN 40 AND 300 ORDER BY hash(text) LIMIT 2000""").fetchall()]
    finally:
        con.close()
    return {"counts": counts, "actor": actor[0] if actor else None, "actor_events": actor[1] if actor else 0,
            "docs": docs, "events": events, "claims": claims, "fresh_claims": [c for c in fresh if c not in claims]}


def plan(t: dict[str, Any], word: str) -> list[Page]:
    q = lambda **kw: "?" + urlencode(kw)  # noqa: E731
    pages = [Page("static css (floor)", [STATIC]), Page("overview", ["/"]), Page("graph", ["/graph"]),
             Page("timeline", ["/timeline"])]
    if t["actor"]:
        pages.append(Page("timeline ?actor", ["/timeline" + q(actor=t["actor"])]))
    pages += [Page("claims matrix", ["/claims"]), Page("contradictions", ["/contradictions"]),
              Page("documents list", ["/documents"]),
              Page(f"document x{len(t['docs'])}", [f"/documents/{quote(d, safe='')}" for d in t["docs"]])]
    if t["actor"]:
        pages.append(Page("actor", [f"/actors/{quote(t['actor'], safe='')}"]))
    if t["events"]:
        pages.append(Page(f"event x{len(t['events'])}", [f"/events/{quote(e, safe='')}" for e in t["events"]]))
    pages += [Page(f"search '{word}'", ["/search" + q(q=word)]), Page("search, no hit", ["/search" + q(q=MISS_WORD)])]
    if t["claims"]:
        pages.append(Page(f"verify x{len(t['claims'])}", ["/verify" + q(claim=c) for c in t["claims"]]))
    if len(t.get("fresh_claims") or []) > 1:  # the first warms spaCy and the index; each of the rest asked once
        fresh = ["/verify" + q(claim=c) for c in t["fresh_claims"]]
        pages.append(Page(f"verify, a new claim each", fresh[1:], warm=fresh[:1]))
    return pages


# -- the server -------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, timeout: float = 120) -> subprocess.Popen:
    """`parallax serve` as the CLI runs it; returns once it answers a static request."""
    exe = Path(sys.executable).with_name("parallax")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "parallax.views.cli"]
    cmd += ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"parallax serve exited ({proc.returncode}): {proc.stderr.read()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}{STATIC}", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"parallax serve did not answer within {timeout:.0f} s")


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_mem(pid: int) -> dict[str, float]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key.lower() + "_mb"] = round(int(value.split()[0]) / 1024, 1)
    return out


def self_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


# -- the load generator -----------------------------------------------------------------------------------
async def closed_loop(client, paths: list[str], concurrency: int, seconds: float, max_requests: int,
                      min_requests: int, hard_cap: float) -> dict[str, Any]:
    """``concurrency`` workers, each sending its next request when the last returned, until ``seconds`` have
    passed and ``min_requests`` are done (or ``max_requests`` are sent, or ``hard_cap`` seconds pass)."""
    lat: list[float] = []
    sizes: list[int] = []
    errors: dict[str, int] = {}
    sent = 0
    start = time.perf_counter()

    def more() -> bool:
        t = time.perf_counter() - start
        return sent < max_requests and t < hard_cap and (t < seconds or sent < min_requests)

    async def worker() -> None:
        nonlocal sent
        while more():
            path = paths[sent % len(paths)]
            sent += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                ok = 200 <= r.status_code < 300
                key = None if ok else f"HTTP {r.status_code}"
                size = len(r.content)
            except Exception as exc:  # a timeout or a dropped connection is an error of the page, not ours
                key, size = type(exc).__name__, 0
            lat.append(time.perf_counter() - t0)
            if key:
                errors[key] = errors.get(key, 0) + 1
            else:
                sizes.append(size)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return {"wall": time.perf_counter() - start, "lat": lat, "sizes": sizes, "errors": errors}


async def measure(base: str, pages: list[Page], pid: int, args: argparse.Namespace) -> list[dict[str, Any]]:
    import httpx
    import numpy as np

    rows = []
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=args.timeout, limits=limits) as client:
        for page in pages:
            cold, warm_errors = 0.0, {}
            for path in page.warm or page.paths:  # warm-up: every URL once (loads the story, spaCy, the index)
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    if not 200 <= r.status_code < 300:
                        warm_errors[path] = f"HTTP {r.status_code}: {r.text[:200]}"
                except Exception as exc:
                    warm_errors[path] = f"{type(exc).__name__}: {exc}"
                cold = max(cold, time.perf_counter() - t0)
            cpu0, gen0 = proc_cpu(pid), self_cpu()
            res = await closed_loop(client, page.paths, args.concurrency, args.seconds, args.max_requests,
                                    args.min_requests, args.hard_cap)
            cpu, gen = proc_cpu(pid) - cpu0, self_cpu() - gen0
            lat = np.array(res["lat"]) * 1000
            n = len(lat)
            row = {"page": page.name, "paths": page.paths[:10], "distinct_paths": len(page.paths), "requests": n,
                   "errors": sum(res["errors"].values()), "error_kinds": res["errors"] or None,
                   "warmup_errors": warm_errors or None,
                   "rps": round(n / res["wall"], 2) if res["wall"] else None,
                   "p50_ms": round(float(np.percentile(lat, 50)), 1) if n else None,
                   "p95_ms": round(float(np.percentile(lat, 95)), 1) if n else None,
                   "max_ms": round(float(lat.max()), 1) if n else None,
                   "kb": round(float(np.mean(res["sizes"])) / 1024, 1) if res["sizes"] else None,
                   "cold_s": round(cold, 2), "seconds": round(res["wall"], 1),
                   "server_cpu_ms": round(cpu * 1000 / n, 1) if n else None,
                   "server_cores": round(cpu / res["wall"], 2) if res["wall"] else None,
                   "generator_cores": round(gen / res["wall"], 2) if res["wall"] else None}
            rows.append(row)
            print(f"{page.name:22} {n:5d} req  {row['rps'] or 0:8.1f} req/s  p50 {row['p50_ms']} ms  "
                  f"p95 {row['p95_ms']} ms  errors {row['errors']}  cold {row['cold_s']} s", file=sys.stderr)
    floor = rows[0]["p95_ms"] if rows and rows[0]["paths"] == [STATIC] else None
    for row in rows:
        row["p95_x_floor"] = round(row["p95_ms"] / floor, 1) if floor and row["p95_ms"] is not None else None
    return rows


# -- profiling a slow page --------------------------------------------------------------------------------
def profile_pages(db: Path, paths: list[str], top: int = 10) -> dict[str, Any]:
    """Where one warm request of each path spends its time: cProfile around the page's endpoint, called
    directly in this thread (cProfile sees only its own thread, and uvicorn runs pages in a thread pool)."""
    from starlette.requests import Request
    from starlette.routing import Match

    from parallax.views.web import create_app

    app = create_app(str(db))
    out: dict[str, Any] = {}
    warmed = False
    for path in paths:
        base, _, qs = path.partition("?")
        scope = {"type": "http", "method": "GET", "path": base, "raw_path": base.encode(), "root_path": "",
                 "query_string": qs.encode(), "headers": [], "scheme": "http", "server": ("127.0.0.1", 80)}
        route = next((r for r in app.router.routes if r.matches(scope)[0] == Match.FULL), None)
        if route is None:
            continue
        scope = {**scope, **route.matches(scope)[1]}
        scope["path_params"] = {k: unquote(v) for k, v in scope.get("path_params", {}).items()}
        if not warmed or base == "/verify":  # warm: the story once; spaCy and the verify index for verify
            try:
                route.endpoint(Request(scope))
            except Exception:  # a 404 still loaded the story; the profiled call below reports the error
                pass
            warmed = True
        prof = cProfile.Profile()
        gc_time = [0.0, 0.0]  # seconds in the cyclic garbage collector, start of the pass in progress

        def on_gc(phase: str, info: dict) -> None:
            if phase == "start":
                gc_time[1] = time.perf_counter()
            else:
                gc_time[0] += time.perf_counter() - gc_time[1]

        gc.callbacks.append(on_gc)
        t0 = time.perf_counter()
        error = None
        prof.enable()
        try:
            route.endpoint(Request(scope))
        except Exception as exc:  # profile what ran; say the page failed
            error = f"{type(exc).__name__}: {exc}"
        finally:
            prof.disable()
            gc.callbacks.remove(on_gc)
        total = time.perf_counter() - t0
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        entries = []
        for (file, line, func), (_cc, calls, tt, ct, _callers) in stats.items():
            where = file.split("site-packages/")[-1].split("/src/")[-1] if file != "~" else "builtin"
            entries.append({"func": f"{where}:{line}({func})", "calls": calls, "tottime": round(tt, 3),
                            "cumtime": round(ct, 3), "ours": "parallax/" in file})
        out[path] = {"seconds": round(total, 3), "gc_seconds": round(gc_time[0], 3), "error": error,
                     "by_cumtime_ours": sorted((e for e in entries if e["ours"]), key=lambda e: -e["cumtime"])[:top],
                     "by_tottime": sorted(entries, key=lambda e: -e["tottime"])[:top]}
    return out


# -- report -----------------------------------------------------------------------------------------------
COLUMNS = [("page", "page", ""), ("requests", "requests", "d"), ("errors", "errors", "d"), ("rps", "req/s", ".1f"),
           ("p50_ms", "p50 ms", ".1f"), ("p95_ms", "p95 ms", ".1f"), ("p95_x_floor", "p95 / floor", ".1f"),
           ("kb", "KB", ".1f"), ("cold_s", "first s", ".2f"), ("server_cpu_ms", "server CPU ms/req", ".1f")]


def markdown(meta: dict[str, Any], rows: list[dict[str, Any]], profiles: dict[str, Any], kept: str) -> str:
    c, t = meta["store_counts"], meta
    lines = [
        "# `parallax serve` under load",
        "",
        f"Store: {c['documents']:,} documents, {c['actors']:,} actors, {c['mentions']:,} mentions, "
        f"{c['events']:,} events, {c['quotes']:,} quotes, {c['claims']:,} claims, {c['contradictions']:,} "
        f"contradictions, {c['event_clusters']:,} event clusters (`{os.path.relpath(t['store'], ROOT)}`, "
        "made by `benchmarks/build_store.py`). Server: `parallax serve` as a subprocess, uvicorn with **one worker** (one process, "
        "one event loop, sync pages in its thread pool: every page shares one GIL). Generator: closed loop, "
        f"asyncio + httpx, **{t['concurrency']} concurrent clients**, {t['seconds']} s a page (at least "
        f"{t['min_requests']} requests, at most {t['max_requests']}, {t['hard_cap']:.0f} s cap) after a "
        "sequential warm-up of every URL of the page. Run: `PYTHONPATH=src python benchmarks/bench_serve.py`"
        + (" " + " ".join(t["argv"]) if t["argv"] else "") + f"; {t['total_seconds']:.0f} s in all, "
        f"{t['profile_seconds']:.0f} s of it profiling.",
        "",
        f"Caveat: measured on {t['machine']['cpus']} shared cores (load average {t['loadavg'][0]:.1f} at the "
        "start, other engineers' tests running), with the generator on the same machine competing with the "
        "server for them; compare the **p95 / floor** column across runs rather than milliseconds. The floor "
        f"is `{STATIC}` in the same run (uvicorn + middleware + generator, no story work).",
        "",
        table(rows, COLUMNS),
        "",
        "- **req/s**: completed requests / seconds of the measured loop; **p50/p95**: latency seen by a client "
        "(includes queueing behind the other clients); **first s**: the slowest warm-up request (the first "
        "request of the run loads the story; the first verify loads spaCy and the sentence index); **server "
        "CPU ms/req**: the server process's CPU time during the loop / requests (from /proc).",
        f"- Errors (non-2xx or no answer within {t['timeout']:.0f} s): "
        + (", ".join(f"{r['page']}: {r['error_kinds'] or r['warmup_errors']}" for r in rows
                     if r["errors"] or r["warmup_errors"]) or "none") + ".",
        f"- Server memory after the run: {t['server_memory'].get('vmrss_mb', '?')} MB resident, peak "
        f"{t['server_memory'].get('vmhwm_mb', '?')} MB. Ids used: actor `{t['targets']['actor']}` (in "
        f"{t['targets']['actor_events']} events), documents {', '.join(f'`{d}`' for d in t['targets']['docs'])}, "
        f"events {', '.join(f'`{e}`' for e in t['targets']['events'])}.",
        "- Claims verified: " + "; ".join(f"“{x}”" for x in t["targets"]["claims"]) + ".",
    ]
    if profiles:
        lines += ["", f"## Pages over {t['profile_over']} s at p95: one warm request under cProfile", "",
                  "cProfile inflates code made of many small calls (networkx, jinja2) two to three times; the shares "
                  "are what count. Template line numbers are those of jinja2's compiled code.", ""]
        for path, p in profiles.items():
            lines += [f"`{path[:120]}`: {p['seconds']} s in-process (under the profiler), of which "
                      f"{p['gc_seconds']} s in Python's cyclic garbage collector"
                      + (f"; it failed: {p['error']}" if p.get("error") else "")
                      + ". Most cumulative time in parallax code (wrappers left out):", ""]
            lines += [f"- {e['cumtime']:.3f} s cum, {e['tottime']:.3f} s own, {e['calls']:,} calls: `{e['func']}`"
                      for e in p["by_cumtime_ours"] if not WRAPPER.search(e["func"])][:6]
            lines += ["", "Most own time (any code):", ""]
            lines += [f"- {e['tottime']:.3f} s, {e['calls']:,} calls: `{e['func']}`" for e in p["by_tottime"][:5]]
            lines.append("")
    lines += ["", ANALYSIS_MARK, kept.strip()]
    return "\n".join(lines)


def kept_analysis(md: Path) -> str:
    """The hand-written analysis below the marker of the previous results file."""
    if not md.exists():
        return ""
    text = md.read_text(encoding="utf-8")
    return text.split(ANALYSIS_MARK, 1)[1] if ANALYSIS_MARK in text else ""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--store", type=Path, default=None, help="an existing store instead of store-N.duckdb")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=6.0, help="measured seconds a page")
    ap.add_argument("--min-requests", type=int, default=4)
    ap.add_argument("--max-requests", type=int, default=2000)
    ap.add_argument("--hard-cap", type=float, default=30.0, help="seconds after which a page stops anyway")
    ap.add_argument("--timeout", type=float, default=60.0, help="a request taking longer is an error")
    ap.add_argument("--profile-over", type=float, default=1.0, help="profile pages whose p95 passes this (s)")
    ap.add_argument("--word", default="said", help="the common word to search for")
    ap.add_argument("--wait", type=float, default=900, help="seconds to wait for a store another process locks")
    ap.add_argument("--quick", action="store_true", help="3 s a page, no profiling, results to serve_quick.*")
    ap.add_argument("--name", default=None, help="results file name (default serve, or serve_quick)")
    ap.add_argument("--pages", default=None, help="only pages whose name contains one of these comma-separated "
                                                  "words (the static floor always runs)")
    args = ap.parse_args(argv)
    if args.quick:
        args.seconds, args.min_requests, args.profile_over = 3.0, 4, float("inf")
    name = args.name or ("serve_quick" if args.quick else "serve")
    started = time.perf_counter()
    loadavg = os.getloadavg()

    db, store_info = ensure_store(args.docs, args.store, args.wait)
    targets = pick_targets(db)
    pages = plan(targets, args.word)
    if args.pages:
        words = [w.strip() for w in args.pages.split(",") if w.strip()]
        pages = [p for p in pages if p.paths == [STATIC] or any(w in p.name for w in words)]
    port = free_port()
    proc = start_server(db, port)
    try:
        rows = asyncio.run(measure(f"http://127.0.0.1:{port}", pages, proc.pid, args))
        memory = proc_mem(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    slow = [p for r in rows if (r["p95_ms"] or 0) > args.profile_over * 1000 and r["paths"] != [STATIC]
            for p in r["paths"][:1]]
    t0 = time.perf_counter()
    profiles = profile_pages(db, slow) if slow else {}
    profile_seconds = round(time.perf_counter() - t0, 1)

    targets = {**targets, "fresh_claims": len(targets.get("fresh_claims") or [])}  # a count, not 2,000 sentences
    meta = {"docs": args.docs, **store_info, "store_counts": targets["counts"], "targets": targets,
            "concurrency": args.concurrency, "seconds": args.seconds, "min_requests": args.min_requests,
            "max_requests": args.max_requests, "hard_cap": args.hard_cap, "timeout": args.timeout,
            "profile_over": args.profile_over, "server": "parallax serve (uvicorn, 1 worker, h11, asyncio loop)",
            "generator": "asyncio + httpx.AsyncClient, closed loop, same machine", "loadavg": loadavg,
            "server_memory": memory, "argv": sys.argv[1:] if argv is None else argv, "machine": machine(),
            "profile_seconds": profile_seconds, "profiles": profiles}
    meta["total_seconds"] = round(time.perf_counter() - started, 1)
    md = markdown(meta, rows, profiles, kept_analysis(RESULTS / f"{name}.md"))
    meta.pop("machine")
    save_results(name, meta, rows, md)
    print(table(rows, COLUMNS))
    print(f"{meta['total_seconds']:.0f} s; results in {RESULTS / name}.md and .json")
    if any(r["errors"] or r["warmup_errors"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
