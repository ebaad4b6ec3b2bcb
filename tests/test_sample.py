"""The bundled sample corpus is intact and its answer key (tests/fixtures/sample_key.json) matches it exactly."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "parallax" / "sample" / "corpus"
KEY = json.loads((ROOT / "tests" / "fixtures" / "sample_key.json").read_text(encoding="utf-8"))
DOCS = {d["id"]: d for d in KEY["documents"]}


def _container_texts(path: Path, fmt: str) -> dict[str, str]:
    """Article text of each record in a container, by the ingest key suffix ('#line=N' etc.)."""
    if fmt == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return {f"#line={i}": json.loads(line)["text"] for i, line in enumerate(lines, 1)}
    if fmt == "feed":
        feed = feedparser.parse(str(path))
        assert not feed.bozo, feed.get("bozo_exception")
        return {f"#entry={i}": e.content[0].value for i, e in enumerate(feed.entries, 1)}
    if fmt == "warc":
        out: dict[str, str] = {}
        with path.open("rb") as stream:
            for i, record in enumerate(ArchiveIterator(stream), 1):
                if record.rec_type == "response":
                    out[f"#record={i}"] = record.content_stream().read().decode("utf-8")
        return out
    raise AssertionError(fmt)


def _doc_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for doc in KEY["documents"]:
        path = CORPUS / doc["file"]
        if doc["part"] is None:
            texts[doc["id"]] = path.read_text(encoding="utf-8")
        else:
            texts[doc["id"]] = _container_texts(path, doc["format"])[doc["part"]]
    return texts


TEXTS = _doc_texts()


def _located_strings() -> list[tuple[str, str, str]]:
    """(where in the key, doc id, text) for every string the key says occurs in a document."""
    found: list[tuple[str, str, str]] = []
    for section in ("junk", "events", "quotes", "relative_dates"):
        for i, item in enumerate(KEY[section]):
            found.append((f"{section}[{i}]", item["doc"], item["text"]))
    for person in KEY["people"]:
        for group in ("mentions", "variants", "conflicting_office"):
            for item in person.get(group, []):
                found.append((f"people/{person['name']}/{group}", item["doc"], item["text"]))
    for claim in KEY["claims"]:
        for item in claim["mentions"]:
            found.append((f"claims/{claim['id']}", item["doc"], item["text"]))
    for con in KEY["contradictions"]:
        for side in con["sides"]:
            for item in side["evidence"]:
                found.append((f"contradictions/{con['id']}", item["doc"], item["text"]))
    return found


def test_every_file_in_the_key_exists_and_every_corpus_file_is_in_the_key():
    listed = {d["file"] for d in KEY["documents"]} | {e["file"] for e in KEY["errors"]}
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    assert listed == on_disk


@pytest.mark.parametrize("where,doc,text", _located_strings())
def test_key_strings_occur_in_their_documents(where, doc, text):
    assert doc in DOCS, f"{where}: unknown document {doc}"
    assert text in TEXTS[doc], f"{where}: {text!r} not in {doc}"


def test_key_references_are_consistent():
    names = {p["name"] for p in KEY["people"]}
    for quote in KEY["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in names
        assert quote["anonymous"] == (quote["speaker"] is None and "affiliation" in quote)
    for event in KEY["events"]:
        assert event["type"] in _plover_types() and event["mode"] in _modes()
    modes = {e["mode"] for e in KEY["events"]}
    assert modes == set(_modes()), "every event mode is planted at least once"
    for doc in KEY["documents"]:
        assert doc["duplicate_of"] is None or DOCS[doc["duplicate_of"]]["duplicate_of"] is None
    assert {d["url"] for d in KEY["documents"] if d["url"]}.__len__() == sum(1 for d in KEY["documents"] if d["url"])


def _plover_types() -> tuple[str, ...]:
    from parallax.model import PLOVER_TYPES

    return PLOVER_TYPES


def _modes() -> tuple[str, ...]:
    from parallax.model import EVENT_MODES

    return EVENT_MODES


def test_metadata_in_the_key_matches_the_containers():
    for doc in KEY["documents"]:
        text = TEXTS[doc["id"]] if doc["format"] in ("html", "warc") else (CORPUS / doc["file"]).read_text("utf-8")
        if doc["url"] and doc["format"] != "feed":
            assert doc["url"] in text, doc["id"]
        assert doc["published_text"] in text, doc["id"]


def _shingles(text: str, k: int = 5) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def test_duplicates_are_what_the_key_says():
    for doc in KEY["documents"]:
        if doc["duplicate_kind"] == "exact":
            assert TEXTS[doc["id"]] == TEXTS[doc["duplicate_of"]]
        elif doc["duplicate_kind"] == "near":
            a, b = _shingles(TEXTS[doc["id"]]), _shingles(TEXTS[doc["duplicate_of"]])
            jaccard = len(a & b) / len(a | b)
            assert 0.75 < jaccard < 1.0, jaccard
    originals = [d for d in KEY["documents"] if d["duplicate_of"] is None]
    for i, a in enumerate(originals):  # no two originals are near-copies of each other
        for b in originals[i + 1:]:
            sa, sb = _shingles(TEXTS[a["id"]]), _shingles(TEXTS[b["id"]])
            assert len(sa & sb) / len(sa | sb) < 0.2, (a["id"], b["id"])


def test_article_lengths_are_news_sized():
    for doc_id, text in TEXTS.items():
        plain = re.sub(r"<[^>]+>", " ", text)
        if DOCS[doc_id]["format"] == "html":
            plain = " ".join(re.findall(r"<p>(.*?)</p>", text, re.S))
        words = len(plain.split())
        assert 150 <= words <= 450, (doc_id, words)


def test_containers_parse_with_their_libraries():
    assert len(_container_texts(CORPUS / "wire/fisheries_wire.jsonl", "jsonl")) == 2
    for line in (CORPUS / "wire/fisheries_wire.jsonl").read_text("utf-8").splitlines():
        assert {"id", "url", "title", "published", "text", "source"} <= json.loads(line).keys()
    assert len(_container_texts(CORPUS / "feeds/south_atlantic_monitor.xml", "feed")) == 2
    warc = CORPUS / "archive/crawl-2025-03.warc.gz"
    assert len(_container_texts(warc, "warc")) == 2
    assert warc.stat().st_size < 20_000
    gzip.decompress(warc.read_bytes())  # every member is valid gzip


def test_junk_and_foreign_files_are_as_described():
    junk = (CORPUS / KEY["errors"][0]["file"]).read_bytes()
    assert junk.startswith(b"\x89PNG\r\n\x1a\n")
    spanish = [d for d in KEY["documents"] if d["language"] != "en"]
    assert [d["language"] for d in spanish] == ["es"]
    import py3langid

    assert py3langid.classify(TEXTS[spanish[0]["id"]])[0] == "es"


def test_build_sample_regenerates_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "src/parallax/sample/build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for written in module.build(tmp_path):
        rel = written.relative_to(tmp_path)
        assert written.read_bytes() == (CORPUS / rel).read_bytes(), f"{rel} is stale: run build_sample.py"
