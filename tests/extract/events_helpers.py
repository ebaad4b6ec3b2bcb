"""Run the real actor and event extractors on one invented text: the helpers the event test files share."""

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.model import Document


def run(nlp, text, published="2024-03-14", quotes=()):
    """(source country, target country, type, mode, event) per event, and the document's actors."""
    doc = Document(id="t", key="t", text=text, published=published, language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    events = extract_events(sdoc, doc, actors, quotes)

    def country(aid):
        a = actors.actor(aid)
        return a.country if a else None

    return [(country(e.source), country(e.target), e.type, e.mode, e) for e in events], actors


def got(nlp, text, **kw):
    """The (source country, target country, type, mode) of every event in ``text``."""
    return {(s, t, ty, m) for s, t, ty, m, _ in run(nlp, text, **kw)[0]}
