"""Where a link points: a route of the web app, or an anchor inside the one-file report.

Pages are written once and rendered twice; only this object knows which of the two they are in.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def anchor(fact_id: str) -> str:
    """An HTML id for a fact that needs no escaping in a URL fragment or a CSS selector."""
    return "f-" + _UNSAFE.sub("-", fact_id)


def safe_url(url: str | None) -> str | None:
    """An article URL fit for an href: only http(s) with a host; anything else (javascript:, data:) is None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


class Links:
    """URLs for the app (``inpage=False``) or in-page anchors for the report (``inpage=True``)."""

    def __init__(self, *, inpage: bool = False):
        self.inpage = inpage

    @staticmethod
    def _id(value: str) -> str:
        return quote(value, safe=":")

    def page(self, name: str) -> str:
        return f"#{name}" if self.inpage else ("/" if name == "overview" else f"/{name}")

    def doc(self, doc_id: str) -> str:
        return f"#{anchor('doc-' + doc_id)}" if self.inpage else f"/documents/{self._id(doc_id)}"

    def fact(self, doc_id: str, fact_id: str) -> str:
        """A fact highlighted inside its document's text."""
        return f"#{anchor(fact_id)}" if self.inpage else f"/documents/{self._id(doc_id)}#{anchor(fact_id)}"

    def span(self, doc_id: str, start: int, end: int) -> str:
        """Any span of a document (verify evidence); the report, without a server, points at the document."""
        if self.inpage:
            return self.doc(doc_id)
        return f"/documents/{self._id(doc_id)}?hl={int(start)}-{int(end)}#hl"

    def event(self, event_id: str) -> str:
        return f"#{anchor('ev-' + event_id)}" if self.inpage else f"/events/{self._id(event_id)}"

    def actor(self, actor_id: str) -> str:
        return f"#{anchor('actor-' + actor_id)}" if self.inpage else f"/actors/{self._id(actor_id)}"

    def documents(self, page: int = 1) -> str:
        """One page of the documents list (the report lists them all in one section)."""
        return "#documents" if self.inpage else "/documents" + (f"?page={int(page)}" if page > 1 else "")

    def timeline(self, **filters: str) -> str:
        if self.inpage:
            return "#timeline"
        query = urlencode({k: v for k, v in filters.items() if v})
        return "/timeline" + (f"?{query}" if query else "")

    def graph(self, *, all: bool = False) -> str:
        """The actor graph: its main actors, or (``all``) every actor; the report holds both in one section."""
        if self.inpage:
            return "#graph"
        return "/graph?all=1" if all else "/graph"

    def dyad(self, a: str, b: str) -> str:
        """The events between two actors, either direction (``a``, ``b`` in sorted order)."""
        return f"#{anchor('dyad-' + a + '|' + b)}" if self.inpage else self.timeline(dyad=f"{a}|{b}")
