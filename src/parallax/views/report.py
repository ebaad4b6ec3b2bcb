"""`parallax report`: the whole story as one HTML file that works offline and can be mailed around.

The report renders the web UI's own templates with in-page links (documents become sections, facts their
anchors) and the stylesheet inlined. It runs no script at all, and its Content-Security-Policy (a <meta>
tag) admits only that one stylesheet by hash, so article text inside it stays inert wherever it is opened.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone
from pathlib import Path

from markupsafe import Markup

from parallax import model as m
from parallax.views.web import queries as qx
from parallax.views.web.highlight import render as highlight
from parallax.views.web.links import Links
from parallax.views.web.render import render, stylesheet


def report_csp(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; form-action 'none'; "
            "base-uri 'none'")


def report_html(story: m.Story) -> str:
    """The report as a string."""
    links = Links(inpage=True)
    ix = qx.StoryIndex.build(story)
    css = stylesheet()
    if "</" in css:  # our own file; a closing tag inside <style> would end it early
        raise ValueError("the stylesheet must not contain '</'")
    outlets, rows = qx.claim_matrix(ix)
    readers = [(d, highlight(d.text, qx.doc_facts(ix, d, links))) for d in story.documents]
    return render(
        "report.html", links, ix=ix, ov=qx.overview(ix), svg=ix.graph(), svg_all=ix.graph(all=True),
        dyads=qx.dyad_events(ix), groups=qx.timeline_groups(ix, qx.filter_events(ix, qx.TimelineFilter())),
        outlets=outlets, rows=rows, corroborations=qx.corroborations(ix), actor_events=ix.events_by_actor,
        readers=readers, inline_css=Markup(css), csp_meta=report_csp(css), title="Story report",
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(story: m.Story, path: str | Path) -> Path:
    """Write the report to ``path`` (UTF-8) and return it."""
    target = Path(path)
    target.write_text(report_html(story), encoding="utf-8")
    return target
