"""Score Parallax's cross-source stage on invented stories with planted contradictions (``gold/stories/``).

Each story folder holds 8 HTML articles and a hand-written ``key.json`` (see ``gold/stories/README.md``). Every
story is analysed into a fresh temporary store with ``parallax.pipeline.run``; the stored story is read back and
mapped to file names through ``documents[].path``. An exact or near copy counts as its original wherever the
system's facts point to the original (copies are not analysed, so their facts live on the original).

* **Contradictions** — a system contradiction matches a key one when the kinds agree and two of its sides hold
  at least one document of each key side (either order). Candidates are paired one-to-one, best first (planted
  values agreeing, then temporal flag agreeing, then document overlap). Conflicts (``temporal`` false) and
  changes over time (``temporal`` true) are scored separately: a change reported as a conflict is a false
  positive among conflicts and a miss among changes. Unmatched system contradictions are false positives,
  each listed, marked ``trap`` when it lies inside a planted non-contradiction (two currencies for one amount,
  a different deal, a different year's event) and ``redundant`` when it repeats an already matched key item.
* **Stance** — for every key claim and document: (a) ``model``: the trained stance model on (claim, document
  text), what ``parallax stance`` does; (b) ``claims``: the stored claim whose mentions cover most of the key's
  evidence sentences, its per-document stance (``parallax.link.claims.document_stance`` when it exists, else
  the mentions: supports and refutes in one document = discusses, none = unrelated); (c) ``verify``:
  ``parallax.verify.verify(store, claim)``'s per-document stances. Accuracy and a gold→predicted confusion.
* **Corroboration** — the stored claim (and event cluster) covering the key's evidence: is ``independent``
  exactly the key's count, and ``anonymous_only`` right?
* **Verdicts** — ``verify(store, claim).verdict`` against the key's verdict.
* **Wire copies** — are the verbatim and rewritten copies linked to one original (``duplicate_of``)?

Modules still under construction are reported ``n/a``. Run: ``PYTHONPATH=src python benchmarks/score_stories.py
[--stories NAME ...] [--show]``; writes ``results/stories.md`` and ``results/stories.json``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

BENCH = Path(__file__).resolve().parent
STORIES = BENCH / "gold" / "stories"
STANCES = ("supports", "refutes", "discusses", "unrelated")
VERDICTS = ("supported", "refuted", "conflicting", "not_enough_evidence")
# Modules the other stages are building; reported in the results so a figure can be read against them.
MODULES = ("parallax.link.claims", "parallax.link.claim_conflicts", "parallax.link.corroboration",
           "parallax.link.events", "parallax.link.numbers", "parallax.link.profiles", "parallax.verify")

# --------------------------------------------------------------------------------------------- values

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100, "dozen": 12})
_NUM = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m)?\b|\b([a-z]+)\b", re.I)


def numbers_in(text: str) -> set[float]:
    """The numbers a short value states: digits with their scale word, or number words ("four", "a dozen")."""
    out: set[float] = set()
    for m in _NUM.finditer(text or ""):
        if m.group(1):
            scale = (m.group(2) or "").lower()
            factor = _SCALE.get(scale, 1e9 if scale == "bn" else 1e6 if scale == "m" else 1.0)
            out.add(round(float(m.group(1).replace(",", "")) * factor, 6))
        elif (w := m.group(3).lower()) in _WORDS:
            out.add(float(_WORDS[w]))
    return out


def value_agrees(system: str, key: str) -> bool:
    """Whether a system side's value states the key's value: the same number, or the same words."""
    ns, nk = numbers_in(system), numbers_in(key)
    if ns and nk:
        return bool(ns & nk)
    return fuzz.token_set_ratio(system.casefold(), key.casefold()) >= 80


def values_score(sys_values: Sequence[str], key_values: Sequence[str]) -> float:
    """Share of the key's planted values that some system side states (0 when the key gives none)."""
    if not key_values:
        return 0.0
    return sum(any(value_agrees(s, k) for s in sys_values) for k in key_values) / len(key_values)


# ------------------------------------------------------------------------------------ contradictions

def side_match(sys_sides: Sequence[set[str]], key_sides: Sequence[Sequence[str]]) -> float:
    """Best document overlap of two system sides with the two key sides, either order; 0 when none fits.

    Each key side must share at least one document with a different system side. The score is the mean,
    over the two key sides, of the share of the key side's documents the paired system side names.
    """
    k1, k2 = set(key_sides[0]), set(key_sides[1])
    best = 0.0
    for i, a in enumerate(sys_sides):
        for j, b in enumerate(sys_sides):
            if i != j and a & k1 and b & k2:
                best = max(best, (len(a & k1) / len(k1) + len(b & k2) / len(k2)) / 2)
    return best


def _candidates(key: Sequence[dict], system: Sequence[dict]) -> list[tuple[tuple[float, ...], int, int]]:
    out = []
    for ki, k in enumerate(key):
        for si, s in enumerate(system):
            if s["kind"] != k["kind"]:
                continue
            overlap = side_match([set(x["files"]) for x in s["sides"]], k["sides"])
            if overlap:
                values = values_score([x["value"] for x in s["sides"]], k.get("values", []))
                rank = (values, float(bool(s.get("temporal")) == bool(k.get("temporal"))), overlap)
                out.append((rank, ki, si))
    return sorted(out, key=lambda c: c[0], reverse=True)


def _inside_trap(s: dict, traps: Sequence[dict]) -> dict | None:
    files = {f for x in s["sides"] for f in x["files"]}
    for t in traps:
        if t["kind"] != s["kind"] or not files or not files <= set(t["files"]):
            continue
        if not t.get("values") or any(value_agrees(x["value"], v) for x in s["sides"] for v in t["values"]):
            return t
    return None


def _brief(s: dict) -> dict[str, Any]:
    return {"kind": s["kind"], "temporal": bool(s.get("temporal")), "about": s["about"],
            "values": [x["value"] for x in s["sides"]], "files": [sorted(x["files"]) for x in s["sides"]]}


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def match_contradictions(key: Sequence[dict], system: Sequence[dict], traps: Sequence[dict] = ()) -> dict[str, Any]:
    """Pair system contradictions with key ones and count conflicts and temporal changes separately.

    ``key`` items: {kind, temporal, about, values?, sides: [[files], [files]]}; ``system`` items: {kind,
    temporal, about, sides: [{value, files}]}. Returns P/R/F1 for ``conflict`` and ``temporal``, per-kind
    recall of conflicts, the matched pairs, misses and false positives (with their reason).
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    cands = _candidates(key, system)
    for _, ki, si in cands:
        if ki not in pairs and si not in used:
            pairs[ki] = si
            used.add(si)
    counts = {"conflict": Counter(), "temporal": Counter()}
    matched, missed, false_pos = [], [], []
    for ki, k in enumerate(key):
        k_cls = "temporal" if k.get("temporal") else "conflict"
        si = pairs.get(ki)
        if si is None:
            counts[k_cls]["fn"] += 1
            missed.append({"kind": k["kind"], "temporal": bool(k.get("temporal")), "about": k["about"]})
            continue
        s = system[si]
        s_cls = "temporal" if s.get("temporal") else "conflict"
        if s_cls == k_cls:
            counts[k_cls]["tp"] += 1
        else:  # found the pair, judged it wrongly: a change called a conflict or the reverse
            counts[k_cls]["fn"] += 1
            counts[s_cls]["fp"] += 1
            false_pos.append({**_brief(s), "reason": "change over time reported as a conflict"
                              if k_cls == "temporal" else "conflict reported as a change over time"})
        matched.append({"key": k["about"], "kind": k["kind"], "key_temporal": bool(k.get("temporal")),
                        "system_temporal": bool(s.get("temporal")), "system": s["about"],
                        "values": [x["value"] for x in s["sides"]]})
    for si, s in enumerate(system):
        if si in used:
            continue
        s_cls = "temporal" if s.get("temporal") else "conflict"
        counts[s_cls]["fp"] += 1
        trap = _inside_trap(s, traps)
        redundant = any(si == c_si and ki in pairs for _, ki, c_si in cands)
        reason = f"trap: {trap['about']}" if trap else "redundant" if redundant else "spurious"
        false_pos.append({**_brief(s), "reason": reason})
    by_kind: dict[str, dict[str, int]] = {}
    for ki, k in enumerate(key):
        if k.get("temporal"):
            continue
        row = by_kind.setdefault(k["kind"], {"key": 0, "found": 0})
        row["key"] += 1
        si = pairs.get(ki)
        row["found"] += int(si is not None and not system[si].get("temporal"))
    return {
        "conflict": _prf(counts["conflict"]["tp"], counts["conflict"]["fp"], counts["conflict"]["fn"]),
        "temporal": _prf(counts["temporal"]["tp"], counts["temporal"]["fp"], counts["temporal"]["fn"]),
        "by_kind": by_kind,
        "traps": {"planted": len(traps), "hit": len({fp["reason"] for fp in false_pos if fp["reason"].startswith("trap")})},
        "matched": matched, "missed": missed, "false_positives": false_pos,
    }


# ------------------------------------------------------------------------------------------- stance

def aggregate_stance(labels: Iterable[str]) -> str:
    """One document's stance from its mentions: supports and refutes together = discusses; none = unrelated."""
    seen = set(labels)
    if "supports" in seen and "refutes" in seen:
        return "discusses"
    for label in ("refutes", "supports", "discusses"):
        if label in seen:
            return label
    return "unrelated"


def stance_score(gold: dict[str, str], pred: dict[str, str]) -> dict[str, Any]:
    """Accuracy over the gold documents and a gold→predicted confusion (missing predictions = unrelated)."""
    confusion: dict[str, Counter] = {g: Counter() for g in STANCES}
    right = 0
    for doc, g in gold.items():
        p = pred.get(doc, "unrelated")
        confusion[g][p] += 1
        right += p == g
    return {"n": len(gold), "correct": right, "accuracy": right / len(gold) if gold else None,
            "confusion": {g: dict(c) for g, c in confusion.items() if c}}


def merge_scores(scores: Sequence[dict[str, Any]]) -> dict[str, Any]:
    n = sum(s["n"] for s in scores)
    right = sum(s["correct"] for s in scores)
    confusion: dict[str, Counter] = {}
    for s in scores:
        for g, row in s["confusion"].items():
            confusion.setdefault(g, Counter()).update(row)
    return {"n": n, "correct": right, "accuracy": right / n if n else None,
            "confusion": {g: dict(c) for g, c in confusion.items()}}


def span_of(text: str, snippet: str) -> tuple[int, int] | None:
    at = text.find(snippet)
    return (at, at + len(snippet)) if at >= 0 else None


def overlaps(a: tuple[int, int], b: Sequence[int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


# ------------------------------------------------------------------------------------- system side

class StoryView:
    """The stored story seen through file names: doc id ↔ file, copies ↔ originals, text spans."""

    def __init__(self, story: Any):
        self.story = story
        self.file = {d.id: Path(d.path).name if d.path else d.id for d in story.documents}
        self.doc = {self.file[d.id]: d for d in story.documents}
        # A copy is not analysed: its original carries the facts. files_of(original) includes its copies.
        self.copies: dict[str, set[str]] = {}
        for d in story.documents:
            if d.duplicate_of and d.duplicate_of in self.file:
                self.copies.setdefault(d.duplicate_of, set()).add(self.file[d.id])

    def files_of(self, doc_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for doc in doc_ids:
            if doc in self.file:
                out.add(self.file[doc])
                out |= self.copies.get(doc, set())
        return out

    def analysed_id(self, file: str) -> str | None:
        """The doc id whose facts stand for ``file``: its own, or its original's when it is a copy."""
        d = self.doc.get(file)
        if d is None:
            return None
        return d.duplicate_of if d.duplicate_of and d.duplicate_of in self.file else d.id

    def evidence_span(self, file: str, snippet: str) -> tuple[str, tuple[int, int]] | None:
        """(analysed doc id, span) of a key snippet; copies have the same text as their original."""
        d, target = self.doc.get(file), self.analysed_id(file)
        if d is None or target is None:
            return None
        span = span_of(d.text, snippet)
        return (target, span) if span else None

    def contradictions(self) -> list[dict]:
        return [{"kind": c.kind, "temporal": bool(getattr(c, "temporal", False)), "about": c.about,
                 "sides": [{"value": s.value, "files": sorted(self.files_of(e.doc for e in s.evidence))}
                           for s in c.sides]} for c in self.story.contradictions]

    def best_claim(self, evidence: dict[str, str], text: str) -> tuple[Any, int]:
        """The stored claim whose mentions cover most key evidence snippets (tie: closest wording)."""
        spans = [x for f, snip in evidence.items() if (x := self.evidence_span(f, snip))]
        best, best_rank = None, (0, 0.0)
        for claim in self.story.claims:
            hits = sum(any(cm.doc == doc and overlaps(span, (cm.start, cm.end)) for cm in claim.mentions)
                       for doc, span in spans)
            rank = (hits, fuzz.token_set_ratio(claim.text.casefold(), text.casefold()))
            if hits and rank > best_rank:
                best, best_rank = claim, rank
        return best, best_rank[0]

    def best_cluster(self, evidence: dict[str, str]) -> Any:
        events = {e.id: e for e in self.story.events}
        spans = [x for f, snip in evidence.items() if (x := self.evidence_span(f, snip))]
        best, best_hits = None, 0
        for cluster in getattr(self.story, "event_clusters", []):
            evs = [events[i] for i in cluster.events if i in events]
            hits = sum(any(e.doc == doc and overlaps(span, (e.start, e.end)) for e in evs) for doc, span in spans)
            if hits > best_hits:
                best, best_hits = cluster, hits
        return best


def available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _attr(module: str, name: str) -> Callable | None:
    if not available(module):
        return None
    try:
        return getattr(importlib.import_module(module), name, None)
    except Exception:  # a module mid-construction that fails to import counts as absent
        return None


def verify_function() -> Callable | None:
    return _attr("parallax.verify", "verify") or _attr("parallax.verify.verdict", "verify")


def claim_stances(view: StoryView, item: dict) -> tuple[dict[str, str], dict[str, Any]]:
    """Per-file stance from the stored claim that best covers the key's evidence sentences."""
    claim, hits = view.best_claim(item.get("evidence", {}), item["claim"])
    info = {"claim": claim.text if claim else None, "evidence_covered": hits,
            "evidence_total": len(item.get("evidence", {}))}
    if claim is None:
        return {}, info
    doc_stance = _attr("parallax.link.claims", "document_stance")
    out = {}
    for f in item["docs"]:
        target = view.analysed_id(f)
        if target is None:
            continue
        label = None
        if doc_stance is not None:
            try:
                label = doc_stance(claim, target)
            except Exception:
                label = None
        out[f] = label if label in STANCES else aggregate_stance(cm.stance for cm in claim.mentions if cm.doc == target)
    return out, info


def model_stances(view: StoryView, item: dict) -> dict[str, str]:
    from parallax.link.stance import StanceModel

    files = [f for f in item["docs"] if f in view.doc]
    preds = StanceModel.load().predict([(item["claim"], view.doc[f].text) for f in files])
    return {f: label for f, (label, _) in zip(files, preds)}


def verify_stances(verdict: Any, view: StoryView) -> dict[str, str]:
    return {view.file[s.doc]: s.stance for s in verdict.documents if s.doc in view.file}


# --------------------------------------------------------------------------------------------- runs

def analyse(folder: Path, db: str) -> None:
    """The story's articles into a fresh store: the HTML files only, never the key."""
    from parallax.pipeline import run

    run([str(p) for p in sorted(folder.glob("*.html"))], db=db, analyse=True)  # not key.json


def score_story(folder: Path, db: str) -> dict[str, Any]:
    """Analyse one story into ``db`` and score it against its key."""
    from parallax.store import Store

    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    analyse(folder, db)
    with Store(db, read_only=True) as store:
        view = StoryView(store.load_story())
        result: dict[str, Any] = {"story": folder.name, "documents": len(view.doc)}
        result["metadata"] = _metadata(view, key)
        result["wire"] = _wire(view, key.get("wire"))
        result["contradictions"] = match_contradictions(key["contradictions"], view.contradictions(),
                                                        key.get("non_contradictions", []))
        verify = verify_function()
        verdicts = {}
        if verify is not None:
            for claim in {x["claim"] for x in key.get("verify", [])} | {x["claim"] for x in key["stances"]}:
                try:
                    verdicts[claim] = verify(store, claim)
                except Exception as exc:  # an unfinished verify must not stop the benchmark
                    verdicts[claim] = exc
        result["stance"] = _stance(view, key["stances"], verdicts if verify else None)
        result["corroboration"] = _corroboration(view, key.get("corroboration", []))
        result["verdicts"] = _verdicts(key.get("verify", []), verdicts if verify else None)
    return result


def _metadata(view: StoryView, key: dict) -> dict[str, Any]:
    docs = key["documents"]
    outlet = sum(view.doc[f].outlet == v["outlet"] for f, v in docs.items() if f in view.doc)
    date = sum(view.doc[f].published == v["published"] for f, v in docs.items() if f in view.doc)
    return {"n": len(docs), "outlet_right": outlet, "published_right": date}


def _wire(view: StoryView, wire: dict | None) -> dict[str, Any] | None:
    """How many of the wire group's copies (all files but one original) the system linked as duplicates."""
    if not wire:
        return None
    group = {view.analysed_id(f) for f in wire["files"] if view.analysed_id(f)}
    linked = {f: bool(view.doc.get(f) and view.doc[f].duplicate_of) for f in wire["files"]}
    return {"files": len(wire["files"]), "copies": len(wire["files"]) - 1, "linked": sum(linked.values()),
            "originals": len(group),
            "verbatim_linked": sum(linked[f] for f in wire["verbatim"]),
            "rewritten_linked": sum(linked[f] for f in wire["rewritten"])}


def _stance(view: StoryView, items: Sequence[dict], verdicts: dict | None) -> dict[str, Any]:
    routes: dict[str, list] = {"model": [], "claims": [], "verify": []}
    detail = []
    have_claims = bool(view.story.claims)
    for item in items:
        gold = item["docs"]
        row: dict[str, Any] = {"claim": item["claim"]}
        model = model_stances(view, item)
        routes["model"].append(stance_score(gold, model))
        row["model"] = model
        if have_claims:
            pred, info = claim_stances(view, item)
            routes["claims"].append(stance_score(gold, pred))
            row["claims"], row["claims_match"] = pred, info
        if verdicts is not None and not isinstance(verdicts.get(item["claim"]), Exception | None):
            pred = verify_stances(verdicts[item["claim"]], view)
            routes["verify"].append(stance_score(gold, pred))
            row["verify"] = pred
        row["gold"] = gold
        detail.append(row)
    return {"routes": {r: merge_scores(s) if s else None for r, s in routes.items()},
            "claims_module": available("parallax.link.claims"), "detail": detail}


def _corroboration(view: StoryView, items: Sequence[dict]) -> dict[str, Any]:
    filled = any(c.independent for c in view.story.claims)
    rows = []
    for item in items:
        claim, hits = view.best_claim(item.get("evidence", {}), item["claim"])
        cluster = view.best_cluster(item.get("evidence", {}))
        rows.append({"claim": item["claim"], "key_independent": item["independent"],
                     "key_anonymous_only": item["anonymous_only"],
                     "system_claim": claim.text if claim else None,
                     "claim_independent": claim.independent if claim else None,
                     "claim_anonymous_only": claim.anonymous_only if claim else None,
                     "cluster_independent": cluster.independent if cluster else None})
    def rate(field: str, key_field: str) -> float | None:
        if not filled and field.startswith("claim"):
            return None
        return sum(r[field] == r[key_field] for r in rows) / len(rows) if rows else None
    clusters = bool(getattr(view.story, "event_clusters", []))
    return {"n": len(rows), "claims_filled": filled,
            "claim_independent_exact": rate("claim_independent", "key_independent"),
            "claim_anonymous_right": rate("claim_anonymous_only", "key_anonymous_only"),
            "cluster_independent_exact": rate("cluster_independent", "key_independent") if clusters else None,
            "detail": rows}


def _verdicts(items: Sequence[dict], verdicts: dict | None) -> dict[str, Any]:
    if verdicts is None:
        return {"n": len(items), "skipped": "parallax.verify not importable"}
    rows, confusion = [], {v: Counter() for v in VERDICTS}
    for item in items:
        got = verdicts.get(item["claim"])
        label = got.verdict if got is not None and not isinstance(got, Exception) else f"error: {got}"
        confusion[item["verdict"]][label] += 1
        rows.append({"claim": item["claim"], "key": item["verdict"], "system": label})
    right = sum(r["key"] == r["system"] for r in rows)
    return {"n": len(rows), "correct": right, "accuracy": right / len(rows) if rows else None,
            "confusion": {k: dict(c) for k, c in confusion.items() if c}, "detail": rows}


# ------------------------------------------------------------------------------------------- report

def _sum_prf(results: Sequence[dict], cls: str) -> dict[str, Any]:
    c = Counter()
    for r in results:
        for k in ("tp", "fp", "fn"):
            c[k] += r["contradictions"][cls][k]
    return _prf(c["tp"], c["fp"], c["fn"])


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def summarise(results: Sequence[dict]) -> dict[str, Any]:
    """Totals over all stories (micro-averaged)."""
    by_kind: dict[str, Counter] = {}
    for r in results:
        for kind, row in r["contradictions"]["by_kind"].items():
            by_kind.setdefault(kind, Counter()).update(row)
    stance = {route: merge_scores([r["stance"]["routes"][route] for r in results if r["stance"]["routes"][route]])
              if any(r["stance"]["routes"][route] for r in results) else None for route in ("model", "claims", "verify")}
    verdicts = [r["verdicts"] for r in results if "skipped" not in r["verdicts"]]
    corr = [r["corroboration"] for r in results]

    def corr_rate(field: str) -> float | None:
        vals = [(c[field], c["n"]) for c in corr if c[field] is not None]
        return sum(v * n for v, n in vals) / sum(n for _, n in vals) if vals else None

    return {
        "conflict": _sum_prf(results, "conflict"), "temporal": _sum_prf(results, "temporal"),
        "by_kind": {k: dict(v) for k, v in by_kind.items()},
        "traps": {"planted": sum(r["contradictions"]["traps"]["planted"] for r in results),
                  "hit": sum(r["contradictions"]["traps"]["hit"] for r in results)},
        "stance": stance,
        "verdict": {"n": sum(v["n"] for v in verdicts), "correct": sum(v["correct"] for v in verdicts),
                    "accuracy": (sum(v["correct"] for v in verdicts) / sum(v["n"] for v in verdicts)) if verdicts else None},
        "corroboration": {"claim_independent_exact": corr_rate("claim_independent_exact"),
                          "claim_anonymous_right": corr_rate("claim_anonymous_right"),
                          "cluster_independent_exact": corr_rate("cluster_independent_exact")},
        "wire": {"copies": sum(r["wire"]["copies"] for r in results if r["wire"]),
                 "linked": sum(r["wire"]["linked"] for r in results if r["wire"])},
        "metadata": {k: sum(r["metadata"][k] for r in results) for k in ("n", "outlet_right", "published_right")},
    }


def markdown(results: Sequence[dict], total: dict, modules: dict[str, bool]) -> str:
    lines = ["# Cross-source stories: contradictions, stance, corroboration, verdicts", "",
             "Invented stories with planted facts (`benchmarks/gold/stories/`), scored by "
             "`benchmarks/score_stories.py` (matching rules in its docstring).", "",
             "| story | docs | conflicts P / R | temporal P / R | traps hit | stance model / claims / verify | "
             "verdicts | independent exact | wire copies linked |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    def row(name: str, docs: int, con: dict, tem: dict, traps: dict, st: dict, ver: Any, corr: Any, wire: Any) -> str:
        stance = " / ".join(_fmt(st[r]["accuracy"]) if st.get(r) else "n/a" for r in ("model", "claims", "verify"))
        return (f"| {name} | {docs} | {_fmt(con['precision'])} / {_fmt(con['recall'])} | {_fmt(tem['precision'])} / "
                f"{_fmt(tem['recall'])} | {traps['hit']}/{traps['planted']} | {stance} | {ver} | {corr} | {wire} |")
    for r in results:
        v = r["verdicts"]
        ver = "n/a" if "skipped" in v else f"{v['correct']}/{v['n']}"
        c = r["corroboration"]
        corr = _fmt(c["claim_independent_exact"])
        wire = f"{r['wire']['linked']}/{r['wire']['copies']}" if r["wire"] else "–"
        lines.append(row(r["story"], r["documents"], r["contradictions"]["conflict"], r["contradictions"]["temporal"],
                         r["contradictions"]["traps"], r["stance"]["routes"], ver, corr, wire))
    v = total["verdict"]
    lines.append(row("**all**", total["metadata"]["n"], total["conflict"], total["temporal"], total["traps"],
                     total["stance"], "n/a" if v["accuracy"] is None else f"{v['correct']}/{v['n']}",
                     _fmt(total["corroboration"]["claim_independent_exact"]),
                     f"{total['wire']['linked']}/{total['wire']['copies']}"))
    lines += ["", "Conflict recall by kind: " + ", ".join(
        f"{k} {v['found']}/{v['key']}" for k, v in sorted(total["by_kind"].items())) + ".",
        f"Conflicts: tp {total['conflict']['tp']}, fp {total['conflict']['fp']}, fn {total['conflict']['fn']}; "
        f"temporal: tp {total['temporal']['tp']}, fp {total['temporal']['fp']}, fn {total['temporal']['fn']}.",
        f"Metadata: outlet right {total['metadata']['outlet_right']}/{total['metadata']['n']}, "
        f"published right {total['metadata']['published_right']}/{total['metadata']['n']}.",
        "Modules present: " + ", ".join(f"{m.split('.', 1)[1]} {'yes' if ok else 'no'}" for m, ok in modules.items()) + ".",
        "", "## False positives", ""]
    for r in results:
        for fp in r["contradictions"]["false_positives"]:
            lines.append(f"- {r['story']}: {fp['kind']}{' (temporal)' if fp['temporal'] else ''} “{fp['about']}” "
                         f"{' vs '.join(fp['values'])} — {fp['reason']}")
    lines += ["", "## Missed", ""]
    for r in results:
        for m in r["contradictions"]["missed"]:
            lines.append(f"- {r['story']}: {m['kind']}{' (temporal)' if m['temporal'] else ''} — {m['about']}")
    for route in ("model", "claims", "verify"):
        s = total["stance"].get(route)
        if s:
            lines += ["", f"## Stance confusion ({route}; rows gold, columns predicted)", "",
                      "| gold | " + " | ".join(STANCES) + " |", "|---|" + "---:|" * len(STANCES)]
            for g in STANCES:
                if g in s["confusion"]:
                    lines.append(f"| {g} | " + " | ".join(str(s["confusion"][g].get(p, 0)) for p in STANCES) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", nargs="*", help="story folder names (default: all under gold/stories)")
    ap.add_argument("--show", action="store_true", help="print every matched pair and stance detail")
    ap.add_argument("--no-save", action="store_true", help="do not write results/stories.*")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    from _common import save_results

    folders = sorted(p for p in STORIES.iterdir() if (p / "key.json").exists())
    if args.stories:
        folders = [f for f in folders if f.name in set(args.stories)]
    modules = {m: available(m) for m in MODULES}
    results = []
    with tempfile.TemporaryDirectory(prefix="parallax-stories-") as tmp:
        for folder in folders:
            results.append(score_story(folder, str(Path(tmp) / f"{folder.name}.duckdb")))
    total = summarise(results)
    md = markdown(results, total, modules)
    print(md)
    if args.show:
        print(json.dumps(results, indent=1, ensure_ascii=False, default=str))
    if not args.no_save:
        save_results("stories", {"modules": modules, "total": total}, results, md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
