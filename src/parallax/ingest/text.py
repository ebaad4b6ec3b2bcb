"""Plain-text articles, and the sanity check every reader applies to the text it produced."""

from __future__ import annotations

from parallax.ingest.base import Item, RawArticle
from parallax.ingest.decode import DecodeError, decode_bytes, normalise, sniff_encoding
from parallax.model import IngestError


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be an article (empty, whitespace, no letters), or None if it can."""
    if not text:
        return "empty: no text"
    if not text.strip():
        return "only whitespace, no text"
    if not any(ch.isalpha() for ch in text):
        return "no letters in the text, not an article"
    return None


def article_or_error(article: RawArticle, path: str, locator: str | None = None) -> Item:
    """The article (text NFC-normalised and stripped) if it passes :func:`text_problem`, else an IngestError."""
    article.text = normalise(article.text).strip()
    problem = text_problem(article.text)
    return IngestError(path=path, reason=problem, locator=locator) if problem else article


def read_text(data: bytes, *, key: str, path: str, fmt: str = "text") -> Item:
    """A plain-text file (already read, size-checked) as one article; decoding problems become errors."""
    if not data.strip():
        return IngestError(path=path, reason="empty file" if not data else "only whitespace, no text")
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return IngestError(path=path, reason=str(exc))
    article = RawArticle(key=key, text=text.strip(), format=fmt, path=path)
    if sniff_encoding(data) is None and b"\x00" in data.rstrip(b"\x00"):
        article.extra["nul_bytes_removed"] = str(data.rstrip(b"\x00").count(b"\x00"))
    return article_or_error(article, path)
