"""Who the parties of a predicate are: its subject, object and prepositional arguments resolved to actors.

The parse walk that turns a predicate (verb, feeling adjective or event noun, with its light verb) into source
and target actors: subject or passive agent, objects and datives, the prepositions a frame names, possessors
and modifiers of an event noun ("China's sanctions on X", "US-China talks"), owners of what is rejected or
welcomed, partners of refused talks, and the few clause patterns where a side sits elsewhere ("demanded that
Ottawa drop", "is in talks with X to buy"). Context from earlier sentences is
:mod:`parallax.extract.events.context`'s job, not this one's.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract.actors.types import DocActors
from parallax.extract.events import roles
from parallax.extract.events.places import attacked_on_the_way, hosted_by, invested_in, protested_at, struck_place
from parallax.extract.events.lexicon import (EXEMPTING, REPORT_NOUNS, Frame, complied_demand, noun_frame, sought,
                                             verb_frame)
from parallax.extract.events.mode import SPEECH_VERBS

# a nominal meeting or deal is the occasion of its governing verb's subject: "raised it during talks with X"
_OCCASION_PREPS = frozenset({"during", "at", "ahead", "before", "after", "amid", "in", "for"})
_DECIDE_ON = frozenset({"vote", "decide", "agree", "rule", "work"})
_MUTUAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_GOODS = frozenset("import export good product shipment commodity sale delivery transfer arm weapon".split())
_DUTIES = frozenset("tariff duty levy surcharge tax".split())
# verbs whose subject takes part in the talks they govern: "led five hours of talks with X"
_PARTAKE = frozenset("lead chair co-chair head".split())
# nouns whose "to" act is their owner's: "its reluctance to endorse", "their decision to withdraw"
_INTENT_NOUNS = frozenset("reluctance refusal failure decision plan intention willingness readiness "
                          "determination bid attempt effort move threat pledge promise offer".split())
_FRONTIERS = frozenset({"border", "frontier", "boundary", "line"})  # "its border with X" is X's too
# what a party may be named the owner of: "X's allegation", "rejected its offer", "demanded X's withdrawal"
_OWNED = frozenset({"REJECT", "ACCUSE", "SUPPORT", "THREATEN", "REQUEST", "PROTEST"})
# participles that tie a statement to whoever voiced it: "the claims made by X", "charges levelled by X"
_VOICING = frozenset("make level levell raise voice issue lodge file bring put publish".split())


def owners(noun: Token, actors: DocActors, modifiers: bool = True) -> list[str]:
    """Whose statement or act a noun is: "Pakistan's allegation", "allegations by X", "the Chinese move" (with
    ``modifiers``; else only a possessor)."""
    out = roles.modifier_actors(noun, actors) if modifiers else \
        roles.actors_of([c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"], actors)
    for objs in roles.prep_objects(noun, {"by", "from"}).values():
        out += [a for a in roles.actors_of(objs, actors) if a not in out]
    for c in noun.children:  # "the claims made by X", "allegations levelled by X"
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _VOICING:
            out += [a for a in roles.actors_of(roles.agent_of(c), actors) if a not in out]
    return out


def content_subjects(noun: Token, actors: DocActors) -> list[str]:
    """The subject of the clause a noun announces: "the announcement that Ukraine had agreed" → Ukraine (a
    report or claim is the embedded act's business, not its welcomer's)."""
    if noun.lemma_.lower() in REPORT_NOUNS:
        return []
    for c in noun.children:
        if c.dep_ in {"acl", "ccomp"} or (c.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                      for m in c.children)):
            found = roles.actors_of([s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}], actors)
            if found:
                return found
    return []


def partners(noun: Token, actors: DocActors) -> list[str]:
    """The other party of a mutual act named as a noun: "talks with Kyiv", "contact with the United States"."""
    frame = noun_frame(noun.lemma_)
    if frame is None or not frame.symmetric:
        return []
    found = roles.prep_objects(noun, {"with", "between"})
    return roles.actors_of(found.get("with", []) + found.get("between", []), actors)


def own_pair(noun: Token, frame: Frame, actors: DocActors) -> bool:
    """An act that names both its parties itself ("the U.S.-China talks", "cooperation between Moscow and
    Tehran", "Chinese investment in Peru's north"): an event of its own even as the object of another predicate
    ("praised the Iran-Oman talks", "opposes Chinese investment in the province")."""
    if not frame.symmetric:
        doers = roles.modifier_actors(noun, actors)
        done_to = invested_in(noun, actors, doers) if frame.lemma == "investment" else []
        return bool(doers and done_to)
    between = roles.prep_objects(noun, {"between"}).get("between", [])
    named = roles.actors_of(between, actors) if between else roles.modifier_actors(noun, actors)
    return len({roles.side_of(actors, a) for a in named}) >= 2


def arguments(pred: Token, light: Token | None, frame: Frame,
               actors: DocActors) -> tuple[list[str], list[str], list[str], list[Token]]:
    """(source actors, target actors, symmetric pair from "between"/joint modifiers, subject tokens)."""
    deps = frame.target_deps
    preps = {d for d in deps if d not in {"dobj", "dative", "oprd"}} | {"from", "between", "by", "of"}
    if frame.indirect_object:
        preps.add("with")  # "provided Kenya with assistance": read "with" to know the object is the recipient
    pair: list[str] = []
    if pred.pos_ == "VERB" or frame.kind == "A":
        subj, passive = roles.subject_of(pred)
        passive = passive and frame.kind != "A"  # "is concerned about": the concerned one is the subject
        objs = [c for c in pred.children if c.dep_ in {"dobj", "oprd"} and c.pos_ in {"NOUN", "PROPN", "PRON"}]
        if not objs:  # "denounced as an ugly crime Serbia's suppression of ...": the object moved past "as"
            objs = [a for c in pred.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                    if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
        if passive:
            objs, subj = subj, roles.agent_of(pred)
        subj_actors = roles.actors_of(subj, actors)
        if not subj_actors and pred.dep_ == "acl" and pred.head.lemma_.lower() in _INTENT_NOUNS:
            subj_actors = _owning_subject(pred.head, actors)  # "signaling its reluctance to endorse X"
        pobj = roles.prep_objects(pred, preps)
        for o in objs:
            for k, v in roles.prep_objects(o, preps - {"of", "by"}).items():
                pobj.setdefault(k, []).extend(v)
        for c in pred.children:  # "sold jets worth £5 billion to Qatar"
            if c.dep_ == "prep" and c.pos_ == "ADJ":
                for k, v in roles.prep_objects(c, preps - {"of", "by"}).items():
                    pobj.setdefault(k, []).extend(v)
        tgt_tokens: list[Token] = []
        if "dobj" in deps:
            tgt_tokens += [t for o in objs for t in roles.conjuncts(o)]
        if frame.indirect_object and "with" in pobj:  # "provided Ukraine with tanks"
            tgt_tokens += [t for o in objs for t in roles.conjuncts(o)]
        if "dative" in deps:
            for c in pred.children:
                if c.dep_ == "dative":
                    tgt_tokens += [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else roles.conjuncts(c)
        for d in deps:
            if d not in {"dobj", "dative", "oprd"}:
                tgt_tokens += pobj.get(d, [])
        if "between" in pobj:
            pair = roles.actors_of(pobj["between"], actors)
        targets = roles.actors_of(tgt_tokens, actors)
        if not targets and frame.plover == "REQUEST" and "dobj" not in deps:  # "demanded Uganda's withdrawal",
            # "demanded an admission by Moscow" (not "requested WTO consultations with X": those go below)
            targets = [a for o in objs for a in owners(o, actors, modifiers=False) if a not in subj_actors]
        if not targets and "dobj" in deps and frame.plover in _OWNED:
            targets = [a for o in objs for a in owners(o, actors) if a not in subj_actors]  # "X's allegation"
            if not targets:  # "rejected its offer": the nearest earlier other party
                targets = [a for o in objs if (a := roles.possessive_antecedent(o, actors, subj_actors))]
            if not targets and frame.plover in {"SUPPORT", "ACCUSE"}:  # "welcomed the announcement that X ..."
                targets = [a for o in objs for a in content_subjects(o, actors) if a not in subj_actors]
        if not targets and frame.plover != "ACCUSE":  # "ruled out talks with Kyiv", "boycott contact with X"
            targets = [a for o in objs for a in partners(o, actors) if a not in subj_actors]
        if not targets and (asked := complied_demand(pred)) is not None:  # "heeded Kyiv's call": who made it
            targets = [a for a in owners(asked, actors) if a not in subj_actors]
            if not targets:
                targets = [a for a in [roles.possessive_antecedent(asked, actors, subj_actors)] if a]
        if not targets and frame.plover in {"REJECT", "AGREE"} and (asker := roles.answered(pred)) is not None:
            targets = [a for a in roles.actors_of(roles.subject_of(asker)[0], actors) if a not in subj_actors]
        if not targets and frame.plover == "CONSULT" and not pair and _one_side(subj_actors, actors):  # "NATO
            # leaders met in Vilnius" (not "the EU and China met in Brussels": they met each other)
            targets = hosted_by([pred], actors, subj_actors)
        if not targets and frame.plover == "PROTEST":  # "protested outside the Chilean embassy"
            targets = protested_at([pred], actors, subj_actors)
        if not targets and frame.plover in {"ASSAULT", "COERCE"} and not passive:  # "attacked a train near X"
            targets = struck_place(pred, actors, subj_actors)
        if frame.plover in {"MOBILIZE", "RETREAT"}:  # "deployed troops to its (X's own) border with Y": Y
            targets = [a for t in tgt_tokens + pobj.get("from", []) if t.lemma_.lower() in _FRONTIERS
                       for a in roles.actors_of(roles.prep_objects(t, {"with"}).get("with", []), actors)
                       if a not in subj_actors] or targets
        if not targets and frame.plover in {"CONCEDE", "RETREAT"}:  # "will not back down in its dispute with X"
            targets = dispute_party(pred, actors, subj_actors)
        if not targets and (frame.plover == "THREATEN" or frame.lemma == "warn"):  # "warned that it will exert
            # pressure on Iran", "warned that expanding cooperation between Russia and X is dangerous"
            targets = first_other(pred, actors, subj_actors)
        sources = subj_actors
        if frame.plover == "MOBILIZE" and passive and not sources:  # "security forces had been dispatched":
            sources = roles.actors_of(objs, actors)  # the forces sent are their state's
        if frame.purpose:  # "travels to Canada for meetings with G7 ministers": the host and those met
            targets += [a for a in talks_partner(pred, actors) if a not in subj_actors and a not in targets]
        if frame.inverse:
            sources, targets = roles.actors_of(pobj.get("from", []), actors), subj_actors
            if not sources:  # "received Chinese air defence systems": the maker's nationality supplies
                sources = [a for o in objs for a in roles.modifier_actors(o, actors) if a not in targets]
            if not sources and pred.dep_ in {"acl", "advcl"}:  # "in talks with X to buy"
                sources = talks_partner(pred.head, actors)
        if not targets and (frame.plover == "REQUEST" or frame.kind == "A" or (
                frame.plover == "ACCUSE" and frame.kind == "V")):  # "demanded that Ottawa drop ...",
            # "worried Moscow may not stop", "complained that Lima had broken the treaty": the clause's subject
            for c in pred.children:
                if c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children)):
                    targets = roles.actors_of([t for t in c.children if t.dep_ == "nsubj"], actors)
        if frame.plover == "SANCTION":  # "duties on exports to the U.S.", "banned arms sales to Pakistan"
            sources, targets = bound_goods(pred, tgt_tokens, actors, sources, targets)
        return sources, targets, pair, subj

    # event noun
    own = roles.modifier_actors(pred, actors)
    if not own and (a := roles.possessive_antecedent(pred, actors, [])):  # "over its procuring of ..."
        own = [a]
    pobj = roles.prep_objects(pred, preps, through_of=True)
    subj: list[Token] = []
    if light is not None:
        for k, v in roles.prep_objects(light, preps - {"of", "by"}).items():
            pobj.setdefault(k, []).extend(v)
    if light is not None and light.pos_ == "NOUN":  # "Washington's suspension of aid": the reversal's owner
        sources = owners(light, actors)
    elif light is not None:
        subj, passive = roles.subject_of(light)
        if passive and light.dep_ != "acl":
            subj = roles.agent_of(light)
        sources = roles.actors_of(subj, actors)
    else:
        sources = []
    if "by" in pobj:
        sources = sources or roles.actors_of(pobj["by"], actors)
    if frame.of_source and "of" in pobj:
        sources = sources or roles.actors_of(pobj["of"], actors)
    tgt_tokens = [t for d in deps if d not in {"dobj", "dative"} for t in pobj.get(d, [])]
    if not tgt_tokens and pred.conjuncts and not frame.symmetric:  # "aid and intelligence sharing with Kyiv":
        tgt_tokens = roles.prep_objects(pred, {"with"}).get("with", [])  # the partner of the pair of acts
    if frame.plover == "REQUEST" and light is None and not own and not sources and "from" in pobj:
        # "refused to respond to a demand from X": the one who made it (its target is whoever must answer)
        sources = roles.actors_of(pobj["from"], actors)
        answerer = roles.subject_of(pred.head.head)[0] if pred.dep_ == "pobj" else []
        tgt_tokens = [t for t in tgt_tokens if t not in pobj["from"]] or answerer
    if "of" in deps and frame.of_source:
        tgt_tokens = [t for t in tgt_tokens if t not in pobj.get("of", [])]
    targets = roles.actors_of(tgt_tokens, actors)
    if not targets and frame.lemma == "investment":  # "Chinese investment in Arequipa"
        targets = invested_in(pred, actors, sources or own)
    if not targets and light is not None and light.lemma_.lower() in EXEMPTING:  # "exempted Canadian cars
        # from the tariffs": the goods spared say whose they are
        goods = [c for c in light.children if c.dep_ == "dobj"]
        targets = [a for g in goods for a in roles.coordinated(g, actors) or roles.modifier_actors(g, actors)]
    if not targets and light is not None:  # "offered Moscow a prisoner exchange": the light verb's dative
        targets = roles.actors_of([c for c in light.children if c.dep_ == "dative" and c.pos_ != "ADP"], actors)
    if "between" in pobj:
        pair = roles.actors_of(pobj["between"], actors)
    if (frame.symmetric or frame.plover == "ASSAULT") and len(own) >= 2 and not pair:
        pair = own[:2]  # "US-China talks", "the Russia-Ukraine war": the first named acts
    elif len(own) >= 2 and not sources and not targets and not frame.inverse and not _joint(pred):
        sources, targets = own[:1], own[1:2]  # "the Russia-Ukraine war" (not "a Chinese and Russian proposal")
    if not sources:
        sources = [a for a in own if a not in targets]
    elif frame.symmetric and not targets:
        targets = [a for a in own if a not in sources]
    if not sources and light is None:
        subj = occasion_subject(pred, frame) or (participant(pred, frame) if targets else [])
        sources = [a for a in roles.actors_of(subj, actors) if a not in targets]
    if frame.inverse:
        supplier = roles.actors_of(pobj.get("from", []), actors)
        if not supplier:  # "its purchase of Russian systems": the goods' nationality supplies
            supplier = [a for o in pobj.get("of", []) for a in roles.modifier_actors(o, actors)]
        sources, targets = supplier, [a for a in sources if a not in supplier]
    if frame.plover == "SANCTION":
        sources, targets = bound_goods(pred, tgt_tokens, actors, sources, targets, light)
    if frame.plover == "ASSAULT" and light is None and under_attack(pred):  # "a convoy came under fire from X"
        targets = roles.actors_of(roles.subject_of(pred.head.head)[0], actors) \
            or attacked_on_the_way(pred.head.head, actors)
        sources = [a for a in roles.actors_of(pobj.get("from", []) + pobj.get("by", []), actors) if a not in targets]
    if frame.plover == "CONSULT" and not targets and not pair and _one_side(sources, actors) and not any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in pred.children):  # "the G7 talks in Bavaria" (not
        # "their talks in Canada", whose "their" is a guess)
        targets = hosted_by([pred] + ([light] if light is not None else []), actors, sources)
    if frame.plover == "PROTEST" and not targets:  # "staged a protest outside the Chilean embassy"
        targets = protested_at([pred] + ([light] if light is not None else []), actors, sources)
    if sought(light, frame.plover):  # "seeking assistance from Russia": the seeker asks the one it names
        seekers = roles.actors_of(roles.subject_of(light)[0], actors)
        asked = roles.actors_of(pobj.get("from", []), actors)
        sources, targets = seekers, [a for a in asked or targets if a not in seekers]  # "sought talks with X"
    return sources, targets, pair, subj


def under_attack(noun: Token) -> bool:
    """"came under attack", "was under fire": the subject of the verb is the one attacked."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" and prep.head.lemma_.lower() in {"come", "be", "remain"}


def _joint(noun: Token) -> bool:
    """Co-owners listed with "and" ("a Chinese and Russian proposal"): authors together, not two sides."""
    return any(c.dep_ in {"amod", "compound", "nmod"} and any(g.dep_ == "cc" for g in c.children) and c.conjuncts
               for c in noun.lefts)


def dispute_party(verb: Token, actors: DocActors, exclude: list[str]) -> list[str]:
    """The other party of the dispute or talks a yielding verb is set in: "won't back down in its row with X"."""
    for c in verb.children:
        if c.dep_ == "prep":
            for n in c.children:
                if n.dep_ == "pobj" and noun_frame(n.lemma_):
                    found = roles.actors_of(roles.prep_objects(n, {"with", "against", "over"}).get("with", []), actors)
                    return [a for a in found if a not in exclude]
    return []


def talks_partner(head: Token, actors: DocActors) -> list[str]:
    """The "with" party of a meeting or deal noun that a purpose clause hangs from ("is in talks with X to buy":
    X sells)."""
    nouns = [head] + [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        frame = noun_frame(n.lemma_)
        if n.pos_ == "NOUN" and frame and frame.plover in {"CONSULT", "AGREE"}:
            return roles.actors_of(roles.prep_objects(n, {"with"}).get("with", []), actors)
    return []


def first_other(verb: Token, actors: DocActors, exclude: list[str]) -> list[str]:
    """The first actor of another country named in a verb's complement or condition: what a warning or threat
    is about ("warned that it will exert pressure on Iran", "threatened to use force against X", "threatened
    to walk out if the United States goes ahead")."""
    mine = {roles.side_of(actors, a) for a in exclude}
    for c in verb.children:
        if c.dep_ not in {"ccomp", "xcomp"} and not (c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)):
            continue
        for t in c.subtree:
            if t.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"} and (a := roles.actor_of(t, actors)):
                if roles.side_of(actors, a) not in mine:
                    return [a]
    return []


def occasion_subject(noun: Token, frame: Frame) -> list[Token]:
    """Who took part in a meeting or measure named only as a noun: the subject of the verb it is the occasion
    of ("hopes to resolve it during talks with X") or the matter of ("is set to vote on a tariff increase")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    prep, verb = noun.head, noun.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb_frame(verb.lemma_):
        return []
    low = prep.lower_
    if (low in _OCCASION_PREPS and frame.plover in _MUTUAL) or \
            (low == "on" and verb.lemma_.lower() in _DECIDE_ON):
        return roles.subject_of(verb)[0]
    return []


def participant(noun: Token, frame: Frame) -> list[Token]:
    """The party of talks or cooperation "with X" that the sentence names as their speaker or leader: "Berlin
    said talks with China must continue", "the minister led five hours of talks with X"."""
    if frame.plover not in _MUTUAL:
        return []
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj":  # "hours of talks"
        noun, head = head.head, head.head.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _PARTAKE:
        return roles.subject_of(head)[0]
    role = head.head  # "played a constructive role in talks with X", "took part in talks with X"
    if noun.dep_ == "pobj" and head.lower_ == "in" and role.lemma_.lower() in {"role", "part"} \
            and role.dep_ == "dobj" and role.head.lemma_.lower() in {"play", "take"}:
        return roles.subject_of(role.head)[0]
    if noun.dep_ in {"nsubj", "nsubjpass"} and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS:
        return roles.subject_of(head.head)[0]
    return []


def bound_goods(pred: Token, goods: list[Token], actors: DocActors, sources: list[str],
                targets: list[str], light: Token | None = None) -> tuple[list[str], list[str]]:
    """A measure on goods bound for a country: a duty is levied by the country they enter ("tariff hikes on
    Chinese imports to the U.S." are the U.S.'s); an embargo or ban hits the country they would go to ("an
    embargo on arms sales to Pakistan")."""
    dest: list[str] = []
    for t in [pred, *goods, *([light] if light is not None else [])]:
        objs = [o for v in roles.prep_objects(t, {"to", "into"}).values() for o in v]
        if objs and (t not in (pred, light) or any(g.lemma_.lower() in _GOODS for g in goods)):
            dest = roles.actors_of(objs, actors)
            break
    duty = pred.lemma_.lower() in _DUTIES or any(c.dep_ == "compound" and c.lemma_.lower() in _DUTIES
                                                  for c in pred.children)
    if duty and not sources:
        return dest, targets
    if not duty and not targets:
        return sources, [a for a in dest if a not in sources]
    return sources, targets


def unnamed_other(verb: Token, actors: DocActors) -> bool:
    """Whether a verb names a party it was done to or with, of no known side: "Ruiz and Dupont told the president
    in phone calls" is two calls with the president, not a meeting of the two."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
             if p.dep_ == "pobj"]
    return any(o.pos_ == "PROPN" and (o.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"} or roles.actor_of(o, actors))
               for o in objs)


def _one_side(parties: list[str], actors: DocActors) -> bool:
    return len({roles.side_of(actors, a) for a in parties}) == 1


def _owning_subject(noun: Token, actors: DocActors) -> list[str]:
    """Who "its"/"their" is in "X said ..., signaling its reluctance to ...": the nearest subject before it
    in the sentence that is a party (a modifier such as "a Ukraine ceasefire deal" is none)."""
    pron = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
    if pron is None:
        return []
    for tok in reversed(noun.doc[pron.sent.start:pron.i]):
        if tok.dep_ in {"nsubj", "nsubjpass"} and (a := roles.actor_of(tok, actors)) is not None:
            return [a]
    return []
