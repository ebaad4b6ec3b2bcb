"""Good inputs of every format become exactly one article each, with the right text, metadata and key."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from ingest_helpers import PARAGRAPHS, page, write_warc

from parallax.ingest.base import RawArticle
from parallax.ingest.sources import count_inputs, iter_articles, sniff
from parallax.model import IngestError


def articles(*paths: Path | str, stdin: io.BytesIO | None = None) -> list[RawArticle | IngestError]:
    return list(iter_articles([str(p) for p in paths], stdin=stdin))


def only_article(*paths: Path | str) -> RawArticle:
    items = articles(*paths)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


def test_plain_text_is_one_article_keyed_by_absolute_path(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text("\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    art = only_article(f)
    assert art.key == str(f.resolve()) and art.path == str(f.resolve())
    assert art.format == "text"
    assert art.text == "\n".join(PARAGRAPHS)


def test_html_body_metadata_and_paragraph_breaks(tmp_path: Path) -> None:
    head = ("<link rel='canonical' href='https://news.example.com/world/talks'>"
            "<meta property='og:site_name' content='Example Herald'>"
            "<meta name='author' content='Maria Okafor'>"
            "<meta property='article:published_time' content='2024-03-05T08:00:00Z'>")
    f = tmp_path / "talks.html"
    f.write_text(page("Border talks resume in Vienna", head=head), encoding="utf-8")
    art = only_article(f)
    assert art.format == "html"
    assert art.text == "\n\n".join(PARAGRAPHS)  # nav, footer and the repeated <h1> title are gone
    assert art.title == "Border talks resume in Vienna"
    assert art.url == "https://news.example.com/world/talks"
    assert art.site == "Example Herald"
    assert art.author == "Maria Okafor"
    assert art.published and art.published.startswith("2024-03-05")


def test_html_saved_as_txt_is_sniffed_as_html(tmp_path: Path) -> None:
    f = tmp_path / "saved_page.txt"
    f.write_text(page("Ceasefire holds"), encoding="utf-8")
    art = only_article(f)
    assert art.format == "html" and "<p>" not in art.text and PARAGRAPHS[1] in art.text


def test_jsonl_common_field_names_and_html_text(tmp_path: Path) -> None:
    rows = [
        {"headline": "Port reopens", "content": "The northern port reopened on Monday after a week of strikes.",
         "link": "https://a.example/port", "date_publish": "2024-02-01", "authors": ["Ann Lee", "Raj Patel"],
         "publisher": "Coastal Times"},
        {"title": "Aid convoy arrives", "body": "<p>The convoy crossed at dawn.</p><p>Officials counted "
         "forty trucks.</p>", "url": "https://b.example/aid", "byline": "Staff"},
        {"title": "Vote delayed", "text": "Parliament postponed the vote until Friday.", "source": "Wire"},
    ]
    f = tmp_path / "dump.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = articles(f)
    assert all(isinstance(i, RawArticle) for i in items) and len(items) == 3
    first, second, third = items  # type: ignore[misc]
    assert first.key == f"{f.resolve()}#line=1" and third.key.endswith("#line=3")
    assert (first.title, first.url, first.published, first.site) == (
        "Port reopens", "https://a.example/port", "2024-02-01", "Coastal Times")
    assert first.author == "Ann Lee, Raj Patel"
    assert second.text == "The convoy crossed at dawn.\n\nOfficials counted forty trucks."
    assert second.author == "Staff" and third.site == "Wire"


def test_json_array_and_wrapped_object(tmp_path: Path) -> None:
    arr = tmp_path / "batch.json"
    arr.write_text(json.dumps([{"title": "One", "text": "First story about the summit in Oslo."},
                               {"title": "Two", "text": "Second story about the trade deal."}], indent=2))
    wrapped = tmp_path / "api.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [
        {"title": "Three", "description": "x", "content": "Third story on the election recount."}]}, indent=2))
    items = articles(arr, wrapped)
    assert [i.title for i in items] == ["One", "Two", "Three"]  # type: ignore[union-attr]
    assert items[1].key == f"{arr.resolve()}#record=2"  # type: ignore[union-attr]
    assert items[2].text == "Third story on the election recount."  # type: ignore[union-attr]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>World Desk</title>
<link>https://desk.example.org</link>
<item><title>Ministers meet in Oslo</title><link>https://desk.example.org/oslo</link>
<pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>The ministers met in Oslo on Tuesday.</p><p>They agreed to meet again in May.</p>]]>
</content:encoded></item>
<item><title>Floods recede</title><link>https://desk.example.org/floods</link>
<description>Water levels in the delta fell for a third day, the agency said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<id>urn:wire</id><updated>2024-03-01T12:00:00Z</updated>
<entry><title>Talks stall</title><link href="https://wire.example.net/talks"/><id>urn:1</id>
<published>2024-03-01T09:00:00Z</published><updated>2024-03-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Talks stalled over the weekend.&lt;/p&gt;
&lt;p&gt;Both sides blamed the other.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_entries_use_content_then_summary(tmp_path: Path) -> None:
    f = tmp_path / "desk.xml"
    f.write_text(RSS, encoding="utf-8")
    items = articles(f)
    assert len(items) == 2 and all(isinstance(i, RawArticle) for i in items)
    full, teaser = items  # type: ignore[misc]
    assert full.text == "The ministers met in Oslo on Tuesday.\n\nThey agreed to meet again in May."
    assert full.extra["feed_text"] == "content" and teaser.extra["feed_text"] == "summary"
    assert (full.url, full.site, full.format) == ("https://desk.example.org/oslo", "World Desk", "feed")
    assert full.published == "Tue, 02 Apr 2024 10:00:00 GMT"
    assert full.key == f"{f.resolve()}#entry=1" and teaser.key.endswith("#entry=2")
    assert teaser.text.startswith("Water levels in the delta")


def test_atom_feed_without_extension(tmp_path: Path) -> None:
    f = tmp_path / "wire"
    f.write_text(ATOM, encoding="utf-8")
    art = only_article(f)
    assert art.text == "Talks stalled over the weekend.\n\nBoth sides blamed the other."
    assert art.title == "Talks stall" and art.url == "https://wire.example.net/talks"
    assert art.published == "2024-03-01T09:00:00Z" and art.extra["date_source"] == "feed"


def _crawl() -> list[tuple[str, str, str, bytes]]:
    return [
        ("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        ("request", "https://news.example.com/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
        ("response", "https://news.example.com/a", "200 OK", page("Summit ends").encode()),
        ("response", "https://news.example.com/missing", "404 Not Found", page("Not found").encode()),
        ("response", "https://news.example.com/logo.png", "200 OK;image/png", b"\x89PNG\r\n\x1a\nxxxx"),
        ("response", "https://news.example.com/b", "200 OK;text/html; charset=windows-1252",
         page("Caf\u00e9 talks in Montr\u00e9al").encode("cp1252")),
    ]


def test_warc_gz_yields_only_html_200_responses(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(write_warc(_crawl(), gzip=True))
    items = articles(f)
    assert [type(i) for i in items] == [RawArticle, RawArticle], items
    a, b = items  # type: ignore[misc]
    assert a.url == "https://news.example.com/a" and a.key == f"{f.resolve()}#record=3"
    assert a.text == "\n\n".join(PARAGRAPHS) and a.format == "warc"
    assert a.extra["date_source"] == "warc" and a.published  # crawl date, flagged as such
    assert b.title == "Caf\u00e9 talks in Montr\u00e9al" and b.key.endswith("#record=6")


def test_uncompressed_warc_reads_the_same(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc"
    f.write_bytes(write_warc(_crawl(), gzip=False))
    urls = [i.url for i in articles(f)]  # type: ignore[union-attr]
    assert urls == ["https://news.example.com/a", "https://news.example.com/b"]


def test_folder_walk_sorted_skipping_hidden_and_store(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zeta story about the harbour strike.")
    (tmp_path / "a.txt").write_text("Alpha story about the grain exports.")
    (tmp_path / "b" / "c.txt").write_text("Gamma story about the new envoy.")
    (tmp_path / ".hidden.txt").write_text("Hidden story that must be skipped.")
    (tmp_path / ".cache" / "x.txt").write_text("Cached story that must be skipped.")
    (tmp_path / "parallax.duckdb").write_bytes(b"\x00" * 8 + b"DUCK" + b"\x00" * 100)
    items = articles(tmp_path)
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in items] == ["a.txt", "b/c.txt", "b/z.txt"]
    assert count_inputs([str(tmp_path)]) == 3
    assert count_inputs([str(tmp_path), "-"]) == 4


def test_stdin_text_is_keyed_by_content_hash() -> None:
    data = "A short wire report about the envoy's visit to Nairobi.".encode()
    one = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    two = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert len(one) == 1 and isinstance(one[0], RawArticle)
    assert one[0].key.startswith("stdin:") and one[0].key == two[0].key  # type: ignore[union-attr]
    assert one[0].format == "stdin" and one[0].text.endswith("Nairobi.")


def test_stdin_jsonl_is_streamed_per_line() -> None:
    data = b'{"text": "First line story."}\n{"text": "Second line story."}\n'
    items = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert [i.text for i in items] == ["First line story.", "Second line story."]  # type: ignore[union-attr]
    assert items[1].key.endswith("#line=2")  # type: ignore[union-attr]


def test_sniff_prefers_content_over_extension() -> None:
    assert sniff(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "notes.txt") == "warc"
    assert sniff(RSS.encode(), "page.html") == "feed"
    assert sniff(b'{"text": "x"}\n', "data.txt") == "jsonl"
    assert sniff(b"[Reuters] Troops crossed the river at dawn.", "a.txt") == "json"  # tried, falls back
    assert sniff(b"Plain prose, no tags at all.", "a.html") == "text"
    assert sniff("\ufeff<html><body><p>x</p></body></html>".encode("utf-16"), "") == "html"


def test_bracketed_prose_falls_back_to_text(tmp_path: Path) -> None:
    f = tmp_path / "wire.txt"
    f.write_text("[Reuters] Troops crossed the river at dawn, witnesses said.")
    assert only_article(f).text.startswith("[Reuters] Troops")


class CountingStream(io.RawIOBase):
    """A byte stream that records how much its reader has pulled, to prove readers stream."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        n = self._inner.readinto(b)
        self.consumed += n
        return n


def test_jsonl_and_warc_are_streamed_not_slurped() -> None:
    from parallax.ingest.jsonl import read_jsonl
    from parallax.ingest.warc import read_warc

    line = json.dumps({"text": "Filler story about a bridge opening. " * 50}).encode() + b"\n"
    jsonl = CountingStream(line * 2000)  # ~3.8 MB
    first = next(read_jsonl(io.BufferedReader(jsonl), base_key="k", path="p"))
    assert isinstance(first, RawArticle) and jsonl.consumed < 256 * 1024

    filler = os.urandom(20000).hex().encode()  # incompressible bulk, so the archive is large
    recs = [("response", f"https://x.example/{n}", "200 OK", page(f"Story {n}").encode() + filler) for n in range(60)]
    warc = CountingStream(write_warc(recs, gzip=True))
    total = len(warc._inner.getvalue())
    first = next(read_warc(warc, base_key="k", path="p"))  # type: ignore[arg-type]
    assert isinstance(first, RawArticle) and warc.consumed < total / 4
