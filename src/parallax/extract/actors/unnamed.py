"""Actors the text describes but does not name: unnamed sources and officials ("a senior official", "Ruritanian
sources"), a state's bodies ("the military", "security forces") and what its forces have ("a military vehicle").
Definite singulars ("the minister") are returned for coreference.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from parallax.extract.actors.builder import Builder
from parallax.extract.actors.coref import tokens_with
from parallax.extract.actors.gazetteer import Entry, agent_for
from parallax.extract.actors.known import STATE_NOUNS

# nouns that stand for an unnamed person or group of people when no name is given
ANON_NOUNS = {
    "source", "sources", "official", "officials", "diplomat", "diplomats", "expert", "experts", "analyst",
    "analysts", "officer", "officers", "spokesman", "spokesperson", "spokeswoman", "insider", "insiders",
    "aide", "aides", "observer", "observers", "counterpart", "counterparts", "minister", "ministers",
    "lawmaker", "lawmakers", "commander", "commanders", "negotiator", "negotiators", "envoy", "envoys",
}
# what a state's forces have, named by the force it belongs to: "a military vehicle", "a police checkpoint"
STATE_ASSETS = frozenset({"vehicle", "convoy", "post", "checkpoint", "base", "patrol", "outpost", "camp", "force",
                          "unit", "aircraft", "helicopter", "ship", "vessel"})
ORGAN_WORDS = frozenset({"military", "paramilitary", "army", "police", "security", "naval", "navy", "border"})


def unnamed_actors(b: Builder, sdoc: Doc, ents: list[Span], gaz_at: dict[int, tuple[Span, Entry]],
                   used: set[int]) -> list[Span]:
    """Unnamed people and groups; definite singulars ("the minister") are returned for coreference.

    A plural whose only affiliation is a bloc ("G7 foreign ministers", "diplomats from the Group of Seven")
    is the bloc meeting."""
    definite: list[Span] = []
    orgs = [e for e in ents if e.label_ == "ORG"]
    for root in tokens_with(sdoc, "LOWER", ANON_NOUNS | STATE_NOUNS | STATE_ASSETS):
        if root.pos_ != "NOUN" or root.i in used or root.ent_type_ == "PERSON":
            continue
        if root.lower_ in STATE_NOUNS and root.dep_ not in {"compound", "amod", "nmod"}:
            _state_body(b, root, gaz_at, used)
            continue
        if root.lower_ in STATE_ASSETS:  # "a military vehicle", "an army post", "a paramilitary force"
            if root.dep_ not in {"compound", "amod", "nmod"} and any(
                    c.dep_ in {"amod", "compound"} and c.lower_ in ORGAN_WORDS for c in root.children):
                _state_body(b, root, gaz_at, used, asset=True)
            continue
        if root.lower_ not in ANON_NOUNS:
            continue
        chunk = sdoc[root.left_edge.i: root.i + 1]
        if any(c.dep_ in {"appos"} and c.ent_type_ == "PERSON" for c in root.children):
            continue
        if root.head.ent_type_ == "PERSON" and root.dep_ in {"compound", "appos"}:
            continue  # a title or apposition of a named person, handled there
        det = next((t for t in chunk if t.dep_ in {"det", "poss"}), None)
        plural = root.tag_ in {"NNS", "NNPS"}
        country = bloc = None
        for t in _own_phrase(root):
            hit = gaz_at.get(t.i)
            if hit and hit[1].iso3:
                country = hit[1].iso3
                break
            if hit and hit[1].kind == "bloc" and bloc is None:
                bloc = b.by_key.get(f"bloc:{hit[1].name}")
        if det is not None and det.lower_ in {"the", "this", "that"} and not plural and country is None:
            definite.append(chunk)
            continue
        sub = _own_phrase(root)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        if end - start > 120:
            start, end = chunk.start_char, chunk.end_char
        text = b.doc.text[start:end]
        org = next((e.text for e in orgs if e.start >= sub[0].i and e.end <= sub[-1].i + 1), None)
        if country is None and bloc is not None and plural:
            b.mention(start, end, bloc, "description")
            continue
        org = org or (b.out.actors[bloc].name if bloc else None)
        aid = b.actor(f"anon:{start}", name=text, kind="group" if plural else "person", country=country,
                      agent=agent_for(text), anonymous=True, organization=org)
        b.mention(start, end, aid, "description")
    return definite


def _state_body(b: Builder, root, gaz_at: dict[int, tuple[Span, Entry]], used: set[int],
                asset: bool = False) -> None:
    """"the military", "security forces", "the authorities": a state's body the phrase does not name; it
    gets the document's country later (:func:`known.home_country`) or stays out of events. A phrase that
    names a country or a body ("the Ruritanian army", "the X government") is that country's or body's."""
    sub = _own_phrase(root)
    named = [t for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "from", "in"} for t in c.subtree]
    if any(t.i in gaz_at and gaz_at[t.i][1].iso3 for t in named):
        return  # "the forces of Ruritania": the country's (not "a vehicle securing a convoy for a Chinese firm")
    # what follows the noun ("security forces, settlers and workers from the Punjab") does not name the body
    sub = [t for t in sub if t.i <= root.i]
    if any(t.i in used or t.i in gaz_at or t.ent_type_ for t in sub) or any(t.pos_ == "PRON" for t in sub):
        return
    if not asset and not any(t.dep_ == "det" and t.lower_ == "the" for t in sub) and root.tag_ != "NNS":
        return  # "a military", "government policy": not a reference to a body
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    if end - start > 80:
        return
    text = b.doc.text[start:end]
    aid = b.actor(f"anon:{start}", name=text, kind="group" if root.tag_ == "NNS" else "organization",
                  agent=agent_for(text), anonymous=True)
    b.mention(start, end, aid, "description")


def _own_phrase(root) -> list:
    """A noun's phrase without what is coordinated with it or said about it: "the Ruritanian envoy" of "the
    Ruritanian envoy and Minister X", "officials" of "officials, who spoke ..."."""
    skip = set()
    for c in root.children:
        if c.i > root.i and c.dep_ in {"conj", "cc", "relcl", "appos", "punct"}:
            skip.update(t.i for t in c.subtree)
    out = [t for t in root.subtree if t.i not in skip]
    while out and out[-1].is_punct:
        out.pop()
    return out
