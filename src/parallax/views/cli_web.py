"""`parallax serve` and `parallax report`: the web UI and the self-contained HTML report (see parallax.views.web).

Commands register on the shared Typer app (`parallax.views.cli_app`); `parallax.views.cli` imports this module.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Annotated

import typer

from parallax.views.cli_app import DB_HELP, DEFAULT_DB, Failure, app, err, failing_cleanly


@app.command()
def serve(
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes the UI to your network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", metavar="NAME",
        help="Also answer requests for this host name (repeatable); '*' answers any, for use behind a reverse "
             "proxy. By default only 127.0.0.1, localhost, ::1 and --host are answered.")] = None,
) -> None:
    """Browse the stored story in a web browser (read-only): overview, actor graph, timeline, claims by
    source, contradictions, every document with its facts highlighted, search and verify.

    Every asset is served locally: the UI works with no network.

    Requests for a host name the server was not started for are refused (DNS rebinding): see --allow-host.

    Examples:

      parallax serve --db story.duckdb              # then open http://127.0.0.1:8000/

      parallax serve --db story.duckdb --port 9000

      parallax serve --db story.duckdb --host 0.0.0.0 --allow-host analyst-pc.local   # from other machines
    """
    from parallax.views.web import create_app
    from parallax.views.web.guard import allowed_hosts
    from parallax.views.web.serving import check_port, run

    with failing_cleanly():
        try:
            hosts = allowed_hosts(host, allow_host or [])
        except ValueError as exc:
            raise Failure(str(exc)) from None
        try:
            check_port(host, port)
        except OSError as exc:
            hint = "; another program (another 'parallax serve'?) uses it: choose one with --port" \
                if exc.errno == errno.EADDRINUSE else ""
            raise Failure(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None
        application = create_app(db, allowed_hosts=hosts)
        err.print(f"Parallax UI for {db} on http://{host}:{port}/ (Ctrl+C to stop)", markup=False, highlight=False)
        try:
            started = run(application, host=host, port=port)
        except OSError as exc:
            raise Failure(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        if not started:
            raise Failure(f"cannot listen on {host}:{port}: see uvicorn's message above")


@app.command()
def report(
    out_path: Annotated[str, typer.Option("--out", "-o", help="The HTML file to write.")],
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
) -> None:
    """Write the story as one self-contained HTML file (no network needed, no scripts) to mail around.

    Example:

      parallax report --db story.duckdb --out story.html
    """
    from parallax.store import Store
    from parallax.views.report import write_report

    with failing_cleanly():
        with Store(db, read_only=True) as store:
            story = store.load_story()
        target = Path(out_path)
        if target.is_dir():
            raise Failure(f"--out {out_path} is a folder: give a file name such as story.html")
        write_report(story, target)
        err.print(f"wrote {out_path}", markup=False, highlight=False)
