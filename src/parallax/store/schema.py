"""The store's tables, derived from the story model so there is one definition of every fact.

Scalar dataclass fields become typed columns; lists and nested dataclasses become JSON text columns (DuckDB
reads them with ``json_extract``; Parquet and CSV exports carry them as strings). Bump ``SCHEMA_VERSION``
whenever a table changes shape: :func:`parallax.store.duck.Store.open` refuses a newer store and migrates an
older one by adding the missing columns.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass

from parallax import model as m

SCHEMA_VERSION = 7  # 5: claims.proposition; 6: contradictions.revision, timeline; 7: actors.based_in


@dataclass(frozen=True)
class Table:
    name: str
    cls: type | None  # the model class whose fields are the columns (None: hand-written columns)
    key: tuple[str, ...]  # the primary key; () for none
    extra: tuple[tuple[str, str], ...] = ()  # columns beyond the model's fields: (name, SQL type)
    skip: tuple[str, ...] = ()  # model fields kept elsewhere (e.g. claim mentions in their own table)


def _sql_type(tp: object) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _sql_type(args[0]) if len(args) == 1 else "VARCHAR"
    if origin is typing.Literal:
        return "VARCHAR"
    if tp is bool:
        return "BOOLEAN"
    if tp is int:
        return "BIGINT"
    if tp is float:
        return "DOUBLE"
    if tp is str:
        return "VARCHAR"
    return "JSON"  # lists, dicts, nested dataclasses


def model_columns(cls: type) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, _sql_type(hints[f.name])) for f in dataclasses.fields(cls)]


TABLES: tuple[Table, ...] = (
    Table("documents", m.Document, ("id",), extra=(
        ("seq", "BIGINT"), ("raw_sha", "VARCHAR"), ("ingest_version", "INTEGER"),
        ("analysis_version", "INTEGER"), ("ingested_at", "TIMESTAMP"),
    )),
    Table("errors", m.IngestError, ("key",), extra=(("key", "VARCHAR"), ("seen_at", "TIMESTAMP"))),
    # Per-document analysis results with document-local actor ids; the link stage rebuilds the global
    # tables below from these without re-parsing.
    Table("doc_results", None, ("doc",), extra=(
        ("doc", "VARCHAR"), ("parse", "BLOB"), ("actors", "JSON"), ("mentions", "JSON"),
        ("events", "JSON"), ("quotes", "JSON"), ("claims", "JSON"), ("facts", "JSON"),
    )),
    Table("signatures", None, ("doc",), extra=(("doc", "VARCHAR"), ("minhash", "BLOB"))),
    # The LSH band table of the near-duplicate search (parallax.link.duplicates): one row per band of every
    # original's signature. No primary key on purpose: DuckDB keeps ART indexes in memory, and lookups are
    # hash joins of a batch's probes against this table, which need none.
    Table("lsh_bands", None, (), extra=(("band", "SMALLINT"), ("hash", "UBIGINT"), ("doc", "VARCHAR"))),
    Table("actors", m.Actor, ("id",)),
    Table("mentions", m.Mention, ("id",)),
    Table("events", m.Event, ("id",)),
    Table("quotes", m.Quote, ("id",)),
    Table("claims", m.Claim, ("id",), skip=("mentions",)),
    Table("claim_mentions", m.ClaimMention, ("claim", "doc", "start"), extra=(("claim", "VARCHAR"),)),
    Table("contradictions", m.Contradiction, ("id",)),
    Table("event_clusters", m.EventCluster, ("id",)),
    Table("profiles", m.SourceProfile, ("outlet",)),
    Table("runs", None, ("id",), extra=(
        ("id", "VARCHAR"), ("started_at", "TIMESTAMP"), ("finished_at", "TIMESTAMP"),
        ("inputs", "JSON"), ("summary", "JSON"), ("status", "VARCHAR"),
    )),
    # What each run changed in the cross-source model (parallax.scale.changes): new claims, contradictions
    # and event clusters, and stances that moved. Kept across runs; `parallax changes --since` reads it.
    Table("changes", None, ("run", "kind", "id"), extra=(
        ("run", "VARCHAR"), ("at", "TIMESTAMP"), ("kind", "VARCHAR"), ("id", "VARCHAR"), ("detail", "JSON"),
    )),
)
TABLE = {t.name: t for t in TABLES}


def columns(table: Table) -> list[tuple[str, str]]:
    cols = [c for c in (model_columns(table.cls) if table.cls else []) if c[0] not in table.skip]
    names = {c[0] for c in cols}
    return cols + [c for c in table.extra if c[0] not in names]


def q(name: str) -> str:
    """Quote an identifier: the model uses names (start, end, text, type, key) that SQL reserves."""
    return '"' + name.replace('"', '""') + '"'


def create_sql(table: Table) -> str:
    cols = ", ".join(f"{q(n)} {t}" for n, t in columns(table))
    key = f", PRIMARY KEY ({', '.join(q(k) for k in table.key)})" if table.key else ""
    return f"CREATE TABLE IF NOT EXISTS {table.name} ({cols}{key})"
