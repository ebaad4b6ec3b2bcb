"""The package's import structure: no module imports one that (directly or through others) imports it back.

Edges into a module's own package (``from parallax.store import schema`` inside ``parallax.store.duck``) and the
top-level ``parallax`` re-exports are the usual package pattern and not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"


def _module(path: Path) -> str:
    name = ".".join(path.relative_to(SRC).with_suffix("").parts)
    return name.removesuffix(".__init__")


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in (SRC / "parallax").rglob("*.py"):
        mod = _module(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("parallax"):
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names
                                           if (SRC / node.module.replace(".", "/") / f"{a.name}.py").exists()]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("parallax")]
            else:
                continue
            for target in targets:
                if target != "parallax" and mod != "parallax" and not mod.startswith(target + "."):
                    graph.add_edge(mod, target)
    return graph


def test_the_graph_sees_the_package():
    graph = import_graph()
    assert graph.has_edge("parallax.pipeline", "parallax.store")
    assert graph.number_of_nodes() > 50


def test_no_import_loops():
    loops = [" -> ".join(c) for c in nx.simple_cycles(import_graph())]
    assert loops == []
