"""The shared parts of the ``parallax`` command line: the Typer app, the consoles and clean failure.

Every command module (``cli``, ``cli_scale``, ``cli_verify``, ``cli_web``) imports from here and registers its
commands on :data:`app`; :mod:`parallax.views.cli` imports them all and runs the app.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.segment import Segment

# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidirectional overrides that reorder
# what a terminal shows; line breaks and tabs stay.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without the characters a terminal would obey instead of showing."""
    return _CONTROLS.sub("", text)


class SafeConsole(Console):
    """A rich Console that never passes control characters from the data (a title, a file name) to the terminal.

    Article titles, file names and quotes are hostile input: an ESC in one could rewrite the screen. Filtering
    happens where rich turns segments into output, so every table cell and message is covered; rich's own
    control segments (the progress bar's cursor moves) and its style codes pass unchanged.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            seg if seg.control else Segment(printable(seg.text), seg.style, seg.control) for seg in buffer)


app = typer.Typer(
    name="parallax",
    help=(
        "Read many news articles about one story and build an evidence-linked model of it: documents, actors, "
        "events, quotes, claims and contradictions across outlets.\n\n"
        "Typical session:\n\n"
        "  parallax analyze articles/ feeds/today.xml crawl.warc.gz\n\n"
        "  parallax export --format json --out story.json\n\n"
        "  parallax demo    (the bundled sample story, end to end)"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = SafeConsole()
err = SafeConsole(stderr=True)

DB_HELP = "The story store (a DuckDB file). Created if missing."
DEFAULT_DB = "parallax.duckdb"


class Failure(Exception):
    """A reason the command could not do its job, shown as one line on stderr."""


@contextmanager
def failing_cleanly():
    from parallax.store import StoreError

    try:
        yield
    except (Failure, StoreError, FileNotFoundError, PermissionError) as exc:
        err.print(f"parallax: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("parallax: interrupted; everything committed so far is kept — run the same command to continue")
        raise typer.Exit(130) from None
    except Exception as exc:
        import duckdb

        if not isinstance(exc, duckdb.OutOfMemoryException):
            raise
        from parallax.store.duck import MEMORY_LIMIT

        err.print(f"parallax: the store ran out of its DuckDB memory limit ({MEMORY_LIMIT}); everything committed "
                  "so far is kept — raise the limit (e.g. PARALLAX_DUCKDB_MEMORY=4GB) and run the same command again",
                  markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
