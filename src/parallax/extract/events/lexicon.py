"""Event predicates: which verb or noun lemma opens which frame, and where its roles sit in the parse.

The predicate list is data (``parallax/data/events/predicates.tsv``); this module only reads it and adds
the small closed classes of English grammar the extractor needs (light verbs, reversing verbs).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from parallax.extract.events import cameo
from parallax.extract.events.codebook import plover_of


@dataclass(frozen=True, slots=True)
class Frame:
    """What a predicate means and how to find its source and target."""

    lemma: str
    kind: str  # "V" | "N"
    cameo: str
    plover: str
    target_deps: frozenset[str]  # "dobj", "dative" and prepositions whose object is the target
    inverse: bool = False  # recipient is the subject ("buy from"): source comes from "from"
    symmetric: bool = False  # a mutual act: coordinated parties make one symmetric event
    of_source: bool = False  # noun "X of Y" names the source (visit of the minister)
    light_only: bool = False  # an event only under a light verb ("build ties")
    transfer: bool = False  # a transfer of goods (coded 072 when equipment is named)
    indirect_object: bool = False  # "provide X with Y": the direct object may be the recipient
    purpose: bool = False  # a journey: an event only when made for a meeting ("flew to X for talks")
    dictionary: bool = False  # from the CAMEO dictionary, not the curated table: both sides must be stated
    mutual: bool = False  # a clash or face-off: each side acts on the other, one event each way


# Verbs that carry no event themselves and lend their subject to an event noun: "held talks",
# "carried out an exercise", "signed a deal", "paid a visit", "imposed sanctions".
# ("wag" and "stag" are the lemmatiser's readings of "waging" and "staged".)
LIGHT_VERBS = frozenset("""
hold conduct carry stage have make pay undertake launch begin start resume complete conclude sign seal ink
reach strike finalise finalize clinch announce impose slap level issue build strengthen deepen boost expand
forge enhance establish develop provide extend offer approve continue join finish agree wrap enter
participate take plan propose pursue seek initiate renew restore upgrade open reset repair mend normalise
normalize improve revive widen broaden affirm reaffirm express voice pledge promise file lodge bring mount
unleash step ramp intensify escalate tighten keep maintain put levy declare grant authorize authorise clear
exchange reimpose re-impose attend host raise increase double triple hike wage wag stag claim ignite spark trigger
""".split())

MISREAD_LEMMAS = {"wag": "wage", "stag": "stage"}  # for the predicate text a reader sees

# Objects that turn sending into a deployment: "sent a brigade to" is MOBILIZE, not AID.
MILITARY_UNITS = frozenset("""
troop soldier brigade battalion force unit division regiment contingent peacekeeper marine personnel warship
carrier squadron fleet paratrooper commando battlegroup
""".split())

# Modifiers that make a war or a measure economic: "trade war", "tariff war" are SANCTION, not ASSAULT.
ECONOMIC_MODIFIERS = frozenset("trade tariff economic price currency sanction sanctions commercial tech".split())

# Heads that carry the event of a frame noun used as their modifier: "tariff increase", "aid package".
CARRIER_HEADS = frozenset("""
increase hike rise raise package programme program regime round process mission campaign effort bill
""".split())

# Verbs that label: "called the claims baseless", "described the move as a provocation".
LABEL_VERBS = frozenset("call describe brand label term dub".split())
# A formal listing as a terrorist organisation is a measure (CAMEO 17x/16x; POLECAT SANCTION), not a word:
# "designated the group as a terrorist organisation", "listed X a terror group".
LISTING_VERBS = frozenset("designate list blacklist proscribe".split())
LISTING_LABELS = frozenset("terrorist terror".split())
REFUTING_LABELS = frozenset("""
baseless false groundless unfounded fabricated absurd ridiculous untrue lie lies nonsense fake propaganda
fabrication slander
""".split())
ACCUSING_LABELS = frozenset("""
unacceptable unbearable illegal illegitimate provocative provocation reckless irresponsible dangerous hostile
outrageous aggressive unjustified threat terrorist terrorism criminal aggressor bully hypocritical hypocrite
destabilizing destabilising interference violation unfair discriminatory shameful disgraceful blackmail
unlawful invasion aggression crime insulting egregious disappointing deplorable regrettable offensive appalling
unwarranted inappropriate counterproductive abusive
""".split())

# Light verbs that turn a frame into its opposite: "lifted sanctions", "suspended talks", "cut aid".
REVERSALS: dict[tuple[str, str], tuple[str, str]] = {}
# easing a measure (CAMEO 085): lifting, suspending, delaying, exempting from or cutting sanctions and tariffs
for _verb in ("lift", "ease", "remove", "drop", "waive", "relax", "suspend", "halt", "end", "cancel", "scrap",
              "postpone", "delay", "pause", "exempt", "cut", "reduce", "lower", "rescind", "revoke", "repeal",
              "withdraw", "stop", "cease", "terminate", "discontinue", "abandon"):
    REVERSALS[(_verb, "SANCTION")] = ("085", "CONCEDE")
for _verb in ("suspend", "halt", "end", "cancel", "scrap", "freeze", "postpone", "abandon", "sever", "cut",
              "downgrade", "terminate", "break", "stop", "cease", "pause", "discontinue", "withhold", "block",
              "bar", "veto"):
    for _t in ("CONSULT", "AGREE", "COOPERATE"):
        REVERSALS[(_verb, _t)] = ("164" if _t == "CONSULT" else "160", "SANCTION")
    REVERSALS[(_verb, "AID")] = ("162", "SANCTION")
# resuming aid or cooperation that was cut eases the measure that cut it: "would resume cooperation with Kyiv"
for _t in ("AID", "COOPERATE"):
    REVERSALS[("resume", _t)] = ("085", "CONCEDE")
# halting hostilities de-escalates (CAMEO 087): "end the war", "stop the attacks", "halt the shelling"
for _verb in ("stop", "halt", "end", "cease", "suspend", "pause"):
    REVERSALS[(_verb, "ASSAULT")] = ("087", "RETREAT")

# people who demonstrate rather than speak for a state: "Peruvian students protested outside the embassy"
CROWDS = frozenset("protester protestor demonstrator student worker crowd people resident farmer activist "
                   "supporter villager youth citizen prisoner inmate hundred thousand dozen".split())
EXEMPTING = frozenset({"exempt", "spare"})  # "exempted X from the tariffs": the measure eased for X

# Nouns of those reversals, heading the measure they reverse: "the pause in aid to Kyiv", "the lifting of sanctions".
REVERSAL_NOUNS = {"suspension": "suspend", "halt": "halt", "pause": "pause", "freeze": "freeze", "cut": "cut",
                  "cancellation": "cancel", "end": "end", "termination": "terminate", "lifting": "lift",
                  "easing": "ease", "removal": "remove", "severing": "sever", "withholding": "withhold",
                  "discontinuation": "discontinue", "cessation": "cease", "downgrade": "downgrade",
                  "exemption": "exempt", "delay": "delay", "postponement": "postpone", "reduction": "reduce",
                  "repeal": "repeal"}

# Yielding to what another party asked: "complied with the demand", "met Kyiv's conditions" (CAMEO 083 accede to
# demands); "refused to heed the call" is then the rejection of it.
COMPLYING = frozenset("comply heed obey respond meet accept satisfy fulfil fulfill honor honour accede bow "
                      "yield".split())
DEMAND_NOUNS = frozenset("demand request call ultimatum order appeal condition".split())


def complied_demand(verb: Token) -> Token | None:
    """The demand a verb of compliance answers: its object, or the object of "with/to" ("comply with X")."""
    if verb.lemma_.lower() not in COMPLYING:
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_NOUNS:
            return c
        if c.dep_ == "prep" and c.lower_ in {"with", "to"}:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in DEMAND_NOUNS:
                    return p
    return None


# Nouns that lend an event noun their owner as its doer, as light verbs lend their subject: "Trump's imposition
# of sanctions", "the resumption of talks".
LIGHT_NOUNS = {"imposition": "impose", "resumption": "resume", "renewal": "renew", "extension": "extend",
               "expansion": "expand", "escalation": "escalate", "signing": "sign", "intensification": "intensify"}
# Light verbs that ask for what their noun names: "is seeking military assistance from Russia" (CAMEO 103).
SEEKING = frozenset({"seek", "request", "solicit"})
_ASKED_FOR = frozenset({"AID", "SUPPORT", "COOPERATE", "CONCEDE", "AGREE", "CONSULT", "RETREAT"})


def sought(light: Token | None, plover: str) -> bool:
    """Whether a light verb asks for the act rather than doing it."""
    return light is not None and light.pos_ == "VERB" and light.lemma_.lower() in SEEKING and plover in _ASKED_FOR


# Words heading a reported-speech object that is not itself an event: "dismissed reports", "rejected claims".
REPORT_NOUNS = frozenset("report claim allegation rumour rumor speculation suggestion story news assertion".split())


@lru_cache(maxsize=1)
def frames() -> dict[tuple[str, str], Frame]:
    """(kind, lemma) → Frame, from predicates.tsv."""
    out: dict[tuple[str, str], Frame] = {}
    text = (files("parallax") / "data" / "events" / "predicates.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, lemma, cameo, plover, roles = line.split("\t")
        flags = {r.strip() for r in roles.split(",") if r.strip()}
        plover = plover_of(cameo) if plover == "-" else plover
        if plover is None:
            raise ValueError(f"no PLOVER type for predicate {lemma!r} ({cameo})")
        out[(kind, lemma)] = Frame(
            lemma=lemma, kind=kind, cameo=cameo, plover=plover,
            target_deps=frozenset(flags - {"inv", "sym", "of=src", "lightonly", "transfer", "idobj", "purpose",
                                           "mutual"}),
            inverse="inv" in flags, symmetric="sym" in flags, of_source="of=src" in flags,
            light_only="lightonly" in flags, transfer="transfer" in flags, indirect_object="idobj" in flags,
            purpose="purpose" in flags, mutual="mutual" in flags,
        )
    return out


def verb_frame(lemma: str) -> Frame | None:
    """The curated frame of a verb lemma (the dictionary's reading of an occurrence: ``occurrence_frame``)."""
    return frames().get(("V", lemma.lower()))


def noun_frame(lemma: str) -> Frame | None:
    """The curated frame of an event noun, else the one the CAMEO dictionary derives from its verb."""
    found = frames().get(("N", lemma.lower()))
    if found is not None:
        return found
    coded = cameo.code_noun(lemma)
    if coded is None:
        return None
    code, plover = coded
    return _dictionary_frame(lemma.lower(), "N", code, plover)


def adjective_frame(word: str) -> Frame | None:
    """"concerned about X", "worried by X's moves": a feeling voiced towards a party (kind "A")."""
    coded = cameo.code_adjective(word)
    if coded is None:
        return None
    return Frame(lemma=word.lower(), kind="A", cameo=coded[0], plover=coded[1], dictionary=True,
                 target_deps=frozenset({"about", "over", "with", "by", "at", "regarding"}))


def occurrence_frame(verb: Token) -> Frame | None:
    """The frame of one verb occurrence: a phrasal entry of the dictionary first ("backed down" is no
    backing), then a dictionary pattern on the verb's object or prepositional object ("struck a deal",
    "withdrew from the treaty"; a pattern coded no-event silences the verb), then the curated table, then the
    dictionary's default for the verb."""
    table = verb_frame(verb.lemma_)
    coded = cameo.code_verb(verb)
    if coded is None or (table is not None and coded.code == table.cameo):
        return table  # the same code: the curated PLOVER reading stands ("demolished homes" is COERCE)
    phrasal = " " in coded.words
    decisive = phrasal or (coded.pattern and (table is None or (
        coded.on_noun and (coded.plover is not None or coded.code == "-") and not _same_family(table, coded))))
    if table is not None and not decisive:
        return table
    if coded.plover is None:
        return None if (phrasal or coded.pattern) else table
    if table is not None and table.plover == coded.plover:
        return table
    return _dictionary_frame(coded.words, "V", coded.code, coded.plover)


# CAMEO spreads giving and promising over 03x, 06x and 07x where PLOVER usage (and the curated table) says AID
# or AGREE; within this family the curated reading stands ("sold frigates" is AID, not military cooperation).
_COOPERATIVE = frozenset({"AGREE", "COOPERATE", "AID", "SUPPORT", "CONSULT"})


# ... and within force, a strike is an attack: "struck targets in Syria" is no show of force (CAMEO 150)
_FORCE = frozenset({"ASSAULT", "MOBILIZE"})


def _same_family(table: Frame, coded: cameo.Coded) -> bool:
    if table.plover == "ACCUSE" and coded.code == "173":  # "accused Russia of war crimes": words, not a charge
        return True
    return any(table.plover in f and coded.plover in f for f in (_COOPERATIVE, _FORCE))


def _dictionary_frame(lemma: str, kind: str, code: str, plover: str) -> Frame:
    deps = (cameo.TARGET_DEPS if kind == "V" else cameo.NOUN_DEPS).get(plover, frozenset({"dobj"}))
    visit = code[:3] in {"042", "043"}
    return Frame(lemma=lemma, kind=kind, cameo=code, plover=plover, target_deps=deps,
                 symmetric=plover in cameo.SYMMETRIC_TYPES and not visit,
                 of_source=kind == "N" and plover in {"RETREAT", "MOBILIZE", "CONSULT", "PROTEST"},
                 dictionary=True)

# Withdrawing or recalling these is reducing relations (CAMEO 161), not a military retreat.
ENVOYS = frozenset("ambassador envoy diplomat emissary charge consul embassy".split())
