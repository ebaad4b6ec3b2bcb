"""When an event happened: DATE mentions resolved against the publication date, with a running year.

News narrates relative to the day it was published ("on Wednesday", "last week") and to the year it last
named ("in 2015 ... the following year"). ``DateContext`` keeps both for one document, read in order.
Precision is what the text says (year, month or day); a week is reported as its month. Unknown stays None.

A date is never more precise than the text and metadata allow: no year comes from nowhere. Without a
publication date, relative mentions ("on Monday", "yesterday", "last week") stay unknown (a weekday needs a
day to count from), and a day or month without a year ("on April 7", "in late September") takes the running
year, the last year the text named *before* it ("In 2021 ... on April 7"); with none, it stays unknown. A
year that only bounds a span ("before February 2022", "since 2019") is not the narrative's year. A year
named only further down is not used: articles tell today's news first and the background years after it.
A mention with no date word at all ("SU 35", a bare "35") is not a date.

With a publication date, a bare weekday that is the publication's own weekday is that day ("the minister said
Thursday" in Thursday's news), and a day or month without a year is the occurrence nearest the publication
("until April 2" in a March article is the coming April 2, "in late September" in October the past one),
except that a past-tense clause ("held a summit in September") takes the past one and a future clause the
coming one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Span

from parallax.ingest.metalines import MetaSpan, in_metadata, metadata_spans
from parallax.language.spans import ents
from parallax.model import Document

_LEAD = re.compile(r"^(?:in|on|at|since|by|until|till|from|during|of|as of|before|after|around|about|the|"
                   r"early|late|mid|earlier|later|the end of|the start of|the beginning of|end of|start of)"
                   r"[\s-]+", re.I)
_NEXT_YEAR = re.compile(r"\b(?:the )?(?:following|next|subsequent) year\b|\ba year later\b|\bthe year after\b", re.I)
_SAME_YEAR = re.compile(r"\b(?:that|the same) year\b", re.I)
_THIS_MONTH = re.compile(r"\b(?:earlier|later) this month\b|\bthis month\b", re.I)
_DURATION = re.compile(r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|"
                       r"the past|the last|the next|past|recent|coming)\s*(?:-\s*)?"
                       r"(?:day|week|month|year|decade|centur)", re.I)
_BOUND_WORDS = frozenset({"before", "since", "until", "till", "by"})
_BOUND = re.compile(r"^(?:before|since|until|till|by|prior to)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b\d{4}s\b|\bdecades?\b|\bcentur", re.I)
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ONLY = re.compile(rf"^({'|'.join(_WEEKDAYS)})(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
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
    metadata: tuple[MetaSpan, ...] = ()  # date lines and stamps left in the text: never an event's date
    _base: datetime | None = field(default=None, init=False)

    @classmethod
    def of(cls, doc: Document) -> DateContext:
        """The context of a document: its publication date, and its metadata lines to leave alone."""
        return cls(doc.published, metadata=metadata_spans(doc.text))

    def is_metadata(self, ent: Span) -> bool:
        """A DATE inside a date line or stamp: when the article was published, not when anything happened."""
        return in_metadata(ent.start_char, ent.end_char, self.metadata)

    def __post_init__(self) -> None:
        if self.published:
            try:
                self._base = datetime.strptime(self.published[:10], "%Y-%m-%d")
            except ValueError:
                self._base = None

    def resolve(self, text: str, *, future: bool = False, bound: bool = False,
                past: bool = False) -> tuple[str, str] | None:
        """(date, precision) for a DATE mention's text, updating the running year; None when unknown.
        A ``bound`` ("before February 2022", "since 2019") limits a span of time: it does not move the year
        the narrative is in. ``past`` (the DATE hangs on a past-tense verb) rules out the coming occurrence."""
        raw = " ".join(text.split())
        bound = bound or bool(_BOUND.match(raw))
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
        explicit_year = _YEAR.search(s)
        relative = bool(_RELATIVE.search(s)) and not explicit_year
        if not (explicit_year or relative or _MONTH.search(s) or _NUMERIC_DATE.search(s)):
            return None  # no date word: "SU 35" is an aircraft, not 1935
        if self._base is None and not explicit_year and (relative or self.year is None):
            return None  # nothing to count from: the year would be invented
        if self._base is not None and (m := _WEEKDAY_ONLY.match(s)) and \
                _WEEKDAYS.index(m.group(1).lower()) == self._base.weekday():
            return _fmt(self._base, "day"), "day"  # "said Thursday" in Thursday's paper: that day, not a week off
        got = _read_date(s, self._base or datetime(self.year or 2000, 7, 1), future)
        if got is None:
            return None
        d, period = got
        if self._base is not None and not (explicit_year or relative or future or past):
            ahead = _read_date(s, self._base, True)  # "until April 2" in March: the coming one, not last year's
            if ahead is not None and abs(ahead[0] - self._base) < abs(self._base - d):
                d = ahead[0]
        precision = {"year": "year", "month": "month", "week": "month"}.get(period, "day")
        if self._base is None and not explicit_year:
            try:
                d = d.replace(year=self.year)  # type: ignore[arg-type]  # the running year, checked above
            except ValueError:  # 29 February of a year that has none
                return None
        elif explicit_year:
            if not bound:
                self.year = int(explicit_year.group(1))
        elif not relative and self.year and self._base and self.year != self._base.year:
            try:
                d = d.replace(year=self.year)  # "in March" after a sentence about 2015 is March 2015
            except ValueError:
                return None
        elif relative and precision == "year":
            self.year = d.year
        return _fmt(d, precision), precision

    def observe(self, sent: Span, *, future: bool | Callable[[Span], bool] = False) -> list[When]:
        """Resolve every DATE entity of a sentence, in order (this is what moves the running year).
        ``future`` says whether a bare weekday or month points ahead; a callable decides per DATE entity."""
        out = []
        for ent in ents(sent):
            if ent.label_ != "DATE" or self.is_metadata(ent):
                continue
            bound = is_bound(ent)
            got = self.resolve(ent.text, future=future(ent) if callable(future) else future, bound=bound,
                               past=not bound and in_past_clause(ent))
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


def is_bound(ent: Span) -> bool:
    """A DATE that bounds a span of time rather than dating something: "before February 2022", "since 2019"."""
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    return prev is not None and prev.lower_ in _BOUND_WORDS


FUTURE_AUX = frozenset({"will", "'ll", "shall"})


_PLANNED = frozenset({"schedule", "plan", "set", "expect", "slate", "due", "propose", "announce"})


def in_past_clause(ent: Span) -> bool:
    """A DATE that hangs under a past-tense verb ("held a summit in September") dates something that already
    happened: the coming September is ruled out however near it is."""
    cur = ent.root
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ != "aux":
            return cur.tag_ == "VBD" or (cur.tag_ == "VBN" and any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "was", "were", "has", "have"}
                for c in cur.children)) or (cur.tag_ == "VBN" and cur.dep_ == "acl"
                                            and cur.lemma_.lower() not in _PLANNED)  # "the summit held in May"
        if cur.head is cur:
            return False
        cur = cur.head
    return False


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
