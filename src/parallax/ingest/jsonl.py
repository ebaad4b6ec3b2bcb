"""JSON Lines (and JSON arrays) of articles: one object per record, fields found by their common names.

Dumps from scrapers (news-please, newspaper3k, CC-NEWS pipelines, vendor APIs) name the same fields
differently; the first non-empty field of each list below wins. JSONL is streamed line by line and each line
is bounded by MAX_RECORD_BYTES, so a multi-gigabyte dump never sits in memory and one broken line costs
only that line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from parallax.ingest import base
from parallax.ingest.base import Item, RawArticle
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.html import fallback_text, html_article, is_full_page, looks_like_html
from parallax.ingest.text import article_or_error
from parallax.model import IngestError

TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "story", "full_text", "article_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url", "canonical_url")
DATE_FIELDS = ("published", "date", "pubdate", "publish_date", "date_publish", "published_at", "datePublished")
AUTHOR_FIELDS = ("author", "authors", "byline")
OUTLET_FIELDS = ("source", "outlet", "site", "domain", "publisher", "source_domain", "sitename")


def _as_text(value: Any) -> str | None:
    """A field value as a string: lists joined (``authors``), nested ``{"name": ...}`` unwrapped."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("value"))
    if isinstance(value, list):
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    return None


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    lowered = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
    for name in names:
        value = _as_text(lowered.get(name.lower()))
        if value:
            return value
    return None


def record_article(obj: Any, *, key: str, path: str, locator: str, fmt: str = "jsonl") -> Item:
    """One decoded JSON record as an article; a record without usable text is an error for that record."""
    if not isinstance(obj, dict):
        return IngestError(path=path, reason=f"record is a JSON {type(obj).__name__}, not an object", locator=locator)
    text = _first(obj, TEXT_FIELDS)
    if not text:
        return IngestError(path=path, locator=locator,
                           reason=f"no text field (looked for {', '.join(TEXT_FIELDS[:6])})")
    url = _first(obj, URL_FIELDS)
    meta = dict(title=_first(obj, TITLE_FIELDS), published=_first(obj, DATE_FIELDS),
                site=_first(obj, OUTLET_FIELDS), author=_first(obj, AUTHOR_FIELDS))
    if looks_like_html(text) and not is_full_page(text):
        text = fallback_text(text)  # a body fragment: all of it is content, no boilerplate to detect
    elif looks_like_html(text):
        item = html_article(text, key=key, path=path, fmt=fmt, url=url, locator=locator)
        if isinstance(item, RawArticle):
            for name, value in meta.items():
                if value:  # the record's own fields beat what the markup suggested
                    setattr(item, name, value)
        return item
    article = RawArticle(key=key, text=text, format=fmt, path=path, url=url, **meta)
    if meta["site"]:
        article.extra["site_source"] = "jsonl"
    return article_or_error(article, path, locator)


def _decode_line(raw: bytes) -> Any:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = decode_bytes(raw)
    return json.loads(line)


def read_jsonl(stream: BinaryIO, *, base_key: str, path: str) -> Iterator[Item]:
    """Each line of a JSONL stream as an article or a per-line error (locator ``line N``)."""
    limit = base.MAX_RECORD_BYTES
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        locator = f"line {number}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line without keeping it
                raw = stream.readline(1 << 20)
            yield IngestError(path=path, locator=locator,
                              reason=f"record larger than the {limit // (1024 * 1024)} MiB limit, skipped")
            continue
        if not raw.strip():
            continue
        try:
            obj = _decode_line(raw.lstrip(b"\xef\xbb\xbf") if number == 1 else raw)
        except (json.JSONDecodeError, DecodeError) as exc:
            yield IngestError(path=path, locator=locator, reason=f"broken JSON line: {exc}")
            continue
        yield record_article(obj, key=f"{base_key}#line={number}", path=path, locator=locator)


def _records(doc: Any) -> list[Any] | None:
    """The list of article records in a JSON document: a top-level array, or an object wrapping one."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        if _first(doc, TEXT_FIELDS):
            return [doc]
        lists = [v for v in doc.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:  # {"articles": [...]} / {"results": [...]} wrappers of news APIs
            return lists[0]
    return None


def read_json(data: bytes, *, base_key: str, path: str) -> Iterator[Item]:
    """A whole JSON document (size-checked by the caller): an array of articles, or one article object."""
    try:
        doc = _decode_line(data.lstrip(b"\xef\xbb\xbf"))
    except (json.JSONDecodeError, DecodeError) as exc:
        yield IngestError(path=path, reason=f"invalid JSON: {exc}")
        return
    records = _records(doc)
    if records is None:
        yield IngestError(path=path, reason="JSON holds no article records (no text field, no array of objects)")
        return
    if not records:
        yield IngestError(path=path, reason="JSON array is empty")
        return
    for number, obj in enumerate(records, 1):
        yield record_article(obj, key=f"{base_key}#record={number}", path=path, locator=f"record {number}",
                             fmt="jsonl")
