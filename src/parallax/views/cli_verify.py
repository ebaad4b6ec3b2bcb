"""`parallax verify`: a verdict on a claim against the stored corpus (see parallax.verify).

Commands register on the shared Typer app; `parallax.views.cli` imports this module at its end.
"""

from __future__ import annotations

from parallax.views.cli import app  # noqa: F401
