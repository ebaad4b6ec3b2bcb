"""Unnamed sources: is a speaker phrase anonymous, and what affiliation does the text give it?

A speaker is anonymous when its phrase names no one (no person name, no proper noun of its own) and its head
is a person-like noun ("a senior official", "sources familiar with the talks"), or when the text says so
("who spoke on condition of anonymity"). The affiliation is what the phrase tells about the source: the
country (from country names and demonyms) and the sector (from office words, via the CAMEO agent tables).
"""

from __future__ import annotations

from spacy.tokens import Span

from parallax.extract.quotes.lexicon import ANON_HEADS, ANON_PHRASES, SECTORS

try:  # the actor engineer's gazetteer: country names/demonyms from maintained packages
    from parallax.extract.actors.gazetteer import agent_for, country_of, gazetteer
except ImportError:  # pragma: no cover - the actor stage is part of the package
    agent_for = country_of = gazetteer = None  # type: ignore[assignment]


def is_anonymous(core: Span, full: Span | None = None) -> bool:
    """True for a speaker the text does not name."""
    full = full if full is not None else core
    low = full.text.lower()
    if any(p in low for p in ANON_PHRASES):
        return True
    head = core.root
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    if head.lemma_.lower() not in ANON_HEADS and head.lower_ not in ANON_HEADS:
        return False
    if any(t.ent_type_ == "PERSON" for t in core):
        return False
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    # "the minister" / "its spokesman" point at someone named elsewhere; "a source", "officials" do not
    return det is None or det.lower_ in ("a", "an", "one", "some", "several", "two", "three", "another",
                                         "other", "many", "few", "no", "any")


def affiliation(full: Span) -> str | None:
    """"Russia, defence" from "a high-ranking source in the Russian defence establishment"."""
    if gazetteer is None:
        return None
    country = None
    for tok in full:
        for form in (tok.text, f"{tok.text} {tok.nbor(1).text}" if tok.i + 1 < len(tok.doc) else ""):
            iso = country_of(form) if form else None
            if iso:
                country = gazetteer().country_names.get(iso, iso)
                break
        if country:
            break
    sector = _sector(full)
    low = full.text.lower()
    if "think tank" in low or "think-tank" in low:
        sector = "think tank"
    parts = [p for p in (country, sector) if p]
    return ", ".join(parts) or None


def _sector(full: Span) -> str | None:
    """The most specific sector any word of the phrase names: "defence ministry" is defence, not government."""
    generic = {w for w, a in gazetteer().agent_words if a.endswith("?")}
    words = [t.text for t in full if t.lower_ not in generic and t.lemma_.lower() not in generic and t.is_alpha]
    agents = [a for a in (agent_for(" ".join(words[i:i + 2])) for i in range(len(words))) if a]
    agents += [a for a in (agent_for(w) for w in words) if a]
    if not agents:
        return None
    specific = [a for a in agents if a not in ("GOV", "EDU")]
    return SECTORS.get(specific[0] if specific else agents[0])
