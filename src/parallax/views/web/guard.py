"""What stands between the network and the pages: security headers on every response and the Host check.

Why a Host check on a local tool: a page on any web site can point a name it controls at 127.0.0.1 (DNS
rebinding) and then read this UI as same-origin; refusing every Host the server was not started for closes
that. Both refusals and crashes render our own error page, so no response ever leaves without the CSP.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parallax.views.web.links import Links
from parallax.views.web.render import CSP, render

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
ANY_ADDRESS = {"0.0.0.0", "::", ""}  # listening on every interface names no host of its own
HEADINGS = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 500: "Server error",
            503: "Unavailable"}
_PORT = re.compile(r":\d{1,5}$")
_NAME = re.compile(r"^(\*|(\*\.)?[a-z0-9_.:\[\]-]+)$")
LINKS = Links(inpage=False)


def error_page(status: int, detail: str, heading: str = "", headers: dict[str, str] | None = None) -> HTMLResponse:
    """Our error page: the status, a heading and a one-line reason (escaped: it may quote the request)."""
    heading = heading or HEADINGS.get(status, "Error")
    return HTMLResponse(render("error.html", LINKS, status=status, heading=heading, detail=detail or heading,
                               title=heading), status_code=status, headers=headers)


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


def host_name(value: str) -> str:
    """The host of a Host header or an --allow-host value, lower-cased, without port, brackets or final dot:
    ``[::1]:8000`` → ``::1``, ``Example.org.:80`` → ``example.org``."""
    value = value.strip().lower()
    if value.startswith("["):
        inside, _, rest = value[1:].partition("]")
        value = inside if rest == "" or _PORT.fullmatch(rest) else value  # "[::1]evil" stays as it is
    elif value.count(":") == 1:
        value = _PORT.sub("", value)
    return value.removesuffix(".")


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> list[str]:
    """The hosts a server listening on ``bind_host`` answers to: the loopback names, ``bind_host`` itself
    unless it is every interface (0.0.0.0, ::), and ``extra`` (``*`` is any host, ``*.example.org`` a domain).
    Raises ValueError for a value that is no host name, so a typo fails at start, not on every request."""
    out = list(LOCAL_HOSTS)
    if host_name(bind_host) not in ANY_ADDRESS:
        out.append(host_name(bind_host))
    for name in extra:
        host = host_name(name)
        if not _NAME.match(host):
            raise ValueError(f"--allow-host {name!r} is not a host name: give a name or address such as "
                             "news.example.org or 192.168.1.20, '*.example.org' for a domain, or '*' for any")
        out.append(host)
    return list(dict.fromkeys(out))


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    return any(pattern == "*" or host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:]))
               for pattern in allowed)


class HostCheck:
    """Answers only requests whose Host header names a host in ``allowed`` (see ``allowed_hosts``); the rest
    get a 400 page saying which host was refused and how to allow it. Mirrors Starlette's
    TrustedHostMiddleware, whose refusal is a bare text response and would say nothing about the fix."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]):
        self.app = app
        self.allowed = [host_name(h) if h != "*" else h for h in allowed]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        raw = Headers(scope=scope).get("host")
        if raw is not None and host_allowed(host_name(raw), self.allowed):
            await self.app(scope, receive, send)
            return
        host, port = scope.get("server") or ("127.0.0.1", 8000)
        host = host if host_allowed(host_name(host), self.allowed) else "127.0.0.1"  # the address it came in on
        here = f"[{host}]" if ":" in host else host
        if raw is None:
            detail = "the request has no Host header: this server answers only requests that name its host"
        else:
            allow = (f", or restart with 'parallax serve --allow-host {host_name(raw)}' to allow that name"
                     if _NAME.match(host_name(raw)) else "")
            detail = (f"this server does not answer to the host {raw!r} (it answers to "
                      f"{', '.join(self.allowed)}): open http://{here}:{port}/ instead{allow}")
        await error_page(400, detail, "Host refused")(scope, receive, send)
