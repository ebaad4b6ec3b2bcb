"""A number or date that an article states about something, outside any coded event.

Kept out of ``model.py`` on purpose: facts are an intermediate the link stage compares across documents; only
the contradictions they yield enter the story model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FactKind = Literal["money", "count", "casualties", "date", "rate"]
Bound = Literal["exact", "min", "over", "max", "under", "about", "near"]


@dataclass(slots=True)
class Fact:
    doc: str
    start: int  # the evidence sentence span in the document's cleaned text
    end: int
    text: str
    kind: FactKind
    value: float | str  # float for money and counts; 'YYYY[-MM[-DD]]' for dates
    subject: str  # what the figure is about, as written ("Varna Dam", "soldiers", "signing of the treaty")
    subject_key: str  # folded lemmas used to compare across documents
    currency: str | None = None  # ISO 4217, money only
    unit: str | None = None  # counted noun lemma ("turbine"); victim lemma for casualties; "tariff" for rates
    outcome: str | None = None  # casualties: killed | wounded
    actors: list[str] = field(default_factory=list)  # local actor ids mentioned in the sentence
    approx: bool = False
    bound: Bound = "exact"  # how an approximate figure bounds the truth ("at least 14" → min, "more than" → over)
    qualifiers: list[str] = field(default_factory=list)  # common-noun modifiers of the subject ("border")
    names: list[str] = field(default_factory=list)  # folded proper nouns of the sentence, for fuzzy matching
    when: str | None = None  # for figures: the date the sentence ties them to, if any
    future: bool = False  # stated as a plan or expectation ("will cost", "expected in 2026")
    shown: str = ""  # the figure as written ("$2.1 billion", "at least 14", "1938")
