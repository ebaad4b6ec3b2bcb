"""WARC and WARC.gz web archives, streamed record by record with warcio.

A crawl file (CC-NEWS: ~1 GiB) is never held in memory: the gzip layer is a small streaming decompressor
here rather than warcio's own, because warcio silently drops a truncated last member, and a half-downloaded
archive must be *reported* (keeping every record read before the cut), not passed off as complete.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from parallax.ingest import base
from parallax.ingest.base import Item, RawArticle
from parallax.ingest.decode import content_type_charset
from parallax.ingest.html import html_article
from parallax.model import IngestError

_CHUNK = 64 * 1024
_CHUNK_IN = 16 * 1024  # small compressed slices: on corrupt data only the slice being inflated is lost
_OUT_MAX = 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"


class Gunzip(io.RawIOBase):
    """Multi-member gzip decompression as a stream that *notes* truncation instead of hiding or raising it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.truncated = False
        self.error: str | None = None  # corrupt deflate data: the stream ends there, like a truncation
        self._d = zlib.decompressobj(31)
        self._in_member = False
        self._pending = b""
        self._buf = b""
        self._pos = 0
        self._done = False
        self.consumed = 0  # compressed bytes read from ``raw``
        self.member_start = 0  # offset in ``raw`` where the member being inflated began

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while self._pos >= len(self._buf) and not self._done:
            fresh = not self._pending
            data = self._pending or self.raw.read(_CHUNK_IN)
            if fresh:
                self.consumed += len(data)
            if not data:
                self.truncated = self._in_member
                self._done = True
                return
            try:
                self._buf, self._pos = self._d.decompress(data, _OUT_MAX), 0
            except zlib.error as exc:
                self.error, self._done, self._buf, self._pos = str(exc), True, b"", 0
                return
            self._in_member = True
            if self._d.eof:  # member finished; the rest of the input starts the next member
                self._pending = self._d.unused_data
                self.member_start = self.consumed - len(self._pending)
                self._d = zlib.decompressobj(31)
                self._in_member = False
            else:
                self._pending = self._d.unconsumed_tail

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        self._fill()
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and any(t in content_type.lower() for t in _HTML_TYPES)  # type: ignore[union-attr]


def _record_item(record, number: int, *, base_key: str, path: str) -> Item | None:
    """An HTML response (or resource) record as an article; None for records that are not pages."""
    locator = f"record {number}"
    headers = record.rec_headers
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        content_type = http.get_header("Content-Type")
        if not status.startswith("2") or not _is_html(content_type):
            return None
    elif record.rec_type == "resource":
        content_type = headers.get_header("Content-Type")
        if not _is_html(content_type):
            return None
    else:
        return None
    limit = base.MAX_RECORD_BYTES
    if (record.length or 0) > limit:
        return IngestError(path=path, locator=locator,
                           reason=f"record larger than the {limit // (1024 * 1024)} MiB limit, skipped")
    payload = record.content_stream().read(limit + 1)
    if record.raw_stream.limit > 0:
        raise _Truncated
    url = headers.get_header("WARC-Target-URI")
    item = html_article(payload, key=f"{base_key}#record={number}", path=path, fmt="warc", url=url,
                        charset=content_type_charset(content_type), locator=locator)
    warc_date = headers.get_header("WARC-Date")
    if isinstance(item, RawArticle) and not item.published and warc_date:
        item.published = warc_date  # crawl time, not publication time: flagged so metadata can weigh it
        item.extra["date_source"] = "warc"
    return item


def _next_member(stream: BinaryIO, origin: int, after: int) -> int | None:
    """Offset (from ``origin``) of the first gzip member after ``after`` that inflates to a WARC record."""
    pos = after + 1
    while True:
        stream.seek(origin + pos)
        window = stream.read(_CHUNK)
        if not window:
            return None
        at = window.find(GZIP_MAGIC + b"\x08")
        while at >= 0:
            stream.seek(origin + pos + at)
            try:
                if zlib.decompressobj(31).decompress(stream.read(512), 16).startswith(b"WARC/"):
                    return pos + at
            except zlib.error:
                pass
            at = window.find(GZIP_MAGIC + b"\x08", at + 1)
        pos += max(1, len(window) - 3)  # overlap: a magic split across windows is still found


def _seekable(stream: BinaryIO) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def read_warc(stream: BinaryIO, *, base_key: str, path: str,
              on_bytes: Callable[[int], None] | None = None) -> Iterator[Item]:
    """Every HTML page in a (possibly gzipped) WARC stream; damage becomes errors, never exceptions.

    In a seekable WARC.gz (one gzip member a record, as crawlers write them) a damaged record is skipped:
    reading resumes at the next member that holds a WARC record, and the damage is reported once the file
    is done. ``on_bytes(n)`` is told how many compressed bytes have been read, for progress bars.
    """
    origin = stream.tell() if _seekable(stream) else 0
    head = stream.read(2)
    body: BinaryIO = io.BufferedReader(Prefixed(head, stream), _CHUNK)  # type: ignore[arg-type]
    gunzip = Gunzip(body) if head == GZIP_MAGIC else None
    reader: BinaryIO = io.BufferedReader(gunzip, _CHUNK) if gunzip else body  # type: ignore[arg-type]
    try:
        magic = reader.peek(5)[:5]
    except (zlib.error, EOFError, OSError) as exc:
        yield IngestError(path=path, reason=f"corrupt gzip data, not a readable WARC.gz: {exc}")
        return
    if gunzip is not None and gunzip.error and magic != b"WARC/":
        yield IngestError(path=path, reason=f"corrupt gzip data, not a readable WARC.gz: {gunzip.error}")
        return
    if magic != b"WARC/":
        packed = "gzip data that does not contain" if gunzip else "not gzip-compressed and not"
        yield IngestError(path=path, reason=f"{packed} a WARC archive (no 'WARC/1.x' header at the start)")
        return
    number, found, sink = 0, 0, io.StringIO()
    skipped: list[IngestError] = []
    base = 0  # offset of the current segment (after a skip) from ``origin``
    resync = gunzip is not None and _seekable(stream)
    while True:
        failure: str | None = None
        cut = False
        records = iter(ArchiveIterator(reader, check_digests=False))
        while True:
            with contextlib.redirect_stderr(sink):  # warcio prints warnings about damaged records to stderr
                try:
                    record = next(records)
                    number += 1
                    item = _record_item(record, number, base_key=base_key, path=path)
                except StopIteration:
                    break
                except _Truncated:
                    cut = True
                    break
                except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError) as exc:
                    # AttributeError: warcio on a header block that inflates to garbage
                    failure = f"corrupt WARC data, stopped reading: {type(exc).__name__}: {exc}"
                    break
            if on_bytes is not None:
                on_bytes(base + (gunzip.consumed if gunzip else stream.tell() - origin))
            if item is not None:
                found += 1
                yield item
        damaged = gunzip is not None and (gunzip.error or (failure and not gunzip.truncated))
        if resync and damaged:
            last = number if (cut or failure) else number + 1
            at = _next_member(stream, origin, base + gunzip.member_start)  # type: ignore[union-attr]
            what = f"corrupt gzip data ({gunzip.error})" if gunzip.error else failure  # type: ignore[union-attr]
            skipped.append(IngestError(path=path, locator=f"record {last}", reason=(
                f"{what} in or before record {last}; "
                + (f"skipped to the next readable record at byte {at}" if at is not None else "nothing readable after it")
            )))
            if at is None:
                break
            number = last
            base = at
            stream.seek(origin + at)
            gunzip = Gunzip(io.BufferedReader(Prefixed(b"", stream), _CHUNK))  # type: ignore[arg-type]
            reader = io.BufferedReader(gunzip, _CHUNK)  # type: ignore[arg-type]
            continue
        break
    if on_bytes is not None:
        on_bytes(base + (gunzip.consumed if gunzip else stream.tell() - origin))
    yield from skipped
    if skipped and not (cut or (gunzip is not None and gunzip.truncated)):
        return
    if gunzip is not None and gunzip.error:
        last = number if cut else number + 1
        yield IngestError(path=path, locator=f"record {last}", reason=f"corrupt gzip data in or before record "
                          f"{last} ({gunzip.error}); the records before it were read")
    elif cut or (gunzip is not None and gunzip.truncated):
        last = number if cut else number + 1
        yield IngestError(path=path, locator=f"record {last}",
                          reason=f"truncated file: it ends inside record {last}; the records before it were read")
    elif failure:
        yield IngestError(path=path, locator=f"record {number + 1}", reason=failure)
    elif found == 0:
        yield IngestError(path=path, reason=f"WARC holds no HTML page responses ({number} records read)")


class _Truncated(Exception):
    """The archive ends inside a record's content."""


class Prefixed(io.RawIOBase):
    """A raw stream with bytes already read from it put back in front (for sniffing non-seekable stdin)."""

    def __init__(self, prefix: bytes, raw: BinaryIO) -> None:
        self._prefix = prefix
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(b), len(self._prefix))
        b[:n] = self._prefix[:n]
        self._prefix = self._prefix[n:]
        if n < len(b):  # fill the rest from the stream, so a peek right after sniffing sees whole magics
            data = self._raw.read(len(b) - n)
            b[n : n + len(data)] = data
            n += len(data)
        return n
