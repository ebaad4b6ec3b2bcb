"""Words that mark reported speech in English news prose.

General English function/lexical classes (verbs of saying, source nouns), not tied to any outlet or story;
kept in one place so every rule reads the same lists. The verbs, with the complements that carry what was
said, are data (``data/quotes/speech_verbs.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A verb of saying or speech act from ``data/quotes/speech_verbs.tsv``: what carries its content, its mood."""

    lemma: str
    cameo: str | None
    takes: frozenset[str]  # clause, quote, obj, inf, name, whole, or prepositions
    mood: str  # say | deny | intend | request | judge


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, SpeechVerb]:
    """lemma (or "verb+noun" for a light-verb idiom) -> its entry."""
    out: dict[str, SpeechVerb] = {}
    text = (files("parallax") / "data" / "quotes" / "speech_verbs.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, cameo, takes, mood = line.split("\t")
        out[lemma] = SpeechVerb(lemma, None if cameo == "-" else cameo,
                                frozenset(t.strip() for t in takes.split(",") if t.strip()), mood)
    return out


def speech_verb(lemma: str) -> SpeechVerb | None:
    return speech_verbs().get(lemma.lower())


_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "thought": "think", "took": "take", "spoke": "speak"}


def mood_of(cue: str | None) -> str | None:
    """The mood of a cue word as written ("denied" -> deny, "urges" -> request); None for "according to"."""
    if not cue:
        return None
    w = cue.lower().strip()
    forms = [_IRREGULAR.get(w, w)]
    for end, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
                      ("s", ""), ("d", "")):
        if w.endswith(end):
            forms.append(w[: len(w) - len(end)] + repl)
    entry = next((speech_verbs()[f] for f in forms if f in speech_verbs()), None)
    return entry.mood if entry is not None else None


def idiom(verb: str, noun: str) -> SpeechVerb | None:
    """"claim responsibility", "take credit": the verb with this object noun as one speech act."""
    return speech_verbs().get(f"{verb.lower()}+{noun.lower()}")


# Verbs that introduce what someone said (lemmas), read from the data file.
SPEECH_VERBS: frozenset[str] = frozenset(k for k in speech_verbs() if "+" not in k)
# Verbs that take no reported clause of their own ("called it a 'disaster'", "praised X for ...").
DIRECT_ONLY: frozenset[str] = frozenset(k for k in SPEECH_VERBS if "clause" not in speech_verbs()[k].takes)
# Cue verbs whose content is reported as denied/rejected by the holder.
DENIAL_VERBS: frozenset[str] = frozenset(k for k in SPEECH_VERBS if speech_verbs()[k].mood == "deny")
# Nouns for propositions someone put forward: their that-clause or relative clause is what was said
# ("rejected the claim that ...", "a charge X denied").
PROPOSITION_NOUNS: frozenset[str] = frozenset({
    "claim", "allegation", "accusation", "charge", "assertion", "suggestion", "contention", "report", "rumour",
    "rumor", "speculation", "notion", "insinuation", "assessment", "statement", "remark", "comment", "demand",
    "warning", "threat", "promise", "pledge", "denial", "assurance",
})

# Nouns naming a person or body that speaks without being named.
ANON_HEADS: frozenset[str] = frozenset({
    "source", "sources", "official", "officials", "officer", "officers", "diplomat", "diplomats", "insider",
    "insiders", "aide", "aides", "person", "people", "expert", "experts", "analyst", "analysts", "member",
    "members", "spokesman", "spokeswoman", "spokesperson", "representative", "representatives", "witness",
    "witnesses", "resident", "residents", "observer", "observers", "adviser", "advisor", "advisers",
    "advisors", "staffer", "staffers", "employee", "employees", "commander", "commanders", "lawmaker",
    "lawmakers", "minister", "ministers", "leader", "leaders", "figure", "figures", "individual",
    "individuals", "negotiator", "negotiators", "envoy", "envoys", "investigator", "investigators",
})
@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """Nouns for people and bodies (Phoenix agents dictionary, ``data/quotes/agent_nouns.txt``)."""
    text = (files("parallax") / "data" / "quotes" / "agent_nouns.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# People described by what they do or think, who speak in news without being officials ("critics said").
PERSON_NOUNS: frozenset[str] = frozenset({
    "critic", "opponent", "supporter", "survivor", "victim", "passenger", "relative", "neighbour", "neighbor",
    "commentator", "scholar", "researcher", "economist", "historian", "professor", "scientist", "lawyer",
    "campaigner", "organiser", "organizer", "candidate", "voter", "citizen", "parent", "mother", "father",
    "family", "families", "everyone", "anyone", "nobody", "someone", "man", "woman", "men", "women",
})
# Titles of office held by one person ("the president said", "the governor added").
ROLE_NOUNS: frozenset[str] = frozenset({
    "president", "vice-president", "chancellor", "premier", "governor", "mayor", "secretary", "ambassador",
    "general", "chief", "director", "chairman", "chairwoman", "chair", "head", "king", "queen", "prince",
    "emir", "sheikh", "pope", "prosecutor", "judge", "commissioner", "speaker", "senator", "congressman",
    "congresswoman", "deputy", "lieutenant", "colonel", "admiral", "captain", "inspector", "superintendent",
    "controller", "coordinator", "negotiator", "envoy", "spokesman", "spokeswoman", "spokesperson", "minister",
})
# Nouns for bodies and collectives that can speak as one ("the group said", "the alliance urged").
BODY_NOUNS: frozenset[str] = frozenset({
    "group", "outfit", "organisation", "organization", "movement", "country", "nation", "state", "administration",
    "alliance", "bloc", "coalition", "side", "company", "firm", "union", "body", "committee", "council", "embassy",
    "office", "team", "campaign", "network", "authority", "authorities", "regime", "junta", "cabinet", "panel",
    "commission", "delegation", "mission", "institute", "club", "federation", "association", "parliament",
})


def party_noun(word: str) -> bool:
    """A noun for a person or body ("minister", "residents", "the group"), by lemma or form."""
    w = word.lower()
    return any(w in words for words in (ANON_HEADS, BODY_NOUNS, PERSON_NOUNS, OUTLET_NOUNS)) or w in agent_nouns()


# Phrases that make a speaker anonymous whatever its head noun.
ANON_PHRASES: tuple[str, ...] = (
    "condition of anonymity", "not authorized to", "not authorised to", "declined to be named",
    "asked not to be named", "asked not to be identified", "requested anonymity", "declined to be identified",
    "spoke anonymously", "on background", "unnamed", "anonymous",
)
# Nouns for the vehicles of speech, so "said in a statement" or "a report published in X" name a medium.
MEDIUM_NOUNS: frozenset[str] = frozenset({
    "statement", "report", "interview", "post", "tweet", "letter", "briefing", "speech", "editorial",
    "article", "op-ed", "column", "communique", "communiqué", "press", "conference", "broadcast", "message",
    "paper", "newspaper", "release", "video", "remarks", "address", "documents", "document", "filing",
})
# Nouns that stand for news outlets when they are the subject of a speech verb ("the paper said").
OUTLET_NOUNS: frozenset[str] = frozenset({
    "paper", "newspaper", "daily", "weekly", "magazine", "outlet", "agency", "broadcaster", "channel",
    "tabloid", "website", "report", "publication", "network", "station",
})
# Words in the names of news outlets ("the Daily Herald", "Evening Standard"); the agent table adds more.
OUTLET_NAME_WORDS: frozenset[str] = frozenset({
    "herald", "gazette", "express", "telegraph", "guardian", "chronicle", "observer", "mirror", "standard",
    "daily", "journal", "times", "post", "tribune", "news", "press", "television", "tv", "radio",
    "broadcasting", "newspaper", "magazine", "agency", "courier", "dispatch", "inquirer", "monitor", "review",
    "weekly", "bulletin", "sentinel", "record", "examiner", "independent", "media", "wire",
})
# Addressees of "tell" that are not outlets.
AUDIENCE_NOUNS: frozenset[str] = frozenset({
    "reporter", "reporters", "journalist", "journalists", "lawmaker", "lawmakers", "parliament", "audience",
    "crowd", "supporter", "supporters", "press", "media", "correspondent", "correspondents", "listener",
    "listeners", "viewer", "viewers", "committee", "conference", "senator", "senators", "gathering",
})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "i", "we", "it"})

# CAMEO agent type (from the actor tables) -> the sector word an affiliation reports.
SECTORS: dict[str, str] = {
    "MIL": "defence", "DIP": "diplomacy", "GOV": "government", "SPY": "intelligence", "COP": "police",
    "LEG": "legislature", "JUD": "judiciary", "MED": "media", "EDU": "academia", "NGO": "civil society",
    "BUS": "business", "REB": "rebels", "OPP": "opposition", "PTY": "party",
}
