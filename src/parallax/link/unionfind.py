"""One disjoint-set structure for every across-document merge (actors, claims, sources).

The smallest member is always the root, so a group's representative does not depend on the order in which
pairs were joined: merges stay deterministic from run to run.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Hashable) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
