"""Is a named-entity span an actor at all? The spans NER tags as a person, organisation or group that are not.

Each rule reads the span's own form or the grammar around it, never a list of names:

* not a name: no capital letter ("heroin"), a verb or adverb at its root ("Rest assured ..."), fewer than two
  letters ("X."), one word the text cuts off ("Freedon…", or the last word of a truncated text);
* a modifier, not a head: a nationality or group adjective that modifies a noun ("European leaders",
  "the Kurdish militia", "Democratic Senator ..."); a compound adjective ("anti-Ruritania", "intra-Libyan",
  "Ruritanian-Freedonian", "U.S.-Greek", "Sino-", "Ruritanian- and Freedonian-made"); a coordination
  modifying a noun ("Tamil and Sinhala speakers");
* equipment: a model designation ("S-400", "F-35s") or a span that modifies or is equated with a weapon or
  vehicle noun ("Patriot missiles", "the X Express, a cross-country train");
* a place: a GeoNames city or a province the Phoenix dictionaries list, a span modifying or equated with a place noun ("X province", "X (air base)",
  "X is a radar base", "the provincial capital of X"), or a name the document's NER calls a place more often
  than anything else; one place mention makes the name a place throughout the document;
* a news outlet: the document's own outlet, a name ending in a newspaper word ("... Journal", "... Times"),
  a span modifying or equated with a medium ("X newspaper", "X media platform", "X's 'Show'", "an interview
  with X"), or what an outlet owns ("X's Arabic Desk"); likewise made document-wide;
* a law, document or event ("... Act", "the X Unity address", "... Tariff"), or a quoted phrase
  ("the 'Circle of X'");
* part of an office title: a portfolio between an office and a name ("Secretary of State Anna Kovar",
  "Commerce Secretary Omar Said", "National Security Adviser Lina Moor").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from parallax.extract.actors.coref import tokens_with
from parallax.extract.actors.dictionary import dictionary
from parallax.extract.actors.gazetteer import agent_for, city_country, fold, gazetteer
from parallax.extract.actors.titles import is_office, left_title
from parallax.extract.events.details import designations, names_equipment

# nouns a place name modifies ("X province"); an organisation is rarely written so
PLACE_NOUNS = {
    "province", "region", "city", "town", "village", "district", "county", "valley", "island", "peninsula",
    "prefecture", "oblast", "governorate", "municipality", "state", "suburb",
}
# nouns a place name is equated with ("X (air base)", "X is a radar base", "X, the provincial capital");
# as plain modifiers they are too often an organisation's ("a Freedonian Liberation Front camp")
SITE_NOUNS = PLACE_NOUNS | {
    "base", "airbase", "airport", "port", "station", "camp", "border", "area", "territory", "capital", "site",
    "settlement", "river", "sea", "coast", "desert", "mountain", "crossing", "tunnel",
}
VEHICLE_NOUNS = {"train", "ship", "vessel", "boat", "plane", "aircraft", "airliner", "flight", "bus", "truck",
                 "tanker", "ferry", "satellite", "system", "spacecraft"}
MEDIUM_NOUNS = {"newspaper", "paper", "daily", "weekly", "magazine", "outlet", "broadcaster", "website",
                "platform", "show", "editorial", "podcast", "tabloid", "survey", "poll"}
OUTLET_LAST_WORDS = {"journal", "times", "post", "news", "express", "herald", "gazette", "telegraph", "tribune",
                     "chronicle", "daily", "weekly", "magazine", "radio", "television", "tv", "broadcasting",
                     "newspaper", "dispatch", "inquirer", "courier", "guardian", "mirror", "sentinel", "wire"}
# a name ending in one of these is a law, document or occasion, not a body
DOCUMENT_WORDS = {"act", "law", "bill", "treaty", "accord", "agreement", "convention", "resolution", "doctrine",
                  "tariff", "tariffs", "pact", "protocol", "declaration", "charter", "initiative", "plan",
                  "strategy", "address", "speech", "summit", "index"}
# a name modifying one of these is the title of a speech or an index ("the Nation at Work address")
TITLE_OF_NOUNS = {"address", "speech", "index", "average"}
# offices whose modifier is a portfolio ("Commerce Secretary", "Defence Minister", "Security Adviser")
PORTFOLIO_OFFICES = {"secretary", "minister", "adviser", "advisor"}
# nouns that head an institution's name: "European Commission chief X" names the body, not a portfolio
INSTITUTION_HEADS = {
    "ministry", "department", "commission", "council", "committee", "agency", "office", "bureau", "union",
    "organization", "organisation", "party", "army", "navy", "force", "forces", "corps", "command", "guard",
    "police", "court", "parliament", "assembly", "senate", "congress", "government", "administration", "bank",
    "fund", "institute", "institution", "university", "foundation", "company", "corporation", "group",
    "association", "federation", "league", "front", "movement", "authority", "board", "cabinet", "embassy",
    "coalition", "alliance", "brigade", "service", "services", "center", "centre",
}
# English bound prefixes that make an adjective of a name: "anti-Ruritania", "intra-Afghan"
PREFIXES = {"anti", "pro", "intra", "inter", "non", "post", "pre", "counter", "pan", "trans", "cross", "ex",
            "neo", "mid", "multi", "bi", "tri", "extra", "ultra", "semi", "sub", "super", "over", "un", "de"}
_MOD_DEPS = {"compound", "amod", "nmod"}
_QUOTE_OPEN = {"“", '"', "‘", "'", "«"}
_QUOTE_CLOSE = {"”", '"', "’", "'", "»"}
_PLURAL_DESIGNATION = re.compile(r"(?<=\d)s\b")


def name_key(text: str) -> str:
    """A span's name as the document-wide decisions key it: folded, without article or possessive."""
    text = re.sub(r"[’']s?$", "", text.strip())
    return re.sub(r"^the\s+", "", fold(text))


def _modified(span: Span) -> list[Token]:
    """Common nouns the span modifies: "X province", "X railway station", "X of the Y address"."""
    out: list[Token] = []
    for t in (span[-1], span.root):
        while t.dep_ in _MOD_DEPS and t.head.i >= span.end and t.head not in out:
            t = t.head
            out.append(t)
        if out:
            break
    return [h for h in out if h.is_lower and h.pos_ in {"NOUN", "PROPN"}]


def _equated(span: Span) -> list[Token]:
    """Common nouns the text equates the span with: "X, a train", "X (air base)", "X is a base", "capital of X"."""
    doc, root = span.doc, span.root
    out: list[Token] = []
    if root.dep_ == "appos" and root.head.i < span.start:
        out.append(root.head)
    out += [c for c in root.children if c.dep_ == "appos" and c.i >= span.end][:1]  # the nearest only
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
        out += [c for c in root.head.children if c.dep_ in {"attr", "acomp"}]
    owner = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and owner.i < span.start and (
            owner.lemma_ in PLACE_NOUNS or owner.lemma_ == "capital"):
        out.append(owner)  # "the provincial capital of X"
    if span.end + 1 < len(doc) and doc[span.end].text == "(":
        close = next((i for i in range(span.end + 1, min(len(doc), span.end + 6)) if doc[i].text == ")"), None)
        if close is not None and close > span.end + 1:
            out.append(doc[close - 1])  # "X (air base)"
    return [h for h in out if h.is_lower and h.pos_ in {"NOUN", "PROPN"}]


def _media_cue(span: Span) -> int:
    """2: the span reports or is interviewed ("X reported", "seen by X", "an interview with X"); 1: it is told
    or cited ("told X", "according to X"); 0: anything else. A name with only such cues is a news outlet."""
    root = span.root
    head = root.head
    if root.dep_ in {"nsubj", "nsubjpass"} and head.lemma_ in {"report", "publish", "broadcast"}:
        return 2
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ in {"see", "obtain", "review", "report",
                                                                              "publish", "quote"}:
        return 2
    if root.dep_ == "pobj" and head.lower_ in {"with", "on", "to"} and head.head.lemma_ == "interview":
        return 2
    if root.dep_ in {"dobj", "dative"} and head.lemma_ == "tell":
        return 1
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return 1
    return 0


def _compound_adjective(span: Span) -> bool:
    last = span.text.split()[-1] if span.text.split() else ""
    if last.endswith("-"):
        return True  # "Ruritanian- and Freedonian-made": a suspended hyphen
    first = span.text.split()[0]
    if "-" in first and first.split("-")[0].lower() in PREFIXES:
        return True
    if "-" not in last:
        return False
    parts = [p for p in last.split("-") if p]
    forms = gazetteer().forms
    if len(parts) >= 2 and any(p in forms or p.rstrip("’'s") in forms for p in parts):
        return True  # "Ruritanian-Freedonian", "U.S.-Greek": a relation between countries, not a body
    return len(parts) >= 2 and parts[0].istitle() and parts[0].endswith("o") and len(parts[0]) <= 6  # "Sino-", "Afro-"


def _is_equipment_noun(tok: Token) -> bool:
    """A weapon or vehicle noun, unless its phrase names a kind of organisation ("think tank")."""
    phrase = " ".join(t.text for t in tok.lefts if t.dep_ == "compound") + " " + tok.text
    if agent_for(phrase) is not None:
        return False
    return tok.lemma_.lower() in VEHICLE_NOUNS or names_equipment([tok.lemma_.lower()])


def _equipment(span: Span, modified: list[Token], equated: list[Token]) -> bool:
    """A model designation, a name equated with a vehicle or weapon, or a country's weapon ("U.S. Patriot missiles").

    A plain name modifying a weapon noun is usually its owner ("Liberation Front rockets"), so that alone
    does not count."""
    text = _PLURAL_DESIGNATION.sub("", span.text)
    if any(("-" in d or "/" in d) for d in designations(text)):
        return True
    if any(_is_equipment_noun(h) for h in equated) or names_equipment([t.lemma_.lower() for t in span]):
        return True
    forms = gazetteer().forms
    return any(_is_equipment_noun(h) for h in modified[:1]) and len(span) >= 2 and span[0].text in forms


def _modifier(span: Span) -> bool:
    """The span only modifies a noun to its right (an adjective, not a name standing for an actor)."""
    root = span.root
    if root.dep_ not in _MOD_DEPS or root.head.i < span.end:
        last = span[-1]
        if any(t.pos_ == "CCONJ" for t in span) and last.dep_ in _MOD_DEPS and last.head.i >= span.end:
            return True  # "Tamil and Sinhala speakers": a coordination of adjectives
        return False
    if span.label_ == "NORP":
        return True
    if root.tag_ in {"JJ", "JJR", "JJS"} or any(t.pos_ == "CCONJ" for t in span):
        return True  # "Christian-Democratic parties", "Tamil and Sinhala speakers"
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.tag_ == "PRP$" and root.head.is_lower  # "its XR industry"


def _portfolio(span: Span) -> bool:
    """A portfolio inside an office title: "Secretary of State X", "Commerce Secretary X"."""
    if span[-1].lower_ in INSTITUTION_HEADS or span.label_ != "ORG":
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in PORTFOLIO_OFFICES:
        nxt = doc[span.end + 1: span.end + 4]
        if any(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.is_title and not is_office(t)) for t in nxt):
            return True
    return (span.start >= 2 and len(span) <= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in PORTFOLIO_OFFICES)


def _cut_off(span: Span) -> bool:
    """A one-word name where the text itself stops mid-word ("... talks with Freedon" at the end of a truncated
    text, "Freedon…"): a fragment, not a name."""
    doc, last = span.doc, span[-1]
    if len(span) != 1 or last.whitespace_:
        return False
    if span.end == len(doc):
        return last.text[-1].isalnum()
    return doc[span.end].text in {"…", "...", ".."}


def _quoted(span: Span) -> bool:
    """A phrase in quotation marks ("the 'Circle of X,'"): a label or a title, not a body's name."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    opens = any(t.text in _QUOTE_OPEN for t in span[:2]) or (
        before is not None and before.text in _QUOTE_OPEN and before.whitespace_ == "")
    closes = span[-1].text in _QUOTE_CLOSE or any(t.text in _QUOTE_CLOSE for t in doc[span.end: span.end + 2])
    return opens and closes


class NonActors:
    """Per-document judgement of which entity spans are not actors (see the module docstring)."""

    def __init__(self, spans: list[Span], outlet: str | None = None) -> None:
        self.places: set[str] = set()
        self.outlets: set[str] = set()
        self._own = _own_outlet_keys(outlet)
        votes: dict[str, Counter[str]] = {}
        for sp in spans:
            key = name_key(sp.text)
            votes.setdefault(key, Counter())["place" if sp.label_ in {"GPE", "LOC", "FAC"} else sp.label_] += 1
            modified, equated = _modified(sp), _equated(sp)
            if (any(h.lemma_.lower() in PLACE_NOUNS for h in modified[:1])
                    or (sp[-1].is_lower and sp[-1].lower_ in PLACE_NOUNS)  # "the X region"
                    or any(h.lemma_.lower() in SITE_NOUNS for h in equated)):
                self.places.add(key)
            if sp.label_ in {"ORG", "NORP", "PERSON"} and self._outlet_context(sp, modified + equated):
                self.outlets.add(key)
        if spans:
            doc = spans[0].doc
            for paren in tokens_with(doc, "ORTH", {"("}):  # "Both X (air base) and ...": a place untagged
                tok = doc[paren.i - 1] if paren.i > 0 else paren
                if tok.pos_ == "PROPN" and tok.is_title and tok.i + 1 < len(tok.doc) and tok.nbor().text == "(":
                    if any(h.lemma_.lower() in SITE_NOUNS for h in _equated(tok.doc[tok.i: tok.i + 1])):
                        self.places.add(name_key(tok.text))
        for key, c in votes.items():
            if c["place"] > sum(n for label, n in c.items() if label != "place"):
                self.places.add(key)
        cues: dict[str, list[int]] = {}
        for sp in spans:
            if sp.label_ == "ORG":
                cues.setdefault(name_key(sp.text), []).append(_media_cue(sp))
        self.outlets |= {key for key, c in cues.items() if min(c) >= 1 and max(c) == 2}
        self._solo_words = {w.lower() for sp in spans if sp.label_ == "PERSON" and len(sp) > 1
                            for w in sp.text.split()}

    def _outlet_context(self, span: Span, heads: list[Token]) -> bool:
        doc = span.doc
        words = re.sub(r"[’']s?$", "", span.text).split()
        if not words:
            return False
        if self._is_own(words):
            return True
        if words[-1].lower() in OUTLET_LAST_WORDS and words[-1].istitle():
            return True
        if any(h.lemma_.lower() in MEDIUM_NOUNS for h in heads):
            return True
        nxt = doc[span.end - 1: span.end + 2]
        if any(a.text in {"'s", "’s", "'", "’"} and b.text in _QUOTE_OPEN for a, b in zip(nxt, nxt[1:])):
            return True  # "X's 'Meet the Nation' show"
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in {"with", "on", "to"} and root.head.head.lemma_ == "interview":
            return True
        before = doc[span.start - 2: span.start] if span.start >= 2 else None
        return bool(before) and before[1].text in {"'s", "’s"} and self._is_own([before[0].text])

    def _is_own(self, words: list[str]) -> bool:
        if not self._own or not words:
            return False
        first = fold(words[0]).strip(".")
        joined = re.sub(r"[^a-z0-9]", "", fold(" ".join(words)))
        return (first in self._own or joined in self._own
                or (words[0].isupper() and len(first) >= 2 and any(k.startswith(first) for k in self._own)))

    def reason(self, span: Span) -> str | None:
        """Why this PERSON/ORG/NORP span is no actor, or None when it may be one."""
        text = span.text
        if sum(c.isalpha() for c in text) < 2 or not any(c.isupper() for c in text):
            return "not a name"
        if len(span) == 1 and span[0].pos_ in {"VERB", "AUX", "ADV", "ADP", "PRON", "SCONJ"}:
            return "not a name"
        if _cut_off(span):
            return "a word cut off"
        if _quoted(span):
            return "a quoted phrase"
        if _compound_adjective(span):
            return "a compound adjective"
        modified, equated = _modified(span), _equated(span)
        if _equipment(span, modified, equated):
            return "equipment"
        key = name_key(text)
        if key in self.places or self._city(span, key):
            return "a place"
        if key in self.outlets:
            return "a news outlet"
        if span[-1].lower_ in DOCUMENT_WORDS or any(h.lemma_.lower() in TITLE_OF_NOUNS for h in modified):
            return "a law, document or event"
        if _modifier(span):
            return "a modifier"
        if _portfolio(span):
            return "part of an office title"
        return None

    def _city(self, span: Span, key: str) -> bool:
        """A city (GeoNames) or a province or other place of a country (the Phoenix dictionaries); a lone
        PERSON word only when no full name in the document ends in it and no title precedes it."""
        if key in gazetteer().forms or (span.text in gazetteer().forms):
            return False
        if city_country(key) is None and dictionary().place(span.text) is None:
            return False
        if span.label_ != "PERSON":
            return True
        return len(span) == 1 and key not in self._solo_words and not any(is_office(t) for t in left_title(span))


def _own_outlet_keys(outlet: str | None) -> set[str]:
    """Forms the document's own outlet goes by: "example.com" -> {"example"}; "The Daily X" -> {"thedailyx"}."""
    if not outlet:
        return set()
    low = fold(outlet).removeprefix("www.")
    keys = {re.sub(r"[^a-z0-9]", "", low)}
    if "." in low and " " not in low:
        keys = {low.split(".")[0]}
    return {k for k in keys if len(k) >= 2}
