"""Bounded pages on a story larger than a page: pagination, caps with links to the rest, the loading answer,
the sampled graph and the folded search. The story is built in memory (no parsing), so it can be big cheaply."""

import re
import threading
import warnings
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")

from starlette.testclient import TestClient  # noqa: E402

from parallax import model as m  # noqa: E402
from parallax.views import graph as gr  # noqa: E402
from parallax.views.web import create_app  # noqa: E402
from parallax.views.web import queries as qx  # noqa: E402
from parallax.views.web.cache import StoryCache, StoryLoading  # noqa: E402

N_DOCS, N_EVENTS = 230, 1_150
PORTS = ["Mombasa", "Bergen", "Durban", "Málaga", "Lamu"]


def big_story() -> m.Story:
    """Many dated documents, each with events between a busy ministry and one of many partners."""
    docs, events, quotes = [], [], []
    actors = [m.Actor("org:ministry", "Ministry of Fisheries", "organization", country="NOR")]
    for k in range(40):
        actors.append(m.Actor(f"country:P{k:02d}", f"Partnerland {k}", "country"))
    for i in range(N_DOCS):
        port = PORTS[i % len(PORTS)]
        text = (f"The ministry signed a quota deal in {port} on day {i}. "
                f"\"We protect the fleets,\" the minister said. Partners welcomed the deal.")
        docs.append(m.Document(id=f"d{i:04d}", key=f"k{i}", text=text, title=f"Quota deal {i} in {port}",
                               outlet=f"Outlet {i % 7}", published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"))
        s = text.index("The ministry")
        quotes.append(m.Quote(f"d{i:04d}:q0", f"d{i:04d}", "org:ministry", "the minister", False, "direct",
                              text.index('"'), text.index('" the') + 1, "We protect the fleets"))
        for j in range(N_EVENTS // N_DOCS):
            events.append(m.Event(f"d{i:04d}:e{j}", f"d{i:04d}", "org:ministry", f"country:P{(i + j) % 40:02d}",
                                  "AGREE", "asserted", s, s + 40, text[s:s + 40], goldstein=3.0))
    spans = [m.Evidence(d.id, 0, 20) for d in docs[:12]]
    contra = m.Contradiction("x1", "number", "the quota", [m.ContradictionSide("20 tonnes", spans),
                                                           m.ContradictionSide("30 tonnes", spans[:2])])
    return m.Story(documents=docs, actors=actors, events=events, quotes=quotes, contradictions=[contra])


@pytest.fixture(scope="module")
def story():
    return big_story()


@pytest.fixture(scope="module")
def client(tmp_path_factory, story):
    db = tmp_path_factory.mktemp("big") / "story.duckdb"
    db.write_bytes(b"")  # the loader below ignores it; the app only watches its stamp
    return TestClient(create_app(str(db), allowed_hosts=["testserver"], loader=lambda _: story, load_wait=30))


def doc_links(html: str) -> list[str]:
    return re.findall(r'<td><a href="/documents/(d\d+)">', html)


def test_documents_are_paginated_without_gaps_or_repeats(client, story):
    seen = []
    pages = -(-N_DOCS // qx.DOCUMENTS_PAGE)
    for n in range(1, pages + 1):
        html = client.get(f"/documents?page={n}").text
        rows = doc_links(html)
        assert len(rows) == (qx.DOCUMENTS_PAGE if n < pages else N_DOCS - (pages - 1) * qx.DOCUMENTS_PAGE)
        assert f"page {n} of {pages}" in html
        assert ('rel="next"' in html) == (n < pages) and ('rel="prev"' in html) == (n > 1)
        seen += rows
    assert seen == [d.id for d in story.documents]
    assert doc_links(client.get("/documents").text) == seen[: qx.DOCUMENTS_PAGE]
    assert client.get(f"/documents?page={pages + 1}").status_code == 404
    for bad in ("0", "-1", "two", "1.5", "9" * 12):
        assert client.get(f"/documents?page={bad}").status_code == 400, bad


def test_timeline_pages_keep_their_filters_and_cover_every_event(client, story):
    html = client.get("/timeline").text
    assert html.count('class="sentence"') == qx.TIMELINE_LIMIT
    pages = -(-N_EVENTS // qx.TIMELINE_LIMIT)
    assert f"page 1 of {pages}" in html
    ids = set()
    for n in range(1, pages + 1):
        page = client.get(f"/timeline?page={n}").text
        ids |= set(re.findall(r'href="/events/([^"#]+)"', page))
    assert ids == {quote(e.id, safe=":") for e in story.events}
    filtered = client.get("/timeline?type=AGREE&outlet=" + quote("Outlet 3")).text
    total = sum(1 for e in story.events if story.documents[int(e.doc[1:])].outlet == "Outlet 3")
    assert f"{total} event(s)" in filtered
    assert client.get("/timeline?page=99").status_code == 404
    busy = client.get("/timeline?actor=org:ministry").text
    nxt = re.search(r'href="([^"]+)" rel="next"', busy)[1].replace("&amp;", "&")
    assert "actor=org%3Aministry" in nxt and "page=2" in nxt
    assert 'class="sentence"' in client.get(nxt).text


def test_actor_page_caps_events_newest_first_and_links_to_the_rest(client, story, monkeypatch):
    html = client.get("/actors/org:ministry").text
    shown = re.findall(r'<td>(\d{4}-\d\d-\d\d) \(published\)</td>', html)
    assert len(shown) == qx.ACTOR_EVENTS and shown == sorted(shown, reverse=True)
    assert shown[0] == max(d.published for d in story.documents)
    assert f"of {N_EVENTS} events" in html and 'href="/timeline?actor=org%3Aministry"' in html
    assert html.count("<blockquote>") == qx.ACTOR_QUOTES and f"of {N_DOCS} quotes" in html
    small = client.get("/actors/country:P07").text
    assert "newest of" not in small  # under the cap: everything, no note


def test_contradiction_evidence_is_capped_with_links_to_the_rest(client):
    html = client.get("/contradictions").text
    section = html.split('id="f-x-x1"', 1)[1].split("</section>", 1)[0]
    long_side, short_side = section.split("30 tonnes", 1)
    assert long_side.count("<blockquote>") == qx.EVIDENCE_SHOWN and "+7 more:" in long_side
    assert len(re.findall(r'href="/documents/d\d+\?hl=0-20#hl"', long_side)) == 7
    assert short_side.count("<blockquote>") == 2 and "more:" not in short_side


def test_search_is_accent_blind_capped_and_finds_titles(client):
    html = client.get("/search?q=MALAGA").text
    assert f"Documents ({N_DOCS // len(PORTS)})" in html and "At most" not in html and "<b>Málaga</b>" in html
    html = client.get("/search?q=" + quote("Deal QUOTA")).text
    assert f"Documents ({qx.SEARCH_LIMIT})" in html and "At most 50 results" in html
    assert "Documents (0)" in client.get("/search?q=qxzvwjkq").text


def test_fold_matches_accents_and_keeps_ascii_fast():
    assert qx.fold("Lucía ÉCOLE Straße") == "lucia ecole strasse"
    assert qx.fold("Plain ASCII") == "plain ascii"
    assert qx.fold("“Quoted” Łódź") == "“quoted” łodz"


def test_the_graph_is_computed_once_and_sampled_when_large(client, story, monkeypatch):
    calls = []
    real = gr.actor_graph
    monkeypatch.setattr(gr, "actor_graph", lambda *a, **k: calls.append(1) or real(*a, **k))
    for _ in range(3):
        assert client.get("/graph").status_code == 200
    assert len(calls) <= 1  # once per story (when it loaded, or by the first reader), never per request
    assert 'id="betweenness-sampled"' not in client.get("/graph").text  # 41 actors: exact
    many = m.Story(actors=[m.Actor(f"a{i}", f"A{i}", "person") for i in range(320)],
                   events=[m.Event(f"e{i}", "d", f"a{i}", f"a{(i * 7 + 1) % 320}", "CONSULT", "asserted", 0, 1, "x")
                           for i in range(320)])
    g = gr.actor_graph(many)
    assert g.graph["betweenness_sample"] == min(gr.BETWEENNESS_SAMPLE, len(g))
    assert gr.actor_graph(many).nodes["a5"]["betweenness"] == g.nodes["a5"]["betweenness"]  # seeded
    assert gr.layout(g).sample == gr.BETWEENNESS_SAMPLE


def test_a_slow_load_answers_503_then_the_story(tmp_path, story):
    db = tmp_path / "s.duckdb"
    db.write_bytes(b"")
    gate = threading.Event()

    def slow(_):
        gate.wait(10)
        return story

    cache = StoryCache(str(db), wait=0.05, loader=slow, warm_up=False)
    with pytest.raises(StoryLoading):
        cache.get()
    app = TestClient(create_app(str(db), allowed_hosts=["testserver"], loader=slow, load_wait=0.05))
    r = app.get("/documents")
    assert r.status_code == 503 and r.headers["retry-after"] and 'href="/"' in r.text
    assert "content-security-policy" in r.headers
    gate.set()
    cache.wait = 5
    assert len(cache.get().story.documents) == N_DOCS
    r = TestClient(create_app(str(db), allowed_hosts=["testserver"], loader=slow, load_wait=5)).get("/documents")
    assert r.status_code == 200


def test_a_failed_load_is_a_store_error_page(tmp_path):
    db = tmp_path / "s.duckdb"
    db.write_bytes(b"")

    def broken(_):
        raise OSError("disk gone")

    r = TestClient(create_app(str(db), allowed_hosts=["testserver"], loader=broken, load_wait=5)).get("/")
    assert r.status_code == 503 and "disk gone" in r.text
