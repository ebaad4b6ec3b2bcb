"""Exact and near-duplicate documents.

Exact copies are found by the hash of the cleaned text (the store looks it up); near copies — a wire story
lightly edited by a second outlet — by MinHash over word shingles with datasketch's LSH index. A duplicate is
kept and linked to its original so cross-source analysis counts the story once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5  # words
THRESHOLD = 0.7  # estimated Jaccard of 5-word shingle sets: a re-headlined wire copy with a sentence changed scores ~0.8
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one scheme
_WORD = re.compile(r"\w+", re.UNICODE)


def content_sha(text: str) -> str:
    """Hash of the text with case and whitespace normalised, so re-flowed copies are exact duplicates."""
    norm = " ".join(text.lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class NearDuplicateIndex:
    """LSH over the signatures of original (non-duplicate) documents, rebuilt from the store at run start.

    Memory matters here: the index lives for the whole run and grows with the store. Signatures are kept as bare
    ``uint64`` arrays (1 KB each) and inserted as LeanMinHash, never as full MinHash objects, which would each
    carry their own 2 KB copy of the permutations.
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}

    def load(self, stored: Iterable[tuple[str, bytes]]) -> None:
        with self.lsh.insertion_session() as session:
            for doc_id, data in stored:
                if doc_id in self.sigs:
                    continue
                values = np.frombuffer(data, dtype=np.uint64)
                self.sigs[doc_id] = values
                session.insert(doc_id, _lean(values))

    def match(self, mh: MinHash, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar stored original above the threshold, with its estimated similarity."""
        best: tuple[str, float] | None = None
        values = np.asarray(mh.hashvalues, dtype=np.uint64)
        for cand in self.lsh.query(mh):
            if cand == exclude:
                continue
            sim = float(np.count_nonzero(values == self.sigs[cand])) / len(values)  # MinHash.jaccard
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (cand, sim)
        return best

    def add(self, doc_id: str, mh: MinHash) -> None:
        if doc_id in self.sigs:
            self.lsh.remove(doc_id)
        values = np.array(mh.hashvalues, dtype=np.uint64)
        self.sigs[doc_id] = values
        self.lsh.insert(doc_id, _lean(values))


def _lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)
