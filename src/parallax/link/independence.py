"""How many independent sources carry a statement.

Ten outlets running one agency story are one source, not ten. Items (a document id and its evidence sentence)
are joined into one source when
- their documents are the same article: one is a duplicate of the other (``duplicate_of``, followed to the
  original) or they have the same cleaned-text hash;
- their documents come from the same outlet (outlet names compared after dropping case, "www." and a
  domain's suffix, so "Reuters" and "reuters.com" are one outlet);
- their evidence sentences are near-identical (rapidfuzz): shared wire copy or one press release, even when
  two different outlets printed it. Near-identical means a normalised edit-distance ratio of at least
  ``SAME_SENTENCE`` (90), or one sentence found inside the other (partial ratio ≥ 95) when the shorter is at
  least 70% of the longer, which catches a copy with a dateline or a trailing clause added. Sentences under
  ``MIN_CHARS`` characters are too short to tell copying from coincidence and join only when identical.
A document with no outlet is its own source. Joining is transitive (union-find), so a chain of copies is one
source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from parallax.link.unionfind import UnionFind
from parallax.model import Document

SAME_SENTENCE = 90.0  # fuzz.ratio at or above which two evidence sentences are one text
CONTAINED = 95.0  # fuzz.partial_ratio for "one sentence inside the other"
CONTAINED_LENGTH = 0.7  # ... when the shorter is at least this share of the longer
MIN_CHARS = 30  # shorter sentences join only when identical after normalisation
_CHUNK = 512  # rows per cdist call, bounds memory at _CHUNK × n scores
_SMALL = 24  # up to this many sentences, compare pair by pair


def outlet_key(outlet: str | None) -> str | None:
    """An outlet name in comparable form: "www.Reuters.com" → "reuters", "The Daily Star" → "daily star"."""
    if not outlet:
        return None
    low = outlet.strip().lower()
    low = re.sub(r"^https?://", "", low)
    low = re.sub(r"^www\d?\.", "", low)
    if re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+/?", low):  # a domain: keep the registrable name
        parts = low.rstrip("/").split(".")
        low = parts[-3] if len(parts) >= 3 and len(parts[-1]) == 2 and len(parts[-2]) <= 3 else parts[-2]
    low = re.sub(r"^the\s+", "", low)
    low = re.sub(r"[^\w]+", " ", low).strip()
    return low or None


def root_doc(doc_id: str, docs: Mapping[str, Any]) -> str:
    """The original a document copies, following ``duplicate_of`` links (cycles stop where they repeat).

    ``docs`` maps ids to anything with a ``duplicate_of`` (documents, the verifier's document rows). An exact
    copy of a near copy links to the near copy, so one step is not always enough.
    """
    seen = {doc_id}
    cur = doc_id
    while (d := docs.get(cur)) is not None and d.duplicate_of and d.duplicate_of not in seen:
        cur = d.duplicate_of
        seen.add(cur)
    return cur


def _join_near_identical(texts: list[str], uf: UnionFind, owners: list[list[int]]) -> None:
    """Join the items of sentences that are near-identical (see module doc)."""
    long_ix = [i for i, t in enumerate(texts) if len(t) >= MIN_CHARS]
    if len(long_ix) < 2:
        return
    cands = [texts[i] for i in long_ix]
    if len(cands) <= _SMALL:  # a handful: plain pairwise calls beat building score matrices
        for a, b in combinations(range(len(cands)), 2):
            x, y = cands[a], cands[b]
            score = fuzz.ratio(x, y)
            if score >= SAME_SENTENCE or (
                    score >= 60 and min(len(x), len(y)) / max(len(x), len(y)) >= CONTAINED_LENGTH
                    and fuzz.partial_ratio(x, y) >= CONTAINED):
                uf.union(owners[long_ix[a]][0], owners[long_ix[b]][0])
        return
    # Both tests need the shorter sentence to be at least CONTAINED_LENGTH of the longer (a ratio of 90 needs
    # 82%), so sentences are sorted by length and each chunk is scored only against that window of lengths.
    order = sorted(range(len(cands)), key=lambda i: len(cands[i]))
    texts = [cands[i] for i in order]
    lens = np.array([len(t) for t in texts])
    for lo in range(0, len(texts), _CHUNK):
        hi = min(lo + _CHUNK, len(texts))
        end = int(np.searchsorted(lens, lens[hi - 1] / CONTAINED_LENGTH, side="right"))
        ratio = process.cdist(texts[lo:hi], texts[lo:end], scorer=fuzz.ratio, dtype=np.uint8, workers=1)
        for r in range(hi - lo):
            a = lo + r
            later = np.arange(a + 1, end)
            if later.size == 0:
                continue
            scores = ratio[r, a + 1 - lo:]
            same = later[scores >= SAME_SENTENCE]
            # containment: similar lengths, fairly similar overall, then the slower partial ratio decides
            short = np.minimum(lens[a], lens[later]) / np.maximum(lens[a], lens[later])
            maybe = later[(scores < SAME_SENTENCE) & (scores >= 60) & (short >= CONTAINED_LENGTH)]
            contained = [b for b in maybe if fuzz.partial_ratio(texts[a], texts[b]) >= CONTAINED]
            for b in [*same.tolist(), *contained]:
                uf.union(owners[long_ix[order[a]]][0], owners[long_ix[order[b]]][0])


def independent_groups(items: Sequence[tuple[str, str]], docs: Mapping[str, Document]) -> list[list[tuple[str, str]]]:
    """The items grouped by independent source, groups and members in input order."""
    n = len(items)
    if n <= 1:
        return [list(items)] if items else []
    uf = UnionFind()
    first_by: dict[tuple[str, str], int] = {}

    def _join_on(kind: str, key: str | None, i: int) -> None:
        if key is None:
            return
        j = first_by.setdefault((kind, key), i)
        if j != i:
            uf.union(i, j)

    owners: dict[str, list[int]] = {}  # normalised sentence -> items carrying it
    for i, (doc_id, sentence) in enumerate(items):
        root = root_doc(doc_id, docs)
        _join_on("doc", root, i)
        d = docs.get(root) or docs.get(doc_id)
        if d is not None:
            _join_on("sha", d.content_sha or None, i)
            _join_on("outlet", outlet_key(d.outlet), i)
        norm = default_process(sentence or "")
        if norm:
            owners.setdefault(norm, []).append(i)
    for members in owners.values():  # identical sentences: one text
        for j in members[1:]:
            uf.union(members[0], j)
    if len({uf.find(i) for i in range(n)}) > 1:  # one source already (one document's reports): nothing to join
        _join_near_identical(list(owners), uf, list(owners.values()))

    groups: dict[int, list[tuple[str, str]]] = {}
    for i, item in enumerate(items):
        groups.setdefault(uf.find(i), []).append(item)
    return list(groups.values())


def independent_count(items: Sequence[tuple[str, str]], docs: Mapping[str, Document]) -> int:
    """How many independent sources carry these (doc id, evidence sentence) items (see module doc)."""
    return len(independent_groups(items, docs))
