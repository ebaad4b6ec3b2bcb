"""HTML pages to article text plus metadata, via trafilatura, with an lxml fallback for broken markup.

Markup is parsed once with lxml's ``huge_tree`` option (libxml2 otherwise stops at 256 nested elements and
silently drops everything deeper, which real pages reach) and that tree is handed to trafilatura. Deeper than
libxml2 goes even then (2,048 levels), the page is read by the standard library's streaming HTML parser, which
has no depth at all, so an article is never dropped for its nesting.

Paragraph breaks are kept as blank lines ("\\n\\n") because later stages (datelines, bylines, quotes
running over paragraphs) depend on them; trafilatura's own text output joins blocks with single newlines,
so the body is rendered here from trafilatura's cleaned XML tree instead.
"""

from __future__ import annotations

import copy
import re
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser

import lxml.etree as etree
import lxml.html
import trafilatura

from parallax.ingest.base import Item, RawArticle
from parallax.ingest.decode import DecodeError, decode_bytes, html_charset
from parallax.ingest.text import article_or_error
from parallax.model import IngestError

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{2,}")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr section article header footer "
    "figure figcaption main aside address hr center".split()
)
# Only dates the page states in markup (meta, <time>, JSON-LD, URL): htmldate's extensive search guesses from
# free text such as "Copyright 2024" and would invent publication days.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_JUNK = ("script", "style", "noscript", "template", "svg", "iframe", "nav", "form", "button", "select", "head")


@dataclass(slots=True)
class HtmlExtract:
    """What an HTML page yields: body text with paragraph breaks, and the metadata found in the markup."""

    text: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    url: str | None = None
    method: str = "trafilatura"  # trafilatura | fallback (lxml, no boilerplate removal) | stream (too deep for lxml)


def _tidy(lines: str) -> str:
    """Collapse runs of spaces inside a block, strip each line, drop blank lines (they would fake paragraphs)."""
    return "\n".join(t for t in (_SPACES.sub(" ", line).strip() for line in lines.split("\n")) if t)


def _render(el: etree._Element) -> str:
    """One trafilatura output block as text: ``<lb/>`` is a line break, list items and rows a line each."""
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag == "item":
            parts.append("\n" + _render(child) + "\n")
        elif tag == "row":
            cells = [_render(cell).strip() for cell in child if isinstance(cell.tag, str)]
            parts.append("\n" + " | ".join(c for c in cells if c) + "\n")
        else:
            parts.append(_render(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraphs(blocks: list[str]) -> str:
    kept = [p for p in (_tidy(b) for b in blocks) if p]
    return "\n\n".join(kept)


def _body_text(body: etree._Element, title: str | None) -> str:
    blocks = [_render(child) for child in body if isinstance(child.tag, str)]
    if body.text and body.text.strip():
        blocks.insert(0, body.text)
    # trafilatura keeps the page's <h1> as the first block; it is the title, already returned separately.
    if blocks and title and _tidy(blocks[0]).casefold() == title.strip().casefold():
        blocks = blocks[1:]
    return _paragraphs(blocks)


def _tree(markup: str) -> tuple[etree._Element | None, bool]:
    """The page as an lxml tree, and whether libxml2 had to cut it off for nesting too deep."""
    if not markup.strip():
        return None, False
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.fromstring(_XML_DECL.sub("", markup, count=1), parser=parser)  # no str with a declaration
    except (etree.ParserError, ValueError):
        return None, False
    return root, any("Excessive depth" in e.message for e in parser.error_log)


def _trafilatura(root: etree._Element, url: str | None) -> HtmlExtract | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            root, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
    if doc is None or getattr(doc, "body", None) is None:
        return None
    text = _body_text(doc.body, doc.title)
    if not text:
        return None
    return HtmlExtract(text=text, title=doc.title or None, published=doc.date or None,
                       site=doc.sitename or None, author=doc.author or None, url=doc.url or None)


def _fallback(root: etree._Element | None) -> tuple[str, str | None]:
    """Visible paragraph text and <title> of any HTML, however broken: lxml's forgiving parser."""
    if root is None:
        return "", None
    title_el = root.find(".//title")
    title = _tidy(title_el.text_content()) or None if title_el is not None else None
    etree.strip_elements(root, *_JUNK, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCKS or tag == "td":
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return _paragraphs(_BLANKS.split(root.text_content())), title


class _Stream(HTMLParser):
    """Visible text and <title> from a stream of tags: no tree, so no limit on nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skip = 0  # inside script, style and the like
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _JUNK and tag != "head":
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS or tag == "td":
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _JUNK and tag != "head":
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS or tag == "td":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def _streamed(markup: str) -> tuple[str, str | None]:
    reader = _Stream()
    reader.feed(markup)
    reader.close()
    return _paragraphs(_BLANKS.split("".join(reader.parts))), _tidy("".join(reader.title)) or None


def fallback_text(markup: str) -> str:
    """Paragraph text of an HTML page or fragment without any boilerplate detection."""
    root, too_deep = _tree(markup)
    return _streamed(markup)[0] if too_deep else _fallback(root)[0]


def extract_html(markup: str, url: str | None = None) -> HtmlExtract | None:
    """Article text and metadata from a page; falls back to plain paragraph text when trafilatura finds none."""
    root, too_deep = _tree(markup)
    if too_deep:  # libxml2 kept only the page's outer part: read all of it without a tree
        text, title = _streamed(markup)
        return HtmlExtract(text=text, title=title, url=url, method="stream") if text else None
    found = None
    if root is not None:
        try:
            found = _trafilatura(copy.deepcopy(root), url)  # trafilatura prunes the tree it is given
        except Exception:  # trafilatura on pathological markup; the fallback still reads what is there
            found = None
    if found:
        return found
    text, title = _fallback(root)
    return HtmlExtract(text=text, title=title, url=url, method="fallback") if text else None


def looks_like_html(text: str) -> bool:
    """Whether a string (e.g. a JSON ``text`` field or a feed summary) is markup rather than prose."""
    return bool(re.search(r"<(p|div|br|span|a|h[1-6]|li|html|body|article|section|em|strong|b|i)\b[^>]*>",
                          text[:20000], re.IGNORECASE))


def is_full_page(markup: str) -> bool:
    """A whole page (boilerplate to strip) rather than a fragment of article body (everything is content)."""
    return bool(re.search(r"<(html|body|!doctype html)\b", markup[:20000], re.IGNORECASE))


def html_article(data: bytes | str, *, key: str, path: str, fmt: str = "html", url: str | None = None,
                 charset: str | None = None, locator: str | None = None) -> Item:
    """One HTML page (bytes or text) as a RawArticle, or an IngestError saying why not."""
    if isinstance(data, bytes):
        try:
            markup = decode_bytes(data, declared=charset or html_charset(data))
        except DecodeError as exc:
            return IngestError(path=path, reason=str(exc), locator=locator)
    else:
        markup = data
    if not markup.strip():
        return IngestError(path=path, reason="empty HTML document", locator=locator)
    found = extract_html(markup, url)
    if found is None:
        return IngestError(path=path, reason="HTML page has no readable text (no visible words outside scripts, "
                                             "styles, navigation and forms)", locator=locator)
    article = RawArticle(key=key, text=found.text, format=fmt, path=path, url=url or found.url,
                         title=found.title, published=found.published, site=found.site, author=found.author,
                         extra={"extractor": found.method})
    if found.published:
        article.extra["date_source"] = "html"
    if found.url and url and found.url != url:
        article.extra["canonical_url"] = found.url
    return article_or_error(article, path, locator)
