"""Score quote extraction against the hand-annotated gold set, with textacy as the reference.

Matching is overlap-based and one-to-one: a prediction matches a gold quote when their character overlap is at
least half of the shorter span and a quarter of the longer. Reported per split (dev / held-out):

* detection precision / recall / F1 (all quotes; and direct quotes only, for ours and for textacy's
  ``direct_quotations`` run on the same parse in the same run);
* speaker accuracy over matched quotes (the speaker names agree: token-set similarity >= 90 after dropping
  articles, against any acceptable gold name);
* anonymous accuracy over matched quotes, anonymous-source recall/precision, and affiliation accuracy over
  matched anonymous gold quotes that give one (every part of the gold affiliation appears in ours).

Run: ``PYTHONPATH=src python benchmarks/score_quotes.py [--split dev|heldout|all] [--json] [--show]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes import extract_quotes
from parallax.language.nlp import load_nlp
from parallax.model import Document

GOLD = Path(__file__).resolve().parent / "gold" / "quotes"
_ART = re.compile(r"\b(the|a|an)\b|[’'`]s\b|[^\w\s]", re.I)


def _norm(name: str) -> str:
    return " ".join(_ART.sub(" ", name.casefold()).split())


def same_speaker(pred: str, golds: list[str]) -> bool:
    p = _norm(pred)
    return bool(p) and any(fuzz.token_set_ratio(p, _norm(g)) >= 90 for g in golds)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[float, float]:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    la, lb = a[1] - a[0], b[1] - b[0]
    return inter / max(1, min(la, lb)), inter / max(1, max(la, lb))


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best overlaps first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            lo, hi = _overlap((g["start"], g["end"]), (p["start"], p["end"]))
            if lo >= 0.5 and hi >= 0.25:
                cands.append((hi, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(cands, reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def _actors(sdoc, doc: Document) -> DocActors:
    try:
        from parallax.extract.actors import extract_actors
    except ImportError:
        return DocActors(doc.id)
    return extract_actors(sdoc, doc)


def _textacy(sdoc) -> list[dict]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for sp, _cue, content in direct_quotations(sdoc):
            s, e = content.start_char, content.end_char
            text = sdoc.text
            while s < e and (text[s] in "\"'“”‘’«» " or text[s].isspace()):
                s += 1
            while e > s and (text[e - 1] in "\"'“”‘’«» " or text[e - 1].isspace()):
                e -= 1
            out.append({"start": s, "end": e, "speaker": " ".join(t.text for t in sp), "kind": "direct"})
    except ValueError:  # textacy gives up on a document with an odd number of quote marks
        pass
    return out


class Tally:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.matched = self.speaker_ok = self.anon_ok = 0
        self.gold_anon = self.gold_anon_found = self.pred_anon = self.pred_anon_ok = 0
        self.aff_total = self.aff_ok = 0

    def add(self, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
        pairs = match(gold, pred)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.matched += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            self.speaker_ok += same_speaker(p.get("speaker") or "", g["speaker"])
            if "anonymous" in p:
                self.anon_ok += p["anonymous"] == g["anonymous"]
                self.gold_anon += g["anonymous"]
                self.gold_anon_found += g["anonymous"] and p["anonymous"]
                self.pred_anon += p["anonymous"]
                self.pred_anon_ok += p["anonymous"] and g["anonymous"]
                if g["anonymous"] and g.get("affiliation"):
                    self.aff_total += 1
                    parts = [x.strip().casefold() for x in g["affiliation"].split(",")]
                    got = (p.get("affiliation") or "").casefold()
                    self.aff_ok += all(x in got for x in parts)
        return pairs

    def report(self) -> dict:
        p = self.matched / self.n_pred if self.n_pred else 0.0
        r = self.matched / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out = {"gold": self.n_gold, "pred": self.n_pred, "matched": self.matched, "precision": round(p, 3),
               "recall": round(r, 3), "f1": round(f, 3),
               "speaker_acc": round(self.speaker_ok / self.matched, 3) if self.matched else 0.0}
        if self.pred_anon or self.gold_anon or self.anon_ok:
            out.update({
                "anonymous_acc": round(self.anon_ok / self.matched, 3) if self.matched else 0.0,
                "anonymous_recall": round(self.gold_anon_found / self.gold_anon, 3) if self.gold_anon else 0.0,
                "anonymous_precision": round(self.pred_anon_ok / self.pred_anon, 3) if self.pred_anon else 0.0,
                "affiliation_acc": round(self.aff_ok / self.aff_total, 3) if self.aff_total else None,
            })
        return out


def score(rows: list[dict], show: bool = False) -> dict:
    nlp = load_nlp()
    ours, ours_direct, ref_direct = Tally(), Tally(), Tally()
    for row in rows:
        sdoc = nlp(row["text"])
        doc = Document(id=row["doc"], key=row["doc"], text=row["text"], outlet=row.get("outlet"))
        quotes = extract_quotes(sdoc, doc, _actors(sdoc, doc))
        pred = [{"start": q.start, "end": q.end, "speaker": q.speaker_text, "anonymous": q.anonymous,
                 "affiliation": q.affiliation, "kind": q.kind, "text": q.text} for q in quotes]
        gold = row["quotes"]
        pairs = ours.add(gold, pred)
        gold_d = [g for g in gold if g["kind"] == "direct"]
        ours_direct.add(gold_d, [p for p in pred if p["kind"] == "direct"])
        ref_direct.add(gold_d, _textacy(sdoc))
        if show:
            _show(row, gold, pred, pairs)
    return {"docs": len(rows), "parallax": ours.report(), "parallax_direct": ours_direct.report(),
            "textacy_direct": ref_direct.report()}


def _show(row: dict, gold: list[dict], pred: list[dict], pairs: list[tuple[int, int]]) -> None:
    gm = {g: p for g, p in pairs}
    pm = {p for _, p in pairs}
    print(f"=== {row['doc']}")
    for gi, g in enumerate(gold):
        if gi not in gm:
            print(f"  MISS [{g['kind']}] {g['speaker'][0]!r}: {g['text'][:90]!r}")
        else:
            p = pred[gm[gi]]
            flag = "ok " if same_speaker(p["speaker"], g["speaker"]) else "SPK"
            anon = "" if p["anonymous"] == g["anonymous"] else f" ANON pred={p['anonymous']}"
            print(f"  {flag} {p['speaker']!r} vs {g['speaker'][0]!r}{anon}")
    for pi, p in enumerate(pred):
        if pi not in pm:
            print(f"  EXTRA [{p['kind']}] {p['speaker']!r}: {p['text'][:90]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="print misses, extras and speaker errors")
    args = ap.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    result = {}
    for name in splits:
        rows = [json.loads(line) for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        result[name] = score(rows, show=args.show)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name, res in result.items():
            print(f"[{name}] {res['docs']} docs")
            for system in ("parallax", "parallax_direct", "textacy_direct"):
                print(f"  {system:16s} " + "  ".join(f"{k}={v}" for k, v in res[system].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
