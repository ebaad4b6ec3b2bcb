"""The parts of event coding: codebook, dates, details."""

from parallax.extract.events.codebook import goldstein, plover_of
from parallax.extract.events.details import designations, equipment, money
from parallax.extract.events.lexicon import frames
from parallax.extract.events.when import DateContext
from parallax.model import PLOVER_TYPES


def test_codebook_tables():
    assert plover_of("042") == "CONSULT" and plover_of("0312") == "AGREE" and plover_of("1823") == "ASSAULT"
    assert plover_of("999") is None
    assert goldstein("072") == 8.3 and goldstein("190") == -10.0 and goldstein("99") is None


def test_lexicon_types_are_plover():
    assert frames() and all(f.plover in PLOVER_TYPES for f in frames().values())
    assert all(goldstein(f.cameo) is not None for f in frames().values())


def test_dates_relative_to_publication_with_running_year():
    ctx = DateContext("2024-03-14")  # a Thursday
    assert ctx.resolve("on Tuesday") == ("2024-03-12", "day")
    assert ctx.resolve("last month") == ("2024-02", "month")
    assert ctx.resolve("in 2011") == ("2011", "year")
    assert ctx.resolve("a year later") == ("2012", "year")
    assert ctx.resolve("in May") == ("2012-05", "month")
    assert ctx.resolve("for decades") is None and ctx.resolve("three years") is None
    assert DateContext(None).resolve("yesterday") is None
    assert DateContext(None).resolve("June 3, 2020") == ("2020-06-03", "day")


def test_money_with_currencies():
    got = [(m.amount, m.currency) for m in money("a contract worth £2.3 billion ($2.9 billion) and 40 million euros")]
    assert got == [(2.3e9, "GBP"), (2.9e9, "USD"), (4e7, "EUR")]
    assert money("sold 40 million tonnes") == []


def test_designations_and_weapon_kinds(nlp):
    assert designations("the Su-35, the T-72 tank and MiG-29K jets, not COVID-19 or G-20") == ["Su-35", "T-72", "MiG-29K"]
    eq, qty = equipment(nlp("The navy will receive three coastal patrol vessels and twelve anti-ship missiles.")[:])
    assert "coastal patrol vessels" in eq and "anti-ship missiles" in eq
    assert "3 coastal patrol vessels" in qty and "12 anti-ship missiles" in qty
