"""The shipped stance model: two gradient-boosted tree ensembles evaluated with numpy.

Stage one decides related vs unrelated; stage two, trained on related pairs only with class weights for the
rare "refutes" class, decides supports / refutes / discusses. The trees were trained with scikit-learn's
HistGradientBoostingClassifier and exported to plain arrays (``.npz``, loaded with ``allow_pickle=False``)
plus a JSON file with the vocabulary, so loading never executes stored code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.link.stance.features import FEATURE_NAMES, Vocabulary, batch_features, feature_index

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "stance"
RELATED_LABELS: tuple[str, ...] = ("supports", "refutes", "discusses")
# Polarity rule, tuned on the FNC-1 dev split only: the best-matching sentence states most of the claim
# (idf-weighted coverage >= this), without hedging, and with the opposite polarity next to a claim word.
POLARITY_COVERAGE = 0.7
_TREE_FIELDS = ("feature", "threshold", "left", "right", "value", "leaf", "roots", "tree_class", "baseline")


@dataclass(slots=True)
class TreeEnsemble:
    """Gradient-boosted trees as flat arrays; ``tree_class`` says which output each tree adds to."""

    feature: np.ndarray  # int32 per node
    threshold: np.ndarray  # float64 per node: go left when x <= threshold
    left: np.ndarray  # int32, absolute node index
    right: np.ndarray
    value: np.ndarray  # float64 leaf value
    leaf: np.ndarray  # bool
    roots: np.ndarray  # int32 per tree
    tree_class: np.ndarray  # int32 per tree
    baseline: np.ndarray  # float64 per output

    @classmethod
    def from_sklearn(cls, clf: Any) -> TreeEnsemble:
        """Export a fitted HistGradientBoostingClassifier (numeric features, no NaNs at predict time)."""
        feats, thr, left, right, val, leaf, roots, tcls = [], [], [], [], [], [], [], []
        offset = 0
        for iteration in clf._predictors:
            for k, pred in enumerate(iteration):
                nodes = pred.nodes
                if nodes["is_categorical"].any():
                    raise ValueError("categorical splits are not supported")
                feats.append(nodes["feature_idx"].astype(np.int32))
                thr.append(nodes["num_threshold"].astype(np.float64))
                left.append(nodes["left"].astype(np.int32) + offset)
                right.append(nodes["right"].astype(np.int32) + offset)
                val.append(nodes["value"].astype(np.float64))
                leaf.append(nodes["is_leaf"].astype(bool))
                roots.append(offset)
                tcls.append(k)
                offset += len(nodes)
        return cls(np.concatenate(feats), np.concatenate(thr), np.concatenate(left), np.concatenate(right),
                   np.concatenate(val), np.concatenate(leaf), np.asarray(roots, np.int32),
                   np.asarray(tcls, np.int32), np.asarray(clf._baseline_prediction, np.float64).ravel())

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Summed leaf values plus baseline, shape (n, outputs): all samples and trees walk down together."""
        n = x.shape[0]
        idx = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        while True:
            at_leaf = self.leaf[idx]
            if at_leaf.all():
                break
            go_left = x[rows, self.feature[idx]] <= self.threshold[idx]
            nxt = np.where(go_left, self.left[idx], self.right[idx])
            idx = np.where(at_leaf, idx, nxt)
        leaf_vals = self.value[idx]  # (n, trees)
        k = len(self.baseline)
        out = np.tile(self.baseline, (n, 1))
        for c in range(k):
            out[:, c] += leaf_vals[:, self.tree_class == c].sum(axis=1)
        return out

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities: sigmoid for one output (binary), softmax otherwise."""
        r = self.raw(x)
        if r.shape[1] == 1:
            p1 = 1.0 / (1.0 + np.exp(-r[:, 0]))
            return np.stack([1.0 - p1, p1], axis=1)
        r = r - r.max(axis=1, keepdims=True)
        e = np.exp(r)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}{name}": getattr(self, name) for name in _TREE_FIELDS}

    @classmethod
    def from_arrays(cls, data: Any, prefix: str) -> TreeEnsemble:
        return cls(**{name: np.asarray(data[f"{prefix}{name}"]) for name in _TREE_FIELDS})


@dataclass(slots=True)
class StanceModel:
    """Stance of a text to a claim: supports, refutes, discusses or unrelated, with a probability."""

    vocab: Vocabulary
    related: TreeEnsemble  # classes: 0 unrelated, 1 related
    stance: TreeEnsemble  # classes in RELATED_LABELS order
    meta: dict[str, Any]

    @staticmethod
    @lru_cache(maxsize=1)
    def load(folder: str | None = None) -> StanceModel:
        """The model shipped with the package (or one in ``folder``), loaded once per process."""
        base = Path(folder) if folder else DATA_DIR
        meta = json.loads((base / "stance_model.json").read_text(encoding="utf-8"))
        if tuple(meta["features"]) != FEATURE_NAMES:
            raise ValueError("stance model was trained on different features; retrain with scripts/train_stance.py")
        with np.load(base / "stance_model.npz", allow_pickle=False) as data:
            related = TreeEnsemble.from_arrays(data, "rel_")
            stance = TreeEnsemble.from_arrays(data, "cls_")
        v = meta.pop("vocabulary")
        vocab = Vocabulary(idf=dict(zip(v["terms"], v["idf"])), avgdl=v["avgdl"], max_idf=v["max_idf"])
        return StanceModel(vocab=vocab, related=related, stance=stance, meta=meta)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "stance_model.npz", **self.related.arrays("rel_"), **self.stance.arrays("cls_"))
        terms = sorted(self.vocab.idf)
        meta = dict(self.meta, features=list(FEATURE_NAMES), vocabulary={
            "terms": terms, "idf": [self.vocab.idf[t] for t in terms],
            "avgdl": self.vocab.avgdl, "max_idf": self.vocab.max_idf})
        (folder / "stance_model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """(n, 4) probabilities in the order supports, refutes, discusses, unrelated."""
        p_rel = self.related.proba(x)[:, 1]
        p_stance = self.stance.proba(x)
        return np.column_stack([p_stance * p_rel[:, None], 1.0 - p_rel])

    def decide(self, x: np.ndarray, structural: bool = True) -> list[tuple[str, float]]:
        """Labels and scores from a feature matrix (see ``predict``)."""
        probs = self.probabilities(x)
        flip = polarity_flip(x) if structural else np.zeros(len(x), dtype=bool)
        out = []
        for row, fl in zip(probs, flip):
            if row[3] >= 0.5:
                out.append(("unrelated", float(row[3])))
            elif fl:
                # The trees saw few plain negations in FNC-1; the rule's score is the related probability.
                out.append(("refutes", float(1.0 - row[3])))
            else:
                k = int(np.argmax(row[:3]))
                out.append((RELATED_LABELS[k], float(row[k])))
        return out

    def predict(self, pairs: Sequence[tuple[str, str]], structural: bool = True) -> list[tuple[str, float]]:
        """(claim, text) pairs → (label, score). Unrelated when stage one says so; refutes when the polarity
        rule fires; otherwise the most probable of supports/refutes/discusses, scored by its joint
        probability."""
        if not pairs:
            return []
        x = batch_features([(c or "", t or "") for c, t in pairs], self.vocab)
        return self.decide(x, structural)


def polarity_flip(x: np.ndarray) -> np.ndarray:
    """Rows where the text's best sentence states the claim with the opposite polarity ("will not sell"
    against "will sell", or the reverse), plainly (no hedge): the structure that similarity cannot see."""
    col = feature_index()
    claim_negated = x[:, col["claim_neg"]] > 0
    text_negates = (~claim_negated) & (x[:, col["best_neg_plain"]] > 0)
    text_affirms = claim_negated & (x[:, col["best_neg_near"]] == 0) & (x[:, col["best_hedge"]] == 0)
    return (x[:, col["cov_best"]] >= POLARITY_COVERAGE) & (text_negates | text_affirms)
