"""Entry-point details of sources.py: odd file names and JSON arrays saved under a .jsonl name."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from parallax.ingest.base import RawArticle
from parallax.ingest.sources import iter_articles, printable_path, sniff
from parallax.model import IngestError

STORY = "The trade envoy arrived in Lisbon on Monday for two days of talks on fishing quotas."
OTHER = "Port workers in the northern city ended their strike after a pay offer, the union said."


@pytest.mark.skipif(sys.platform == "win32" or os.fsencode("\udce9") != b"\xe9", reason="POSIX byte file names")
def test_non_utf8_file_name_gives_storable_key_and_path(tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"r\xe9sum\xe9.txt")  # a latin-1 file name on a UTF-8 system
    odd.write_text(STORY, encoding="utf-8")
    missing = tmp_path / os.fsdecode(b"gone\xff.txt")
    items = list(iter_articles([str(odd), str(missing)]))
    assert [type(i) for i in items] == [RawArticle, IngestError], items
    art, err = items
    assert art.text == STORY  # the real (byte) name was used to open the file
    for text in (art.key, art.path, err.path):  # type: ignore[union-attr]
        text.encode("utf-8")  # DuckDB, JSON and doc ids need encodable text
    assert art.key.endswith("r\\xe9sum\\xe9.txt")  # type: ignore[union-attr]
    assert list(iter_articles([str(odd)]))[0].key == art.key  # type: ignore[union-attr]  # stable across runs


def test_printable_path_leaves_unicode_names_alone() -> None:
    assert printable_path("/news/São Paulo/çà.txt") == "/news/São Paulo/çà.txt"


def test_pretty_json_array_named_jsonl_is_read_as_one_document(tmp_path: Path) -> None:
    f = tmp_path / "export.jsonl"
    f.write_text(json.dumps([{"title": "Envoy", "text": STORY}, {"title": "Port", "text": OTHER}], indent=2))
    items = list(iter_articles([str(f)]))
    assert [i.text for i in items] == [STORY, OTHER], items  # type: ignore[union-attr]


def test_jsonl_of_one_line_arrays_stays_per_line(tmp_path: Path) -> None:
    f = tmp_path / "rows.jsonl"
    f.write_text('["a", 1]\n' + json.dumps({"text": OTHER}) + "\n")
    assert sniff(f.read_bytes(), str(f)) == "jsonl"
    items = list(iter_articles([str(f)]))
    assert isinstance(items[0], IngestError) and items[0].locator == "line 1"
    assert isinstance(items[1], RawArticle) and items[1].text == OTHER


def test_broken_json_named_jsonl_is_an_error_not_a_text_article(tmp_path: Path) -> None:
    f = tmp_path / "cut.jsonl"
    f.write_text('[\n  {"text": "' + STORY + '"},\n  {"text": ')
    items = list(iter_articles([str(f)]))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "JSON" in items[0].reason


def test_html_fragment_saved_as_txt_is_rendered_not_kept_as_markup(tmp_path: Path) -> None:
    f = tmp_path / "body.txt"
    f.write_text(f"<p>{STORY}</p><p>{OTHER}</p>", encoding="utf-8")
    items = list(iter_articles([str(f)]))
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    assert items[0].format == "html" and items[0].text == f"{STORY}\n\n{OTHER}"


def test_prose_with_an_angle_bracket_stays_text() -> None:
    assert sniff(b"<Reuters> Officials said the <b>talks</b> went well.", "wire.txt") == "text"
