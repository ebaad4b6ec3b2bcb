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
from parallax.ingest.metadata import (
    AGENCIES,
    date_from_line,
    date_line_text,
    find_outlet,
    is_place_name,
    normalise_date,
    split_date_stamp,
)


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
# Line classes. Each returns a reason (for tests and audit) or None.

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_FINITE = frozenset(
    "is are was were be been has have had will would can could shall should may might must said says say "
    "told tells do does did denied denies warned warns agreed agrees".split()
)


def _words(line: str) -> list[str]:
    return _WORD.findall(line.lower())


# Engagement vocabulary: words that only page furniture uses densely. A line is engagement junk when it is
# short and made *only* of these words and the filler words below (so "Share this article" and "Add a comment"
# go, while "Chile to share satellite data with Peru" stays: "Chile", "satellite", "data" are content).
ENGAGEMENT_TERMS = frozenset(
    """reply replies comment comments commenting share shares sharing shared subscribe subscribed subscription
    subscriptions subscriber subscribers unsubscribe newsletter newsletters follow following sign signup login
    log register email e-mail inbox cookie cookies advertisement advertisements advertising advert ad ads
    sponsored promoted read related recommended trending print whatsapp facebook twitter instagram telegram
    youtube linkedin reddit pinterest tiktok messenger flipboard rss app apps notifications alerts click tap
    download scroll bookmark tweet feedback tags topics loading link links story stories""".split()
)
FILLER_WORDS = frozenset(
    """a an the this that these those it its our us your you we i me my to on for via with of in at by from and
    or no not be is are yet there first now here more most below above up down free daily weekly latest today
    top next previous prev please article articles post posts page news update updates channel button
    continue continued reading full view show load hide all leave add write join get see also must don't do
    miss back home menu search close open less just copy copied clipboard google x briefing digest delivered
    straight sent every morning evening week day account required fields marked name website mail like likes
    sign-up log-in opt-in""".split()
)
# Imperatives that open calls to action ("Follow us on X for updates", "Click here to read more").
CTA_VERBS = frozenset(
    "leave post add write share subscribe follow sign log register join click tap download read watch listen "
    "like get bookmark save".split()
)
# Template sentences that only page furniture uses, whatever the line's length or punctuation.
_FOOTER = re.compile(
    r"(?i)\b(?:your email address will not be published|required fields are marked|comments are closed|"
    r"be the first to comment|you must be logged in to|save my name, email|story continues below|"
    r"continue reading below|we use cookies|this (?:web)?site uses cookies|published from a syndicated feed|"
    r"join our (?:whatsapp|telegram) channel|thank you for subscribing)\b|^(?:there are )?no comments(?: yet)?\W*$"
)
# Footer phrases that prose may also use ("Meta changed its privacy policy"): junk only on a short line.
_FOOTER_SHORT = re.compile(
    r"(?i)\b(?:all rights reserved|copyright\s*(?:©|\(c\))?\s*\d{4}|©\s*\d{4}|privacy policy|"
    r"terms of (?:use|service)|cookie (?:policy|settings|preferences|consent)|accept (?:all )?cookies|"
    r"download (?:the|our) app|"
    r"sign up for (?:our|the)|support (?:our|independent) journalism|thank you for reading)\b"
)
# "Also read: <link title>", "RELATED | <link title>", "Tags: a, b, c": a label that introduces links.
_LABEL = re.compile(
    r"(?i)^\s*(?:(?:also read|read also|must read|see also|don't miss|do not miss)\b|(?:read more|read|more from|"
    r"related(?: articles| stories| news| posts)?|recommended(?: for you)?|trending(?: now)?|watch|listen|tags?|"
    r"topics?|keywords?|filed under|advertisement|sponsored|you may also like|more stories)\s*[:|–—»>-])"
)


def engagement_reason(line: str) -> str | None:
    """'engagement' when a line is a comment/share/subscribe prompt, a link label or a footer template."""
    words = _words(line)
    if (len(words) <= 40 and _FOOTER.search(line)) or (len(words) <= 12 and _FOOTER_SHORT.search(line)):
        return "engagement"
    if _LABEL.match(line) and (len(words) <= 12 or (len(words) <= 30 and not _SENTENCE_END.search(line))):
        return "engagement"  # a link title has no final full stop; a long sentence after a label is prose
    if not words or len(words) > 15:
        return None
    terms = [w for w in words if w in ENGAGEMENT_TERMS]
    if not terms:
        return None
    residual = [w for w in words if w not in ENGAGEMENT_TERMS and w not in FILLER_WORDS]
    if len(words) <= 12 and not residual:
        return "engagement"
    if words[0] in CTA_VERBS and any(w in ENGAGEMENT_TERMS for w in words[1:]) and not _finite_clause(words):
        return "engagement"
    return None


def _finite_clause(words: list[str]) -> bool:
    return any(w in _FINITE for w in words)


_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article blockquote".split())
_URL = re.compile(r"(?i)\bhttps?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
_CODE = re.compile(
    # a JavaScript call whose first argument is a quoted identifier — tag managers' "fn('config', 'ID');"
    r"""^\s*[A-Za-z_$][\w$.]*\(\s*['"][\w.-]+['"]\s*[,)]|"""
    r"<!--|-->|^!--|\b(?:dataLayer|googletag|adsbygoogle|fbq|_gaq|__tcfapi)\b|\bfunction\s*\w*\s*\([^)]*\)"
    r"\s*\{|\b(?:window|document)\.\w+|^\s*(?:var|let|const)\s+\w+\s*="
)
_CODE_END = re.compile(r"[;{}]\s*$")
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,15}\)")


def code_reason(line: str) -> str | None:
    """'markup' for tracking code, HTML comment remnants and embedded-post signatures: never prose."""
    if _CODE.search(line) or (_CODE_END.search(line) and re.search(r"\w\(|[={}]", line)):
        return "markup"
    return "markup" if _TWEET_SIGNATURE.match(line) else None


def markup_reason(line: str) -> str | None:
    """'markup' for code (see :func:`code_reason`), URL-only and symbol-only lines."""
    if code_reason(line):
        return "markup"
    if not any(ch.isalnum() for ch in line):
        return "markup"
    useful = sum(ch.isalnum() or ch.isspace() for ch in line)
    if len(line) >= 6 and useful / len(line) < 0.6:
        return "markup"
    if _URL.search(line) and len(_URL.sub(" ", line).split()) < 3:
        return "markup"
    return None


_CREDIT_LABEL = re.compile(
    r"(?i)^\(?\s*(?:file |representational |representative |top |main |featured )?(?:photo|photos|photograph|"
    r"image|images|picture|pic|pics|credit|credits|courtesy|source|sources|video|graphic|graphics|illustration|"
    r"caption)(?:\s+(?:credit|credits|courtesy|source))?\s*(?:[:|/]|\bby\b|\bcourtesy\b)"
)
_CREDIT_ALONE = re.compile(r"(?i)^\(?\s*(?:photo|image|picture|video) credits?\s*\)?\s*$")
_STAFF_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:(?:additional )?(?:reporting|writing|editing|compiled|translated|produced|edited|"
    r"written|research) by\b|with (?:additional )?inputs? from\b)"
)


def credit_reason(line: str) -> str | None:
    """'credit' for photo/source credits and wire staff credits ("(Reporting by ...; Editing by ...)")."""
    words = _words(line)
    if _CREDIT_ALONE.match(line):
        return "credit"
    if (m := _CREDIT_LABEL.match(line)) and len(_words(line[m.end():])) <= 10 and not _finite_clause(words):
        return "credit"
    if _STAFF_CREDIT.match(line) and len(words) <= 30:
        return "credit"
    return None


def tag_list_reason(line: str) -> str | None:
    """'tags' for keyword lines: four or more short, mostly capitalised phrases, comma-separated, no verb."""
    if _SENTENCE_END.search(line):
        return None
    items = [i.strip() for i in re.split(r"[,;|•·]", line) if i.strip()]
    if len(items) < 4 or any(len(i.split()) > 4 for i in items):
        return None
    if _finite_clause(_words(line)) or not all(any(ch.isalpha() for ch in i) for i in items):
        return None
    capitalised = sum(i[0].isupper() for i in items)
    return "tags" if capitalised * 2 >= len(items) else None


_CRUMB_SEP = re.compile(r"\s+[/>»›]\s+")


def breadcrumb_reason(line: str) -> str | None:
    """'navigation' for breadcrumb trails ("Home / World / Asia"): short items joined by path separators."""
    items = _CRUMB_SEP.split(line)
    if len(items) < 2 or _SENTENCE_END.search(line) or any(len(i.split()) > 4 for i in items):
        return None
    if len(items) >= 3 or items[0].lower() == "home":
        return None if _finite_clause(_words(line)) else "navigation"
    return None


def junk_reason(line: str) -> str | None:
    """Why a line is junk (markup, engagement, credit, tags, navigation), or None for a line to keep."""
    return (markup_reason(line) or engagement_reason(line) or credit_reason(line) or tag_list_reason(line)
            or breadcrumb_reason(line))


# ---------------------------------------------------------------------------------------------------------
# Header lines: byline, date line

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|bin|al|el))*"
_BYLINE = re.compile(
    rf"^(?i:(?:written|reported|posted|compiled|story)\s+)?(?i:by)\s*:?\s+"
    rf"(?P<name>{_NAME}(?:\s*(?:and|&)\s+{_NAME})*)(?P<rest>.*)$"
)
_NAME_CHECK = re.compile(rf"^{_NAME}(?:\s*(?:and|&)\s+{_NAME})*$")
_CAPS_NAME = re.compile(r"^[A-Z][A-Z'’-]+(?:\s+(?:[A-Z]\.?|[A-Z][A-Z'’-]+)){1,3}$")
_STOP = frozenset(
    "a an the of in on at to for and or but with by from as is are was were be not no new news world "
    "national international opinion analysis editorial breaking exclusive update updated live video watch "
    "home business politics sports defence defense security war report special feature explained".split()
)


_TIME_WORD = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
                        r"august|september|october|november|december|dawn|noon|midnight|nightfall|tonight|today")
# Endings of common nouns that person names almost never have ("MIDDLE EAST CRISIS" is a kicker, not a byline).
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ics", "sis", "ship")


def _smart_title(text: str) -> str:
    """Title-case an ALL-CAPS string, keeping short acronyms ("US", "DC") as they are."""
    return " ".join(w if len(w) <= 2 and w.isalpha() else w.capitalize() for w in text.split())


def byline_of(line: str) -> tuple[str, str | None] | None:
    """(author names, date found on the same line) for a byline, else None.

    Two shapes: "By Jane Doe [and John Roe] [| April 15, 2021]" and a bare ALL-CAPS person name
    ("JANE Q DOE"), the latter only when no word is a stop word, section label or place.
    """
    if len(line.split()) > 16:
        return None
    if m := _BYLINE.match(line):
        name = m.group("name").strip()
        if not _NAME_CHECK.match(name) or name.split()[0].lower() in _STOP:
            return None
        if len(name.split()) == 1 and _TIME_WORD.fullmatch(name):
            return None  # "By Monday, ...", "By March 2021 ...": a time, not an author
        rest = m.group("rest").strip(" ,|•·-–—")
        found = None
        for part in re.split(r"\s*[|•·]\s*|\s+[-–—]\s+|,\s+(?=\D)", rest):
            if part and (found := date_from_line(part)):
                break
        if (len(rest.split()) > 8 or _finite_clause(_words(rest))) and not found:
            return None  # "By then the talks had collapsed.": the rest is a clause
        name = _smart_title(name) if name.isupper() else name
        return name, found
    if _CAPS_NAME.match(line):
        tokens = [t.strip(".").lower() for t in line.split()]
        if any(t in _STOP or t in ENGAGEMENT_TERMS or t.endswith(_NOUN_SUFFIXES) for t in tokens):
            return None
        if is_place_name(line) or any(len(t) > 2 and is_place_name(t) for t in tokens):
            return None
        return _smart_title(line), None
    return None


# Labelled date stamps ("Updated: ...", "First Published: ...") are page furniture wherever they stand.
UPDATED_STAMP = re.compile(
    r"^(?i:last |first )?(?i:updated|published|posted)(?:\s+(?i:on|at))?\s*(?:[:|–—-]|(?=\d)|\s(?=[A-Z][a-z]{2}))"
)
RELATIVE_STAMP = re.compile(r"(?i)\b(?:ago|just now)\s*$")


# ---------------------------------------------------------------------------------------------------------
# Datelines

_PLACE = r"[A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’.-]*){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:\s*/\s*{_PLACE}){{0,3}})(?:\s*\[[^\]]{{1,30}}\])?"
    r"(?:,\s*(?P<extra>(?:[A-Z][\w.]*|\d{1,4})(?:[ ,]+(?:[A-Z][\w.]*|\d{1,4})){0,3}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,24})\))?"
    r"(?P<sep>\s*:|\s*[—–]|\s+--?)(?:\s+|$)"
)
_MONTH_WORD = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")


def dateline_of(paragraph: str) -> tuple[str, str, str | None] | None:
    """(place, the prefix to strip, agency) when a paragraph opens with a dateline, else None.

    Accepted when the shape is unmistakable (an agency in brackets or a date after the place) or when every
    place before the separator is a known place name, so that "Putin:" in a transcript or "Update:" stay.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip()
    agency = m.group("agency")
    strong = bool(agency) or bool(m.group("extra") and _MONTH_WORD.search(m.group("extra") + " 1"))
    parts = [p.strip() for p in place.split("/")]
    if not strong and not all(is_place_name(p) for p in parts):
        return None
    if agency and agency.strip() not in AGENCIES and not agency.strip().isupper():
        return None
    pretty = "/".join(_smart_title(p) if p.isupper() else p for p in parts)
    return pretty, m.group(0), agency.strip() if agency else None


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
    return not _SENTENCE_END.search(prev) and not prev.endswith(":") and line[0].islower()


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
        line = " ".join(_TAG.sub(lambda m: " " if m["name"].lower() in _BLOCK_TAGS else "", line).split())
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
