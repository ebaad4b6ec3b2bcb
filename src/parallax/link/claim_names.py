"""Readable claim names, cut from the evidence in the writer's own words.

Clustering needs a structural key and a normalised proposition ("Chile not raise the minimum wage"); a reader
needs a sentence. So a claim is named by the shortest clean clause among its evidence spans:
- attribution ("..., the minister said", "According to X, ...", "X said that ..."), leading conjunctions, stray
  quotation marks and unmatched brackets are cut; the first letter is capitalised, a full stop ends it, and a
  clause longer than ``MAX_NAME`` is cut at a word boundary (marked "…");
- its subject must be named: a personal pronoun is replaced by the actor the document resolved it to (an actor
  mention at that place) or by the editor's bracketed gloss ("they [the rebels]"). A clause whose subject stays
  a bare pronoun names the claim only when no other wording has a named subject, and such a claim is not a main
  claim (:func:`names_subject`);
- a wording on the claim's supporting side is preferred; a claim that is only refuted is named by a refutation,
  and the caller reads the stances from that wording.
Nothing is re-parsed: the words come from the stored text, the subject from the clause's proposition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.model import Actor, Document, Mention

MAX_NAME = 140  # characters of a claim name, full stop included
MIN_WORDS = 4  # a name shorter than this says too little to lead the story ("Pakistan expects.")
PRONOUNS = frozenset("i we you he she it they".split())  # subjects that name no one by themselves
UNNAMED = PRONOUNS | {"someone"}  # ... and the structural wording of an unknown party
# Verbs (lemmas) that attribute without colouring what is said: cutting "X said that" keeps the statement's
# sense. Denials and distancing verbs ("denied that", "claimed that") are never cut: they carry it.
NEUTRAL_SPEECH = frozenset("""
say tell add state announce note explain write report declare stress emphasise emphasize confirm reiterate
insist assert affirm maintain indicate underline underscore highlight acknowledge admit disclose reveal recall
post tweet testify remark comment observe mention repeat assure vow pledge promise
""".split())
_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "admit": ("admitted",)}
_LEAD_CONJ = re.compile(
    r"(?:(?:and|but|or|yet|nor|then|plus)\b,?|so(?=\s+(?:i|we|you|he|she|it|they|this|that|these|those|there)\b)"
    r"|(?:so|also|however|meanwhile|moreover|furthermore|nevertheless|"
    r"nonetheless|besides|instead|still|thus|therefore|hence|indeed|now|in addition|at the same time),)\s+", re.I)
_QUOTE_CHARS = "\"“”„‘’‚'«»"
_EDGE = " \t\n" + _QUOTE_CHARS + "—–-…,;:"
_GLOSS = re.compile(r"\s*\[([^\]\[]{1,60})\]")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(slots=True)
class Wording:
    """One evidence span of a claim, a candidate for its name."""

    doc: str
    start: int
    end: int
    stance: str
    subject: str | None = None  # the first word of the clause's proposition: its subject; None: not known


@dataclass(slots=True)
class Name:
    text: str
    named: bool  # the subject is named, not a bare pronoun
    wording: Wording
    replaced: tuple[str, str] | None = None  # (pronoun, the name put in its place)


def _inflect(lemma: str) -> set[str]:
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed"}
    else:
        forms |= {lemma + "s", lemma + "ed"}
    return forms


@lru_cache(maxsize=1)
def _attribution() -> tuple[re.Pattern, re.Pattern]:
    forms = sorted({f for lemma in NEUTRAL_SPEECH for f in _inflect(lemma)}, key=len, reverse=True)
    verb = "(?:" + "|".join(forms) + ")"
    lead = re.compile(
        r"(?:according to [^,;:]{1,80},"  # "According to the ministry, ..."
        rf"|(?:[^\s,;:{_QUOTE_CHARS}]+\s+){{1,8}}?{verb}"  # "The minister said", "Police told reporters"
        r"(?:\s+[^\s,;:]+){0,4}?(?:\s*[,:]|\s+that\b))\s*", re.I)
    speech = re.compile(rf"\b(?:{verb}\b|according to\b)", re.I)
    return lead, speech


def _cut_attribution(text: str) -> str:
    """The clause without "X said that" before it or ", X said" after it, if what is left still says something."""
    lead, speech = _attribution()
    m = lead.match(text)
    if m and len(_WORD.findall(text[m.end():])) >= 3:
        text = text[m.end():]
    cuts = [m.start() for m in re.finditer(r"\s*(?:,|—|–|--)\s*", text)][-3:]
    for pos in reversed(cuts):
        tail = text[pos:]
        hit = speech.search(tail)
        if hit and len(_WORD.findall(tail[:hit.start()])) <= 10 and len(_WORD.findall(tail)) <= 16 \
                and len(_WORD.findall(text[:pos])) >= 3:
            return text[:pos]
    return text


def _balance(text: str) -> str:
    """Drop quotation marks and brackets that open or close nothing within the clause (apostrophes stay)."""
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[“”\"]", "", text)
    drop: set[int] = set()
    openers: list[int] = []
    for i, ch in enumerate(text):
        before, after = text[i - 1:i], text[i + 1:i + 2]
        if ch in "‘'" and (not before or not before.isalnum()) and after.isalnum():
            openers.append(i)
        elif ch in "’'" and before and not (before.isalnum() and after.isalnum()) and (not after or not after.isalnum()):
            if openers:
                openers.pop()
            elif before != "s":  # "the passengers’ bags": a plural possessive, not a closing quote
                drop.add(i)
    drop.update(openers)
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "[(":
            stack.append(i)
        elif ch in "])":
            if stack and text[stack[-1]] == ("[" if ch == "]" else "("):
                stack.pop()
            else:
                drop.add(i)
    drop.update(stack)
    return "".join(ch for i, ch in enumerate(text) if i not in drop) if drop else text


def clean_clause(raw: str, max_len: int = MAX_NAME) -> str | None:
    """An evidence span as a sentence: attribution, leading conjunctions and stray quote marks cut, capitalised,
    ending in a full stop (a question or exclamation keeps its mark), at most ``max_len`` characters; None
    when fewer than two words are left."""
    text = re.sub(r"\s+", " ", raw).strip(_EDGE)
    for _ in range(2):
        text = _cut_attribution(text).strip(_EDGE)
        while (m := _LEAD_CONJ.match(text)) and len(_WORD.findall(text[m.end():])) >= 2:
            text = text[m.end():].strip(_EDGE)
    if text.startswith("that ") and len(_WORD.findall(text)) > 3:  # the complement of a cut speech verb
        text = text[5:]
    end = "?" if text.rstrip(_EDGE + ".").endswith("?") else "!" if text.rstrip(_EDGE + ".").endswith("!") else "."
    text = _balance(text.rstrip(_EDGE + ".?!")).strip(_EDGE + ".?!")
    text = re.sub(r"\s+([,;:.])", r"\1", re.sub(r"\s+", " ", text))
    if len(_WORD.findall(text)) < 2:
        return None
    text = text[0].upper() + text[1:]
    if len(text) + 1 > max_len:
        cut = text[: max_len - 1]
        cut = cut[: cut.rfind(" ")] if " " in cut else cut
        return cut.rstrip(_EDGE + ".") + "…"
    return text + end


def _first_word(text: str) -> str | None:
    m = _WORD.search(text)
    return m.group() if m else None


def resolve_subject(raw: str, subject: str | None, who: Callable[[int], str | None]) -> tuple[str, bool, tuple | None]:
    """(``raw`` with a pronoun subject replaced by whom it refers to, whether the subject is named, the
    replacement). ``subject`` is the clause's subject word (else the span's first word is taken); ``who(offset)``
    is the actor named by a mention starting at that offset of ``raw``."""
    word = subject or _first_word(_LEAD_CONJ.sub("", raw.lstrip(_EDGE), count=1))
    if not word:
        return raw, False, None
    if word.lower() not in PRONOUNS:
        return raw, True, None
    m = re.search(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", raw, re.I)
    if m is None:
        return raw, False, None
    if gloss := _GLOSS.match(raw, m.end()):  # "They [the rebels] stopped ...": the editor named them
        name = gloss.group(1).strip()
        return raw[:m.start()] + name + raw[gloss.end():], True, (m.group(), name)
    if name := who(m.start()):
        return raw[:m.start()] + name + raw[m.end():], True, (m.group(), name)
    return raw, False, None


def name_claim(wordings: Sequence[Wording], texts: Mapping[str, str], naming_side: str, other_side: str,
               who: Callable[[str, int], str | None] = lambda doc, at: None,
               taken: frozenset[str] | set[str] = frozenset()) -> Name | None:
    """The best name among ``wordings``: not on ``other_side``, a named subject, not cut, not too short, not
    already another claim's (``taken``), then the shortest (ties: document, place). ``who(doc, offset)`` names
    the actor of a mention at that offset."""
    best: tuple | None = None
    for w in wordings:
        raw = texts.get(w.doc, "")[w.start:w.end]
        if not raw.strip():
            continue
        raw, named, replaced = resolve_subject(raw, w.subject, lambda at, w=w: who(w.doc, w.start + at))
        text = clean_clause(raw)
        if text is None:
            continue
        rank = (w.stance == other_side, not named, w.stance != naming_side, text.endswith("…"),
                len(text.split()) < MIN_WORDS, text in taken, len(text), w.doc, w.start)
        if best is None or rank < best[0]:
            best = (rank, Name(text, named, w, replaced))
    return best[1] if best else None


DEMONSTRATIVES = frozenset("this that these those".split())
_AUX = frozenset("is was are were has have had will would can could may might must should does did be".split())


def names_subject(text: str, proposition: str = "") -> bool:
    """Whether a claim names its subject: neither its proposition nor its name starts with a bare pronoun, and
    its name does not open on a demonstrative standing alone ("This is a very positive thing")."""
    for words in (proposition, text):
        first = _first_word(words)
        if first and first.lower() in UNNAMED:
            return False
    words = [w.lower() for w in _WORD.findall(text)[:2]]
    if words and re.sub(r"['’]s$", "", words[0]) in DEMONSTRATIVES:
        return words[0][-2:] not in ("'s", "’s") and len(words) > 1 and words[1] not in _AUX
    return True


class DocTexts(dict):
    """Document texts by id, looked up as asked (a claim's name is cut from them); a missing one is empty."""

    def __init__(self, docs: Mapping[str, Document]):
        super().__init__()
        self.docs = docs

    def __missing__(self, doc: str) -> str:
        d = self.docs.get(doc)
        return d.text if d is not None and d.text else ""

    def get(self, doc: str, default: str = "") -> str:  # type: ignore[override]
        return self[doc] or default


def mention_names(mentions: Sequence[Mention], actors: Mapping[str, Actor]) -> Callable[[str, int], str | None]:
    """who(doc, offset): the actor named by a mention that starts there (a resolved pronoun, a name)."""
    at = {(x.doc, x.start): actors[x.actor].name for x in mentions if x.actor and x.actor in actors}
    return lambda doc, offset: at.get((doc, offset))
