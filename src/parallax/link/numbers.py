"""Number and date conflicts inside one event cluster: one deal, two prices; one raid, two death tolls.

Within a cluster (``link.events``), each document's figures of one kind are compared with every other
document's:

- **money**, per currency: amounts within ``SAME_AMOUNT`` (10%) of each other are one figure. Amounts in
  different currencies are never compared (no exchange-rate table is shipped), which also means "£4.1 billion
  ($5.5 billion)" in one sentence can never conflict with itself.
- **counts**, per item noun ("5 patrol vessels" against "3 offshore patrol vessels": the item is "vessel"),
  from the event extractor's quantities; and **casualties** ("killed 12", "15 people were killed", "a death
  toll of 15"; killed and wounded kept apart), read from the evidence sentence. Counts must be equal.
- **dates** of the event, compared at the coarser precision of the two, exactly: "March 3" against
  "March 4" is a conflict here even though clustering let the two reports join (``events.DAY_SLACK``).

Casualties are read from the evidence sentence; for violent events (ASSAULT, COERCE) whose sentence gives
none, also from the sentence right after it ("... opened fire on the trawler. Four crew members were
injured."), unless that sentence is itself the evidence of another event.

Two documents conflict when they share no figure of that kind; a document that states several figures
("a $2bn deal including $500m for training") conflicts with another only if none of its figures matches. A
conflict's sides are the figures of the conflicting documents, each with all its evidence.

**Temporal** (a change over time, not a contradiction) when the sides were published in order, the figure
could legitimately change, and enough time passed:
- money, counts and casualties: prices are renegotiated, orders resized, tolls revised after inquiries —
  temporal when the sides were published at least ``TEMPORAL_DAYS`` (365) apart. Within a news cycle a
  changed figure is a conflict: two injured on day one against four a week later is one event told two ways;
- dates: when a past event happened does not change, so never temporal — except plans (every report of the
  date is future or hypothetical), which slip: temporal when published ``PLAN_DAYS`` (30) or more apart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date

from parallax.extract.events.details import NUMBER_WORDS
from parallax.link.events import dates_compatible, parse_date, parse_quantity, same_amount
from parallax.link.revisions import revision_timeline
from parallax.link.sides import conflicting_values
from parallax.model import Actor, Contradiction, ContradictionSide, Document, Event, EventCluster, Evidence

TEMPORAL_DAYS = 365
PLAN_DAYS = 30
PLANS = frozenset({"future", "hypothetical"})

_N = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w),
                                                            key=len, reverse=True)) + r")"
_VICTIMS = (r"(?:(?:people|persons|civilians|soldiers|troops|police(?:men)?|officers|sailors|fishermen|crew"
            r"(?: members)?|militants|fighters|children|women|men|migrants|protesters|residents|villagers|"
            r"passengers|workers|others)\b)")
_KILLED = r"(?:killed|dead|died|slain|murdered|lost their lives|fatalities|deaths)"
_WOUNDED = r"(?:wounded|injured|hurt|injuries)"
_Q = r"(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+"
_CASUALTY = [
    re.compile(rf"\b(?P<verb>kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing))\s+(?:{_Q})?{_N}\b", re.I),
    re.compile(rf"\b(?:{_Q})?{_N}\s+(?:[a-z]+\s+)?(?:{_VICTIMS}\s+)?(?:(?:were|was|have been|had been|are|"
               rf"been)\s+)?(?P<verb>{_KILLED}|{_WOUNDED})\b", re.I),
    re.compile(rf"\b(?P<verb>death) toll\s+(?:\w+\s+){{0,3}}?(?:of|to|at|reached|rose to|stood at)\s+"
               rf"(?:{_Q})?{_N}\b", re.I),
]


def casualties(text: str) -> list[tuple[float, str]]:
    """Casualty counts stated in a sentence, as (count, "killed" | "wounded")."""
    out: list[tuple[float, str]] = []
    for pat in _CASUALTY:
        for m in pat.finditer(text):
            raw = m.group("n").lower().replace(",", "")
            n = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else float(raw)
            if len(raw) == 4 and 1800 <= n <= 2100:  # a year ("the 2014 killings"), not a toll
                continue
            verb = m.group("verb").lower()
            kind = "wounded" if re.match(r"wound|injur|hurt", verb) else "killed"
            if (n, kind) not in out:
                out.append((n, kind))
    return out


@dataclass(slots=True)
class _Figure:
    """One figure stated by one event: what kind, its unit (currency, item), its value, text and evidence."""

    kind: str  # money | count | casualty | date
    unit: str
    value: float | str
    text: str
    event: Event
    evidence: Evidence


VIOLENT = frozenset({"ASSAULT", "COERCE"})
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")


def _next_sentence(e: Event, doc: Document | None) -> tuple[int, int] | None:
    """The span of the sentence right after an event's evidence sentence, if any."""
    if doc is None or not doc.text or e.end >= len(doc.text):
        return None
    start = e.end + (len(doc.text[e.end:]) - len(doc.text[e.end:].lstrip()))
    m = _SENTENCE_END.search(doc.text, start)
    end = m.end() if m else len(doc.text)
    return (start, end) if end > start else None


def _figures(e: Event, docs: Mapping[str, Document], event_starts: set[tuple[str, int]]) -> list[_Figure]:
    here = Evidence(e.doc, e.start, e.end)
    out = [_Figure("money", m.currency, m.amount, m.text, e, here) for m in e.money]
    for q in e.quantities:
        if (p := parse_quantity(q)) is not None:
            out.append(_Figure("count", p[1], p[0], q, e, here))
    hurt, where = casualties(e.text), here
    if not hurt and e.type in VIOLENT and (nxt := _next_sentence(e, docs.get(e.doc))) \
            and (e.doc, nxt[0]) not in event_starts:
        hurt, where = casualties(docs[e.doc].text[nxt[0]:nxt[1]]), Evidence(e.doc, e.start, nxt[1])
    out += [_Figure("casualty", kind, n, f"{n:g} {kind}", e, where) for n, kind in hurt]
    if e.date:
        out.append(_Figure("date", "", e.date, e.date, e, here))
    return out


def _same(kind: str) -> Callable[[object, object], bool]:
    if kind == "money":
        return lambda a, b: same_amount(float(a), float(b))  # type: ignore[arg-type]
    if kind == "date":
        return lambda a, b: dates_compatible(str(a), str(b), slack_days=0)
    return lambda a, b: a == b


def _sides(figs: list[_Figure]) -> list[list[_Figure]]:
    """Figures grouped into values: each joins the first group whose first figure it matches."""
    same = _same(figs[0].kind)
    key: Callable[[_Figure], Hashable] = (lambda f: (len(str(f.value)), str(f.value))) if figs[0].kind == "date" \
        else (lambda f: float(f.value))  # type: ignore[arg-type]
    groups: list[list[_Figure]] = []
    for f in sorted(figs, key=key):
        for g in groups:
            if same(g[0].value, f.value):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


def _pub(doc: str, docs: Mapping[str, Document]) -> Date | None:
    d = docs.get(doc)
    return parse_date(d.published[:10]) if d is not None and d.published else None


def _temporal(kind: str, sides: list[list[_Figure]], docs: Mapping[str, Document]) -> bool:
    """Whether the sides read as a change over time (see module doc)."""
    spans = []
    for g in sides:
        days = [p for f in g if (p := _pub(f.event.doc, docs))]
        if len(days) < len(g):
            return False
        spans.append((min(days), max(days), g))
    spans.sort(key=lambda s: (s[0], s[1]))
    gaps = [(b[0] - a[1]).days for a, b in zip(spans, spans[1:])]
    if kind == "date":
        plans = all(f.event.mode in PLANS for g in sides for f in g)
        return plans and all(gap >= PLAN_DAYS for gap in gaps)
    return all(gap >= TEMPORAL_DAYS for gap in gaps)


def _evidence(figs: Iterable[_Figure]) -> list[Evidence]:
    seen = dict.fromkeys(f.evidence for f in figs)
    return list(seen)


def _side_value(g: list[_Figure]) -> str:
    if g[0].kind == "date":
        return str(g[0].value)
    if g[0].kind in ("count", "casualty"):
        return f"{float(g[0].value):g}"
    texts = [f.text for f in g]
    return max(dict.fromkeys(texts), key=texts.count)


def _name(actor_id: str | None, actors: Mapping[str, Actor] | None) -> str:
    if not actor_id:
        return "?"
    a = (actors or {}).get(actor_id)
    return a.name if a is not None else actor_id


_WHAT = {"money": "amount ({unit}) in", "count": "number of {unit}s in", "casualty": "number {unit} in",
         "date": "date of"}


def _conflict(cluster: EventCluster, figs: list[_Figure], docs: Mapping[str, Document],
              actors: Mapping[str, Actor] | None) -> Contradiction | None:
    groups = _sides(figs)
    if len(groups) < 2:
        return None
    by_doc: dict[str, set[int]] = {}
    for i, g in enumerate(groups):
        for f in g:
            by_doc.setdefault(f.event.doc, set()).add(i)
    involved = conflicting_values(by_doc, len(groups), lambda i, j: i == j)
    if not involved:
        return None
    sides = [groups[i] for i in sorted(involved)]
    kind = figs[0].kind
    what = _WHAT[kind].format(unit=figs[0].unit)
    about = (f"{what} {cluster.type} {_name(cluster.source, actors)} → {_name(cluster.target, actors)}"
             + (f" ({cluster.date})" if cluster.date and kind != "date" else ""))
    values = [_side_value(g) for g in sides]
    cid = "x" + hashlib.sha1("\x1f".join([kind, cluster.id, figs[0].unit, *sorted(values)]).encode()).hexdigest()[:12]
    temporal = _temporal(kind, sides, docs)
    timeline = None if temporal or kind == "date" else revision_timeline(
        [(v, float(g[0].value), [f.event.doc for f in g]) for v, g in zip(values, sides)], docs)
    return Contradiction(
        id=cid, kind="date" if kind == "date" else "number", about=about,
        sides=[ContradictionSide(v, _evidence(g)) for v, g in zip(values, sides)],
        temporal=temporal, revision=timeline is not None, timeline=timeline or [],
    )


def detail_conflicts(clusters: Sequence[EventCluster], events: Sequence[Event] | Mapping[str, Event],
                     docs: Mapping[str, Document], actors: Mapping[str, Actor] | None = None) -> list[Contradiction]:
    """Money, count, casualty and date conflicts between the reports of each cluster (see module doc).

    ``actors`` (optional) only makes the ``about`` text read with names instead of ids.
    """
    by_id = events if isinstance(events, Mapping) else {e.id: e for e in events}
    event_starts = {(e.doc, e.start) for e in by_id.values()}
    out: list[Contradiction] = []
    for c in clusters:
        if len(c.docs) < 2:
            continue
        figs: dict[tuple[str, str], list[_Figure]] = {}
        for eid in c.events:
            if (e := by_id.get(eid)) is not None:
                for f in _figures(e, docs, event_starts):
                    figs.setdefault((f.kind, f.unit), []).append(f)
        for key in sorted(figs):
            if (x := _conflict(c, figs[key], docs, actors)) is not None:
                out.append(x)
    return out
