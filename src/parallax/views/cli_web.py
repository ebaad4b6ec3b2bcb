"""`parallax serve` and `parallax report`: the web UI and the self-contained HTML report (see parallax.views.web).

Commands register on the shared Typer app; `parallax.views.cli` imports this module at its end.
"""

from __future__ import annotations

from parallax.views.cli import app  # noqa: F401
