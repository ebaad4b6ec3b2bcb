"""Kinds of military equipment a statement is about, so that "will not receive missiles" does not deny
"buys jets": within one structural key, statements about different kinds are different propositions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from parallax.link.propositions import stem


class Keyed(Protocol):
    """What the split reads and sets of a statement (``parallax.link.claims.Statement``)."""

    key: tuple | None
    text: str
    sentence: str


# Kinds of equipment a reader takes for one thing ("fighter jets" = "combat aircraft"); other weapon heads from
# the events lexicon (data/events/weapons.txt) stand for themselves. Generic words name no kind.
FAMILIES = {w: "aircraft" for w in "aircraft airplane plane jet fighter bomber interceptor warplane gunship".split()}
FAMILIES.update({w: "ships" for w in "ship vessel boat warship frigate corvette destroyer cruiser battleship".split()})
GENERIC_EQUIPMENT = frozenset("arm weapon weaponry equipment hardware system vehicle shell".split())


@lru_cache(maxsize=1)
def _weapon_words() -> frozenset[str]:
    from importlib.resources import files

    text = (files("parallax") / "data" / "events" / "weapons.txt").read_text(encoding="utf-8")
    heads = {ln.split()[-1] for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}
    return frozenset((heads | set(FAMILIES)) - GENERIC_EQUIPMENT)


def equipment_kinds(text: str) -> frozenset[str]:
    """The kinds of equipment a statement is about: "12 HA-50 fighter jets" → {"aircraft"}; "arms" → {}.
    A kind after "of" that follows one already found only modifies it ("the radar of the fighter" → radar)."""
    words = _weapon_words()
    out: set[str] = set()
    for w in re.findall(r"[a-z]+", text.lower()):
        if w == "of" and out:
            break
        w = stem(w)
        if w in words:
            out.add(FAMILIES.get(w, w))
    return frozenset(out)


def split_by_equipment(stmts: Sequence[Keyed]) -> None:
    """Within one structural key, statements about different kinds of equipment are different propositions
    ("will not receive missiles" does not deny "buys jets"). Statements naming one kind make the parts; one
    naming several joins the largest part among them (a list does not bridge two parts); one naming none
    joins the largest part."""
    groups: dict[tuple, list[Keyed]] = {}
    for s in stmts:
        if s.key and s.key[0] == "E":
            groups.setdefault(s.key, []).append(s)
    for key, group in groups.items():
        kinds = [equipment_kinds(s.text or s.sentence) for s in group]
        size = Counter(next(iter(k)) for k in kinds if len(k) == 1)
        for k in kinds:
            if len(k) > 1 and not size.keys() & k:
                size[min(k)] += 0  # a part of its own, for a list that matches none
        if len(size) < 2:
            continue
        largest = max(sorted(size), key=lambda k: size[k])
        for s, k in zip(group, kinds):
            kind = max(sorted(k & size.keys()), key=lambda x: size[x]) if k & size.keys() else largest
            s.key = (*key, kind)
