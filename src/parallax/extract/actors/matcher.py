"""Find gazetteer forms (countries, demonyms, capitals, seats of power, blocs) in a parse.

A spaCy PhraseMatcher on exact token text (``ORTH``), built once per vocabulary: case matters, so "US" is
a country and "us" is not. Overlaps keep the longest match ("New Delhi", not "Delhi").
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from parallax.extract.actors.gazetteer import Entry, gazetteer

_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    key = id(vocab)
    if key not in _MATCHERS:
        from parallax.language.nlp import load_nlp

        tokenizer = load_nlp().tokenizer
        m = PhraseMatcher(vocab, attr="ORTH")
        forms = list(gazetteer().forms)
        m.add("GAZ", list(tokenizer.pipe(forms)))
        _MATCHERS[key] = m
    return _MATCHERS[key]


def gazetteer_spans(sdoc: Doc) -> list[tuple[Span, Entry]]:
    """Non-overlapping gazetteer matches with what each stands for, in text order."""
    spans = filter_spans([sdoc[s:e] for _, s, e in _matcher(sdoc.vocab)(sdoc)])
    forms = gazetteer().forms
    return [(sp, forms[sp.text]) for sp in spans if sp.text in forms]
