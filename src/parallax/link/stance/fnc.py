"""FNC-1 data: loading, the body-disjoint split, and the challenge's scoring.

The split is a pure function of the body id (a hash), so the training script and the benchmark agree on it
without sharing files, and no body's text is ever seen both in training and in the held-out evaluation, as
the FNC-1 organisers required; a fifth of the headlines is held out of training as well.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

FNC_LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
TO_PARALLAX = {"agree": "supports", "disagree": "refutes", "discuss": "discusses", "unrelated": "unrelated"}
RELATED = ("agree", "disagree", "discuss")


@dataclass(frozen=True, slots=True)
class Pair:
    headline: str
    body_id: int
    body: str
    label: str  # FNC label


def split_of(body_id: int) -> str:
    """train (70%), dev (10%, for tuning) or test (20%, never tuned on), fixed by the body id."""
    h = int(hashlib.sha256(f"fnc1-body-{body_id}".encode()).hexdigest(), 16) % 10
    return "test" if h < 2 else "dev" if h == 2 else "train"


def headline_held_out(headline: str) -> bool:
    """A fifth of the headlines never train: FNC-1 reuses each headline with many bodies, so a body split
    alone still shows every test headline in training; pairs with a held-out headline and a test body are
    the strict evaluation (neither side seen)."""
    return int(hashlib.sha256(f"fnc1-headline-{headline}".encode()).hexdigest(), 16) % 5 == 0


def load_pairs(folder: Path) -> list[Pair]:
    with open(folder / "train_bodies.csv", newline="", encoding="utf-8") as fh:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    with open(folder / "train_stances.csv", newline="", encoding="utf-8") as fh:
        return [Pair(r["Headline"], int(r["Body ID"]), bodies[int(r["Body ID"])], r["Stance"])
                for r in csv.DictReader(fh)]


def fnc_score(gold: list[str], pred: list[str]) -> float:
    """The FNC-1 weighted score as a fraction of the best possible: +0.25 for getting related/unrelated
    right, +0.75 more for the exact related label (agree/disagree/discuss)."""
    def points(g: str, p: str) -> float:
        s = 0.0
        if g == p:
            s += 0.25
            if g != "unrelated":
                s += 0.50
        if g in RELATED and p in RELATED:
            s += 0.25
        return s

    best = sum(points(g, g) for g in gold)
    return sum(points(g, p) for g, p in zip(gold, pred)) / best if best else 0.0


def per_class_f1(gold: list[str], pred: list[str], labels: tuple[str, ...] = FNC_LABELS) -> dict[str, float]:
    out = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        out[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out
