"""Large synthetic corpora from the VOA stories: JSONL for scale runs, CC-NEWS-style WARC.gz for streaming.

    python benchmarks/build_warc.py --size-mb 1024 --out benchmarks/out/ccnews-1g.warc.gz
    python benchmarks/build_warc.py --docs 50000 --jsonl benchmarks/out/synth-50k.jsonl

No two synthetic documents are exact or near duplicates (which dedup would skip): document ``i`` mixes
passages (runs of four sentences) drawn from several different VOA stories with its own random generator,
and every number in it is redrawn. Titles, outlets and dates vary too.

The WARC is laid out like a CC-NEWS file: a ``warcinfo`` record, then for each article a ``request``, a
``response`` (HTTP 200, text/html) and a ``metadata`` record, each its own gzip member (WARCWriter). Every
``--junk-every`` articles a non-HTML response (an image) and a 404 page are added, and every
``--corrupt-every`` articles one record is written with damaged compressed bytes, so a reader must report
it and go on.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

try:
    from _common import VOA
    from build_corpus import load_stories, page
except ImportError:  # imported as benchmarks.build_warc
    from benchmarks._common import VOA
    from benchmarks.build_corpus import load_stories, page

_SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"\d+")
OUTLETS = ("Voice of America", "Harbour Courier", "Plains Gazette", "Delta Herald", "Northern Wire", "Coast Times")
PASSAGE = 4  # sentences


def passages(stories: list[dict[str, Any]]) -> list[list[str]]:
    """Each story's text as runs of PASSAGE sentences."""
    out = []
    for s in stories:
        sents = _SENTENCE_END.split(s["text"].strip())
        out.append([" ".join(sents[j:j + PASSAGE]) for j in range(0, len(sents), PASSAGE)])
    return out


def synth_docs(n: int, *, seed: int = 0, start: int = 0, source: Path = VOA) -> Iterator[dict[str, str]]:
    """Documents ``start .. start+n-1``: deterministic per index, distinct from one another."""
    stories = load_stories(source)
    chunks = passages(stories)
    for i in range(start, start + n):
        rng = random.Random(f"{seed}:{i}")
        lead = rng.randrange(len(stories))
        picked = rng.sample(chunks[lead], k=min(len(chunks[lead]), rng.randint(2, 4)))
        while sum(len(p.split()) for p in picked) < 550:  # ~ a VOA article's length
            other = chunks[rng.randrange(len(chunks))]
            picked.append(other[rng.randrange(len(other))])
        text = _NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 1,
                                                     10 ** len(m.group()) - 1)), "\n\n".join(picked))
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        yield {"id": f"synth-{i:07d}", "url": f"https://news{i % 97}.example.org/{lead}/{i}.html",
               "title": f"{stories[lead]['title']} ({rng.choice(('update', 'analysis', 'report', 'explainer'))} {i})",
               "published": f"2025-{month:02d}-{day:02d}", "source": OUTLETS[i % len(OUTLETS)], "text": text}


def write_jsonl(path: Path, n: int, seed: int = 0, start: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for doc in synth_docs(n, seed=seed, start=start):
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def _record(writer: WARCWriter, kind: str, url: str, payload: bytes, http: StatusAndHeaders | None = None,
            content_type: str | None = None) -> None:
    rec = writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=http,
                                    warc_content_type=content_type)
    writer.write_record(rec)


def _damaged(url: str, body: bytes) -> bytes:
    """One response record as a gzip member with bytes in the middle of its deflate data overwritten."""
    buf = io.BytesIO()
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    _record(WARCWriter(buf, gzip=True), "response", url, body, http)
    data = bytearray(buf.getvalue())
    mid = len(data) // 2
    data[mid:mid + 24] = b"\xff" * 24
    return bytes(data)


def write_warc(path: Path, *, size_mb: float | None = None, docs: int | None = None, seed: int = 0,
               junk_every: int = 50, corrupt_every: int = 500) -> dict[str, Any]:
    """Write the WARC.gz until ``size_mb`` (compressed) or ``docs`` articles; returns what it holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    limit = size_mb * 2**20 if size_mb else None
    counts = {"articles": 0, "junk": 0, "corrupt": 0}
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "parallax build_warc.py", "format": "WARC/1.0"})
        writer.write_record(info)
        for i, doc in enumerate(synth_docs(10**9, seed=seed)):
            if (limit and handle.tell() >= limit) or (docs is not None and counts["articles"] >= docs):
                break
            url = doc["url"]
            req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", url.split('/')[2])], is_http_request=True)
            _record(writer, "request", url, b"", req)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            _record(writer, "response", url, page(doc), http)
            _record(writer, "metadata", url, b"fetchTimeMs: 120\n", content_type="application/warc-fields")
            counts["articles"] += 1
            if junk_every and i % junk_every == junk_every - 1:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                _record(writer, "response", url.replace(".html", ".jpg"), b"\xff\xd8\xff" + b"\0" * 2000, img)
                gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                _record(writer, "response", url + "?gone", b"<html><body>Not found</body></html>", gone)
                counts["junk"] += 2
            if corrupt_every and i % corrupt_every == corrupt_every - 1:
                handle.write(_damaged(url + "?damaged", page(doc)))
                counts["corrupt"] += 1
    return {"path": str(path), "bytes": path.stat().st_size, **counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, help="stop the WARC.gz at about this many MB (compressed)")
    ap.add_argument("--docs", type=int, help="number of articles")
    ap.add_argument("--out", type=Path, help="WARC.gz to write")
    ap.add_argument("--jsonl", type=Path, help="write JSONL here instead of a WARC")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corrupt-every", type=int, default=500)
    args = ap.parse_args()
    if args.jsonl:
        write_jsonl(args.jsonl, args.docs or 1000, seed=args.seed)
        print(json.dumps({"path": str(args.jsonl), "bytes": args.jsonl.stat().st_size}))
        return
    if not args.out or not (args.size_mb or args.docs):
        ap.error("give --out with --size-mb or --docs (or --jsonl with --docs)")
    print(json.dumps(write_warc(args.out, size_mb=args.size_mb, docs=args.docs, seed=args.seed,
                                corrupt_every=args.corrupt_every)))


if __name__ == "__main__":
    main()
