"""Latency of ``verify`` on a large analysed store, against bare BM25 retrieval measured in the same run.

    PYTHONPATH=src python benchmarks/bench_verify.py [--db benchmarks/out/store-5000.duckdb] [--claims 30]

The store comes from ``build_store.py`` (built first if missing). Claims are made from the store's own most
frequent event dyads ("<source> held talks with <target>", "<source> will supply weapons to <target>", ...)
plus a few about nothing in the store, so they exercise both structural matches and empty answers.
Reported: the cold first call (sentence index built from scratch and cached on disk, stored facts loaded,
spaCy and the stance model loaded), a fresh Verifier on the cached index, then median and p95 over the
claims on a warm Verifier; the reference is ``SentenceIndex.search`` alone (bm25s scoring and per-document
grouping) for the same claims. Writes benchmarks/results/verify.json and verify.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]

from _common import OUT, save_results, table  # noqa: E402

PHRASES = {"AID": "will supply weapons to", "CONSULT": "held talks with", "ACCUSE": "accused",
           "COOPERATE": "agreed to cooperate with", "AGREE": "signed an agreement with", "SUPPORT": "backed",
           "THREATEN": "threatened", "SANCTION": "imposed sanctions on", "ASSAULT": "attacked",
           "PROTEST": "protested against", "REJECT": "rejected a proposal from", "REQUEST": "asked for help from",
           "COERCE": "seized ships from", "MOBILIZE": "sent troops toward", "CONCEDE": "made concessions to",
           "RETREAT": "withdrew troops from"}
EMPTY = ["Iceland will sell submarines to Nepal", "Bolivia expelled the ambassador of Finland",
         "The central bank raised interest rates to fight inflation"]


def claims_from_store(store, n: int) -> list[str]:
    """Claims about the store's most reported dyads, phrased by event type, plus claims about nothing."""
    rows = store.con.execute(
        'SELECT s.name, t.name, e."type", count(*) AS c FROM events e JOIN actors s ON s.id = e.source '
        "JOIN actors t ON t.id = e.target WHERE s.kind = 'country' AND t.kind = 'country' "
        'GROUP BY 1, 2, 3 ORDER BY c DESC, 1, 2, 3 LIMIT ?', [n]).fetchall()
    made = [f"{a} {PHRASES[typ]} {b}" for a, b, typ, _ in rows if typ in PHRASES]
    return (made[: n - len(EMPTY)] + EMPTY)[:n]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(db: Path, n_claims: int) -> dict:
    from parallax.store import Store
    from parallax.verify import Verifier
    from parallax.verify.retrieve import cache_dir, open_index, tokenize

    with Store(db, read_only=True) as store:
        docs = store.count("documents")
        shutil.rmtree(cache_dir(store), ignore_errors=True)
        claims = claims_from_store(store, n_claims)
        t = time.perf_counter()
        index = open_index(store)
        build_s = time.perf_counter() - t
        shutil.rmtree(cache_dir(store), ignore_errors=True)
        t = time.perf_counter()
        first = Verifier(store).verify(claims[0])
        cold_s = time.perf_counter() - t
        t = time.perf_counter()
        Verifier(store).verify(claims[0])
        cached_s = time.perf_counter() - t
        verifier = Verifier(store)
        verifier.verify(claims[0])
        times, bare, verdicts = [], [], {}
        for c in claims:
            t = time.perf_counter()
            v = verifier.verify(c)
            times.append(time.perf_counter() - t)
            verdicts[v.verdict] = verdicts.get(v.verdict, 0) + 1
            t = time.perf_counter()
            index.search(tokenize(c), docs=50)
            bare.append(time.perf_counter() - t)
    ms = 1000.0
    return {
        "documents": docs, "sentences": int(len(index.sent_doc)), "claims": len(claims),
        "index_build_s": round(build_s, 2), "first_call_cold_s": round(cold_s, 2),
        "fresh_verifier_cached_index_s": round(cached_s, 2),
        "verify_median_ms": round(statistics.median(times) * ms, 1), "verify_p95_ms": round(pct(times, 0.95) * ms, 1),
        "bm25_median_ms": round(statistics.median(bare) * ms, 2), "bm25_p95_ms": round(pct(bare, 0.95) * ms, 2),
        "verdicts": verdicts, "first_claim": claims[0], "first_verdict": first.verdict, "claim_list": claims,
    }


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=OUT / "store-5000.duckdb")
    ap.add_argument("--docs", type=int, default=5000, help="documents when the store must be built first")
    ap.add_argument("--claims", type=int, default=30)
    args = ap.parse_args(argv)
    if not args.db.exists():
        import build_store
        print(build_store.build(args.docs, args.db, "copy"))  # the full link stage is too slow at 5,000 here
    r = run(args.db, args.claims)
    rows = [
        {"step": "sentence index build (bm25s, cached on disk after)", "seconds": r["index_build_s"]},
        {"step": "first verify, cold (index build + facts + models)", "seconds": r["first_call_cold_s"]},
        {"step": "first verify, new Verifier, index cached on disk", "seconds": r["fresh_verifier_cached_index_s"]},
        {"step": f"verify, warm Verifier: median of {r['claims']} claims", "seconds": r["verify_median_ms"] / 1000},
        {"step": f"verify, warm Verifier: p95 of {r['claims']} claims", "seconds": r["verify_p95_ms"] / 1000},
        {"step": "reference: bare BM25 retrieval, median", "seconds": r["bm25_median_ms"] / 1000},
        {"step": "reference: bare BM25 retrieval, p95", "seconds": r["bm25_p95_ms"] / 1000},
    ]
    md = "\n\n".join([
        f"# verify latency on {r['documents']} documents ({r['sentences']} sentences)",
        table(rows, [("step", "step", ""), ("seconds", "seconds", ".4f")]),
        f"Warm verify costs {r['verify_median_ms'] / max(r['bm25_median_ms'], 1e-6):.0f}x bare BM25 retrieval "
        "(median): claim parsing with spaCy, structural matching against stored events and claims, and the "
        f"stance model on retrieved documents without structure. Verdicts over the claims: {r['verdicts']}.",
        "Retrieval is BM25 only (bm25s over sentences, lowercase + stopword + crude suffix-fold tokenizer); no "
        "embeddings: the offline sentence-embedding model needs torch, which the project does not ship.",
    ])
    save_results("verify", {k: v for k, v in r.items()}, rows, md)
    print(md)
    return r


if __name__ == "__main__":
    main()
