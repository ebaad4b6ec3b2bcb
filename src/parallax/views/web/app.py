"""`parallax serve`: a read-only Starlette app over one story store, rendered server-side.

Why server-side: the pages are evidence tables and marked-up text, which need no client framework, and a
page that runs no third-party JavaScript can carry a CSP strict enough that hostile article text stays inert.
The store is opened read-only for each load and closed again, so `parallax analyze` can keep writing between
loads; the story is cached until the store file changes.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parallax.store import Store, StoreError
from parallax.views import graph as gr
from parallax.views.web import queries as qx
from parallax.views.web.highlight import render as highlight
from parallax.views.web.links import Links, safe_url
from parallax.views.web.render import CSP, render

MAX_QUERY_STRING = 4096
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")
LINKS = Links(inpage=False)


class SecurityHeaders:
    """Adds the CSP and friends to every response: pages, static files and error pages alike."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in SECURITY_HEADERS}
                message["headers"] = [h for h in message.get("headers", []) if h[0] not in names] + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class StoryCache:
    """The story of one store, reloaded when the file (or its write-ahead log) changes."""

    def __init__(self, db: str):
        self.db = db
        self._key: tuple | None = None
        self._ix: qx.StoryIndex | None = None
        self._lock = threading.Lock()

    def _stamp(self) -> tuple:
        out = []
        for p in (Path(self.db), Path(self.db + ".wal")):
            st = p.stat() if p.exists() else None
            out.append((st.st_mtime_ns, st.st_size) if st else None)
        return tuple(out)

    def get(self) -> qx.StoryIndex:
        with self._lock:
            key = self._stamp()
            if self._ix is None or key != self._key:
                with Store(self.db, read_only=True) as store:
                    story = store.load_story()
                self._ix, self._key = qx.StoryIndex.build(story), key
            return self._ix


def param(request: Request, name: str, limit: int = qx.MAX_QUERY) -> str:
    """A query parameter, stripped; longer than ``limit`` is the client's error (400)."""
    value = request.query_params.get(name, "")
    if len(value) > limit:
        raise HTTPException(400, f"the parameter {name!r} is longer than {limit} characters")
    return value.strip()


def page(name: str, request: Request, status: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(render(name, LINKS, **ctx), status_code=status)


def create_app(db: str) -> Starlette:
    """The web UI over the store at ``db`` (opened read-only; a missing store fails here, not per request)."""
    if not Path(db).exists():
        raise StoreError(f"no store at {db}: run 'parallax analyze PATH --db {db}' first")
    cache = StoryCache(db)

    def ix(request: Request) -> qx.StoryIndex:
        if len(request.url.query) > MAX_QUERY_STRING:
            raise HTTPException(400, f"the query string is longer than {MAX_QUERY_STRING} characters")
        return cache.get()

    def overview(request: Request) -> Response:
        i = ix(request)
        return page("overview.html", request, ix=i, ov=qx.overview(i), page="overview", title="Story overview")

    def graph(request: Request) -> Response:
        i = ix(request)
        svg = gr.layout(gr.actor_graph(i.story))
        return page("graph.html", request, ix=i, svg=svg, page="graph", title="Actor graph")

    def timeline(request: Request) -> Response:
        i = ix(request)
        f = qx.TimelineFilter(actor=param(request, "actor"), dyad=param(request, "dyad"),
                              type=param(request, "type").upper(), mode=param(request, "mode").lower(),
                              outlet=param(request, "outlet"), date_from=param(request, "from", 10),
                              date_to=param(request, "to", 10))
        events = qx.filter_events(i, f)
        shown = events[: qx.TIMELINE_LIMIT]
        names = [i.name(x) for x in f.dyad.split("|", 1)] if "|" in f.dyad else []
        return page("timeline.html", request, ix=i, f=f, opts=qx.timeline_options(i), active=f.active(),
                    groups=qx.timeline_groups(i, shown), total=len(events), hidden=len(events) - len(shown),
                    dyad_names=names,
                    page="timeline", title="Timeline")

    def claims(request: Request) -> Response:
        i = ix(request)
        outlets, rows = qx.claim_matrix(i)
        return page("claims.html", request, ix=i, outlets=outlets, rows=rows,
                    more=max(0, len(i.story.claims) - len(rows)), page="claims", title="Claims by source")

    def contradictions(request: Request) -> Response:
        i = ix(request)
        return page("contradictions.html", request, ix=i, corroborations=qx.corroborations(i),
                    page="contradictions", title="Contradictions and corroborations")

    def documents(request: Request) -> Response:
        i = ix(request)
        return page("documents.html", request, ix=i, page="documents", title="Documents")

    def document(request: Request) -> Response:
        i = ix(request)
        d = i.docs.get(request.path_params["doc_id"])
        if d is None:
            raise HTTPException(404, "no such document in this story")
        hl = None
        if raw := param(request, "hl", 20):
            match = _HL.match(raw)
            if not match or int(match[1]) >= int(match[2]):
                raise HTTPException(400, "hl must be START-END character offsets, START < END")
            hl = (int(match[1]), int(match[2]))
        html = highlight(d.text, qx.doc_facts(i, d, LINKS, hl))
        return page("document.html", request, ix=i, d=d, html=html, link=safe_url(d.url), page="documents",
                    title=d.title or "Document")

    def actor(request: Request) -> Response:
        i = ix(request)
        a = i.actors.get(request.path_params["actor_id"])
        if a is None:
            raise HTTPException(404, "no such actor in this story")
        events = qx.filter_events(i, qx.TimelineFilter(actor=a.id))
        quotes = [q for q in i.story.quotes if q.speaker == a.id]
        return page("actor.html", request, ix=i, a=a, events=events, quotes=quotes, title=a.name)

    def event(request: Request) -> Response:
        i = ix(request)
        e = i.events.get(request.path_params["event_id"])
        if e is None:
            raise HTTPException(404, "no such event in this story")
        cluster = i.cluster_of.get(e.id)
        others = [i.events[x] for x in (cluster.events if cluster else []) if x != e.id and x in i.events]
        return page("event.html", request, ix=i, e=e, cluster=cluster, others=others, title=f"{e.type} event")

    def search(request: Request) -> Response:
        i = ix(request)
        q = param(request, "q")
        return page("search.html", request, ix=i, q=q, res=qx.search(i, q) if q else {}, title="Search")

    def verify(request: Request) -> Response:
        i = ix(request)
        claim = param(request, "claim")
        ctx: dict[str, Any] = {"ix": i, "claim": claim, "verdict": None, "unavailable": None, "related": [],
                               "unrelated": 0, "page": "verify", "title": "Verify"}
        if claim:
            try:
                from parallax.verify import verdict_json
                from parallax.verify import verify as run_verify
            except ImportError:
                ctx["unavailable"] = "this installation has no verify module yet"
            else:
                try:
                    with Store(db, read_only=True) as store:
                        data = verdict_json(run_verify(store, claim), store)
                except Exception as exc:  # a broken verifier must not take the UI down with it
                    ctx["unavailable"] = f"verify failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
                    return page("verify.html", request, status=503, **ctx)
                ctx["verdict"] = data
                ctx["related"] = sorted((d for d in data["documents"] if d["stance"] != "unrelated"),
                                        key=lambda d: -d["score"])
                ctx["unrelated"] = len(data["documents"]) - len(ctx["related"])
        return page("verify.html", request, **ctx)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        heading = {400: "Bad request", 404: "Not found", 405: "Method not allowed"}.get(status, "Error")
        detail = getattr(exc, "detail", "") or heading
        if status == 404 and detail == "Not Found":
            detail = "There is no page at this address."
        headers = getattr(exc, "headers", None)
        return HTMLResponse(render("error.html", LINKS, status=status, heading=heading, detail=detail,
                                   title=heading), status_code=status, headers=headers)

    async def store_error(request: Request, exc: Exception) -> Response:
        return HTMLResponse(render("error.html", LINKS, status=503, heading="Store unavailable",
                                   detail=str(exc).splitlines()[0], title="Store unavailable"), status_code=503)

    static = StaticFiles(packages=[("parallax.views.web", "static")])
    routes = [
        Route("/", overview), Route("/graph", graph), Route("/timeline", timeline), Route("/claims", claims),
        Route("/contradictions", contradictions), Route("/documents", documents),
        Route("/documents/{doc_id:path}", document), Route("/actors/{actor_id:path}", actor),
        Route("/events/{event_id:path}", event), Route("/search", search), Route("/verify", verify),
        Mount("/static", app=static, name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, StoreError: store_error})
    app.add_middleware(SecurityHeaders)
    return app

