"""The local engine: shards cut into small batches, each parsed and extracted by one of ``n_process`` processes.

Workers do the whole per-document job (parse, extract, serialise the parse) and send back plain result rows,
the same :func:`parallax.scale.rows.result_row` the Ray actors call. The driver only reads texts from the
store and writes rows back, so it never becomes the bottleneck as workers are added (with ``nlp.pipe``'s own
``n_process`` every parsed Doc came back to the driver to be extracted there, on one core). Texts are read
one shard at a time and at most a few batches per worker are in flight, so memory holds a shard or two,
never the corpus. ``n_process=1`` runs everything in this process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

import pyarrow as pa

from parallax.model import Document
from parallax.scale.rows import error_row, result_row, rows_table
from parallax.scale.shards import ShardRef
from parallax.store import Store

BATCH = 32  # documents per task: small enough for steady progress, large enough for nlp.pipe batching
IN_FLIGHT = 3  # tasks queued per worker, so no worker waits while the driver reads the next shard


def analyse_batch(docs: list[Document]) -> list[dict]:
    """Result rows of ``docs``, in order (runs in a worker; the model is loaded once per process).

    Texts of ordinary length are parsed together (``nlp.pipe`` batching); a long one alone, in pieces. If
    parsing the batch fails, each document is parsed on its own so one bad document costs only its own row
    (an error row), never the batch or the run.
    """
    from parallax.language.nlp import PIECE_CHARS, load_nlp, parse_one

    nlp = load_nlp()
    short = [d for d in docs if len(d.text) <= PIECE_CHARS]
    try:
        parsed = dict(zip((d.id for d in short), nlp.pipe([d.text for d in short], batch_size=BATCH)))
    except Exception:  # noqa: BLE001  (which document broke the batch is found below, one by one)
        parsed = {}
    rows = []
    for doc in docs:
        sdoc = parsed.get(doc.id)
        if sdoc is None:
            try:
                sdoc = parse_one(nlp, doc.text)
            except Exception as exc:  # noqa: BLE001  (one document's failure must not stop the run)
                rows.append(error_row(doc, f"could not be parsed ({type(exc).__name__}: {exc}); "
                                           "the document is stored without facts"))
                continue
        rows.append(result_row(doc, sdoc))
    return rows


def _warm() -> None:
    from parallax.language.nlp import load_nlp

    load_nlp()


def local_results(store: Store, todo: Sequence[ShardRef], version: int, *, n_process: int = 1,
                  on_doc: Callable[[], None] | None = None) -> Iterator[tuple[ShardRef, pa.Table]]:
    """Parse and extract each shard in ``todo``; yields (shard, result rows) as each completes, in order."""
    def batches() -> Iterator[tuple[ShardRef, list[Document], bool]]:
        for ref in todo:
            docs = store.pending_range(version, ref.first_seq, ref.last_seq)
            for i in range(0, len(docs), BATCH):
                yield ref, docs[i:i + BATCH], i + BATCH >= len(docs)

    if n_process <= 1:
        rows: list[dict] = []
        for ref, docs, last in batches():
            rows += analyse_batch(docs)
            if on_doc:
                for _ in docs:
                    on_doc()
            if last:
                yield ref, rows_table(rows)
                rows = []
        return
    yield from _pooled(batches(), n_process, on_doc)


def _pooled(batches: Iterator[tuple[ShardRef, list[Document], bool]], n_process: int,
            on_doc: Callable[[], None] | None) -> Iterator[tuple[ShardRef, pa.Table]]:
    """Batches fanned out to a process pool; a shard is yielded once all its batches are back, in input order.

    Workers are started with ``spawn`` (a fresh interpreter each): forking a process that holds an open DuckDB
    connection and a loaded model is not safe.
    """
    ctx = multiprocessing.get_context("spawn")
    pending: list[tuple[ShardRef, Future, bool, int]] = []  # in submission order
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_warm) as pool:
        rows: list[dict] = []
        feed = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < n_process * IN_FLIGHT:
                item = next(feed, None)
                if item is None:
                    exhausted = True
                    break
                ref, docs, last = item
                pending.append((ref, pool.submit(analyse_batch, docs), last, len(docs)))
            if not pending:
                return
            ref, fut, last, n = pending.pop(0)
            rows += fut.result()  # waits for the oldest batch; the others keep the workers busy meanwhile
            if on_doc:
                for _ in range(n):
                    on_doc()
            if last:
                yield ref, rows_table(rows)
                rows = []
