"""The actor graph: who did what to whom, as a network analysts can open in Gephi or see in the web UI.

Nodes are actors that take part in at least one event; a directed edge source → target aggregates their
events (count, mean Goldstein score, the event ids). Centrality is computed on the undirected view, since
a mediator matters whichever way the sentences run. The SVG layout is drawn server-side with a fixed seed,
so the same story always looks the same and the page needs no JavaScript graph library.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from parallax import model as m
from parallax.views import graph_layout as pl

SHOWN_NODES = 30  # drawn by default: the main actors, so their names can be read (the rest on request)
MAX_SVG_NODES = 100  # beyond this even "show all" is a hairball (and slow to lay out); the rest is in the exports
MAJOR_NODES = 5  # the few actors whose names are drawn largest
MIN_HEIGHT = 300  # the drawing's height for one actor; more actors, taller, up to layout's height
LABEL_CHARS = 28  # longer names are shortened in the drawing (whole in the tooltip and the table)
EXACT_BETWEENNESS_NODES = 300  # above this, betweenness is estimated from sampled sources (it is O(V·E))
BETWEENNESS_SAMPLE = 256


def actor_graph(story: m.Story, *, aggregate_countries: bool = False) -> nx.DiGraph:
    """A directed graph of actors (nodes) and their events (edges), with centralities on the nodes.

    ``aggregate_countries`` folds every actor with a country (officials, ministries, armed forces) into
    that country's node: the state-level view event-data users expect.
    """
    actors = {a.id: a for a in story.actors}

    def node_of(actor_id: str) -> str:
        a = actors.get(actor_id)
        if aggregate_countries and a is not None and a.country and a.kind != "country":
            return f"country:{a.country}"
        return actor_id

    g = nx.DiGraph()
    for e in story.events:
        if not e.source or not e.target:
            continue
        s, t = node_of(e.source), node_of(e.target)
        if s == t:
            continue
        for n in (s, t):
            if n not in g:
                a = actors.get(n)
                g.add_node(n, label=a.name if a else n.split(":", 1)[-1], kind=a.kind if a else "country",
                           country=(a.country if a else n.split(":", 1)[-1]) or "", events=0)
            g.nodes[n]["events"] += 1
        if not g.has_edge(s, t):
            g.add_edge(s, t, weight=0, events=[], types=Counter(), goldsteins=[])
        d = g.edges[s, t]
        d["weight"] += 1
        d["events"].append(e.id)
        d["types"][e.type] += 1
        if e.goldstein is not None and e.mode in TONE_MODES:
            d["goldsteins"].append(e.goldstein)
    for _, _, d in g.edges(data=True):
        gs = d.pop("goldsteins")
        d["goldstein"] = round(sum(gs) / len(gs), 2) if gs else None
    und = g.to_undirected()
    g.graph["betweenness_sample"] = 0  # 0: exact; else the number of sampled source nodes
    if len(g):
        degree = nx.degree_centrality(und)
        k = min(BETWEENNESS_SAMPLE, len(und)) if len(und) > EXACT_BETWEENNESS_NODES else None
        between = nx.betweenness_centrality(und, k=k, seed=0 if k else None, weight=None)
        g.graph["betweenness_sample"] = k or 0
        for n in g:
            g.nodes[n]["degree"] = round(degree[n], 4)
            g.nodes[n]["betweenness"] = round(between[n], 4)
    return g


def _flat(g: nx.DiGraph) -> nx.DiGraph:
    """A copy with only scalar attributes: GraphML and GEXF hold no lists, counters or nulls."""
    h = nx.DiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: v for k, v in d.items() if v is not None})
    for s, t, d in g.edges(data=True):
        attrs = {"weight": d["weight"], "events": " ".join(d["events"]),
                 "types": " ".join(f"{k}:{v}" for k, v in sorted(d["types"].items()))}
        if d.get("goldstein") is not None:
            attrs["goldstein"] = d["goldstein"]
        h.add_edge(s, t, **attrs)
    return h


def graphml_text(story: m.Story, *, aggregate_countries: bool = False) -> str:
    buf = io.BytesIO()
    nx.write_graphml(_flat(actor_graph(story, aggregate_countries=aggregate_countries)), buf)
    return buf.getvalue().decode("utf-8")


def gexf_text(story: m.Story, *, aggregate_countries: bool = False) -> str:
    buf = io.BytesIO()
    nx.write_gexf(_flat(actor_graph(story, aggregate_countries=aggregate_countries)), buf)
    return buf.getvalue().decode("utf-8")


def write_graphml(story: m.Story, path: str | Path, *, aggregate_countries: bool = False) -> None:
    Path(path).write_text(graphml_text(story, aggregate_countries=aggregate_countries), encoding="utf-8")


def write_gexf(story: m.Story, path: str | Path, *, aggregate_countries: bool = False) -> None:
    Path(path).write_text(gexf_text(story, aggregate_countries=aggregate_countries), encoding="utf-8")


# -- drawing -----------------------------------------------------------------------------------------------
# Goldstein scores what happened: a sale that "will not" happen, or one only reported, is not cooperation, so
# only asserted events (and firm commitments) colour an edge; every event still counts in its weight.
TONE_MODES = frozenset({"asserted", "future"})


def tone(goldstein: float | None) -> str:
    """A CSS class from the Goldstein scale: conflictual (red) → neutral (grey) → cooperative (green)."""
    if goldstein is None:
        return "tone-none"
    if goldstein <= -5:
        return "tone-n2"
    if goldstein < -1:
        return "tone-n1"
    if goldstein <= 1:
        return "tone-0"
    if goldstein < 5:
        return "tone-p1"
    return "tone-p2"


@dataclass(frozen=True, slots=True)
class SvgNode:
    id: str
    label: str  # as drawn (long names shortened); ``name`` is the whole one
    kind: str
    x: float
    y: float
    r: float
    events: int
    degree: float
    betweenness: float
    name: str = ""
    font: float = 12.0  # label size: the main actors' names are larger
    major: bool = False  # among the few most active: drawn bold
    ly: float = 0.0  # the label's baseline (centred under the circle at x)


@dataclass(frozen=True, slots=True)
class SvgEdge:
    a: str
    b: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    tone: str
    count: int
    goldstein: float | None
    label: str


@dataclass(frozen=True, slots=True)
class SvgGraph:
    width: int
    height: int
    nodes: list[SvgNode]
    edges: list[SvgEdge]
    hidden: int  # actors left out of the drawing (kept in the exports)
    sample: int = 0  # betweenness estimated from this many sampled actors (0: exact)
    actors: int = 0  # actors in the whole graph
    complete: bool = False  # drawn with every actor (up to MAX_SVG_NODES), not only the main ones


def ranked(g: nx.DiGraph) -> list[str]:
    """Actors by importance: most events first, then the go-betweens (betweenness), then by name."""
    return sorted(g, key=lambda n: (-g.nodes[n]["events"], -g.nodes[n].get("betweenness", 0.0),
                                    str(g.nodes[n]["label"]).casefold(), n))


def short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def font_of(rank: int) -> tuple[float, bool]:
    """Label size and weight by rank: the few main actors read first."""
    if rank < MAJOR_NODES:
        return 15.0, True
    return (13.0, False) if rank < 3 * MAJOR_NODES else (11.5, False)


def layout(g: nx.DiGraph, *, limit: int | None = SHOWN_NODES, width: int = 960, height: int = 600,
           seed: int = 7) -> SvgGraph:
    """An SVG drawing of the ``limit`` most active actors (``None``: all, up to MAX_SVG_NODES): one line per
    actor pair as wide as its events, circles sized by events, and every label readable (no two overlap)."""
    keep = ranked(g)[:min(limit or MAX_SVG_NODES, MAX_SVG_NODES)]
    pairs: dict[tuple[str, str], list] = {}
    for s, t, d in g.subgraph(keep).edges(data=True):
        key = tuple(sorted((s, t)))
        cnt, gs, types = pairs.get(key, [0, [], Counter()])
        gs = gs + ([d["goldstein"]] * d["weight"] if d["goldstein"] is not None else [])
        pairs[key] = [cnt + d["weight"], gs, types + d["types"]]
    sub = nx.Graph()
    sub.add_nodes_from(keep)
    sub.add_weighted_edges_from((a, b, v[0]) for (a, b), v in pairs.items())
    top = max((g.nodes[n]["events"] for n in keep), default=1)
    looks = {n: (round(5 + 13 * (g.nodes[n]["events"] / top) ** 0.5, 1), short(str(g.nodes[n]["label"])),
                 *font_of(i)) for i, n in enumerate(keep)}
    marks = {n: pl.Mark(r, pl.text_width(text, size, bold=bold), size * pl.LINE)
             for n, (r, text, size, bold) in looks.items()}
    frame = min(height, MIN_HEIGHT + 10 * len(keep))  # a few actors need no tall, empty frame
    pos, height_px = pl.place(pl.force_positions(sub, seed, {n: i for i, n in enumerate(keep)}), marks, width, frame)
    nodes = []
    for n in keep:
        r, text, size, bold = looks[n]
        x, y = pos[n]
        d = g.nodes[n]
        nodes.append(SvgNode(n, text, d["kind"], x, y, r=r, events=d["events"], degree=d.get("degree", 0.0),
                             betweenness=d.get("betweenness", 0.0), name=str(d["label"]), font=size,
                             major=bold, ly=round(y + r + pl.LABEL_PAD + size * pl.ASCENT, 1)))
    top_w = max((v[0] for v in pairs.values()), default=1)
    edges = []
    for (a, b), (cnt, gs, types) in sorted(pairs.items()):
        mean = round(sum(gs) / len(gs), 2) if gs else None
        label = f"{g.nodes[a]['label']} – {g.nodes[b]['label']}: {cnt} event(s), " + ", ".join(
            f"{k} {v}" for k, v in types.most_common()) + (f"; mean Goldstein {mean}" if mean is not None else "")
        edges.append(SvgEdge(a, b, *pos[a], *pos[b], width=round(1.5 + 6 * (cnt / top_w) ** 0.5, 1),
                             tone=tone(mean), count=cnt, goldstein=mean, label=label))
    return SvgGraph(width, int(height_px), nodes, edges, hidden=max(0, len(g) - len(keep)),
                    sample=g.graph.get("betweenness_sample", 0), actors=len(g), complete=limit is None)
