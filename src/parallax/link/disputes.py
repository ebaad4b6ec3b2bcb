"""Accusation against denial across a story: one claim, the accusers' statements on one side, the denials on the
other.

Each document's denials come from ``parallax.extract.disputes`` (per-document records ``<doc>:d<n>``: what is
denied, by whom, and where the document itself tells the allegation, if it does). Across the story:

- denials of one allegation are joined: the same accused party (the denier's country, or the countries the
  allegation names) and enough of the allegation's words in common (idf-weighted, ``SAME_DISPUTE``), or the
  same span of text told as the allegation;
- the allegation's own statements are looked for in every document: a sentence that names the accused party,
  says enough of what the denials reject (idf-weighted coverage ``TOLD``, at least ``MIN_SHARED`` words besides
  the party), and is neither a denial, a question nor a condition. The best ``MAX_TOLD`` per document are kept;
- what a source will not confirm ("did not confirm the death of the driver") is matched against reports of it
  in any voice, with no party to name and more of its words (``REPORTED``);
- a dispute with no statement of the allegation anywhere is dropped: a rejection of "claims" nobody in the
  story makes is no contradiction the reader can check.

Each dispute becomes a claim named by the allegation, its mentions supporting (the accusers) and refuting (the
deniers); ``link.claim_conflicts`` then reports it as a contradiction of kind ``claim`` like any other.
Matching is by words (content stems, country names folded to their ISO code), never by a story's vocabulary.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from parallax.link.claim_names import clean_clause
from parallax.link.stance.features import STOP, stem
from parallax.link.unionfind import UnionFind
from parallax.model import Actor, Claim, ClaimMention, Contradiction, ContradictionSide, Document, Evidence

SAME_DISPUTE = 0.35  # weighted overlap of two denials' allegations (of the smaller) to join them
TOLD = 0.34  # weighted share of the allegation's words a sentence must say to tell it
MIN_SHARED = 3  # ... and at least this many of them, the accused party not counted, one not a name
REPORTED = 0.5  # share of the words of what a source will not confirm that a report of it must say
MAX_TOLD = 2  # statements of the allegation kept per document
MAX_POSTING = 500  # denials sharing one word or party beyond this many are not compared on it
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]")
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_SAYS = re.compile(r"\b(?:sa(?:y|ys|id)|t(?:ell|ells|old)|according to|claim(?:s|ed)?|accus(?:e|es|ed|ing)|"
                   r"blam(?:e|es|ed|ing)|alleg(?:e|es|ed|ing|ation|ations)|assert(?:s|ed)?|insist(?:s|ed)?|"
                   r"reiterat(?:e|es|ed)|confirm(?:s|ed)?|assess(?:es|ed)?|statement|charg(?:e|es|ed)|"
                   r"report(?:s|ed)?|warn(?:s|ed)?)\b|[\"“”]", re.I)
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "this", "that"})
_CONDITION = re.compile(r"^\W*(?:if|unless|whether)\b", re.I)
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut\w*|rebut\w*|"
                     r"baseless|unfounded|groundless|completely false)\b", re.I)


def is_dispute(claim: Claim) -> bool:
    """A per-document dispute record (denial ``<doc>:d<n>``, reported disagreement ``<doc>:g<n>``) rather than
    a quote claim (``<doc>:c<n>``)."""
    return re.search(r":[dg]\d+$", claim.id) is not None


def disagreements(records: Sequence[Claim], docs: Mapping[str, Document],
                  actors: Mapping[str, Actor]) -> list[Contradiction]:
    """Disagreements the outlets report ("X and Y disagreed about Z"), one contradiction per pair of parties
    and topic, each party a side; the reporting sentences are the evidence of both."""
    out: dict[str, Contradiction] = {}
    for r in records:
        if not re.search(r":g\d+$", r.id) or len(r.mentions) != 2 or r.mentions[0].doc not in docs:
            continue
        a, b = (actors.get(m.holder or "") for m in r.mentions)
        if a is None or b is None or a.id == b.id:
            continue
        key = "\x1f".join(sorted((a.id, b.id)) + sorted(terms(r.text)))
        cid = "g" + hashlib.sha1(key.encode()).hexdigest()[:12]
        ev = Evidence(r.mentions[0].doc, r.mentions[0].start, r.mentions[0].end)
        if cid in out:
            for side in out[cid].sides:
                side.evidence.append(ev)
            continue
        out[cid] = Contradiction(id=cid, kind="claim", about=f"{a.name} and {b.name} disagree: {r.text}",
                                 sides=[ContradictionSide(f"{a.name}'s position", [ev]),
                                        ContradictionSide(f"{b.name}'s position", [ev])])
    return list(out.values())


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Country surface forms (names, demonyms, capitals) → ISO3, from the actor gazetteer."""
    from parallax.extract.actors.gazetteer import gazetteer

    return {form: e.iso3 for form, e in gazetteer().forms.items() if e.iso3 and e.kind != "bloc"}


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """The first words of the country forms: only where one stands is a longer name looked up."""
    return frozenset(f.split()[0] for f in _forms())


@lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[str, ...]:
    """One word's terms: its parts' stems, a country name among them as ``@ISO3`` ("anti-Pakistan")."""
    forms, out = _forms(), []
    for part in re.split(r"[-.'’]", word.lower()):
        iso = forms.get(part.capitalize())
        if iso and len(part) > 3:
            out.append("@" + iso)
        elif part and part not in STOP and len(part) > 2:
            out.append(_fold(part))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _fold(word: str) -> str:
    """The stance features' stem, a final "e" or "y" dropped: "injured", "injuries" and "injury" meet, as do
    "provide" and "providing"."""
    s = stem(word)
    return s[:-1] if len(s) > 4 and s.endswith(("e", "y")) else s


def terms(text: str) -> list[str]:
    """Content stems of a text, country names as ``@ISO3`` ("Afghan soil" and "Afghanistan" share ``@AFG``)."""
    forms, starts = _forms(), _starts()
    words = _WORD.findall(text.replace("’", "'"))
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w[:1].isupper() and (w in starts or w.rstrip("'s").rstrip("'") in starts):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(words[i:i + n])
                iso = forms.get(phrase) or forms.get(phrase.rstrip("'s").rstrip("'"))
                if iso:
                    out.append("@" + iso)
                    i += n
                    break
            else:
                out += _word_terms(w)
                i += 1
            continue
        out += _word_terms(w)
        i += 1
    return out


_RAW = re.compile(r"[a-z]+")


def _raw_stem(word: str) -> str:
    return _fold(word)


def _raw(text: str) -> frozenset[str]:
    """A cheap cut of a text's terms (lower-case stems, no country folding): to choose the sentences worth
    reading in full and to weigh words by how rare they are in the story."""
    return frozenset(_raw_stem(w) for w in _RAW.findall(text.lower()) if len(w) > 2 and w not in STOP)


class _Sentence:
    """A sentence of a document; what matching reads of it is computed when first asked."""

    __slots__ = ("doc", "start", "end", "body", "_raw", "_terms", "_names")

    def __init__(self, doc: str, start: int, end: int, body: str):
        self.doc, self.start, self.end, self.body = doc, start, end, body
        self._raw: frozenset[str] | None = None
        self._terms: frozenset[str] | None = None
        self._names: frozenset[str] | None = None

    @property
    def raw(self) -> frozenset[str]:
        if self._raw is None:
            self._raw = _raw(self.body)
        return self._raw

    @property
    def usable(self) -> bool:
        """Not a denial, a question or a condition."""
        b = self.body
        return not b.rstrip("\"'”’ ").endswith("?") and not _CONDITION.match(b) and not _DENIAL.search(b)

    @property
    def attributed(self) -> bool:
        """Someone's statement: an allegation is somebody's."""
        return bool(_SAYS.search(self.body))

    @property
    def terms(self) -> frozenset[str]:
        if self._terms is None:
            self._terms = frozenset(terms(self.body))
        return self._terms

    @property
    def names(self) -> frozenset[str]:
        """The terms written with a capital: names, which alone say nothing was alleged."""
        if self._names is None:
            self._names = frozenset(terms(" ".join(w for w in _WORD.findall(self.body) if w[:1].isupper())))
        return self._names


def _sentences(doc: Document) -> list[_Sentence]:
    """The document's sentences (split by punctuation, as ``verify`` does)."""
    text = doc.text or ""
    cuts = [(m.start() + len(m.group(0)) - len(m.group(0).lstrip("\"'”’)")), m.end())
            for m in _SENT_END.finditer(text)]
    out, pos = [], 0
    for end, nxt in [*cuts, (len(text), len(text))]:
        piece = text[pos:end]
        s, e = pos + len(piece) - len(piece.lstrip()), pos + len(piece.rstrip())
        if e - s >= 12:
            out.append(_Sentence(doc.id, s, e, text[s:e]))
        pos = nxt
    return out


def _country(actor_id: str | None, actors: Mapping[str, Actor]) -> str | None:
    a = actors.get(actor_id or "")
    return "@" + a.country if a is not None and a.country else None


def _accused(c: Claim, actors: Mapping[str, Actor]) -> set[str]:
    """Who the allegation is about: the denier's country (parties deny what is said of them), else the
    countries it names; nobody for what a source will not confirm (a report of fact, not an accusation)."""
    if c.mode == "unconfirmed":
        return set()
    own = _country(c.holder, actors)
    return {own} if own else {t for t in terms(c.text) if t.startswith("@")}


def _weighted(a: Counter | set, b: set, idf: Mapping[str, float]) -> float:
    total = math.fsum(idf.get(t, 1.0) for t in a)
    return math.fsum(idf.get(t, 1.0) for t in a if t in b) / total if total else 0.0


class _Story:
    """What matching reads of the story's documents, cheaply: each document's words (for rarity and to choose
    the documents worth reading) and, only for the documents chosen, their sentences."""

    def __init__(self, docs: Mapping[str, Document], asked: Sequence[str]):
        """``asked``: the texts whose words will be looked up (only those words are counted)."""
        self.docs = docs
        wanted = {v for t in asked for w in _RAW.findall(t.lower()) for v in (w, w + "s", w[:-1])}
        df: Counter = Counter()
        self.postings: dict[str, list[str]] = {}
        for d, doc in docs.items():
            for w in wanted.intersection(_RAW.findall((doc.text or "").lower())):
                df[w] += 1
                self.postings.setdefault(w, []).append(d)
        n = len(docs)
        self.idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
        self._sentences: dict[str, list[_Sentence]] = {}
        self._naming: dict[str, set[str]] = {}

    def sentences(self, doc: str) -> list[_Sentence]:
        if doc not in self._sentences:
            self._sentences[doc] = _sentences(self.docs[doc]) if doc in self.docs else []
        return self._sentences[doc]

    def naming(self, parties: set[str]) -> set[str] | None:
        """The documents whose text holds a name of one of the parties (``@ISO3``); None: any document."""
        if not parties:
            return None
        out: set[str] = set()
        for p in parties:
            if p not in self._naming:
                forms = [f for f, iso in _forms().items() if "@" + iso == p and len(f) > 3]
                self._naming[p] = {d for d, doc in self.docs.items() if any(f in (doc.text or "") for f in forms)}
            out |= self._naming[p]
        return out

    def weight(self, term: str) -> float:
        return self.idf.get(term, 1.0)

    def candidates(self, text: str, least: int) -> list[str]:
        """Documents holding at least ``least`` of the words of ``text`` (exact or with an "s" more or less),
        the words in more than half of a large story's documents left out."""
        cap = max(len(self.docs) // 2, 50)
        counts: Counter = Counter()
        for w in {w for w in _RAW.findall(text.lower()) if len(w) > 2 and w not in STOP}:
            hits = set(self.postings.get(w, ())) | set(self.postings.get(w + "s", ())) | set(
                self.postings.get(w[:-1], ()) if w.endswith("s") else ())
            if len(hits) <= cap:
                counts.update(hits)
        return sorted(d for d, c in counts.items() if c >= least)


def dispute_claims(records: Sequence[Claim], docs: Mapping[str, Document],
                   actors: Mapping[str, Actor]) -> list[Claim]:
    """One claim per disputed allegation with its accusers' and deniers' statements (see module doc)."""
    records = [r for r in records if r.mentions and r.mentions[0].doc in docs and re.search(r":d\d+$", r.id)]
    if not records:
        return []
    story = _Story(docs, [r.text for r in records])
    idf = {}  # term weights: a stem weighs as the rarest word it comes from
    allegation = [set(terms(r.text)) for r in records]
    for r, words in zip(records, allegation):
        for w in _RAW.findall(r.text.lower()):
            t = _raw_stem(w)
            if t in words:
                idf[t] = max(idf.get(t, 0.0), story.weight(w))
    accused = [_accused(r, actors) for r in records]
    denier = [_country(r.holder, actors) for r in records]
    told = [{(m.doc, m.start) for m in r.mentions if m.stance == "supports"} for r in records]
    uf = UnionFind()
    near: dict[str, list[int]] = {}  # records by document, denier and allegation word: pairs worth comparing
    for i, r in enumerate(records):
        for k in {r.mentions[0].doc, denier[i] or "", *allegation[i]} - {""}:
            near.setdefault(k, []).append(i)
    pairs = {(i, j) for ids in near.values() if len(ids) <= MAX_POSTING for i in ids for j in ids if i < j}
    for i, j in sorted(pairs):
        if records[i].mode != records[j].mode or (denier[i] and denier[j] and denier[i] != denier[j]):
            continue  # two parties denying are two disputes, whatever the words
        one_doc = records[i].mentions[0].doc == records[j].mentions[0].doc
        if not one_doc and not (denier[i] and denier[j]) and accused[i] and accused[j] \
                and not accused[i] & accused[j]:
            continue
        # one party's denials in one text are one dispute ("rejected the allegation ... 'baseless'")
        same_party = one_doc and denier[i] and denier[j]
        small, big = sorted((allegation[i] - accused[i], allegation[j] - accused[j]), key=len)
        if same_party or (told[i] & told[j]) or (small and _weighted(small, big, idf) >= SAME_DISPUTE):
            uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(uf.find(i), []).append(i)
    out = []
    for members in groups.values():
        claim = _claim([records[i] for i in members], set().union(*(accused[i] for i in members)),
                       set().union(*(allegation[i] for i in members)), story, idf)
        if claim is not None:
            out.append(claim)
    return out


def _claim(group: list[Claim], accused: set[str], words: set[str], story: _Story,
           idf: Mapping[str, float]) -> Claim | None:
    refuting = [m for r in group for m in r.mentions if m.stance == "refutes"]
    supporting = [m for r in group for m in r.mentions if m.stance == "supports"]
    denied = {(m.doc, s.start) for m in refuting for s in story.sentences(m.doc) if s.start < m.end and m.start < s.end}
    said = {(m.doc, m.start, m.end) for m in supporting}
    content = words - accused
    withheld = all(r.mode == "unconfirmed" for r in group)  # a report of fact: no party, no attribution needed
    found: dict[str, list[tuple[float, _Sentence]]] = {}
    raw_content = _raw(" ".join(r.text for r in group))
    naming = None if withheld else story.naming(accused)
    for doc in story.candidates(" ".join(r.text for r in group), MIN_SHARED - 1):
        if naming is not None and doc not in naming:
            continue  # the accused party is named nowhere in it
        for s in story.sentences(doc):
            if (s.doc, s.start) in denied or len(raw_content & s.raw) < MIN_SHARED - 1 or not s.usable:
                continue  # (the cheap cut first: the party may be one of the words shared)
            if not withheld and (not s.attributed or (accused and not accused & s.terms)):
                continue
            shared = content & s.terms
            if len(shared) < MIN_SHARED or not shared - s.names:
                continue
            score = _weighted(content, s.terms, idf)
            if score >= (REPORTED if withheld else TOLD):
                found.setdefault(s.doc, []).append((score, s))
    for m in refuting:  # "X blamed Y for Z. Y denies ...": the sentence before a denial tells what it denies
        before = [s for s in story.sentences(m.doc) if s.end <= m.start]
        if before and before[-1].usable and (s := before[-1]).terms & accused and s.terms & content:
            found.setdefault(s.doc, []).append((1.0, s))
    for doc, scored in found.items():
        for _, s in sorted(scored, key=lambda x: -x[0])[:MAX_TOLD]:
            if not any(d == doc and a < s.end and s.start < b for d, a, b in said):
                supporting.append(ClaimMention(doc=doc, stance="supports", start=s.start, end=s.end))
    if not supporting:
        return None
    name = min((r.text for r in group), key=lambda t: (t.split(maxsplit=1)[0].lower() in _PRONOUNS,
                                                         abs(len(t.split()) - 14), t))
    if withheld:  # "the death of the driver" is what was withheld; the report of it says it as a claim
        texts = [clean_clause((story.docs[m.doc].text or "")[m.start:m.end]) for m in supporting]
        name = min((t for t in texts if t), key=len, default=name)
    key = "\x1f".join(sorted(f"{m.doc}:{m.start}" for m in refuting))
    mentions = sorted({(m.doc, m.start, m.end, m.stance): m for m in supporting + refuting}.values(),
                      key=lambda m: (m.doc, m.start))
    return Claim(id="d" + hashlib.sha1(key.encode()).hexdigest()[:12], text=name, proposition=name,
                 holder=None, mode="asserted", mentions=mentions)
