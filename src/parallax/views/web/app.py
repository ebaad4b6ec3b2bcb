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
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from parallax import model as m
from parallax.store import Store, StoreError
from parallax.views.web import queries as qx
from parallax.views.web.cache import LOAD_WAIT, RETRY_AFTER, StoryCache, StoryLoading, load_story
from parallax.views.web.filters import timeline_filter
from parallax.views.web.guard import LOCAL_HOSTS, SECURITY_HEADERS, HostCheck, SecurityHeaders, error_page
from parallax.views.web.highlight import render as highlight
from parallax.views.web.links import Links, safe_url
from parallax.views.web.render import render
from parallax.views.web.verifying import SharedVerifier

__all__ = ["SECURITY_HEADERS", "create_app"]

MAX_QUERY_STRING = 4096
CHANGES_SHOWN = 500
_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")
LINKS = Links(inpage=False)


class GuardedStarlette(Starlette):
    """Starlette with ``SecurityHeaders`` outside everything, Starlette's ServerErrorMiddleware included: a
    crash is rendered by our 500 handler there, and this way its page carries the headers too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def param(request: Request, name: str, limit: int = qx.MAX_QUERY) -> str:
    """A query parameter, stripped; longer than ``limit``, or given twice, is the client's error (400)."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise HTTPException(400, f"the parameter {name!r} is given {len(values)} times: give it once")
    value = values[0] if values else ""
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


def create_app(db: str, *, allowed_hosts: Sequence[str] = LOCAL_HOSTS, load_wait: float = LOAD_WAIT,
               loader: Callable[[str], m.Story] = load_story) -> Starlette:
    """The web UI over the store at ``db`` (opened read-only; a missing store fails here, not per request).

    Requests whose Host header names none of ``allowed_hosts`` get a 400 (see ``guard.allowed_hosts``; by
    default the loopback names only). The story starts loading now, in the background; a request waits up to
    ``load_wait`` seconds for it. ``loader`` reads the story from the store path (tests pass an in-memory story).
    """
    if not Path(db).exists():
        raise StoreError(f"no store at {db}: run 'parallax analyze PATH --db {db}' first")
    cache = StoryCache(db, wait=load_wait, loader=loader)
    cache.start()
    verifier = SharedVerifier(db)

    def ix(request: Request, *filters: str) -> qx.StoryIndex:
        """The story, once the query string is checked: bounded and, on a page that filters (``filters``
        named), only the parameters it reads: a misspelt filter would otherwise match everything in silence.
        Other pages ignore what they do not read (a shared link's tracking tags, say)."""
        if len(request.url.query) > MAX_QUERY_STRING:
            raise HTTPException(400, f"the query string is longer than {MAX_QUERY_STRING} characters")
        known = filters
        if filters and (unknown := [k for k in dict.fromkeys(request.query_params.keys()) if k not in known]):
            takes = f"takes only {', '.join(known)}"
            raise HTTPException(400, f"this page does not know the parameter {unknown[0][:40]!r}: it {takes}")
        return cache.get()

    def overview(request: Request) -> Response:
        i = ix(request)
        return page("overview.html", request, ix=i, ov=i.memo("overview", lambda: qx.overview(i)), page="overview", title="Story overview")

    def graph(request: Request) -> Response:
        i = ix(request)
        every = param(request, "all", 5).lower() in {"1", "true", "yes"}
        return page("graph.html", request, ix=i, svg=i.graph(all=every), page="graph", title="Actor graph")

    def timeline(request: Request) -> Response:
        i = ix(request, "actor", "dyad", "type", "mode", "outlet", "from", "to", "page")
        try:
            f = timeline_filter(i, lambda name: param(request, name, 10 if name in ("from", "to") else qx.MAX_QUERY))
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        number = page_number(request)
        events = qx.filter_events(i, f)
        shown, pages = qx.page_of(events, number, qx.TIMELINE_LIMIT)
        check_page(number, pages)
        names = [i.name(x) for x in f.dyad.split("|")] if f.dyad else []
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
        i = ix(request, "q")
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
        detail = getattr(exc, "detail", "")
        if status == 404 and detail == "Not Found":
            detail = "There is no page at this address."
        return error_page(status, detail, headers=getattr(exc, "headers", None))

    async def store_error(request: Request, exc: Exception) -> Response:
        return error_page(503, str(exc).splitlines()[0], "Store unavailable")

    async def loading(request: Request, exc: Exception) -> Response:
        return error_page(503, f"{exc}: this takes a few seconds on a large store. Try again shortly.",
                          "Loading the story", headers={"Retry-After": str(int(RETRY_AFTER))})

    async def crash(request: Request, exc: Exception) -> Response:
        """Any other exception: our page, no traceback to the client (the server's log has it)."""
        return error_page(500, f"Parallax could not build this page ({type(exc).__name__}); the details are in "
                               "the log of the terminal running 'parallax serve'.")

    static = StaticFiles(packages=[("parallax.views.web", "static")])
    routes = [
        Route("/", overview), Route("/graph", graph), Route("/timeline", timeline), Route("/claims", claims),
        Route("/contradictions", contradictions), Route("/documents", documents),
        Route("/documents/{doc_id:path}", document), Route("/actors/{actor_id:path}", actor),
        Route("/events/{event_id:path}", event), Route("/search", search), Route("/verify", verify), Route("/changes", changes),
        Mount("/static", app=static, name="static"),
    ]
    app = GuardedStarlette(routes=routes, exception_handlers={
        HTTPException: http_error, StoreError: store_error, StoryLoading: loading, Exception: crash})
    app.add_middleware(HostCheck, allowed=list(allowed_hosts))
    return app

