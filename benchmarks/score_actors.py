"""Score actor extraction and cross-document merging against ``benchmarks/gold/actors/gold.jsonl``.

Measures: mention→actor (a gold mention is right when a predicted mention overlapping it points, after
merging, at the predicted actor that most gold mentions of its gold actor point at), mention precision
(predicted mentions, titles aside, that overlap some gold mention), person→country, person→office, and
pairwise cross-document merge precision/recall over gold mentions. Run:
``PYTHONPATH=src python benchmarks/score_actors.py``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from parallax.extract.actors import extract_actors
from parallax.language.nlp import parse
from parallax.link.actors import merge_actors
from parallax.model import Document

GOLD = Path(__file__).parent / "gold" / "actors" / "gold.jsonl"


def _pred_for(mentions, start, end):
    """The predicted mention best overlapping [start, end): exact first, then the widest overlap."""
    over = [m for m in mentions if m.start < end and m.end > start and m.kind != "title"]
    if not over:
        return None
    exact = [m for m in over if m.start == start and m.end == end]
    return exact[0] if exact else max(over, key=lambda m: min(m.end, end) - max(m.start, start))


def score(gold_path: Path = GOLD) -> dict[str, float]:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=g["id"], key=g["id"], text=g["text"]) for g in gold]
    per = [extract_actors(sd, d) for sd, d in zip(parse([d.text for d in docs]), docs)]
    actors, mapping = merge_actors(per)
    by_id = {a.id: a for a in actors}

    aligned = []  # (doc, gold actor, predicted global id or None)
    for g, da in zip(gold, per):
        for m in g["mentions"]:
            p = _pred_for(da.mentions, m["start"], m["end"])
            aligned.append((g["id"], m["actor"], mapping.get(p.actor) if p and p.actor else None))
    votes: dict[str, Counter] = defaultdict(Counter)
    for _, ga, pid in aligned:
        if pid:
            votes[ga][pid] += 1
    gold_to_pred = {ga: c.most_common(1)[0][0] for ga, c in votes.items()}
    correct = sum(1 for _, ga, pid in aligned if pid and gold_to_pred.get(ga) == pid)
    found = sum(1 for _, _, pid in aligned if pid)

    pred_total = pred_hit = 0
    for g, da in zip(gold, per):
        for m in da.mentions:
            if m.kind == "title":
                continue
            pred_total += 1
            pred_hit += any(m.start < x["end"] and m.end > x["start"] for x in g["mentions"])

    people = {}
    for g in gold:
        for label, info in g["people"].items():
            people.setdefault(label, {"country": info["country"], "office": set()})["office"].update(info["office"])
    c_ok = c_n = o_ok = o_n = 0
    for label, info in people.items():
        pred = by_id.get(gold_to_pred.get(label, ""))
        if info["country"]:
            c_n += 1
            c_ok += bool(pred and pred.country == info["country"])
        for office in info["office"]:
            o_n += 1
            o_ok += bool(pred and any(office.lower() == r.lower() for r in pred.roles))

    tp = fp = fn = 0
    named = [(d, ga, pid) for d, ga, pid in aligned if not ga.startswith("anon:")]
    for (d1, g1, p1), (d2, g2, p2) in combinations(named, 2):
        if d1 == d2:
            continue
        same_gold, same_pred = g1 == g2, p1 is not None and p1 == p2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return {
        "gold mentions": len(aligned),
        "mention->actor accuracy": correct / len(aligned),
        "mention recall (any actor)": found / len(aligned),
        "mention precision": pred_hit / max(pred_total, 1),
        "person->country accuracy": c_ok / max(c_n, 1),
        "person->office accuracy": o_ok / max(o_n, 1),
        "merge precision (pairs)": tp / max(tp + fp, 1),
        "merge recall (pairs)": tp / max(tp + fn, 1),
    }


def main() -> int:
    res = score(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
    width = max(map(len, res))
    for k, v in res.items():
        print(f"{k:<{width}}  {v:.3f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
