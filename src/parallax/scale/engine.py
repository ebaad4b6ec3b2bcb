"""Sharded analysis of every pending document with the chosen engine, merged into the store shard by shard.

Resumable at shard granularity: merged shards are no longer pending; shards written but not merged are
merged from their Parquet file without parsing again; the rest are computed. Engines differ only in where
:func:`parallax.scale.rows.result_row` runs (local processes or Ray actors), never in what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from parallax.scale.shards import SHARD_DOCS, ShardFiles, ShardRef, merge, plan, shards_dir
from parallax.store import Store

if TYPE_CHECKING:
    from parallax.model import RunSummary

ENGINES = ("local", "ray")
TICK_EVERY = 8  # documents between progress updates


def analyse_sharded(store: Store, summary: RunSummary, *, version: int, tick: Callable[[str, int, int | None], None],
                    engine: str = "local", n_process: int = 1, shard_docs: int = SHARD_DOCS,
                    shards_root: str | Path | None = None, keep_shards: bool = False,
                    ray_address: str | None = None) -> None:
    """Analyse every pending document, a shard at a time; see the module docstring for the guarantees."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    refs = plan(store, version, shard_docs)
    files = ShardFiles(Path(shards_root) if shards_root else shards_dir(store.path), keep=keep_shards)
    tick("analyse", 0, sum(r.docs for r in refs))
    todo: list[ShardRef] = []
    for ref in refs:
        rows = _written(files, ref)
        if rows is None:
            todo.append(ref)
        else:
            _merge(store, files, ref, rows, version, summary)
            tick("analyse", ref.docs, None)
    if todo:
        counter = _Counter(tick)
        if engine == "ray":
            from parallax.scale.ray_engine import ray_results

            results = ray_results(store, todo, version, workers=n_process, address=ray_address)
        else:
            from parallax.scale.local import local_results

            results = local_results(store, todo, version, n_process=n_process, on_doc=counter.doc)
        for ref, rows in results:
            files.write(ref, rows)
            _merge(store, files, ref, rows, version, summary)
            counter.shard(ref.docs)
    files.tidy()


def _written(files: ShardFiles, ref: ShardRef) -> pa.Table | None:
    """A shard's rows from an earlier, interrupted run; an unreadable file is dropped and recomputed."""
    if not files.has(ref.id):
        return None
    try:
        rows = files.read(ref.id)
    except Exception:  # damaged by the disk, not by a kill (writes are atomic): compute again
        files.path(ref.id).unlink(missing_ok=True)
        return None
    return rows if rows.num_rows == ref.docs else None


def _merge(store: Store, files: ShardFiles, ref: ShardRef, rows: pa.Table, version: int, summary: RunSummary) -> None:
    merge(store, files, ref, rows, version)
    summary.analysed += rows.num_rows
    summary.analysis_errors += sum(1 for e in rows.column("error").to_pylist() if e)


class _Counter:
    """Progress in documents whether an engine reports each document (local) or whole shards (Ray)."""

    def __init__(self, tick: Callable[[str, int, int | None], None]) -> None:
        self.tick, self.unreported, self.reported_in_shard = tick, 0, 0

    def doc(self) -> None:
        self.unreported += 1
        self.reported_in_shard += 1
        if self.unreported >= TICK_EVERY:
            self.tick("analyse", self.unreported, None)
            self.unreported = 0

    def shard(self, docs: int) -> None:
        rest = docs - self.reported_in_shard + self.unreported
        if rest > 0:
            self.tick("analyse", rest, None)
        self.unreported = self.reported_in_shard = 0
