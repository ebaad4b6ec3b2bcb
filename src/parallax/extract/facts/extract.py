"""Number and date facts of one parsed document (see ``amounts`` and ``dates`` for the rules)."""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc, Span

from parallax.extract.actors.types import DocActors
from parallax.extract.events.when import DateContext, in_future_clause, in_past_clause, is_bound
from parallax.extract.facts import amounts, dates, outcomes, rates
from parallax.extract.facts.subject import DocThings, Thing, fold
from parallax.extract.facts.types import Fact
from parallax.language.spans import ents
from parallax.language.tree import clause_verb
from parallax.model import Document


def _base(doc: Document, sent: Span, actors: DocActors, names: list[str], when: str | None) -> dict:
    local = list(dict.fromkeys(m.actor for m in actors.mentions_in(sent.start_char, sent.end_char) if m.actor))
    return {"doc": doc.id, "start": sent.start_char, "end": sent.end_char, "text": sent.text, "actors": local,
            "names": names, "when": when}


def _figures(sent: Span, things: DocThings, base: dict) -> list[Fact]:
    out: list[Fact] = []
    found = amounts.money_figures(sent)
    money_tokens: set[int] = set()
    for root, amount, currency, text, bound in found:
        money_tokens |= {t.i for t in root.subtree if t.like_num or t.pos_ in {"SYM", "NUM"}} | {root.i}
        thing, verb = amounts.owner(root, things)
        if thing is None:
            continue
        key = thing.key + (f" {verb}" if verb else "")
        v = clause_verb(root)
        out.append(Fact(kind="money", value=amount, currency=currency, subject=thing.text, subject_key=key,
                        qualifiers=thing.qualifiers, approx=bound != "exact", bound=bound,  # type: ignore[arg-type]
                        future=bool(v and amounts.is_future(v)), shown=text, **base))
    for tok, noun, value, bound in amounts.count_figures(sent, money_tokens):
        first = min(t.i for t in tok.subtree)
        shown = sent.doc[first: tok.i + 1].text
        if (found := outcomes.outcome(noun)) is not None:
            out.append(_people(noun, found, value, bound, shown, base))
            continue
        thing, verb = _count_owner(noun, things)
        if thing is None:
            continue
        v = clause_verb(noun)
        out.append(Fact(kind="count", value=value, unit=fold(noun.lemma_), subject=thing.text,
                        subject_key=thing.key + (f" {verb}" if verb else ""), qualifiers=thing.qualifiers,
                        approx=bound != "exact", bound=bound, future=bool(v and amounts.is_future(v)),  # type: ignore[arg-type]
                        shown=shown, **base))
    for tok, noun, value, bound, found in outcomes.changed_to(sent):
        shown = sent.doc[min(t.i for t in tok.subtree): tok.i + 1].text
        if noun is None:  # "the death toll rose to 31": people killed
            out.append(Fact(kind="casualties", value=value, unit="people", outcome=found, subject="people",
                            subject_key="people", approx=bound != "exact", bound=bound, shown=shown,  # type: ignore[arg-type]
                            **base))
        else:
            out.append(_people(noun, found, value, bound, shown, base))
    for tok, value, bound, levy, goods, countries in rates.rate_figures(sent):
        key = " ".join(goods) or " ".join(countries)
        out.append(Fact(kind="rate", value=value, unit=levy, subject=f"{' and '.join(goods or countries)}",
                        subject_key=key, qualifiers=countries if goods else [], approx=bound != "exact",
                        bound=bound, shown=f"{tok.text}%", **base))  # type: ignore[arg-type]
    for tok, thing, value, bound, unit in outcomes.durations(sent, things):
        shown = sent.doc[min(t.i for t in tok.subtree): tok.head.i + 1].text
        out.append(Fact(kind="count", value=value, unit=unit, subject=thing.text,
                        subject_key=f"{thing.key} duration", qualifiers=thing.qualifiers, approx=bound != "exact",
                        bound=bound, shown=shown, **base))  # type: ignore[arg-type]
    return out


def _people(noun, found: str, value: float, bound: str, shown: str, base: dict) -> Fact:
    """A count of people by outcome (killed, wounded, freed, aboard), keyed by who they are."""
    key, sides = amounts._victim_side(noun)
    unit = outcomes.unit_of(noun, found)
    if unit != fold(noun.lemma_):
        key = " ".join([*sides, unit])
    return Fact(kind="casualties", value=value, unit=unit, outcome=found, subject=amounts.victim_phrase(noun),
                subject_key=key, qualifiers=sides, approx=bound != "exact", bound=bound,  # type: ignore[arg-type]
                shown=shown, **base)


def _count_owner(noun, things: DocThings) -> tuple[Thing | None, str | None]:
    """What has the counted things: "the dam's 16 turbines", "the plant has 12 turbines", "a dam with 12"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return things.thing(c), None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in amounts.NOUNS:
        return things.thing(head.head), None
    if noun.dep_ == "dobj" and head.pos_ in {"VERB", "AUX"}:
        subj = amounts._verb_subject(head, things)
        if subj is None:
            return None, None
        verb = head.lemma_.lower()
        return subj, (None if verb in amounts._OWNING else verb)
    for c in noun.children:  # "the 24 jets Tarsia ordered"
        if c.dep_ in {"relcl", "acl"} and c.pos_ == "VERB":
            subj = [g for g in c.children if g.dep_ == "nsubj"]
            if subj and (t := things.thing(subj[0])) is not None:
                return t, c.lemma_.lower()
    return None, None


def _dates(sent: Span, things: DocThings, base: dict, ctx: DateContext, doc: Document) -> list[Fact]:
    out: list[Fact] = []
    for ent in ents(sent):
        if ent.label_ != "DATE" or ctx.is_metadata(ent):
            continue
        bound = is_bound(ent)
        got = ctx.resolve(ent.text, future=in_future_clause(ent), bound=bound,
                          past=not bound and in_past_clause(ent))
        if got is None or not dates.explicit(ent) or (doc.published and got[0] == doc.published[:10]):
            continue
        subj = dates.date_subject(ent, things)
        if subj is None:
            continue
        event, thing, verb = subj
        out.append(Fact(kind="date", value=got[0], subject=dates.about_text(event, thing),
                        subject_key=dates.date_key(event, thing, things.topic),
                        qualifiers=thing.qualifiers if thing else [],
                        future=bool(verb is not None and amounts.is_future(verb)) or in_future_clause(ent),
                        shown=ent.text, **base))
    return out


_PERIOD = re.compile(r"\b(?:weeks|months?|years?|decades?|centur(?:y|ies))\b", re.I)
_BEFORE = re.compile(r"\b(?:last|past|this|so far|since|earlier|previous|recent|ago|beginning)\b", re.I)


def _period(sent: Span, ctx: DateContext) -> str | None:
    """A period before the story's days that the sentence's figures belong to ("in the last 15 months", "so far
    this year", "last month", "a year ago"): "period:<words>". Such a tally is not the figure of the story's
    incident; a weekday, "hours after" or "for four weeks" is."""
    for e in ents(sent):
        if e.label_ == "DATE" and not ctx.is_metadata(e) and _PERIOD.search(e.text) and _BEFORE.search(e.text):
            return "period:" + " ".join(fold(e.text).split())
    return None


def extract_facts(sdoc: SpacyDoc, doc: Document, actors: DocActors) -> list[Fact]:
    """Money, count, casualty and date facts of a document, each with its sentence and subject."""
    things = DocThings(sdoc)
    ctx = DateContext.of(doc)
    out: list[Fact] = []
    for sent in sdoc.sents:
        names = sorted({fold(t.text) for t in sent if t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE"})})
        date_facts = _dates(sent, things, _base(doc, sent, actors, names, None), ctx, doc)
        years = {str(f.value)[:4] for f in date_facts} | {
            y for e in ents(sent) if e.label_ == "DATE" and not ctx.is_metadata(e)
            for y in dates._EXPLICIT.findall(e.text) if y.isdigit()}
        when = next(iter(years)) if len(years) == 1 else _period(sent, ctx)
        out += date_facts
        out += _figures(sent, things, _base(doc, sent, actors, names, when))
        things.remember(sent.root)
    return out
