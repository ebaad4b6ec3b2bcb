"""The web app as a client sees it: every page, the filters, the error pages, headers and escaping."""

import os
import re
import warnings
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")  # Starlette's TestClient deprecation note

from starlette.testclient import TestClient  # noqa: E402

from parallax.views.web import create_app  # noqa: E402
from parallax.views.web.links import anchor  # noqa: E402

PAGES = ["/", "/graph", "/timeline", "/claims", "/contradictions", "/documents", "/search?q=norway", "/verify",
         "/changes"]


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db, allowed_hosts=["testserver"]))  # TestClient's Host


def _all_pages(client, story):
    urls = PAGES + [f"/documents/{quote(d.id)}" for d in story.documents]
    urls += [f"/actors/{quote(a.id, safe=':')}" for a in story.actors]
    urls += [f"/events/{quote(e.id, safe=':')}" for e in story.events]
    return urls


def test_every_page_renders_with_strict_security_headers(client, web_story):
    for url in _all_pages(client, web_story):
        r = client.get(url)
        assert r.status_code == 200, url
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "style=" not in r.text and "<script>" not in r.text.replace('<script src="/static/parallax.js">', "")


def test_hostile_title_outlet_url_and_text_stay_escaped_everywhere(client, web_story):
    hostile = next(d for d in web_story.documents if d.url and d.url.startswith("javascript:"))
    hacked = next(d for d in web_story.documents if "onerror" in d.text)
    for url in _all_pages(client, web_story) + ["/search?q=alert", "/timeline?outlet=" + quote(hostile.outlet)]:
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html, url
        assert 'href="javascript:' not in html, url
    reader = client.get(f"/documents/{hostile.id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Norway sends frigate" in reader
    assert "&lt;b onmouseover=alert(1)&gt;Evil&lt;/b&gt; Times" in reader
    assert "open the original article" not in reader  # a javascript: URL is shown as text, never linked
    text = client.get(f"/documents/{hacked.id}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text and "&lt;script&gt;alert(2)&lt;/script&gt;" in text


def test_reader_marks_every_event_quote_and_mention_with_an_anchor(client, web_story):
    doc = max(web_story.documents, key=lambda d: sum(e.doc == d.id for e in web_story.events))
    html = client.get(f"/documents/{doc.id}").text
    for fact in [*web_story.events, *web_story.quotes, *web_story.mentions]:
        if fact.doc == doc.id:
            assert f'id="{anchor(fact.id)}"' in html, fact.id
    # the highlighted text, tags removed and entities decoded, is exactly the document's text
    body = re.search(r'<div class="doctext">(.*?)</div>\s*<aside', html, flags=re.S)[1]
    body = re.sub(r'<a class="tag"[^>]*>.*?</a>', "", body)
    import html as h
    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == doc.text


def test_reader_highlights_a_requested_span_and_refuses_a_malformed_one(client, web_story):
    doc = web_story.documents[0]
    r = client.get(f"/documents/{doc.id}?hl=0-6")
    assert r.status_code == 200 and 'id="hl"' in r.text
    for bad in ("6-2", "x-1", "1-2-3", "9" * 30):
        assert client.get(f"/documents/{doc.id}?hl={bad}").status_code == 400


def test_timeline_filters_by_type_mode_actor_dyad_outlet_and_dates(client, web_story):
    events = web_story.events
    def shown(query):
        html = client.get("/timeline?" + query).text
        return set(re.findall(r'href="/events/([^"#]+)"', html))

    assert shown("type=ACCUSE") == {quote(e.id, safe=":") for e in events if e.type == "ACCUSE"}
    assert shown("mode=future") == {quote(e.id, safe=":") for e in events if e.mode == "future"}
    assert shown("actor=country:ETH") == {quote(e.id, safe=":") for e in events if "country:ETH" in (e.source, e.target)}
    pair = {"country:KEN", "country:NOR"}
    assert shown("dyad=" + quote("country:NOR|country:KEN")) == {
        quote(e.id, safe=":") for e in events if {e.source, e.target} == pair}
    assert shown("type=ASSAULT") == set()
    dated = [e for e in events if e.date]
    if dated:
        day = dated[0].date
        assert quote(dated[0].id, safe=":") in shown(f"from={day}&to={day}")
        assert shown("from=2999-01-01") == set()


def test_graph_edges_lead_to_the_events_of_their_pair(client, web_story):
    html = client.get("/graph").text
    edges = re.findall(r'<a href="(/timeline\?dyad=[^"]+)" class="edge (tone-[a-z0-9]+)"', html)
    assert edges and all(t in {"tone-n2", "tone-n1", "tone-0", "tone-p1", "tone-p2", "tone-none"} for _, t in edges)
    target = edges[0][0].replace("&amp;", "&")
    timeline = client.get(target).text
    assert "event(s)" in timeline and 'class="sentence"' in timeline
    assert re.search(r'<a href="/actors/country:KEN" class="node', html)


def test_claims_matrix_cells_and_contradiction_evidence_point_at_existing_anchors(client, web_story):
    checked = 0
    for page in ("/claims", "/contradictions"):
        for doc, frag in re.findall(r'href="/documents/([^"#?]+)#(f-[^"]+)"', client.get(page).text)[:20]:
            assert f'id="{frag}"' in client.get(f"/documents/{doc}").text, (page, frag)
            checked += 1
    assert checked > 0
    contra = client.get("/contradictions").text
    for x in web_story.contradictions:
        assert all(str(s.value) in contra for s in x.sides)


def test_search_finds_documents_actors_and_is_accent_blind(client):
    html = client.get("/search?q=wanjiru").text
    assert "/actors/person:grace-wanjiru" in html
    assert client.get("/search?q=W%C3%A1NJIRU").text.count("/actors/person:grace-wanjiru") >= 1
    assert "Documents (0)" in client.get("/search?q=zzqxv").text


def test_client_errors_are_rendered_pages(client):
    r = client.get("/documents/no-such-doc")
    assert r.status_code == 404 and "Not found" in r.text and "content-security-policy" in r.headers
    assert client.get("/actors/person:nobody").status_code == 404
    assert client.get("/events/nothing").status_code == 404
    assert client.get("/nowhere").status_code == 404
    r = client.get("/search?q=" + "a" * 501)
    assert r.status_code == 400 and "longer than 500" in r.text
    assert client.get("/timeline?x=" + "b" * 5000).status_code == 400
    assert client.post("/").status_code == 405  # read-only: nothing accepts a write


def test_static_files_are_served_without_path_traversal(client):
    r = client.get("/static/parallax.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    for sneaky in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fmodel.py",
                   "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fpipeline.py", "/documents/..%2f..%2fetc%2fpasswd"):
        r = client.get(sneaky)
        assert r.status_code == 404, sneaky
        assert "import" not in r.text


def test_verify_form_answers_or_says_it_is_unavailable(client):
    assert 'name="claim"' in client.get("/verify").text
    r = client.get("/verify?claim=" + quote("Norway sent patrol vessels to Kenya"))
    assert r.status_code in (200, 503)
    assert "Verdict:" in r.text or "verify unavailable" in r.text
    assert client.get("/verify?claim=" + "c" * 600).status_code == 400


def test_missing_store_fails_at_start_not_per_request(tmp_path):
    from parallax.store import StoreError

    with pytest.raises(StoreError):
        create_app(str(tmp_path / "none.duckdb"))


def test_verify_reuses_one_verifier_and_its_index_across_requests(web_db):
    from parallax.views.web.verifying import SharedVerifier

    shared = SharedVerifier(web_db)
    claim = "Norway sent patrol vessels to Kenya"
    first = shared.verdict(claim)
    verifier, index = shared._verifier, shared._verifier.index
    assert shared.verdict(claim) == first and first["verdict"] in {"supported", "refuted", "conflicting",
                                                                     "not_enough_evidence"}
    assert shared._verifier is verifier and verifier.index is index  # nothing reloaded for the second claim


def test_verify_requests_run_side_by_side_and_agree_with_one_at_a_time(web_db, monkeypatch):
    """A slow verification must not hold the next request in a queue; answers are those of a lone request."""
    import threading

    from parallax.verify import Verifier
    from parallax.views.web.verifying import SharedVerifier

    claims = ["Norway sent patrol vessels to Kenya", "Kenya rejected the fisheries deal", "Chile met Peru"]
    alone = {c: SharedVerifier(web_db).verdict(c) for c in claims}
    shared = SharedVerifier(web_db)
    shared.verdict(claims[2])  # loaded
    release, entered = threading.Event(), threading.Event()
    real = Verifier.verify

    def slow_for_one(self, claim, **kw):
        if claim == claims[0]:
            entered.set()
            assert release.wait(30), "the slow claim was never released"
        return real(self, claim, **kw)

    monkeypatch.setattr(Verifier, "verify", slow_for_one)
    answers: dict[str, dict] = {}
    slow = threading.Thread(target=lambda: answers.__setitem__(claims[0], shared.verdict(claims[0])))
    slow.start()
    assert entered.wait(30)
    answers[claims[1]] = shared.verdict(claims[1])  # answered while the first is still inside verify
    assert slow.is_alive()
    release.set()
    slow.join(30)
    assert answers[claims[0]] == alone[claims[0]] and answers[claims[1]] == alone[claims[1]]


def test_a_repeated_claim_is_answered_from_memory_until_the_store_changes(web_db, monkeypatch, tmp_path):
    import shutil

    from parallax.verify import Verifier
    from parallax.views.web.verifying import SharedVerifier

    db = str(tmp_path / "copy.duckdb")
    shutil.copy(web_db, db)
    shared = SharedVerifier(db)
    first = shared.verdict("Norway sent patrol vessels to Kenya")
    calls = []
    real = Verifier.verify
    monkeypatch.setattr(Verifier, "verify", lambda self, c, **kw: calls.append(c) or real(self, c, **kw))
    assert shared.verdict("Norway  sent patrol vessels to Kenya ") == first and calls == []
    first["verdict"] = "tampered"  # a caller changing its answer does not change the memory
    assert shared.verdict("Norway sent patrol vessels to Kenya")["verdict"] != "tampered"
    later = os.stat(db).st_mtime_ns + 10**9  # the store file changes (as a new run writes it): computed again
    os.utime(db, ns=(later, later))
    shared.verdict("Norway sent patrol vessels to Kenya")
    assert calls == ["Norway sent patrol vessels to Kenya"]


def test_changes_page_lists_what_the_first_run_added_and_refuses_an_unreadable_date(client, web_story):
    r = client.get("/changes")
    assert r.status_code == 200
    first_claim = web_story.claims[0].text
    assert "new claim" in r.text and "new event cluster" in r.text
    assert any(c.text.replace("<", "&lt;")[:20] in r.text for c in web_story.claims), first_claim
    assert "<script>alert" not in r.text  # claim texts from the hostile article stay escaped
    assert client.get("/changes?since=2999-01-01").text.count("<tr>") == 0
    assert client.get("/changes?since=not%20a%20date%20at%20all").status_code == 400


def test_overview_says_how_many_documents_the_published_range_covers(client, web_story):
    dated = sorted(d.published for d in web_story.documents if d.published)
    assert dated and len(dated) < len(web_story.documents)  # the invented store mixes dated and undated inputs
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get("/").text).split())
    span = f"on {dated[0]}" if dated[0] == dated[-1] else f"{dated[0]} to {dated[-1]}"
    assert f"Published {span} ({len(dated)} of {len(web_story.documents)} documents dated)" in text


def test_changes_page_lists_the_documents_each_run_added_and_what_they_brought(client, web_story):
    page = client.get("/changes").text
    assert "Documents added or updated" in page and "brought by" in page
    for d in web_story.documents:  # every document of the single run, by title, linked to the reader
        assert f'href="/documents/{d.id}"' in page
        assert (d.path or "").replace("&", "&amp;") in page
    assert "Norway and Kenya sign fisheries accord" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Norway sends frigate to Kenya" in page  # the hostile title, escaped
    claim_row = next(row for row in page.split("<tr>") if "<td>new claim</td>" in row)
    assert "/documents/" in claim_row.split("</td>")[-2], "a new claim links the document that brought it"
