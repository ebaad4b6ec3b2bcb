"""The one Jinja environment both the app and the report render with: autoescape always on."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined

from parallax import model as m
from parallax.views.graph import tone
from parallax.views.web.links import Links, anchor
from parallax.views.web.queries import claim_fact_id, context

NAV = [("overview", "Overview"), ("graph", "Actor graph"), ("timeline", "Timeline"), ("claims", "Claims"),
       ("contradictions", "Contradictions"), ("documents", "Documents")]
APP_NAV = NAV + [("changes", "Changes"), ("verify", "Verify")]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


def spans(evidence: list[m.Evidence]) -> list[tuple[str, int, int]]:
    """Evidence as (document, start, end), the shape the corroborations use, for one "more" macro."""
    return [(e.doc, e.start, e.end) for e in evidence]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("parallax.views.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(anchor=anchor, tone=tone, context=context, claim_fact_id=claim_fact_id, spans=spans)
    return env


def render(name: str, links: Links, **ctx: object) -> str:
    nav = NAV if links.inpage else APP_NAV
    ctx.setdefault("csp_meta", None)
    ctx.setdefault("inline_css", None)
    ctx.setdefault("page", "")
    ctx.setdefault("title", "")
    return environment().get_template(name).render(L=links, nav=nav, **ctx)


def stylesheet() -> str:
    return (files("parallax.views.web") / "static" / "parallax.css").read_text(encoding="utf-8")
