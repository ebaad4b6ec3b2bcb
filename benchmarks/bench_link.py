"""The cross-source stage's time and peak memory over N analysed documents, against reading their results alone.

    PYTHONPATH=src python benchmarks/bench_link.py [--docs 200 1000 5000]

The VOA stories and the bundled sample story are analysed once by the real pipeline into
``benchmarks/out/link-base.duckdb`` (kept between runs); each size N is a copy of it filled up to N documents with
clones (see build_store.py: new id, outlet and date, one appended sentence). Two steps then run in fresh
processes each, so each has its own peak RSS:
- ``read``: iterate the stored per-document results and decode every fact (the floor any link stage pays);
- ``link``: :func:`parallax.link.stage.link_story` — actors merged, event clusters, claims clustered, corroborated,
  contradictions, profiles, all tables rewritten.
Results go to benchmarks/results/link.{json,md}.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]

from _common import OUT, Timer, run_step, save_results, table  # noqa: E402


def read_results(db: str) -> dict:
    """Step: decode every stored per-document fact, nothing else."""
    from parallax import model as m
    from parallax.store import Store
    from parallax.store.codec import from_dict

    facts = 0
    with Store(db, read_only=True) as store, Timer() as t:
        for rec in store.doc_results():
            for key, cls in (("actors", m.Actor), ("mentions", m.Mention), ("quotes", m.Quote),
                             ("events", m.Event), ("claims", m.Claim)):
                facts += len([from_dict(cls, x) for x in rec[key]])
        docs = len(store.documents())
    return {"seconds": round(t.seconds, 2), "facts": facts, "documents": docs}


def link(db: str) -> dict:
    """Step: the whole link stage."""
    from parallax.link.stage import link_story
    from parallax.pipeline import RunSummary
    from parallax.store import Store

    summary = RunSummary()
    with Store(db) as store, Timer() as t:
        story = link_story(store, summary)
    return {"seconds": round(t.seconds, 2), "claims": len(story.claims), "events": len(story.events),
            "contradictions": len(story.contradictions), "clusters": len(story.event_clusters),
            "cross_doc_claims": sum(len({x.doc for x in c.mentions}) > 1 for c in story.claims)}


def store_of(n: int, base: Path) -> Path:
    import build_store

    if not base.exists():
        base.parent.mkdir(parents=True, exist_ok=True)
        print("analysing the base corpus once ->", base, build_store.analyse_base(base), flush=True)
    out = OUT / f"link-{n}.duckdb"
    shutil.copyfile(base, out)
    build_store.clone(out, n)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[200, 1000])
    ap.add_argument("--base", type=Path, default=OUT / "link-base.duckdb")
    args = ap.parse_args(argv)
    rows = []
    for n in args.docs:
        db = str(store_of(n, args.base))
        r, k = run_step("bench_link:read_results", db=db), run_step("bench_link:link", db=db)
        rows.append({"docs": r["documents"], "read_s": r["seconds"], "read_mb": r["peak_rss_mb"],
                     "link_s": k["seconds"], "link_mb": k["peak_rss_mb"], "ratio": round(k["seconds"] / max(r["seconds"], 1e-3), 1),
                     "claims": k["claims"], "cross": k["cross_doc_claims"], "contradictions": k["contradictions"],
                     "clusters": k["clusters"]})
        print(rows[-1], flush=True)
    md = table(rows, [("docs", "documents", "d"), ("read_s", "read s", ".2f"), ("read_mb", "read MiB", ".0f"),
                      ("link_s", "link s", ".2f"), ("link_mb", "link MiB", ".0f"), ("ratio", "link/read", ".1f"),
                      ("claims", "claims", "d"), ("cross", "multi-doc claims", "d"),
                      ("contradictions", "contradictions", "d"), ("clusters", "event clusters", "d")])
    save_results("link", {"note": "read = decode stored per-document results; link = link_story"}, rows,
                 "# Link stage\n\n" + md)
    print(md)


if __name__ == "__main__":
    main()
