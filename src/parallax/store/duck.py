"""The embedded story store: one DuckDB file.

Writes happen in short transactions (a batch of documents at a time), so a run killed at any moment keeps
everything committed before it, and the next run simply continues: documents are keyed by their input's
stable locator, so nothing is stored twice.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from parallax import model as m
from parallax.store import schema
from parallax.store.codec import from_dict, to_columns, to_row


class StoreError(RuntimeError):
    """The store cannot be opened or is of an incompatible version."""


# DuckDB's default memory_limit is 80% of RAM, and its buffer pool keeps every block it has read cached up to
# that: a long ingest over a large store would grow towards it. 1 GB holds the working set of a 50k-document
# store (~150 MB of blocks) many times over; past it DuckDB evicts clean blocks and spills large operators
# to ``<db>.tmp`` instead of failing. PARALLAX_DUCKDB_MEMORY sets another limit (any DuckDB size, e.g. "4GB").
MEMORY_LIMIT = os.environ.get("PARALLAX_DUCKDB_MEMORY", "1GiB")
COPY_DOCS = 4096  # documents per statement when stored results are read or copied in bulk


def _connect(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(path, read_only=read_only, config={"memory_limit": MEMORY_LIMIT})


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: run 'parallax analyze PATH --db {self.path}' first")
        try:
            self.con = _connect(self.path, read_only=read_only)
        except duckdb.Error as exc:  # locked by another process, not a DuckDB file, ...
            raise StoreError(f"cannot open store {self.path}: {exc}".splitlines()[0]) from exc
        self._types = {t.name: dict(schema.columns(t)) for t in schema.TABLES}
        if not read_only:
            self._migrate()
        elif self._check_version() < schema.SCHEMA_VERSION:
            self._upgrade_then_reopen()

    # -- lifecycle ---------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _check_version(self) -> int:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            raise StoreError(f"{self.path} is not a Parallax store") from None
        version = int(row[0]) if row else 0
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer Parallax (schema {version} > {schema.SCHEMA_VERSION}); upgrade"
            )
        return version

    def _upgrade_then_reopen(self) -> None:
        """A reader of a store written by an older Parallax: add the new tables and columns, then read on."""
        self.con.close()
        try:
            with _connect(self.path) as con:
                self.con = con
                self._migrate()
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path} was written by an older Parallax and cannot be upgraded here ({exc}); "
                f"run 'parallax analyze' on it with write access"
            ) from exc
        self.con = _connect(self.path, read_only=True)

    def _migrate(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self._check_version()
        for table in schema.TABLES:
            con.execute(schema.create_sql(table))
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table.name]
            ).fetchall()}
            for name, sql_type in schema.columns(table):
                if name not in have:  # an older store: add what this version writes
                    con.execute(f"ALTER TABLE {table.name} ADD COLUMN {schema.q(name)} {sql_type}")
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)]
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    # -- generic row I/O ---------------------------------------------------------------------------------
    def insert(self, table: str, rows: Iterable[dict[str, Any]], *, replace: bool = True) -> int:
        """Insert plain rows (column -> value) in one Arrow batch; missing columns are NULL."""
        rows = list(rows)
        return self.write_columns(table, {c: [r.get(c) for r in rows] for c in self._types[table]}, len(rows),
                                  replace=replace)

    def write_columns(self, table: str, columns: Mapping[str, Sequence[Any]], n: int, *,
                      replace: bool = True) -> int:
        """Insert ``n`` rows given as column lists (column -> ``n`` values) in one Arrow batch: the bulk path
        every write goes through. Columns not given are NULL."""
        if not n:
            return 0
        types = self._types[table]
        data = pa.table({c: pa.array(v, type=_arrow_type(types[c])) for c, v in columns.items()})
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        names = ", ".join(schema.q(c) for c in data.column_names)
        self.con.register("_rows", data)
        try:
            self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM _rows")
        finally:
            self.con.unregister("_rows")
        return n

    def put(self, table: str, objs: Iterable[Any], **extra: Any) -> int:
        """Store model objects (one class) as rows; ``extra`` gives further columns one value for every row."""
        objs = objs if isinstance(objs, Sequence) else list(objs)
        cols: dict[str, Any] = to_columns(objs, self._types[table])
        cols.update({k: [v] * len(objs) for k, v in extra.items()})
        return self.write_columns(table, cols, len(objs))

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def load(self, table: str, where: str = "", params: list[Any] | None = None, order: str = "") -> list[Any]:
        cls = schema.TABLE[table].cls
        assert cls is not None
        sql = f"SELECT * FROM {table} {('WHERE ' + where) if where else ''} {('ORDER BY ' + order) if order else ''}"
        return [from_dict(cls, r) for r in self.rows(sql, params)]

    def count(self, table: str, where: str = "", params: list[Any] | None = None) -> int:
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return int(self.con.execute(sql, params or []).fetchall()[0][0])  # fetchone leaves the result open

    # -- documents ---------------------------------------------------------------------------------------
    def doc_state(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.rows(
            "SELECT raw_sha, ingest_version, analysis_version, duplicate_of, language FROM documents WHERE id = ?",
            [doc_id],
        )
        return rows[0] if rows else None

    def next_seq(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0])

    def first_with_content(self, content_sha: str, exclude: str) -> str | None:
        """The earliest stored document with this cleaned text (an original or itself a copy), not ``exclude``
        nor one that copies it (no two documents may copy each other)."""
        row = self.con.execute(
            "SELECT id FROM documents WHERE content_sha = ? AND id <> ? AND coalesce(duplicate_of, '') <> ? "
            "ORDER BY seq LIMIT 1",
            [content_sha, exclude, exclude],
        ).fetchone()
        return row[0] if row else None

    def put_document(self, doc: m.Document, *, seq: int, raw_sha: str, ingest_version: int) -> None:
        """Store (or replace) a document; a changed document loses its old analysis."""
        self.put_documents([(doc, seq, raw_sha)], ingest_version=ingest_version)

    def put_documents(self, docs: list[tuple[m.Document, int, str]], *, ingest_version: int) -> None:
        """Store (or replace) documents — (document, seq, raw sha) — in one batch."""
        if not docs:
            return
        self.con.execute(f"DELETE FROM doc_results WHERE doc IN ({', '.join('?' * len(docs))})",
                         [d.id for d, _, _ in docs])
        types, now = self._types["documents"], _now()
        self.insert("documents", ({**to_row(d, types), "seq": seq, "raw_sha": sha, "ingest_version": ingest_version,
                                   "analysis_version": None, "ingested_at": now} for d, seq, sha in docs))

    def put_error(self, err: m.IngestError) -> None:
        key = err.path + (f"#{err.locator}" if err.locator else "")
        self.put("errors", [err], key=key, seen_at=_now())

    def clear_errors(self, path: str) -> None:
        """Forget the errors of a file that now reads cleanly (or whose records are re-read)."""
        self.con.execute("DELETE FROM errors WHERE path = ?", [path])

    def documents(self, where: str = "", params: list[Any] | None = None) -> list[m.Document]:
        return self.load("documents", where, params, order="seq")

    def pending_analysis(self, version: int) -> list[m.Document]:
        return self.documents(
            "language = 'en' AND duplicate_of IS NULL AND (analysis_version IS NULL OR analysis_version < ?)",
            [version],
        )

    # -- signatures (near-duplicate detection) -----------------------------------------------------------
    def signatures(self) -> Iterator[tuple[str, bytes]]:
        cur = self.con.execute(
            "SELECT s.doc, s.minhash FROM signatures s JOIN documents d ON d.id = s.doc "
            "WHERE d.duplicate_of IS NULL ORDER BY d.seq"
        )
        while batch := cur.fetchmany(2048):
            yield from batch

    def put_signatures(self, sigs: list[tuple[str, bytes]]) -> None:
        self.insert("signatures", [{"doc": d, "minhash": mh} for d, mh in sigs])

    def band_candidates(self, probes: Sequence[tuple[int, int, int]]) -> Iterator[tuple[str, bytes, list[int]]]:
        """Stored originals sharing an LSH band with the probes (position, band, hash), in one join:
        (document id, its signature, the probe positions it matched)."""
        data = pa.table({"pos": pa.array([p[0] for p in probes], pa.int32()),
                         "band": pa.array([p[1] for p in probes], pa.int16()),
                         "hash": pa.array([p[2] for p in probes], pa.uint64())})
        self.con.register("_probes", data)
        try:
            rows = self.con.execute(
                "WITH hits AS (SELECT DISTINCT b.doc, p.pos FROM _probes p "
                "              JOIN lsh_bands b ON b.band = p.band AND b.hash = p.hash) "
                "SELECT h.doc, any_value(s.minhash), list(h.pos ORDER BY h.pos) FROM hits h "
                "JOIN signatures s ON s.doc = h.doc JOIN documents d ON d.id = h.doc "
                "WHERE d.duplicate_of IS NULL GROUP BY h.doc ORDER BY h.doc"
            ).fetchall()
        finally:
            self.con.unregister("_probes")
        return iter(rows)

    def replace_bands(self, docs: Sequence[str], rows: Sequence[tuple[int, int, str]]) -> None:
        """Drop every band row of ``docs`` (re-ingested, or now duplicates), then add ``rows`` (the originals')."""
        if docs:
            self.con.execute(f"DELETE FROM lsh_bands WHERE doc IN ({', '.join('?' * len(docs))})", list(docs))
        self._append_bands(rows)

    def _append_bands(self, rows: Sequence[tuple[int, int, str]]) -> None:
        if not rows:
            return
        data = pa.table({"band": pa.array([r[0] for r in rows], pa.int16()),
                         "hash": pa.array([r[1] for r in rows], pa.uint64()),
                         "doc": pa.array([r[2] for r in rows], pa.string())})
        self.con.register("_bands", data)
        try:
            self.con.execute("INSERT INTO lsh_bands (band, hash, doc) SELECT band, hash, doc FROM _bands")
        finally:
            self.con.unregister("_bands")

    def band_scheme(self) -> str | None:
        """The banding the stored LSH rows were cut with (None: never filled, e.g. a store from before them)."""
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'lsh_bands'").fetchall()  # no open result left
        return rows[0][0] if rows else None

    def rebuild_bands(self, scheme: str, rows_for: Callable[[list[tuple[str, bytes]]], list[tuple[int, int, str]]],
                      batch: int = 2048) -> int:
        """Refill the band table from the originals' stored signatures, ``batch`` at a time, in one transaction
        (a run killed half-way leaves the old state and the next run starts again); returns the originals banded."""
        done = 0
        with self.transaction():
            self.con.execute("DELETE FROM lsh_bands")
            cur = self.con.cursor()  # a second cursor streams signatures while this one writes bands
            try:
                cur.execute("SELECT s.doc, s.minhash FROM signatures s JOIN documents d ON d.id = s.doc "
                            "WHERE d.duplicate_of IS NULL")
                while chunk := cur.fetchmany(batch):
                    self._append_bands(rows_for(chunk))
                    done += len(chunk)
            finally:
                cur.close()
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('lsh_bands', ?)", [scheme])
        return done

    # -- per-document analysis -----------------------------------------------------------------------------
    def put_doc_result(self, doc_id: str, version: int, *, parse: bytes | None, actors: list, mentions: list,
                       events: list, quotes: list, claims: list, facts: list = ()) -> None:
        from parallax.store.codec import plain

        self.insert("doc_results", [{
            "doc": doc_id, "parse": parse,
            "actors": json.dumps(plain(actors), ensure_ascii=False),
            "mentions": json.dumps(plain(mentions), ensure_ascii=False),
            "events": json.dumps(plain(events), ensure_ascii=False),
            "quotes": json.dumps(plain(quotes), ensure_ascii=False),
            "claims": json.dumps(plain(claims), ensure_ascii=False),
            "facts": json.dumps(plain(list(facts)), ensure_ascii=False),
        }])
        self.con.execute("UPDATE documents SET analysis_version = ? WHERE id = ?", [version, doc_id])

    def doc_results(self) -> Iterator[dict[str, Any]]:
        """Stored per-document results (without the parse), in document order."""
        cur = self.con.execute(
            "SELECT r.doc, r.actors, r.mentions, r.events, r.quotes, r.claims, r.facts FROM doc_results r "
            "JOIN documents d ON d.id = r.doc ORDER BY d.seq"
        )
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(512):
            for row in batch:
                rec = dict(zip(names, row))
                yield {k: (json.loads(v) if k != "doc" and v else (v if k == "doc" else [])) for k, v in rec.items()}

    def doc_result_rows(self, columns: Sequence[str], batch: int = 256) -> Iterator[list[tuple]]:
        """Stored per-document results as raw rows (doc, then the named JSON columns as text, None when empty),
        ``batch`` documents at a time in document order. A cursor of its own reads them, so the caller may write
        between batches; it sees what was committed when it started."""
        cols = ", ".join(f"r.{schema.q(c)}" for c in columns)
        cur = self.con.cursor()
        try:
            for where in self._seq_ranges(cur, COPY_DOCS):  # one sort per range keeps DuckDB's memory bounded
                cur.execute(f"SELECT r.doc, {cols} FROM doc_results r JOIN documents d ON d.id = r.doc "
                            f"WHERE {where} ORDER BY d.seq")
                while chunk := cur.fetchmany(batch):
                    yield chunk
        finally:
            cur.close()

    @staticmethod
    def _seq_ranges(con: duckdb.DuckDBPyConnection, size: int) -> list[str]:
        """Conditions on ``d.seq`` that split the documents, in order, into ranges of ``size``."""
        cuts = [int(row[0]) for row in con.execute(
            f"SELECT seq FROM (SELECT seq, row_number() OVER (ORDER BY seq) - 1 AS n FROM documents) "
            f"WHERE n % {int(size)} = 0 ORDER BY seq").fetchall()]
        return [f"d.seq >= {lo}" + ("" if hi is None else f" AND d.seq < {hi}")
                for lo, hi in zip(cuts, [*cuts[1:], None])]

    def copy_results(self, table: str, cls: type, remap: Mapping[str, Mapping[str, str]]) -> int:
        """Copy every stored per-document fact of ``table`` (the doc_results column of that name) into the table
        a statement per ``COPY_DOCS`` documents (DuckDB's memory stays bounded on any store), parsed by DuckDB's
        JSON reader: no Python object per fact. Each row is what
        ``to_row(from_dict(cls, fact))`` gives (a missing field takes the dataclass default, a JSON null is
        None); fields named in ``remap`` are rewritten through their maps (an id not in a map stays)."""
        types, exprs, names = self._types[table], [], []
        for f in dataclasses.fields(cls):
            sql_type = types.get(f.name)
            if sql_type is None:
                continue
            if sql_type == "JSON":
                raise ValueError(f"{table}.{f.name} is JSON text: stream it through Python, not the JSON reader")
            path = _literal("$." + json.dumps(f.name))
            col = f"CAST(json_extract_string(v, {path}) AS {sql_type})"
            if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
                col = f"CASE WHEN json_exists(v, {path}) THEN {col} ELSE {_literal(f.default)} END"
            if f.name in remap:
                col = f"coalesce(map_{f.name}.global_id, {col})"
            exprs.append(col)
            names.append(schema.q(f.name))
        joins = [f"LEFT JOIN _map_{k} map_{k} ON map_{k}.local_id = "
                 f"json_extract_string(v, {_literal('$.' + json.dumps(k))})" for k in remap]
        for k, mapping in remap.items():
            self.con.register(f"_map_{k}", pa.table({"local_id": pa.array(list(mapping), pa.string()),
                                                    "global_id": pa.array(list(mapping.values()), pa.string())}))
        try:
            return sum(int(self.con.execute(
                f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(exprs)} FROM "
                f"(SELECT unnest(CAST(r.{schema.q(table)} AS JSON[])) AS v FROM doc_results r "
                f"SEMI JOIN documents d ON d.id = r.doc AND {where}) {' '.join(joins)}").fetchall()[0][0])
                for where in self._seq_ranges(self.con, COPY_DOCS))
        finally:
            for k in remap:
                self.con.unregister(f"_map_{k}")

    def results_fingerprint(self) -> str:
        """A digest of everything the link stage reads (every document's row, every analysis result but the
        parse): equal digests mean the cross-source tables would come out the same. Hashing runs inside DuckDB:
        about half a second per 5,000 analysed documents here, against a minute to relink them."""
        def digest(table: str, alias: str, skip: set[str], join: str = "") -> str:
            cols = [f"{alias}.{schema.q(c)}" for c in self._types[table] if c not in skip]
            ((n, h),) = self.con.execute(f"SELECT count(*), coalesce(bit_xor(hash({', '.join(cols)})), 0) "
                                         f"FROM {table} {alias} {join}").fetchall()
            return f"{n}:{h:x}"

        return ";".join([digest("documents", "d", {"ingested_at"}),
                         digest("doc_results", "r", {"parse"}, "JOIN documents d ON d.id = r.doc")])

    def meta(self, key: str) -> str | None:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def reset_table(self, table: str) -> None:
        """Empty a table by dropping and re-creating it: in DuckDB a DELETE of every row then re-inserting them
        costs several times more (tombstones and key index updates, then a heavy commit) than a fresh table."""
        self.con.execute(f"DROP TABLE IF EXISTS {table}")
        self.con.execute(schema.create_sql(schema.TABLE[table]))

    def replace_all(self, table: str, objs: Iterable[Any], **extra: Any) -> int:
        """Rewrite a table the link stage derives from per-document results."""
        self.reset_table(table)
        return self.put(table, objs, **extra)

    # -- sharded analysis (parallax.scale) -------------------------------------------------------------------
    _PENDING = "language = 'en' AND duplicate_of IS NULL AND (analysis_version IS NULL OR analysis_version < ?)"

    def pending_keys(self, version: int) -> Iterator[tuple[int, str, str]]:
        """(seq, id, content sha) of every document awaiting analysis, in input order, streamed."""
        cur = self.con.execute(f"SELECT seq, id, content_sha FROM documents WHERE {self._PENDING} ORDER BY seq",
                               [version])
        while batch := cur.fetchmany(4096):  # consume fully before issuing other statements
            yield from batch

    def pending_range(self, version: int, first_seq: int, last_seq: int) -> list[m.Document]:
        """Documents awaiting analysis with ``first_seq <= seq <= last_seq`` (one shard's worth)."""
        return self.documents(f"{self._PENDING} AND seq BETWEEN ? AND ?", [version, first_seq, last_seq])

    def merge_doc_results(self, rows: pa.Table, version: int) -> int:
        """Put one shard's result rows (doc, parse, facts JSON) and mark those documents analysed at ``version``.

        Call inside :meth:`transaction` so a shard lands whole or not at all.
        """
        cols = [c for c in self._types["doc_results"] if c in rows.column_names]
        names = ", ".join(schema.q(c) for c in cols)
        self.con.register("_shard_rows", rows)
        try:
            self.con.execute("DELETE FROM doc_results WHERE doc IN (SELECT doc FROM _shard_rows)")
            self.con.execute(f"INSERT INTO doc_results ({names}) SELECT {names} FROM _shard_rows")
            self.con.execute("UPDATE documents SET analysis_version = ? WHERE id IN (SELECT doc FROM _shard_rows)",
                             [version])
        finally:
            self.con.unregister("_shard_rows")
        return rows.num_rows

    # -- changes between runs (parallax.scale.changes) ------------------------------------------------------
    def put_changes(self, rows: list[dict[str, Any]]) -> int:
        return self.insert("changes", rows)

    def changes_since(self, since: datetime | None = None) -> list[dict[str, Any]]:
        where = "WHERE \"at\" >= ?" if since else ""
        return self.rows(f"SELECT * FROM changes {where} ORDER BY \"at\", run, kind, id", [since] if since else [])

    # -- runs ----------------------------------------------------------------------------------------------
    def start_run(self, run_id: str, inputs: list[str]) -> None:
        self.insert("runs", [{"id": run_id, "started_at": _now(), "inputs": json.dumps(inputs), "status": "running"}])

    def finish_run(self, run_id: str, summary: dict[str, Any], status: str = "done") -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, summary = ?, status = ? WHERE id = ?",
            [_now(), json.dumps(summary), status, run_id],
        )

    # -- the whole story -----------------------------------------------------------------------------------
    def load_story(self) -> m.Story:
        claims = self.load("claims", order="id")
        by_claim: dict[str, list[m.ClaimMention]] = {}
        for row in self.rows('SELECT * FROM claim_mentions ORDER BY claim, doc, "start"'):
            claim = row.pop("claim")
            by_claim.setdefault(claim, []).append(from_dict(m.ClaimMention, row))
        for c in claims:
            c.mentions = by_claim.get(c.id, [])
        return m.Story(
            documents=self.documents(),
            errors=self.load("errors", order="path, locator"),
            actors=self.load("actors", order="id"),
            mentions=self.load("mentions", order='doc, "start", id'),
            events=self.load("events", order='doc, "start", id'),
            quotes=self.load("quotes", order='doc, "start", id'),
            claims=claims,
            contradictions=self.load("contradictions", order="id"),
            event_clusters=self.load("event_clusters", order="id"),
            profiles=self.load("profiles", order="outlet"),
        )


def _literal(value: Any) -> str:
    """A Python default or JSON path as an SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _arrow_type(sql_type: str) -> pa.DataType:
    return {
        "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
        "BLOB": pa.binary(), "TIMESTAMP": pa.timestamp("us"),
    }.get(sql_type, pa.string())
