"""Bad input: a pile of hostile files among ordinary articles, analysed as a user would, and what it costs.

    PYTHONPATH=src python benchmarks/bench_bad_input.py [--articles 20] [--long-chars 1100000]

Every step runs in a fresh process (``_common.run_step``). The pile holds one file of each hostile kind the
README promises to survive: empty, whitespace, binary (PNG, random bytes, PDF, ZIP), mis-encoded (Latin-1,
UTF-16), broken HTML, HTML nested 300 and 5,000 levels deep, a truncated WARC.gz, a JSONL file with a broken
line, a file name carrying terminal escapes, a non-English article, byte-identical copies of a near
duplicate, a symlink loop, and a text longer than spaCy accepts (``--long-chars``, over its 1,000,000).

Steps, each measured in the same run:

- **clean**: ``pipeline.run`` on the ordinary articles alone (the reference);
- **hostile**: the same articles plus every hostile file, into a fresh store;
- **again**: the same command on the same store (must change nothing);
- **after**: five new ordinary articles into that store (a poisoned store would fail here);
- **long, bare spaCy**: ``nlp.pipe`` over the long text's pieces, the least any parse of it costs.

Reported: what happened to each hostile file (its error reason, or what its analysis found), each step's
seconds and peak RSS, and the ratios hostile/clean and long-document analysis/bare parse.
Results go to ``benchmarks/results/bad_input.json`` and ``bad_input.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from _common import OUT, VOA, Timer, run_step, save_results, table

LINE = "Chile met Peru over item {} on Monday, officials said.\n"
ESCAPED_NAME = "report\x1b[2J\x07.txt"


def _articles(n: int, skip: int = 0) -> list[dict[str, Any]]:
    out = []
    with open(VOA, encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i < skip:
                continue
            if len(out) >= n:
                break
            out.append(json.loads(line))
    return out


def _write_articles(folder: Path, rows: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for r in rows:
        (folder / f"{r['id']}.json").write_text(json.dumps(
            {k: r[k] for k in ("title", "url", "published", "text")}), encoding="utf-8")


def build_hostile(folder: Path, long_chars: int, spares: list[dict[str, Any]]) -> dict[str, str]:
    """Write one file of each hostile kind; returns file name -> the kind it stands for. Files that should be
    read carry different articles of ``spares`` (six at least), so none is a mere duplicate of another."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, str] = {}

    def put(name: str, data: bytes | str, kind: str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        kinds[name] = kind

    put("empty.txt", b"", "empty file")
    put("blank.txt", b"  \n\t\n", "whitespace only")
    put("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary (PNG)")
    put("noise.txt", os.urandom(4096), "random bytes")
    put("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF")
    put("archive.txt", b"PK\x03\x04" + bytes(200), "ZIP")
    base = spares[0]
    body = base["text"]
    put("latin1.txt", (spares[1]["title"] + "\n\n" + spares[1]["text"].replace("e", "\u00e9", 3)).encode(
        "latin-1", "replace"), "Latin-1 bytes")
    put("utf16.txt", ("\ufeff" + spares[2]["title"] + "\n\n" + spares[2]["text"]).encode("utf-16-le"),
        "UTF-16 with BOM")
    put("broken.html", "<html><body><p>" + spares[3]["text"][:2000] + "<div><span></p></table>", "malformed HTML")
    for depth, art in ((300, spares[4]), (5000, spares[5])):
        paras = "".join(f"<p>{p}</p>" for p in art["text"].split("\n\n")[:6] if p.strip())
        put(f"nested{depth}.html", f"<html><head><title>{art['title']}</title></head><body>" + "<div>" * depth
            + paras + "</div>" * depth + "</body></html>", f"HTML nested {depth} deep")
    warc = _warc(base)
    put("cut.warc.gz", warc[: len(warc) * 2 // 3], "truncated WARC.gz")
    put("lines.jsonl", json.dumps({"title": "ok", "text": body}) + "\n{broken json\n", "JSONL with a broken line")
    put(ESCAPED_NAME, b"", "terminal escapes in the file name")
    put("french.txt", "Le gouvernement a annonc\u00e9 lundi un nouvel accord commercial avec ses voisins. "
        "Les ministres se retrouveront \u00e0 Paris le mois prochain pour en discuter les d\u00e9tails.", "not English")
    edited = body.replace(".", ". Officials confirmed this.", 1)
    put("copy_a.txt", base["title"] + "\n\n" + body, "original of a copy")
    put("copy_b.txt", base["title"] + "\n\n" + edited, "near duplicate")
    put("copy_c.txt", base["title"] + "\n\n" + edited, "exact copy of the near duplicate")
    lines = (long_chars // len(LINE.format(0))) + 1
    put("long.txt", "".join(LINE.format(i) for i in range(lines)), f"text of {long_chars:,}+ characters")
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    kinds["loop/self"] = "symlink loop"
    return kinds


def _warc(base: dict[str, Any]) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(3):  # three different stories, so the two records before the cut are two documents
        text = " ".join(base["text"].split(". ")[i::3])
        page = f"<html><head><title>{base['title']} {i}</title></head><body><p>{text}</p></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example.org/{i}", "response",
                                                      payload=io.BytesIO(page.encode()), http_headers=http))
    return buf.getvalue()


# --- steps (each runs in its own process) -------------------------------------------------------------------

def analyse_step(paths: list[str], db: str) -> dict[str, Any]:
    from parallax.pipeline import run

    with Timer() as t:
        s = run(paths, db)
    return {"seconds": t.seconds, "read": s.read, "analysed": s.analysed, "errors": s.errors,
            "analysis_errors": s.analysis_errors, "exact_duplicates": s.exact_duplicates,
            "near_duplicates": s.near_duplicates, "non_english": s.non_english, "documents": s.documents,
            "events": s.events, "changes": s.changes, "link_skipped": s.link_skipped}


def outcome_step(db: str, folder: str) -> dict[str, Any]:
    """What became of each hostile file: its errors, or its document's analysis."""
    from parallax.store import Store

    out: dict[str, list[str]] = {}
    with Store(db, read_only=True) as store:
        for r in store.rows("SELECT path, reason FROM errors"):
            if r["path"].startswith(folder):
                out.setdefault(os.path.relpath(r["path"], folder), []).append("refused: " + r["reason"])
        story = store.load_story()
    events: dict[str, int] = {}
    for e in story.events:
        events[e.doc] = events.get(e.doc, 0) + 1
    for d in story.documents:
        if d.path and d.path.startswith(folder):
            name = os.path.relpath(d.path, folder)
            if d.duplicate_of:
                what = f"{d.duplicate_kind} duplicate of {os.path.basename(_path(story, d.duplicate_of))}"
            elif d.language != "en":
                what = f"stored, language {d.language}, not analysed"
            else:
                what = f"analysed: {len(d.text):,} characters, {events.get(d.id, 0)} events"
            out.setdefault(name, []).append(what)
    return {"outcomes": out}


def _path(story, doc_id: str) -> str:
    return next((d.path or d.id for d in story.documents if d.id == doc_id), doc_id)


def bare_long_step(path: str) -> dict[str, Any]:
    from parallax.language.nlp import PIECE_BATCH, PIECE_CHARS, load_nlp, pieces

    text = Path(path).read_text(encoding="utf-8")
    nlp = load_nlp()
    with Timer() as t:
        tokens = sum(len(d) for d in nlp.pipe(pieces(text, PIECE_CHARS), batch_size=PIECE_BATCH))
    return {"seconds": t.seconds, "chars": len(text), "tokens": tokens}


def long_only_step(path: str, db: str) -> dict[str, Any]:
    return analyse_step([path], db)


# --- driver --------------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--long-chars", type=int, default=1_100_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bad-input-", dir=OUT if OUT.exists() else None))
    try:
        rows_in = _articles(args.articles + 11)
        clean, more, hostile = work / "clean", work / "more", work / "hostile"
        _write_articles(clean, rows_in[:args.articles])
        _write_articles(more, rows_in[args.articles:args.articles + 5])
        kinds = build_hostile(hostile, args.long_chars, rows_in[args.articles + 5:])
        steps: list[dict[str, Any]] = []
        ref = run_step("bench_bad_input:analyse_step", paths=[str(clean)], db=str(work / "clean.duckdb"))
        steps.append({"step": "clean articles alone", **ref})
        db = str(work / "hostile.duckdb")
        bad = run_step("bench_bad_input:analyse_step", paths=[str(clean), str(hostile)], db=db)
        steps.append({"step": "same + hostile pile", **bad})
        again = run_step("bench_bad_input:analyse_step", paths=[str(clean), str(hostile)], db=db)
        steps.append({"step": "same command again", **again})
        after = run_step("bench_bad_input:analyse_step", paths=[str(more)], db=db)
        steps.append({"step": "5 new articles after", **after})
        outcomes = run_step("bench_bad_input:outcome_step", db=db, folder=str(hostile))["outcomes"]
        long_bare = run_step("bench_bad_input:bare_long_step", path=str(hostile / "long.txt"))
        steps.append({"step": "long text: bare spaCy on its pieces", **long_bare})
        long_run = run_step("bench_bad_input:long_only_step", path=str(hostile / "long.txt"),
                            db=str(work / "long.duckdb"))
        steps.append({"step": "long text: parallax analyze alone", **long_run})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = [{"file": name.encode("unicode_escape").decode("ascii"), "kind": kind,
              "outcome": "; ".join(outcomes.get(name, ["(not reached: skipped while reading)"]))}
             for name, kind in kinds.items()]
    ratios = {"hostile_over_clean": round(bad["seconds"] / ref["seconds"], 2),
              "long_analysis_over_bare_parse": round(long_run["seconds"] / long_bare["seconds"], 2)}
    md = [f"# Bad input ({args.articles} ordinary VOA articles + {len(kinds)} hostile files)", "",
          table(steps, [("step", "step", ""), ("seconds", "seconds", ".1f"), ("read", "read", "d"),
                        ("analysed", "analysed", "d"), ("errors", "refused", "d"),
                        ("analysis_errors", "analysis errors", "d"), ("exact_duplicates", "exact dup", "d"),
                        ("near_duplicates", "near dup", "d"), ("documents", "docs in store", "d"),
                        ("events", "events", "d"), ("changes", "changes", "d"),
                        ("peak_rss_mb", "peak RSS MB", ".0f")]), "",
          f"Ratios measured in this run: hostile pile / clean = **{ratios['hostile_over_clean']}**; long text "
          f"analysed by Parallax / bare spaCy parse of the same pieces = **{ratios['long_analysis_over_bare_parse']}**.",
          "", "## What became of each hostile file", "",
          table(files, [("file", "file", ""), ("kind", "kind", ""), ("outcome", "outcome", "")])]
    save_results("bad_input", {"articles": args.articles, "long_chars": args.long_chars, "ratios": ratios},
                 [*steps, *files], "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
