"""One run: ingest → clean → language → dedup → store, then parse and extract, then link across sources.

Each stage commits in small batches, so a run killed at any point keeps what it finished and a re-run
continues where it stopped: documents whose input has not changed are skipped, documents stored but not yet
analysed are analysed shard by shard (see :mod:`parallax.scale`; on this machine or a Ray cluster), and the
cross-source stage is recomputed from the stored per-document results. What the cross-source stage changed
(new claims, contradictions, event clusters; moved stances), and which documents each run added or updated,
are recorded per run for ``parallax changes``.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

import numpy as np

from parallax.ingest.base import RawArticle
from parallax.ingest.document import INGEST_VERSION, doc_id, make_document, raw_sha
from parallax.ingest.sidecar import Sources, with_sources
from parallax.link import duplicates as dup
from parallax.model import Document, IngestError, RunSummary
from parallax.scale.changes import document_change
from parallax.store import Store

INGEST_BATCH = 64
ANALYSE_BATCH = 32

Progress = Callable[[str, int, int | None], None]
"""progress(stage, advance, total): called with total once when a stage starts, then with advances."""


def run(
    paths: Sequence[str],
    db: str = "parallax.duckdb",
    *,
    analyse: bool = True,
    n_process: int = 1,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    shard_docs: int | None = None,
    keep_shards: bool = False,
    sources: Sources | None = None,
) -> RunSummary:
    """Read ``paths`` into the store at ``db`` and (unless ``analyse=False``) analyse and link the story.

    ``engine`` "local" parses on ``n_process`` processes here; "ray" on ``n_process`` Ray actors (a local Ray,
    or the cluster at ``ray_address``). Both give the same store. ``shard_docs`` sets the shard width.
    ``sources`` carries what the user knows of the inputs (outlet, date, URL; see :mod:`parallax.ingest.sidecar`).
    """
    from parallax.ingest.sources import count_inputs, iter_articles

    started = time.perf_counter()
    summary = RunSummary(inputs=list(paths), engine=engine)
    tick = progress or (lambda stage, n, total: None)
    run_id = uuid.uuid4().hex[:12]
    with Store(db) as store:
        store.start_run(run_id, list(paths))
        tick("read", 0, count_inputs(paths))
        items = iter_articles(paths, stdin=stdin, on_bytes=_byte_progress(paths, tick))
        ingest(store, with_sources(items, sources) if sources else items, summary, tick, run_id=run_id)
        if analyse:
            from parallax.extract.stage import ANALYSIS_VERSION
            from parallax.scale.engine import analyse_sharded
            from parallax.scale.shards import SHARD_DOCS

            analyse_sharded(store, summary, version=ANALYSIS_VERSION, tick=tick, engine=engine, n_process=n_process,
                            shard_docs=shard_docs or SHARD_DOCS, keep_shards=keep_shards, ray_address=ray_address)
            link(store, summary, run_id, tick)
        summary.documents = store.count("documents")
        summary.seconds = round(time.perf_counter() - started, 3)
        store.finish_run(run_id, summary.to_dict())
    return summary


def _byte_progress(paths: Sequence[str], tick: Progress) -> Callable[[str, int], None] | None:
    """Progress in MB through large archives (a 1 GiB WARC is one input: a per-file bar would sit still)."""
    from parallax.ingest.sources import streamed_bytes

    total = streamed_bytes(paths)
    if not total:
        return None
    tick("read MB", 0, max(1, round(total / 2**20)))
    seen: dict[str, int] = {}

    def on_bytes(path: str, n: int) -> None:
        delta = n - seen.get(path, 0)
        if delta >= 2**20 or (delta > 0 and n >= total):
            seen[path] = n
            tick("read MB", delta / 2**20, None)

    return on_bytes


def link(store: Store, summary: RunSummary, run_id: str, tick: Progress) -> None:
    """The cross-source stage over every stored result, with what it changed recorded under ``run_id``; when
    neither the documents nor their results changed since the last link, nothing is redone (or recorded)."""
    from parallax.link.stage import fingerprint, is_linked, link_story
    from parallax.scale.changes import record_changes, snapshot

    tick("link", 0, 1)
    fp = fingerprint(store)
    if is_linked(store, fp):
        link_story(store, summary, fp=fp)  # a no-op that reads the summary's counts from the stored tables
        summary.changes, summary.link_skipped = 0, True
    else:
        snapshot(store)
        link_story(store, summary, fp=fp, force=True)
        with store.transaction():
            summary.changes = record_changes(store, run_id)
    tick("link", 1, None)


def ingest(store: Store, items: Iterable[RawArticle | IngestError], summary: RunSummary, tick: Progress, *,
           run_id: str | None = None) -> None:
    """Store each article as a document (or each problem as an error row), a batch per transaction; with a
    ``run_id``, each document added or updated is recorded as that run's change (``parallax changes``).

    Nothing held here grows with the store: near duplicates are looked up in the store's band table once per
    batch (see :mod:`parallax.link.duplicates`), and error rows are cleared per input path as reading reaches it.
    """
    dup.ensure_bands(store)  # a store from before the band table gets its bands once
    seq = store.next_seq()
    cleared = {"path": None}  # inputs arrive path by path: the last one whose old errors were cleared
    batch: list[RawArticle | IngestError] = []

    def flush() -> None:
        nonlocal seq
        pending = Pending()
        with store.transaction():
            fresh: list[Fresh] = []
            for item in batch:
                path = item.path or ""
                if path and path != cleared["path"]:  # forget old errors of a file we are re-reading
                    cleared["path"] = path
                    store.clear_errors(path)
                if isinstance(item, IngestError):
                    summary.errors += 1
                    if len(summary.error_samples) < 20:
                        summary.error_samples.append(f"{item.path}{' ' + item.locator if item.locator else ''}: {item.reason}")
                    store.put_error(item)
                    continue
                summary.read += 1
                if (ready := _prepare(store, item, summary)) is not None:
                    fresh.append(ready)
            near = dup.BatchIndex(store, [f.values for f in fresh])  # one band query for the whole batch
            for pos, ready in enumerate(fresh):
                seq = _store_article(store, ready, pos, near, summary, seq, pending)
            store.put_documents(pending.docs, ingest_version=INGEST_VERSION)
            if run_id is not None:
                store.put_changes(list({d.id: document_change(run_id, d, d.id in pending.replaced)
                                        for d, _, _ in pending.docs}.values()))
            store.put_signatures(pending.sigs)
            store.replace_bands(pending.replaced, pending.bands)
        batch.clear()

    last_path = None
    for item in items:
        batch.append(item)
        if item.path != last_path:
            if last_path is not None:
                tick("read", 1, None)
            last_path = item.path
        if len(batch) >= INGEST_BATCH:
            flush()
    flush()
    if last_path is not None:
        tick("read", 1, None)


@dataclass
class Pending:
    """Documents of the current batch, written together at the end of its transaction."""

    docs: list[tuple] = field(default_factory=list)  # (Document, seq, raw sha)
    sigs: list[tuple[str, bytes]] = field(default_factory=list)
    bands: list[dup.BandRow] = field(default_factory=list)  # LSH rows of the batch's originals
    replaced: list[str] = field(default_factory=list)  # ids stored before: their old LSH rows go
    by_content: dict[str, str] = field(default_factory=dict)  # content sha -> first id in the batch with it


@dataclass
class Fresh:
    """A new or changed article, cleaned and signed, waiting for the batch's duplicate decisions."""

    doc: Document
    raw_sha: str
    state: dict | None
    values: np.ndarray  # MinHash signature


def _prepare(store: Store, raw: RawArticle, summary: RunSummary) -> Fresh | None:
    """The article as a document with its signature; None when unchanged since it was stored, or empty."""
    sha = raw_sha(raw)
    state = store.doc_state(doc_id(raw.key))
    if state and state["raw_sha"] == sha and (state["ingest_version"] or 0) >= INGEST_VERSION:
        summary.unchanged += 1  # checked before cleaning: a re-run over unchanged input costs only reading
        return None
    doc = make_document(raw)
    if not doc.text.strip():
        store.put_error(IngestError(path=raw.path or raw.key, reason="no article text left after removing boilerplate",
                                    locator=raw.key.partition("#")[2] or None))
        summary.errors += 1
        return None
    return Fresh(doc, sha, state, np.asarray(dup.minhash(doc.text).hashvalues, dtype=np.uint64))


def _store_article(store: Store, ready: Fresh, pos: int, near: dup.BatchIndex, summary: RunSummary, seq: int,
                   pending: Pending) -> int:
    doc = ready.doc
    # An exact copy points at the first document with the same text, even when that one is itself a near copy
    # of a third: what it copies is that document, and follow-the-chain readers (``root_doc``) find the original.
    original = pending.by_content.get(doc.content_sha) or store.first_with_content(doc.content_sha, exclude=doc.id)
    if original == doc.id:
        original = None
    if original:
        doc.duplicate_of, doc.duplicate_kind = original, "exact"
        summary.exact_duplicates += 1
    elif match := near.match(pos, ready.values, exclude=doc.id):
        doc.duplicate_of, doc.duplicate_kind = match[0], "near"
        summary.near_duplicates += 1
    if doc.language != "en":
        summary.non_english += 1
    pending.docs.append((doc, seq, ready.raw_sha))
    pending.sigs.append((doc.id, dup.to_bytes(ready.values)))
    near.add(pos, doc.id, ready.values, original=doc.duplicate_of is None)
    pending.by_content.setdefault(doc.content_sha, doc.id)
    if doc.duplicate_of is None:
        pending.bands.extend(dup.band_rows(doc.id, ready.values))
    if ready.state:
        pending.replaced.append(doc.id)
        summary.updated += 1
    else:
        summary.added += 1
    return seq + 1
