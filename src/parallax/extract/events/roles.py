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
# verbs whose object (not subject) does the embedded act: "urged Iran to halt", "called on Russia to leave"
OBJECT_CONTROL = frozenset("urge ask call press persuade encourage invite allow force help order tell "
                           "implore appeal demand request push".split())


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
            return conjuncts(s), passive
        if cur.dep_ == "acl" and cur.tag_ == "VBN":  # "jets supplied by X"; "firms accused of selling"
            return [cur.head], cur is verb
        if cur.dep_ == "acl" and cur.tag_ == "VB":  # "has no plans to sell", "is in talks with X to buy"
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
        if cur.dep_ in {"xcomp", "conj", "advcl"} or (cur.dep_ == "pcomp"):
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
    """The "by" agent of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            return [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return []


def prep_objects(tok: Token, preps: frozenset[str] | set[str], *, through_of: bool = False) -> dict[str, list[Token]]:
    """Objects of the given prepositions attached to a token (with their conjuncts); ``through_of`` also
    looks inside an "of" object ("the purchase of jets from X")."""
    out: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in {"prep", "dative", "agent"} and c.lower_ in preps:
            objs = [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
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
    for with_pronoun in (False, True):  # "his Greek counterpart" is Greek; "its offer" is whoever "its" is
        start = tok.i
        for c in tok.lefts:
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
            if c.dep_ == "nsubj" and c.pos_ != "PRON":
                return actor_of(c, actors)
    return None


def _named_before(tok: Token, actors: DocActors) -> str | None:
    """A bare surname the actor finder left alone ("Modi thanked ...") is the one person of the document whose
    full name begins or ends with it."""
    hits = {aid for aid, a in actors.actors.items() if a.kind == "person" and a.country
            and len(words := a.name.split()) > 1 and tok.text in (words[0], words[-1])}
    return hits.pop() if len(hits) == 1 else None


def actors_of(tokens: list[Token], actors: DocActors) -> list[str]:
    out: list[str] = []
    for t in tokens:
        a = actor_of(t, actors)
        if a is None and t.pos_ == "PRON" and t.dep_ in _SUBJ and t.lower_ in {"it", "they", "he", "she", "we"}:
            a = _pronoun_antecedent(t, actors)
        if a is None and t.pos_ == "PROPN":
            a = _named_before(t, actors)
        if a and a not in out:
            out.append(a)
    return out


def modifier_actors(noun: Token, actors: DocActors) -> list[str]:
    """Actors among a noun's own modifiers: "Russia's visit", "the Indian-Japanese exercise", "US-China talks"."""
    out: list[str] = []
    for c in noun.lefts:
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
    mine = {side(actors.actor(a), a) for a in exclude}
    start = sent.start_char
    if sent.start > 0:
        start = sent.doc[sent.start - 1].sent.start_char
    for m in reversed(actors.mentions_in(start, pron.idx)):
        a = actors.actor(m.actor)
        if a is None or a.kind not in {"country", "organization", "group"}:
            continue
        if side(a, m.actor) not in mine:
            return m.actor
    return None
