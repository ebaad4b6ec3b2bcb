"""Turn a raw article body into the cleaned text every span points into, plus what the top of it says.

Scraped text carries junk and header lines. Junk is recognised by *classes of line*, never by listing
sentences; a paragraph is dropped only when its shape says it carries no reportable sentence:

- markup: tracking code, HTML comment remnants, embedded-post signatures, URL-only or symbol-only lines;
- engagement: short lines made only of engagement vocabulary ("Post your reply", "Share this"), calls to
  action ("Follow us on X"), link labels ("Also read: ..."), footer templates (cookie notices, "Your email
  address will not be published");
- credits ("Photo: ...", "SOURCE: X, Y", "(Reporting by ...)"), keyword/tag lists, breadcrumb trails;
- a repeat of an earlier paragraph (the headline printed twice);
- header lines near the top: a byline ("By Jane Doe", "JANE Q DOE") and a date line, which become metadata;
  a date stamp that shares a line with the headline or byline ("date 2018-04-08 Headline", "Headline |
  March 3, 2021", "Posted on March 3, 2021 by Jane Doe") is cut off it, and the rest is judged on its own;
- a dateline opening one of the first paragraphs ("LONDON:", "NEW DELHI, March 3 (Reuters) -"), stripped.

Everything else is kept verbatim, quotes and apostrophes untouched, so evidence spans quote the article
exactly. Every dropped line or prefix is kept in ``removed`` for audit.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from parallax.ingest.base import RawArticle
from parallax.ingest.header import RELATIVE_STAMP, UPDATED_STAMP, byline_of, dateline_of
from parallax.ingest.junk import BLOCK_TAGS, SENTENCE_END, TAG, code_reason, junk_reason
from parallax.ingest.metadata import date_from_line, date_line_text, find_outlet, normalise_date, split_date_stamp


@dataclass(slots=True)
class CleanArticle:
    """The cleaned body and the metadata read from it (or carried over from the container)."""

    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_source: str | None = None  # metadata | text | warc
    outlet: str | None = None
    outlet_source: str | None = None  # metadata | url | text


# ---------------------------------------------------------------------------------------------------------
# Characters

_DROP_CHARS = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)  # zero-width space, BOM, soft hyphen


def normalise_chars(text: str) -> str:
    """NFC, "\\n" line ends, no control characters, every space-like character a plain space.

    Zero-width joiners stay: they are spelling in Indic and Arabic scripts. Quotes are not touched.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").translate(_DROP_CHARS)
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif unicodedata.category(ch) != "Cc":
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------
# Assembly

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_QUOTE_PAIRS = {"‘": "’", "“": "”", '"': '"', "'": "'", "«": "»"}
HEADER_LINES = 8  # bylines and date lines are only looked for among the first lines ...
HEADER_LONG_PARAGRAPHS = 2  # ... and before the body has really started
DATELINE_PARAGRAPHS = 3


def _key(line: str) -> str:
    """Comparison key for repeated lines: case, spacing, quote style and final punctuation ignored."""
    line = line.translate(str.maketrans("‘’“”«»", "''\"\"\"\""))
    return " ".join(line.casefold().split()).rstrip(" .:;!?")


def headline_like(line: str) -> bool:
    """A short line that does not end in a full stop: how headlines look in plain text."""
    n = len(line.split())
    return 2 <= n < 20 and not line.rstrip("\"'”’").endswith(".")


def _is_headline(first: str, title: str | None) -> bool:
    """The first paragraph is the headline: headline-shaped, not a lone dateline, and the given title if any."""
    if not headline_like(first) or (title is not None and _key(first) != _key(title)):
        return False
    found = dateline_of(first)
    return found is None or found[1] != first


def _strip_enclosing_quotes(line: str) -> str:
    if len(line) > 2 and _QUOTE_PAIRS.get(line[0]) == line[-1]:
        inner = line[1:-1]
        if line[0] not in inner and line[-1] not in inner:
            return inner.strip()
    return line


def wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when lines are whole paragraphs.

    Hard-wrapped text has most non-final lines of a block filled close to one width (40 to 100 characters).
    """
    lengths = sorted(len(x) for b in blocks for x in b[:-1])
    if len(lengths) < 3:
        return None
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= typical <= 100:
        return None
    filled = [n for n in lengths if typical * 0.6 <= n <= typical * 1.1]
    return max(filled) if len(filled) >= 0.8 * len(lengths) else None


def _continues(prev: str, line: str, width: int | None) -> bool:
    """Whether ``line`` continues the paragraph that ``prev`` is part of.

    In hard-wrapped text it does when its first word would not have fitted on ``prev`` (the wrapper moved it
    down); a line the wrapper could have extended ended its paragraph. Anywhere, a line that stops
    mid-sentence continues on a next line that starts in lower case.
    """
    if width is not None and len(prev) + 1 + len(line.split()[0]) > width:
        return True
    return not SENTENCE_END.search(prev) and not prev.endswith(":") and line[0].islower()


def _units(blocks: list[list[str]]) -> list[str]:
    """The paragraphs of the text: each block's lines, joined where one line continues the previous one."""
    width = wrap_width(blocks)
    units: list[str] = []
    for block in blocks:
        prev: str | None = None
        for line in block:
            if prev is not None and _continues(prev, line, width):
                hyphen = re.search(r"\w-$", prev) is not None  # "New York-" + "based": a wrap at a hyphen
                units[-1] = f"{units[-1]}{'' if hyphen else ' '}{line}"
            else:
                units.append(line)
            prev = line
    return units


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw_line in text.split("\n"):
        line = " ".join(raw_line.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _unmarkup(line: str) -> str:
    """A line with inline HTML tags and entities resolved; prose inside tags is kept."""
    if "<" in line and ">" in line:
        line = " ".join(TAG.sub(lambda m: " " if m["name"].lower() in BLOCK_TAGS else "", line).split())
    if "&" in line and ";" in line:
        line = html.unescape(line)
    return line


def _published(raw: RawArticle, text_date: str | None) -> tuple[str | None, str | None]:
    """Publication date and its source: page/feed metadata, then the article's date line, then crawl time.

    A WARC record's date (readers flag it with ``extra["date_source"] == "warc"``) is when the page was
    fetched, so a date printed in the article beats it.
    """
    crawl = raw.extra.get("date_source") == "warc"
    if not crawl and (found := normalise_date(raw.published)):
        return found, "metadata"
    if text_date:
        return text_date, "text"
    if found := normalise_date(raw.published if crawl else raw.extra.get("warc_date")):
        return found, "warc"
    return None, None


def clean_article(raw: RawArticle) -> CleanArticle:
    """Clean a raw article body and read its header: title, byline, date line, dateline, outlet."""
    removed: list[str] = []
    text = normalise_chars(raw.text or "")
    for comment in _HTML_COMMENT.findall(text):
        removed.append(" ".join(comment.split()))
    text = _HTML_COMMENT.sub("\n", text)

    title = " ".join(raw.title.split()) if raw.title and raw.title.strip() else None
    byline = " ".join(raw.author.split()) if raw.author and raw.author.strip() else None
    text_date: str | None = None

    # Code lines go first, so they cannot glue two paragraphs together; other classes are judged on paragraphs.
    blocks: list[list[str]] = []
    for block in _blocks(text):
        lines = []
        for original in block:
            line = _unmarkup(original)
            if line and not code_reason(line):
                lines.append(line)
            else:
                removed.append(original)
        blocks.append(lines)

    # Then whole paragraphs are judged: junk, header lines (byline, date) and repeats are dropped.
    seen: set[str] = set()
    paragraphs: list[str] = []
    long_count = 0
    for unit in _units([b for b in blocks if b]):
        reason = junk_reason(unit)
        header = len(paragraphs) < HEADER_LINES and long_count < HEADER_LONG_PARAGRAPHS
        # A stamp's separators can make its line look like a breadcrumb trail ("March 3, 2021 / 4:15 PM / ...").
        while reason in {None, "navigation"} and header and (stamp := split_date_stamp(unit)) is not None:
            text_date = text_date or normalise_date(stamp[0], languages=["en"])  # "date 2018-04-08 Headline"
            removed.append(stamp[1])
            unit = stamp[2]
            reason = junk_reason(unit)
        labelled = UPDATED_STAMP.match(unit) is not None and len(unit.split()) <= 10
        if reason is None and header and (found := byline_of(unit)):
            byline = byline or found[0]
            text_date = text_date or found[1]
            reason = "byline"
        elif reason is None and (header or labelled) and date_line_text(unit):
            text_date = text_date or date_from_line(unit)
            reason = "date"
        elif reason is None and labelled and RELATIVE_STAMP.search(unit) and len(unit.split()) <= 6:
            reason = "date"  # "Updated 2 hours ago": a stamp relative to an unknown crawl time
        if reason is None and _key(unit) in seen:
            reason = "repeat"
        if reason is not None:
            removed.append(unit)
            continue
        seen.add(_key(unit))
        long_count += len(unit.split()) >= 40
        paragraphs.append(unit)

    first_body = 0
    if paragraphs and _is_headline(paragraphs[0], title):
        title = title or _strip_enclosing_quotes(paragraphs[0])
        first_body = 1

    outlet, outlet_source = find_outlet("\n\n".join(paragraphs), raw.url, raw.site)

    dateline = None
    for i in range(first_body, min(len(paragraphs), first_body + DATELINE_PARAGRAPHS)):
        if found_line := dateline_of(paragraphs[i]):
            dateline, prefix, _agency = found_line
            removed.append(prefix.strip())
            paragraphs[i] = paragraphs[i][len(prefix):].lstrip()
            break
    paragraphs = [p for p in paragraphs if p]

    published, published_source = _published(raw, text_date)
    return CleanArticle(
        text="\n\n".join(paragraphs),
        removed=removed,
        title=title,
        byline=byline,
        dateline=dateline,
        published=published,
        published_source=published_source,
        outlet=outlet,
        outlet_source=outlet_source,
    )
