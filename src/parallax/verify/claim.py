"""A claim to verify, read with the same extractors that read the articles.

Why the real pipeline: a stored event says "RUS → PAK, AID, negated"; to compare a claim with it the claim must
be coded the same way (same gazetteer, same PLOVER lexicon, same mode rules), so the claim is wrapped in a
synthetic Document and run through ``extract_actors`` and ``extract_events``; the clause's proposition
(subject, negation, verb, object) comes from ``proposition`` as for quoted claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.extract.quotes.claims import proposition
from parallax.model import Actor, Document
from parallax.verify.reading import Reading, read_claim

CLAIM_DOC = "claim"
_NEGATIVE_MODES = {"negated", "denied"}


@dataclass(slots=True)
class Side:
    """One party of the claim: a country when the gazetteer knows it, else a normalised name."""

    name: str
    country: str | None = None
    kind: str = "other"
    names: set[str] = field(default_factory=set)  # lowercase surface forms (name, aliases) for text matching

    def matches(self, actor: Actor | None) -> bool:
        """Same country when both sides have one; otherwise the same name or alias."""
        if actor is None:
            return False
        if self.country and actor.country:
            return self.country == actor.country
        forms = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        return bool(self.names & forms)


@dataclass(slots=True)
class ParsedClaim:
    """What ``verify`` compares documents with."""

    text: str
    proposition: str = ""
    source: Side | None = None
    target: Side | None = None
    type: str | None = None  # PLOVER type of the claim's event, if it codes as one
    cameo: str | None = None
    polarity: str = "positive"  # positive | negative
    mode: str = "asserted"
    symmetric: bool = False
    predicate: str | None = None  # verb lemma (or "verb noun") of the claim
    words: list[str] = field(default_factory=list)  # content lemmas
    equipment: list[str] = field(default_factory=list)
    sides: list[Side] = field(default_factory=list)  # every actor the claim names
    subject: Side | None = None  # the party the claim's grammatical subject names, if any
    reading: Reading = field(default_factory=Reading)  # the proposition: who, what, about what, figures, negation

    @property
    def negative(self) -> bool:
        return self.polarity == "negative"


def _side(actor: Actor | None) -> Side | None:
    if actor is None:
        return None
    names = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
    return Side(name=actor.name, country=actor.country, kind=actor.kind, names=names)


def background_weight():
    """A word's weight in general news: its inverse document frequency in the stance model's vocabulary."""
    from parallax.link.stance import StanceModel
    from parallax.link.stance.features import stem

    vocab = StanceModel.load().vocab
    return lambda word: vocab.weight(stem(word.lower()))


def parse_claim(text: str, nlp: Language | None = None) -> ParsedClaim:
    """Code ``text`` into actors, event type, polarity and mode with the article extractors."""
    if nlp is None:
        from parallax.language.nlp import load_nlp
        nlp = load_nlp()
    text = " ".join(text.split())
    doc = Document(id=CLAIM_DOC, key=CLAIM_DOC, text=text, language="en")
    sdoc = nlp(text)
    actors = extract_actors(sdoc, doc)
    events = extract_events(sdoc, doc, actors)
    out = ParsedClaim(text=text)
    out.reading = read_claim(sdoc, [(m.start, m.end, m.actor) for m in actors.mentions], background_weight())
    out.reading.parties = [a.name for a in actors.actors.values()]
    out.subject = _side(actors.actor(out.reading.subject_party))
    out.sides = [s for s in (_side(a) for a in actors.actors.values()) if s is not None]
    out.words = [t.lemma_.lower() for t in sdoc if t.is_alpha and not t.is_stop and t.pos_ not in ("PROPN", "PUNCT")]
    sent = next(iter(sdoc.sents), None)
    root = sent.root if sent is not None else None
    if root is not None and root.pos_ in ("VERB", "AUX"):
        out.proposition, out.polarity, out.mode = proposition(root)
        out.predicate = root.lemma_.lower()
    if events:
        ev = events[0]
        out.type, out.cameo, out.symmetric = ev.type, ev.cameo, ev.symmetric
        out.source, out.target = _side(actors.actor(ev.source)), _side(actors.actor(ev.target))
        out.equipment = list(ev.equipment)
        out.predicate = ev.predicate or out.predicate
        if ev.mode in _NEGATIVE_MODES:
            out.polarity = "negative"
        elif ev.mode in ("future", "hypothetical", "reported"):
            out.mode = ev.mode
    elif out.sides:  # no coded event: the first actor named acts on the second
        out.source = out.sides[0]
        out.target = out.sides[1] if len(out.sides) > 1 else None
    return out
