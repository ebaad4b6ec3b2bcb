"""Reading a figure's value and how exactly it is meant ("at least 14", "nearly $3bn", "more than 30")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.events.details import number_value

# Words before a figure that turn it into a bound; values are what the phrase allows around the number.
# "more than 30" excludes 30 itself ("over"), "almost 30" stays at or below it ("near"): "the operation lasted
# almost 30 hours" and "... more than 30 hours" cannot both be true, while "at least 30" fits either.
_MIN = {"at least", "upwards of", "no fewer than", "no less than", "a minimum of"}
_OVER = {"more than", "over", "in excess of", "above", "exceeding", "just over"}
_MAX = {"up to", "as many as", "at most", "no more than", "as much as", "a maximum of"}
_UNDER = {"fewer than", "less than", "under", "below", "just under"}
_NEAR = {"nearly", "almost", "close to"}
_ABOUT = {"about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "circa"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12.0, "hundred": 100.0}
# How far "about" and "nearly" reach from the stated figure: "roughly 450" allows 440 but not 425, the figure
# an official revision gave; small figures keep a margin of one ("about 10" fits 9).
APPROX = 0.05


def bound_before(doc_or_sent: Span, start_tok: int) -> str:
    """The bound a figure starting at token ``start_tok`` carries from the one to three words before it."""
    doc = doc_or_sent.doc
    lo = max(doc_or_sent.start, start_tok - 3)
    words = [t.lower_ for t in doc[lo:start_tok]]
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            for bound, phrases in (("about", _ABOUT), ("near", _NEAR), ("min", _MIN), ("over", _OVER),
                                   ("max", _MAX), ("under", _UNDER)):
                if phrase in phrases:
                    return bound
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
    """The values a stated figure allows: exact is a point, "at least" opens upward, "about" ±5%, "nearly"
    up to the figure (``APPROX``). Strict bounds ("more than", "fewer than") are closed here; see :func:`strict`."""
    if bound in ("min", "over"):
        return value, float("inf")
    if bound in ("max", "under"):
        return 0.0 if value > 0 else value, value
    margin = max(abs(value) * APPROX, 1.0)
    if bound == "about":
        return value - margin, value + margin
    if bound == "near":
        return value - margin, value
    return value, value


def strict(bound: str) -> tuple[bool, bool]:
    """(lower end excluded, upper end excluded) of a bound's interval: "more than 30" excludes 30."""
    return bound == "over", bound == "under"
