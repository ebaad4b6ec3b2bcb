"""The actor graph and its GraphML/GEXF exports."""

import io

import networkx as nx

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
