"""Office, country and organisation of a named person, read from the parse around the name.

Three constructions carry nearly all of it in news prose:

* a title before the name: "Ruritanian Trade Minister Anna Kovar", "Army Chief Gen. Ilya Brann",
  "the then navy chief Omar Said" (left modifiers whose heads lead into the name);
* an apposition after it: "Tom Reyes, a defence analyst with the Centre for Policy Studies,";
* an apposition before it: "Freedonia's National Security Adviser, Lina Moor".

Country comes from a country name, demonym or capital inside the title (possessives included); the
organisation from an ORG entity there.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from parallax.extract.actors.dictionary import dictionary
from parallax.extract.actors.gazetteer import Entry

TITLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "nummod", "advmod", "npadvmod", "appos"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam", "mx", "mx."}
NOT_OFFICES = {"counterpart", "counterparts", "colleague", "friend", "wife", "husband", "son", "daughter"}
OFFICE_HEADS = {  # NER often calls an office an ORG ("National Security Adviser")
    "adviser", "advisor", "minister", "secretary", "chief", "spokesman", "spokesperson", "spokeswoman",
    "ambassador", "president", "general", "commander", "director", "envoy", "premier", "chancellor",
}


@dataclass(slots=True)
class RoleInfo:
    role: str | None
    country: str | None
    organization: str | None
    start: int  # character span of title + name, the evidence of the claim
    end: int


def _clean_role(tokens: list[Token], skip: set[int]) -> str | None:
    words = []
    for t in tokens:
        if t.i in skip or t.dep_ in {"det", "case", "punct"} or t.pos_ in {"DET", "PUNCT", "ADP"}:
            if words and t.pos_ == "ADP" and t.lower_ == "of":  # "Minister of Defence"
                words.append(t.text)
            continue
        if t.lower_ in HONORIFICS or t.text in {"'s", "’s"} or t.pos_ == "PRON":
            continue
        if t.lower_ == "then" and not words:
            words.append("then")
            continue
        words.append(t.text)
    while words and words[-1].lower() in {"of", "then"}:
        words.pop()
    if words and words[0] == "then":
        words[0] = "then"
    role = " ".join(words).strip()
    return role or None


def _ents_in(tokens: list[Token], label: set[str]) -> list[Span]:
    if not tokens:
        return []
    doc = tokens[0].doc
    out = []
    for t in tokens:  # from token IOB tags: ``doc.ents`` rebuilds every span on each call
        if t.ent_iob_ == "B" and t.ent_type_ in label:
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            out.append(doc[t.i:end])
    return out


def _country(tokens: list[Token], gaz: dict[int, tuple[Span, Entry]]) -> tuple[str | None, set[int]]:
    """ISO3 of the first country/demonym/capital in the tokens, and the token indices that said it; else the
    country of a province or city named there ("Ontario Premier"), which stays part of the title."""
    for t in tokens:
        hit = gaz.get(t.i)
        if hit and hit[1].iso3:
            span = hit[0]
            used = set(range(span.start, span.end))
            if span.end < len(t.doc) and t.doc[span.end].text in {"'s", "’s"}:
                used.add(span.end)
            return hit[1].iso3, used
    places = dictionary()
    for k, t in enumerate(tokens):
        if t.pos_ != "PROPN" or not t.is_title:
            continue
        for n in (2, 1):  # "Khyber Pakhtunkhwa" before "Khyber"
            words = tokens[k:k + n]
            if len(words) == n and (iso3 := places.place(" ".join(w.text for w in words))):
                return iso3, set()
    return None, set()


def left_title(name: Span) -> list[Token]:
    """Tokens before the name that modify it: "Ruritanian Foreign Minister" in "... Minister Anna Kovar"."""
    doc, inside = name.doc, set(range(name.start, name.end))
    out: list[Token] = []
    i = name.start - 1
    while i >= name.sent.start:
        t = doc[i]
        if t.is_punct and t.text not in {".", "-"} or t.pos_ in {"VERB", "AUX", "PRON", "CCONJ", "SCONJ"}:
            break
        if t.pos_ == "DET":
            break
        if _of_phrase(t, name.start):  # "Secretary of State", "Minister of Foreign Affairs": keep walking
            out.insert(0, t)
            i -= 1
            continue
        if t.head.i not in inside and t.head.i not in {o.i for o in out} and t.dep_ not in TITLE_DEPS:
            break
        if t.pos_ == "ADP":
            break
        if t.ent_type_ and t.ent_type_ not in {"NORP", "GPE", "ORG", "LOC", "FAC"} and not title_word(t):
            break
        out.insert(0, t)
        i -= 1
    while out and (out[0].pos_ in {"ADP", "PART"} or out[0].is_punct):
        out.pop(0)
    return out


def _of_phrase(t: Token, name_start: int) -> bool:
    """A word of an "of" phrase inside a title before a name: "of" attached to a title word left of it, or a
    capitalised noun under such an "of" ("Secretary of State Anna Kovar")."""
    of = t if t.lower_ == "of" and t.dep_ == "prep" else t.head if t.dep_ in {"pobj", "compound"} else None
    if of is not None and of.dep_ == "pobj":  # "of Foreign Affairs": compound under the object
        of = of.head
    if of is None or of.lower_ != "of" or of.dep_ != "prep" or of.i >= name_start:
        return False
    title = of.head
    return title.i < of.i and title.pos_ in {"NOUN", "PROPN"} and is_office(title) and (
        t is of or (t.pos_ in {"PROPN", "NOUN"} and t.is_title))


def is_office(tok: Token) -> bool:
    """An office or role noun ("Minister", "analyst", "spokesperson"): the agent table knows it."""
    from parallax.extract.actors.gazetteer import agent_for

    return tok.pos_ in {"NOUN", "PROPN"} and tok.ent_type_ != "PERSON" and (
        agent_for(tok.text) is not None or tok.lower_ in NOT_OFFICES)


def title_word(tok: Token) -> bool:
    """A word that belongs in a title even when NER tags it PERSON ("Kazakh Defence" Minister)."""
    from parallax.extract.actors.gazetteer import agent_for, gazetteer

    return tok.text in gazetteer().forms or agent_for(tok.text) is not None


def _comma_title(name: Span) -> list[Token]:
    """"the Freedonian Defence Minister, Ana Lind": the parser often misses this apposition."""
    i = name.start - 2
    if i < name.sent.start or name.doc[name.start - 1].text != ",":
        return []
    head = name.doc[i]
    for _ in range(3):  # "X's permanent representative to the United Nations, Y": up from "Nations" to the office
        if is_office(head) or head.head is head or not name.sent.start <= head.head.i < i:
            break
        head = head.head
    if not is_office(head) or max(t.i for t in head.subtree if t.i < name.start) != i:
        return []
    return [t for t in head.subtree if t.i <= i and t.i >= name.sent.start]


def _split_title(name: Span) -> list[Token]:
    """"Ruritania's army chief of staff Omar Said said": the parser made the office and the name two subjects
    of one verb; the office's phrase right before the name is the title."""
    doc = name.doc
    if name.start == 0:
        return []
    h = doc[name.start - 1]
    for _ in range(3):  # from "staff" up through "of" to "chief"
        if h.head.i >= name.start or h.head.i < name.sent.start or h.head is h or h.dep_ not in {"pobj", "prep"}:
            break
        h = h.head
    if not is_office(h) or h.i >= name.start or h.head.i != name.root.head.i or h.dep_ != name.root.dep_:
        return []
    toks = [t for t in h.subtree if t.i < name.start]
    return toks if toks and toks[-1].i == name.start - 1 and len(toks) <= 12 else []


def _appos_after(name: Span) -> list[Token]:
    """The apposition right after the name: "Tom Reyes, a defence analyst with ...,"."""
    root = name.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= name.end and child.ent_type_ != "PERSON" and (
                is_office(child) or child.pos_ == "NOUN" or any(t.ent_type_ == "ORG" for t in child.subtree)):
            toks = [t for t in child.subtree if t.i >= name.end]
            return _cut_at_comma(toks)
    return []


def _of_after(name: Span) -> list[Token]:
    """The "of" phrase right after a titled name: "Colonel Ana Ruiz of the Chilean Army", "Minister X of Peru"."""
    doc = name.doc
    if name.end < len(doc) and doc[name.end].lower_ == "of" and doc[name.end].head.i in range(name.start, name.end):
        return _cut_at_comma(list(doc[name.end].subtree))
    return []


def _appos_before(name: Span) -> list[Token]:
    """The title a name stands in apposition to: "Freedonia's National Security Adviser, Lina Moor"."""
    root = name.root
    head = root.head
    # the parser often reads "the spokesperson for X, Ambassador Y Z," as a coordination without "and"
    listed = root.dep_ == "conj" and not any(c.dep_ == "cc" and head.i < c.i < name.start for c in head.children)
    if (root.dep_ == "appos" or listed) and head.i < name.start and head.ent_type_ != "PERSON" and is_office(head):
        toks = [t for t in head.subtree if t.i < name.start]
        while toks and (toks[-1].is_punct or toks[-1].pos_ == "CCONJ"):
            toks.pop()
        return toks if len(toks) <= 12 else []
    return []


def _cut_at_comma(toks: list[Token]) -> list[Token]:
    out = []
    for t in toks:
        if t.text in {",", ";", "(", ")", "—", "–"} and out:
            if t.text == "(":  # "(IISS)" acronym: keep going past it
                continue
            if t.text == ")":
                continue
            break
        out.append(t)
    return out[:14]


def role_of(name: Span, gaz: dict[int, tuple[Span, Entry]]) -> RoleInfo | None:
    """The office, country and organisation the text gives a person at this mention, if any."""
    left = left_title(name)
    tokens = left or _appos_before(name) or _comma_title(name) or _split_title(name) or _appos_after(name)
    if not tokens:
        return None
    country, used = _country(tokens, gaz)
    if country is None and left:  # "Gen. X, director of the Ruritanian army's ...": a rank, then the country
        for more in (_appos_before(name), _comma_title(name), _appos_after(name), _of_after(name)):
            country = _country(more, gaz)[0]
            if country:
                break
    orgs = [e for e in _ents_in(tokens, {"ORG"}) if not set(range(e.start, e.end)) <= used
            and e[-1].lower_ not in OFFICE_HEADS and not _of_phrase(e[0], name.start)
            and dictionary().place(e.text) is None  # "Secretary of State", "Punjab Chief Minister"
            and not (e.root.dep_ == "pobj" and e.root.head.lower_ == "to")]  # "envoy to the UN": a posting
    org = None
    if orgs and not (len(orgs[0]) == 1 and is_office(orgs[0][0])):  # "Defense" alone is a title word
        org = orgs[0].text[4:] if orgs[0].text.lower().startswith("the ") else orgs[0].text
    if org is None and country is None:  # "U.N. Secretary-General": the office of a bloc or IGO
        org = next((hit[1].name for t in tokens if (hit := gaz.get(t.i)) and hit[1].kind == "bloc"), None)
    # a prepositional tail ("with the Centre for ...", "at Bolt University") names the affiliation, not the office
    office = [t for t in tokens if t.i not in used]
    cut = next((k for k, t in enumerate(office) if t.pos_ == "ADP" and t.lower_ != "of" and k > 0), None)
    if cut is not None:
        office = office[:cut]
    role = _clean_role(office, used)
    span_tokens = tokens + list(name)
    start = min(t.idx for t in span_tokens)
    end = max(t.idx + len(t.text) for t in span_tokens)
    if role and (role.lower() in HONORIFICS or role.split()[-1].lower() in NOT_OFFICES
                 or (org and role.lower() in org.lower())):
        role = None  # "his counterpart" is no office; "Ministry of Foreign Affairs" is the organisation
    if not (role or country or org):
        return None
    return RoleInfo(role, country, org, start, end)
