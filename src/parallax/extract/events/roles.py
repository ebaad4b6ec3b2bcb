"""Who is who around a predicate: subjects through control and coordination, objects, prepositional
arguments, and the actor a noun phrase refers to.

Pure parse walking on spaCy tokens; the actors themselves come from ``DocActors`` (char spans → local ids).
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.actors.types import DocActors, side

# left modifiers that belong to a noun phrase's own words ("Turkey's foreign minister", "the Greek navy")
_CORE_LEFT = frozenset({"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod", "hyph", "punct"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
# what a party issues that can itself condemn, demand or warn: "a statement condemning X"
MESSAGE_NOUNS = frozenset("""
statement warning letter message resolution declaration communique communiqué note notice ultimatum post
appeal decree order bill legislation measure motion
""".split())
# verbs that stop a message from being issued at all
BLOCKING_VERBS = frozenset("veto block reject scrap withdraw kill shelve".split())
# verbs by which a party puts out a message in its own name
ISSUING_VERBS = frozenset("issue release publish post send sign adopt pass make deliver read circulate".split())
# a state's own people and bodies, whose state a place after them may name ("authorities in X", "troops from X")
STATE_BODIES = frozenset("authority official force troop soldier police government leader lawmaker diplomat "
                         "minister army military".split())
# participles that give a fighter or official the party they belong to: "militants linked with the X Army"
_AFFILIATED = frozenset("link affiliate ally loyal belong tie connect attach".split())
# nouns that name another party by its relation to the possessor: "Moscow's ally" is not Moscow
RELATIONAL = frozenset("ally neighbour neighbor rival partner adversary enemy foe".split())
# verbs whose object a gerund hangs on, the verb's subject doing it: "proposed a plan for supporting Ukraine"
_AUTHORING = frozenset("take claim propose unveil announce adopt approve launch make".split())
# a vehicle stands for whom it carries: "ambushed a bus transporting a paramilitary force"
_CARRYING = frozenset({"transport", "carry", "ferry", "escort", "convey"})
_CREDIT = frozenset({"credit", "responsibility", "blame"})  # what one takes or claims for an act one did
# verbs whose object (not subject) does the embedded act: "urged Iran to halt", "called on Russia to leave"
OBJECT_CONTROL = frozenset("urge ask call press persuade encourage invite allow force help order tell "
                           "implore appeal demand request push pressure compel lobby".split())


def side_of(actors: DocActors, aid: str) -> str:
    """The side an actor acts for in an event (``types.side``: a state's people and bodies act for their
    country; an IGO, an armed group or anyone without a country for themselves). Every "same side?" test of the
    event extractor goes through here."""
    return side(actors.actor(aid), aid)


def conjuncts(tok: Token) -> list[Token]:
    """A token with the tokens coordinated with it ("Kenya and Uganda")."""
    return [tok, *[c for c in tok.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON"}]]


def subject_of(verb: Token) -> tuple[list[Token], bool]:
    """(subject tokens, passive?) of a verb, following control, coordination and relative clauses."""
    cur = verb
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in _SUBJ]
        if subj:
            s = subj[0]
            passive = s.dep_ == "nsubjpass" and cur is verb  # "is expected to visit": active for visit
            if s.tag_ in {"WDT", "WP"} and cur.dep_ == "relcl":  # "Russia, which sold ..."
                s = cur.head
                if s.dep_ == "attr" and s.head.lemma_ == "be":  # "he is the one who can end it": he
                    s = next((c for c in s.head.children if c.dep_ == "nsubj"), s)
            return conjuncts(s), passive
        if cur.dep_ == "acl" and cur.tag_ == "VBD" and cur.head.dep_ == "ROOT" and cur.head.pos_ == "PROPN":
            return [cur.head], False  # "Leavitt called ...": a finite verb the parser hung on the name it follows
        if cur.dep_ == "acl" and cur.tag_ == "VBN":  # "jets supplied by X"; "firms accused of selling"
            return [cur.head], cur is verb
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.lemma_.lower() in MESSAGE_NOUNS:
            message = cur.head  # "an EU statement condemning X" is the EU's; "issued a statement condemning X"
            if message.dep_ in {"dobj", "nsubjpass"} and message.head.lemma_.lower() in BLOCKING_VERBS:
                break  # "vetoed a statement condemning X": nobody condemned
            if any(c.dep_ in {"poss", "compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in
                                                                     {"NORP", "GPE", "ORG"}) for c in message.lefts):
                return [message], False
            cur = message
            while cur.dep_ in {"dobj", "pobj", "prep", "appos"} and cur.head is not cur:
                cur = cur.head
            if cur.pos_ not in {"VERB", "AUX"} or cur.lemma_.lower() not in ISSUING_VERBS:
                break
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VB":  # "has no plans to sell", "is in talks with X to buy"
            owner = [c for c in cur.head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owner and any(a.lower_ == "to" for a in cur.children):
                return conjuncts(owner[0]), False  # "Obama's failure to sell", "Russia's decision to withdraw"
            cur = cur.head
            while cur.dep_ in {"dobj", "attr", "pobj", "prep"} and cur.head is not cur:
                cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return [cur.head], False
        if cur.dep_ in {"xcomp", "ccomp"} and cur.head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in cur.head.children if c.dep_ in {"dobj", "dative"}]
            for p in cur.head.children:
                if p.dep_ == "prep" and p.lower_ in {"on", "upon"}:
                    objs += [c for c in p.children if c.dep_ == "pobj"]
            return (conjuncts(objs[0]) if objs else []), False
        if cur.dep_ == "pcomp" and cur.head.lower_ in {"of", "for"}:  # "accused Russia of jamming": Russia jams
            held = cur.head.head
            if held.pos_ == "NOUN" and held.dep_ == "dobj" and held.head.lemma_.lower() in _AUTHORING:
                cur = held.head  # "proposed a plan for supporting Ukraine": the proposer supports
                continue
            if held.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in _CREDIT for c in held.children):
                cur = held  # "took credit for attacking X", "claimed responsibility for bombing Y": the claimant
                continue
            objs = [held] if held.dep_ == "dobj" else [c for c in held.children if c.dep_ == "dobj"]
            if objs:
                return conjuncts(objs[0]), False
        if cur.dep_ in {"xcomp", "conj", "advcl", "acomp"} or (cur.dep_ == "pcomp"):
            cur = cur.head
            if cur.dep_ == "prep":
                cur = cur.head
            continue
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":  # noun event under a verb: "took part in talks"
            cur = cur.head.head
            continue
        break
    return [], False


def agent_of(verb: Token) -> list[Token]:
    """The "by" agent of a passive verb; also one the parser hung on the verb's own prepositional object
    ("was removed from the programme by X")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
    for p in (p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
        for by in (b for b in p.children if b.dep_ == "prep" and b.lower_ == "by"):
            return [t for o in by.children if o.dep_ == "pobj" and o.pos_ == "PROPN" for t in conjuncts(o)]
    return []


def prep_objects(tok: Token, preps: frozenset[str] | set[str], *, through_of: bool = False) -> dict[str, list[Token]]:
    """Objects of the given prepositions attached to a token (with their conjuncts); ``through_of`` also
    looks inside an "of" object ("the purchase of jets from X")."""
    out: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in {"prep", "dative", "agent"} and c.lower_ in preps:
            # "on X and on Y": a preposition coordinated with the first one brings its objects too
            heads = [c, *(k for k in c.conjuncts if k.pos_ == "ADP" and k.lower_ == c.lower_)]
            objs = [t for h in heads for p in h.children if p.dep_ == "pobj" for t in conjuncts(p)]
            if objs:
                out.setdefault(c.lower_, []).extend(objs)
        if through_of and c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    for k, v in prep_objects(p, preps - {"of"}).items():
                        out.setdefault(k, []).extend(v)
    return out


def actor_of(tok: Token, actors: DocActors) -> str | None:
    """The local actor a noun phrase refers to, read from its own words (not its clauses)."""
    doc = tok.doc
    end = doc[tok.i].idx + len(tok)
    relational = tok.lemma_.lower() in RELATIONAL
    for with_pronoun in (False, True):  # "his Greek counterpart" is Greek; "its offer" is whoever "its" is
        start = tok.i
        for c in tok.lefts:
            if c.dep_ == "poss" and relational:  # "its NATO ally" is NATO, "Moscow's ally" not Moscow
                continue
            if c.dep_ in _CORE_LEFT and (with_pronoun or not (c.dep_ == "poss" and c.pos_ == "PRON")):
                start = min(start, c.left_edge.i)
        found = actors.actor_at(doc[start].idx, end)
        if found:
            return found
    for c in tok.children:  # "the president of France", "its ally, Serbia"
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return actor_of(p, actors)
        if c.dep_ == "appos":
            return actor_of(c, actors)
    for c in tok.children:  # "a bus transporting a paramilitary force": an attack on it is one on whom it carries
        if c.dep_ == "acl" and c.lemma_.lower() in _CARRYING:
            for o in (o for o in c.children if o.dep_ == "dobj"):
                if (found := actor_of(o, actors)) is not None:
                    return found
    for c in tok.children:  # "militants linked with the X Army", "fighters loyal to Y": whose they are
        if c.dep_ in {"acl", "amod"} and c.lemma_.lower() in _AFFILIATED:
            for p in (p for pr in c.children if pr.dep_ == "prep" and pr.lower_ in {"with", "to"}
                      for p in pr.children if p.dep_ == "pobj"):
                if (found := actor_of(p, actors)) is not None:
                    return found
    if tok.lemma_.lower() in STATE_BODIES:  # "security forces in Guinea", "troops from Chad": that state's
        places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "from"}
                  for p in c.children if p.dep_ == "pobj"]
        for found in filter(None, (actor_of(p, actors) for p in places)):
            if (a := actors.actor(found)) is not None and a.kind == "country":
                return found
    return None


def _pronoun_antecedent(tok: Token, actors: DocActors) -> str | None:
    """An unresolved subject pronoun in a complement clause usually is the main clause's subject:
    "X denied that it had ...", "X said they would ..."."""
    cur = tok.head
    for _ in range(6):
        if cur.head is cur:
            break
        cur = cur.head
        for c in cur.children:
            if c.dep_ == "nsubj" and c.pos_ != "PRON" and (a := actor_of(c, actors)):
                return a if _agrees(tok, a, actors) else None
    return None


def _agrees(pronoun: Token, aid: str, actors: DocActors) -> bool:
    """"he"/"she" is a person, "it" and "they" are not ("Duclos said they want to sell": not Duclos); "we" may
    be a speaker for their country."""
    a = actors.actor(aid)
    person = a is not None and a.kind == "person"
    low = pronoun.lower_
    return person if low in {"he", "she"} else (not person if low in {"it", "they"} else True)


def _named_before(tok: Token, actors: DocActors) -> str | None:
    """A bare surname the actor finder left alone ("Modi thanked ...") is the one person of the document whose
    full name begins or ends with it."""
    hits = {aid for aid, a in actors.actors.items() if a.kind == "person" and a.country
            and len(words := a.name.split()) > 1 and tok.text in (words[0], words[-1])}
    return hits.pop() if len(hits) == 1 else None


def _own_span(tok: Token) -> tuple[int, int]:
    """Character span of one member of a coordination: its own words, without its conjuncts."""
    left = right = tok
    for c in tok.children:
        if c.dep_ in {"conj", "cc", "punct", "appos", "prep", "relcl", "acl"}:
            continue
        if c.i < tok.i and c.left_edge.i < left.i:
            left = c.left_edge
        elif c.i > tok.i and c.right_edge.i > right.i:
            right = c.right_edge
    return left.idx, right.idx + len(right)


_MADE = frozenset({"made", "built", "produced", "manufactured", "owned", "funded", "backed", "led"})


def coordinated(tok: Token, actors: DocActors) -> list[str]:
    """The parties a common noun lists rather than names: coordinated modifiers ("Canadian and Mexican
    exports", "Chilean and Peruvian ministers"), an appositive list ("its rivals, China, India and Brazil"),
    or a list it is of or in ("officials in the EU, Belgium and Italy"). Empty unless every member resolves."""
    if tok.pos_ != "NOUN":
        return []
    lists: list[list[Token]] = []
    for c in tok.children:
        if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i and c.conjuncts:
            lists.append([c, *c.conjuncts])
        elif c.dep_ == "appos":
            lists.append([c, *c.conjuncts])
    lists += _place_lists(tok)
    made = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and c.lower_ in _MADE]
    if made:  # "Peruvian- and Bolivian-made cars": one hanging prefix, one fused with "made"
        makers = [m for m in made[0].children if m.dep_ == "npadvmod" and m.i < made[0].i]
        hanging = [c for c in tok.children if c.dep_ in {"amod", "nmod", "compound"} and c.i < made[0].i
                   and any(h.lower_ in {"-", "–"} for h in c.rights)]
        if makers and hanging:
            lists.append([*hanging, *makers])
    for members in lists:
        found = [actors.actor_at(*_own_span(m)) for m in members]
        named = [a for a in found if a]
        # "the EU, Belgium and other countries": a common noun may close the list, a name must resolve
        if len(named) >= 2 and len(set(named)) == len(named) \
                and all(a or m.pos_ == "NOUN" for a, m in zip(found, members)):
            return named
    return []


def _place_lists(tok: Token, depth: int = 2) -> list[list[Token]]:
    """Coordinated objects of "of/in/from" under a noun, one or two phrases down ("officials in charge of
    trade in the EU, Belgium and Italy")."""
    out: list[list[Token]] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "in", "from"}:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.conjuncts and p.pos_ == "PROPN":
                    out.append([p, *p.conjuncts])
                elif depth > 1 and p.pos_ == "NOUN":
                    out += _place_lists(p, depth - 1)
    return out


def actors_of(tokens: list[Token], actors: DocActors) -> list[str]:
    out: list[str] = []
    for t in tokens:
        listed = coordinated(t, actors)
        if listed:
            out += [a for a in listed if a not in out]
            continue
        a = actor_of(t, actors)
        if a is None and t.pos_ == "PRON" and t.dep_ in _SUBJ and t.lower_ in {"it", "they", "he", "she", "we"}:
            a = _pronoun_antecedent(t, actors)
        if a is None and t.pos_ == "PROPN":
            a = _named_before(t, actors)
        if a is None and t.pos_ == "NOUN" and t.lemma_.lower() in STATE_BODIES:
            a = possessive_antecedent(t, actors, [])  # "its troops", "their government": the owner just named
        if a and a not in out:
            out.append(a)
        for e in _examples(t):  # "countries such as Peru and Chile", "goods including Peruvian wine"
            if (a := actor_of(e, actors)) and a not in out:
                out.append(a)
    return out


def _examples(tok: Token) -> list[Token]:
    """The examples a common noun lists: "products such as dairy and X wine", "countries including A and B"."""
    if tok.pos_ != "NOUN":
        return []
    return [e for c in tok.children if c.dep_ == "prep" and (c.lower_ in {"including", "like"} or (
        c.lower_ == "as" and any(s.lower_ == "such" for s in c.children)))
        for p in c.children if p.dep_ == "pobj" for e in conjuncts(p)]


def modifier_actors(noun: Token, actors: DocActors) -> list[str]:
    """Actors among a noun's own modifiers: "Russia's visit", "the Indian-Japanese exercise", "US-China talks".
    A possessor owns the event alone: "its Security Council veto" is its owner's, not the Council's."""
    out: list[str] = []
    poss = [c for c in noun.lefts if c.dep_ == "poss"]
    if poss and poss[0].pos_ == "PRON":
        return out
    for c in poss or noun.lefts:
        if c.dep_ not in {"poss", "amod", "compound", "nmod"}:
            continue
        for t in c.subtree:
            if t.i >= noun.i:
                break
            a = actors.actor_at(t.idx, t.idx + len(t))
            if a and a not in out:
                out.append(a)
    return out


def possessive_antecedent(noun: Token, actors: DocActors, exclude: list[str]) -> str | None:
    """"its offer", "their purchase": the nearest actor named before the pronoun in its sentence (else the
    previous one) that fits it ("its": country or organisation) and is not of an excluded actor's country."""
    pron = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
    if pron is None:
        return None
    sent = pron.sent
    mine = {side_of(actors, a) for a in exclude}
    start = sent.start_char
    if sent.start > 0:
        start = sent.doc[sent.start - 1].sent.start_char
    for m in reversed(actors.mentions_in(start, pron.idx)):
        a = actors.actor(m.actor)
        if a is None or a.kind not in {"country", "organization", "group"}:
            continue
        if side_of(actors, m.actor) not in mine:
            return m.actor
    return None


def answered(verb: Token) -> Token | None:
    """The clause a bare response answers: "proposed a price, but Y refused" → "proposed"; None when the verb
    governs what it responds to ("refused to talk", "agreed to the plan") or stands alone."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or any(
            c.dep_ in {"dobj", "xcomp", "ccomp", "prep", "attr", "acomp"} for c in verb.children):
        return None
    return verb.head
