"""Money, counts and casualty tolls in one sentence, each tied to what it is about through the parse.

Money comes from the event extractor's reader (``extract.events.details.money``: ISO 4217 codes, scales);
each amount's tokens are found in the parse and followed up to their thing (see ``subject``). Counts are
cardinals modifying a noun ("12 turbines"); when that noun is the victim of a killing or wounding verb the
count is a casualty toll ("at least 14 soldiers were killed"), its subject the victims with their nationality
or side ("Meridian soldiers"). Figures whose thing cannot be found are dropped: a number about nothing can
contradict nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parallax.extract.events.details import money
from parallax.extract.facts.subject import NOUNS, DocThings, Thing, fold, named_key, phrase
from parallax.extract.facts.values import bound_before, count_value
from parallax.language.spans import doc_text

# Verbs whose object is a figure's value and whose subject is the thing measured.
MEASURING = frozenset({"cost", "be", "total", "reach", "value", "price", "amount", "stand", "run", "top",
                       "exceed", "climb", "rise", "grow", "jump", "fall", "drop", "balloon", "estimate"})
_OWNING = frozenset({"have", "own", "operate", "include", "feature", "house", "contain", "comprise", "boast",
                     "use", "get", "need", "require", "employ", "field"})
KILL = frozenset({"kill", "die", "slay", "murder", "perish", "execute", "behead", "massacre", "dead"})
WOUND = frozenset({"wound", "injure", "hurt", "maim"})
# Counted nouns that are not things in the story: spans of time, rates, ranks, ages, pages.
_NOT_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time",
                        "percent", "per", "cent", "%", "point", "age", "page", "chapter", "article", "section",
                        "paragraph", "round", "term", "phase", "stage", "step", "part", "way", "one", "other",
                        "place", "edition", "anniversary", "th", "grade", "number", "digit"})
_FUTURE = frozenset({"will", "would", "shall", "'ll"})
_PLAN = frozenset({"expect", "plan", "schedule", "due", "set", "project", "forecast", "estimate", "intend"})
_SKIP_ENTS = frozenset({"PERCENT", "DATE", "TIME", "ORDINAL", "MONEY"})


def is_future(verb: Token) -> bool:
    """A figure stated as a plan or expectation: "will cost", "is expected to", "is due in"."""
    cur = verb
    for _ in range(4):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _FUTURE for c in cur.children):
            return True
        if cur.lemma_.lower() in _PLAN:
            return True
        if cur.dep_ not in {"xcomp", "ccomp", "conj"} or cur.head is cur:
            return False
        cur = cur.head
    return False


def _verb_subject(verb: Token, things: DocThings) -> Thing | None:
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in NOUNS:
        return things.thing(verb.head)
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return things.thing(c)
    if verb.dep_ in {"xcomp", "ccomp", "conj"} and verb.head is not verb:  # "is expected to cost"
        return _verb_subject(verb.head, things)
    return None


def _pobj_noun(tok: Token, preps: set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in NOUNS:
                    return g
    return None


def owner(tok: Token, things: DocThings) -> tuple[Thing | None, str | None]:
    """(thing, verb lemma) that a figure token is about; the verb is kept when the owner is an actor acting."""
    if (g := _pobj_noun(tok, {"in", "as"})) is not None:  # "$40 million in compensation"
        return things.thing(g), None
    cur = tok
    for _ in range(6):
        head, dep = cur.head, cur.dep_
        if head is cur:
            return None, None
        if dep in {"compound", "nmod", "amod", "nummod", "quantmod", "appos", "poss"} and head.pos_ in NOUNS:
            return things.thing(head), None
        if dep == "pobj":
            cur = head
            continue
        if dep == "prep" and head.pos_ in NOUNS:  # "a deal for $3bn", "compensation of $40m"
            return things.thing(head), None
        if head.pos_ == "ADJ" or head.lemma_.lower() == "worth":  # "worth $3bn" → what is worth it
            cur = head
            continue
        if dep in {"dobj", "attr", "npadvmod", "acomp", "oprd", "prep", "advmod", "nsubj"} and \
                head.pos_ in {"VERB", "AUX"}:
            verb = head.lemma_.lower()
            if verb in MEASURING:
                return _verb_subject(head, things), None
            if (g := _pobj_noun(head, {"for", "on"})) is not None:  # "pay $2bn for the jets"
                return things.thing(g), verb
            subj = _verb_subject(head, things)
            return subj, verb
        return None, None
    return None, None


def _span_root(sent: Span, start: int, end: int) -> Token | None:
    toks = [t for t in sent if t.idx >= start and t.idx + len(t) <= end]
    if not toks:
        return None
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head is t]
    return roots[0] if roots else toks[-1]


def money_figures(sent: Span) -> list[tuple[Token, float, str, str, str]]:
    """(root token, amount, currency, text, bound) for each amount of money in a sentence."""
    out = []
    base, pos = sent.start_char, 0
    for m in money(sent.text):
        i = sent.text.find(m.text, pos)
        if i < 0:
            i = sent.text.find(m.text)
        if i < 0:
            continue
        pos = i + len(m.text)
        root = _span_root(sent, base + i, base + i + len(m.text))
        if root is None:
            continue
        first = min((t.i for t in sent if base + i <= t.idx < base + i + len(m.text)), default=root.i)
        out.append((root, m.amount, m.currency, m.text, bound_before(sent, first)))
    return out


def _victims(noun: Token) -> str | None:
    """killed | wounded when a counted noun names the victims of a killing or wounding."""
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "ADJ", "AUX"}:
        if lemma in KILL or (lemma == "be" and any(c.lemma_.lower() in KILL for c in head.children)):
            return "killed"
        if lemma in WOUND:
            return "wounded"
        if lemma in {"leave", "be"} and any(c.lemma_.lower() in KILL | {"dead"} for c in head.children
                                             if c.dep_ in {"oprd", "acomp", "attr", "advmod"}):
            return "killed"
    for c in noun.children:
        if c.dep_ in {"acl", "relcl", "amod"} and c.lemma_.lower() in KILL | WOUND:
            return "killed" if c.lemma_.lower() in KILL else "wounded"
    return None


def _victim_side(noun: Token) -> tuple[str, list[str]]:
    """Victims' key: their nationality or side words ("meridian soldier") + the noun lemma."""
    sides = [fold(c.text) for c in noun.children if c.i < noun.i and c.dep_ in {"amod", "compound", "nmod"}
             and (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "GPE", "ORG"} or c.text[:1].isupper())]
    return " ".join([*sides, fold(noun.lemma_)]), sides


def count_figures(sent: Span, money_tokens: set[int]) -> list[tuple[Token, Token, float, str]]:
    """(number token, counted noun, value, bound) for cardinals counting a noun."""
    out = []
    for tok in sent:
        if tok.dep_ != "nummod" or tok.i in money_tokens or tok.ent_type_ in _SKIP_ENTS:
            continue
        noun = tok.head
        if noun.pos_ not in NOUNS or noun.lemma_.lower() in _NOT_UNITS or noun.i in money_tokens:
            continue
        if tok.lower_ == "one" or tok.like_num is False and not tok.lower_.isalpha():
            continue
        if "-" in doc_text(sent.doc)[tok.idx: noun.idx]:  # "a 25-year-old", "a 12-turbine plant" (adjectival)
            continue
        v = count_value(tok)
        if v is None or v <= 0 or (1800 <= v <= 2100 and tok.text.isdigit() and len(tok.text) == 4):
            continue
        out.append((tok, noun, v, bound_before(sent, tok.i)))
    return out


def victim_phrase(noun: Token) -> str:
    return phrase(noun)


__all__ = ["KILL", "WOUND", "MEASURING", "count_figures", "is_future", "money_figures", "named_key", "owner",
           "victim_phrase", "_victims", "_victim_side", "_OWNING"]
