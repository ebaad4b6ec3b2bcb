"""Score ``verify`` on the cross-source test stories: verdict accuracy and per-document stance accuracy.

    PYTHONPATH=src python benchmarks/score_verify.py [--stories benchmarks/gold/stories]

Each story is a folder of article files plus ``key.json`` whose ``"verify"`` lists
``{"claim", "verdict", "supports": [file names], "refutes": [file names]}``. The story's files are analysed
into a fresh store (a temporary folder), file names are mapped to documents through ``documents.path``, and
every claim is verified. Document stance is scored three ways (supports / refutes / neither: discusses and
unrelated are one class, since the key does not separate them). Writes ``benchmarks/results/verify_score.json``
and ``.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]

from _common import save_results, table  # noqa: E402

STORIES = BENCH / "gold" / "stories"


def story_files(folder: Path) -> list[Path]:
    """The story's articles: every file in the folder except its key and notes."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.name != "key.json" and not p.name.lower().startswith("readme"))


def doc_side(name: str, item: dict[str, Any]) -> str:
    """The key's stance for one file: supports, refutes or neither."""
    if name in item.get("supports", []):
        return "supports"
    if name in item.get("refutes", []):
        return "refutes"
    return "neither"


def score_story(folder: Path, workdir: Path) -> dict[str, Any]:
    """Analyse one story into a fresh store and verify every claim of its key."""
    from parallax.pipeline import run
    from parallax.store import Store
    from parallax.verify import Verifier

    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    db = workdir / f"{folder.name}.duckdb"
    run([str(p) for p in story_files(folder)], db=str(db))
    items = []
    with Store(db, read_only=True) as store:
        names = {d: Path(p).name for d, p in store.con.execute("SELECT id, path FROM documents").fetchall() if p}
        verifier = Verifier(store)
        for item in key.get("verify", []):
            started = time.perf_counter()
            verdict = verifier.verify(item["claim"])
            seconds = time.perf_counter() - started
            docs = []
            for st in verdict.documents:
                name = names.get(st.doc)
                if name is None:
                    continue
                got = st.stance if st.stance in ("supports", "refutes") else "neither"
                docs.append({"file": name, "gold": doc_side(name, item), "got": got, "stance": st.stance})
            items.append({"story": folder.name, "claim": item["claim"], "gold": item["verdict"],
                          "got": verdict.verdict, "ok": verdict.verdict == item["verdict"],
                          "docs_ok": sum(d["gold"] == d["got"] for d in docs), "docs": len(docs),
                          "seconds": round(seconds, 3), "documents": docs})
    return {"story": folder.name, "items": items}


def summarise(stories: list[dict[str, Any]]) -> dict[str, Any]:
    """Verdict accuracy, document-stance accuracy and per-class precision/recall over all stories."""
    items = [i for s in stories for i in s["items"]]
    pairs = [(d["gold"], d["got"]) for i in items for d in i["documents"]]
    out: dict[str, Any] = {
        "claims": len(items),
        "verdict_accuracy": round(sum(i["ok"] for i in items) / len(items), 4) if items else None,
        "document_pairs": len(pairs),
        "document_accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else None,
        "confusion_gold_by_got": {g: dict(Counter(p for gg, p in pairs if gg == g)) for g in
                                  ("supports", "refutes", "neither")},
    }
    for label in ("supports", "refutes"):
        tp = sum(g == p == label for g, p in pairs)
        fp = sum(p == label != g for g, p in pairs)
        fn = sum(g == label != p for g, p in pairs)
        out[f"{label}_precision"] = round(tp / (tp + fp), 4) if tp + fp else None
        out[f"{label}_recall"] = round(tp / (tp + fn), 4) if tp + fn else None
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=Path, default=STORIES)
    ap.add_argument("--name", default="verify_score", help="results file name (benchmarks/results/NAME.json)")
    args = ap.parse_args(argv)
    folders = sorted(p.parent for p in args.stories.glob("*/key.json"))
    if not folders:
        raise SystemExit(f"no story with a key.json under {args.stories}")
    with tempfile.TemporaryDirectory() as tmp:
        stories = [score_story(f, Path(tmp)) for f in folders]
    summary = summarise(stories)
    rows = [{k: v for k, v in i.items() if k != "documents"} for s in stories for i in s["items"]]
    md = "\n\n".join([
        "# verify on the test stories",
        table([summary], [("claims", "claims", "d"), ("verdict_accuracy", "verdict acc", ".3f"),
                          ("document_pairs", "doc pairs", "d"), ("document_accuracy", "doc stance acc", ".3f"),
                          ("supports_precision", "sup P", ".2f"), ("supports_recall", "sup R", ".2f"),
                          ("refutes_precision", "ref P", ".2f"), ("refutes_recall", "ref R", ".2f")]),
        table(rows, [("story", "story", ""), ("claim", "claim", ""), ("gold", "gold", ""), ("got", "got", ""),
                     ("docs_ok", "docs ok", "d"), ("docs", "docs", "d"), ("seconds", "s", ".3f")]),
    ])
    save_results(args.name, {"summary": summary, "stories": stories}, rows, md)
    print(md)
    return summary


if __name__ == "__main__":
    main()
