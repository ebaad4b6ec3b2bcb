"""Direct quotations found from quote marks alone, before any parse.

Works on the cleaned text so that every quoting style is handled the same way: straight and curly double and
single quotes, guillemets and low-9 marks, quotes split around the speech verb, and the news convention of a
quotation running over several paragraphs (each continuing paragraph re-opens the quote, only the last closes it).
Single quotes are looked for only outside double-quoted stretches, so a quote inside a quote stays part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "\"“”„«»"
SINGLE = "'‘’‚"
OPENERS = "“„«‘‚"
CLOSERS = "”»’"
_OPEN_BEFORE = " \t\n([{—–-/:;,"
_PARA = re.compile(r"\n\s*\n|\n")


@dataclass(slots=True)
class Marked:
    """A stretch of quoted content: ``[start, end)`` excludes the marks; ``open``/``close`` are mark offsets."""

    start: int
    end: int
    open: int
    close: int | None  # None when the paragraph ended before a closing mark
    paragraphs: int = 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines/paragraphs."""
    out, pos = [], 0
    for m in _PARA.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _can_open(text: str, i: int, start: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace() and not (ch == "«" and nxt in " \u00a0\u202f"):  # French style: « Oui »
        return False
    if ch in OPENERS:
        return True
    return i == start or text[i - 1] in _OPEN_BEFORE or text[i - 1] in OPENERS


def _can_close(text: str, i: int, end: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if prev.isspace() and not (ch == "»" and prev in " \u00a0\u202f"):
        return False
    if ch in SINGLE and nxt.isalnum():  # an apostrophe inside a word: it's, don’t
        return False
    return ch in CLOSERS or ch in "\"'" or not nxt.isalnum()


def _padded(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before.isspace() and after.isspace()


def _pairs(text: str, start: int, end: int, marks: str, skip: list[tuple[int, int]]) -> tuple[list[Marked], int | None]:
    """Pair the marks of one kind inside a paragraph; returns the pairs and an opener left unclosed."""
    found: list[Marked] = []
    open_at: int | None = None
    for i in range(start, end):
        if text[i] not in marks or any(a <= i < b for a, b in skip):
            continue
        if text[i] == '"' and _padded(text, i, start, end):
            # a straight mark with space on both sides ('another " very big test " he said'): it opens when no
            # quote is open and closes the open one otherwise
            if open_at is None:
                open_at = i
            else:
                if i > open_at + 1 and text[open_at + 1:i].strip():
                    found.append(Marked(open_at + 1, i, open_at, i))
                open_at = None
            continue
        if open_at is None:
            if _can_open(text, i, start):
                open_at = i
        elif _can_close(text, i, end):
            if i > open_at + 1:
                found.append(Marked(open_at + 1, i, open_at, i))
            open_at = None
        elif _can_open(text, i, start) and text[i] in OPENERS:
            open_at = i  # a stray opener: the earlier one lost its closing mark
    return found, open_at


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, multi-paragraph quotes merged, in text order."""
    paras = _paragraphs(text)
    out: list[Marked] = []
    pending: Marked | None = None  # a quote still open at the end of the previous paragraph
    for start, end in paras:
        lead = start
        while lead < end and text[lead].isspace():
            lead += 1
        if pending is not None:
            if lead < end and text[lead] in DOUBLE + SINGLE and _can_open(text, lead, start):
                # the quote goes on in this paragraph: find where it closes (same kind of mark)
                kind = DOUBLE if text[pending.open] in DOUBLE else SINGLE
                close = next((i for i in range(lead + 1, end) if text[i] in kind and _can_close(text, i, end)), None)
                if close is None:
                    pending.end, pending.paragraphs = _trim(text, lead + 1, end)[1], pending.paragraphs + 1
                    continue
                pending.end, pending.close, pending.paragraphs = close, close, pending.paragraphs + 1
                out.append(pending)
                pending = None
                inner, dangling = _scan(text, close + 1, end)
                out.extend(inner)
                if dangling is not None:
                    pending = Marked(dangling + 1, _trim(text, dangling + 1, end)[1], dangling, None)
                continue
            out.append(pending)  # never re-opened: keep what the paragraph held
            pending = None
        inner, dangling = _scan(text, start, end)
        out.extend(inner)
        if dangling is not None:
            pending = Marked(dangling + 1, _trim(text, dangling + 1, end)[1], dangling, None)
    if pending is not None:
        out.append(pending)
    out = [m for m in out if m.end > m.start]
    for m in out:
        m.start, m.end = _trim(text, m.start, m.end)
    return sorted(out, key=lambda m: m.start)


def _scan(text: str, start: int, end: int) -> tuple[list[Marked], int | None]:
    doubles, dangling = _pairs(text, start, end, DOUBLE, [])
    skip = [(m.open, (m.close or end) + 1) for m in doubles]
    if dangling is not None:
        skip.append((dangling, end))
    singles, single_dangling = _pairs(text, start, end, SINGLE, skip)
    # an unclosed single mark is far more often an apostrophe than a quote: only doubles may dangle
    return doubles + singles, dangling
