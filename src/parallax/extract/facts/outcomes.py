"""People counted by what happened to them, and figures stated as a change or a duration.

A breaking story is told in tallies: "104 passengers had been rescued", "17 injured people were taken to
hospital", "31 people lost their lives", "the train with nearly 450 passengers on board". Each is a count of
people with an outcome — killed, wounded, freed, aboard — comparable across outlets whatever the wording
(``amounts._victims`` reads the killing and wounding verbs; this module adds the rest).

A figure stated as a change ("revised the tally of passengers to 425 from 440", "the death toll rose to 31")
gives the document's current value, the one after "to"; the value it replaced is history, not a second
claim that could conflict with the first. A duration ("the operation lasted more than 30 hours") is a count
of time units of the thing that lasted.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.facts import amounts
from parallax.extract.facts.subject import MEASURES, NOUNS, DocThings, Thing, fold
from parallax.extract.facts.values import bound_before, count_value

FREE = frozenset({"rescue", "free", "release", "liberate"})
WOUNDED_ADJ = frozenset({"injured", "wounded", "hurt", "maimed"})
KILLED_ADJ = frozenset({"dead", "killed", "slain"})
# Generic words for people: "450 people on board" and "450 passengers" count the same heads.
PERSONS = frozenset({"people", "person", "passenger", "traveler", "traveller", "pilgrim", "tourist", "commuter",
                     "individual", "soul"})
_ON_BOARD = frozenset({"board", "aboard", "onboard"})
CHANGE = frozenset({"revise", "raise", "rise", "increase", "climb", "jump", "lower", "cut", "reduce", "drop",
                    "fall", "double", "triple", "update", "put", "bring", "lift", "grow", "surge", "soar", "hike",
                    "correct", "adjust", "reach", "mount"})
TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month"})
LASTING = frozenset({"last", "take", "continue", "run", "stretch", "drag", "go"})


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _aboard(noun: Token) -> bool:
    """"450 people on board", "passengers aboard", "passengers on the train", "a train carrying 450 passengers",
    "the train with nearly 450 passengers": people counted where they travel."""
    if _lemma(noun) not in PERSONS:
        return False
    for c in noun.children:
        if c.lower_ in _ON_BOARD:
            return True
        if c.dep_ == "prep" and c.lower_ in {"on", "aboard", "onboard"}:
            return True
    head = noun.head
    if noun.dep_ == "dobj" and _lemma(head) == "carry":
        return True
    if noun.dep_ == "pobj" and head.lower_ == "with":  # "the train with nearly 450 passengers"
        return True
    return False


def outcome(noun: Token) -> str | None:
    """killed | wounded | freed | aboard when a counted noun names people by what happened to them."""
    if (found := amounts._victims(noun)) is not None:
        return found
    for c in noun.children:
        if c.dep_ in {"amod", "acl"} and c.i < noun.i:
            if c.lower_ in WOUNDED_ADJ:
                return "wounded"
            if c.lower_ in KILLED_ADJ:
                return "killed"
    head = noun.head
    if noun.dep_ == "nsubj" and _lemma(head) == "lose" and any(
            c.dep_ == "dobj" and _lemma(c) in {"life", "live"} for c in head.children):
        return "killed"  # "31 people lost their lives"
    if noun.dep_ in {"nsubjpass", "dobj"} and _lemma(head) in FREE:
        return "freed"
    if _aboard(noun):
        return "aboard"
    return None


def unit_of(noun: Token, found: str) -> str:
    """The counted noun's lemma; generic people words fold to "person" for those aboard."""
    lemma = fold(noun.lemma_)
    return "person" if found == "aboard" and lemma in PERSONS else lemma


def _measured(tok: Token) -> Token | None:
    """The noun a measure noun measures: "the tally of passengers" → passengers; else the noun itself."""
    if _lemma(tok) not in MEASURES:
        return tok
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in NOUNS:
                    return g
    return None


def _toll(tok: Token) -> bool:
    return _lemma(tok) == "toll" and any(_lemma(c) in {"death", "casualty"} for c in tok.children
                                         if c.dep_ in {"compound", "amod"})


def changed_to(sent: Span) -> list[tuple[Token, Token | None, float, str, str | None]]:
    """(number token, counted noun or None, value, bound, outcome) for figures stated as the end of a change:
    "revised the tally of passengers on the train downward to 425 from 440" → 425 passengers aboard; "the
    death toll rose to 31" → 31 killed (noun None: people)."""
    out = []
    for tok in sent:
        if not tok.like_num or tok.dep_ != "pobj" or tok.head.lower_ != "to":
            continue
        verb = tok.head.head
        if verb.pos_ not in {"VERB", "AUX"} or _lemma(verb) not in CHANGE:
            continue
        what = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None) or \
            next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if what is None or what.pos_ not in NOUNS:
            continue
        value = count_value(tok)
        if value is None or value <= 0:
            continue
        bound = bound_before(sent, tok.i)
        if _toll(what):
            out.append((tok, None, value, bound, "killed"))
            continue
        noun = _measured(what)
        if noun is None or noun.i == what.i:
            continue  # "raised the price to 40": a value, not a tally of anything counted
        found = outcome(noun)
        if found is None and _lemma(noun) in PERSONS and any(
                c.dep_ == "prep" and c.lower_ in {"on", "aboard"} for c in verb.children):
            found = "aboard"  # "revised the tally of passengers on the ferry to 425": the parse hung "on" on the verb
        if found is not None:
            out.append((tok, noun, value, bound, found))
    return out


def durations(sent: Span, things: DocThings) -> list[tuple[Token, Thing, float, str, str]]:
    """(number token, thing that lasted, value, bound, time unit): "the operation that lasted almost 30 hours",
    "the talks took more than eight hours"."""
    out = []
    for tok in sent:
        if tok.dep_ != "nummod" or _lemma(tok.head) not in TIME_UNITS:
            continue
        unit_noun = tok.head
        verb = unit_noun.head
        if unit_noun.dep_ == "pobj" and verb.lower_ == "for":  # "continued for 30 hours"
            verb = verb.head
        elif unit_noun.dep_ not in {"dobj", "npadvmod", "attr"}:
            continue
        if verb.pos_ not in {"VERB", "AUX"} or _lemma(verb) not in LASTING:
            continue
        if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in NOUNS:
            thing = things.thing(verb.head)
        else:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            thing = things.thing(subj) if subj is not None else None
        value = count_value(tok)
        if thing is None or value is None or value <= 0:
            continue
        out.append((tok, thing, value, bound_before(sent, tok.i), fold(unit_noun.lemma_)))
    return out
