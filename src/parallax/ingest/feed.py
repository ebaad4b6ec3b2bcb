"""RSS and Atom feeds via feedparser: each entry is an article (full content where given, else the summary).

Entry bodies are HTML fragments without page boilerplate, so they are rendered to paragraphs directly
(``fallback_text``) rather than through trafilatura, whose boilerplate filter drops short fragments.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import feedparser

from parallax.ingest.base import Item, RawArticle
from parallax.ingest.html import fallback_text, looks_like_html
from parallax.ingest.text import article_or_error
from parallax.model import IngestError


def _entry_body(entry: Any) -> tuple[str, str]:
    """The entry's text and where it came from (content or summary); HTML rendered with paragraph breaks."""
    candidates: list[tuple[str, str, str]] = []
    for part in entry.get("content") or []:
        candidates.append((part.get("value") or "", part.get("type") or "", "content"))
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "", "summary"))
    for value, kind, source in sorted(candidates, key=lambda c: (c[2] != "content", -len(c[0]))):
        if not value.strip():
            continue
        text = fallback_text(value) if "html" in kind or looks_like_html(value) else value
        if text.strip():
            return text, source
    return "", ""


def read_feed(data: bytes, *, base_key: str, path: str) -> Iterator[Item]:
    """Each entry of an RSS/Atom document as an article, or an error for entries without text."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield IngestError(path=path, reason=f"feed has no entries{why}")
        return
    site = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, 1):
        locator = f"entry {number}"
        text, source = _entry_body(entry)
        if not text:
            yield IngestError(path=path, locator=locator, reason="feed entry has no content or summary text")
            continue
        published = entry.get("published") or entry.get("updated")
        article = RawArticle(key=f"{base_key}#entry={number}", text=text, format="feed", path=path,
                             url=entry.get("link") or None, title=entry.get("title") or None,
                             published=published or None, site=site, author=entry.get("author") or None,
                             extra={"feed_text": source})
        if published:
            article.extra["date_source"] = "feed" if entry.get("published") else "feed_updated"
        yield article_or_error(article, path, locator)
