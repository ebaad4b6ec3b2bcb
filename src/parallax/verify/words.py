"""Word folding and sentence splitting shared by the claim reading, relevance and direction of ``verify``.

Why a fold of its own: a claim and the sentence that states it rarely use the same inflection or even the same
part of speech ("the aggressor" / "Russia's aggression", "retaliated" / "retaliation", "defence" / "defense").
``fold`` maps British spellings to American ones and strips one derivational or inflectional suffix, so such
pairs meet; it is a matching key, never shown to a reader.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|\d+(?:[.,]\d+)*")
# Longest first: one suffix is stripped when at least four letters stay ("nation" keeps its "ion").
_SUFFIXES = ("ments", "ment", "ness", "ions", "ion", "ings", "ing",
             "ors", "ers", "or", "er", "ies", "ied", "ive", "ity", "al", "ed", "es", "ly", "s")
_MIN_STEM = 4
# Abbreviations whose full stop does not end a sentence ("the U.S. said", "Lt. Gen. Ahmed").
ABBREVIATIONS = frozenset("""mr mrs ms dr gen lt col maj capt sgt adm gov sen rep st jr sr prof rev no vs etc inc
    corp co ltd dept est approx fig jan feb mar apr aug sep sept oct nov dec u.s u.k u.n e.u""".split())
_SENT_END = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_MIN_SENT = 12


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A matching key for ``word``: lowercase, American spelling, one suffix off, a final "e" off."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if not w.isalpha():
        return w
    if w.endswith("ence") and w[:-4] in ("def", "off", "lic", "pret"):
        w = w[:-4] + "ense"
    elif len(w) > 5 and w.endswith("our"):
        w = w[:-3] + "or"
    w = re.sub(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$", r"iz\1", w)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= _MIN_STEM and not (suf == "s" and w.endswith("ss")) \
                and not (suf == "ly" and w.endswith("ply")):  # "supply", "apply" are no adverbs
            w = w[: -len(suf)]
            if suf in ("ies", "ied"):
                w += "y"
            elif suf in ("ion", "ions") and w.endswith("izat"):  # "organization" meets "organize"
                w = w[:-2]
            break
    if len(w) > _MIN_STEM and w.endswith("e"):
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """The words and numbers of ``text`` in order, as written."""
    return _WORD.findall(text)


def folded(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of ``text``, whitespace trimmed, offsets exact; a full stop after an
    abbreviation or a single initial ("U.S.", "Lt.", "J.") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in [*_SENT_END.finditer(text), None]:
        if m is not None and m.group(0).strip() == "" and "\n" not in m.group(0):
            before = text[max(start, m.start() - 12):m.start()]
            last = before.split()[-1] if before.split() else ""
            token = last.rstrip(".!?\"'”’)]").lower().lstrip("(\"'“‘[")
            if last.endswith(".") and (token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token)
                                       or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)):
                continue
        end = (m.start() + len(m.group(1) or "")) if m else len(text)
        s = start
        while s < end and text[s].isspace():
            s += 1
        stop = end
        while stop > s and text[stop - 1].isspace():
            stop -= 1
        if stop - s >= _MIN_SENT:
            spans.append((s, stop))
        start = m.end() if m else len(text)
    return spans
