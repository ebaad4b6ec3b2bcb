"""The Ray engine: shards analysed by a pool of Ray actors that each hold one spaCy pipeline.

The driver (the process holding the store) puts each pending shard's documents into the Ray object store
(``ray.put`` of Arrow tables of a few batches each, spilled to disk when large, so the driver's memory stays
flat), builds a Ray Dataset from those blocks and maps :class:`ParseExtract` over it with an actor pool. Actors return the
same rows the local engine produces (same function); the driver regroups them by shard, writes each
shard's Parquet file and merges it into the store, exactly as the local engine does.

On a real cluster: start Ray on the machines (``ray start --head`` on one, ``ray start --address HEAD:6379``
on the others, each with Parallax and the spaCy model installed in the same Python environment), then run
``parallax analyze INPUT --engine ray --ray-address HEAD:6379 -p WORKERS`` (or ``--ray-address auto`` from a
cluster node). Only the driver touches the DuckDB store; no shared file system is needed, because shard
inputs and results travel through Ray's object store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from parallax.scale.rows import ROW_SCHEMA
from parallax.scale.shards import ShardRef
from parallax.store import Store
from parallax.store.codec import plain

BATCH = 16  # documents per actor call
BLOCK_BATCHES = 2  # batches per Ray block (the unit handed to an actor)
OBJECT_STORE_MB = 512  # for a Ray started here; a cluster brings its own


class ParseExtract:
    """A Ray actor's work: load the spaCy pipeline once, then turn batches of documents into result rows."""

    def __init__(self) -> None:
        from parallax.language.nlp import load_nlp

        self.nlp = load_nlp()

    def __call__(self, batch: pa.Table) -> pa.Table:
        from parallax.model import Document
        from parallax.store.codec import from_dict

        from parallax.scale.local import analyse_batch  # the local engine's per-batch work, not a copy of it

        docs = [from_dict(Document, json.loads(s)) for s in batch.column("document").to_pylist()]
        table = pa.Table.from_pylist(analyse_batch(docs), schema=ROW_SCHEMA)
        return table.append_column("shard", batch.column("shard"))


def _init(workers: int, address: str | None) -> bool:
    """Connect to (or start) Ray; True when this call started it and must shut it down."""
    import ray

    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(num_cpus=max(1, workers), object_store_memory=OBJECT_STORE_MB * 2**20, **options)
    return True


def _input_block(store: Store, ref: ShardRef, version: int) -> tuple[pa.Table, list[str]]:
    docs = store.pending_range(version, ref.first_seq, ref.last_seq)
    table = pa.table({"shard": [ref.id] * len(docs),
                      "document": [json.dumps(plain(d), ensure_ascii=False) for d in docs]})
    return table, [d.id for d in docs]


def ray_results(store: Store, todo: Sequence[ShardRef], version: int, *, workers: int = 2,
                address: str | None = None, batch_size: int = BATCH) -> Iterator[tuple[ShardRef, pa.Table]]:
    """Analyse the shards in ``todo`` on ``workers`` Ray actors; yields (shard, rows) as shards complete."""
    import ray
    import ray.data

    started = _init(workers, address)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        order: dict[str, list[str]] = {}
        blocks = []
        for ref in todo:
            table, ids = _input_block(store, ref, version)
            order[ref.id] = ids
            # Blocks of a few batches, not a whole shard: an actor takes a block at a time, so one big block
            # would keep the other actors idle.
            step = batch_size * BLOCK_BATCHES
            blocks += [ray.put(table.slice(i, step)) for i in range(0, table.num_rows, step)]
        ds = ray.data.from_arrow_refs(blocks).map_batches(
            ParseExtract, batch_size=batch_size, batch_format="pyarrow", concurrency=max(1, workers), num_cpus=1)
        by_id = {ref.id: ref for ref in todo}
        parts: dict[str, list[pa.Table]] = {}
        got: dict[str, int] = {}
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            for shard in pc.unique(batch.column("shard")).to_pylist():
                part = batch.filter(pc.equal(batch.column("shard"), shard)).drop_columns(["shard"])
                parts.setdefault(shard, []).append(part)
                got[shard] = got.get(shard, 0) + part.num_rows
                if got[shard] == len(order[shard]):
                    yield by_id[shard], _in_order(pa.concat_tables(parts.pop(shard)), order.pop(shard))
    finally:
        if started:
            ray.shutdown()


def _in_order(rows: pa.Table, ids: list[str]) -> pa.Table:
    """Rows back in the shard's document order (actors may finish batches out of order)."""
    position = {doc: i for i, doc in enumerate(rows.column("doc").to_pylist())}
    return rows.take(pa.array([position[d] for d in ids], type=pa.int64()))
