"""The cross-source stage's time and peak memory over N analysed documents: a full link, a re-link with nothing
changed, reading the stored results alone, and (with ``--before``) an older Parallax's link on the same store.

    PYTHONPATH=src python benchmarks/bench_link.py [--docs 200 1000 5000] [--db STORE ...] [--before OLD_SRC]

Stores: for each ``--docs`` N, a copy of ``benchmarks/out/link-base.duckdb`` (the VOA stories and the bundled
sample story analysed once by the real pipeline) filled up to N documents with clones (see build_store.py);
each ``--db`` is an existing analysed store, copied to benchmarks/out first (never written in place). Steps,
each in a fresh process so each has its own peak RSS:
- ``read``: iterate the stored per-document results and decode every fact (what the stage once paid first);
- ``before`` (with ``--before DIR``, a ``src`` folder of an older checkout, e.g. ``git archive REV src``): that
  version's ``link_story`` on the same store;
- ``link``: :func:`parallax.link.stage.link_story` with ``force=True``: actors merged, event clusters, claims
  clustered, corroborated, contradictions, profiles, every table rewritten;
- ``relink``: the same call again without ``force``: nothing changed, so the stage only checks its fingerprint.
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


def _size(value: object) -> int:
    return value if isinstance(value, int) else len(value)  # type: ignore[arg-type]


def link(db: str, force: bool = True, src: str | None = None) -> dict:
    """Step: the whole link stage (``src``: the source tree of another Parallax version to run instead)."""
    if src:
        sys.path.insert(0, src)  # before the first parallax import of this fresh process
    import importlib

    from parallax.link.stage import link_story
    from parallax.pipeline import RunSummary
    from parallax.store import Store

    for name in ("actors", "claims", "contradictions", "corroboration", "events", "facts", "numbers", "profiles"):
        importlib.import_module(f"parallax.link.{name}")  # imports (and first compiles) stay out of the seconds
    summary = RunSummary()
    with Store(db) as store, Timer() as t:
        out = link_story(store, summary, force=force) if not src else link_story(store, summary)
    claims = out.claims
    cross = out.multi_doc_claims if hasattr(out, "multi_doc_claims") else sum(
        len({x.doc for x in c.mentions}) > 1 for c in claims)
    return {"seconds": round(t.seconds, 2), "skipped": bool(getattr(out, "skipped", False)),
            "claims": _size(claims), "events": _size(out.events), "contradictions": _size(out.contradictions),
            "clusters": _size(out.event_clusters), "cross_doc_claims": cross}


def store_of(n: int, base: Path) -> Path:
    import build_store

    if not base.exists():
        base.parent.mkdir(parents=True, exist_ok=True)
        print("analysing the base corpus once ->", base, build_store.analyse_base(base), flush=True)
    out = OUT / f"link-{n}.duckdb"
    shutil.copyfile(base, out)
    build_store.clone(out, n)
    return out


def copy_of(db: Path) -> Path:
    out = OUT / f"link-{db.stem}.duckdb"
    shutil.copyfile(db, out)
    return out


def per_k(seconds: float, docs: int) -> float:
    return round(seconds * 1000 / max(docs, 1), 2)


def measure(db: str, before: str | None) -> dict:
    r = run_step("bench_link:read_results", db=db)
    b = run_step("bench_link:link", db=db, src=before) if before else None
    k = run_step("bench_link:link", db=db, force=True)
    again = run_step("bench_link:link", db=db, force=False)
    assert again["skipped"] and not k["skipped"]
    if b is not None:
        assert (b["claims"], b["events"], b["clusters"]) == (k["claims"], k["events"], k["clusters"]), (b, k)
    docs = r["documents"]
    return {"store": Path(db).name, "docs": docs, "read_s": r["seconds"], "read_mb": r["peak_rss_mb"],
            "before_s": b and b["seconds"], "before_mb": b and b["peak_rss_mb"],
            "before_s_1k": b and per_k(b["seconds"], docs),
            "link_s": k["seconds"], "link_mb": k["peak_rss_mb"], "link_s_1k": per_k(k["seconds"], docs),
            "relink_s": again["seconds"], "relink_mb": again["peak_rss_mb"],
            "claims": k["claims"], "cross": k["cross_doc_claims"], "contradictions": k["contradictions"],
            "clusters": k["clusters"]}


COLUMNS = [("store", "store", ""), ("docs", "documents", "d"), ("read_s", "read s", ".2f"),
           ("read_mb", "read MiB", ".0f"), ("before_s", "before s", ".2f"), ("before_s_1k", "before s/1k", ".2f"),
           ("before_mb", "before MiB", ".0f"), ("link_s", "link s", ".2f"), ("link_s_1k", "link s/1k", ".2f"),
           ("link_mb", "link MiB", ".0f"), ("relink_s", "unchanged re-link s", ".2f"),
           ("relink_mb", "re-link MiB", ".0f"), ("claims", "claims", "d"), ("cross", "multi-doc claims", "d"),
           ("contradictions", "contradictions", "d"), ("clusters", "event clusters", "d")]


NOTES = """

Each column pair is one step in a fresh process: seconds of the measured call, peak RSS of that process
(imports included: about 230 MiB before any work). *before* is an older Parallax's ``link_story`` (``--before``,
a ``src`` tree) on the same store; *link* is the current stage forced to rebuild; *unchanged re-link* is the
current stage called again with nothing changed (it compares a fingerprint of documents, results and its own
code with the one stored at the last link, and stops). Both versions must give the same claims, events and
clusters (the bench asserts it). Figures on a shared 2-core machine vary by ±20% from run to run.
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="*", default=[200, 1000])
    ap.add_argument("--db", type=Path, nargs="*", default=[], help="existing analysed stores (copied first)")
    ap.add_argument("--before", help="src folder of an older Parallax to compare against")
    ap.add_argument("--base", type=Path, default=OUT / "link-base.duckdb")
    args = ap.parse_args(argv)
    rows = []
    for db in [*(store_of(n, args.base) for n in args.docs), *(copy_of(p) for p in args.db)]:
        rows.append(measure(str(db), args.before))
        print(rows[-1], flush=True)
    md = table(rows, COLUMNS) + NOTES
    save_results("link", {"note": "read = decode stored per-document results; before = an older link_story "
                                  "(--before); link = link_story(force=True); relink = link_story with nothing "
                                  "changed; MiB = peak RSS of the step's process"}, rows, "# Link stage\n\n" + md)
    print(md)


if __name__ == "__main__":
    main()
