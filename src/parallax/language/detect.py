"""Language identification with py3langid (bundled model, offline).

Only English documents are analysed, so a wrong "en" costs garbage events and a wrong "not en" silently
drops an article: the score is a normalised probability so callers can set their own threshold.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 2000  # classifying the opening is as accurate as the whole text and far cheaper
MIN_LETTERS = 12  # below this, n-gram statistics are noise


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability in [0, 1]); ("und", 0.0) when there is too little text to tell."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "und", 0.0
    lang, score = _identifier().classify(sample)
    return str(lang), round(float(score), 4)
