"""Which way a document leans on a claim, by the annotation guidelines of stance.

A document **supports** a claim when it asserts it (in its own voice, or through an uncontested statement),
**refutes** it when it denies it the same way, and **discusses** it when it addresses the claim only at a
distance (alleged, claimed, may), or presents both sides. So each sentence that speaks to the claim
(``relevance``) is read for its polarity and distance:

* negated: a negation cue just before one of the claim's matched words ("has not agreed", "no threat"), a
  negative implicative ("failed to", "refused to"), or a denial verb before the claim's words ("rejected
  questions that ... was an intelligence failure", "rebuffed fears that ... would cause a recession");
* distanced: a hedge ("reportedly", "may", "if"), an accusation or claim verb ("accused", "claimed"), a
  question;
* otherwise it affirms.

Then the document: affirmations and denials both → discusses; affirmations only → supports unless a denial
stands next to the claim elsewhere in the text (a party rejecting the charge makes it contested); denials only
→ refutes unless an affirmation stands elsewhere; only distanced sentences → discusses. A negated claim
("Turkey will not back down") flips supports and refutes. The cue words are closed classes (negation,
implicatives, hedges; the same lists as the stance model's features), not words of any story.
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.extract.quotes.lexicon import DIRECT_ONLY, SPEECH_VERBS
from parallax.link.stance.features import HEDGE, NEG_IMPLICATIVE, NEGATION
from parallax.verify.reading import Reading
from parallax.verify.relevance import Sentence
from parallax.verify.words import fold

def _past(lemmas: frozenset[str]) -> frozenset[str]:
    """Past forms of speech verbs ("reiterated", "denied"): unlike "states" or "reports" never a noun."""
    irregular = {"say": "said", "tell": "told", "write": "wrote", "told": "told"}
    return frozenset(irregular.get(v) or (v[:-1] + "ied" if v.endswith("y") and v[-2] not in "aeiou" else
                                          v + "d" if v.endswith("e") else v + "ed") for v in lemmas)


_NEG = frozenset({fold(w) for w in NEGATION | NEG_IMPLICATIVE} | {"no", "not", "never", "nor", "without"})
DENIAL = frozenset(fold(w) for w in """deny denied denies denial reject rejected rejects rejection dismiss
    dismissed dismisses refute refuted refutes rebut rebutted rebuts rebuff rebuffed rebuffs debunk debunked
    disprove disproved repudiate repudiated""".split())
DENIAL_ADJ = frozenset(fold(w) for w in "baseless unfounded false untrue groundless fabricated bogus".split())
ACCUSE = frozenset(fold(w) for w in """accuse accused accuses accusing accusation accusations blame blamed blames
    allege alleged alleges allegedly allegation allegations claim claimed claims claiming purported
    purportedly supposedly reportedly rumor rumour suspected""".split())
_HEDGE = frozenset({fold(w) for w in HEDGE} - {fold(w) for w in ("source", "sources")}) | ACCUSE
DISPUTE = frozenset(fold(w) for w in "disagree disagreed disagrees dispute disputed disputes".split())
CONTRAST = frozenset("but however although though yet".split())
# Irrealis: what is urged, proposed, planned or hoped for has not happened ("urged Russia to accept",
# "calls for rearming", "demand for sanctions relief").
IRREALIS = frozenset(fold(w) for w in """urge urged urges urging call calls calling propose proposed proposes
    proposal plan plans planned hope hopes hoped seek seeks sought want wants wanted demand demands demanded
    press pressed intend intends intended expect expects expected need needs needed""".split())
DIRECTIVE = frozenset(fold(w) for w in "urge urged urges urging press pressed pressing pressure pressured".split())
ATTRIBUTION = _past(SPEECH_VERBS - DIRECT_ONLY) | frozenset(
    "said says say told tells wrote writes adds insists argues warns according".split())
REFERENCE = frozenset(fold(w) for w in "claim claims allegation allegations accusation accusations charge charges "
                      "assertion report reports".split())
NEG_WINDOW = 4  # tokens between a negation cue and the claim word it negates
HEDGE_WINDOW = 6  # tokens before the claim's first word where a hedge still bears on it
CONTEST = 0.32  # coverage of a denial elsewhere in the text that contests the claim


@dataclass(slots=True)
class Bearing:
    """How one sentence bears on the claim."""

    polarity: int  # +1 affirms the claim's words, -1 negates them
    distanced: bool  # hedged, alleged, urged or asked: the sentence does not assert it
    attributed: bool  # someone else's words (said, according to, a quotation), not the outlet's voice


def read_sentence(sent: Sentence, claim_keys: frozenset[str] = frozenset(), deontic: bool = False) -> Bearing:
    """Polarity, distance and voice of one sentence that speaks to the claim (see the module doc). For a claim
    of what should be done (``deontic``), urging or demanding it is a party's position for it, not a sign that
    it has not happened: the sentence is that party's position, at a distance from the outlet's voice."""
    keys = sent.keys
    low = [t.lower() for t in sent.tokens]
    hits = [i for i, k in enumerate(keys) if any(k in t.forms for t in sent.matched)]
    if not hits:
        hits = [len(keys)]
    first, last = min(hits), max(hits)
    weights = [max((t.weight for t in sent.matched if keys[i] in t.forms), default=0.0) if i < len(keys) else 0.0
               for i in hits]
    negated = False
    for i in hits:
        if any(keys[j] in _NEG or low[j].endswith("n't") for j in range(max(0, i - NEG_WINDOW), i)):
            negated = True
            break
    denial = next((j for j, k in enumerate(keys) if k in DENIAL and k not in claim_keys), None)
    if not negated and denial is not None:  # "rejected questions that ... was a failure": most of it after
        after = sum(w for i, w in zip(hits, weights) if i > denial)
        negated = after >= sum(weights) - after
    scope = range(max(0, first - HEDGE_WINDOW), last + 1)
    cues = {keys[j] for j in scope if keys[j] not in claim_keys}
    wish = bool(cues & IRREALIS) or any(keys[j] in DIRECTIVE for j in range(max(0, first - HEDGE_WINDOW), first))
    distanced = _question(sent) or bool(cues & _HEDGE) or wish
    turn = next((j for j in range(last + 1, len(keys)) if low[j] in CONTRAST), None)
    if turn is not None and not negated:  # "supports it in principle, but details still need to be worked out"
        distanced = distanced or any(keys[j] in _HEDGE | IRREALIS | _NEG or low[j].endswith("n't")
                                     for j in range(turn + 1, len(keys)))
    if negated and denial is not None:  # what a denial rejects may be hedged ("fears that it would ...")
        distanced = bool({keys[j] for j in range(max(0, first - HEDGE_WINDOW), denial) if keys[j] in _HEDGE})
    if not negated and not deontic and any(keys[j] in DIRECTIVE for j in range(max(0, first - HEDGE_WINDOW), first)):
        negated, distanced = True, False  # "urged Russia to accept": it has not accepted
    cues = [j for j, w in enumerate(low) if w in ATTRIBUTION]
    attributed = _quoted(sent, first) or any(  # "X said that ..." or "..., X said", not a later clause's cue
        j < first or not any(low[k] in CONTRAST for k in range(last + 1, j)) for j in cues)
    return Bearing(-1 if negated else 1, distanced, attributed)


def _question(sent: Sentence) -> bool:
    return sent.text.rstrip().rstrip("\"”’'").endswith("?")


def _quoted(sent: Sentence, first: int) -> bool:
    """Whether the claim's first matched word lies inside quotation marks (someone's words, not the outlet's)."""
    if first >= len(sent.tokens):
        return False
    at = 0
    for i, tok in enumerate(sent.tokens):  # character offset of token ``first`` in the sentence
        at = sent.text.find(tok, at)
        if i == first:
            break
        at += len(tok)
    before = sent.text[:max(at, 0)]
    opened = before.count("“") - before.count("”") + (before.count('"') % 2)
    return opened > 0


def contested(sentences: list[Sentence], used: set[int], claim_keys: frozenset[str]) -> bool:
    """Whether a denial stands next to the claim elsewhere in the text: a sentence with a denial or dispute verb
    that holds enough of the claim's words, or one close to a used sentence that names a party, shares a word
    or refers to "the claim", "the allegations" ("Afghanistan rejected the charge")."""
    near = {i + d for i in used for d in (-2, -1, 1, 2)}
    for s in sentences:
        if s.index in used or not (s.coverage >= CONTEST or s.index in near and (
                s.coverage > 0 or s.party or bool(set(s.keys) & REFERENCE))):
            continue
        if any(k in DENIAL | DISPUTE and k not in claim_keys for k in s.keys):
            return True
    return False


def lean(reading: Reading, relevant: list[Sentence], sentences: list[Sentence]) -> tuple[str, list[Sentence]]:
    """supports / refutes / discusses for a document whose ``relevant`` sentences speak to the claim, with the
    sentences that decided it (best first)."""
    keys = frozenset(f for t in reading.terms for f in t.forms)
    readings = [(s, read_sentence(s, keys, reading.modality == "deontic")) for s in relevant]
    plain = [(s, r) for s, r in readings if not r.distanced]
    pos = [s for s, r in plain if r.polarity > 0]
    neg = [s for s, r in plain if r.polarity < 0]
    own = {s.index for s, r in plain if not r.attributed}
    ids = {s.index for s in relevant}
    alleged = [s for s, r in readings if r.distanced and r.polarity > 0]
    if pos and neg:
        label, used = "discusses", [pos[0], neg[0]]
    elif neg and alleged and not own & {s.index for s in neg}:  # "A claims X" and "B says not X": a dispute
        label, used = "discusses", [neg[0], alleged[0]]
    elif pos:  # the outlet's own assertion stands even when a denial is reported; a quoted one does not
        label, used = "supports", pos
        if not own & {s.index for s in pos} and contested(sentences, ids, keys):
            label = "discusses"
    elif neg:  # a denial stands unless an allegation of the claim is in the text too (above)
        label, used = "refutes", neg
    else:
        label, used = "discusses", [s for s, _ in readings]
    if reading.negated and label in ("supports", "refutes"):
        label = "refutes" if label == "supports" else "supports"
    return label, used
