"""The bulk paths of the store: column writes, results copied inside DuckDB, the results fingerprint, table resets.

Each must give exactly what the per-object path gives (``to_row(from_dict(...))``), defaults and nulls included.
"""

import json

import pytest

from parallax import model as m
from parallax.store import Store
from parallax.store.codec import dict_columns, from_dict, to_columns, to_row

MENTIONS = [
    {"id": "d1:m1", "doc": "d1", "start": 0, "end": 5, "text": "Chile", "actor": "d1:a1", "kind": "name"},
    {"id": "d1:m2", "doc": "d1", "start": 30, "end": 37, "text": "Ñuñoa's", "actor": "d1:a2"},  # kind missing
    {"id": "d1:m3", "doc": "d1", "start": 40, "end": 42, "text": "he", "actor": None, "kind": None},
    {"id": "d1:m4", "doc": "d1", "start": 60, "end": 66, "text": "Norway", "actor": "", "kind": "name"},
]
QUOTES = [
    {"id": "d1:q1", "doc": "d1", "speaker": "d1:a2", "speaker_text": "the minister", "anonymous": False,
     "kind": "direct", "start": 10, "end": 50, "text": "«We will not sell», he said", "chain": ["Wire", "Ñews"],
     "cue": "said"},
    {"id": "d1:q2", "doc": "d1", "speaker": None, "speaker_text": "officials", "anonymous": True,
     "kind": "indirect", "start": 70, "end": 90, "text": "talks go on"},  # affiliation, chain, cue missing
]


def _rows(cols: dict, n: int) -> list[dict]:
    return [{k: v[i] for k, v in cols.items()} for i in range(n)]


@pytest.mark.parametrize("cls,items,table", [(m.Mention, MENTIONS, "mentions"), (m.Quote, QUOTES, "quotes")])
def test_dict_columns_equal_the_object_path(tmp_path, cls, items, table) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        types = s._types[table]
        expected = [to_row(from_dict(cls, x), types) for x in items]
        assert _rows(dict_columns(cls, items, types), len(items)) == expected
        objs = [from_dict(cls, x) for x in items]
        assert _rows(to_columns(objs, types), len(objs)) == expected


def _store_with_results(path, mentions=MENTIONS, quotes=QUOTES) -> Store:
    s = Store(path)
    for seq, doc in enumerate(("d1", "d2"), 1):
        s.put_document(m.Document(id=doc, key=f"/x/{doc}", text="x" * 100, language="en"), seq=seq,
                       raw_sha=doc, ingest_version=1)
    s.put_doc_result("d1", 1, parse=None, actors=[], mentions=mentions, events=[], quotes=quotes, claims=[])
    s.put_doc_result("d2", 1, parse=None, actors=[], mentions=[dict(mentions[0], id="d2:m1", doc="d2")],
                     events=[], quotes=[], claims=[])
    return s


@pytest.mark.parametrize("per_statement", [4096, 1])  # one statement; one per document
def test_copy_results_remaps_and_matches_the_object_path(tmp_path, monkeypatch, per_statement) -> None:
    from parallax.store import duck

    monkeypatch.setattr(duck, "COPY_DOCS", per_statement)
    mapping = {"d1:a1": "country:CHL", "d1:a2": "person:x"}
    with _store_with_results(tmp_path / "s.duckdb") as s:
        assert s.copy_results("mentions", m.Mention, {"actor": mapping}) == len(MENTIONS) + 1
        got = sorted(s.rows("SELECT * FROM mentions"), key=lambda r: r["id"])
        want = []
        for x in [*MENTIONS, dict(MENTIONS[0], id="d2:m1", doc="d2")]:
            obj = from_dict(m.Mention, x)  # a missing kind is the default, an explicit null stays None
            obj.actor = mapping.get(obj.actor, obj.actor) if obj.actor else obj.actor
            want.append(to_row(obj, s._types["mentions"]))
        assert got == sorted(want, key=lambda r: r["id"])


def test_copy_results_refuses_json_columns(tmp_path) -> None:
    with _store_with_results(tmp_path / "s.duckdb") as s, pytest.raises(ValueError, match="JSON"):
        s.copy_results("quotes", m.Quote, {})


def test_fingerprint_follows_results_and_documents_not_bookkeeping(tmp_path) -> None:
    with _store_with_results(tmp_path / "s.duckdb") as s:
        first = s.results_fingerprint()
        assert s.results_fingerprint() == first
        s.con.execute("UPDATE documents SET ingested_at = now()::TIMESTAMP")
        assert s.results_fingerprint() == first
        s.con.execute("UPDATE doc_results SET quotes = ? WHERE doc = 'd1'", [json.dumps(QUOTES[:1])])
        second = s.results_fingerprint()
        assert second != first
        s.con.execute("UPDATE documents SET outlet = 'Coastal Times' WHERE id = 'd2'")
        assert s.results_fingerprint() != second


def test_reset_table_empties_and_keeps_the_key(tmp_path) -> None:
    with _store_with_results(tmp_path / "s.duckdb") as s:
        s.put("mentions", [from_dict(m.Mention, x) for x in MENTIONS])
        s.reset_table("mentions")
        assert s.count("mentions") == 0
        s.put("mentions", [from_dict(m.Mention, MENTIONS[0])])
        s.put("mentions", [from_dict(m.Mention, dict(MENTIONS[0], text="CHILE"))])  # same id: replaced
        assert s.rows("SELECT text FROM mentions") == [{"text": "CHILE"}]


def test_meta_round_trip(tmp_path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        assert s.meta("link_fingerprint") is None
        s.set_meta("link_fingerprint", "abc")
        s.set_meta("link_fingerprint", "def")
        assert s.meta("link_fingerprint") == "def"


def test_doc_result_rows_read_in_ranges_give_every_document_once_in_order(tmp_path, monkeypatch) -> None:
    from parallax.store import duck

    with _store_with_results(tmp_path / "s.duckdb") as s:
        whole = [row for chunk in s.doc_result_rows(("mentions",)) for row in chunk]
        monkeypatch.setattr(duck, "COPY_DOCS", 1)
        ranged = [row for chunk in s.doc_result_rows(("mentions",)) for row in chunk]
    assert [r[0] for r in whole] == ["d1", "d2"] and ranged == whole
