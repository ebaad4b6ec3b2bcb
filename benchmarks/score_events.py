"""Score the event extractor against the hand-annotated gold set.

Runs the real pipeline on each gold document (spaCy parse → extract_actors → quotes when available →
extract_events) and compares (source country, target country, PLOVER type) triples per document; symmetric
events match in either direction. Reports P/R/F1, mode accuracy on matched events, the predicted-to-gold
count ratio and events per sentence. Never tune on the held-out split.

    PYTHONPATH=src python benchmarks/score_events.py --split dev
    PYTHONPATH=src python benchmarks/score_events.py --split heldout --show
    PYTHONPATH=src python benchmarks/score_events.py --split heldout2   # second held-out set, see make_heldout2.py
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.language.nlp import load_nlp
from parallax.model import Document

GOLD = Path(__file__).parent / "gold" / "events"


def _quotes(sdoc, doc, actors):
    try:
        from parallax.extract.quotes import extract_quotes
    except ImportError:
        return ()
    try:
        return extract_quotes(sdoc, doc, actors)
    except Exception:  # the quote extractor is another module's work in progress; events must not depend on it
        return ()


def predict(nlp, row: dict) -> tuple[list[dict], int]:
    doc = Document(id=row["id"], key=row["id"], text=row["text"], published=row.get("published"), language="en")
    sdoc = nlp(doc.text)
    actors = extract_actors(sdoc, doc)
    events = extract_events(sdoc, doc, actors, _quotes(sdoc, doc, actors))

    def country(aid):
        a = actors.actor(aid)
        return a.country if a else None

    return [{"source": country(e.source), "target": country(e.target), "type": e.type, "mode": e.mode,
             "symmetric": e.symmetric, "text": e.text} for e in events], len(list(sdoc.sents))


def _same(p: dict, g: dict) -> bool:
    if p["type"] != g["type"]:
        return False
    if (p["source"], p["target"]) == (g["source"], g["target"]):
        return True
    return (p["symmetric"] or g["symmetric"]) and (p["source"], p["target"]) == (g["target"], g["source"])


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, same-mode pairs first."""
    pairs, used_p, used_g = [], set(), set()
    for want_mode in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(pred):
                if pi in used_p or not _same(p, g) or (want_mode and p["mode"] != g["mode"]):
                    continue
                pairs.append((p, g))
                used_p.add(pi)
                used_g.add(gi)
                break
    return pairs


def score(rows: list[dict], show: bool = False) -> dict:
    nlp = load_nlp()
    n_pred = n_gold = n_match = n_mode = n_sents = 0
    by_type: Counter = Counter()
    for row in rows:
        pred, sents = predict(nlp, row)
        gold = row["events"]
        pairs = match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        n_match += len(pairs)
        n_mode += sum(p["mode"] == g["mode"] for p, g in pairs)
        n_sents += sents
        for p, g in pairs:
            by_type[g["type"]] += 1
        if show:
            matched_p = {id(p) for p, _ in pairs}
            matched_g = {id(g) for _, g in pairs}
            for p in pred:
                if id(p) not in matched_p:
                    print(f"FP {row['id']}: {p['source']}->{p['target']} {p['type']} {p['mode']} | {p['text'][:90]}")
            for g in gold:
                if id(g) not in matched_g:
                    print(f"FN {row['id']}: {g['source']}->{g['target']} {g['type']} {g['mode']}")
            for p, g in pairs:
                if p["mode"] != g["mode"]:
                    print(f"MODE {row['id']}: {g['source']}->{g['target']} {g['type']} gold={g['mode']} got={p['mode']}")
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"docs": len(rows), "gold": n_gold, "predicted": n_pred, "matched": n_match,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
            "mode_accuracy": round(n_mode / n_match, 3) if n_match else None,
            "count_ratio": round(n_pred / n_gold, 3) if n_gold else None,
            "events_per_sentence": round(n_pred / n_sents, 3) if n_sents else None,
            "gold_events_per_sentence": round(n_gold / n_sents, 3) if n_sents else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "heldout2"], default="dev")
    ap.add_argument("--show", action="store_true", help="print false positives/negatives and mode errors")
    args = ap.parse_args()
    rows = [json.loads(line) for line in (GOLD / f"{args.split}.jsonl").open(encoding="utf-8")]
    print(json.dumps({"split": args.split, **score(rows, args.show)}, indent=1))


if __name__ == "__main__":
    main()
