"""Fixtures shared by the extractor tests."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.facts import extract_facts
from parallax.model import Document


@pytest.fixture(scope="module")
def facts_of(nlp):
    def run(text: str, published: str = "2025-05-06"):
        doc = Document(id="d", key="d", text=text, published=published)
        sdoc = nlp(text)
        return extract_facts(sdoc, doc, extract_actors(sdoc, doc))
    return run
