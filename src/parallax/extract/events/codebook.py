"""CAMEO → PLOVER and CAMEO → Goldstein, read from the public tables in ``parallax/data/events``.

The tables are data, not code, so a newer PLOVER release or a corrected scale is a file swap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from parallax.model import PLOVER_TYPES

_DATA = files("parallax") / "data" / "events"
_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,")


@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, str]:
    """CAMEO code (3–4 digits) → PLOVER type, from CAMEO2PLOVER-2021.txt."""
    table: dict[str, str] = {}
    for line in (_DATA / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line.strip())
        if m and m.group(2) in PLOVER_TYPES:
            table.setdefault(m.group(1), m.group(2))
    return table


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code (2–4 digits) → Goldstein weight, from goldstein.tsv."""
    table: dict[str, float] = {}
    for line in (_DATA / "goldstein.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, score = line.split("\t")[:2]
        table[code.strip()] = float(score)
    return table


def plover_of(cameo: str | None) -> str | None:
    """PLOVER type of a CAMEO code, falling back to its parent code (0312 → 031)."""
    table = cameo_to_plover()
    while cameo:
        if cameo in table:
            return table[cameo]
        cameo = cameo[:-1] if len(cameo) > 3 else None
    return None


def goldstein(cameo: str | None) -> float | None:
    """Goldstein score of a CAMEO code (or of its nearest listed parent); None when unknown."""
    table = goldstein_table()
    while cameo:
        if cameo in table:
            return table[cameo]
        cameo = cameo[:-1] if len(cameo) > 2 else None
    return None
