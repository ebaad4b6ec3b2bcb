"""Conservative within-document coreference: link only when one candidate fits.

* a third-person pronoun ("he", "her") links to the one person named in its sentence or the sentence before;
  two different people there means ambiguous, so it is left unlinked;
* a definite description ("the minister", "the official") links to the one earlier person whose office
  contains that word.
No model: spaCy's small pipeline has no coreference, and a wrong link costs more than a missing one.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.tokens import Doc, Span

from parallax.extract.actors.types import DocActors, armed_force
from parallax.model import Mention

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def link_references(out: DocActors, sdoc: Doc, definite: list[Span],
                    mention: Callable[[int, int, str | None, str], Mention]) -> None:
    """Add pronoun and description mentions for the references that resolve unambiguously."""
    people = sorted(
        ((m.start, m.actor) for m in out.mentions
         if m.actor and m.kind in {"name", "title"} and out.actors[m.actor].kind == "person"),
    )
    described = [(m.start, m.actor) for m in out.mentions if m.actor and m.kind == "description"
                 and out.actors[m.actor].anonymous and out.actors[m.actor].kind == "person"]
    if not people and not described:
        return
    sents = list(sdoc.sents)
    sent_of = {}
    for k, s in enumerate(sents):
        for t in s:
            sent_of[t.i] = k
    for tok in tokens_with(sdoc, "LOWER", PRONOUNS):
        if tok.pos_ != "PRON":
            continue
        k = sent_of.get(tok.i, 0)
        lo = sents[max(0, k - 1)].start_char
        cands = {a for start, a in people if lo <= start < tok.idx}
        if len(cands) == 1:
            mention(tok.idx, tok.idx + len(tok.text), cands.pop(), "pronoun")
    for chunk in definite:
        word = chunk.root.lower_
        cands = {a for start, a in people if start < chunk.start_char
                 and any(word in r.lower().split() for r in out.actors[a].roles)}
        if not cands:  # "a senior State Department official told reporters ... The official added": the one
            # unnamed person so described in the two sentences before
            lo = sents[max(0, sent_of.get(chunk.start, 0) - 2)].start_char
            cands = {a for start, a in described if lo <= start < chunk.start_char
                     and out.actors[a].name.lower().split()[-1:] == [word]}
        if len(cands) == 1:
            mention(chunk.start_char, chunk.end_char, cands.pop(), "description")


def name_initials(words: list[str]) -> set[str]:
    """"Khalid bin Faisal" -> {"kbf", "kf"}: every word's initial, and the capitalised words' only; for a name of
    four or more words also without its first word, which may be a title the model kept ("Emir Khalid bin Faisal")."""
    out = {"".join(w[0] for w in words).lower(), "".join(w[0] for w in words if w[0].isupper()).lower()}
    return out | (name_initials(words[1:]) if len(words) >= 4 else set())


def merge_short_names(out: DocActors) -> list[tuple[str, str]]:
    """(one-word person, full-name person) pairs that are one person: the one full name the word can stand for.

    A surname ("Reyes" for "Tom Reyes") is tried first, then a first word ("Park" for "Park Sung Ho", where the
    family name comes first), then initials ("KBF" for "Khalid bin Faisal"). None or two candidates: kept apart.
    """
    full = {aid: a.name.split() for aid, a in out.actors.items() if a.kind == "person" and len(a.name.split()) >= 2}
    pairs = []
    for aid, a in out.actors.items():
        if a.kind != "person" or a.anonymous or len(a.name.split()) != 1:
            continue
        low = a.name.lower()
        for fits in (lambda ws: ws[-1].lower() == low, lambda ws: ws[0].lower() == low,
                     lambda ws: a.name.isupper() and len(low) >= 2 and low in name_initials(ws)):
            cands = [f for f, ws in full.items() if fits(ws)]
            if cands:
                if len(cands) == 1:
                    pairs.append((aid, cands[0]))
                break
    return pairs


def _owner_country(out: DocActors, sdoc: Doc, aid: str) -> str | None:
    """"Kovar and her Cabinet": the country of the person a possessive pronoun before the name stands for —
    the one coreference linked, else the nearest person named earlier in the sentence."""
    first = min((m for m in out.mentions if m.actor == aid), key=lambda m: m.start, default=None)
    span = sdoc.char_span(first.start, first.end, alignment_mode="expand") if first else None
    if span is None or span.start == 0 or sdoc[span.start - 1].tag_ != "PRP$":
        return None
    pron = sdoc[span.start - 1]
    before = [m for m in out.mentions if m.actor in out.actors and m.end <= pron.idx
              and m.start >= pron.sent.start_char and out.actors[m.actor].kind == "person"]
    linked = [m for m in out.mentions if m.kind == "pronoun" and m.start == pron.idx and m.actor in out.actors]
    owner = linked[0] if linked else max(before, key=lambda m: m.start, default=None)
    return out.actors[owner.actor].country if owner is not None and owner.actor else None


def institution_countries(out: DocActors, sdoc: Doc) -> list[tuple[str, str]]:
    """Give a bare institution name ("Senate", "Cabinet") its country when the document makes it clear.

    A fuller name of the same body in the document ("the Ruritanian Senate") is the same actor: returned
    as a (bare, full) pair to merge. Otherwise a possessive pronoun that coreference tied to a person
    ("his Cabinet") gives that person's country, or else all the document's actors of the same agent type
    (lawmakers, a senate) share one country. Nothing clear: the name stays without a country.
    """
    from parallax.extract.actors.gazetteer import agent_for

    actors = out.actors
    pairs = []
    for aid, a in actors.items():
        if a.kind != "organization" or a.country or a.anonymous or len(a.name.split()) > 3:
            continue
        low = f" {a.name.lower()}"
        fuller = [o for o, x in actors.items() if o != aid and x.kind == "organization" and x.country
                  and x.name.lower().endswith(low)]
        if len({actors[o].country for o in fuller}) == 1:
            pairs.append((aid, fuller[0]))
            continue
        agent = a.agent or agent_for(a.name)
        if agent is None or agent == "IGO":  # an intergovernmental body is no country's, whoever sits on it
            continue
        country = _owner_country(out, sdoc, aid)
        if country is None:
            same = {x.country for o, x in actors.items() if o != aid and x.country and x.kind != "country"
                    and x.agent == agent}
            country = same.pop() if len(same) == 1 else None
        a.country = country
    return pairs


# nouns for fighters of a non-state armed group: "militants", "the insurgents", "RLF fighters"
ARMED_NOUNS = frozenset({"militant", "insurgent", "rebel", "separatist", "fighter", "gunman", "guerrilla",
                         "jihadist", "terrorist", "attacker", "hijacker", "extremist", "militia"})
GROUP_NOUNS = frozenset({"group", "outfit", "organization", "organisation", "movement"})


def tokens_with(sdoc: Doc, attr: str, words: frozenset[str] | set[str]) -> list:
    """The tokens whose ``attr`` (LEMMA, LOWER) is one of ``words``, found on the doc's attribute array: a
    Python loop over every token costs more than the rest of the rule."""
    strings = sdoc.vocab.strings
    wanted = numpy.fromiter((strings.add(w) for w in words), dtype=numpy.uint64)
    column = sdoc.to_array(attr)
    return [sdoc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, wanted))]


def _may_be_armed(a) -> bool:
    """An organisation or group that is no IGO or outlet, nor a state's body (an army with a country)."""
    return a.kind in {"organization", "group"} and a.agent not in {"IGO", "MED", "NGO"} and not (
        a.country and a.agent in {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def armed_references(out: DocActors, sdoc: Doc, covered: set[int],
                     mention: Callable[[int, int, str | None, str], Mention]) -> None:
    """Fighters and "the group" as the armed group they belong to.

    "RLF militants", "militants linked with the X Army": the group named in the phrase (an organisation so
    used is an armed group); "the militants", "separatists", "the banned group": the one armed group the
    document names, when it names exactly one. A phrase that names a country ("Afghan militants") is left.
    """
    armed: set[str] = {aid for aid, a in out.actors.items() if a.agent == "REB" and a.kind != "person"}
    named: list[tuple[Span, str | None]] = []
    for tok in tokens_with(sdoc, "LEMMA", ARMED_NOUNS | GROUP_NOUNS):
        if tok.pos_ != "NOUN" or tok.i in covered or tok.dep_ in {"compound", "amod", "nmod"}:
            continue
        lemma = tok.lemma_.lower()
        if lemma not in ARMED_NOUNS and not (lemma in GROUP_NOUNS and tok.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
            continue
        phrase = [t for t in tok.subtree if t.dep_ not in {"relcl", "punct"} or t.i < tok.i]
        inside = [m for m in out.mentions_in(phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
                  if m.actor in out.actors]
        orgs = [m.actor for m in inside if _may_be_armed(out.actors[m.actor])]
        if not orgs and any(out.actors[m.actor].kind == "country" for m in inside):
            continue  # "Afghan militants": some of a country's, not a named group
        if lemma in ARMED_NOUNS and len(set(orgs)) == 1:
            a = out.actors[orgs[0]]
            a.agent, a.kind = "REB", "group"  # an organisation whose fighters these are is an armed group
            armed.add(orgs[0])
        own = [t for t in phrase if not any(a.dep_ in {"appos", "conj", "cc"} and a.head.i == tok.i and a.i > tok.i
                                            for a in [t, *t.ancestors] if a.i != tok.i)]
        while own and own[-1].is_punct:
            own.pop()
        # the mention is the noun's own phrase: "the X militia" of "the X militia, the RLF,"
        span = sdoc[own[0].i: own[-1].i + 1] if len(own) <= 12 else sdoc[tok.left_edge.i: tok.i + 1]
        named.append((span, orgs[0] if len(set(orgs)) == 1 else None))
    # a named force of no state may be an armed group too: "the militants" are then no one's for sure
    forces = armed | {aid for aid, a in out.actors.items() if armed_force(a)}
    only = next(iter(armed)) if len(armed) == 1 and len(forces) == 1 else None
    for span, own in named:
        target = own if own in armed else only
        if target is not None:
            mention(span.start_char, span.end_char, target, "description")


def appositive_pairs(out: DocActors, sdoc: Doc) -> list[tuple[str, str]]:
    """(description, name) pairs of a group described and then named: "the Ruritanian militia, the RLF" is the
    RLF. Only a group with no country of its own folds into the organisation or group its apposition names."""
    pairs: list[tuple[str, str]] = []
    for m in out.mentions:
        a = out.actors.get(m.actor or "")
        if a is None or a.kind != "group" or a.country or m.actor in {p[0] for p in pairs}:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.pos_ != "NOUN":
            continue  # a description ("the X militia"), not a name: "al-Qaida, the Y and Z" is a list
        for c in span.root.children:
            if c.dep_ != "appos" or c.i < span.end or any(x.dep_ in {"cc", "conj"} for x in c.children):
                continue
            sub = list(c.subtree)
            named = {x.actor for x in out.mentions_in(sub[0].idx, sub[-1].idx + len(sub[-1]))
                     if x.actor and x.actor != m.actor and out.actors[x.actor].kind in {"group", "organization"}}
            if len(named) == 1:
                pairs.append((m.actor, named.pop()))  # type: ignore[arg-type]
                break
    return pairs


def repeat_names(out: DocActors, sdoc: Doc, mention: Callable[[int, int, str | None, str], Mention]) -> None:
    """A name the document has tied to one actor, again where NER missed it: an acronym ("the designated
    RLF"), a known group's one-word name, a person's surname ("Kovar's visit")."""
    forms: dict[str, str | None] = {}
    for aid, a in out.actors.items():
        if a.anonymous or a.kind == "country":
            continue
        names = [a.name, *a.aliases]
        if a.kind == "person":
            words = a.name.split()
            names = [words[-1]] if len(words) >= 2 else []
        for n in names:
            one = n.replace(".", "")
            if " " in n or len(one) < 2 or not n[:1].isupper():
                continue
            if a.kind != "person" and not (one.isupper() or a.agent in {"REB", "IGO"}):
                continue  # a one-word name of an ordinary organisation may be a word or a place
            forms[n] = aid if forms.get(n, aid) == aid else None  # two actors share it: neither
    if not forms:
        return
    covered = bytearray(sdoc[-1].idx + len(sdoc[-1].text_with_ws) if len(sdoc) else 0)
    for m in out.mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    for tok in tokens_with(sdoc, "ORTH", {f for f, aid in forms.items() if aid}):
        # the tagger often takes an acronym for a noun, and a capitalised surname heading a sentence too
        name_like = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and (tok.text.isupper() or (
            tok.is_title and out.actors[forms[tok.text]].kind == "person" and tok.dep_ != "compound")))
        if not name_like or any(covered[tok.idx: tok.idx + len(tok)]):
            continue
        mention(tok.idx, tok.idx + len(tok), forms[tok.text], "name")


# what an IGO or bloc is called once named: "the group said", "the bloc's members", "the alliance warned"
BLOC_NOUNS = frozenset({"group", "bloc", "alliance", "grouping", "organization", "organisation", "union", "club"})
_BLOC_WINDOW = 2  # sentences back


def bloc_references(out: DocActors, sdoc: Doc, mention: Callable[[int, int, str | None, str], Mention]) -> None:
    """"The G7 joint statement said the group remains concerned": "the group" (singular, definite, not yet a
    mention) is the one IGO or bloc named in its sentence or the two before; none, or two, and it stays unlinked."""
    sents = None
    for tok in tokens_with(sdoc, "LOWER", BLOC_NOUNS):
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ in {"compound", "amod", "nmod"} \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                or any(c.dep_ in {"compound", "amod", "prep"} for c in tok.children) \
                or out.mentions_in(tok.idx, tok.idx + len(tok)):
            continue
        sents = sents if sents is not None else list(sdoc.sents)
        k = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        lo = sents[max(0, k - _BLOC_WINDOW)].start_char
        blocs = {m.actor for m in out.mentions_in(lo, tok.idx)
                 if m.actor and out.actors[m.actor].agent == "IGO" and out.actors[m.actor].kind == "organization"}
        if len(blocs) == 1:
            det = next(c for c in tok.children if c.dep_ == "det")
            mention(det.idx, tok.idx + len(tok), blocs.pop(), "description")
