"""Streaming a CC-NEWS-style WARC.gz: HTML responses only, progress in bytes, damaged records skipped."""

import io
import random

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parallax.ingest.sources import iter_articles
from parallax.ingest.warc import read_warc
from parallax.model import IngestError
from tests.corpus import article

HTML = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")


def _page(text: str) -> bytes:
    title, _, body = text.partition("\n\n")
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p></article></body></html>").encode()


def _member(kind: str, url: str, payload: bytes, http=None) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=http))
    return buf.getvalue()


def _crawl(n: int, damaged: set[int]) -> bytes:
    rng = random.Random(5)
    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    for i in range(n):
        url = f"https://news.example.net/{i}.html"
        req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example.net")], is_http_request=True)
        out.write(_member("request", url, b"", req))
        member = bytearray(_member("response", url, _page(article(rng, i)), HTML))
        if i in damaged:
            mid = len(member) // 2
            member[mid:mid + 16] = b"\xff" * 16
        out.write(bytes(member))
        out.write(_member("metadata", url, b"fetchTimeMs: 80\n"))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        out.write(_member("response", url + ".png", b"\x89PNG\r\n\x1a\n" + bytes(300), img))
    return out.getvalue()


def test_damaged_records_are_reported_and_the_rest_is_read(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_crawl(12, damaged={3, 8}))
    positions: list[int] = []
    items = list(iter_articles([str(path)], on_bytes=lambda p, n: positions.append(n)))
    articles = [i for i in items if not isinstance(i, IngestError)]
    errors = [i for i in items if isinstance(i, IngestError)]
    urls = [a.url for a in articles]
    assert urls == [f"https://news.example.net/{i}.html" for i in range(12) if i not in (3, 8)]
    assert len(errors) == 2 and all("skipped to the next readable record" in e.reason for e in errors)
    assert positions == sorted(positions) and positions[-1] == path.stat().st_size


def test_a_clean_crawl_yields_every_page_and_no_error(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_crawl(5, damaged=set()))
    items = list(iter_articles([str(path)]))
    assert len(items) == 5 and not any(isinstance(i, IngestError) for i in items)
    assert len({i.key for i in items}) == 5


def test_unseekable_stream_still_stops_at_damage_with_a_report():
    data = _crawl(4, damaged={2})

    class Pipe(io.RawIOBase):  # like stdin: no seeking back to skip the damage
        def __init__(self) -> None:
            self.buf = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            chunk = self.buf.read(len(b))
            b[:len(chunk)] = chunk
            return len(chunk)

    items = list(read_warc(io.BufferedReader(Pipe()), base_key="-", path="-"))
    assert [type(i) for i in items] == [type(items[0])] * 2 + [IngestError]
    assert "corrupt gzip data" in items[-1].reason
