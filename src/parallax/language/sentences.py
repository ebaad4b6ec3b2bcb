"""Sentence boundaries that survive scraped text, without changing a single character offset.

Two small components run before the model's own ones:

* ``parallax_glue`` splits tokens where a sentence end is glued to the next sentence ("2016.The",
  "forces?The", "ties.”The"). It only re-tokenises: the text, and so every offset, stays the same.
* ``parallax_breaks`` makes every token after a line break start a sentence, so headlines and lines
  without final punctuation never run into the next paragraph. The parser respects boundaries set before it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# left part ends a word/number/closing quote; then sentence punctuation (+ optional closing quote); then a capital
_GLUED = re.compile(r"^(?P<a>.*?[\w%)\]])(?P<p>[.!?]+[\"”’]?)(?P<b>[\"“‘]?[A-Z][\w’'-]*)$")
_QUOTE_GLUED = re.compile(r"^([\"”’])([A-Z][\w’'-]*)$")
_SKIP = re.compile(r"[/@]|^(?:[A-Z]\.)+[A-Z]?$|^www|\.(?:com|org|net|gov)\b", re.I)


def _glued_parts(text: str) -> list[str] | None:
    if len(text) < 4 or _SKIP.search(text):
        return None
    m = _GLUED.match(text)
    if not m:
        return None
    a, p, b = m.group("a"), m.group("p"), m.group("b")
    if re.fullmatch(r"(?:[A-Z]\.?)+", a + p.rstrip("\"”’")):  # initials and abbreviations: "U.S.", "J."
        return None
    if len(a) == 1 and a.isupper():
        return None
    return [a, p, b]


# "posted on X. Militants ...": a one-letter name after "on"/"via" (the platform X) ends its sentence; the
# tokenizer reads "X." as an initial
_PLATFORM_PREPS = frozenset({"on", "via"})


def _platform_end(tok) -> bool:
    doc = tok.doc
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "." and 0 < tok.i < len(doc) - 1 \
        and doc[tok.i - 1].lower_ in _PLATFORM_PREPS and doc[tok.i + 1].text[:1].isupper()


@Language.component("parallax_glue")
def glue_split(doc: Doc) -> Doc:
    """Split "word.Next" tokens in three, and "X." after "on" in two; offsets are untouched because no
    character is added."""
    todo = []
    starts: set[int] = set()
    for tok in doc:
        if tok.is_space:
            continue
        if _platform_end(tok):
            todo.append((tok, [tok.text[0], "."]))
            starts.add(tok.idx + 2 + len(tok.whitespace_))
            continue
        parts = _glued_parts(tok.text)
        if parts is None and tok.i > 0 and doc[tok.i - 1].text in {".", "!", "?"}:
            m = _QUOTE_GLUED.match(tok.text)  # tokenizer left "ties", ".", "”The"
            parts = [m.group(1), m.group(2)] if m else None
        if parts:
            todo.append((tok, parts))
    if todo:
        with doc.retokenize() as retok:
            for tok, parts in todo:
                retok.split(tok, parts, heads=[(tok, 0)] * len(parts))
    for tok in doc:
        if tok.idx in starts:
            tok.is_sent_start = True
    return doc


@Language.component("parallax_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Every token that follows a newline starts a sentence."""
    after_break = False
    for i, tok in enumerate(doc):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
            continue
        if after_break and i > 0 and not tok.is_space:
            tok.is_sent_start = True
        after_break = False
    return doc
