"""Parties named by a place rather than by a name: the country of the town where a strike fell or of a
vehicle's route, the state whose embassy a crowd protested at, where an investment went, the host of a meeting
with no named partner. A place counts only as a country the document itself names as an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.actors.dictionary import dictionary
from parallax.extract.actors.gazetteer import city_country
from parallax.extract.actors.types import DocActors
from parallax.extract.events import roles

_STRUCK_AT = frozenset({"in", "near", "outside", "at", "around"})  # where a strike fell: "a bus near Cucuta"
_ON_THE_WAY = frozenset({"from", "to", "through"})  # "travelling from Cucuta to Bogota"
_MISSIONS = frozenset({"embassy", "consulate", "mission", "legation"})


def struck_place(pred: Token, actors: DocActors, exclude: list[str]) -> list[str]:
    """The country of the named town or province where a strike fell, when the document names that country:
    "attacked a bus near Cucuta" strikes Colombia (the Phoenix dictionary's places, then cities).
    Only for a doer of known side: "the army killed militants near Gao" names no army's country."""
    doers = [actors.actor(a) for a in exclude]
    if not doers or any(d is None or (d.anonymous and not d.country) for d in doers):
        return []
    return _place_country([pred, *(c for c in pred.children if c.dep_ == "dobj")], actors, exclude, _STRUCK_AT)


def _place_country(heads: list[Token], actors: DocActors, exclude: list[str], preps: frozenset[str]) -> list[str]:
    """The document's country actor for the first named place the heads' prepositions name, of another side."""
    mine = {roles.side_of(actors, a) for a in exclude}
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
            for o in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN"):
                for name in (o, *(c for c in o.children if c.dep_ in {"appos", "npadvmod"} and c.pos_ == "PROPN")):
                    words = " ".join([t.text for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
                                     + [name.text])
                    iso3 = dictionary().place(words) or city_country(words)
                    here = [aid for aid, a in actors.actors.items() if a.kind == "country" and a.country == iso3]
                    if iso3 and here and roles.side_of(actors, here[0]) not in mine:
                        return here[:1]
    return []


def attacked_on_the_way(verb: Token, actors: DocActors) -> list[str]:
    """"The Caribe Express, travelling from Cucuta, came under attack near Pamplona": a vehicle or a place attacked is its
    country's, read from the places of the clause it is in and the clauses around it."""
    heads = [verb, *(verb.ancestors if verb.dep_ in {"advcl", "conj", "relcl"} else [])][:3]
    heads += [c for h in list(heads) for c in h.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB"]
    heads += [p for h in list(heads) for pr in h.children if pr.dep_ == "prep" for p in pr.children
              if p.dep_ == "pobj" and p.pos_ == "NOUN"]  # "passing through a tunnel near Pamplona"
    return _place_country(heads, actors, [], _STRUCK_AT | _ON_THE_WAY)


def protested_at(heads: list[Token], actors: DocActors, exclude: list[str]) -> list[str]:
    """Whose embassy a protest was held at: "protested outside the Chilean embassy", "a rally at the U.S.
    consulate" (PLOVER codes the protest against the state the mission stands for)."""
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in _STRUCK_AT | {"before", "to"}):
            for o in (p for p in prep.children if p.dep_ == "pobj"):
                if o.lemma_.lower() in {"front"}:  # "in front of the embassy"
                    o = next((p for c in o.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), o)
                if o.lemma_.lower() in _MISSIONS:
                    found = roles.modifier_actors(o, actors) or [
                        a for objs in roles.prep_objects(o, {"of"}).values() for a in roles.actors_of(objs, actors)]
                    return [a for a in found if a not in exclude]
    return []


def invested_in(noun: Token, actors: DocActors, exclude: list[str]) -> list[str]:
    """Where an investment goes: the country named, or the country of the province or town named ("Chinese
    investment in Arequipa")."""
    heads = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # the parser often hangs "in X" on the verb
    named = [a for h in heads for objs in roles.prep_objects(h, {"in", "into"}).values()
             for a in roles.actors_of(objs, actors)]
    return [a for a in named if a not in exclude] or _place_country(heads, actors, exclude, frozenset({"in", "into"}))


def hosted_by(heads: list[Token], actors: DocActors, exclude: list[str]) -> list[str]:
    """The country a meeting with no named partner was held in: "G7 talks in Bavaria", "NATO leaders
    met in Vilnius" (the host is the other side the coders give such a meeting)."""
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
            for o in (p for p in prep.children if p.dep_ == "pobj"):
                a = actors.actor(roles.actor_of(o, actors))
                if a is not None and a.kind == "country" and a.id not in exclude:
                    return [a.id]
    return _place_country(heads, actors, exclude, frozenset({"in", "at"}))
