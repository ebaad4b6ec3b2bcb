"""Rates of a levy on goods: "25% tariffs on steel and aluminum imports", "a 10% duty on Chinese exports".

A rate is comparable across outlets when it is the same kind of levy (tariffs, duties, levies and taxes are
one kind) on the same goods: the words of the "on" phrase ("steel", "aluminum"), without the generic trade
nouns ("imports", "exports", "products"); when the phrase names no goods, the countries it names are the key
("on Chinese exports"). The countries a phrase names are its qualifiers, so a rate on Canadian steel never
meets one on Japanese steel. A rate raised "to 50%" in the sentence is the document's rate; the one it
replaced ("doubling the 25% tariff ... to 50%") is history.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.events.details import number_value
from parallax.extract.facts.subject import NOUNS, fold
from parallax.extract.facts.values import bound_before

RATE_NOUNS = frozenset({"tariff", "duty", "levy", "tax", "surcharge", "toll"})
GENERIC_GOODS = frozenset({"import", "export", "product", "good", "item", "shipment", "commodity", "sale", "all"})
_PERCENT = frozenset({"%", "percent", "per cent", "pc"})


def _rate_noun(pct: Token) -> Token | None:
    head = pct.head
    if pct.dep_ in {"compound", "amod", "nummod", "nmod"} and head.lemma_.lower() in RATE_NOUNS:
        return head
    return None


def _on_phrase(noun: Token) -> Token | None:
    """The object of the rate's "on" phrase, on the noun or on the verb that takes the noun as object."""
    holders = [noun] + ([noun.head] if noun.dep_ in {"dobj", "nsubjpass", "nsubj"} else [])
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "on":
                obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in NOUNS), None)
                if obj is not None:
                    return obj
    return None


def _goods(obj: Token) -> tuple[list[str], list[str]]:
    """(goods words, country words) of an "on" phrase's object and its modifiers and conjuncts."""
    goods, countries = [], []
    for t in obj.subtree:
        if t.dep_ in {"prep", "relcl", "acl"} and t is not obj:
            break
        if t.pos_ not in NOUNS | {"ADJ"}:
            continue
        if t.ent_type_ in {"GPE", "NORP"}:
            countries.append(fold(t.text))
        elif t.pos_ in NOUNS and t.lemma_.lower() not in GENERIC_GOODS and t.dep_ != "poss":
            goods.append(fold(t.lemma_))
    return sorted(set(goods)), sorted(set(countries))


def rate_figures(sent: Span) -> list[tuple[Token, float, str, str, list[str], list[str]]]:
    """(number token, value, bound, levy kind, goods, countries) for each levy rate of a sentence."""
    found: dict[int, tuple[Token, Token, float]] = {}  # rate noun index -> (number, rate noun, value)
    for pct in sent:
        if pct.lower_ not in _PERCENT:
            continue
        num = next((c for c in pct.children if c.dep_ == "nummod"), None)
        value = number_value(num) if num is not None else None
        if value is None:
            continue
        if pct.dep_ == "pobj" and pct.head.lower_ == "to":  # "doubling the 25% tariff ... to 50%"
            verb = pct.head.head
            noun = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}
                         and c.lemma_.lower() in RATE_NOUNS), None)
            if noun is not None:
                found[noun.i] = (num, noun, value)
            continue
        noun = _rate_noun(pct)
        if noun is not None and noun.i not in found:
            found[noun.i] = (num, noun, value)
    out = []
    for num, noun, value in found.values():
        obj = _on_phrase(noun)
        if obj is None:
            continue
        goods, countries = _goods(obj)
        if not goods and not countries:
            continue
        out.append((num, value, bound_before(sent, num.i), "tariff", goods, countries))
    return out
