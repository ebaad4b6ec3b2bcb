"""The actor graph and its GraphML/GEXF exports."""

import html as html_lib
import io
import re

import networkx as nx
import pytest

from parallax import model as m
from parallax.views import graph as gr


def _story() -> m.Story:
    actors = [m.Actor("country:CHL", "Chile", "country", "CHL"), m.Actor("country:PER", "Peru", "country", "PER"),
              m.Actor("country:BOL", "Bolivia", "country", "BOL"),
              m.Actor("person:ana-torres", "Ana Torres", "person", "CHL")]

    def ev(i, s, t, typ, g):
        return m.Event(f"d:e{i}", "d", s, t, typ, "asserted", 0, 10, "x", goldstein=g)

    events = [ev(0, "country:CHL", "country:PER", "ACCUSE", -2.0), ev(1, "country:CHL", "country:PER", "ASSAULT", -10.0),
              ev(2, "country:PER", "country:BOL", "AGREE", 4.0), ev(3, "person:ana-torres", "country:BOL", "CONSULT", None),
              ev(4, "country:PER", None, "PROTEST", -3.0), ev(5, "country:PER", "country:PER", "AID", 7.0)]
    return m.Story(actors=actors, events=events)


def test_edges_aggregate_events_with_mean_goldstein_and_nodes_carry_centrality():
    g = gr.actor_graph(_story())
    assert set(g) == {"country:CHL", "country:PER", "country:BOL", "person:ana-torres"}  # no self-loops, no half dyads
    e = g.edges["country:CHL", "country:PER"]
    assert e["weight"] == 2 and e["goldstein"] == -6.0 and e["events"] == ["d:e0", "d:e1"]
    assert g.edges["person:ana-torres", "country:BOL"]["goldstein"] is None
    assert g.nodes["country:PER"]["betweenness"] > g.nodes["country:CHL"]["betweenness"]
    assert g.nodes["country:PER"]["events"] == 3


def test_countries_can_absorb_their_officials():
    g = gr.actor_graph(_story(), aggregate_countries=True)
    assert "person:ana-torres" not in g and g.has_edge("country:CHL", "country:BOL")


def test_graphml_and_gexf_read_back_with_their_attributes(tmp_path):
    story = _story()
    gr.write_graphml(story, tmp_path / "a.graphml")
    h = nx.read_graphml(tmp_path / "a.graphml")
    assert h.is_directed() and h.number_of_edges() == 3
    assert h.nodes["country:PER"]["label"] == "Peru"
    assert h.edges["country:CHL", "country:PER"]["events"] == "d:e0 d:e1"
    assert "goldstein" not in h.edges["person:ana-torres", "country:BOL"]  # unknown stays absent, not 0
    x = nx.read_gexf(io.BytesIO(gr.gexf_text(story).encode()))
    assert x.number_of_nodes() == 4


def test_tone_runs_from_conflict_to_cooperation():
    assert [gr.tone(v) for v in (-10, -3, 0, 3, 8, None)] == ["tone-n2", "tone-n1", "tone-0", "tone-p1", "tone-p2",
                                                              "tone-none"]


def test_layout_is_deterministic_and_inside_the_canvas():
    g = gr.actor_graph(_story())
    a, b = gr.layout(g), gr.layout(g)
    assert a == b and len(a.edges) == 3
    assert all(0 <= n.x <= a.width and 0 <= n.y <= a.height for n in a.nodes)
    assert next(e for e in a.edges if {e.a, e.b} == {"country:CHL", "country:PER"}).tone == "tone-n2"


def test_export_command_writes_graphml_and_gexf_for_a_store(web_db, tmp_path):
    from typer.testing import CliRunner

    from parallax.views.cli import app

    runner = CliRunner()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        r = runner.invoke(app, ["export", "--format", fmt, "--db", web_db, "--out", str(out)])
        assert r.exit_code == 0, r.output
        g = read(out)
        assert g.has_edge("country:NOR", "country:KEN") or g.has_edge("country:KEN", "country:NOR")
    r = runner.invoke(app, ["export", "--format", "dot", "--db", web_db])
    assert r.exit_code == 2 and "graphml" in r.output


def test_only_what_happened_colours_an_edge():
    story = _story()
    story.events.append(m.Event("d:e9", "d", "country:PER", "country:BOL", "AID", "negated", 0, 10, "x", goldstein=7.4))
    e = gr.actor_graph(story).edges["country:PER", "country:BOL"]
    assert e["weight"] == 2 and e["goldstein"] == 4.0  # the sale that will not happen is counted, not scored


# -- the drawing of a busy story, as the page and the report show it ----------------------------------------
def _drawings(html: str) -> list[dict]:
    """Each <svg class="graph"> of a page: its frame, circles, labels (with their attributes) and edge links."""
    out = []
    for head, body in re.findall(r'<svg class="graph"([^>]*)>(.*?)</svg>', html, flags=re.S):
        w, h = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', head).groups())
        circles = [tuple(float(v) for v in c) for c in
                   re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"', body)]
        labels = []
        for attrs, text in re.findall(r"<text([^>]*)>([^<]*)</text>", body):
            a = dict(re.findall(r'([a-z-]+)="([^"]*)"', attrs))
            labels.append((float(a["x"]), float(a["y"]), float(a.get("font-size", 12)),
                           a.get("text-anchor", "start"), html_lib.unescape(text)))
        edges = re.findall(r'<a href="([^"]+)" class="edge [^"]+"[^>]*>(.*?)</a>', body, flags=re.S)
        out.append({"width": w, "height": h, "circles": circles, "labels": labels, "edges": edges})
    return out


def _label_box(x: float, y: float, size: float, anchor: str, text: str) -> tuple[float, float, float, float]:
    """A label's box from its font size and length: 0.6 em a character, a line of 1 em around the baseline."""
    w = 0.6 * size * len(text)
    left = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
    return left, y - 0.8 * size, left + w, y + 0.2 * size


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _readable(drawing: dict) -> None:
    """No two labels overlap, no label covers a circle, and the actors with their labels span the frame both ways
    (the circles alone a little less: a long name at the edge needs room beside its circle)."""
    boxes = [_label_box(*lab) for lab in drawing["labels"]]
    discs = [(x - r, y - r, x + r, y + r) for x, y, r in drawing["circles"]]
    clash = [(drawing["labels"][i][4], drawing["labels"][j][4]) for i in range(len(boxes))
             for j in range(i + 1, len(boxes)) if _overlap(boxes[i], boxes[j])]
    assert clash == []
    assert not [lab[4] for lab, box in zip(drawing["labels"], boxes) if any(_overlap(box, d) for d in discs)]
    assert all(0 <= b[0] and b[2] <= drawing["width"] and 0 <= b[1] and b[3] <= drawing["height"] for b in boxes)
    for marks, share in ((boxes + discs, 0.85), (discs, 0.7)):  # with their labels, and the circles alone
        span_x = max(d[2] for d in marks) - min(d[0] for d in marks)
        span_y = max(d[3] for d in marks) - min(d[1] for d in marks)
        assert span_x >= share * drawing["width"] and span_y >= share * drawing["height"]


@pytest.fixture(scope="module")
def crowded_client(crowded_story, tmp_path_factory):
    from starlette.testclient import TestClient

    from parallax.views.web import create_app

    db = tmp_path_factory.mktemp("crowded") / "story.duckdb"
    db.write_bytes(b"")  # the loader below ignores it
    return TestClient(create_app(str(db), loader=lambda _: crowded_story, load_wait=30, allowed_hosts=["testserver"]))


def test_a_busy_story_draws_its_main_actors_with_a_link_to_all_of_them(crowded_client, crowded_story):
    g = gr.actor_graph(crowded_story)
    html = crowded_client.get("/graph").text
    drawn = re.findall(r'<a href="/actors/([^"]+)" class="node', html)
    assert 25 <= len(drawn) <= 30 and len(g) == 40
    least = min(g.nodes[n]["events"] for n in drawn)
    assert all(g.nodes[n]["events"] <= least for n in set(g) - set(drawn))  # the most active ones
    link = re.search(r'<a href="([^"]+)" id="show-all">([^<]+)</a>', html)
    assert link and link[1] == "/graph?all=1" and "40" in link[2]
    every = crowded_client.get(link[1]).text
    assert len(re.findall(r'class="node k-', every)) == 40 and 'id="show-main"' in every


def test_every_label_of_a_busy_story_can_be_read_and_the_drawing_fills_its_frame(crowded_client):
    for url in ("/graph", "/graph?all=1"):
        (drawing,) = _drawings(crowded_client.get(url).text)
        assert len(drawing["labels"]) == len(drawing["circles"])
        _readable(drawing)


def test_every_drawn_edge_is_easy_to_click_and_leads_to_its_events(crowded_client):
    (drawing,) = _drawings(crowded_client.get("/graph").text)
    assert drawing["edges"] and all('class="hit"' in body for _, body in drawing["edges"])
    for href, body in drawing["edges"][:5]:
        count = int(re.search(r"(\d+) event\(s\)", body)[1])
        page = crowded_client.get(html_lib.unescape(href)).text
        assert f'id="count">{count} event(s)' in page and page.count('class="sentence"') == count


def test_the_report_draws_the_main_actors_and_all_of_them_on_request(crowded_story):
    from parallax.views.report import report_html

    html = report_html(crowded_story)
    main, every = _drawings(html)
    assert 25 <= len(main["circles"]) <= 30 and len(every["circles"]) == 40
    assert re.search(r'<details id="graph-all"><summary>Show all 40 actors</summary>', html)
    for drawing in (main, every):
        _readable(drawing)
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert {href[1:] for d in (main, every) for href, _ in d["edges"]} <= ids  # each edge lands on its events


def test_layout_is_deterministic_for_a_busy_story(crowded_story):
    g = gr.actor_graph(crowded_story)
    assert gr.layout(g) == gr.layout(g) and gr.layout(g, limit=None) == gr.layout(g, limit=None)
