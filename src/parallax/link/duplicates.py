"""Exact and near-duplicate documents.

Exact copies are found by the hash of the cleaned text (the store looks it up); near copies — a wire story
lightly edited by a second outlet — by MinHash over word shingles (datasketch) and LSH banding. A duplicate is
kept and linked to its original so cross-source analysis counts the story once.

The LSH band table lives in the store, not in memory: an in-memory index over every stored original grows by
several KB per document for the whole run (issue #8). Each ingest batch asks the store once for the originals
that share a band with any of its documents, fetches only their signatures, and matches document by document
against those plus the batch's own earlier originals. Bands are cut exactly as datasketch's ``MinHashLSH``
cuts them for ``THRESHOLD``/``NUM_PERM``, so the candidates — and the decisions — are the ones it would give.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from parallax.ingest.document import content_sha  # noqa: F401  (the exact-copy key, made at ingest)


NUM_PERM = 128
SHINGLE = 5  # words
THRESHOLD = 0.7  # estimated Jaccard of 5-word shingle sets: a re-headlined wire copy with a sentence changed scores ~0.8
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one scheme
_WORD = re.compile(r"\w+", re.UNICODE)


def _banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's own optimum (bands, rows per band) for the threshold: detection quality as with MinHashLSH."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


BANDS, ROWS = _banding(THRESHOLD, NUM_PERM)
# Stored band rows are only valid for this exact cut and hash; the store rebuilds them when it changes.
BAND_SCHEME = f"{SCHEME}/{NUM_PERM}/{BANDS}x{ROWS}/blake2b64"

BandRow = tuple[int, int, str]  # (band, hash, document id)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash | np.ndarray) -> bytes:
    values = mh.hashvalues if isinstance(mh, MinHash) else mh
    return np.asarray(values, dtype="<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=values_of(data), scheme=SCHEME)


def values_of(data: bytes) -> np.ndarray:
    """A stored signature as its bare ``uint64`` array (no MinHash object: those carry 2 KB of permutations)."""
    return np.frombuffer(data, dtype="<u8")


def band_hashes(values: np.ndarray) -> list[int]:
    """One unsigned 64-bit hash per LSH band, the same when writing the table and when querying it.

    datasketch keys a band by its raw bytes; a 64-bit digest of the same bytes keeps the table narrow and
    only adds a collision chance of ~2^-64 per pair and band (a collision only adds a candidate to check).
    """
    raw = np.asarray(values, dtype="<u8")
    step = ROWS * 8
    data = raw.tobytes()
    return [int.from_bytes(hashlib.blake2b(data[i * step:(i + 1) * step], digest_size=8).digest(), "little")
            for i in range(BANDS)]


def band_rows(doc_id: str, values: np.ndarray) -> list[BandRow]:
    return [(band, h, doc_id) for band, h in enumerate(band_hashes(values))]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard of two signatures (what ``MinHash.jaccard`` computes)."""
    return float(np.count_nonzero(a == b)) / len(a)


class BandStore(Protocol):
    """What the near-duplicate search needs from the store (:class:`parallax.store.Store` provides it)."""

    def band_candidates(self, probes: Sequence[tuple[int, int, int]]) -> Iterator[tuple[str, bytes, list[int]]]:
        """For probes (position, band, hash): each stored original sharing a band, its signature, the positions."""
        ...

    def band_scheme(self) -> str | None:
        """The BAND_SCHEME the stored band rows were cut with, None when never filled."""
        ...

    def rebuild_bands(self, scheme: str, rows_for: Callable[[list[tuple[str, bytes]]], list[BandRow]]) -> int:
        """Refill the band table from the originals' stored signatures; returns how many were banded."""
        ...


class BatchIndex:
    """Near-duplicate matching for one ingest batch against the store's band table and the batch itself.

    Built from the batch's new signatures (by position): one store query finds every stored original that shares
    a band with any of them. ``match`` then looks at the stored candidates of that position plus the originals
    added earlier in this batch; nothing held here outlives the batch.
    """

    def __init__(self, store: BandStore, batch: Sequence[np.ndarray], threshold: float = THRESHOLD):
        self.threshold = threshold
        self.hashes = [band_hashes(v) for v in batch]
        probes = [(pos, band, h) for pos, hs in enumerate(self.hashes) for band, h in enumerate(hs)]
        self.stored: dict[int, list[tuple[str, np.ndarray]]] = {}
        for doc, data, positions in store.band_candidates(probes) if probes else ():
            values = values_of(data)
            for pos in positions:
                self.stored.setdefault(pos, []).append((doc, values))
        self.buckets: dict[tuple[int, int], list[str]] = {}
        self.sigs: dict[str, np.ndarray] = {}  # originals of this batch
        self.rewritten: set[str] = set()  # stored documents this batch has replaced: their stored bands are stale

    def match(self, pos: int, values: np.ndarray, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar original above the threshold, with its estimated similarity (ties: smallest id)."""
        cands: dict[str, np.ndarray] = {d: v for d, v in self.stored.get(pos, ()) if d not in self.rewritten}
        for band, h in enumerate(self.hashes[pos]):
            for doc in self.buckets.get((band, h), ()):
                cands[doc] = self.sigs[doc]
        best: tuple[str, float] | None = None
        for doc in sorted(cands):
            if doc == exclude:
                continue
            sim = similarity(values, cands[doc])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (doc, sim)
        return best

    def add(self, pos: int, doc_id: str, values: np.ndarray, *, original: bool) -> None:
        """Record the decision for ``doc_id``: an original becomes a candidate for the rest of the batch."""
        self.rewritten.add(doc_id)
        if original and doc_id not in self.sigs:
            self.sigs[doc_id] = np.asarray(values, dtype="<u8")
            for band, h in enumerate(self.hashes[pos]):
                self.buckets.setdefault((band, h), []).append(doc_id)


def ensure_bands(store: BandStore) -> int:
    """Fill the store's band table from its stored signatures once (a store written before it existed, or
    with another banding); returns how many originals were banded, 0 when the table was already current."""
    if store.band_scheme() == BAND_SCHEME:
        return 0
    return store.rebuild_bands(BAND_SCHEME, rows_for)


def rows_for(sigs: Iterable[tuple[str, bytes]]) -> list[BandRow]:
    """Band rows of stored (document id, signature bytes) pairs."""
    return [row for doc, data in sigs for row in band_rows(doc, values_of(data))]
