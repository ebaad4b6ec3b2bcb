"""Throughput of ``StanceModel.predict`` in pairs per minute on one process (the CLI's path).

    PYTHONPATH=src python benchmarks/bench_stance.py [--pairs 3000]

Pairs are FNC-1 held-out headlines against bodies; every body is new to the process (caches cleared), so the
figure is the cold-text rate, and a second figure shows the rate when texts repeat (one text, many claims).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from parallax.link.stance import StanceModel
from parallax.link.stance.features import analyse_body
from parallax.link.stance.fnc import load_pairs, split_of

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/fnc1"))
    ap.add_argument("--pairs", type=int, default=3000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "stance_bench.json")
    args = ap.parse_args()
    t0 = time.perf_counter()
    model = StanceModel.load()
    load_s = time.perf_counter() - t0
    test = [p for p in load_pairs(args.data) if split_of(p.body_id) == "test"]
    # One pair per body first (cold texts), then the rest.
    seen: set[int] = set()
    cold = [p for p in test if not (p.body_id in seen or seen.add(p.body_id))]
    batch = [(p.headline, p.body) for p in cold][: args.pairs]
    analyse_body.cache_clear()
    t0 = time.perf_counter()
    model.predict(batch)
    cold_s = time.perf_counter() - t0
    warm_batch = [(p.headline, p.body) for p in test][: args.pairs]
    model.predict(warm_batch[:1])
    t0 = time.perf_counter()
    model.predict(warm_batch)
    mixed_s = time.perf_counter() - t0
    words = sum(len(t.split()) for _, t in batch) / len(batch)
    result = {
        "load_seconds": round(load_s, 2),
        "cold_pairs": len(batch), "cold_pairs_per_minute": round(60 * len(batch) / cold_s),
        "mean_text_words": round(words),
        "repeated_text_pairs": len(warm_batch), "repeated_text_pairs_per_minute": round(60 * len(warm_batch) / mixed_s),
        "cpu_count": os.cpu_count(), "processes": 1,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
