"""How `parallax serve` runs the app under uvicorn, so that even uvicorn's own answers carry our headers.

Why: a request uvicorn cannot parse (bytes that are not ASCII in the request line, a header line without a
colon, an HTTP/1.1 request without Host) never reaches the app; h11 rejects it and uvicorn writes a bare
text/plain 400 of its own, without the CSP. ``GuardedH11Protocol`` writes our error page with the security
headers instead. The protocol is pinned to h11 (uvicorn's "auto" would switch to httptools whenever that is
installed) and WebSockets are off: the UI has none, and their refusals would be uvicorn's too.
"""

from __future__ import annotations

import socket
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from parallax.views.web.guard import SECURITY_HEADERS, error_page


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol whose 400 for an unreadable request is our page with our headers."""

    def send_400_response(self, msg: str) -> None:
        page = error_page(400, "The request could not be read as HTTP (for example, bytes that are not ASCII "
                               "in its address, or a malformed header line), so it was not answered.")
        headers = [*self.server_state.default_headers, (b"content-type", b"text/html; charset=utf-8"),
                   (b"content-length", str(len(page.body)).encode()), (b"connection", b"close"),
                   *SECURITY_HEADERS]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                      h11.Data(data=page.body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))
        self.transport.close()


def config(app: Any, host: str, port: int, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration `parallax serve` runs (tests start a server with the same one)."""
    options = {"log_level": "warning", "server_header": False, **options}
    return uvicorn.Config(app, host=host, port=port, http=GuardedH11Protocol, ws="none", **options)


def check_port(host: str, port: int) -> None:
    """Raise OSError now when ``host:port`` cannot be listened on (taken, or not an address of this machine).

    Checked before the app starts loading the story: once uvicorn fails to bind, it exits the process while the
    background load is still running, which aborts with a C++ runtime message instead of a reason.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is no obstacle
        probe.bind(address)


def run(app: Any, host: str, port: int) -> bool:
    """Serve until Ctrl+C; False when the server did not start (uvicorn has logged why, e.g. port taken)."""
    server = uvicorn.Server(config(app, host, port))
    server.run()
    return server.started
