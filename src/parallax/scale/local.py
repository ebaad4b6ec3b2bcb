"""The local engine: one spaCy stream over every pending shard, on ``n_process`` processes.

A single ``nlp.pipe`` runs across shard boundaries, so worker processes start once per run rather than once
per batch; texts are read from the store one shard at a time as the parser asks for them, so memory holds a
shard or two, never the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence

import pyarrow as pa

from parallax.model import Document
from parallax.scale.rows import result_row, rows_table
from parallax.scale.shards import ShardRef
from parallax.store import Store


def local_results(store: Store, todo: Sequence[ShardRef], version: int, *, n_process: int = 1,
                  on_doc: Callable[[], None] | None = None) -> Iterator[tuple[ShardRef, pa.Table]]:
    """Parse and extract each shard in ``todo`` in order; yields (shard, result rows) as each completes."""
    from parallax.language.nlp import parse

    queue: deque[tuple[ShardRef, Document, bool]] = deque()

    def texts() -> Iterator[str]:
        for ref in todo:
            docs = store.pending_range(version, ref.first_seq, ref.last_seq)
            for i, doc in enumerate(docs):
                queue.append((ref, doc, i == len(docs) - 1))
                yield doc.text

    rows: list[dict] = []
    for sdoc in parse(texts(), n_process=n_process):
        ref, doc, last = queue.popleft()
        rows.append(result_row(doc, sdoc))
        if on_doc:
            on_doc()
        if last:
            yield ref, rows_table(rows)
            rows = []
