"""Reading a figure's value and how exactly it is meant ("at least 14", "nearly $3bn")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.events.details import number_value

# Words before a figure that turn it into a bound; values are what the phrase allows around the number.
_MIN = {"at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than", "above",
        "exceeding", "a minimum of"}
_MAX = {"up to", "as many as", "at most", "fewer than", "less than", "under", "no more than",
        "below", "as much as", "a maximum of"}
_ABOUT = {"about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "close to",
          "circa", "nearly", "almost", "just over", "just under"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12.0, "hundred": 100.0}


def bound_before(doc_or_sent: Span, start_tok: int) -> str:
    """The bound a figure starting at token ``start_tok`` carries from the one to three words before it."""
    doc = doc_or_sent.doc
    lo = max(doc_or_sent.start, start_tok - 3)
    words = [t.lower_ for t in doc[lo:start_tok]]
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if phrase in _ABOUT:
                return "about"
            if phrase in _MIN:
                return "min"
            if phrase in _MAX:
                return "max"
    return "exact"


def count_value(tok: Token) -> float | None:
    """A counted figure: "14", "nine", "1,200", "2 million", "a dozen"; None when not a plain number."""
    v = number_value(tok)
    if v is None:
        return None
    for c in tok.children:  # "2 million soldiers": spaCy hangs "2" under "million"
        if c.dep_ in {"compound", "quantmod"} and (cv := number_value(c)) is not None and tok.lower_ in _SCALES:
            return cv * _SCALES[tok.lower_]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _SCALES and nxt.head == tok.head:
        return v * _SCALES[nxt.lower_]
    return v


def interval(value: float, bound: str) -> tuple[float, float]:
    """The values a stated figure allows: exact is a point, "at least" opens upward, "about" ±15%."""
    if bound == "min":
        return value, float("inf")
    if bound == "max":
        return 0.0 if value > 0 else value, value
    if bound == "about":
        return value * 0.85, value * 1.15
    return value, value
