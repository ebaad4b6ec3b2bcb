"""Score the shipped stance model on the FNC-1 split it never saw nor was tuned on (20% of bodies).

    PYTHONPATH=src python benchmarks/score_stance.py [--data /work/shared/data/fnc1]

Writes benchmarks/results/stance_fnc1.json: the FNC-1 score (% of the maximum), macro-F1, per-class F1 and
the confusion matrix, with the polarity rule on (what ``predict`` does) and off (trees only), on all held-out
pairs and on the stricter subset whose headline was never paired with a training body either.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from parallax.link.stance import StanceModel
from parallax.link.stance.features import batch_features
from parallax.link.stance.fnc import FNC_LABELS, TO_PARALLAX, fnc_score, headline_held_out, load_pairs, per_class_f1, split_of

ROOT = Path(__file__).resolve().parents[1]


def _metrics(gold: list[str], pred: list[str]) -> dict:
    f1 = per_class_f1(gold, pred)
    confusion = Counter(zip(gold, pred))
    return {
        "pairs": len(gold),
        "fnc_score_pct": round(100 * fnc_score(gold, pred), 2),
        "macro_f1": round(float(np.mean(list(f1.values()))), 4),
        "f1": {TO_PARALLAX[k]: round(v, 4) for k, v in f1.items()},
        "confusion_gold_by_pred": {TO_PARALLAX[g]: {TO_PARALLAX[p]: confusion[(g, p)] for p in FNC_LABELS}
                                   for g in FNC_LABELS},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/fnc1"))
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "stance_fnc1.json")
    args = ap.parse_args()
    pairs = load_pairs(args.data)
    train_headlines = {p.headline for p in pairs if split_of(p.body_id) == "train" and not headline_held_out(p.headline)}
    test = [p for p in pairs if split_of(p.body_id) == "test"]
    model = StanceModel.load()
    t0 = time.perf_counter()
    x = batch_features([(p.headline, p.body) for p in test], model.vocab)
    gold = [p.label for p in test]
    unseen = [i for i, p in enumerate(test) if p.headline not in train_headlines]
    to_fnc = {v: k for k, v in TO_PARALLAX.items()}
    result: dict = {
        "split": "FNC-1 training release, bodies hashed by id: 70% train, 10% dev (tuning), 20% test (this)",
        "test_bodies": len({p.body_id for p in test}),
        "label_counts": dict(Counter(gold)),
    }
    for structural in (True, False):
        pred = [to_fnc[lab] for lab, _ in model.decide(x, structural=structural)]
        key = "with_polarity_rule" if structural else "trees_only"
        result[key] = _metrics(gold, pred)
        result[key]["unseen_headlines"] = _metrics([gold[i] for i in unseen], [pred[i] for i in unseen])
    result["seconds"] = round(time.perf_counter() - t0, 1)
    result["reference"] = {"fnc1_official_baseline_pct": 75.2, "fnc1_baseline_disagree_f1": 0.02,
                           "fnc1_winner_pct": 82.0,
                           "note": "references were measured on the official competition test set, not this split"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key in ("with_polarity_rule", "trees_only"):
        r = result[key]
        print(f"{key}: FNC {r['fnc_score_pct']}%  macro-F1 {r['macro_f1']}  {r['f1']}  "
              f"(unseen headlines: {r['unseen_headlines']['pairs']} pairs, FNC "
              f"{r['unseen_headlines']['fnc_score_pct']}%, macro-F1 {r['unseen_headlines']['macro_f1']})")


if __name__ == "__main__":
    main()
