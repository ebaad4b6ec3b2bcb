"""The Ray engine gives the same store as the local engine (a local two-worker Ray)."""

import json

import pytest

from parallax.pipeline import run
from parallax.store import Store
from parallax.views import export as ex
from tests.corpus import db_rows, write_articles

pytest.importorskip("ray.data")



@pytest.mark.slow
def test_ray_on_two_workers_gives_the_local_engines_store(tmp_path):
    write_articles(tmp_path / "in", 12, seed=3)
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    a = run([str(tmp_path / "in")], db=str(local_db), shard_docs=5)
    b = run([str(tmp_path / "in")], db=str(ray_db), shard_docs=5, engine="ray", n_process=2)
    assert b.engine == "ray" and a.analysed == b.analysed == 12

    docs = "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id"
    results = "SELECT doc, md5(parse), actors, mentions, events, quotes, claims FROM doc_results ORDER BY doc"
    assert db_rows(local_db, docs) == db_rows(ray_db, docs)
    assert db_rows(local_db, results) == db_rows(ray_db, results)

    def story(db):
        with Store(db, read_only=True) as store:
            return json.loads(ex.dumps(ex.story_json(store.load_story())))

    assert story(local_db) == story(ray_db)
    assert story(local_db)["events"], "the comparison must cover real facts"
