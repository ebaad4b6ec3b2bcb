"""Event and fact dates: never a year the text and metadata do not give, and metadata is never a date."""

import pytest

from parallax.extract.actors import extract_actors
from parallax.extract.events import extract_events
from parallax.extract.events.when import DateContext
from parallax.extract.facts import extract_facts
from parallax.model import Document


@pytest.mark.parametrize("mention", ["on April 7", "in late September", "Feb. 18", "in November", "on Monday",
                                     "yesterday", "last week", "this year", "two years ago", "earlier this month"])
def test_no_publication_date_and_no_year_in_the_text_gives_no_date(mention):
    assert DateContext(None).resolve(mention) is None


def test_a_day_without_a_year_takes_the_year_the_text_named_before_it():
    ctx = DateContext(None)
    assert ctx.resolve("on April 7") is None  # nothing named yet
    assert ctx.resolve("In 2021") == ("2021", "year")
    assert ctx.resolve("on April 7") == ("2021-04-07", "day")
    assert ctx.resolve("in late September") == ("2021-09", "month")
    assert ctx.resolve("on Monday") is None  # a weekday needs a day to count from, not a year
    assert ctx.resolve("March 3, 2019") == ("2019-03-03", "day")


def test_a_year_that_only_bounds_a_span_is_not_the_narrative_year(nlp):
    ctx = DateContext(None)
    assert ctx.resolve("before February 2022") == ("2022-02", "month")
    assert ctx.resolve("February 2022", bound=True) == ("2022-02", "month")
    assert ctx.resolve("in September") is None
    doc = _doc("Before February 2022, few expected a war. Since then the two leaders met in Russia in September.")
    ctx = DateContext.of(doc)
    assert [w.date for sent in nlp(doc.text).sents for w in ctx.observe(sent)] == ["2022-02"]


def test_a_number_without_a_date_word_is_not_a_year():
    assert DateContext(None).resolve("SU 35") is None
    assert DateContext("2019-11-25").resolve("the SU 35") is None


def test_the_publication_weekday_is_the_publication_day():
    ctx = DateContext("2025-03-13")  # a Thursday
    assert ctx.resolve("Thursday") == ("2025-03-13", "day")
    assert ctx.resolve("on Thursday", future=True) == ("2025-03-13", "day")
    assert ctx.resolve("on Tuesday") == ("2025-03-11", "day")
    assert ctx.resolve("last Thursday") == ("2025-03-06", "day")


def test_a_yearless_day_is_the_occurrence_nearest_the_publication():
    assert DateContext("2025-03-09").resolve("until April 2") == ("2025-04-02", "day")
    assert DateContext("2024-10-03").resolve("in late September") == ("2024-09", "month")
    assert DateContext("2025-01-10").resolve("in December") == ("2024-12", "month")


@pytest.mark.parametrize("text, published, date", [
    ("The two leaders held a summit in Russia in September.", "2024-06-28", "2023-09"),
    ("The two leaders will hold a summit in Russia in September.", "2024-06-28", "2024-09"),
    ("The government exempted the cars from the tariffs until April 2.", "2025-03-09", "2025-04-02"),
    ("Talks stalled after the summit held in September.", "2024-06-28", "2023-09"),
    ("Talks will follow the summit planned for September.", "2024-06-28", "2024-09"),
])
def test_the_clause_tense_picks_the_past_or_coming_occurrence(nlp, text, published, date):
    ctx = DateContext.of(_doc(text, published))
    assert [w.date for sent in nlp(text).sents for w in ctx.observe(sent)] == [date]


def _doc(text: str, published: str | None = None) -> Document:
    return Document(id="d", key="d", text=text, published=published)


NO_DATE = ("Chile accused Bolivia of diverting a border river after a sluice was opened on April 7.\n\n"
           "Construction of the dam began on April 2, officials said.")


def test_undated_article_gives_its_events_and_facts_no_invented_year(nlp):
    doc = _doc(NO_DATE)
    sdoc = nlp(doc.text)
    actors = extract_actors(sdoc, doc)
    events = extract_events(sdoc, doc, actors)
    facts = [f for f in extract_facts(sdoc, doc, actors) if f.kind == "date"]
    assert events and all(e.date is None for e in events)
    assert facts == []


def test_a_year_the_text_gives_dates_an_undated_article(nlp):
    doc = _doc("In 2021, the dispute flared again.\n\n" + NO_DATE)
    sdoc = nlp(doc.text)
    events = extract_events(sdoc, doc, extract_actors(sdoc, doc))
    assert {e.date for e in events if e.date} == {"2021-04-07"}


STAMPED = ("date 2018-04-08 Chile accuses Bolivia of diverting border river\n\n"
           "Chile accused Bolivia of diverting the waters of a border river, the foreign ministry said.")


def test_a_date_stamp_left_in_the_text_is_no_date_of_anything(nlp):
    doc = _doc(STAMPED)
    sdoc = nlp(doc.text)
    actors = extract_actors(sdoc, doc)
    assert [f for f in extract_facts(sdoc, doc, actors) if f.kind == "date"] == []
    assert all(e.date is None for e in extract_events(sdoc, doc, actors))
    ctx = DateContext.of(doc)
    assert [w for sent in sdoc.sents for w in ctx.observe(sent)] == []
