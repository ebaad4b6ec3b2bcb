"""Cost of quote and claim extraction on top of the spaCy parse, as a ratio, on ~200 VOA documents.

Parses the VOA stories (repeated to reach ``--docs``), runs the actor stage once (not timed: the quotes read
its result), then times ``extract_quotes`` + ``claims_from_quotes`` against the parse time.
Run: ``PYTHONPATH=src python benchmarks/bench_quotes.py [--docs 200]``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes import claims_from_quotes, extract_quotes
from parallax.language.nlp import load_nlp
from parallax.model import Document

VOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa_stories.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--voa", type=Path, default=VOA)
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.voa.read_text(encoding="utf-8").splitlines()]
    rows = (rows * (args.docs // len(rows) + 1))[:args.docs]
    nlp = load_nlp()
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - t0
    docs = [Document(id=f"voa{i}", key=str(i), text=t, outlet="VOA") for i, t in enumerate(texts)]
    try:
        from parallax.extract.actors import extract_actors
        actors = [extract_actors(s, d) for s, d in zip(parsed, docs)]
    except ImportError:
        actors = [DocActors(d.id) for d in docs]
    t0 = time.perf_counter()
    n_quotes = n_claims = 0
    for sdoc, doc, acts in zip(parsed, docs, actors):
        quotes = extract_quotes(sdoc, doc, acts)
        n_quotes += len(quotes)
        n_claims += len(claims_from_quotes(doc, quotes, sdoc))
    quote_s = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(json.dumps({
        "docs": len(texts), "words": words, "parse_s": round(parse_s, 2), "quotes_s": round(quote_s, 3),
        "ratio_quotes_to_parse": round(quote_s / parse_s, 4), "quotes": n_quotes, "claims": n_claims,
        "quotes_per_doc": round(n_quotes / len(texts), 1), "ms_per_doc": round(1000 * quote_s / len(texts), 2),
    }, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
