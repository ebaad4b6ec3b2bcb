"""Where the actor graph's nodes and labels go on the page: a stress layout, then room for every label.

A graph layout (Kamada-Kawai here, ForceAtlas2 in Gephi) places actors by their ties but knows nothing of text,
so on a real story the labels of a busy centre pile up while the frame around it stays empty. The passes here
do what Gephi's "Noverlap" and "Label Adjust" do after it: each node and its label form one box, boxes that
overlap are pushed apart, and the drawing is then stretched to fill the frame with only a margin around it.
Everything is deterministic (seeded starts, ordered pushes), so a story always looks the same.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import networkx as nx
import numpy as np

MARGIN = 16  # empty border around the drawing, in SVG units
GAP = 4  # least space between two boxes
LABEL_PAD = 2  # between a circle and its label
LINE = 1.25  # a label's box height, in font sizes (ascent + descent)
ASCENT = 0.95  # from the top of the box to the baseline, in font sizes
OVERLAP_ROUNDS = 400
PACK_GAP = 1.0  # steps between two groups with no tie between them
FILL = 0.3  # at most this share of the frame is covered by labels and circles before it grows taller
KK_STARTS = 4  # Kamada-Kawai runs per group, from different starts
KK_SMALL = 60  # larger groups get one run

# Advance widths in em, rounded up over each class of characters, of DejaVu Sans (the graph's first font, and
# as wide as the usual fallbacks): the estimate must not be narrower than the drawn text, or labels would touch.
_NARROW = frozenset("fijlrtIJ.,:;'!|()[]{}-/’ ")
_WIDE = frozenset("mwMW@%&…—")
BOLD = 1.15  # a bold face is at most this much wider


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper estimate of ``text``'s drawn width at font ``size`` (no font metrics on the server)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.43
        elif ch in _WIDE or unicodedata.east_asian_width(ch) in "WF":
            em += 1.0
        elif ch.isupper() or ch.isdigit() or not ch.isalpha():
            em += 0.8
        else:
            em += 0.64
    return em * size * (BOLD if bold else 1.0)


@dataclass(frozen=True, slots=True)
class Mark:
    """One node's footprint: a circle of radius ``r`` with a centred label of ``w`` × ``h`` below it."""

    r: float
    w: float
    h: float

    @property
    def half_width(self) -> float:
        return max(self.r, self.w / 2)

    @property
    def top(self) -> float:  # from the node's centre
        return -self.r

    @property
    def bottom(self) -> float:
        return self.r + LABEL_PAD + self.h


def _stress(pos: dict[str, tuple[float, float]], hops: dict[str, dict[str, int]]) -> float:
    """How far drawn distances are from the number of steps between actors (Kamada-Kawai's energy), after
    the best scaling: the lower, the more faithful the drawing."""
    ids = list(pos)
    p = np.array([pos[n] for n in ids])
    d = np.array([[hops[a][b] for b in ids] for a in ids], dtype=float)
    drawn = np.sqrt(((p[:, None, :] - p[None, :, :]) ** 2).sum(-1))
    off = d > 0
    w = 1 / d[off] ** 2
    scale = float((w * drawn[off] * d[off]).sum() / max((w * drawn[off] ** 2).sum(), 1e-12))
    return float((w * (scale * drawn[off] - d[off]) ** 2).sum())


def _component(g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Kamada-Kawai positions of one connected group, in steps: two actors are drawn as far apart as the
    number of ties between them, which spreads a small graph evenly instead of packing the hubs into a dense
    core. Kamada-Kawai finds a local optimum, so it starts from a few seeded spring layouts and a circle and
    keeps the most faithful result; the seeds make a story always look the same."""
    if len(g) == 1:
        return {next(iter(g)): (0.0, 0.0)}
    if len(g) == 2:
        a, b = sorted(g)
        return {a: (-0.5, 0.0), b: (0.5, 0.0)}
    hops = dict(nx.all_pairs_shortest_path_length(g))
    scale = nx.diameter(g) / 2
    runs = KK_STARTS if len(g) <= KK_SMALL else 1  # a run costs about the cube of the actors
    starts: list = [nx.spring_layout(g, seed=seed + i, weight=None) for i in range(max(1, runs - 1))]
    starts += [None] * (runs > 1)  # None: Kamada-Kawai's own start, a circle
    tries = [nx.kamada_kawai_layout(g, dist=hops, pos=s, weight=None, scale=scale) for s in starts]
    best = min(tries, key=lambda p: _stress(p, hops))
    return {n: (float(p[0]), float(p[1])) for n, p in best.items()}


def force_positions(g: nx.Graph, seed: int, order: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Positions for the whole graph: the largest group on the left, the groups with no tie to it (and lone
    actors) stacked in columns on its right, most important first, as Graphviz and igraph pack components.
    Laid out together, unlinked groups would drift to the corners and leave the frame empty."""
    groups = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(order[n] for n in c)))
    laid = [_component(g.subgraph(c), seed) for c in groups]
    if not laid:
        return {}
    boxes = [(min(x for x, _ in p.values()), max(x for x, _ in p.values()),
              min(y for _, y in p.values()), max(y for _, y in p.values())) for p in laid]
    out = dict(laid[0])
    x0, x1, y0, y1 = boxes[0]
    column = max(y1 - y0, sum((b[1] - b[0] + PACK_GAP) * (b[3] - b[2] + PACK_GAP) for b in boxes) ** 0.5)
    left, right, top = x1 + PACK_GAP, x1 + PACK_GAP, y0
    for p, (a, b, c, d) in zip(laid[1:], boxes[1:]):
        if top > y0 and top + (d - c) > y0 + column:  # this column is full: start the next one
            left, top = right + PACK_GAP, y0
        out.update({n: (left + x - a, top + y - c) for n, (x, y) in p.items()})
        right = max(right, left + b - a)
        top += d - c + PACK_GAP
    return out


def _spread(v: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """``v`` mapped linearly onto [lo, hi] (the middle when all values are equal)."""
    span = float(v.max() - v.min()) if len(v) else 0.0
    if span == 0:
        return np.full_like(v, (lo + hi) / 2)
    return lo + (v - v.min()) / span * (hi - lo)


def separate(x: np.ndarray, y: np.ndarray, marks: list[Mark], *, move_x: bool = True,
             aspect: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Push overlapping boxes apart along the axis where they overlap least, until none overlap.

    Each round moves every pair that overlaps half the overlap each way; with ``move_x`` off only vertical
    pushes are made, which always ends (the drawing can grow downwards without limit).
    """
    x, y = x.astype(float).copy(), y.astype(float).copy()
    n = len(marks)
    if n < 2:
        return x, y
    hw = np.array([m.half_width for m in marks])
    hh = np.array([(m.bottom - m.top) / 2 for m in marks])
    off = np.array([(m.bottom + m.top) / 2 for m in marks])
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    order = np.arange(n)
    for _ in range(OVERLAP_ROUNDS):
        cy = y + off
        dx = x[:, None] - x[None, :]
        dy = cy[:, None] - cy[None, :]
        ox = hw[:, None] + hw[None, :] + GAP - np.abs(dx)
        oy = hh[:, None] + hh[None, :] + GAP - np.abs(dy)
        hit = upper & (ox > 0) & (oy > 0)
        if not hit.any():
            break
        along_x = (ox < oy * aspect) if move_x else np.zeros_like(hit)
        # which way: away from each other; a tie is broken by index, so the result never depends on chance
        sx = np.where(dx != 0, np.sign(dx), np.where(order[:, None] < order[None, :], -1.0, 1.0))
        sy = np.where(dy != 0, np.sign(dy), np.where(order[:, None] < order[None, :], -1.0, 1.0))
        push_x = np.where(hit & along_x, sx * (ox / 2 + 0.5), 0.0)
        push_y = np.where(hit & ~along_x, sy * (oy / 2 + 0.5), 0.0)
        x += push_x.sum(axis=1) - push_x.sum(axis=0)
        y += push_y.sum(axis=1) - push_y.sum(axis=0)
    return x, y


def _stack(x: np.ndarray, y: np.ndarray, marks: list[Mark]) -> np.ndarray:
    """The last resort when pushing has not ended: from the top down, each box moves below every box above it
    that shares some of its width. Always ends with no overlap, at the cost of height."""
    hw = np.array([m.half_width for m in marks])
    hh = np.array([(m.bottom - m.top) / 2 for m in marks])
    cy = y + np.array([(m.bottom + m.top) / 2 for m in marks])
    placed: list[int] = []
    for i in sorted(range(len(marks)), key=lambda k: (cy[k], k)):
        above = [j for j in placed if abs(x[i] - x[j]) < hw[i] + hw[j] + GAP]
        if above:
            cy[i] = max(cy[i], max(cy[j] + hh[j] + hh[i] + GAP for j in above))
        placed.append(i)
    return cy - np.array([(m.bottom + m.top) / 2 for m in marks])


def overlaps(x: np.ndarray, y: np.ndarray, marks: list[Mark]) -> int:
    """How many pairs of boxes overlap (0 once ``separate`` is done)."""
    n = len(marks)
    hw = np.array([m.half_width for m in marks])
    hh = np.array([(m.bottom - m.top) / 2 for m in marks])
    cy = y + np.array([(m.bottom + m.top) / 2 for m in marks])
    ox = hw[:, None] + hw[None, :] - np.abs(x[:, None] - x[None, :])
    oy = hh[:, None] + hh[None, :] - np.abs(cy[:, None] - cy[None, :])
    return int((np.triu(np.ones((n, n), dtype=bool), 1) & (ox > 0) & (oy > 0)).sum())


def _extent(v: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[float, float]:
    return float((v + lo).min()), float((v + hi).max())


def _fit(v: np.ndarray, lo: np.ndarray, hi: np.ndarray, size: float, low: float, high: float) -> np.ndarray:
    """Centres ``v`` scaled by the largest factor in [low, high] whose boxes fit in [MARGIN, size - MARGIN],
    then shifted to the middle. A factor ≥ 1 spreads centres apart, so boxes that did not overlap still do not."""
    if len(v) > 1 and v.max() > v.min():
        for _ in range(40):  # the span grows with the factor: bisect
            mid = (low + high) / 2
            s0, s1 = _extent(v * mid, lo, hi)
            low, high = (mid, high) if s1 - s0 <= size - 2 * MARGIN else (low, mid)
        v = v * low
    a, b = _extent(v, lo, hi)
    return v + (MARGIN + (size - 2 * MARGIN - (b - a)) / 2 - a)


def place(pos: dict[str, tuple[float, float]], marks: dict[str, Mark], width: float,
          height: float) -> tuple[dict[str, tuple[float, float]], float]:
    """Pixel positions for the nodes with no two boxes overlapping, filling ``width`` and at least
    ``height`` (more when the boxes need it); returns the positions and the drawing's height."""
    ids = list(pos)
    if not ids:
        return {}, height
    ms = [marks[n] for n in ids]
    hw = np.array([m.half_width for m in ms])
    top = np.array([m.top for m in ms])
    bottom = np.array([m.bottom for m in ms])
    # a frame the boxes cover densely cannot keep the layout's shape: give many labels more height
    area = float(((2 * hw + GAP) * (bottom - top + GAP)).sum())
    height = max(height, area / FILL / width)
    x = _spread(np.array([pos[n][0] for n in ids]), MARGIN + hw.max(), width - MARGIN - hw.max())
    y = _spread(np.array([pos[n][1] for n in ids]), MARGIN - top.min(), height - MARGIN - bottom.max())
    x, y = separate(x, y, ms, aspect=width / height)
    a, b = _extent(x, -hw, hw)
    if b - a > width - 2 * MARGIN:  # too wide for the frame: squeeze across, then make room downwards only
        x = _fit(x, -hw, hw, width, 0.0, 1.0)
        x, y = separate(x, y, ms, move_x=False)
    if overlaps(x, y, ms):
        y = _stack(x, y, ms)
    t, u = _extent(y, top, bottom)
    height = max(height, u - t + 2 * MARGIN)
    x, y = _fit(x, -hw, hw, width, 1.0, 64.0), _fit(y, top, bottom, height, 1.0, 64.0)
    return {n: (round(float(x[i]), 1), round(float(y[i]), 1)) for i, n in enumerate(ids)}, float(round(height))
