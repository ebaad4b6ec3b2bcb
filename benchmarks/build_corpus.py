"""Build a benchmark corpus of N documents in three forms from the 89 VOA stories in shared/data.

    python benchmarks/build_corpus.py [--docs 5000] [--out benchmarks/out/corpus-5000]

Document ``i`` is VOA story ``i % 89``, copy ``k = i // 89``. Copy 0 is the story as published; every later
copy gets one deterministic change so that no two documents are exact duplicates: the sentence
``"This report was revised (revision k)."`` is appended to the text and ``" (revision k)"`` to the title, and
the URL gets ``?rev=k``. Copies of one story therefore stay *near* duplicates of each other (≈ 0.97 shingle
Jaccard) — realistic for a news crawl, and it keeps the near-duplicate index on its normal path (each query
meets one original), while the exact-duplicate lookup never short-circuits the cleaning of a document.

The same N documents are written three times, so the three forms are directly comparable:

- ``text/NNNNN.txt`` — title, blank line, body (UTF-8), one file per document;
- ``corpus.jsonl`` — one JSON object a line: id, url, title, published, source, text;
- ``corpus.warc.gz`` — one gzip-compressed WARC ``response`` record a document, the text wrapped in a small
  HTML page (title, og:site_name, article:published_time, canonical link, paragraphs of five sentences).

A ``manifest.json`` records N and the sizes, so ``bench_ingest.py`` reuses a corpus that is already built.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

try:
    from _common import OUT, VOA
except ImportError:  # imported as benchmarks.build_corpus
    from benchmarks._common import OUT, VOA

_SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")  # rough: only to cut paragraphs


def load_stories(path: Path = VOA) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def variant(story: dict[str, Any], i: int, n_stories: int) -> dict[str, str]:
    """Document ``i``: its story, made distinct from the other copies by one small deterministic change."""
    copy = i // n_stories
    text, title, url = story["text"].strip(), story["title"].strip(), story["url"]
    if copy:
        text = f"{text}\n\nThis report was revised (revision {copy})."
        title = f"{title} (revision {copy})"
        url = f"{url}?rev={copy}"
    return {"id": f"voa-{i:06d}", "url": url, "title": title, "published": story["published"],
            "source": "Voice of America", "text": text}


def page(doc: dict[str, str]) -> bytes:
    """A plain article page around the text: enough structure for an extractor, no boilerplate maze."""
    sentences = _SENTENCE_END.split(doc["text"])
    paras = [" ".join(sentences[j:j + 5]) for j in range(0, len(sentences), 5)]
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{esc(doc['title'])}</title>"
        f"<meta property=\"og:site_name\" content=\"{esc(doc['source'])}\">"
        f"<meta property=\"article:published_time\" content=\"{esc(doc['published'])}\">"
        f"<link rel=\"canonical\" href=\"{esc(doc['url'])}\"></head>\n"
        f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
        f"<article><h1>{esc(doc['title'])}</h1>\n{body}\n</article>\n"
        "<footer>Public domain. Produced by the US government.</footer></body></html>\n"
    ).encode("utf-8")


def build(n_docs: int, out: Path, source: Path = VOA) -> dict[str, Any]:
    """Write the three forms of an ``n_docs`` corpus under ``out``; returns the manifest (paths, sizes)."""
    stories = load_stories(source)
    docs = [variant(stories[i % len(stories)], i, len(stories)) for i in range(n_docs)]
    text_dir = out / "text"
    text_dir.mkdir(parents=True, exist_ok=True)
    for old in text_dir.glob("*.txt"):
        old.unlink()
    for i, doc in enumerate(docs):
        (text_dir / f"{i:05d}.txt").write_text(f"{doc['title']}\n\n{doc['text']}\n", encoding="utf-8")
    jsonl = out / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    warc = out / "corpus.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for doc in docs:
            payload = page(doc)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(doc["url"], "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
    manifest = {
        "docs": n_docs,
        "stories": len(stories),
        "source": str(source),
        "text": {"path": str(text_dir), "bytes": sum(p.stat().st_size for p in text_dir.glob("*.txt"))},
        "jsonl": {"path": str(jsonl), "bytes": jsonl.stat().st_size},
        "warc": {"path": str(warc), "bytes": warc.stat().st_size},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def ensure(n_docs: int, out: Path | None = None, rebuild: bool = False) -> dict[str, Any]:
    """The manifest of an ``n_docs`` corpus, building it only if it is missing or of another size."""
    out = out or OUT / f"corpus-{n_docs}"
    manifest_path = out / "manifest.json"
    if not rebuild and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("docs") == n_docs and all(Path(manifest[f]["path"]).exists() for f in ("text", "jsonl", "warc")):
            return manifest
    return build(n_docs, out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--out", type=Path, default=None, help="default: benchmarks/out/corpus-N")
    args = ap.parse_args()
    manifest = build(args.docs, args.out or OUT / f"corpus-{args.docs}")
    for form in ("text", "jsonl", "warc"):
        print(f"{form:<6}{manifest[form]['bytes'] / 1e6:>9.1f} MB  {manifest[form]['path']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
