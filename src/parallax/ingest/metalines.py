"""Metadata lines that are still in a cleaned text, located so the analysis can leave them alone.

Cleaning removes bylines, date lines and credits near the top of an article; whatever it keeps (a text
stored by older rules, a date line deep in a live blog, a stamp on a paragraph's first line) is still
metadata, and metadata is never a claim: a date stamp must not become an event date or a date to contradict,
a byline or photo credit must not become an event, quote or figure. This module finds such lines with the
same rules cleaning uses, anywhere in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.ingest.header import RELATIVE_STAMP, UPDATED_STAMP, byline_of, dateline_of
from parallax.ingest.junk import credit_reason
from parallax.ingest.metadata import date_line_text, split_date_stamp

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class MetaSpan:
    """A metadata stretch of a cleaned text: a whole line (``whole``) or a date stamp on a line of prose."""

    start: int
    end: int
    whole: bool


def is_metadata_line(line: str) -> bool:
    """A line that is only metadata: a date line, a labelled stamp, a byline, a credit or a lone dateline."""
    line = line.strip()
    if not line:
        return False
    if date_line_text(line) or (UPDATED_STAMP.match(line) and RELATIVE_STAMP.search(line) and len(line.split()) <= 6):
        return True  # "Updated: Apr 15, 2021 10:30 IST", "Updated 2 hours ago"
    if byline_of(line) is not None or credit_reason(line) is not None:
        return True
    found = dateline_of(line)
    return found is not None and found[1].strip() == line


@lru_cache(maxsize=256)
def metadata_spans(text: str) -> tuple[MetaSpan, ...]:
    """The metadata lines and date stamps of a cleaned text, in order (see the module doc)."""
    out: list[MetaSpan] = []
    for m in _LINE.finditer(text):
        start, line = m.start(), m.group(0)
        if is_metadata_line(line):
            out.append(MetaSpan(start, m.end(), True))
            continue
        stamps: list[MetaSpan] = []
        lo, hi = start, m.end()
        while (found := split_date_stamp(text[lo:hi])) is not None:
            _date, stamp, rest = found
            at = text.find(stamp, lo, hi)
            if at < 0:
                break
            stamps.append(MetaSpan(at, at + len(stamp), False))
            rest_at = text.find(rest, lo, hi) if rest else hi
            if rest_at < 0:
                break
            lo, hi = rest_at, rest_at + len(rest)
            if not rest or is_metadata_line(rest):  # "Posted on March 3, 2021 by Jane Doe": all metadata
                stamps = [MetaSpan(start, m.end(), True)]
                break
        out += stamps
    return tuple(out)


def in_metadata(start: int, end: int, spans: tuple[MetaSpan, ...], *, whole_only: bool = False) -> bool:
    """Whether ``[start, end)`` overlaps a metadata span (only whole metadata lines with ``whole_only``)."""
    return any(s.start < end and start < s.end for s in spans if s.whole or not whole_only)
