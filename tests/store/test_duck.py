import duckdb
import pytest

from parallax import model as m
from parallax.store import Store, StoreError
from parallax.store import schema


def _doc(i: int, text: str = "Some text.") -> m.Document:
    return m.Document(id=f"d{i}", key=f"/x/{i}.txt", text=text, removed=["Share this"], language="en")


def test_round_trip_keeps_nested_evidence(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.put_document(_doc(1), seq=1, raw_sha="r", ingest_version=1)
        s.put("actors", [m.Actor(id="person:x", name="X", kind="person", roles=["Minister"],
                                 role_claims=[m.RoleClaim("Minister", "CHL", None, m.Evidence("d1", 0, 4))])])
        s.put("events", [m.Event(id="e1", doc="d1", source="a", target="b", type="AID", mode="future", start=0,
                                 end=9, text="Some text", money=[m.Money(4.1e9, "GBP", "£4.1 billion")])])
    with Store(db, read_only=True) as s:
        story = s.load_story()
    assert story.documents[0].removed == ["Share this"]
    assert story.actors[0].role_claims[0].evidence == m.Evidence("d1", 0, 4)
    assert story.events[0].money[0].currency == "GBP"


def test_replacing_a_document_is_not_a_second_row(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.put_document(_doc(1, "first"), seq=1, raw_sha="a", ingest_version=1)
        s.put_document(_doc(1, "second"), seq=1, raw_sha="b", ingest_version=1)
        assert s.count("documents") == 1
        assert s.documents()[0].text == "second"


def test_read_only_open_of_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="parallax analyze"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(schema.SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match="newer Parallax"):
        Store(db)


def test_older_store_gains_missing_columns(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute('ALTER TABLE documents DROP COLUMN "byline"')
    con.close()
    with Store(db) as s:
        s.put_document(m.Document(id="d", key="k", text="t", byline="Jane Roe"), seq=1, raw_sha="x", ingest_version=1)
        assert s.documents()[0].byline == "Jane Roe"


def test_not_a_store_is_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_bytes(b"this is not a database at all" * 10)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(bogus)


def test_reader_of_an_older_store_upgrades_it_and_reads_on(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.put_error(m.IngestError(path="a.txt", reason="empty file"))
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE event_clusters")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(db, read_only=True) as store:
        story = store.load_story()
    assert story.event_clusters == [] and [e.reason for e in story.errors] == ["empty file"]
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            schema.SCHEMA_VERSION)
