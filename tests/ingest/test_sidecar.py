"""What the user says of inputs the files do not describe: --outlet for a run, a sources CSV per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.ingest.base import RawArticle
from parallax.ingest.sidecar import SourcesError, load_sources, with_sources
from parallax.pipeline import run
from parallax.store import Store

BODY = ("The foreign ministers of Chile and Bolivia met in La Paz on Monday to discuss access to the sea. "
        "Chile said it would study the Bolivian proposal, officials said.")


def _raw(path: Path, **meta) -> RawArticle:
    return RawArticle(key=str(path), text=BODY, format="text", path=str(path), **meta)


def test_a_sources_csv_names_outlet_date_and_url_per_file_relative_to_itself(tmp_path: Path):
    (tmp_path / "in").mkdir()
    csv = tmp_path / "in" / "sources.csv"
    csv.write_text("path,outlet,published,url\nA_01.txt,The Daily Ledger,\"April 8, 2018\",https://ledger.example/a\n"
                   "sub/B_02.txt,Coast Radio,,\n", encoding="utf-8")
    sources = load_sources(str(csv))
    a = sources.apply(_raw(tmp_path / "in" / "A_01.txt"))
    b = sources.apply(_raw(tmp_path / "in" / "sub" / "B_02.txt", published="2020-01-02"))
    other = sources.apply(_raw(tmp_path / "in" / "C_03.txt"))
    assert (a.site, a.published, a.url) == ("The Daily Ledger", "2018-04-08", "https://ledger.example/a")
    assert (b.site, b.published) == ("Coast Radio", "2020-01-02")  # an empty cell keeps what the file said
    assert other.site is None and other.published is None


def test_the_run_outlet_fills_only_a_gap(tmp_path: Path):
    sources = load_sources(None, "  Ledger   Weekly ")
    plain = sources.apply(_raw(tmp_path / "a.txt"))
    named = sources.apply(_raw(tmp_path / "b.html", site="Coast Radio"))
    with_url = sources.apply(_raw(tmp_path / "c.html", url="https://radio.example/c"))
    assert (plain.site, named.site, with_url.site) == ("Ledger Weekly", "Coast Radio", None)
    assert list(with_sources([_raw(tmp_path / "d.txt")], sources))[0].site == "Ledger Weekly"


@pytest.mark.parametrize(("content", "says"), [
    ("file,outlet\na.txt,X\n", "'path'"),
    ("path,published\na.txt,someday soon\n", "line 2: 'someday soon' is not a date"),
])
def test_a_bad_sources_csv_fails_before_the_run_with_the_line(tmp_path: Path, content: str, says: str):
    csv = tmp_path / "s.csv"
    csv.write_text(content, encoding="utf-8")
    with pytest.raises(SourcesError, match=says.replace("(", r"\(")):
        load_sources(str(csv))
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(str(tmp_path / "missing.csv"))


def test_analyze_stores_the_users_outlet_and_date_and_says_unknown_otherwise(tmp_path: Path):
    from parallax.views.web import queries as qx

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A_01.txt").write_text("Ministers meet in La Paz\n\n" + BODY, encoding="utf-8")
    (folder / "B_02.txt").write_text("Talks on sea access\n\n" + BODY.replace("Monday", "Tuesday") +
                                     " Bolivia's president welcomed the talks.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("path,outlet,published\nin/A_01.txt,The Daily Ledger,2018-04-08\n",
                                          encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    run([str(folder)], db, analyse=False, sources=load_sources(str(tmp_path / "sources.csv")))
    with Store(db, read_only=True) as store:
        docs = {Path(d.path).name: d for d in store.load_story().documents}
    assert (docs["A_01.txt"].outlet, docs["A_01.txt"].published) == ("The Daily Ledger", "2018-04-08")
    assert docs["B_02.txt"].outlet is None
    assert qx.source_label(docs["B_02.txt"]) == "unknown outlet (B_02.txt)"
    assert qx.source_label(docs["A_01.txt"]) == "The Daily Ledger"
