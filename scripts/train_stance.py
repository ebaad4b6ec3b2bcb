"""Train the shipped stance model from FNC-1, reproducibly (fixed split, fixed seeds, ~2-4 min on 2 cores).

    PYTHONPATH=src python scripts/train_stance.py [--data /work/shared/data/fnc1] [--out src/parallax/data/stance]

Uses only the ``train`` split (70% of bodies, without the held-out fifth of headlines) to fit the vocabulary and the trees; ``dev`` (10%) for early
stopping and the figures printed here; ``test`` (20%) is left for ``benchmarks/score_stance.py``.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from parallax.link.stance.features import Vocabulary, batch_features
from parallax.link.stance.fnc import TO_PARALLAX, fnc_score, headline_held_out, load_pairs, per_class_f1, split_of
from parallax.link.stance.model import StanceModel, TreeEnsemble

ROOT = Path(__file__).resolve().parents[1]
STAGE2 = ("agree", "disagree", "discuss")  # same order as RELATED_LABELS: supports, refutes, discusses


def _fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray | None, seed: int, **kw) -> HistGradientBoostingClassifier:
    clf = HistGradientBoostingClassifier(learning_rate=0.06, max_iter=kw.pop("max_iter", 400), max_leaf_nodes=31,
                                         min_samples_leaf=20, l2_regularization=1.0, random_state=seed, **kw)
    return clf.fit(x, y, sample_weight=weights)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/fnc1"))
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "parallax" / "data" / "stance")
    ap.add_argument("--disagree-weight", type=float, default=1.0)
    args = ap.parse_args()
    t0 = time.time()
    pairs = load_pairs(args.data)
    train = [p for p in pairs if split_of(p.body_id) == "train" and not headline_held_out(p.headline)]
    dev = [p for p in pairs if split_of(p.body_id) == "dev"]
    bodies = {p.body_id: p.body for p in train}
    vocab = Vocabulary.fit(list(bodies.values()) + sorted({p.headline for p in train}))
    xtr = batch_features([(p.headline, p.body) for p in train], vocab)
    xdv = batch_features([(p.headline, p.body) for p in dev], vocab)
    ytr = np.array([p.label for p in train])
    ydv = [p.label for p in dev]
    print(f"features: {len(train)} train / {len(dev)} dev pairs in {time.time() - t0:.0f}s")

    rel = _fit(xtr, (ytr != "unrelated").astype(int), None, seed=1)
    mask = ytr != "unrelated"
    y2 = np.array([STAGE2.index(v) for v in ytr[mask]])
    freq = Counter(y2.tolist())
    # Balanced weights, then extra weight on disagree: FNC-1 rewards any related label, and disagree is rare.
    w = np.array([len(y2) / (3 * freq[v]) for v in y2])
    w[y2 == 1] *= args.disagree_weight
    cls = _fit(xtr[mask], y2, w, seed=2)

    model = StanceModel(vocab=vocab, related=TreeEnsemble.from_sklearn(rel), stance=TreeEnsemble.from_sklearn(cls),
                        meta={"trained_on": "FNC-1 train split (70% of bodies by body id, minus held-out headlines)",
                              "split": "parallax.link.stance.fnc.split_of", "n_train_pairs": len(train),
                              "disagree_weight": args.disagree_weight})
    # The exported arrays must reproduce scikit-learn exactly.
    assert np.allclose(model.related.proba(xdv), rel.predict_proba(xdv), atol=1e-6)
    assert np.allclose(model.stance.proba(xdv), cls.predict_proba(xdv), atol=1e-6)
    model.save(args.out)

    to_fnc = {v: k for k, v in TO_PARALLAX.items()}
    for structural in (False, True):
        pred = [to_fnc[label] for label, _ in model.decide(xdv, structural=structural)]
        f1 = per_class_f1(ydv, pred)
        print(f"dev (polarity rule {'on' if structural else 'off'}): FNC score {100 * fnc_score(ydv, pred):.1f}%  "
              f"macro-F1 {np.mean(list(f1.values())):.3f}  " + "  ".join(f"{k} {v:.3f}" for k, v in f1.items()))
    print(f"iterations: related {rel.n_iter_}, stance {cls.n_iter_}; wrote {args.out} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
