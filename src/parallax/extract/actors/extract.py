"""Every actor a document refers to, with a mention for every reference.

Order of work: NER spans repaired (:mod:`spans`) → gazetteer forms (countries, demonyms, capitals, seats of
power, blocs) → named people with their offices → organisations and groups from NER → anonymous sources ("a
senior official", "Ruritanian sources") → within-document coreference (surnames, first names, initials, "the
minister", unambiguous pronouns) → a country for bare institution names ("the Senate").
Entity spans that are no actor at all (places, outlets, equipment, adjectives: :mod:`nonactors`) are dropped.
Anonymous descriptions that name no country, organisation or bloc ("officials", "the diplomats") stay, for
quotes and claims need their holder, but :meth:`DocActors.parties` leaves them out of event coding.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from parallax.extract.actors.builder import Builder
from parallax.extract.actors.coref import (appositive_pairs, armed_references, bloc_references,
                                           institution_countries, link_references, merge_short_names, name_initials,
                                           repeat_names)
from parallax.extract.actors.gazetteer import Entry, agent_for
from parallax.extract.actors.known import (acronym_pairs, apply_org, bloc_code, fill_people, give_home, known_org,
                                           placed_country)
from parallax.extract.actors.matcher import gazetteer_spans
from parallax.extract.actors.nonactors import NonActors
from parallax.extract.actors.spans import entity_spans
from parallax.extract.actors.titles import HONORIFICS, OFFICE_HEADS, is_office, role_of, title_word
from parallax.extract.actors.types import DocActors
from parallax.extract.actors.unnamed import unnamed_actors
from parallax.extract.events.details import names_equipment
from parallax.model import Document, Evidence, RoleClaim

# heads that make a group of a nationality or creed adjective: "Kurdish militia", "Tamil separatists"
GROUP_HEADS = {"militia", "rebel", "fighter", "militant", "insurgent", "separatist", "force", "troop", "guerrilla",
               "group", "faction", "movement", "tribesman", "gunman", "jihadist", "extremist", "nationalist"}
RANKS = {"gen.", "gen", "general", "lt.", "col.", "maj.", "brig.", "adm.", "capt.", "sgt.", "cmdr."}
STANCE_PREFIXES = frozenset({"anti", "pro", "non"})
_PREFIX_STRIP = re.compile(r"^(?:the|a|an)\s+", re.I)


def norm_name(text: str) -> str:
    """A person/organisation name without possessive, honorific or rank, spaces collapsed."""
    text = re.sub(r"[’']s$", "", text.strip())
    words = text.split()
    while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0].lower() in RANKS):
        words.pop(0)
    return " ".join(words)


def _entry_mentions(b: Builder, ents: list[Span], found: list[tuple[Span, Entry]]) -> set[int]:
    """Country/bloc mentions from the gazetteer; returns the tokens they cover."""
    person_tokens = {t.i for e in ents if e.label_ == "PERSON" for t in e}
    org_ents = {t.i: e for e in ents if e.label_ in {"ORG", "FAC"} for t in e}
    covered: set[int] = set()
    person_spans = {(e.start, e.end) for e in ents if e.label_ == "PERSON"}
    for span, entry in found:
        exact_person = (span.start, span.end) in person_spans
        if span.start in person_tokens and not (exact_person and (len(span) > 1 or entry.kind in {"country", "capital"})):
            # "Jordan Peters" is a person; but a PERSON entity that is exactly "Buenos Aires", or exactly a
            # lone country or capital name ("Yerevan rejected ..."), is the small model mis-tagging the place.
            continue
        if span.start >= 2 and span.doc[span.start - 1].text in {"-", "–"} \
                and span.doc[span.start - 2].lower_ in STANCE_PREFIXES:
            continue  # "anti-Pakistan fighters", "pro-Russian separatists": against or for the state, not it
        if entry.kind == "demonym" and span.start >= 1 and span.doc[span.start - 1].lower_ == "ethnic":
            continue  # "ethnic Albanians", "ethnic Turks in Bulgaria": a people, not the state of that name
        inside_org = org_ents.get(span.start)
        if (entry.kind in {"capital", "metonym"} and inside_org is not None
                and _PREFIX_STRIP.sub("", inside_org.text) != span.text):
            continue  # "Washington Post", "Moscow State University": the organisation, not the state
        if inside_org is not None and inside_org.label_ == "FAC" and len(inside_org) > len(span):
            continue  # "the Europe Bridge", "Kabul Airport": a building or a road, not a party
        if entry.kind == "bloc":
            aid = b.actor(f"bloc:{entry.name}", name=entry.name, kind="organization", agent=entry.agent)
            code = bloc_code(entry.name or "")
            if code and code not in b.out.actors[aid].aliases:
                b.out.actors[aid].aliases.append(code)  # "NATO", "G7": one stable code however it is written
            b.mention(span.start_char, span.end_char, aid, "name")
        elif entry.kind == "metonym" and entry.agent not in {None, "GOV"}:
            name = _PREFIX_STRIP.sub("", span.text)
            aid = b.actor(f"org:{name}", name=name, kind="organization", country=entry.iso3, agent=entry.agent)
            b.mention(span.start_char, span.end_char, aid, "metonym")
        else:
            aid = b.country(entry.iso3)
            kind = {"country": "name"}.get(entry.kind, entry.kind)
            b.mention(span.start_char, span.end_char, aid, kind)
        covered.update(range(span.start, span.end))
        if inside_org is not None and _PREFIX_STRIP.sub("", inside_org.text) == span.text:
            covered.update(range(inside_org.start, inside_org.end))  # "The White House" is the seat, not a new org
    return covered


def _person_key(name: str, people: dict[str, str]) -> str:
    """Same person within a document: same name, or a surname/first-name-less form of a fuller name."""
    low = name.lower()
    if low in people:
        return low
    words = low.split()
    for other in people:
        ow = other.split()
        if len(words) < len(ow) and ow[-len(words):] == words:
            return other
        if len(ow) < len(words) and words[-len(ow):] == ow:
            return other
    return low


def _people(b: Builder, ents: list[Span], judge: NonActors, gaz_at: dict[int, tuple[Span, Entry]],
            covered: set[int]) -> dict[str, str]:
    """Named people with their offices; returns every lowercase name form (full name, surname) -> actor id."""
    people: dict[str, str] = {}  # lowercase name -> actor id
    surnames: dict[str, set[str]] = {}
    for ent in ents:
        if ent.label_ != "PERSON" and not _name_after_title(ent):
            continue
        ent = _trim_person(ent)
        if ent is None or all(title_word(t) for t in ent) or set(range(ent.start, ent.end)) <= covered:
            continue  # "Kazakh Defence" tagged PERSON: title words, not a name
        if judge.reason(ent) is not None:
            continue  # a place, a weapon, a heading word tagged PERSON
        name = norm_name(ent.text)
        words = name.split()
        if len(words) == 1 and len(surnames.get(name.lower(), set())) > 1:
            b.mention(ent.start_char, ent.end_char, None, "name")  # two people share this surname: skip
            continue
        key = _person_key(name, people)
        if key not in people:
            aid = b.actor(f"person:{key}", name=name, kind="person")
            people[key] = aid
            surnames.setdefault(words[-1].lower(), set()).add(aid)
        aid = people[key]
        actor = b.out.actors[aid]
        if len(name) > len(actor.name):
            people[name.lower()] = aid
            actor.name = name
        b.mention(ent.start_char, ent.end_char, aid, "name")
        info = role_of(ent, gaz_at)
        if info:
            actor.role_claims.append(RoleClaim(info.role, info.country, info.organization,
                                               Evidence(b.doc.id, info.start, info.end)))
            if info.role and info.role not in actor.roles:
                actor.roles.append(info.role)
            actor.country = actor.country or info.country
            actor.organization = actor.organization or info.organization
            title_end = info.start + len(b.doc.text[info.start:ent.start_char].rstrip(" ,\n"))
            if info.start < ent.start_char and info.role and title_end > info.start:
                b.mention(info.start, title_end, aid, "title")
    for src, dst in merge_short_names(b.out):  # "Park" after "Park Sung Ho", "KBF" after "Khalid bin Faisal"
        b.merge(src, dst)
        people.update({k: dst for k, v in people.items() if v == src})
    forms = dict(people)
    initials: dict[str, set[str]] = {}
    for key, aid in people.items():
        surname = key.split()[-1]
        if len(surnames.get(surname, ())) == 1:
            forms.setdefault(surname, aid)
        if len(b.out.actors[aid].name.split()) >= 2:
            for form in name_initials(b.out.actors[aid].name.split()):
                initials.setdefault(form, set()).add(aid)
    for form, aids in initials.items():  # "KBF" tagged ORG: the initials of one person named in full
        if len(form) >= 2 and len(aids) == 1:
            forms.setdefault(form, next(iter(aids)))
    return forms


def _name_after_title(ent: Span) -> bool:
    """An ORG-labelled span that is a person's name: 2–3 proper nouns right after an office ("Minister, A B")."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or any(t.pos_ != "PROPN" or not t.is_title for t in ent):
        return False
    if agent_for(ent.text) is not None:
        return False
    i = ent.start - 1
    if i >= 0 and ent.doc[i].text == ",":
        i -= 1
    return i >= 0 and is_office(ent.doc[i])


def _trim_person(ent: Span) -> Span | None:
    """Drop honorifics/ranks and a trailing possessive that NER keeps inside the name."""
    s, e = ent.start, ent.end
    while s < e - 1 and (ent.doc[s].lower_ in HONORIFICS or ent.doc[s].lower_ in RANKS):
        s += 1
    while e > s and ent.doc[e - 1].text in {"'s", "’s", "'", "’"}:
        e -= 1
    if e <= s or not any(c.isalpha() for c in ent.doc[s:e].text):
        return None
    return Span(ent.doc, s, e, label=ent.label_)


def _org_country(span: Span, gaz_at: dict[int, tuple[Span, Entry]]) -> str | None:
    """A country named inside or right before an organisation: "the Ruritanian Navy", "Ruritania's Foreign Office"."""
    for t in span:
        hit = gaz_at.get(t.i)
        if hit and hit[1].iso3:
            return hit[1].iso3
    i = span.start - 1
    if i >= 1 and span.doc[i].text in {"'s", "’s"}:
        hit = gaz_at.get(i - 1)
        if hit and hit[1].iso3:
            return hit[1].iso3
    if i >= 0:
        hit = gaz_at.get(i)
        if hit and hit[1].iso3 and hit[1].kind in {"demonym", "country"}:
            return hit[1].iso3
    return None


def _organisations(b: Builder, sdoc: Doc, ents: list[Span], judge: NonActors,
                   gaz_at: dict[int, tuple[Span, Entry]], covered: set[int], people: dict[str, str]) -> None:
    acronyms: dict[str, str] = {}
    for ent in ents:
        if ent.label_ not in {"ORG", "NORP"} or set(range(ent.start, ent.end)) <= covered:
            continue
        name = _PREFIX_STRIP.sub("", re.sub(r"[’']s$", "", ent.text)).strip()
        if not name or not any(c.isalpha() for c in name):
            continue
        if ent.label_ == "ORG" and ent[-1].lower_ in OFFICE_HEADS:
            continue  # NER calls "National Security Adviser" an organisation; it is an office
        if ent.label_ == "ORG" and names_equipment([t.lemma_.lower() for t in ent]):
            continue  # NER calls "the X Missile System" an organisation; it is equipment, not an actor
        person = people.get(name.lower())
        if person is not None:  # NER mislabels a known person's surname as ORG
            b.mention(ent.start_char, ent.end_char, person, "name")
            continue
        rest = [t for t in ent if t.i not in covered and t.pos_ != "DET"]
        person = people.get(" ".join(t.text for t in rest).lower()) if rest and len(rest) < len(ent) else None
        if person is not None:  # "the U.N. Brel will ...": a body the gazetteer knows, fused with a known person
            b.mention(rest[0].idx, rest[-1].idx + len(rest[-1].text), person, "name")
            continue
        why = judge.reason(ent)
        found = known_org(name, b.doc.published) if why in {None, "a modifier"} else None
        if found is not None:  # a body the dictionaries know, also as a modifier ("Taliban fighters")
            aid = b.actor(f"known:{found.record.name}", name=name, kind=found.kind)
            apply_org(b.out.actors[aid], found)
            b.mention(ent.start_char, ent.end_char, aid, "name")
            continue
        if why == "a modifier" and ent.label_ == "NORP":
            _group_phrase(b, ent)
            continue
        if why == "a news outlet":  # no actor, but quotes must know the phrase names a medium
            b.mention(ent.start_char, ent.end_char, None, "outlet")
        if why is not None:
            continue
        if ent.label_ == "NORP":  # a group the gazetteer does not know: "Democrats"
            aid = b.actor(f"group:{name.lower()}", name=name, kind="group", agent=agent_for(name))
            b.mention(ent.start_char, ent.end_char, aid, "name")
            continue
        key = acronyms.get(name) or f"org:{name.lower()}"
        aid = b.actor(key, name=name, kind="organization", country=_org_country(ent, gaz_at),
                      agent=agent_for(name))
        b.mention(ent.start_char, ent.end_char, aid, "name")
        nxt = sdoc[ent.end: ent.end + 3]  # "International Institute of X (IIX)"
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].text.isupper():
            acronyms[nxt[1].text] = key
            b.out.actors[aid].aliases.append(nxt[1].text)
            b.mention(nxt[1].idx, nxt[1].idx + len(nxt[1].text), aid, "name")
            covered.add(nxt[1].i)


def _group_phrase(b: Builder, ent: Span) -> None:
    """A nationality or creed adjective heading a group ("Kurdish militia") or a name ("Islamic State")."""
    head, doc = ent.root.head, ent.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if head.i != ent.end:
        return
    if head.lemma_.lower() in GROUP_HEADS and head.is_lower:
        kind = "group"
    elif (head.pos_ == "PROPN" and head.is_title and not head.ent_type_ and not is_office(head)
          and (after is None or after.pos_ != "PROPN")):
        kind = "organization"
    else:
        return  # "European leaders", "Democratic Representative X": an adjective, not an actor
    name = f"{ent.text} {head.text}"
    found = known_org(name, b.doc.published)  # "Islamic" + "State": NER left the head out
    if found is not None:
        aid = b.actor(f"known:{found.record.name}", name=name, kind=found.kind)
        apply_org(b.out.actors[aid], found)
    else:
        aid = b.actor(f"{kind}:{name.lower()}", name=name, kind=kind, agent=agent_for(name))
    b.mention(ent.start_char, head.idx + len(head.text), aid, "name")


def extract_actors(sdoc: Doc, doc: Document) -> DocActors:
    """Actors and mentions of one parsed document (``sdoc.text == doc.text``); ids are local to it."""
    b = Builder(doc)
    ents = entity_spans(sdoc)
    judge = NonActors(ents, doc.outlet)
    found = gazetteer_spans(sdoc)
    gaz_at = {t: (sp, e) for sp, e in found for t in range(sp.start, sp.end)}
    covered = _entry_mentions(b, ents, found)
    people = _people(b, ents, judge, gaz_at, covered)
    _organisations(b, sdoc, ents, judge, gaz_at, covered, people)
    used = {t.i for m in b.out.mentions for t in sdoc.char_span(m.start, m.end, alignment_mode="expand") or []}
    definite = unnamed_actors(b, sdoc, ents, gaz_at, used)
    repeat_names(b.out, sdoc, b.mention)
    link_references(b.out, sdoc, definite, b.mention)
    b.out.sort()
    for src, dst in [*acronym_pairs(b.out), *appositive_pairs(b.out, sdoc)]:  # "RLF"; "the militia, the RLF"
        if src in b.out.actors and dst in b.out.actors:
            b.merge(src, dst)
    repeat_names(b.out, sdoc, b.mention)  # again: an acronym two actors shared before the merge is one's now
    armed_references(b.out, sdoc, used, b.mention)
    bloc_references(b.out, sdoc, b.mention)
    fill_people(b.out, doc.published)
    for a in b.out.actors.values():
        if a.agent is None and a.kind in {"person", "organization", "group"}:
            a.agent = agent_for(" ".join(filter(None, [*a.roles, a.organization or ""])))
        if a.kind == "person" and a.country is None and a.organization:
            a.country = _org_country_by_name(b.out, a.organization)
    for src, dst in institution_countries(b.out, sdoc):  # "the Senate" beside "the Ruritanian Senate"
        b.merge(src, dst)
    give_home(b.out, placed_country(doc.title, doc.dateline))
    b.out.sort()
    return b.out


def _org_country_by_name(out: DocActors, org: str) -> str | None:
    """A person's country from the country of the organisation the text ties them to."""
    for a in out.actors.values():
        if a.kind == "organization" and a.country and (a.name == org or org.endswith(a.name)):
            return a.country
    return None


