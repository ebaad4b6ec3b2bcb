"""The story model: the one definition of every fact Parallax produces.

Plain dataclasses, no behaviour beyond small conveniences. The store, the exports and the views all read and
write these; nothing else defines a fact's shape. Every fact that comes from text carries evidence: the
document id and a character span ``[start, end)`` into that document's cleaned ``text`` (Python string
indices), so any statement can be traced back to the sentence that made it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "parallax.story.v1"

ActorKind = Literal["country", "person", "organization", "group", "other"]
EventMode = Literal["asserted", "negated", "future", "hypothetical", "denied", "reported"]
StanceLabel = Literal["supports", "refutes", "discusses", "unrelated"]
ContradictionKind = Literal["claim", "attribute", "number", "date"]
VerdictLabel = Literal["supported", "refuted", "conflicting", "not_enough_evidence"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_MODES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "denied", "reported")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: a document and a character span in its cleaned text."""

    doc: str
    start: int
    end: int

    @property
    def span(self) -> list[int]:
        return [self.start, self.end]


@dataclass(slots=True)
class Document:
    """One article as Parallax read it.

    ``key`` is the stable locator of the input (file path, plus record number inside JSONL/WARC/feeds); the
    id is derived from it, so re-reading the same input finds the same document. ``text`` is the cleaned
    text every span points into; ``removed`` keeps the junk lines that cleaning dropped, for audit.
    """

    id: str
    key: str
    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # how the outlet was found: metadata, url or text
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_source: str | None = None
    byline: str | None = None
    dateline: str | None = None
    language: str = "und"
    language_score: float = 0.0
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact | near
    format: str = "text"  # text | html | jsonl | warc | feed | stdin
    content_sha: str = ""  # sha256 of the cleaned text
    removed: list[str] = field(default_factory=list)

    @property
    def analysable(self) -> bool:
        """Only English originals are analysed; duplicates and other languages are stored, flagged."""
        return self.language == "en"


@dataclass(slots=True)
class IngestError:
    """An input (file, or a line/record inside one) that could not become a document, and why."""

    path: str
    reason: str
    locator: str | None = None  # e.g. "line 17", "record 3"


@dataclass(slots=True)
class RoleClaim:
    """One text's statement of an actor's office or affiliation, kept with its evidence.

    Two outlets giving one person two offices are two RoleClaims: the cross-source stage turns such pairs
    into attribute contradictions.
    """

    role: str | None
    country: str | None  # ISO3
    organization: str | None
    evidence: Evidence


@dataclass(slots=True)
class Mention:
    """A stretch of text that refers to an actor."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    actor: str | None
    kind: str = "name"  # name | demonym | capital | metonym | title | pronoun | description | code


@dataclass(slots=True)
class Actor:
    """A person, country, organisation or (possibly anonymous) group, merged across documents."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO3 of the state the actor acts for
    agent: str | None = None  # CAMEO/PLOVER agent type: GOV, MIL, DIP, MED, ...
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    organization: str | None = None
    anonymous: bool = False
    role_claims: list[RoleClaim] = field(default_factory=list)
    based_in: str | None = None  # ISO3 where an armed non-state group operates; it acts for no state


@dataclass(slots=True)
class Money:
    amount: float
    currency: str  # ISO 4217
    text: str


@dataclass(slots=True)
class Event:
    """One coded interaction: source does ``type`` to target, in a mode, at a date, with evidence."""

    id: str
    doc: str
    source: str | None
    target: str | None
    type: str  # PLOVER type
    mode: EventMode
    start: int
    end: int
    text: str  # the evidence sentence
    cameo: str | None = None
    goldstein: float | None = None
    date: str | None = None  # YYYY[-MM[-DD]]
    date_precision: str | None = None  # year | month | day
    predicate: str | None = None
    reported_by: str | None = None  # actor id of who reports it (quote speaker), if not the outlet
    equipment: list[str] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    symmetric: bool = False

    @property
    def span(self) -> list[int]:
        return [self.start, self.end]


@dataclass(slots=True)
class Quote:
    """A direct or indirect statement with its attribution."""

    id: str
    doc: str
    speaker: str | None  # actor id
    speaker_text: str
    anonymous: bool
    kind: Literal["direct", "indirect"]
    start: int
    end: int
    text: str
    affiliation: str | None = None  # for anonymous sources: "Russia, defence"
    chain: list[str] = field(default_factory=list)  # outlet -> relayed outlet -> speaker
    cue: str | None = None  # the speech verb or cue ("said", "according to")

    @property
    def span(self) -> list[int]:
        return [self.start, self.end]


@dataclass(slots=True)
class ClaimMention:
    """A document's statement of a claim, with that document's stance toward it."""

    doc: str
    stance: StanceLabel
    start: int
    end: int
    holder: str | None = None  # actor id, or None for the outlet's own voice
    score: float = 0.0


@dataclass(slots=True)
class Claim:
    """A normalised proposition that documents support, refute or merely report."""

    id: str
    text: str  # a cross-source claim's readable name, cut from its evidence; a document's claim: its proposition
    holder: str | None = None
    polarity: Literal["positive", "negative"] = "positive"
    mode: str = "asserted"
    events: list[str] = field(default_factory=list)
    mentions: list[ClaimMention] = field(default_factory=list)
    # Corroboration, filled by the cross-source stage: outlets carrying the claim, how many of them are
    # independent (copies and shared wire text count once), and whether it rests on anonymous sources only.
    outlets: list[str] = field(default_factory=list)
    independent: int = 0
    anonymous_only: bool = False
    first_reported: str | None = None  # earliest publication date (YYYY-MM-DD) among its documents
    # A cross-source claim's proposition in normalised words ("Norway supplies arms to Chile"), what verify
    # matches; with polarity "negative" its supporters deny it.
    proposition: str = ""


@dataclass(slots=True)
class EventCluster:
    """Reports of one event across documents: same actors and type, compatible dates and details.

    Copies and shared wire text count once in ``independent``; ``first_reported`` is the earliest publication
    date among the reporting documents, ``date`` the earliest resolved event date.
    """

    id: str
    type: str
    source: str | None
    target: str | None
    mode: str
    events: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    independent: int = 0
    date: str | None = None
    first_reported: str | None = None
    modes: dict[str, int] = field(default_factory=dict)  # mode -> number of reports


@dataclass(slots=True)
class SourceProfile:
    """One outlet's part in the story: its stances on the main claims, what only it reports, its sourcing."""

    outlet: str
    documents: int = 0
    quotes: int = 0
    anonymous_quotes: int = 0
    anonymous_share: float = 0.0
    claims: int = 0
    stances: dict[str, str] = field(default_factory=dict)  # claim id -> supports | refutes | discusses
    exclusive_claims: list[str] = field(default_factory=list)  # claim ids no other outlet carries
    exclusive_events: list[str] = field(default_factory=list)  # event cluster ids no other outlet reports


@dataclass(slots=True)
class Stance:
    """A document's stance to a claim, as ``verify`` and ``stance`` report it."""

    doc: str
    stance: StanceLabel
    score: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Verdict:
    """``verify``'s answer: one stance per stored document (unrelated included) and an overall verdict."""

    claim: str
    verdict: VerdictLabel
    documents: list[Stance] = field(default_factory=list)


@dataclass(slots=True)
class ContradictionSide:
    value: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class RevisionStep:
    """One value of a revised figure: what it was and the day it was first published."""

    value: str
    published: str  # YYYY-MM-DD of the first document giving it
    docs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Contradiction:
    id: str
    kind: ContradictionKind
    about: str
    sides: list[ContradictionSide] = field(default_factory=list)
    temporal: bool = False  # a change of position over time rather than a conflict
    # A figure that moved over the days of one developing story ("rescued: 104, then 190, then 339"): its
    # values in the order they were published, each only after the one before (``link.revisions``).
    revision: bool = False
    timeline: list[RevisionStep] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    """Everything stored about one corpus."""

    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    event_clusters: list[EventCluster] = field(default_factory=list)
    profiles: list[SourceProfile] = field(default_factory=list)


def to_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as plain JSON-ready data."""
    return asdict(obj)


@dataclass
class RunSummary:
    """What one run read, stored and found: printed by the CLI, kept per run in the store."""

    inputs: list[str] = field(default_factory=list)
    read: int = 0  # articles read from the inputs
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    non_english: int = 0
    errors: int = 0
    analysed: int = 0
    analysis_errors: int = 0
    documents: int = 0  # in the store after the run
    actors: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    contradictions: int = 0
    changes: int = 0  # new claims, contradictions, event clusters and moved stances this run
    link_skipped: bool = False  # the cross-source stage found the store already linked as it stands
    engine: str = "local"
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Anything read at all (new or already stored) counts as a successful run."""
        return self.read > 0

    def to_dict(self) -> dict:
        return asdict(self)
