"""Bad input: each bad file becomes exactly one IngestError with a reason a person understands; nothing raises."""

from __future__ import annotations

import io
import json
import os
import zlib
from pathlib import Path

import pytest
from ingest_helpers import PARAGRAPHS, page, write_warc

from parallax.ingest import base, sources
from parallax.ingest.base import RawArticle
from parallax.ingest.sources import iter_articles
from parallax.model import IngestError

STORY = "Le maire de Montréal a rencontré la déléguée de São Paulo. Officials in Zürich welcomed the deal."


def read(*paths: Path | str) -> list[RawArticle | IngestError]:
    return list(iter_articles([str(p) for p in paths]))


def one_error(path: Path) -> IngestError:
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    return items[0]


def one_article(path: Path) -> RawArticle:
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n   \n", "only whitespace"),
        ("digits.txt", b"12 345 -- 678 / 90\n", "no letters"),
        ("photo.html", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (PNG image)"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF document"),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100), "ZIP archive"),
        ("noise.txt", os.urandom(4096), "binary file"),
        ("blank.html", b"   \n  ", "whitespace"),
        ("hollow.html", b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>",
         "no readable text"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    error = one_error(f)
    assert reason in error.reason and error.path == str(f.resolve())


@pytest.mark.parametrize(
    "encoding", ["latin-1", "cp1252", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_encodings_decode_accents_correctly(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / f"story-{encoding}.txt"
    f.write_bytes(STORY.encode(encoding))  # "utf-16"/"utf-32" write a BOM; -le/-be write none
    assert one_article(f).text == STORY


def test_cp1252_curly_quotes_and_short_latin1_names(tmp_path: Path) -> None:
    quoted = "The envoy said the deal \u201cwas done\u201d \u2013 and left for Bogotá."
    f = tmp_path / "quotes.txt"
    f.write_bytes(quoted.encode("cp1252"))
    short = tmp_path / "short.txt"
    short.write_bytes("Montréal".encode("latin-1"))
    assert one_article(f).text == quoted
    assert one_article(short).text == "Montréal"


def test_stray_nul_bytes_are_stripped_and_text_kept(tmp_path: Path) -> None:
    f = tmp_path / "damaged.txt"
    f.write_bytes(b"Troops withdrew from\x00 the border town\x00 on Sunday." + b"\x00" * 500)
    art = one_article(f)
    assert art.text == "Troops withdrew from the border town on Sunday."
    assert art.extra["nul_bytes_removed"] == "2"


def test_malformed_html_still_gives_its_text(tmp_path: Path) -> None:
    f = tmp_path / "broken.html"
    f.write_text("<html><body><div class='story'><p>Rescue teams reached the <b>flooded village late on Monday"
                 "<p>Residents said the water rose within an hour<p><i>More rain is forecast", encoding="utf-8")
    art = one_article(f)
    for fragment in ("flooded village late on Monday", "water rose within an hour", "More rain is forecast"):
        assert fragment in art.text
    assert "<" not in art.text


def test_truncated_warc_gz_keeps_records_before_the_cut(tmp_path: Path) -> None:
    pages = [("response", f"https://news.example.com/{n}", "200 OK", page(f"Story {n}").encode()) for n in range(4)]
    data = write_warc(pages, gzip=True)
    members = []  # byte offset where each gzip member (one record) ends
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
        members.append(pos)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: (members[1] + members[2]) // 2])  # cut inside the third record
    items = read(f)
    assert [type(i) for i in items] == [RawArticle, RawArticle, IngestError], items
    urls = [i.url for i in items[:2]]  # type: ignore[union-attr]
    assert urls == ["https://news.example.com/0", "https://news.example.com/1"]
    assert "truncated" in items[2].reason and items[2].locator == "record 3"  # type: ignore[union-attr]


def test_corrupt_gzip_inside_warc_keeps_records_before(tmp_path: Path) -> None:
    pages = [("response", f"https://news.example.com/{n}", "200 OK", page(f"Story {n}").encode()) for n in range(5)]
    data = bytearray(write_warc(pages, gzip=True))
    middle = len(data) // 2
    data[middle : middle + 40] = b"\xff" * 40
    f = tmp_path / "damaged.warc.gz"
    f.write_bytes(bytes(data))
    items = read(f)
    assert all(isinstance(i, RawArticle) for i in items[:-1]) and len(items) >= 2
    assert isinstance(items[-1], IngestError) and "corrupt gzip data" in items[-1].reason
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08" + b"garbage" * 30)
    assert "corrupt gzip data" in one_error(garbage).reason


def test_truncated_plain_warc_reports_the_cut_record(tmp_path: Path) -> None:
    pages = [("response", f"https://news.example.com/{n}", "200 OK", page(f"Story {n}").encode()) for n in range(2)]
    data = write_warc(pages, gzip=False)
    f = tmp_path / "cut.warc"
    f.write_bytes(data[: len(data) - 300])
    items = read(f)
    assert [type(i) for i in items] == [RawArticle, IngestError]
    assert "truncated" in items[1].reason and items[1].locator == "record 2"  # type: ignore[union-attr]


@pytest.mark.parametrize("payload", [b"this is plain text, not gzip, not a web archive " * 20, os.urandom(3000)])
def test_non_gzip_bytes_named_warc_gz(tmp_path: Path, payload: bytes) -> None:
    f = tmp_path / "fake.warc.gz"
    f.write_bytes(payload)
    assert "not a WARC archive" in one_error(f).reason or "not gzip" in one_error(f).reason


def test_gzip_of_something_else_named_warc_gz(tmp_path: Path) -> None:
    f = tmp_path / "notes.warc.gz"
    comp = zlib.compressobj(wbits=31)
    f.write_bytes(comp.compress(b"just some notes, no records here\n" * 10) + comp.flush())
    assert "gzip data that does not contain a WARC" in one_error(f).reason


def test_warc_without_html_pages(tmp_path: Path) -> None:
    f = tmp_path / "images.warc.gz"
    f.write_bytes(write_warc([("response", "https://x.example/a.png", "200 OK;image/png", b"\x89PNG....")]))
    assert "no HTML page responses" in one_error(f).reason


def test_jsonl_broken_and_textless_lines_do_not_stop_the_rest(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(
        json.dumps({"title": "A", "text": "The first story is fine."}) + "\n"
        + '{"title": "B", "text": "cut off in the mid\n'
        + "\n"
        + json.dumps({"title": "C", "summary": "no body field at all"}) + "\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"title": "E", "text": "The last story is fine too."}) + "\n",
        encoding="utf-8",
    )
    items = read(f)
    kinds = [(type(i).__name__, getattr(i, "locator", None) or getattr(i, "key", "").rsplit("#", 1)[-1]) for i in items]
    assert kinds == [("RawArticle", "line=1"), ("IngestError", "line 2"), ("IngestError", "line 4"),
                     ("IngestError", "line 5"), ("RawArticle", "line=6")]
    assert "broken JSON" in items[1].reason  # type: ignore[union-attr]
    assert "no text field" in items[2].reason and "not an object" in items[3].reason  # type: ignore[union-attr]


def test_invalid_json_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.json"
    f.write_text('[{"text": "unterminated", ')
    assert "invalid JSON" in one_error(f).reason


def test_file_over_size_limit_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_FILE_BYTES", 1000)
    f = tmp_path / "huge.txt"
    f.write_text(" ".join(PARAGRAPHS) * 20)
    assert "file too large" in one_error(f).reason


def test_jsonl_record_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_RECORD_BYTES", 200)
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"text": "x " * 500}) + "\n" + json.dumps({"text": "Small story."}) + "\n")
    items = read(f)
    assert isinstance(items[0], IngestError) and "larger than" in items[0].reason and items[0].locator == "line 1"
    assert isinstance(items[1], RawArticle) and items[1].key.endswith("#line=2")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("A story nobody may read.")

    def deny(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "open", deny, raising=False)  # root ignores chmod; simulate the denial
    assert "permission denied" in one_error(f).reason


def test_missing_path_and_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    items = read(tmp_path / "nope.txt", fifo)
    assert [i.reason for i in items] == ["no such file or directory",  # type: ignore[union-attr]
                                         "not a regular file (device, pipe or socket)"]


def test_unexpected_reader_crash_becomes_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kw: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(sources, "read_text", boom)
    f = tmp_path / "a.txt"
    f.write_text("A perfectly normal story.")
    error = one_error(f)
    assert error.reason == "unexpected error reading file: RuntimeError: parser exploded"


def test_stdin_binary_and_empty() -> None:
    png = list(iter_articles(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")))
    empty = list(iter_articles(["-"], stdin=io.BytesIO(b"")))
    assert len(png) == 1 and "PNG image" in png[0].reason  # type: ignore[union-attr]
    assert len(empty) == 1 and "empty" in empty[0].reason  # type: ignore[union-attr]


def test_a_folder_of_everything_bad_never_raises(tmp_path: Path) -> None:
    bad = {
        "a.txt": b"", "b.html": b"\x89PNG\r\n\x1a\n\x00\x00", "c.jsonl": b"{{{\n", "d.warc.gz": b"\x1f\x8b\x08garbage",
        "e.xml": b"<?xml version='1.0'?><rss><channel></channel></rss>", "f.json": b"{}", "g.txt": os.urandom(512),
        "h.html": b"<html><body><p>Unclosed <div><p>tags everywhere about the summit", "i.rss": b"<rss><item>",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    items = read(tmp_path)
    paths = [Path(i.path).name for i in items]
    assert paths == sorted(bad)  # exactly one item per file, in order
    good = [i for i in items if isinstance(i, RawArticle)]
    assert [Path(g.path).name for g in good] == ["h.html"]
    assert all(i.reason for i in items if isinstance(i, IngestError))


@pytest.mark.parametrize("depth", [300, 1500, 5000])
def test_deeply_nested_html_keeps_its_article(tmp_path: Path, depth: int) -> None:
    """Real pages nest deeply; libxml2 stops at 256 levels (2,048 with huge_tree) and would drop the rest."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    markup = (f"<html><head><title>Border talks</title><script>var tracker = 1;</script></head><body>"
              + "<div>" * depth + body + "</div>" * depth + "</body></html>")
    f = tmp_path / "deep.html"
    f.write_text(markup, encoding="utf-8")
    article = one_article(f)
    assert all(p in article.text for p in PARAGRAPHS)
    assert "tracker" not in article.text and article.title == "Border talks"


def test_a_page_with_nothing_to_read_says_why(tmp_path: Path) -> None:
    f = tmp_path / "menu.html"
    f.write_text("<html><body><script>x()</script><style>p{}</style><div> </div></body></html>",
                 encoding="utf-8")
    reason = one_error(f).reason
    assert "no readable text" in reason and "outside scripts" in reason
