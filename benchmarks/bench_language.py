"""Time parse + actor extraction + merging against bare ``nlp.pipe`` on the same VOA texts.

Each variant runs in a fresh subprocess so its peak RSS (``resource.getrusage(RUSAGE_CHILDREN)``) is its own.
Run: ``PYTHONPATH=src python benchmarks/bench_language.py [--docs 200] [--n-process 1]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

VOA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "voa_stories.jsonl"

CHILD = r"""
import json, sys, time
mode, n_docs, n_process, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
texts = [rows[i % len(rows)]["text"] for i in range(n_docs)]
import spacy
if mode == "bare":
    from parallax.language.nlp import MODEL_NAMES
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name); break
        except OSError:
            pass
    t = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, n_process=n_process, batch_size=32))
else:
    from parallax.language.nlp import load_nlp, parse
    from parallax.extract.actors import extract_actors
    from parallax.extract.actors.gazetteer import gazetteer
    from parallax.link.actors import merge_actors
    from parallax.model import Document
    load_nlp(); gazetteer()
    t = time.perf_counter()
    per = []
    n = 0
    for i, d in enumerate(parse(texts, n_process=n_process, batch_size=32)):
        per.append(extract_actors(d, Document(id=f"d{i}", key=str(i), text=d.text)))
        n += len(d)
    actors, _ = merge_actors(per)
print(json.dumps({"seconds": time.perf_counter() - t, "tokens": n}))
"""


WRAP = (  # a fresh parent per variant, so RUSAGE_CHILDREN holds that variant's peak alone (workers included)
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True)\n"
    "print(r.stdout.strip().splitlines()[-1])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def run(mode: str, n_docs: int, n_process: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    cmd = [sys.executable, "-c", WRAP, sys.executable, "-c", CHILD, mode, str(n_docs), str(n_process), str(VOA)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    res = json.loads(out[-2])
    res["peak_rss_mb"] = int(out[-1]) / 1024
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    bare = run("bare", args.docs, args.n_process)
    full = run("parallax", args.docs, args.n_process)
    print(f"docs={args.docs} n_process={args.n_process} tokens={bare['tokens']}")
    print(f"{'variant':<28}{'seconds':>9}{'tokens/s':>10}{'peak RSS MB':>13}")
    for name, r in (("bare nlp.pipe", bare), ("parse + actors + merge", full)):
        print(f"{name:<28}{r['seconds']:>9.1f}{r['tokens'] / r['seconds']:>10.0f}{r['peak_rss_mb']:>13.0f}")
    print(f"ratio {full['seconds'] / bare['seconds']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
