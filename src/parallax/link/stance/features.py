"""Features of a (claim, text) pair for the stance model: overlap, alignment, and structure near the match.

Why these: similarity alone says whether a text is *about* a claim (related vs unrelated) but cannot tell
"will sell" from "will not sell". So besides overlap (idf-weighted coverage, n-grams, TF-IDF cosine, BM25) the
features look at the sentences of the text that best match the claim and ask structural questions there:
is a matched word negated, is the sentence attributed to someone (said, according to) or in the outlet's
own voice, does it hedge (reportedly, may) or refute (denied, false, hoax), do the claim's numbers appear.
Everything is regex + numpy so a pair costs about a millisecond; bodies are analysed once and cached.
Sums over sets use ``math.fsum`` so features do not depend on the per-process string-hash order, which makes
training reproducible bit for bit.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

# Negation cues (the closed class the NegEx family uses for news-like text).
NEGATION = frozenset("not no never none nobody nothing neither nor without cannot n't no-one nowhere".split())
# Negative implicative verbs (Karttunen): "failed to capture", "refused to sell", "cancelled the visit" deny
# the complement just as "not" does.
NEG_IMPLICATIVE = frozenset("""fail fails failed refuse refuses refused decline declines declined cancel cancels
    cancelled canceled scrap scraps scrapped abandon abandons abandoned halt halts halted suspend suspends
    suspended""".split())
# Refutation / denial vocabulary: the FNC-1 baseline's list plus its inflections and common press synonyms.
REFUTE = frozenset("""fake fakes fraud fraudulent hoax hoaxes false falsely deny denies denied denying denial
    nope doubt doubts doubted doubtful bogus debunk debunks debunked debunking prank pranks retract retracts
    retracted retraction untrue myth fabricated fabrication misleading refute refutes refuted rebut rebutted
    dismiss dismissed dismisses baseless unfounded satire satirical incorrect lie lies lied scam rejected
    rejects reject disputed disputes dispute contrary""".split())
# Hedging / reporting-without-endorsement vocabulary (Hyland-style hedges plus press attribution of rumours).
HEDGE = frozenset("""reportedly allegedly alleged alleges allege claim claims claimed claiming purportedly
    purported apparently rumor rumors rumour rumours rumored rumoured unconfirmed unverified may might could
    possibly perhaps suggest suggests suggested suggesting appears appear seems seem seemed believed likely
    speculation speculated speculate supposedly unclear whether if report reports reported reporting sources
    source potentially possible""".split())
# Speech and attribution verbs: a sentence that has one is someone else's voice, not the outlet's.
ATTRIBUTION = frozenset("""said says say told tells stated states according announced announces added adds
    tweeted wrote writes insisted insists confirmed confirms explained noted declared spokesman spokeswoman
    spokesperson statement quoted""".split())
# Confirmation vocabulary: what agreeing texts use when they endorse a claim.
CONFIRM = frozenset("""confirmed confirms confirm confirming officially verified proved proven indeed revealed
    announced certainly definitely actually true""".split())

STOP = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "said", "says", "will", "would", "new"}

FEATURE_NAMES: tuple[str, ...] = (
    # relatedness
    "cov_idf", "cov_idf_lead", "cov_frac", "jaccard", "cos_body", "cos_best", "cos_top3", "cov_best",
    "bigram_body", "bigram_best", "trigram_body", "bm25", "n_sent_cov50", "best_pos", "num_claim",
    "num_found", "num_missing", "log_body_len", "log_claim_len", "oov_claim",
    # claim structure
    "claim_neg", "claim_refute", "claim_hedge", "claim_question", "claim_attrib", "claim_quote",
    # body-wide cues (per 100 tokens)
    "body_refute", "body_hedge", "body_neg", "body_attrib", "body_confirm", "body_question", "body_quote",
    # lead cues
    "lead_refute", "lead_hedge",
    # cues in the best-matching sentences
    "top_refute", "top_hedge", "top_neg", "top_attrib", "top_confirm", "best_refute", "best_hedge",
    "best_attrib", "best_neg_near", "top_neg_near", "neg_mismatch", "best_own_voice", "top_deny_near",
    "best_neg_plain",
)
N_FEATURES = len(FEATURE_NAMES)
_F = {n: i for i, n in enumerate(FEATURE_NAMES)}


def feature_index() -> dict[str, int]:
    """Column of each feature by name."""
    return dict(_F)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens; contractions stay whole so "didn't" keeps its negation."""
    return _TOKEN.findall(text.lower().replace("’", "'").replace("‘", "'"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "supplies"/"supplied"/"supply", cheap enough for every token."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def is_negation(tok: str) -> bool:
    return tok in NEGATION or tok in NEG_IMPLICATIVE or tok.endswith("n't")


def content_stems(tokens: list[str]) -> list[str]:
    return [stem(t) for t in tokens if t not in STOP and not is_negation(t) and len(t) > 1]


def split_sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENT_SPLIT.split(text)) if s]


@dataclass(slots=True)
class Vocabulary:
    """Term → idf, fitted on training text; unseen terms get the highest idf (they are rare by definition)."""

    idf: dict[str, float]
    avgdl: float
    max_idf: float

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.max_idf)

    @classmethod
    def fit(cls, docs: list[str], max_terms: int = 20_000, min_df: int = 2) -> Vocabulary:
        df: Counter[str] = Counter()
        lengths = []
        for d in docs:
            stems = content_stems(tokenize(d))
            lengths.append(len(stems))
            df.update(set(stems))
        n = len(docs)
        kept = [t for t, c in sorted(df.items(), key=lambda x: (-x[1], x[0]))[:max_terms] if c >= min_df]
        idf = {t: math.log((n + 1) / (df[t] + 1)) + 1.0 for t in kept}
        return cls(idf=idf, avgdl=float(np.mean(lengths)) if lengths else 1.0,
                   max_idf=math.log((n + 1) / 1.0) + 1.0)


@dataclass(slots=True)
class _Sentence:
    tokens: list[str]
    stems: list[str | None]  # content stem per token, None for stop words / negations
    flags: np.ndarray  # (len(tokens), 5) bool: negation, refute, hedge, attribution, confirm
    counts: np.ndarray  # flags summed
    tf: Counter[str]
    quoted: bool
    question: bool


@dataclass(slots=True)
class _Body:
    sentences: list[_Sentence]
    tf: Counter[str]
    n_tokens: int
    counts: np.ndarray  # body-wide cue counts
    bigrams: set[tuple[str, str]]
    trigrams: set[tuple[str, str, str]]
    numbers: set[str]
    lead_stems: set[str]
    lead_counts: np.ndarray
    questions: int
    quotes: int


def _flags(tokens: list[str]) -> np.ndarray:
    out = np.zeros((len(tokens), 5), dtype=bool)
    for i, t in enumerate(tokens):
        out[i] = (is_negation(t), t in REFUTE, t in HEDGE, t in ATTRIBUTION, t in CONFIRM)
    return out


def _sentence(text: str) -> _Sentence:
    tokens = tokenize(text)
    stems = [stem(t) if (t not in STOP and not is_negation(t) and len(t) > 1) else None for t in tokens]
    flags = _flags(tokens)
    return _Sentence(tokens, stems, flags, flags.sum(axis=0), Counter(s for s in stems if s),
                     quoted=bool(re.search(r"[\"“”]", text)), question="?" in text)


def _ngrams(seq: list[str], n: int) -> set[tuple]:
    return {tuple(seq[i:i + n]) for i in range(len(seq) - n + 1)}


@lru_cache(maxsize=4096)
def analyse_body(text: str) -> _Body:
    """Everything about a text that does not depend on the claim; cached because one text meets many claims."""
    sentences = [_sentence(s) for s in split_sentences(text)] or [_sentence(text)]
    tf: Counter[str] = Counter()
    bigrams: set = set()
    trigrams: set = set()
    for s in sentences:
        tf.update(s.tf)
        seq = [x for x in s.stems if x]
        bigrams |= _ngrams(seq, 2)
        trigrams |= _ngrams(seq, 3)
    lead = sentences[:2]
    return _Body(
        sentences=sentences, tf=tf, n_tokens=sum(len(s.tokens) for s in sentences),
        counts=np.sum([s.counts for s in sentences], axis=0), bigrams=bigrams, trigrams=trigrams,
        numbers=set(_NUMBER.findall(text)), lead_stems={x for s in lead for x in s.stems if x},
        lead_counts=np.sum([s.counts for s in lead], axis=0),
        questions=sum(s.question for s in sentences), quotes=sum(s.quoted for s in sentences),
    )


def _cosine(a: Counter[str], b: Counter[str], vocab: Vocabulary) -> float:
    common = a.keys() & b.keys()
    if not common:
        return 0.0
    dot = math.fsum(a[t] * b[t] * vocab.weight(t) ** 2 for t in common)
    na = math.sqrt(math.fsum((c * vocab.weight(t)) ** 2 for t, c in a.items()))
    nb = math.sqrt(math.fsum((c * vocab.weight(t)) ** 2 for t, c in b.items()))
    return dot / (na * nb)


def _neg_near(sent: _Sentence, targets: set[str], window: int = 4) -> int:
    """How many words of the claim, in this sentence, have a negation cue just before them ("will not sell")."""
    hits = 0
    neg = sent.flags[:, 0]
    for i, s in enumerate(sent.stems):
        if s in targets and neg[max(0, i - window):i].any():
            hits += 1
    return hits


def _neg_plain(sent: _Sentence, targets: set[str], window: int = 4, scope: int = 8) -> int:
    """Negated claim words with no hedge cue in the clause around them: a plain "X will not sell"."""
    neg, hedge = sent.flags[:, 0], sent.flags[:, 2]
    return sum(1 for i, s in enumerate(sent.stems)
               if s in targets and neg[max(0, i - window):i].any() and not hedge[max(0, i - scope):i + 2].any())


def _deny_near(sent: _Sentence, targets: set[str], window: int = 6) -> int:
    """Refutation words close to a matched claim word ("denied reports that it would sell")."""
    ref = sent.flags[:, 1]
    idx = [i for i, s in enumerate(sent.stems) if s in targets]
    return sum(bool(ref[max(0, i - window):i + window + 1].any()) for i in idx)


def pair_features(claim: str, text: str, vocab: Vocabulary) -> np.ndarray:
    """The feature vector (float32, ``N_FEATURES`` long, names in ``FEATURE_NAMES``) of one pair."""
    f = np.zeros(N_FEATURES, dtype=np.float32)
    body = analyse_body(text)
    c = _sentence(claim)
    cstems = [x for x in c.stems if x]
    cset = set(cstems)
    per100 = 100.0 / max(body.n_tokens, 1)
    f[_F["log_body_len"]] = math.log1p(body.n_tokens)
    f[_F["log_claim_len"]] = math.log1p(len(cstems))
    f[_F["claim_neg"]] = c.counts[0]
    f[_F["claim_refute"]] = c.counts[1]
    f[_F["claim_hedge"]] = c.counts[2]
    f[_F["claim_attrib"]] = c.counts[3]
    f[_F["claim_question"]] = c.question
    f[_F["claim_quote"]] = c.quoted
    f[_F["body_refute"]], f[_F["body_hedge"]] = body.counts[1] * per100, body.counts[2] * per100
    f[_F["body_neg"]], f[_F["body_attrib"]] = body.counts[0] * per100, body.counts[3] * per100
    f[_F["body_confirm"]] = body.counts[4] * per100
    f[_F["body_question"]] = body.questions / len(body.sentences)
    f[_F["body_quote"]] = body.quotes / len(body.sentences)
    f[_F["lead_refute"]], f[_F["lead_hedge"]] = body.lead_counts[1], body.lead_counts[2]
    nums = set(_NUMBER.findall(claim))
    f[_F["num_claim"]] = len(nums)
    f[_F["num_found"]] = len(nums & body.numbers)
    f[_F["num_missing"]] = len(nums - body.numbers)
    if not cset:
        return f
    w = {t: vocab.weight(t) for t in cset}
    wsum = math.fsum(w.values())
    found = cset & body.tf.keys()
    f[_F["cov_idf"]] = math.fsum(w[t] for t in found) / wsum
    f[_F["cov_idf_lead"]] = math.fsum(w[t] for t in cset & body.lead_stems) / wsum
    f[_F["cov_frac"]] = len(found) / len(cset)
    f[_F["jaccard"]] = len(found) / len(cset | body.tf.keys())
    f[_F["oov_claim"]] = sum(t not in vocab.idf for t in cset) / len(cset)
    ctf = Counter(cstems)
    f[_F["cos_body"]] = _cosine(ctf, body.tf, vocab)
    cb = _ngrams(cstems, 2)
    ct = _ngrams(cstems, 3)
    f[_F["bigram_body"]] = len(cb & body.bigrams) / len(cb) if cb else 0.0
    f[_F["trigram_body"]] = len(ct & body.trigrams) / len(ct) if ct else 0.0
    k1, b = 1.2, 0.75
    dl = sum(body.tf.values())
    norm = k1 * (1 - b + b * dl / max(vocab.avgdl, 1.0))
    f[_F["bm25"]] = math.fsum(w[t] * body.tf[t] * (k1 + 1) / (body.tf[t] + norm) for t in found) / wsum

    # Rank sentences by idf-weighted coverage of the claim (ties broken by cosine).
    scored = []
    for i, s in enumerate(body.sentences):
        cov = math.fsum(w[t] for t in cset & s.tf.keys()) / wsum
        scored.append((cov, _cosine(ctf, s.tf, vocab), i))
    scored.sort(key=lambda x: (-x[0], -x[1]))
    top = [body.sentences[i] for cov, _, i in scored[:3] if cov > 0] or [body.sentences[scored[0][2]]]
    best = top[0]
    f[_F["cov_best"]] = scored[0][0]
    f[_F["cos_best"]] = max(x[1] for x in scored)
    f[_F["cos_top3"]] = float(np.mean([x[1] for x in scored[:3]]))
    f[_F["n_sent_cov50"]] = sum(x[0] >= 0.5 for x in scored) / len(scored)
    f[_F["best_pos"]] = scored[0][2] / max(len(scored) - 1, 1)
    bseq = [x for x in best.stems if x]
    f[_F["bigram_best"]] = len(cb & _ngrams(bseq, 2)) / len(cb) if cb else 0.0
    tc = np.sum([s.counts for s in top], axis=0)
    f[_F["top_neg"]], f[_F["top_refute"]], f[_F["top_hedge"]] = tc[0], tc[1], tc[2]
    f[_F["top_attrib"]], f[_F["top_confirm"]] = tc[3], tc[4]
    f[_F["best_refute"]], f[_F["best_hedge"]], f[_F["best_attrib"]] = best.counts[1], best.counts[2], best.counts[3]
    f[_F["best_own_voice"]] = float(best.counts[3] == 0 and not best.quoted)
    best_neg = _neg_near(best, cset)
    f[_F["best_neg_near"]] = best_neg
    f[_F["top_neg_near"]] = sum(_neg_near(s, cset) for s in top)
    claim_neg = _neg_near(c, cset) > 0 or c.counts[0] > 0
    f[_F["neg_mismatch"]] = float((best_neg > 0) != claim_neg)
    f[_F["best_neg_plain"]] = _neg_plain(best, cset)
    f[_F["top_deny_near"]] = sum(_deny_near(s, cset) for s in top)
    return f


def batch_features(pairs: list[tuple[str, str]], vocab: Vocabulary) -> np.ndarray:
    """Feature matrix for many pairs; texts repeated across pairs are analysed once (``analyse_body`` cache)."""
    if not pairs:
        return np.zeros((0, N_FEATURES), dtype=np.float32)
    return np.stack([pair_features(c, t, vocab) for c, t in pairs])
