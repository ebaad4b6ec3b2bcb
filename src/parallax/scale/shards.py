"""Shards: consecutive runs of stored documents whose analysis is written once and merged whole.

A shard is the documents awaiting analysis whose ingest sequence number falls in one fixed window
(``shard_docs`` wide). Windows are fixed by input order, so a resumed run cuts the same shards as the run
that was killed, whatever order the shards finished in; a shard's id hashes its documents' ids, content
hashes and the analysis version, so a changed document or a new extractor version gives a new shard.

Each shard's result rows go to ``<db>.shards/<id>.parquet`` (written to a temporary name, then renamed:
a file that exists is complete), then into the store in one transaction. A run killed between the two
merges the file on the next run instead of parsing again. Merged files are removed (the store holds the
rows) unless ``keep`` is set; ``manifest.jsonl`` logs every shard written and merged.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from parallax.model import IngestError
from parallax.scale.rows import ROW_SCHEMA
from parallax.store import Store

SHARD_DOCS = 256  # ~1.5 MB of article text, ~15 MB of results with parses: a few minutes of parsing


@dataclass(frozen=True, slots=True)
class ShardRef:
    """A shard by reference: its id, its sequence window and how many documents it holds."""

    id: str
    first_seq: int
    last_seq: int
    docs: int


def plan(store: Store, version: int, shard_docs: int = SHARD_DOCS) -> list[ShardRef]:
    """Every pending shard, in input order; reads only ids and hashes, never the texts."""
    refs: list[ShardRef] = []
    bucket, h, n, first, last = None, hashlib.sha256(), 0, 0, 0

    def close() -> None:
        if n:
            refs.append(ShardRef(h.hexdigest()[:20], bucket * shard_docs + 1, (bucket + 1) * shard_docs, n))

    for seq, doc_id, sha in store.pending_keys(version):
        b = (seq - 1) // shard_docs
        if b != bucket:
            close()
            bucket, h, n = b, hashlib.sha256(f"v{version}".encode()), 0
        h.update(f"\n{doc_id}:{sha}".encode())
        n += 1
    close()
    return refs


def shards_dir(db: str) -> Path:
    return Path(f"{db}.shards")


class ShardFiles:
    """The Parquet results of written-but-not-yet-merged shards and the manifest log beside them."""

    def __init__(self, root: Path, *, keep: bool = False) -> None:
        self.root = root
        self.keep = keep

    def path(self, shard_id: str) -> Path:
        return self.root / f"{shard_id}.parquet"

    def has(self, shard_id: str) -> bool:
        return self.path(shard_id).is_file()

    def write(self, ref: ShardRef, rows: pa.Table) -> Path:
        """Write a shard's rows once: a temporary file renamed into place, so a present file is whole."""
        self.root.mkdir(parents=True, exist_ok=True)
        final = self.path(ref.id)
        tmp = final.with_suffix(f".tmp{os.getpid()}")
        pq.write_table(rows.cast(ROW_SCHEMA), tmp, compression="zstd")
        os.replace(tmp, final)
        self.log(ref, "written")
        return final

    def read(self, shard_id: str) -> pa.Table:
        return pq.read_table(self.path(shard_id), schema=ROW_SCHEMA)

    def log(self, ref: ShardRef, state: str) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        line = {"shard": ref.id, "first_seq": ref.first_seq, "last_seq": ref.last_seq, "docs": ref.docs,
                "state": state, "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        with open(self.root / "manifest.jsonl", "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")

    def manifest(self) -> Iterator[dict]:
        """The manifest's entries; a line cut short by a kill is skipped."""
        try:
            handle = open(self.root / "manifest.jsonl", encoding="utf-8")
        except FileNotFoundError:
            return
        with handle:
            for line in handle:
                try:
                    yield json.loads(line)
                except ValueError:
                    continue

    def done(self, ref: ShardRef) -> None:
        """After the merge: the store holds the rows, so the file goes unless asked to keep it."""
        self.log(ref, "merged")
        if not self.keep:
            self.path(ref.id).unlink(missing_ok=True)

    def tidy(self) -> None:
        """Remove the folder when nothing unmerged is left in it (a finished run leaves no clutter)."""
        if self.keep or not self.root.is_dir():
            return
        if not any(p.suffix == ".parquet" for p in self.root.iterdir()):
            for p in self.root.iterdir():
                p.unlink(missing_ok=True)
            self.root.rmdir()


def merge(store: Store, files: ShardFiles, ref: ShardRef, rows: pa.Table, version: int) -> int:
    """One shard into the store in one transaction; documents whose analysis failed are also errors."""
    with store.transaction():
        n = store.merge_doc_results(rows.drop_columns(["error"]), version)
        for doc, error in zip(rows.column("doc").to_pylist(), rows.column("error").to_pylist()):
            if error:
                path = store.rows("SELECT coalesce(path, key) AS p FROM documents WHERE id = ?", [doc])
                store.put_error(IngestError(path=path[0]["p"] if path else doc, reason=error,
                                            locator=f"analysis {doc}"))
    files.done(ref)
    return n
