"""When something happened or is due, outside coded events: "construction began in 2019", "the 1936 treaty".

A DATE entity is resolved with the event extractor's ``DateContext`` (publication date, running year). Only
dates the text pins down (a year or a month name) are kept: relative days resolve against each outlet's own
publication day, so comparing them across outlets would manufacture conflicts. Dates on reporting verbs
("said on Tuesday") and the publication day itself say when the news was told, not when the thing happened.

The date's subject is an (event, thing) pair: "construction of the dam began in 2019" → (build, dam); "the
treaty, signed in 1938" and "the 1936 treaty" → (origin, treaty); "deliveries of the jets are expected in
March 2026" and "will receive the jets in March 2026" → (deliver, jet). A start verb adds nothing to an event
noun ("construction began" is the construction's date); an end verb makes it a different date (completion).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from parallax.extract.facts.subject import NOUNS, DocThings, Thing, fold

_EXPLICIT = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
                       re.I)
_AT = frozenset({"in", "on", "during", "at", "of"})  # bounds ("since", "by", "until") are not the date itself
# Event nouns and verbs folded into a few comparable events.
EVENT_NOUNS = {"construction": "build", "work": "build", "building": "build", "groundwork": "build",
               "delivery": "deliver", "handover": "deliver", "shipment": "deliver", "arrival": "deliver",
               "signing": "origin", "signature": "origin", "ratification": "ratify", "completion": "end",
               "opening": "open", "inauguration": "open", "launch": "launch", "start": "start",
               "founding": "origin", "creation": "origin", "establishment": "origin", "independence": "origin"}
VERB_EVENTS = {"sign": "origin", "conclude": "origin", "ink": "origin", "agree": "origin", "adopt": "origin",
               "found": "origin", "establish": "origin", "create": "origin", "form": "origin",
               "ratify": "ratify", "deliver": "deliver", "receive": "deliver", "hand": "deliver",
               "arrive": "deliver", "ship": "deliver", "complete": "end", "finish": "end", "end": "end",
               "open": "open", "inaugurate": "open", "build": "build", "construct": "build", "launch": "launch"}
_STARTS = frozenset({"begin", "start", "commence", "get", "kick", "break", "resume"})
_NEUTRAL = frozenset({"expect", "schedule", "plan", "set", "due", "take", "happen", "occur", "come", "be",
                      "slate", "place", "hold", "make"})
_REPORTING = frozenset({"say", "tell", "report", "announce", "add", "note", "state", "write", "claim", "confirm",
                        "deny", "publish", "reveal", "disclose", "explain", "argue", "warn", "insist"})


def _event_noun(tok: Token) -> str | None:
    return EVENT_NOUNS.get(tok.lemma_.lower()) or EVENT_NOUNS.get(tok.lower_)


def _thing_of(tok: Token, things: DocThings) -> Thing | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "on", "for", "to"}:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in NOUNS | {"PRON"}:
                    return things.thing(g)
    return None


# Nouns that are themselves a time or a stamp: "date 2018-04-08", "the March 3 update" date nothing that could
# be reported twice, and a date line mistaken for prose would otherwise become "the date of the date".
TIME_NOUNS = frozenset({"date", "day", "time", "year", "month", "week", "update", "timestamp", "dateline",
                        "edition", "publication", "post", "posting"})


def _from_noun(noun: Token, verb_event: str | None, things: DocThings) -> tuple[str, Thing | None] | None:
    """(event, thing) for a noun the date is about, the verb's event when it has one."""
    if (ev := _event_noun(noun)) is not None:
        return (verb_event if verb_event in {"end", "open"} else ev), _thing_of(noun, things)
    if noun.lemma_.lower() in TIME_NOUNS or noun.lower_ in TIME_NOUNS:
        return None
    thing = things.thing(noun, measures=False)
    if thing is None:
        return None
    return verb_event or "origin", thing


def _verb_noun(verb: Token) -> Token | None:
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in NOUNS:
        return verb.head
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    obj = [c for c in verb.children if c.dep_ in {"dobj"} and c.pos_ in NOUNS]
    if subj and (_event_noun(subj[0]) or (subj[0].pos_ == "NOUN" and subj[0].ent_type_ == "")) and \
            not (obj and subj[0].pos_ != "NOUN"):
        return subj[0]
    if obj:
        return obj[0]
    return subj[0] if subj and subj[0].pos_ == "NOUN" else None


def date_subject(ent: Span, things: DocThings) -> tuple[str, Thing | None, Token | None] | None:
    """(event, thing, verb) a DATE entity dates, or None when it dates nothing comparable."""
    root = ent.root
    if root.dep_ in {"nummod", "compound", "amod", "nmod", "poss"} and root.head.pos_ in NOUNS:
        got = _from_noun(root.head, None, things)  # "the 1936 treaty"
        return (got[0], got[1], None) if got else None
    cur, prep = root, None
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ not in _AT:
            return None
        cur = prep
    head = cur.head if cur.dep_ in {"prep", "npadvmod", "tmod", "advmod"} or cur is root else None
    if head is None or head is cur:
        return None
    if head.pos_ in NOUNS:
        got = _from_noun(head, None, things)  # "the signing of the treaty in 1938"
        return (got[0], got[1], None) if got else None
    if head.pos_ not in {"VERB", "AUX"} and head.lemma_.lower() not in {"due"}:
        return None
    lemma = head.lemma_.lower()
    if lemma in _REPORTING:
        return None
    verb_event = VERB_EVENTS.get(lemma)
    if lemma not in VERB_EVENTS and lemma not in _STARTS and lemma not in _NEUTRAL:
        return None
    noun = _verb_noun(head)
    if noun is None:
        return None
    got = _from_noun(noun, verb_event, things)
    if got is None or (got[1] is None and _event_noun(noun) is None):
        return None
    return got[0], got[1], head


def explicit(ent: Span) -> bool:
    return bool(_EXPLICIT.search(ent.text))


def date_key(event: str, thing: Thing | None, topic: str | None) -> str:
    """"build|varna dam": the event and its thing; a thing-less event ("construction began") takes the
    document's most named thing."""
    return f"{event}|{thing.key if thing is not None else (topic or '')}"


def about_text(event: str, thing: Thing | None) -> str:
    words = {"build": "start of construction", "deliver": "delivery", "origin": "signing", "end": "completion",
             "open": "opening", "ratify": "ratification", "launch": "launch", "start": "start"}
    what = words.get(event, event)
    if event == "origin" and thing is not None and fold(thing.token.lemma_) not in {
            "treaty", "agreement", "accord", "pact", "deal", "contract", "convention", "protocol", "memorandum"}:
        what = "date"
    return f"{what} of the {thing.text}" if thing is not None else what
