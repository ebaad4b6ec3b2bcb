"""Real news first: the shared scorer over every development story and the PLOVER GSR development half.

    PYTHONPATH=src python benchmarks/score_realnews.py [--stories D,E,F,H,G] [--stance] [--reuse]

Each story is analysed into a store of its own (``benchmarks/out/realnews/<story>.duckdb``; ``--reuse`` keeps
one already there), exported, and scored by ``../shared/data/realnews_dev/score.py`` itself (imported, not
copied), so every figure is the one the issues quote. Story G is the GSR development half (one sentence a
file, country-to-country events only). ``--stance`` also scores stance through ``parallax verify`` (slow).

Printed, and written to ``benchmarks/results/realnews.{json,md}``: per story and pooled over the realnews
stories D/E/F/H (counts summed, then divided), typed and dyad recall, dyad precision, predicted/gold, mode
accuracy, quotes, contradictions (and stance); then per PLOVER type the precision and recall on the pooled
realnews stories. Gold sets: ``PARALLAX_REALNEWS`` and ``PARALLAX_GSR`` override the default locations.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from _common import OUT, ROOT, save_results, table

SHARED = next((a / "shared" / "data" for a in ROOT.parents if (a / "shared" / "data").is_dir()),
              ROOT.parent / "shared" / "data")  # beside the checkout, or beside a folder of worktrees
REALNEWS = Path(os.environ.get("PARALLAX_REALNEWS", SHARED / "realnews_dev"))
GSR = Path(os.environ.get("PARALLAX_GSR", SHARED / "plover_gsr" / "story"))
POOLED = ("D", "E", "F", "H")


def scorer():
    """The shared scorer module, loaded from its file."""
    spec = importlib.util.spec_from_file_location("realnews_score", REALNEWS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _parallax() -> list[str]:
    exe = Path(sys.executable).with_name("parallax")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "parallax.views.cli"]


def analyse(story: str, work: Path, reuse: bool) -> tuple[Path, dict[str, Any]]:
    """The story's store and its export, built unless ``reuse`` finds them."""
    db, out = work / f"{story}.duckdb", work / f"{story}.json"
    if not (reuse and db.exists() and out.exists()):
        inputs = work / f"{story}_in"
        shutil.rmtree(inputs, ignore_errors=True)
        inputs.mkdir(parents=True)
        if story == "G":
            for f in (GSR / "texts").glob("*.txt"):
                shutil.copy(f, inputs / f.name)
        else:
            for f in (REALNEWS / "docs").glob(f"{story}_*.json"):
                shutil.copy(f, inputs / f.name)
        for stale in (db, Path(f"{db}.wal"), out):
            stale.unlink(missing_ok=True)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        subprocess.run([*_parallax(), "analyze", str(inputs), "--db", str(db), "-q"], check=True, env=env)
        subprocess.run([*_parallax(), "export", "--format", "json", "--db", str(db), "--out", str(out)],
                       check=True, env=env, capture_output=True)
    return db, json.loads(out.read_text(encoding="utf-8"))


def per_type(sc, story: dict, docs: dict, export: dict, actors: dict) -> dict[str, Counter]:
    """Per PLOVER type: gold events, those matched with their type, predicted interstate events, matched ones.

    The same matching as the scorer's ``score_events`` (same sentence, same dyad; symmetric types either way).
    """
    out = {"gold": Counter(), "hit": Counter(), "pred": Counter(), "right": Counter()}
    by_doc: dict[str, list[dict]] = {}
    for ev in export.get("events", []):
        by_doc.setdefault(ev.get("doc"), []).append(ev)
    for art in story["articles"]:
        doc = docs.get(art["id"])
        evs = by_doc.get(doc["id"], []) if doc else []
        inter = [i for i, e in enumerate(evs) if (s := sc.actor_country(actors, e.get("source")))
                 and (t := sc.actor_country(actors, e.get("target"))) and s != t]
        for i in inter:
            out["pred"][evs[i]["type"]] += 1
        right: set[int] = set()
        for g in art.get("events", []):
            out["gold"][g["plover_type"]] += 1
            if not doc:
                continue
            pos = sc.find_cue(doc["text"], g.get("cue"))
            end = sc.sentence_end(doc["text"], pos) if pos is not None else None
            gs, gt = sc.gold_key(g.get("source")), sc.gold_key(g.get("target"))
            for i, e in enumerate(evs):
                if e.get("type") != g["plover_type"] or not sc.overlaps(e.get("span"), pos, end):
                    continue
                ks, kt = sc.actor_keys(actors, e.get("source")), sc.actor_keys(actors, e.get("target"))
                if (gs in ks and gt in kt) or (g["plover_type"] in sc.SYMMETRIC and gs in kt and gt in ks):
                    out["hit"][g["plover_type"]] += 1
                    right.add(i)
                    break
        for i in right & set(inter):
            out["right"][evs[i]["type"]] += 1
    return out


def _counts(r: dict[str, Any]) -> dict[str, float]:
    """The raw counts behind a story's ratios (the scorer prints ratios of these)."""
    g = r["events_gold"]
    typed = round((r["event_recall_typed"] or 0) * g)
    return {"gold": g, "typed": typed, "dyad": round((r["event_recall_dyad"] or 0) * g),
            "pred": r["events_pred_interstate"],
            "pred_right": round((r["event_precision_dyad"] or 0) * r["events_pred_interstate"]),
            "mode_ok": round((r["event_mode_accuracy"] or 0) * typed), "quotes_gold": r["quotes_gold"],
            "quotes_found": round((r["quote_recall"] or 0) * r["quotes_gold"]),
            "quotes_speaker": round((r["quote_recall_with_speaker"] or 0) * r["quotes_gold"]),
            "contra_gold": r["contradictions_gold"],
            "contra_hit": round((r["contradiction_recall"] or 0) * r["contradictions_gold"]),
            "contra_pred": r["contradictions_pred"], "stance_n": r.get("stance_n") or 0,
            "stance_ok": round((r.get("stance_accuracy") or 0) * (r.get("stance_n") or 0))}


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def row(name: str, c: dict[str, float], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"story": name, "gold events": int(c["gold"]), "typed recall": _ratio(c["typed"], c["gold"]),
            "dyad recall": _ratio(c["dyad"], c["gold"]), "dyad precision": _ratio(c["pred_right"], c["pred"]),
            "pred/gold": _ratio(c["pred"], c["gold"]), "mode accuracy": _ratio(c["mode_ok"], c["typed"]),
            "quote recall": _ratio(c["quotes_found"], c["quotes_gold"]),
            "quote+speaker": _ratio(c["quotes_speaker"], c["quotes_gold"]),
            "contradiction recall": _ratio(c["contra_hit"], c["contra_gold"]),
            "contradictions predicted": int(c["contra_pred"]),
            "stance accuracy": _ratio(c["stance_ok"], c["stance_n"]), **(extra or {})}


STANCES = ("supports", "refutes", "discusses", "unrelated")


def stance_metrics(conf: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Accuracy and macro-F1 (the scorer's definition: mean F1 over the four labels) from a gold x predicted
    confusion matrix, so a pooled row is computed from the summed matrices, not averaged from ratios."""
    n = sum(sum(r.values()) for r in conf.values())
    f1s = []
    for lab in STANCES:
        tp = conf[lab][lab]
        fp = sum(conf[g][lab] for g in STANCES if g != lab)
        fn = sum(v for p, v in conf[lab].items() if p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"accuracy": _ratio(sum(conf[lab][lab] for lab in STANCES), n), "macro-F1": round(sum(f1s) / 4, 3),
            "n": n, **{f"F1 {lab}": round(f, 3) for lab, f in zip(STANCES, f1s)}}


def confusion_table(name: str, conf: dict[str, dict[str, int]]) -> str:
    """One confusion matrix as markdown: rows gold, columns predicted (``missing``: no answer for the doc)."""
    cols = [*STANCES, "missing"]
    rows = [{"gold": g, **{p: conf[g].get(p, 0) for p in cols}} for g in STANCES]
    return f"{name} (rows gold, columns predicted)\n\n" + table(
        rows, [("gold", "gold \\ predicted", ""), *((p, p, "d") for p in cols)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", default="D,E,F,H,G")
    ap.add_argument("--stance", action="store_true", help="also score stance through parallax verify (slow)")
    ap.add_argument("--reuse", action="store_true", help="reuse stores already analysed in benchmarks/out/realnews")
    args = ap.parse_args()
    sc = scorer()
    work = OUT / "realnews"
    work.mkdir(parents=True, exist_ok=True)
    realnews_gold = json.loads((REALNEWS / "gold.json").read_text(encoding="utf-8"))
    gsr_gold = json.loads((GSR / "story.json").read_text(encoding="utf-8"))
    rows, pooled, types = [], Counter(), {k: Counter() for k in ("gold", "hit", "pred", "right")}
    stance_rows: list[dict[str, Any]] = []
    confusions: dict[str, dict[str, dict[str, int]]] = {}
    for story_id in args.stories.split(","):
        gold = gsr_gold if story_id == "G" else realnews_gold
        story = next(s for s in gold["stories"] if s["id"] == story_id)
        db, export = analyse(story_id, work, args.reuse)
        actors = {a["id"]: a for a in export.get("actors", [])}
        docs = sc.map_docs(export, [a["id"] for a in story["articles"]])
        r = {"docs_matched": len(docs), "docs_gold": len(story["articles"])}
        r.update(sc.score_events(story, docs, export, actors))
        r.update(sc.score_quotes(story, docs, export, actors))
        r.update(sc.score_contradictions(story, docs, export))
        if args.stance and story.get("pivot_claims"):
            r.update(sc.score_stances(story, docs, _parallax()[0], str(db)))
            conf = r["stance_confusion"]
            confusions[story_id] = conf
            stance_rows.append({"story": story_id, **stance_metrics(conf)})
        c = _counts(r)
        rows.append(row(story_id + (" (GSR dev)" if story_id == "G" else ""), c))
        if story_id in POOLED:
            pooled.update(c)
            for k, v in per_type(sc, story, docs, export, actors).items():
                types[k].update(v)
    if pooled:
        rows.append(row("D+E+F+H pooled", pooled))
    type_rows = [{"type": t, "gold": types["gold"][t], "recall": _ratio(types["hit"][t], types["gold"][t]),
                  "predicted": types["pred"][t], "precision": _ratio(types["right"][t], types["pred"][t])}
                 for t in sorted(set(types["gold"]) | set(types["pred"]), key=lambda t: -types["gold"][t])]
    cols = [(k, k, ".3f" if k not in ("story", "gold events", "contradictions predicted") else
             ("d" if k != "story" else "")) for k in rows[0]]
    md = ["# Real news: the shared scorer on the development stories and the GSR development half", "",
          table(rows, cols), "", "## Per PLOVER type (realnews stories pooled)", "",
          table(type_rows, [("type", "type", ""), ("gold", "gold", "d"), ("recall", "typed recall", ".3f"),
                            ("predicted", "predicted interstate", "d"), ("precision", "precision", ".3f")])]
    if stance_rows:
        pooled_conf = {g: Counter() for g in STANCES}
        for sid, conf in confusions.items():
            if sid in POOLED:
                for g in STANCES:
                    pooled_conf[g].update(conf[g])
        pooled_conf = {g: {p: pooled_conf[g].get(p, 0) for p in [*STANCES, "missing"]} for g in STANCES}
        if len([s for s in confusions if s in POOLED]) > 1:
            stance_rows.append({"story": "+".join(s for s in confusions if s in POOLED) + " pooled",
                                **stance_metrics(pooled_conf)})
            confusions["pooled"] = pooled_conf
        md += ["", "## Stance (through parallax verify)", "",
               table(stance_rows, [("story", "story", ""), ("accuracy", "accuracy", ".3f"),
                                   ("macro-F1", "macro-F1", ".3f"), ("n", "labels", "d"),
                                   *((f"F1 {lab}", f"F1 {lab}", ".3f") for lab in STANCES)])]
        md += ["", *("\n".join(["", confusion_table(sid, conf)]) for sid, conf in confusions.items())]
    save_results("realnews", {"stories": args.stories, "stance": args.stance, "stance_confusion": confusions},
                 [*rows, *type_rows, *stance_rows], "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
