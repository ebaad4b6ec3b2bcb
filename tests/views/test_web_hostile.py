"""The web app against a hostile client: malformed filters, foreign Host headers, a crash inside a page, and
bytes that are not HTTP at all. Every refusal must be our own page, with the security headers, saying what
was wrong; the last two are checked against a real uvicorn server, as `parallax serve` runs it."""

import html
import re
import socket
import threading
import time
import warnings
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")  # Starlette's TestClient deprecation note

from starlette.testclient import TestClient  # noqa: E402

from parallax.views.web import create_app  # noqa: E402
from parallax.views.web.app import SECURITY_HEADERS  # noqa: E402

OURS = {k.decode(): v.decode() for k, v in SECURITY_HEADERS}
TESTSERVER = ["testserver"]  # the Host header TestClient sends


def assert_our_page(status, headers, text, code, *says):
    """``code``, every security header, our HTML error page, and each of ``says`` in its text."""
    assert status == code, text[:500]
    headers = {k.lower(): v for k, v in headers.items()}
    assert {k: headers.get(k) for k in OURS} == OURS
    assert headers["content-type"].startswith("text/html")
    shown = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert f"{code} · " in shown, shown[-400:]
    for said in says:
        assert said in shown, (said, shown[-600:])
    return shown


def check(r, code, *says):
    return assert_our_page(r.status_code, r.headers, r.text, code, *says)


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db, allowed_hosts=TESTSERVER), raise_server_exceptions=False)


# -- 1. malformed dyads, and any crash, are our pages ----------------------------------------------------
def test_a_dyad_that_is_not_two_actor_ids_is_a_400_page_naming_the_parameter_and_its_form(client):
    for bad in ("country:KEN", "|", "country:KEN|", "|country:KEN", "a|b|c", "%ff"):
        check(client.get("/timeline?dyad=" + bad.replace("|", "%7C")), 400, "dyad", "two actor ids joined by '|'")
    check(client.get("/timeline?dyad=" + quote("country:KEN|person:nobody-at-all")), 400, "'person:nobody-at-all'")
    assert client.get("/timeline?dyad=" + quote("country:NOR|country:KEN")).status_code == 200


def test_an_unexpected_exception_is_our_500_page_with_the_headers_and_no_traceback(web_db, web_story, monkeypatch):
    from parallax.views.web import queries

    def broken(ix):
        raise RuntimeError("internal detail /home/analyst/secret")

    monkeypatch.setattr(queries, "overview", broken)
    crashing = TestClient(create_app(web_db, allowed_hosts=TESTSERVER, loader=lambda _: web_story, load_wait=30),
                          raise_server_exceptions=False)
    r = crashing.get("/")
    check(r, 500, "Server error", "RuntimeError", "log")
    assert "secret" not in r.text and "Traceback" not in r.text
    assert crashing.get("/documents").status_code == 200  # one broken page does not take the app down


# -- 2. the Host header ----------------------------------------------------------------------------------
def test_a_foreign_host_is_refused_with_a_page_naming_it_and_the_option_that_allows_it(web_db, web_story):
    app = create_app(web_db, loader=lambda _: web_story, load_wait=30)  # the default: loopback names only
    for base in ("http://evil.example", "http://evil.example:8000", "http://127.0.0.1.evil.example",
                 "http://0.0.0.0:8000", "http://testserver"):
        r = TestClient(app, base_url=base).get("/static", follow_redirects=False)
        host = base.removeprefix("http://")
        check(r, 400, "Host refused", f"host '{host}'", "--allow-host")
        assert "location" not in r.headers  # no redirect that names the foreign host
    for base in ("http://127.0.0.1:8000", "http://localhost", "http://LOCALHOST.:9000", "http://[::1]:8000"):
        r = TestClient(app, base_url=base).get("/")
        assert r.status_code == 200 and r.headers["content-security-policy"] == OURS["content-security-policy"], base


def test_allowed_hosts_add_the_bound_host_and_the_users_names_and_refuse_typos():
    from parallax.views.web.guard import allowed_hosts, host_allowed, host_name

    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "::1"]
    assert allowed_hosts("0.0.0.0") == allowed_hosts("::") == ["127.0.0.1", "localhost", "::1"]
    assert "192.168.1.20" in allowed_hosts("192.168.1.20")
    hosts = allowed_hosts("0.0.0.0", ["News.Example.org:8443", "*.lab.example", "[fd00::5]"])
    assert {"news.example.org", "*.lab.example", "fd00::5"} <= set(hosts)
    for host, ok in [("news.example.org", True), ("a.lab.example", True), ("lab.example", False),
                     ("evillab.example", False), ("fd00::5", True), ("[fd00::5]:80", True), ("[::1]x.example", False),
                     ("localhost:x", False), ("evil.example", False)]:
        assert host_allowed(host_name(host), hosts) is ok, host
    assert host_allowed("anything.at.all", allowed_hosts("127.0.0.1", ["*"]))
    for typo in ("", "two words", "http://x.example/", "a*b"):
        with pytest.raises(ValueError, match="not a host name"):
            allowed_hosts("127.0.0.1", [typo])


def test_parallax_serve_passes_its_hosts_and_documents_allow_host(web_db, monkeypatch):
    from typer.testing import CliRunner

    from parallax.views import cli  # noqa: F401  (registers the commands)
    from parallax.views.cli_app import app
    from parallax.views.web import serving

    served = []
    monkeypatch.setattr(serving, "run", lambda application, host, port: served.append(application) or True)
    monkeypatch.setattr(serving, "check_port", lambda host, port: None)  # 192.168.1.20 is not this machine's
    runner = CliRunner()

    def status(args, base):
        result = runner.invoke(app, ["serve", "--db", web_db, *args])
        assert result.exit_code == 0, result.output
        return TestClient(served.pop(), base_url=base).get("/static/parallax.css").status_code

    assert status([], "http://evil.example") == 400
    assert status([], "http://127.0.0.1:8000") == 200
    assert status(["--host", "0.0.0.0"], "http://0.0.0.0:8000") == 400
    assert status(["--host", "192.168.1.20"], "http://192.168.1.20:8000") == 200
    assert status(["--allow-host", "evil.example", "--allow-host", "other.example"], "http://evil.example") == 200
    assert status(["--allow-host", "*"], "http://anything.example:81") == 200
    bad = runner.invoke(app, ["serve", "--db", web_db, "--allow-host", "two words"])
    assert bad.exit_code != 0 and "not a host name" in bad.output and not served
    helptext = re.sub(r"\s+", " ", runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output)
    assert "--allow-host" in helptext and "reverse proxy" in helptext and "--allow-host analyst-pc.local" in helptext


# -- 3. timeline and search filters ----------------------------------------------------------------------
def test_timeline_dates_must_be_calendar_dates_in_one_of_three_forms(client):
    r = client.get("/timeline?from=2025-13-45&to=abc")
    check(r, 400, "from '2025-13-45' is not a date", "to 'abc' is not a date", "YYYY, YYYY-MM or YYYY-MM-DD")
    assert "event(s)" not in r.text
    for bad in ("2025-02-30", "20250101", "2025-1-5", "0000", "%D9%A2%D9%A0%D9%A2%D9%A5"):  # the last: Arabic digits
        check(client.get(f"/timeline?to={bad}"), 400, "to '", "YYYY-MM-DD")
    check(client.get("/timeline?from=2025-04&to=2025-03-31"), 400, "from 2025-04 is after to 2025-03-31")
    for good in ("2025", "2025-03", "2024-02-29", "2999-01-01"):
        assert client.get(f"/timeline?from={good}").status_code == 200, good


def test_timeline_and_search_refuse_unknown_values_and_parameters_with_the_reason(client):
    check(client.get("/timeline?type=BOGUS"), 400, "type 'BOGUS' is not an event type", "ACCUSE")
    check(client.get("/timeline?mode=sometimes"), 400, "mode 'sometimes' is not an event mode", "hypothetical")
    check(client.get("/timeline?actor=person:nobody-at-all"), 400, "actor 'person:nobody-at-all'")
    check(client.get("/timeline?outlet=Nowhere%20Gazette"), 400, "outlet 'Nowhere Gazette'")
    check(client.get("/timeline?acter=country:KEN"), 400, "'acter'", "actor, dyad, type")
    check(client.get("/timeline?type=ACCUSE&type=AGREE"), 400, "'type' is given 2 times")
    check(client.get("/search?query=norway"), 400, "'query'", "takes only q")
    assert client.get("/?utm_source=mail").status_code == 200  # pages that do not filter ignore the rest
    assert client.get("/graph?all=1&utm_source=mail").status_code == 200
    # what the filter form submits, empty fields included, and lower-case names still work
    assert client.get("/timeline?actor=&type=&mode=&outlet=&from=&to=").status_code == 200
    assert client.get("/timeline?type=accuse&mode=ASSERTED").status_code == 200


# -- against a real server: uvicorn's own answers --------------------------------------------------------
@pytest.fixture(scope="module")
def server(web_db):
    import uvicorn

    from parallax.views.web.serving import config

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(config(create_app(web_db), "127.0.0.1", port))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield port
    srv.should_exit = True
    thread.join(timeout=10)


def raw(port: int, data: bytes) -> tuple[int, dict[str, str], str]:
    """Send ``data`` as it is and read the whole answer: (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(data)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body.decode("utf-8")


def test_bytes_uvicorn_cannot_parse_get_our_400_page_with_the_headers(server):
    for data in (b"GET /\xff HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",  # not ASCII in the request line
                 b"\xff\xfe\x00 \r\n\r\n",  # no request line at all
                 b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n",  # a malformed header line
                 b"GET / HTTP/1.1\r\n\r\n"):  # HTTP/1.1 without Host
        assert_our_page(*raw(server, data), 400, "could not be read as HTTP")


def test_a_real_server_refuses_foreign_hosts_and_bad_filters_with_our_headers(server):
    status, headers, text = raw(server, b"GET /static HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    assert_our_page(status, headers, text, 400, "host 'evil.example'", "--allow-host evil.example")
    assert "location" not in headers
    assert_our_page(*raw(server, b"GET / HTTP/1.0\r\n\r\n"), 400, "no Host header")
    request = f"GET /timeline?dyad=country:KEN HTTP/1.1\r\nHost: 127.0.0.1:{server}\r\nConnection: close\r\n\r\n"
    assert_our_page(*raw(server, request.encode()), 400, "dyad 'country:KEN'")
    ok = f"GET /static HTTP/1.1\r\nHost: localhost:{server}\r\nConnection: close\r\n\r\n"
    status, headers, _ = raw(server, ok.encode())
    assert status == 307 and headers["location"] == f"http://localhost:{server}/static/"


def test_serve_on_a_taken_port_fails_with_one_line_before_loading_anything(web_db):
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "parallax.views.cli", "serve", "--db", web_db, "--port", str(port)],
                           capture_output=True, text=True, timeout=60)
    assert p.returncode == 2, p.stderr
    last = p.stderr.strip().splitlines()[-1]
    assert f"cannot listen on 127.0.0.1:{port}" in last and "--port" in last
