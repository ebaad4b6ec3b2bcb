"""Words that mark reported speech in English news prose.

General English function/lexical classes (verbs of saying, source nouns), not tied to any outlet or story;
kept in one place so every rule reads the same lists.
"""

from __future__ import annotations

# Verbs that introduce what someone said (lemmas). "tell" and "quote" need their own handling (object =
# addressee / quoted person) and are listed separately.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "add", "claim", "state", "announce", "insist", "deny", "warn", "note", "explain", "argue", "write",
    "report", "allege", "assert", "stress", "emphasise", "emphasize", "confirm", "acknowledge", "admit",
    "reply", "respond", "declare", "suggest", "predict", "maintain", "contend", "reiterate", "tweet", "post",
    "testify", "concede", "caution", "observe", "remark", "comment", "indicate", "vow", "pledge", "promise",
    "disclose", "reveal", "recall", "complain", "estimate", "mention", "repeat", "affirm", "retort",
    "counter", "concede", "underline", "underscore", "highlight", "assure", "boast", "lament", "speculate",
    "acknowledge", "announce", "told", "tell", "quote", "describe", "call", "ask", "answer", "continue",
})
# Verbs that take a direct quotation but not a reported clause on their own ("called it a 'disaster'").
DIRECT_ONLY: frozenset[str] = frozenset({"describe", "call", "ask", "answer", "continue"})
# Cue verbs whose clause is reported as denied/rejected by the holder.
DENIAL_VERBS: frozenset[str] = frozenset({"deny", "reject", "dismiss", "refute"})

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
