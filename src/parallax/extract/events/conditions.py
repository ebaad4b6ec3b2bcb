"""Threats and their conditions: whether an act is stated as a threat (a condition, a warning, an "or else"),
the "if"/"unless" clause it hangs on, and whether that clause asks something of the threatened side.

Coercive acts stated as threats are PLOVER THREATEN (CAMEO 13x); a plain future ("will impose tariffs on
Monday") is no threat, and a possibility ("could ... if") neither.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.language.tree import clause_verb

# Coercive acts stated as threats: promised on a condition, announced in a warning, or offered as the other
# branch of a demand ("accept the ceasefire or face sanctions"). CAMEO 13x, PLOVER THREATEN.
COERCIVE = frozenset({"SANCTION", "ASSAULT", "COERCE"})
WARNING_VERBS = frozenset("warn hint threaten vow caution signal".split())
THREAT_CODE = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "138"}
MODALS = frozenset("will would could 'll wo shall".split())


def threat(pred: Token, light: Token | None) -> tuple[bool, Token | None]:
    """Whether a coercive act is stated as a threat, and the warning verb that states it (whose subject must be
    the actor): "will raise tariffs if Canada does not ..." (a condition, no verb), "hinted that it could
    retaliate with tariffs" (hint). A plain future ("will impose tariffs on Monday") is no threat."""
    verb = clause_verb(light or pred, 4)
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"} & MODALS if verb is not None else set()
    if not modals:
        return False, None
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in WARNING_VERBS:
        return True, verb.head
    if modals - {"could"} and condition_of(pred, light) is not None:  # "could ... if": a possibility only
        return True, None
    return False, None


def withheld_unless(pred: Token, light: Token | None) -> bool:
    """"will withdraw its force from Chad unless ...": an act the speaker makes depend on the other side's
    conduct is a threat whatever the act (a plain "if" may be an offer: "the tariffs will come off if ...")."""
    verb = clause_verb(light or pred, 4)
    if verb is None or not {c.lower_ for c in verb.children if c.dep_ == "aux"} & (MODALS - {"could"}):
        return False
    cond = condition_of(pred, light)
    return cond is not None and any(m.dep_ == "mark" and m.lower_ == "unless" for m in cond.children)


def in_condition(tok: Token) -> bool:
    """Inside an "if"/"unless" clause: "if the tariffs are not dropped" refuses nothing yet."""
    for t in (tok, *list(tok.ancestors)[:4]):
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in t.children):
            return True
    return False


def condition_of(pred: Token, light: Token | None) -> Token | None:
    """The "if"/"unless" clause a predicate's clause hangs on, if any."""
    verb = clause_verb(light or pred, 4)
    for c in verb.children if verb is not None else ():
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children):
            return c
    return None


def demanded_condition(pred: Token, light: Token | None) -> bool:
    """A threat whose condition is what the threatened side must do: "will execute hostages unless the state
    releases prisoners", "will raise tariffs if Canada does not drop its own": a demand as well (CAMEO 10)."""
    verb = clause_verb(light or pred, 4)
    # "warned that it would execute them unless ...": the condition hangs on the threat the warning states
    clauses = [verb, *(c for c in verb.children if c.dep_ == "ccomp")] if verb is not None else []
    for c in (c for v in clauses for c in v.children):
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "advcl" and ("unless" in marks or ("if" in marks and any(n.dep_ == "neg" for n in c.children))):
            return True
    return False


def or_else(verb: Token) -> bool:
    """A demand with a threat as its other branch: "urged Russia to accept the ceasefire or face sanctions"."""
    for x in (c for c in verb.children if c.dep_ == "xcomp"):
        for conj in x.conjuncts:
            if conj.lemma_.lower() == "face" and any(c.dep_ == "cc" and c.lower_ == "or" for c in x.children):
                return True
    return False
