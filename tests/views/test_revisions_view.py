"""Revisions are shown apart from contradictions, with their timeline, in the report and the export."""

from parallax import model as m
from parallax.views.export import story_json
from parallax.views.report import report_html


def _story() -> m.Story:
    text = ("Police said 104 passengers were rescued. Divers rescued 190 passengers. 339 passengers were rescued. "
            "The ferry left at 9, one paper said; another said 11.")
    doc = m.Document("d", "d.txt", text, title="Ferry", outlet="Wire", published="2025-03-11", language="en")
    ev = [m.Evidence("d", 0, 40), m.Evidence("d", 41, 71), m.Evidence("d", 72, 101)]
    revision = m.Contradiction(
        "x1", "number", "passengers freed",
        sides=[m.ContradictionSide("104", [ev[0]]), m.ContradictionSide("190", [ev[1]]),
               m.ContradictionSide("339", [ev[2]])],
        revision=True, timeline=[m.RevisionStep("104", "2025-03-11", ["d"]), m.RevisionStep("190", "2025-03-12", ["d"]),
                                 m.RevisionStep("339", "2025-03-13", ["d"])])
    conflict = m.Contradiction("x2", "number", "departure hour of the ferry",
                               sides=[m.ContradictionSide("9", [m.Evidence("d", 102, 150)]),
                                      m.ContradictionSide("11", [m.Evidence("d", 102, 156)])])
    return m.Story(documents=[doc], contradictions=[revision, conflict])


def test_report_lists_revisions_apart_with_their_timeline():
    html = report_html(_story())
    contradictions, revisions = html.split("<h1>Revisions</h1>", 1)
    assert "departure hour of the ferry" in contradictions and "passengers freed" not in contradictions
    steps = [revisions.index(f"<b>{v}</b> <span class=\"small muted\">({d})</span>")
             for v, d in (("104", "2025-03-11"), ("190", "2025-03-12"), ("339", "2025-03-13"))]
    assert steps == sorted(steps) and "departure hour" not in revisions.split("<h1>Corroborations</h1>")[0]


def test_export_marks_a_revision_and_keeps_the_contract_fields():
    out = {x["id"]: x for x in story_json(_story())["contradictions"]}
    assert out["x1"]["kind"] == "number" and out["x1"]["revision"] is True
    assert [s["value"] for s in out["x1"]["timeline"]] == ["104", "190", "339"]
    assert "revision" not in out["x2"] and set(out["x2"]) == {"id", "kind", "about", "temporal", "sides"}
