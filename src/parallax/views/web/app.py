"""`parallax serve`: a read-only Starlette app over one story store, rendered server-side.

Why server-side: the pages are evidence tables and marked-up text, which need no client framework, and a
page that runs no third-party JavaScript can carry a CSP strict enough that hostile article text stays inert.
The store is opened read-only for each load and closed again, so `parallax analyze` can keep writing between
loads; the story is loaded in the background when the app starts and cached until the store file changes
(see ``cache``). Every list a page shows is bounded (pages, caps with a link to the rest), so a page costs the
same on 5,000 documents as on 50.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parallax import model as m
from parallax.store import Store, StoreError
from parallax.views.web import queries as qx
from parallax.views.web.cache import LOAD_WAIT, RETRY_AFTER, StoryCache, StoryLoading, load_story
from parallax.views.web.highlight import render as highlight
from parallax.views.web.links import Links, safe_url
from parallax.views.web.render import CSP, render
from parallax.views.web.verifying import SharedVerifier

MAX_QUERY_STRING = 4096
CHANGES_SHOWN = 500
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


def param(request: Request, name: str, limit: int = qx.MAX_QUERY) -> str:
    """A query parameter, stripped; longer than ``limit`` is the client's error (400)."""
    value = request.query_params.get(name, "")
    if len(value) > limit:
        raise HTTPException(400, f"the parameter {name!r} is longer than {limit} characters")
    return value.strip()


def page_number(request: Request) -> int:
    """``?page=`` as a 1-based number; anything else is the client's error (400)."""
    raw = param(request, "page", 9) or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise HTTPException(400, "page must be a whole number from 1")
    return int(raw)


def check_page(number: int, pages: int) -> None:
    if number > pages:
        raise HTTPException(404, f"there are only {pages} page(s)")


def page(name: str, request: Request, status: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(render(name, LINKS, **ctx), status_code=status)


def create_app(db: str, *, load_wait: float = LOAD_WAIT,
               loader: Callable[[str], m.Story] = load_story) -> Starlette:
    """The web UI over the store at ``db`` (opened read-only; a missing store fails here, not per request).

    The story starts loading now, in the background; a request waits up to ``load_wait`` seconds for it.
    ``loader`` reads the story from the store path (tests pass an in-memory story).
    """
    if not Path(db).exists():
        raise StoreError(f"no store at {db}: run 'parallax analyze PATH --db {db}' first")
    cache = StoryCache(db, wait=load_wait, loader=loader)
    cache.start()
    verifier = SharedVerifier(db)

    def ix(request: Request) -> qx.StoryIndex:
        if len(request.url.query) > MAX_QUERY_STRING:
            raise HTTPException(400, f"the query string is longer than {MAX_QUERY_STRING} characters")
        return cache.get()

    def overview(request: Request) -> Response:
        i = ix(request)
        return page("overview.html", request, ix=i, ov=i.memo("overview", lambda: qx.overview(i)), page="overview", title="Story overview")

    def graph(request: Request) -> Response:
        i = ix(request)
        return page("graph.html", request, ix=i, svg=i.graph(), page="graph", title="Actor graph")

    def timeline(request: Request) -> Response:
        i = ix(request)
        f = qx.TimelineFilter(actor=param(request, "actor"), dyad=param(request, "dyad"),
                              type=param(request, "type").upper(), mode=param(request, "mode").lower(),
                              outlet=param(request, "outlet"), date_from=param(request, "from", 10),
                              date_to=param(request, "to", 10))
        number = page_number(request)
        events = qx.filter_events(i, f)
        shown, pages = qx.page_of(events, number, qx.TIMELINE_LIMIT)
        check_page(number, pages)
        names = [i.name(x) for x in f.dyad.split("|", 1)] if "|" in f.dyad else []
        first = (number - 1) * qx.TIMELINE_LIMIT
        return page("timeline.html", request, ix=i, f=f, opts=i.options(), active=f.active(),
                    groups=qx.timeline_groups(i, shown), total=len(events), first=first + 1,
                    last=first + len(shown), number=number, pages=pages, dyad_names=names,
                    page_url=lambda n: LINKS.timeline(**f.active(), page=str(n) if n > 1 else ""),
                    page="timeline", title="Timeline")

    def claims(request: Request) -> Response:
        i = ix(request)
        outlets, rows = i.memo("claim_matrix", lambda: qx.claim_matrix(i))
        return page("claims.html", request, ix=i, outlets=outlets, rows=rows,
                    more=max(0, len(i.story.claims) - len(rows)), page="claims", title="Claims by source")

    def contradictions(request: Request) -> Response:
        i = ix(request)
        return page("contradictions.html", request, ix=i, corroborations=i.memo("corroborations",
                    lambda: qx.corroborations(i)), shown=qx.EVIDENCE_SHOWN, page="contradictions",
                    title="Contradictions and corroborations")

    def documents(request: Request) -> Response:
        i = ix(request)
        number = page_number(request)
        docs, pages = qx.page_of(i.story.documents, number, qx.DOCUMENTS_PAGE)
        check_page(number, pages)
        return page("documents.html", request, ix=i, docs=docs, number=number, pages=pages,
                    first=(number - 1) * qx.DOCUMENTS_PAGE + 1, page="documents", title="Documents")

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
        quotes = i.quotes_by_speaker.get(a.id, [])
        return page("actor.html", request, ix=i, a=a, events=qx.actor_events(i, a.id),
                    total=len(i.events_by_actor.get(a.id, [])), quotes=quotes[: qx.ACTOR_QUOTES],
                    quote_total=len(quotes), title=a.name)

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
                data = verifier.verdict(claim)
            except ImportError:
                ctx["unavailable"] = "this installation has no verify module yet"
            except Exception as exc:  # a broken verifier must not take the UI down with it
                ctx["unavailable"] = f"verify failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
                return page("verify.html", request, status=503, **ctx)
            else:
                ctx["verdict"] = data
                ctx["related"] = sorted((d for d in data["documents"] if d["stance"] != "unrelated"),
                                        key=lambda d: -d["score"])
                ctx["unrelated"] = len(data["documents"]) - len(ctx["related"])
        return page("verify.html", request, **ctx)

    def changes(request: Request) -> Response:
        """What each run changed, newest first: the documents it added or updated, then new claims,
        contradictions and clusters (each with the new documents that brought it) and moved stances."""
        from parallax.scale.changes import DOCUMENT_KINDS, changes_since, parse_since

        i = ix(request)
        since_text = param(request, "since", 40)
        try:
            since = parse_since(since_text) if since_text else None
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        with Store(db, read_only=True) as store:
            rows = changes_since(store, since)
        rows.reverse()
        docs = [r for r in rows if r["kind"] in DOCUMENT_KINDS]
        rows = [r for r in rows if r["kind"] not in DOCUMENT_KINDS]
        claims = {c.id: c for c in i.story.claims}
        return page("changes.html", request, ix=i, rows=rows[:CHANGES_SHOWN], total=len(rows), since=since_text,
                    docs=docs[:CHANGES_SHOWN], docs_total=len(docs), claims=claims, page="changes",
                    title="Changes")

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        heading = {400: "Bad request", 404: "Not found", 405: "Method not allowed",
                   503: "Unavailable"}.get(status, "Error")
        detail = getattr(exc, "detail", "") or heading
        if status == 404 and detail == "Not Found":
            detail = "There is no page at this address."
        headers = getattr(exc, "headers", None)
        return HTMLResponse(render("error.html", LINKS, status=status, heading=heading, detail=detail,
                                   title=heading), status_code=status, headers=headers)

    async def store_error(request: Request, exc: Exception) -> Response:
        return HTMLResponse(render("error.html", LINKS, status=503, heading="Store unavailable",
                                   detail=str(exc).splitlines()[0], title="Store unavailable"), status_code=503)

    async def loading(request: Request, exc: Exception) -> Response:
        return HTMLResponse(render("error.html", LINKS, status=503, heading="Loading the story",
                                   detail=f"{exc}: this takes a few seconds on a large store. Try again shortly.",
                                   title="Loading"), status_code=503,
                            headers={"Retry-After": str(int(RETRY_AFTER))})

    static = StaticFiles(packages=[("parallax.views.web", "static")])
    routes = [
        Route("/", overview), Route("/graph", graph), Route("/timeline", timeline), Route("/claims", claims),
        Route("/contradictions", contradictions), Route("/documents", documents),
        Route("/documents/{doc_id:path}", document), Route("/actors/{actor_id:path}", actor),
        Route("/events/{event_id:path}", event), Route("/search", search), Route("/verify", verify), Route("/changes", changes),
        Mount("/static", app=static, name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, StoreError: store_error,
                                                          StoryLoading: loading})
    app.add_middleware(SecurityHeaders)
    return app

