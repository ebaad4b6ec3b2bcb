"""Event extraction cost on top of parsing and actor finding, measured in one run on ~200 VOA documents.

    PYTHONPATH=src python benchmarks/bench_events.py [--docs 200]

Prints seconds for parse, actors and events, the events/(parse+actors) ratio (aim: < 0.20) and the ratio the
issue of real-news events budgets: (actors + events) / parse (≤ 0.35).
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.language.nlp import load_nlp
from parallax.model import Document

VOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa_stories.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()
    stories = [json.loads(line) for line in VOA.open(encoding="utf-8")]
    rows = list(itertools.islice(itertools.cycle(stories), args.docs))
    docs = [Document(id=f"b{i}", key=f"b{i}", text=r["text"], published=r["published"][:10], language="en")
            for i, r in enumerate(rows)]
    nlp = load_nlp()
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    t1 = time.perf_counter()
    actors = [extract_actors(s, d) for s, d in zip(parsed, docs)]
    t2 = time.perf_counter()
    events = [extract_events(s, d, a) for s, d, a in zip(parsed, docs, actors)]
    t3 = time.perf_counter()
    n_events = sum(map(len, events))
    n_sents = sum(len(list(s.sents)) for s in parsed)
    print(json.dumps({
        "docs": len(docs), "words": sum(len(d.text.split()) for d in docs), "sentences": n_sents,
        "events": n_events, "events_per_sentence": round(n_events / n_sents, 3),
        "parse_s": round(t1 - t0, 2), "actors_s": round(t2 - t1, 2), "events_s": round(t3 - t2, 2),
        "events_over_parse_and_actors": round((t3 - t2) / (t2 - t0), 3),
        "actors_and_events_over_parse": round((t3 - t1) / (t1 - t0), 3),
    }, indent=1))


if __name__ == "__main__":
    main()
