"""Named-entity spans with the small model's boundary mistakes repaired before they become actors.

The small English model cuts and fuses names in ways that turn into junk actors:

* a name cut inside a hyphenated word ("Tehrik" of "Tehrik-e-Azadi") or inside a word the tokenizer split
  ("Omar Sai" + "d"): the span grows to the whole word;
* a person's name cut after a lower-case particle ("Greta von der" of "... von der Lahn"): it grows over
  the capitalised words that follow;
* a heading fused with the next sentence ("Beyond Peru, ...", "Kovar, Brann Ankara hopes ..."): a person
  span loses leading words that are no part of a name and a trailing capital or country when the rest is a
  name the document uses on its own;
* an abbreviation that ends a sentence fused with the next one ("posted on Y. Rebels said ...",
  "... on Y. The group ..."): the span ends at the abbreviation;
* an organisation fused with what it owns ("the Ruritanian Senate's Protecting ..."): the span ends at the
  owner when the owner is itself a name (two or more words, or a country); a name cut at a possessive
  ("Protecting Freedonia's" + "Borders Act") grows over the capitalised words that follow.

Spans are only re-cut here; whether what remains is an actor at all is :mod:`nonactors`' question.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from parallax.extract.actors.gazetteer import gazetteer

_POSSESSIVE = {"'s", "’s", "'", "’"}
_QUOTES = set("\"'“”‘’«»()[]")


def _glued_end(doc: Doc, end: int) -> int:
    """Grow ``end`` over tokens glued to the span without a space: the rest of a word or hyphenated word."""
    while end < len(doc) and doc[end - 1].whitespace_ == "":
        nxt = doc[end]
        if nxt.is_alpha and not nxt.text.istitle() and doc[end - 1].is_alpha:
            end += 1  # "Sai" + "d": one word split in two
        elif nxt.text == "-" and nxt.whitespace_ == "" and end + 1 < len(doc) and doc[end + 1].is_alpha and (
                doc[end + 1].text.istitle() or (end + 2 < len(doc) and doc[end + 1].whitespace_ == ""
                                                and doc[end + 2].text == "-")):
            end += 2  # "Tehrik" + "-e-Azadi": a hyphenated name cut at its first hyphen ("RLF-linked" is not)
        else:
            break
    return end


def _person_cut(doc: Doc, start: int, end: int, solo_names: set[str]) -> tuple[int, int]:
    forms = gazetteer().forms
    while start < end - 1 and (doc[start].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ", "DET", "PUNCT"}
                               or doc[start].text in _QUOTES):
        start += 1  # "Beyond Peru": a heading's preposition is no part of a name
    if end - start >= 2 and doc[end - 1].text in forms and doc[start:end - 1].text.lower() in solo_names:
        end -= 1  # "Brann Ankara": a name the document uses alone, fused with a capital
    while end < len(doc) and doc[end - 1].is_lower and doc[end - 1].is_alpha and end - start >= 2:
        if not (doc[end].pos_ == "PROPN" and doc[end].text.istitle()):
            break
        end += 1  # "Greta von der" + "Lahn": a particle never ends a name
    return start, end


def _org_cut(doc: Doc, start: int, end: int) -> tuple[int, int]:
    forms = gazetteer().forms
    while start < end - 1 and doc[start].text in _QUOTES:
        start += 1
    for i in range(start + 1, end):
        prev, tok = doc[i - 1], doc[i]
        if prev.text.endswith(".") and prev.whitespace_ and (tok.pos_ in {"DET", "NOUN", "PRON"} or tok.tag_ == "NNS"):
            return start, i  # "Y. Rebels": an abbreviation ending a sentence, then the next sentence
        if tok.text in _POSSESSIVE and i + 1 < end and not _possessive_in_name(doc, start, end, i):
            owner = doc[start:i]
            words = [t for t in owner if t.is_alpha or "." in t.text]
            if len(words) >= 2 or owner.text in forms or (owner[0].lower_ == "the" and owner[1:].text in forms):
                return start, i  # "the Ruritanian Senate's Protecting ...": the owner, not what it owns
    if doc[end - 1].text in _POSSESSIVE and end - start >= 2:
        grown, i = end, end
        while i < len(doc) and (doc[i].ent_iob_ == "O" or doc[i].ent_type_ in {"ORG", "LAW"}) and (
                doc[i].is_title or (doc[i].lower_ in {"of", "and", "the", "for"} and i > end)):
            i += 1
            if doc[i - 1].is_title:
                grown = i
        if grown > end and doc[end].pos_ == "PROPN":
            return start, grown  # "Protecting X's" + "Borders Through Tariffs Act": cut at its possessive
    return start, end


# plural owners whose possessive belongs to a name: "People's Republic", "Women's League"
_NAME_OWNERS = {"people", "peoples", "women", "children", "workers", "veterans", "martyrs", "mothers", "farmers"}


def _possessive_in_name(doc: Doc, start: int, end: int, i: int) -> bool:
    whole = doc[start:end]
    text = whole.text[4:] if whole[0].lower_ == "the" else whole.text
    return doc[i - 1].lower_ in _NAME_OWNERS or text in gazetteer().forms


def entity_spans(sdoc: Doc) -> list[Span]:
    """The document's entities (labels kept) with person and organisation boundaries repaired."""
    ents = list(sdoc.ents)
    solo = {e.text.lower() for e in ents if e.label_ == "PERSON" and len(e) == 1}
    solo |= {e.text.split()[-1].lower() for e in ents if e.label_ == "PERSON" and len(e) > 1}
    out: list[Span] = []
    last_end = 0
    for e in ents:
        start, end = e.start, e.end
        if e.label_ == "PERSON":
            start, end = _person_cut(sdoc, start, end, solo - {e.text.lower()})
        elif e.label_ in {"ORG", "NORP"}:
            start, end = _org_cut(sdoc, start, end)
        if e.label_ in {"PERSON", "ORG", "NORP"}:
            end = _glued_end(sdoc, end)
        start = max(start, last_end)
        if start >= end:
            continue
        out.append(Span(sdoc, start, end, label=e.label_))
        last_end = end
    return out
