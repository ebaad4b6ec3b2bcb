"""Sentence retrieval for ``verify``: one BM25 index (bm25s) over every stored document's sentences.

Why sentences and not documents: a verdict needs the sentence that states the claim, and a long article about
something else should not outrank a short one that says it in one line. The index is built once per store
state and cached on disk beside the store (``<store>.verify/``), keyed by the number of documents and the
highest document sequence number, so a new ``analyze`` run invalidates it and a repeated ``verify`` only loads
it. Sentences are split by a regex (not the stored parses) because deserialising thousands of parses costs
seconds while the split costs milliseconds; spans stay exact character offsets into the cleaned text.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from parallax.store import Store
from parallax.verify.words import split_sentences  # noqa: F401  (re-exported: the index's sentence spans)

INDEX_VERSION = 2  # 2: a full stop after an abbreviation ("U.S.") no longer ends a sentence
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "said", "says", "say", "told", "according"}

log = logging.getLogger(__name__)


def _stem(word: str) -> str:
    """A crude suffix fold so "sells/selling/sold" → nearer forms; query and index use the same fold."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens without stopwords (negations included: retrieval must find both polarities)."""
    return [_stem(w) for w in _TOKEN.findall(text.lower()) if w not in _STOP]


@dataclass(slots=True)
class Hit:
    """A retrieved sentence: its document, span and BM25 score."""

    doc: str
    start: int
    end: int
    score: float


def store_key(store: Store) -> str:
    """What the index depends on: document count and highest sequence number (a re-run changes either)."""
    n, top = store.con.execute("SELECT count(*), coalesce(max(seq), 0) FROM documents").fetchone()
    return f"v{INDEX_VERSION}-{n}-{top}"


class SentenceIndex:
    """BM25 over all stored sentences, with each sentence's document and span."""

    def __init__(self, key: str, docs: list[str], sent_doc: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 bm25: bm25s.BM25 | None):
        self.key, self.docs, self.bm25 = key, docs, bm25
        self.sent_doc, self.starts, self.ends = sent_doc, starts, ends

    @classmethod
    def build(cls, store: Store, key: str | None = None) -> SentenceIndex:
        """Read every document's text once, split and tokenise it, and index the sentences."""
        key = key or store_key(store)
        docs: list[str] = []
        sent_doc: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        corpus: list[list[str]] = []
        cur = store.con.execute("SELECT id, text FROM documents ORDER BY seq")
        while batch := cur.fetchmany(1024):
            for doc_id, text in batch:
                i = len(docs)
                docs.append(doc_id)
                for s, e in split_sentences(text or ""):
                    toks = tokenize(text[s:e])
                    if toks:
                        sent_doc.append(i)
                        starts.append(s)
                        ends.append(e)
                        corpus.append(toks)
        bm25 = None
        if corpus:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
        return cls(key, docs, np.asarray(sent_doc, np.int32), np.asarray(starts, np.int64),
                   np.asarray(ends, np.int64), bm25)

    # -- disk cache ---------------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Write atomically (temp folder + rename) so a reader never sees half an index."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".verify-", dir=folder.parent))
        try:
            if self.bm25 is not None:
                self.bm25.save(str(tmp / "bm25"), show_progress=False)
            np.savez(tmp / "sentences.npz", sent_doc=self.sent_doc, starts=self.starts, ends=self.ends)
            (tmp / "meta.json").write_text(json.dumps({"key": self.key, "docs": self.docs}), encoding="utf-8")
            if folder.exists():
                shutil.rmtree(folder)
            os.replace(tmp, folder)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, key: str) -> SentenceIndex | None:
        """The cached index if it exists and matches ``key``, else None."""
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if meta.get("key") != key:
                return None
            with np.load(folder / "sentences.npz", allow_pickle=False) as arr:
                sent_doc, starts, ends = arr["sent_doc"], arr["starts"], arr["ends"]
            bm25 = None
            if (folder / "bm25").is_dir():
                bm25 = bm25s.BM25.load(str(folder / "bm25"), show_progress=False, verbosity=0)
            return cls(key, meta["docs"], sent_doc, starts, ends, bm25)
        except (OSError, ValueError, KeyError) as exc:
            log.debug("verify index cache unusable (%s); rebuilding", exc)
            return None

    def spans(self, doc: str) -> list[tuple[int, int]] | None:
        """The indexed sentence spans of one document (None for a document the index does not hold), so a
        reader of retrieved documents need not split them again."""
        pos = getattr(self, "_pos", None)
        if pos is None:
            pos = self._pos = {d: i for i, d in enumerate(self.docs)}
        i = pos.get(doc)
        if i is None:
            return None
        lo, hi = np.searchsorted(self.sent_doc, [i, i + 1])
        return list(zip(self.starts[lo:hi].tolist(), self.ends[lo:hi].tolist()))

    # -- search -------------------------------------------------------------------------------------------
    def search(self, tokens: list[str], *, docs: int = 50, per_doc: int = 3) -> dict[str, list[Hit]]:
        """The best ``per_doc`` sentences of the ``docs`` best documents (a document ranks by its best sentence)."""
        if self.bm25 is None or not tokens or not len(self.sent_doc):
            return {}
        known = [t for t in tokens if t in self.bm25.vocab_dict]
        if not known:
            return {}
        scores = self.bm25.get_scores(known)
        k = min(len(scores), max(docs * per_doc * 4, 200))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        out: dict[str, list[Hit]] = {}
        for i in top:
            score = float(scores[i])
            if score <= 0:
                break
            doc = self.docs[int(self.sent_doc[i])]
            hits = out.get(doc)
            if hits is None:
                if len(out) >= docs:
                    continue
                hits = out[doc] = []
            if len(hits) < per_doc:
                hits.append(Hit(doc, int(self.starts[i]), int(self.ends[i]), score))
        return out


def cache_dir(store: Store) -> Path | None:
    """Where the index of a file store is cached (None for an in-memory store)."""
    if not store.path or store.path == ":memory:":
        return None
    return Path(store.path + ".verify")


def open_index(store: Store) -> SentenceIndex:
    """The cached index when it is current, else a fresh one (saved when the folder is writable)."""
    key = store_key(store)
    folder = cache_dir(store)
    if folder is not None:
        cached = SentenceIndex.load(folder, key)
        if cached is not None:
            return cached
    index = SentenceIndex.build(store, key)
    if folder is not None:
        try:
            index.save(folder)
        except OSError as exc:  # a read-only location: keep the index in memory only
            log.debug("cannot cache the verify index at %s: %s", folder, exc)
    return index
