"""When an event happened: DATE mentions resolved against the publication date, with a running year.

News narrates relative to the day it was published ("on Wednesday", "last week") and to the year it last
named ("in 2015 ... the following year"). ``DateContext`` keeps both for one document, read in order.
Precision is what the text says (year, month or day); a week is reported as its month. Unknown stays None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Span

from parallax.language.spans import ents

_LEAD = re.compile(r"^(?:in|on|at|since|by|until|till|from|during|of|as of|before|after|around|about|the|"
                   r"early|late|mid|earlier|later|the end of|the start of|the beginning of|end of|start of)"
                   r"[\s-]+", re.I)
_NEXT_YEAR = re.compile(r"\b(?:the )?(?:following|next|subsequent) year\b|\ba year later\b|\bthe year after\b", re.I)
_SAME_YEAR = re.compile(r"\b(?:that|the same) year\b", re.I)
_THIS_MONTH = re.compile(r"\b(?:earlier|later) this month\b|\bthis month\b", re.I)
_DURATION = re.compile(r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|"
                       r"the past|the last|the next|past|recent|coming)\s*(?:-\s*)?"
                       r"(?:day|week|month|year|decade|centur)", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b\d{4}s\b|\bdecades?\b|\bcentur", re.I)
_RELATIVE = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last|next|this|ago|monday|tuesday|wednesday|"
                       r"thursday|friday|saturday|sunday|week|month|year|earlier|later)\b", re.I)


@dataclass(slots=True)
class When:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # year | month | day
    start: int  # char span of the DATE mention in the document
    end: int


def _fmt(d: datetime, precision: str) -> str:
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(precision, d.strftime("%Y-%m-%d"))


@dataclass(slots=True)
class DateContext:
    """Per-document date state: the publication date and the year the narrative is in."""

    published: str | None = None
    year: int | None = None  # running year: the last year the text named explicitly
    _base: datetime | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.published:
            try:
                self._base = datetime.strptime(self.published[:10], "%Y-%m-%d")
            except ValueError:
                self._base = None

    def resolve(self, text: str, *, future: bool = False) -> tuple[str, str] | None:
        """(date, precision) for a DATE mention's text, updating the running year; None when unknown."""
        raw = " ".join(text.split())
        if _NEXT_YEAR.search(raw):
            if self.year is None:
                return None
            self.year += 1
            return f"{self.year:04d}", "year"
        if _SAME_YEAR.search(raw):
            return (f"{self.year:04d}", "year") if self.year else None
        if _THIS_MONTH.search(raw) and self._base:
            return _fmt(self._base, "month"), "month"
        s = raw
        while (m := _LEAD.match(s)) and m.end() < len(s):
            s = s[m.end():]
        if not s or _DECADE.search(s) or (_DURATION.match(s) and "ago" not in s.lower()):
            return None
        relative = bool(_RELATIVE.search(s)) and not _YEAR.search(s)
        if relative and self._base is None:
            return None
        got = _read_date(s, self._base or datetime(2000, 1, 1), future)
        if got is None:
            return None
        d, period = got
        precision = {"year": "year", "month": "month", "week": "month"}.get(period, "day")
        explicit_year = _YEAR.search(s)
        if explicit_year:
            self.year = int(explicit_year.group(1))
        elif not relative and self.year and self._base and self.year != self._base.year:
            d = d.replace(year=self.year)  # "in March" after a sentence about 2015 is March 2015
        elif relative and precision == "year":
            self.year = d.year
        return _fmt(d, precision), precision

    def observe(self, sent: Span, *, future: bool | Callable[[Span], bool] = False) -> list[When]:
        """Resolve every DATE entity of a sentence, in order (this is what moves the running year).
        ``future`` says whether a bare weekday or month points ahead; a callable decides per DATE entity."""
        out = []
        for ent in ents(sent):
            if ent.label_ != "DATE":
                continue
            got = self.resolve(ent.text, future=future(ent) if callable(future) else future)
            if got:
                out.append(When(got[0], got[1], ent.start_char, ent.end_char))
        return out


@lru_cache(maxsize=64)
def _parser(base: datetime, future: bool) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base,
                                                      "PREFER_DATES_FROM": "future" if future else "past"})


@lru_cache(maxsize=8192)
def _read_date(text: str, base: datetime, future: bool) -> tuple[datetime, str] | None:
    """dateparser's reading of one cleaned DATE text against a base day: (date, period) or None.

    Cached: a document's events and its date facts read the same DATE mentions, and a day's news shares a base
    (dateparser takes ~4 ms a call; it is deterministic for a given text, base and direction).
    """
    try:
        data = _parser(base, future).get_date_data(text)
    except Exception:  # dateparser raises on some odd strings; a date we cannot read is unknown
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


FUTURE_AUX = frozenset({"will", "'ll", "shall"})


def in_future_clause(ent: Span) -> bool:
    """A DATE that hangs under a verb with "will"/"shall" ("will visit Japan on Friday") points ahead; one
    attached to a past verb of the same sentence ("warned on Wednesday that it will ...") does not."""
    cur = ent.root
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ != "aux":
            return any(c.lower_ in FUTURE_AUX and c.dep_ == "aux" for c in cur.children) or \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and cur.head.lemma_.lower() in {
                    "be", "expect", "plan", "schedule", "set", "due"}
        if cur.head is cur:
            return False
        cur = cur.head
    return False
