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

MAX_SVG_NODES = 80  # beyond this a drawing is a hairball; the rest stays in the exports
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
    label: str
    kind: str
    x: float
    y: float
    r: float
    events: int
    degree: float
    betweenness: float


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


def layout(g: nx.DiGraph, *, width: int = 960, height: int = 640, seed: int = 7) -> SvgGraph:
    """Positions for an SVG drawing: one undirected line per actor pair, nodes sized by event count."""
    keep = sorted(g, key=lambda n: (-g.nodes[n]["events"], n))[:MAX_SVG_NODES]
    sub = g.subgraph(keep).to_undirected(as_view=False)
    pairs: dict[tuple[str, str], list] = {}
    for s, t, d in g.subgraph(keep).edges(data=True):
        key = tuple(sorted((s, t)))
        cnt, gs, types = pairs.get(key, [0, [], Counter()])
        gs = gs + ([d["goldstein"]] * d["weight"] if d["goldstein"] is not None else [])
        pairs[key] = [cnt + d["weight"], gs, types + d["types"]]
    pos = nx.spring_layout(sub, seed=seed, weight=None, k=None) if len(sub) else {}
    pad = 60

    def xy(n: str) -> tuple[float, float]:
        x, y = pos[n] if len(sub) > 1 else (0.0, 0.0)
        return (round(pad + (float(x) + 1) / 2 * (width - 2 * pad), 1),
                round(pad + (float(y) + 1) / 2 * (height - 2 * pad), 1))

    top = max((g.nodes[n]["events"] for n in keep), default=1)
    nodes = [SvgNode(n, g.nodes[n]["label"], g.nodes[n]["kind"], *xy(n),
                     r=round(6 + 14 * (g.nodes[n]["events"] / top) ** 0.5, 1), events=g.nodes[n]["events"],
                     degree=g.nodes[n].get("degree", 0.0), betweenness=g.nodes[n].get("betweenness", 0.0))
             for n in keep]
    top_w = max((v[0] for v in pairs.values()), default=1)
    edges = []
    for (a, b), (cnt, gs, types) in sorted(pairs.items()):
        mean = round(sum(gs) / len(gs), 2) if gs else None
        label = f"{g.nodes[a]['label']} – {g.nodes[b]['label']}: {cnt} event(s), " + ", ".join(
            f"{k} {v}" for k, v in types.most_common()) + (f"; mean Goldstein {mean}" if mean is not None else "")
        edges.append(SvgEdge(a, b, *xy(a), *xy(b), width=round(1.5 + 6 * cnt / top_w, 1), tone=tone(mean),
                             count=cnt, goldstein=mean, label=label))
    return SvgGraph(width, height, nodes, edges, hidden=max(0, len(g) - len(keep)),
                    sample=g.graph.get("betweenness_sample", 0), actors=len(g))
