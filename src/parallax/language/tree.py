"""Small walks over a dependency parse that several extractors share."""

from __future__ import annotations

from spacy.tokens import Token


def clause_verb(tok: Token, steps: int = 6) -> Token | None:
    """The nearest verb at or above ``tok`` within ``steps`` heads: the clause a noun or a particle sits in."""
    cur = tok
    for _ in range(steps):
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None
