"""Event clusters: reports of one real event across documents.

Two coded events are reports of one event when they have the same PLOVER type, the same dyad, compatible
dates and compatible details:

- **Dyad.** A side is compared by its country when the actor is a country or a state agent (government,
  military, diplomats, legislature, judiciary, police, intelligence: CAMEO's state sectors) with a known
  country, so "the defence minister visited" and "Russia visited" are one dyad; any other actor by its id.
  Symmetric events ("A and B agreed") are unordered; a directed report joins a cluster only in the direction
  its directed members already have (a symmetric report joins either).
- **Dates.** Unknown is compatible with anything. Two known dates are compared at the coarser precision
  ("2025-03" and "2025-03-10" agree; "2014" and "2015" do not); two day dates may differ by ``DAY_SLACK``
  (relative dates such as "on Monday" resolved against different publication days). Reports whose dates
  conflict still join when a distinctive detail ties them — the same model designation, the same money
  amount or the same count of the same item — so one deal reported with two years becomes one cluster with a
  date conflict (``link.numbers``) instead of two events.
- **Time order.** An asserted report cannot tell, as done, an event that the cluster's asserted reports
  date after its own publication day, nor date an event after every asserted report of it was published
  (so a denial printed in September cannot be about January's shooting). Denials and relayed reports are
  exempt: the date they carry is often that of the denial.
- **Undated reports** join the compatible cluster they are tied to or that holds another event of their
  document, else the one nearest in time to their publication (news tells recent events).
- **Details.** When both name equipment, their equipment must share a word ("patrol vessels" and
  "offshore patrol boats" share "patrol"); amounts of one currency, or counts of one item, more than
  ``SPLIT_RATIO`` apart are different deals. Smaller differences stay together: that is a number conflict.

**Mode is not part of the key.** An asserted, a negated and a denied report of one dyad and type land in
one cluster, and ``modes`` counts reports per mode, so a cluster with both "asserted" and "denied"/"negated"
reports is where the event view shows sources disagreeing on whether it happened at all (the claims stage
turns that into a claim contradiction).

All events of one document in a cluster are one report: ``modes`` counts documents, each with the majority
mode of its events there (ties: the earliest in the text); ``mode`` is the majority over reports, "asserted"
on ties. ``date`` is the earliest date of the reports that tell the event (denials' dates only when no other
has one). ``independent`` collapses copies and shared wire text (``link.independence``). Scale: events are blocked by (type, unordered dyad) in one pass; inside a block
they are sorted (dated first, by date) and each joins the best compatible cluster of its block or opens one,
and only with clusters of its block that could take it (same year or undated, tied by a detail, or
nearby in time): O(n log n) plus a few comparisons per report. Limit: events with an unknown side
(``None``) only cluster with events that have the same unknown side; no wildcard matching.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from parallax.link.independence import independent_count
from parallax.model import EVENT_MODES, Actor, Document, Event, EventCluster, Money

STATE_AGENTS = frozenset({"GOV", "MIL", "DIP", "LEG", "JUD", "COP", "SPY"})
DAY_SLACK = 1  # days two day-precision dates may differ and still be one event
SPLIT_RATIO = 3.0  # amounts (same currency) or counts (same item) further apart than this: different events
SAME_AMOUNT = 0.10  # relative difference under which two amounts are one figure
# Clusters a report is compared with at most, the latest formed: a block of ordinary news never comes near
# this; one document with thousands of reports of one type and dyad (a log, a book-length dump) would make
# clustering quadratic.
MAX_SCAN = 256
_GENERIC = frozenset({"class", "type", "new", "modern", "advanced", "additional", "military", "unit", "system",
                      "of", "the", "and", "a", "an"})
_DESIGNATION = re.compile(r"^([a-z]{1,5}[-/]?\d{1,4})")


# ---- small comparisons shared with link.numbers ----

def parse_date(value: str) -> Date | None:
    try:
        parts = [int(p) for p in value.split("-")]
        return Date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def dates_compatible(a: str | None, b: str | None, slack_days: int = DAY_SLACK) -> bool:
    """Unknown agrees with anything; known dates are compared at the coarser of their precisions."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    if n >= 10:
        da, db = parse_date(a[:10]), parse_date(b[:10])
        if da and db:
            return abs((da - db).days) <= slack_days
    return a[:n] == b[:n]


def singular(word: str) -> str:
    """A plural English noun's singular, by the regular rules ("vessels" → "vessel", "navies" → "navy")."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def equipment_words(items: Iterable[str]) -> frozenset[str]:
    """Comparable words of equipment names; model designations reduced to their family ("Mi-35M" → "mi-35")."""
    out = set()
    for item in items:
        for w in re.findall(r"[\w/-]+", item.lower()):
            m = _DESIGNATION.match(w)
            if m and any(ch.isdigit() for ch in w):
                out.add(m.group(1).replace("/", "-"))
            elif w not in _GENERIC and not w.isdigit():
                out.add(singular(w))
    return frozenset(out)


def designation_words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in equipment_words(items) if any(ch.isdigit() for ch in w))


def parse_quantity(text: str) -> tuple[float, str] | None:
    """A quantity string of the event extractor ("4 attack helicopters") as (4.0, "helicopter")."""
    m = re.match(r"^\s*(\d+(?:\.\d+)?)\s+(.*\S)\s*$", text)
    if not m:
        return None
    words = re.findall(r"[A-Za-z]+", m.group(2))
    return (float(m.group(1)), singular(words[-1])) if words else None


def same_amount(a: float, b: float, tolerance: float = SAME_AMOUNT) -> bool:
    hi, lo = max(abs(a), abs(b)), min(abs(a), abs(b))
    return hi == 0 or (hi - lo) / hi <= tolerance


def _far_apart(a: float, b: float) -> bool:
    hi, lo = max(abs(a), abs(b)), min(abs(a), abs(b))
    return lo == 0 or hi / lo > SPLIT_RATIO


# ---- clustering ----

def side_key(actor_id: str | None, actors: Mapping[str, Actor]) -> str | None:
    """What a side is compared by: its country for countries and state agents, else the actor id."""
    if not actor_id:
        return None
    a = actors.get(actor_id)
    if a is not None and a.country and (a.kind == "country" or (a.agent or "").rstrip("?") in STATE_AGENTS):
        return "country:" + a.country
    return actor_id


@dataclass(slots=True)
class _Report:
    """One event with what clustering compares, precomputed."""

    event: Event
    published: str | None
    src: str | None
    tgt: str | None
    equipment: frozenset[str]
    designations: frozenset[str]
    money: list[Money]
    counts: list[tuple[float, str]]


def _later(day: str, pub: str) -> bool:
    """Whether a date lies after a publication day, at the date's precision."""
    return day[:10] > pub[:len(day[:10])]


def _tells_done(r: _Report) -> bool:
    """A report asserting something done: asserted, and not dated after its own publication.

    Denials, negations and relayed reports are left out: their date is often the day of the denial or the
    report, not of the event.
    """
    return r.event.mode == "asserted" and not (r.event.date and r.published and _later(r.event.date, r.published))


@lru_cache(maxsize=65536)
def _ordinal(day: str | None) -> int | None:
    d = parse_date(day[:10]) if day else None
    return d.toordinal() if d else None


@dataclass(slots=True)
class _Cluster:
    """A cluster being built, with what the next report is compared against kept ready."""

    members: list[_Report] = field(default_factory=list)
    dates: set[str] = field(default_factory=set)
    directions: set[tuple[str | None, str | None]] = field(default_factory=set)
    equipment: set[str] = field(default_factory=set)
    designations: set[str] = field(default_factory=set)
    money: set[tuple[str, float]] = field(default_factory=set)
    counts: set[tuple[float, str]] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    last_done_pub: str | None = None  # latest publication of a report telling it as done
    first_past_date: str | None = None  # earliest date not after its own report's publication
    days: list[int] = field(default_factory=list)  # sorted ordinals of its dates and publications

    def add(self, r: _Report) -> None:
        self.members.append(r)
        if r.published and _tells_done(r):
            self.last_done_pub = max(self.last_done_pub or "", r.published)
            if r.event.date:
                self.first_past_date = min(self.first_past_date or "9999", r.event.date)
        if r.event.date:
            self.dates.add(r.event.date)
        if not r.event.symmetric:
            self.directions.add((r.src, r.tgt))
        self.equipment |= r.equipment
        self.designations |= r.designations
        self.money |= {(m.currency, m.amount) for m in r.money}
        self.counts |= set(r.counts)
        self.docs.add(r.event.doc)
        for day in (r.event.date, r.published):
            if (o := _ordinal(day)) is not None:
                insort(self.days, o)


def _tie(r: _Report, c: _Cluster) -> int:
    """How strongly a distinctive detail ties a report to a cluster: shared designation, amount or count."""
    score = 0
    if r.designations & c.designations:
        score += 1
    if any(a.currency == cur and same_amount(a.amount, amount) for a in r.money for cur, amount in c.money):
        score += 1
    if not c.counts.isdisjoint(r.counts):
        score += 1
    return score


def _details_clash(r: _Report, c: _Cluster) -> bool:
    if r.equipment and c.equipment and not (r.equipment & c.equipment):
        return True
    for pairs in (
        [(a.amount, amount) for a in r.money for cur, amount in c.money if a.currency == cur],
        [(n, m) for n, u in r.counts for m, v in c.counts if u == v],
    ):
        if pairs and all(_far_apart(x, y) for x, y in pairs):
            return True
    return False


def _before(r: _Report, c: _Cluster) -> bool:
    """A report cannot tell as done an event that others date after its publication, nor the reverse.

    Lenient where the cluster disagrees with itself: only when every past date (every publication) is on
    the wrong side.
    """
    if not r.published or not _tells_done(r):
        return False
    if c.first_past_date and _later(c.first_past_date, r.published):
        return True
    return bool(r.event.date and c.last_done_pub and _later(r.event.date, c.last_done_pub))


def _fits(r: _Report, c: _Cluster) -> tuple[int, int] | None:
    """None when the report cannot be this cluster's event, else a (tie, same-document) score."""
    if not r.event.symmetric and c.directions and (r.src, r.tgt) not in c.directions:
        return None
    if _details_clash(r, c):
        return None
    if _before(r, c):
        return None
    tie = _tie(r, c)
    if r.event.date and not all(dates_compatible(r.event.date, d) for d in c.dates) and tie == 0:
        return None
    return tie, int(r.event.doc in c.docs)


def _published_gap(r: _Report, c: _Cluster) -> int:
    """Days from the report's publication to the cluster's nearest event date or publication.

    News tells recent events, so an undated report goes to the candidate nearest in time.
    """
    mine = _ordinal(r.published)
    if mine is None or not c.days:
        return 0
    i = bisect_left(c.days, mine)
    return min(abs(mine - c.days[j]) for j in (i - 1, i) if 0 <= j < len(c.days))


def _block_key(r: _Report) -> tuple[str, tuple[str, str]]:
    a, b = r.src or "", r.tgt or ""
    return r.event.type, (a, b) if a <= b else (b, a)


def _date_keys(day: str | None) -> list[tuple]:
    """Index keys of a cluster date: its year, and its month or the fact that it names only a year."""
    if not day:
        return []
    return [("y", day[:4]), ("m", day[:7]) if len(day) >= 7 else ("yo", day[:4])]


def _date_lookups(day: str) -> set[tuple]:
    """The index keys under which every cluster date compatible with ``day`` is filed."""
    if len(day) < 7:
        return {("y", day[:4])}
    near = [day]
    if len(day) >= 10 and (d := parse_date(day[:10])):
        near = [(d + timedelta(days=k)).isoformat() for k in range(-DAY_SLACK, DAY_SLACK + 1)]
    return {k for x in near for k in (("m", x[:7]), ("yo", x[:4]))}


class _Block:
    """The clusters of one (type, dyad) block, indexed so a report is compared only with clusters it could join.

    A dated report can only fit a cluster with no dates, one with a date in the same year, or one it is tied
    to by a detail; an undated report goes to a tied or same-document cluster first, else to the nearest in
    time, found by widening a window around its publication day. The choice is the same as comparing with
    every cluster of the block, up to :data:`MAX_SCAN` candidates (the latest clusters beyond that).
    """

    WINDOWS = (30, 365, 3650)

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_key: dict[tuple, set[int]] = {}  # ("year", y) | ("eq", w) | ("n", n, u) | ("cur", c)
        self.by_doc: dict[str, list[int]] = {}  # document -> its clusters, in the order they were joined
        self.undated: set[int] = set()
        self.dayless: set[int] = set()
        self.days: list[tuple[int, int]] = []  # (ordinal, cluster index), sorted

    @staticmethod
    def _keys(r: _Report) -> list[tuple]:
        keys: list[tuple] = [("eq", w) for w in r.designations]
        keys += [("n", n, u) for n, u in r.counts]
        keys += [("cur", m.currency) for m in r.money]
        return keys

    def _hits(self, r: _Report) -> set[int]:
        out: set[int] = set(self.by_doc.get(r.event.doc, ())[-MAX_SCAN:])
        for k in self._keys(r):
            out |= self.by_key.get(k, set())
        return out

    def _best(self, r: _Report, cands: Iterable[int]) -> tuple[tuple, int] | None:
        best: tuple[tuple, int] | None = None
        if len(cands) > MAX_SCAN:  # type: ignore[arg-type]
            cands = heapq.nlargest(MAX_SCAN, cands)
        for i in cands:
            c = self.clusters[i]
            fit = _fits(r, c)
            if fit is None:
                continue
            rank = (fit[0], fit[1], -_published_gap(r, c), len(c.docs), -i)
            if best is None or rank > best[0]:
                best = (rank, i)
        return best

    def _near(self, mine: int, window: int) -> set[int]:
        lo, hi = bisect_left(self.days, (mine - window, -1)), bisect_left(self.days, (mine + window + 1, -1))
        return {i for _, i in self.days[lo:hi]} | self.dayless

    def place(self, r: _Report) -> None:
        if r.event.date:
            cands = self.undated | self._hits(r)
            for k in _date_lookups(r.event.date):
                cands |= self.by_key.get(k, set())
            best = self._best(r, cands)
        else:
            best = self._best(r, self._hits(r))
            mine = _ordinal(r.published)
            if best is None and mine is None:
                best = self._best(r, range(max(0, len(self.clusters) - MAX_SCAN), len(self.clusters)))
            elif best is None and mine is not None:
                for window in self.WINDOWS:
                    if (best := self._best(r, self._near(mine, window))) is not None:
                        break
                else:
                    best = self._best(r, range(max(0, len(self.clusters) - MAX_SCAN), len(self.clusters)))
        if best is None:
            self.clusters.append(_Cluster())
            i = len(self.clusters) - 1
        else:
            i = best[1]
        c = self.clusters[i]
        c.add(r)
        joined = self.by_doc.setdefault(r.event.doc, [])
        if i not in joined[-MAX_SCAN:]:
            joined.append(i)
        for k in self._keys(r):
            self.by_key.setdefault(k, set()).add(i)
        for k in _date_keys(r.event.date):
            self.by_key.setdefault(k, set()).add(i)
        (self.undated.discard if c.dates else self.undated.add)(i)
        (self.dayless.discard if c.days else self.dayless.add)(i)
        for day in (r.event.date, r.published):
            if (o := _ordinal(day)) is not None:
                insort(self.days, (o, i))


def _cluster_block(reports: list[_Report]) -> list[_Cluster]:
    def order(r: _Report) -> tuple:
        return (r.event.date is None, r.event.date or "", r.published or "9999", r.event.doc, r.event.start,
                r.event.id)

    block = _Block()
    for r in sorted(reports, key=order):
        block.place(r)
    return block.clusters


def _majority_mode(modes: Sequence[str]) -> str:
    counts = Counter(modes)
    top = max(counts.values())
    tied = [m for m in counts if counts[m] == top]
    if "asserted" in tied:
        return "asserted"
    return min(tied, key=lambda m: EVENT_MODES.index(m) if m in EVENT_MODES else len(EVENT_MODES))


def _doc_mode(events: Sequence[Event]) -> str:
    """One document's mode for one cluster: the majority of its events, ties to the earliest in the text."""
    counts = Counter(e.mode for e in events)
    top = max(counts.values())
    return next(e.mode for e in sorted(events, key=lambda e: (e.start, e.id)) if counts[e.mode] == top)


def _cluster_date(events: Sequence[Event]) -> str | None:
    """The earliest event date, from reports that tell the event; a denial's date is usually the denial's."""
    told = [e.date for e in events if e.date and e.mode not in ("denied", "negated")]
    dated = told or [e.date for e in events if e.date]
    return min(dated) if dated else None


def _side_id(key: str | None, raw: Sequence[str | None], countries: Mapping[str, str]) -> str | None:
    """The actor id a cluster shows for one side: the country's actor when compared by country."""
    if key and key.startswith("country:") and key[8:] in countries:
        return countries[key[8:]]
    named = [x for x in raw if x]
    return Counter(named).most_common(1)[0][0] if named else key


def _finish(c: _Cluster, docs: Mapping[str, Document], countries: Mapping[str, str]) -> EventCluster:
    def pub(doc_id: str) -> str:
        return (docs[doc_id].published or "") if doc_id in docs else ""

    events = sorted((r.event for r in c.members), key=lambda e: (pub(e.doc) or "9999", e.doc, e.start, e.id))
    doc_ids = list(dict.fromkeys(e.doc for e in events))
    by_doc: dict[str, list[Event]] = {}
    for e in events:
        by_doc.setdefault(e.doc, []).append(e)
    doc_modes = [_doc_mode(by_doc[d]) for d in doc_ids]
    # orientation: the direction most directed reports give, else the first report's
    directed = Counter((r.src, r.tgt) for r in c.members if not r.event.symmetric)
    first = next(r for r in c.members if r.event is events[0])
    src_key, tgt_key = directed.most_common(1)[0][0] if directed else (first.src, first.tgt)
    raw_src = [r.event.source if (r.src, r.tgt) == (src_key, tgt_key) else r.event.target for r in c.members]
    raw_tgt = [r.event.target if (r.src, r.tgt) == (src_key, tgt_key) else r.event.source for r in c.members]
    outlets = sorted({o for d in doc_ids if d in docs and (o := docs[d].outlet)})
    published = [p for d in doc_ids if (p := pub(d))]
    ids = sorted(e.id for e in events)
    return EventCluster(
        id="v" + hashlib.sha1("\x1f".join(ids).encode()).hexdigest()[:12],
        type=events[0].type,
        source=_side_id(src_key, raw_src, countries),
        target=_side_id(tgt_key, raw_tgt, countries),
        mode=_majority_mode(doc_modes),
        events=[e.id for e in events],
        docs=doc_ids,
        outlets=outlets,
        independent=independent_count([(e.doc, e.text) for e in events], docs),
        date=_cluster_date(events),
        first_reported=min(published)[:10] if published else None,
        modes=dict(sorted(Counter(doc_modes).items())),
    )


def cluster_events(events: Sequence[Event], docs: Mapping[str, Document],
                   actors: Mapping[str, Actor]) -> list[EventCluster]:
    """Group events (with global actor ids) into clusters of one real event each (see module doc).

    Ordered by event date, then first report, then id; every event is in exactly one cluster.
    """
    countries = {a.country: a.id for a in actors.values() if a.kind == "country" and a.country}
    blocks: dict[tuple, list[_Report]] = {}
    for e in events:
        pub = docs[e.doc].published if e.doc in docs else None
        r = _Report(e, pub, side_key(e.source, actors), side_key(e.target, actors),
                    equipment_words(e.equipment), designation_words(e.equipment), list(e.money),
                    [q for q in map(parse_quantity, e.quantities) if q])
        blocks.setdefault(_block_key(r), []).append(r)
    out = [_finish(c, docs, countries) for block in blocks.values() for c in _cluster_block(block)]
    out.sort(key=lambda c: (c.date or "9999", c.first_reported or "9999", c.id))
    return out
