"""The run as a whole: idempotent, incremental, and safe to kill at any moment."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from parallax.pipeline import run
from tests.corpus import write_articles

ROOT = Path(__file__).resolve().parents[1]


def _docs(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT id, key, content_sha, duplicate_of FROM documents ORDER BY key").fetchall()
    finally:
        con.close()


def test_rerun_changes_nothing_and_new_input_adds_only_itself(tmp_path):
    corpus = tmp_path / "in"
    write_articles(corpus, 6)
    db = tmp_path / "s.duckdb"
    first = run([str(corpus)], db=str(db), analyse=False)
    assert (first.read, first.added, first.unchanged) == (6, 6, 0)
    before = _docs(db)
    second = run([str(corpus)], db=str(db), analyse=False)
    assert (second.added, second.unchanged, second.updated) == (0, 6, 0)
    assert _docs(db) == before
    extra = tmp_path / "more"
    write_articles(extra, 1, seed=99)
    third = run([str(corpus), str(extra)], db=str(db), analyse=False)
    assert (third.added, third.unchanged) == (1, 6)
    assert len(_docs(db)) == 7


def test_duplicates_are_kept_and_linked_to_their_original(tmp_path):
    corpus = tmp_path / "in"
    (a,) = write_articles(corpus, 1)
    text = a.read_text()
    (corpus / "copy.txt").write_text(text)  # exact copy under another name
    edited = text.replace("File number 0.", "File number 0. Additional reporting by our correspondent.")
    (corpus / "z_edited.txt").write_text(edited)
    db = tmp_path / "s.duckdb"
    s = run([str(corpus)], db=str(db), analyse=False)
    assert (s.added, s.exact_duplicates, s.near_duplicates) == (3, 1, 1)
    rows = {Path(k).name: (i, d) for i, k, _, d in _docs(db)}
    # Files are read in sorted order: article_0000.txt comes first and is the original.
    orig_id = rows["article_0000.txt"][0]
    assert rows["article_0000.txt"][1] is None
    assert rows["copy.txt"][1] == orig_id
    assert rows["z_edited.txt"][1] == orig_id


def test_changed_file_is_updated_in_place(tmp_path):
    corpus = tmp_path / "in"
    (a,) = write_articles(corpus, 1)
    db = tmp_path / "s.duckdb"
    run([str(corpus)], db=str(db), analyse=False)
    a.write_text(a.read_text() + "\nA late paragraph was added after publication by the editors.\n")
    s = run([str(corpus)], db=str(db), analyse=False)
    assert (s.updated, s.added) == (1, 0)
    (row,) = _docs(db)
    assert row[3] is None  # not a duplicate of its own former self


def _cli(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "parallax.views.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


@pytest.mark.slow
def test_kill_9_then_rerun_gives_the_same_story_as_one_clean_run(tmp_path):
    corpus = tmp_path / "in"
    write_articles(corpus, 400)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    kills = 0
    for delay in (1.5, 3.0, 5.0):
        p = _cli("analyze", str(corpus), "--db", str(killed_db), "-q")
        time.sleep(delay)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()
            kills += 1
        else:
            p.communicate()
    assert kills >= 2, "the run finished before it could be killed: make the corpus bigger"
    p = _cli("analyze", str(corpus), "--db", str(killed_db), "-q")
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err.decode()
    p = _cli("analyze", str(corpus), "--db", str(clean_db), "-q")
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err.decode()

    assert _docs(killed_db) == _docs(clean_db)
    assert len(_docs(clean_db)) == 400
    for table in ("events", "quotes", "mentions", "actors"):
        a = duckdb.connect(str(killed_db), read_only=True)
        b = duckdb.connect(str(clean_db), read_only=True)
        try:
            n_a = a.execute(f"SELECT count(*), count(DISTINCT id) FROM {table}").fetchone()
            n_b = b.execute(f"SELECT count(*), count(DISTINCT id) FROM {table}").fetchone()
        finally:
            a.close(), b.close()
        assert n_a == n_b and n_a[0] == n_a[1], table


def test_cli_exit_codes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    p = _cli("analyze", str(empty), "--db", str(tmp_path / "s.duckdb"), "-q")
    _, err = p.communicate(timeout=120)
    assert p.returncode != 0
    assert len(err.decode().strip().splitlines()) == 1 and "nothing could be read" in err.decode()

    p = _cli("analyze", str(tmp_path / "does-not-exist"), "--db", str(tmp_path / "s.duckdb"), "-q")
    _, err = p.communicate(timeout=120)
    assert p.returncode != 0

    p = _cli("export", "--db", str(tmp_path / "nothing-here.duckdb"))
    _, err = p.communicate(timeout=120)
    assert p.returncode != 0 and "parallax analyze" in err.decode()


def test_export_json_has_the_contract_shape(tmp_path):
    corpus = tmp_path / "in"
    write_articles(corpus, 2)
    (corpus / "bad.bin").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "s.duckdb"
    run([str(corpus)], db=str(db))
    p = _cli("export", "--format", "json", "--db", str(db))
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    story = json.loads(out)
    assert story["schema"] == "parallax.story.v1"
    assert {"documents", "errors", "actors", "events", "quotes", "claims", "contradictions"} <= story.keys()
    doc = story["documents"][0]
    assert {"id", "path", "url", "outlet", "title", "published", "language", "duplicate_of", "text"} <= doc.keys()
    assert len(story["documents"]) == 2
    assert [Path(e["path"]).name for e in story["errors"]] == ["bad.bin"]
    for e in story["events"]:
        s, t = e["span"]
        text = next(d["text"] for d in story["documents"] if d["id"] == e["doc"])
        assert 0 <= s < t <= len(text)
