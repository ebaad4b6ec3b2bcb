"""Entry point of ingestion: paths (files, folders, ``-`` for stdin) to raw articles or per-input errors.

The format is sniffed from content first and the file name second, because corpora are full of misnamed
files (HTML saved as .txt, feeds as .xml or nothing, a PNG named .html). Every file is read inside a guard:
whatever goes wrong becomes an IngestError for that file, and the run goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from parallax.ingest import base
from parallax.ingest.base import Item, RawArticle
from parallax.ingest.decode import binary_kind, sniff_encoding
from parallax.ingest.feed import read_feed
from parallax.ingest.html import html_article
from parallax.ingest.jsonl import read_json, read_jsonl
from parallax.ingest.text import read_text
from parallax.ingest.warc import GZIP_MAGIC, Prefixed, read_warc
from parallax.model import IngestError

SNIFF_BYTES = 64 * 1024
SKIPPED_SUFFIXES = (".duckdb", ".duckdb.wal", ".duckdb-wal")
_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|article|section|body|head|meta|script|li|ul|table|img|title)\b",
                  re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)\b", re.IGNORECASE)
_STREAMED = frozenset({"warc", "jsonl"})
OnBytes = Callable[[str, int], None]


def _head_text(head: bytes) -> str:
    """The sniffing window as text: honest decoding for UTF-16/32, latin-1 (never fails) otherwise."""
    enc = sniff_encoding(head)
    if enc:
        return head.decode(enc, errors="ignore").lstrip("\ufeff")
    return head.decode("latin-1")


def _gunzipped_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(31).decompress(head, 64)
    except zlib.error:
        return b""


def _first_line_is_json_object(text: str) -> bool:
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _first_line_is_json(text: str) -> bool:
    try:
        json.loads(text.lstrip().split("\n", 1)[0])
    except ValueError:
        return False
    return True


def sniff(head: bytes, name: str = "") -> str:
    """The reader for a file: warc, feed, html, jsonl, json, text, or binary (refused).

    Content decides where it can (magic bytes, the root element, JSON shape); the extension breaks ties
    and routes damaged containers to the reader that can explain what is wrong with them.
    """
    lower = name.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(GZIP_MAGIC) and (_gunzipped_head(head).startswith(b"WARC/") or ".warc" in lower):
        return "warc"
    if lower.endswith((".warc", ".warc.gz", ".warc.gzip")):
        return "warc"
    if binary_kind(head):
        return "binary"
    text = _head_text(head)
    start = text.lstrip()[:4096].lower()
    root, page = _FEED_ROOT.search(start), start.find("<html")
    if start.startswith(("<?xml", "<rss", "<feed", "<rdf")) and root and (page < 0 or root.start() < page):
        return "feed"
    if start.startswith(("<!doctype html", "<html")) or "<html" in start[:1024]:
        return "html"
    if start.startswith(("{", "[")):
        if lower.endswith((".jsonl", ".ndjson", ".jsonlines")):
            # A pretty-printed array saved as .jsonl is one JSON document, not one record per line.
            return "jsonl" if start.startswith("{") or _first_line_is_json(text) else "json"
        if start.startswith("{") and _first_line_is_json_object(text):
            return "jsonl"
        return "json"
    if lower.endswith((".jsonl", ".ndjson", ".jsonlines")):
        return "jsonl"
    if lower.endswith((".rss", ".atom")) or (lower.endswith(".xml") and _FEED_ROOT.search(start)):
        return "feed"
    tags = len(_TAG.findall(text))
    # Many tags, a page extension, or a fragment that opens with a tag (a saved body: "<p>...</p><p>").
    if tags >= 5 or (tags >= 2 and start.startswith("<")) \
            or (lower.endswith((".html", ".htm", ".xhtml", ".shtml")) and tags >= 1):
        return "html"
    return "text"


def _size_error(path: str, size: int) -> IngestError | None:
    limit = base.MAX_FILE_BYTES
    if size > limit:
        return IngestError(path=path, reason=f"file too large ({size / 2**20:.1f} MiB, limit {limit / 2**20:.1f} MiB)")
    return None


def _read_whole(kind: str, data: bytes, *, key: str, path: str, text_format: str) -> Iterator[Item]:
    """Readers for formats that need the whole (size-checked) document in memory."""
    if kind == "html":
        yield html_article(data, key=key, path=path, fmt="html")
    elif kind == "feed":
        yield from read_feed(data, base_key=key, path=path)
    elif kind == "json":
        items = list(read_json(data, base_key=key, path=path))
        if len(items) == 1 and isinstance(items[0], IngestError) and items[0].reason.startswith("invalid JSON") \
                and not path.lower().endswith((".json", ".jsonl", ".ndjson", ".jsonlines")):
            yield read_text(data, key=key, path=path, fmt=text_format)  # prose that merely opens with "["
        else:
            yield from items
    else:
        yield read_text(data, key=key, path=path, fmt=text_format)


def _read_stream(kind: str, stream: BinaryIO, *, key: str, path: str, on_bytes: OnBytes | None = None) -> Iterator[Item]:
    if kind == "warc":
        yield from read_warc(stream, base_key=key, path=path, on_bytes=on_bytes)
    else:
        yield from read_jsonl(stream, base_key=key, path=path)


def read_file(path: str, on_bytes: OnBytes | None = None) -> Iterator[Item]:
    """One file on disk as articles and errors; size is checked before anything is read.

    ``on_bytes(path, n)`` hears how far into a streamed archive (WARC) the reader is, in bytes.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield IngestError(path=path, reason="no such file or directory")
        return
    if not stat.S_ISREG(info.st_mode):
        yield IngestError(path=path, reason="not a regular file (device, pipe or socket)")
        return
    if info.st_size == 0:
        yield IngestError(path=path, reason="empty file")
        return
    try:
        handle = open(path, "rb")
    except PermissionError:
        yield IngestError(path=path, reason="permission denied: cannot read the file")
        return
    with handle:
        head = handle.read(SNIFF_BYTES)
        kind = sniff(head, path)
        if kind == "binary":
            yield IngestError(path=path, reason=f"binary file ({binary_kind(head)}), not an article")
            return
        if kind in _STREAMED:
            handle.seek(0)
            report = (lambda n: on_bytes(path, n)) if on_bytes else None
            yield from _read_stream(kind, handle, key=path, path=path, on_bytes=report)
            return
        too_big = _size_error(path, info.st_size)
        if too_big:
            yield too_big
            return
        data = head + handle.read()
    yield from _read_whole(kind, data, key=path, path=path, text_format="text")


def read_stdin(stream: BinaryIO) -> Iterator[Item]:
    """Standard input, sniffed by content only; keyed by a hash so re-reading the same bytes finds the same key."""
    head = stream.read(SNIFF_BYTES)
    kind = sniff(head)
    if not head:
        yield IngestError(path="-", reason="empty input on stdin")
        return
    if kind == "binary":
        yield IngestError(path="-", reason=f"binary data on stdin ({binary_kind(head)}), not an article")
        return
    if kind in _STREAMED:  # too big to hash whole before reading: the key hashes the sniffed head
        key = f"stdin:{hashlib.sha256(head).hexdigest()[:16]}"
        yield from _read_stream(kind, io.BufferedReader(Prefixed(head, stream)), key=key, path="-")
        return
    data = head + stream.read(base.MAX_FILE_BYTES + 1 - len(head))
    too_big = _size_error("-", len(data))
    if too_big:
        yield too_big
        return
    key = f"stdin:{hashlib.sha256(data).hexdigest()[:16]}"
    yield from _read_whole(kind, data, key=key, path="-", text_format="stdin")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk_inputs(paths: Sequence[str]) -> Iterator[str | IngestError]:
    """Input files in a stable order: folders recursively and sorted, hidden entries and stores skipped."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            problems: list[IngestError] = []

            def note(exc: OSError) -> None:
                problems.append(IngestError(path=os.path.abspath(exc.filename or path),
                                            reason=f"cannot list folder: {exc.strerror or exc}"))

            for folder, dirs, files in os.walk(path, onerror=note):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                yield from problems
                problems.clear()
                for name in sorted(files):
                    if not _hidden(name) and not name.lower().endswith(SKIPPED_SUFFIXES):
                        yield os.path.join(folder, name)
            yield from problems
        elif os.path.lexists(path):
            yield path
        else:
            yield IngestError(path=path, reason="no such file or directory")


def count_inputs(paths: Sequence[str]) -> int:
    """How many inputs (files, stdin, unreadable paths) :func:`iter_articles` will report on, for a progress bar."""
    return sum(1 for _ in walk_inputs(paths))


def streamed_bytes(paths: Sequence[str]) -> int:
    """Total size of the WARC inputs (by name), whose reading reports progress in bytes."""
    total = 0
    for entry in walk_inputs(paths):
        if isinstance(entry, str) and entry != "-" and ".warc" in entry.lower():
            with contextlib.suppress(OSError):
                total += os.path.getsize(entry)
    return total


def _guarded(path: str, read: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run one input's reader so that no exception escapes and every input yields at least one item."""
    produced = 0
    try:
        for item in read():
            produced += 1
            yield item
    except Exception as exc:  # the contract: one bad file never stops a run
        produced += 1
        yield IngestError(path=path, reason=f"unexpected error reading file: {type(exc).__name__}: {exc}")
    if not produced:
        yield IngestError(path=path, reason="no articles found in the file")


def printable_path(path: str) -> str:
    """A path as text any store, JSON or terminal accepts, stable across runs.

    POSIX file names are bytes; one that is not UTF-8 reaches Python with surrogate escapes, which
    DuckDB, JSON and ``str.encode()`` refuse, so a single oddly named file would stop the whole run.
    Such bytes are written as ``\\xNN`` instead (the real name is still used to open the file).
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return path


def _storable(item: Item) -> Item:
    if item.path:
        item.path = printable_path(item.path)
    if isinstance(item, RawArticle):
        item.key = printable_path(item.key)
    return item


def _items(paths: Sequence[str], stdin: BinaryIO | None, on_bytes: OnBytes | None = None) -> Iterator[Item]:
    for entry in walk_inputs(paths):
        if isinstance(entry, IngestError):
            yield entry
        elif entry == "-":
            source = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded("-", lambda: read_stdin(source))
        else:
            yield from _guarded(entry, lambda path=entry: read_file(path, on_bytes))


def iter_articles(paths: Sequence[str], *, stdin: BinaryIO | None = None,
                  on_bytes: OnBytes | None = None) -> Iterator[Item]:
    """Every article (RawArticle) and every problem (IngestError) in ``paths``, in a deterministic order.

    Never raises for bad input. Errors and articles carry the input's absolute path (``-`` for stdin);
    a progress bar can advance whenever that path changes (see :func:`count_inputs`), and with
    ``on_bytes(path, n)`` inside a large archive as its bytes are read (see :func:`streamed_bytes`).
    """
    for item in _items(paths, stdin, on_bytes):
        yield _storable(item)
