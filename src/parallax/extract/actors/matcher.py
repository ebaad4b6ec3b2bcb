"""Find gazetteer forms (countries, demonyms, capitals, seats of power, blocs) in a parse.

A spaCy PhraseMatcher on exact token text (``ORTH``), built once per vocabulary: case matters, so "US" is
a country and "us" is not. Overlaps keep the longest match ("New Delhi", not "Delhi"). A place entity the
matcher misses may be a misspelt country or demonym ("Afganistan", "Ethopian"): one close spelling
(rapidfuzz, one edit or swap) of a long enough name, with the same first letter and no city of that name, stands for it.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from parallax.extract.actors.gazetteer import Entry, city_country, gazetteer

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
    found = [(sp, forms[sp.text]) for sp in spans if sp.text in forms]
    taken = {t.i for sp, _ in found for t in sp}
    for ent in sdoc.ents:
        if ent.label_ in {"GPE", "NORP"} and len(ent) == 1 and not taken & {t.i for t in ent} \
                and (entry := misspelt(ent.text)) is not None:
            found.append((ent, entry))
    return sorted(found, key=lambda f: f[0].start)


MIN_FUZZY_CHARS = 6  # "Iran"/"Iraq", "Mali"/"Bali": short names are one letter from each other


@lru_cache(maxsize=1)
def _spellable() -> dict[str, Entry]:
    """The one-word country names and demonyms long enough to be recognised when misspelt."""
    return {f: e for f, e in gazetteer().forms.items()
            if e.kind in {"country", "demonym"} and " " not in f and len(f) >= MIN_FUZZY_CHARS - 1 and f.isalpha()}


@lru_cache(maxsize=1)
def _spellable_names() -> tuple[str, ...]:
    return tuple(_spellable())


@lru_cache(maxsize=4096)
def misspelt(word: str) -> Entry | None:
    """The country or demonym a close misspelling stands for ("Afganistan" → Afghanistan, "Britian" → Britain):
    one edit or swap away (two from a name of nine letters or more), the same first letter, exactly one country
    that close, and no city bearing the word."""
    if len(word) < MIN_FUZZY_CHARS or not word.isalpha() or not word[0].isupper() or city_country(word):
        return None
    forms = _spellable()
    most = 1 if len(word) < 9 else 2
    hits = process.extract(word, _spellable_names(), scorer=OSA.distance, score_cutoff=most, limit=8)
    hits = [f for f, _d, _ in hits if f[0] == word[0]]
    countries = {forms[f].iso3 for f in hits}
    return forms[hits[0]] if len(countries) == 1 else None
