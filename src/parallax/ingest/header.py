"""Header lines at the top of an article: bylines, labelled date stamps and datelines, which are metadata.

:mod:`parallax.ingest.clean` looks for them among the first lines and keeps what they say (author, date,
place) on the document instead of in the analysed text.
"""

from __future__ import annotations

import re

from parallax.ingest.junk import ENGAGEMENT_TERMS, finite_clause, words_in
from parallax.ingest.metadata import AGENCIES, date_from_line, is_place_name

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
        if (len(rest.split()) > 8 or finite_clause(words_in(rest))) and not found:
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
    place before the separator is a known place name, so that "Okafor:" in a transcript or "Update:" stay.
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
