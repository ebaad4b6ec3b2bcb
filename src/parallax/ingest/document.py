"""From a raw article to a stored Document: clean, read metadata, identify the language."""

from __future__ import annotations

import hashlib

from parallax.ingest.base import RawArticle
from parallax.ingest.clean import clean_article
from parallax.language.detect import detect_language
from parallax.model import Document

# Bump when cleaning or metadata rules change, so the next run re-reads stored documents.
INGEST_VERSION = 3


def doc_id(key: str) -> str:
    """A short stable id from the input's locator: the same input always maps to the same document."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_sha(text: str) -> str:
    """Hash of the text with case and whitespace normalised, so re-flowed copies are exact duplicates."""
    norm = " ".join(text.lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def raw_sha(raw: RawArticle) -> str:
    h = hashlib.sha256()
    for part in (raw.text, raw.title or "", raw.url or "", raw.published or "", raw.site or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def make_document(raw: RawArticle) -> Document:
    clean = clean_article(raw)
    lang, score = detect_language(clean.text)
    return Document(
        id=doc_id(raw.key),
        key=raw.key,
        text=clean.text,
        path=raw.path,
        url=raw.url,
        outlet=clean.outlet,
        outlet_source=clean.outlet_source,
        title=clean.title,
        published=clean.published,
        published_source=clean.published_source,
        byline=clean.byline,
        dateline=clean.dateline,
        language=lang,
        language_score=round(float(score), 4),
        format=raw.format,
        content_sha=content_sha(clean.text),
        removed=list(clean.removed),
    )
