"""A document's cleaned text with every extracted fact marked, ready to drop into a page.

Facts overlap freely (a mention inside a quote inside an event sentence, a claim crossing a quote's end), but
HTML elements must nest. The text is cut at every fact boundary; each piece is wrapped in the facts that cover
it, outermost first, and a fact that would cross another is closed and reopened around it. The first piece of
each fact carries its anchor, so ``#f-<id>`` lands on it. Every piece of text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from parallax.views.web.links import anchor

# Outer to inner when two facts share a span: sentences hold claims and quotes, which hold names.
RANK = {"target": 0, "event": 1, "claim": 2, "quote": 3, "evidence": 4, "mention": 5}


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    kind: str  # target | event | claim | quote | evidence | mention
    start: int
    end: int
    label: str  # shown on hover
    href: str | None = None  # mentions: the actor; others: a small tag link to the fact's page
    tag: str | None = None  # the tag's text (event type, "quote", ...)
    css: str = ""  # extra classes, from a closed vocabulary (tone-*, stance)


def _open(f: Fact, first: bool, in_link: bool) -> str:
    cls = escape(f"fact f-{f.kind}" + (f" {f.css}" if f.css else ""))
    ident = f' id="{anchor(f.id) if f.kind != "target" else "hl"}"' if first else ""
    title = f' title="{escape(f.label)}"' if f.label else ""
    if f.kind == "mention" and f.href and not in_link:
        return f'<a class="{cls}"{ident}{title} href="{escape(f.href)}">'
    tag = ""
    if first and f.tag and f.href and not in_link:
        tag = f'<a class="tag" href="{escape(f.href)}">{escape(f.tag)}</a>'
    return f'<mark class="{cls}"{ident}{title}>{tag}'


def _close(f: Fact, as_link: bool) -> str:
    return "</a>" if as_link else "</mark>"


def render(text: str, facts: list[Fact]) -> Markup:
    """The escaped text with nested ``<mark>``/``<a>`` elements for ``facts`` (spans outside the text are clipped)."""
    n = len(text)
    facts = [f for f in facts if 0 <= f.start < f.end and f.start < n]
    facts = [f if f.end <= n else Fact(f.id, f.kind, f.start, n, f.label, f.href, f.tag, f.css) for f in facts]
    order = {id(f): (f.start, -f.end, RANK.get(f.kind, 9), f.id) for f in facts}
    bounds = sorted({0, n, *(f.start for f in facts), *(f.end for f in facts)})
    starts: dict[int, list[Fact]] = {}
    for f in facts:
        starts.setdefault(f.start, []).append(f)
    out: list[str] = []
    active: list[Fact] = []
    stack: list[tuple[Fact, bool]] = []  # (fact, rendered as <a>)
    opened: set[str] = set()
    for a, b in zip(bounds, bounds[1:]):
        active = [f for f in active if f.end > a] + starts.get(a, [])
        want = sorted(active, key=lambda f: order[id(f)])
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep][0] is want[keep]:
            keep += 1
        for f, as_link in reversed(stack[keep:]):
            out.append(_close(f, as_link))
        stack = stack[:keep]
        for f in want[keep:]:
            in_link = any(link for _, link in stack)
            first = f.id not in opened
            opened.add(f.id)
            html = _open(f, first, in_link)
            stack.append((f, html.startswith("<a ")))
            out.append(html)
        out.append(str(escape(text[a:b])))
    for f, as_link in reversed(stack):
        out.append(_close(f, as_link))
    return Markup("".join(out))
