"""Number/date conflicts on the cross-source stories, before and after adding ``link.facts``.

Each story is analysed into a fresh store (as ``score_stories.py`` does); the stored parses and per-document
actors are read back, facts extracted (``extract.facts``), compared across documents (``link.facts``) and the
new conflicts not already stated by event clusters are added to the stored ones. Both sets are scored with
``score_stories.match_contradictions`` restricted to number and date items. Run:
``PYTHONPATH=src python benchmarks/score_facts.py [--show]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_stories import STORIES, StoryView, analyse, match_contradictions  # noqa: E402


def _facts(store):
    from parallax.extract.actors.types import DocActors
    from parallax.extract.facts import extract_facts
    from parallax.language.nlp import doc_from_bytes, load_nlp
    from parallax.link.actors import merge_actors
    from parallax.model import Actor, Mention
    from parallax.store.codec import from_dict

    nlp = load_nlp()
    docs = {d.id: d for d in store.documents()}
    parses = {r["doc"]: r["parse"] for r in store.rows("SELECT doc, parse FROM doc_results")}
    per_doc, facts = [], []
    for rec in store.doc_results():
        acts = DocActors(doc=rec["doc"], actors={a["id"]: from_dict(Actor, a) for a in rec["actors"]},
                         mentions=[from_dict(Mention, x) for x in rec["mentions"]])
        acts.sort()
        per_doc.append(acts)
        if parses.get(rec["doc"]):
            facts += extract_facts(doc_from_bytes(parses[rec["doc"]], nlp), docs[rec["doc"]], acts)
    _, mapping = merge_actors(per_doc)
    return facts, docs, mapping


def score(folder: Path, show: bool) -> dict:
    from parallax.link.facts import drop_covered, fact_conflicts
    from parallax.store import Store

    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    gold = [k for k in key["contradictions"] if k["kind"] in {"number", "date"}]
    traps = [t for t in key.get("non_contradictions", []) if t["kind"] in {"number", "date"}]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "story.duckdb")
        analyse(folder, db)
        with Store(db, read_only=True) as store:
            story = store.load_story()
            facts, docs, mapping = _facts(store)
    before = [c for c in story.contradictions if c.kind in {"number", "date"}]
    added = drop_covered(fact_conflicts(facts, docs, mapping), before)
    view = StoryView(story)
    out = {"before": match_contradictions(gold, [s for s in view.contradictions() if s["kind"] in {"number", "date"}],
                                          traps)}
    story.contradictions = before + added
    out["after"] = match_contradictions(gold, view.contradictions(), traps)
    out["facts"] = len(facts)
    if show:
        for c in added:
            print(folder.name, c.kind, c.temporal, c.about, [s.value for s in c.sides])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    for folder in sorted(p for p in STORIES.iterdir() if (p / "key.json").is_file()):
        r = score(folder, args.show)
        for when in ("before", "after"):
            c, t = r[when]["conflict"], r[when]["temporal"]
            print(f"{folder.name:14} {when:6} conflicts tp {c['tp']} fp {c['fp']} fn {c['fn']}; "
                  f"temporal tp {t['tp']} fp {t['fp']} fn {t['fn']}; traps hit {r[when]['traps']['hit']}"
                  f" (facts {r['facts']})")


if __name__ == "__main__":
    main()
