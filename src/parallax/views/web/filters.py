"""The timeline's filters read from a query string and checked against the story.

Why refuse rather than ignore: a filter that cannot match (a date such as 2025-13-45, a type that is no PLOVER
type, a dyad without its second actor) would otherwise show "0 events" or, worse, every event, and an analyst
would read that as a finding. Every problem is named with the form the field takes.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from typing import Callable

from parallax import model as m
from parallax.views.web.queries import StoryIndex, TimelineFilter

DATE_FORM = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def date_bounds(text: str) -> tuple[date, date] | None:
    """The first and last day a YYYY / YYYY-MM / YYYY-MM-DD prefix covers; None when it is no such date."""
    match = _DATE.match(text)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    try:
        if day:
            return date(year, month, day), date(year, month, day)
        if month:
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, day 45, year 0
        return None


def timeline_filter(ix: StoryIndex, get: Callable[[str], str]) -> TimelineFilter:
    """The filter the parameters ask for (``get(name)`` is the stripped value, "" when absent).
    Raises ValueError naming every field that is wrong and the form it takes."""
    f = TimelineFilter(actor=get("actor"), dyad=get("dyad"), type=get("type").upper(), mode=get("mode").lower(),
                       outlet=get("outlet"), date_from=get("from"), date_to=get("to"))
    problems = []
    actors = ix.actors.keys() | ix.events_by_actor.keys()
    if f.actor and f.actor not in actors:
        problems.append(f"actor {f.actor!r} is no actor of this story (give an actor id, as the actor pages show)")
    if f.dyad:
        sides = f.dyad.split("|")
        if len(sides) != 2 or not all(s.strip() for s in sides):
            problems.append(f"dyad {f.dyad!r} is not two actor ids joined by '|' (ACTOR|ACTOR, as the actor "
                            "graph's lines link it)")
        elif unknown := [s for s in sides if s not in actors]:
            problems.append(f"dyad names {unknown[0]!r}, no actor of this story")
    if f.type and f.type not in m.PLOVER_TYPES:
        problems.append(f"type {f.type!r} is not an event type: use one of {', '.join(m.PLOVER_TYPES)}")
    if f.mode and f.mode not in m.EVENT_MODES:
        problems.append(f"mode {f.mode!r} is not an event mode: use one of {', '.join(m.EVENT_MODES)}")
    if f.outlet and f.outlet not in outlets(ix):
        problems.append(f"outlet {f.outlet!r} is no outlet of this story's documents")
    bounds = {}
    for name, value in (("from", f.date_from), ("to", f.date_to)):
        if value:
            bounds[name] = date_bounds(value)
            if bounds[name] is None:
                problems.append(f"{name} {value!r} is not a date: write {DATE_FORM}")
    if bounds.get("from") and bounds.get("to") and bounds["from"][0] > bounds["to"][1]:
        problems.append(f"from {f.date_from} is after to {f.date_to}: no event can match")
    if problems:
        raise ValueError("; ".join(problems))
    return f


def outlets(ix: StoryIndex) -> set[str]:
    """Every outlet label the timeline can filter on (computed once per story)."""
    return ix.memo("outlet_labels", lambda: {ix.source(d.id) for d in ix.story.documents}
                   | {ix.source(e.doc) for e in ix.story.events})
