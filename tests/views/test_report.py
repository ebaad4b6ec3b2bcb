"""The one-file report: self-contained, script-free, escaped, and every in-page link lands."""

import base64
import hashlib
import html as h
import re

from typer.testing import CliRunner

from parallax.views.cli import app
from parallax.views.report import report_html


def test_report_is_self_contained_and_its_links_resolve(web_story):
    html = report_html(web_story)
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", html, flags=re.I)
    assert "<script" not in html.lower() and " style=" not in html
    assert all('href="data:,"' in link for link in re.findall(r"<link[^>]*>", html))  # only the blank favicon
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(ids)
    for e in web_story.events:  # every event is a fact marked in its document
        assert f'href="#f-{re.sub(r"[^A-Za-z0-9_-]", "-", e.id)}"' in html


def test_report_csp_admits_exactly_its_own_stylesheet(web_story):
    html = report_html(web_story)
    css = re.search(r"<style>(.*?)</style>", html, flags=re.S)[1]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    meta = h.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1])
    assert "default-src 'none'" in meta and f"style-src 'sha256-{digest}'" in meta


def test_report_escapes_hostile_articles(web_story):
    html = report_html(web_story)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and 'href="javascript:' not in html


def test_report_command_writes_the_file_and_fails_cleanly_without_a_store(web_db, tmp_path):
    out = tmp_path / "story.html"
    runner = CliRunner()
    r = runner.invoke(app, ["report", "--db", web_db, "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    r = runner.invoke(app, ["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(out)])
    assert r.exit_code == 2 and "parallax: no store" in r.output


def test_report_says_where_an_armed_group_is_based(web_story):
    import dataclasses

    from parallax import model as m

    group = m.Actor("group:national-liberation-army", "National Liberation Army", "group", agent="REB",
                    based_in="COL")
    story = dataclasses.replace(web_story, actors=[*web_story.actors, group])
    html = report_html(story)
    section = html[html.index("National Liberation Army"):][:400]
    assert "based in COL" in section
