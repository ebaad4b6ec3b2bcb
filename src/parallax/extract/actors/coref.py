"""Conservative within-document coreference: link only when one candidate fits.

* a third-person pronoun ("he", "her") links to the one person named in its sentence or the sentence before;
  two different people there means ambiguous, so it is left unlinked;
* a definite description ("the minister", "the official") links to the one earlier person whose office
  contains that word.
No model: spaCy's small pipeline has no coreference, and a wrong link costs more than a missing one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from parallax.extract.actors.types import DocActors
from parallax.model import Mention

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def link_references(out: DocActors, sdoc: Doc, definite: list[Span],
                    mention: Callable[[int, int, str | None, str], Mention]) -> None:
    """Add pronoun and description mentions for the references that resolve unambiguously."""
    people = sorted(
        ((m.start, m.actor) for m in out.mentions
         if m.actor and m.kind in {"name", "title"} and out.actors[m.actor].kind == "person"),
    )
    if not people:
        return
    sents = list(sdoc.sents)
    sent_of = {}
    for k, s in enumerate(sents):
        for t in s:
            sent_of[t.i] = k
    for tok in sdoc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        k = sent_of.get(tok.i, 0)
        lo = sents[max(0, k - 1)].start_char
        cands = {a for start, a in people if lo <= start < tok.idx}
        if len(cands) == 1:
            mention(tok.idx, tok.idx + len(tok.text), cands.pop(), "pronoun")
    for chunk in definite:
        word = chunk.root.lower_
        cands = {a for start, a in people if start < chunk.start_char
                 and any(word in r.lower().split() for r in out.actors[a].roles)}
        if len(cands) == 1:
            mention(chunk.start_char, chunk.end_char, cands.pop(), "description")
