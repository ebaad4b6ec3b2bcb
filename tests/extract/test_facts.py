"""Number and date facts read from invented sentences."""


def _one(facts, kind):
    got = [f for f in facts if f.kind == kind]
    assert len(got) == 1, got
    return got[0]


def test_money_follows_the_parse_to_the_named_thing(facts_of):
    facts = facts_of("The Orlen Dam is nearly finished. Officials said the dam will cost $2.1 billion.")
    f = _one(facts, "money")
    assert (f.value, f.currency, f.subject_key) == (2.1e9, "USD", "orlen dam")
    assert f.future and f.text.startswith("Officials") and facts[0].doc == "d"


def test_money_as_a_modifier_and_through_a_measure_noun(facts_of):
    a = _one(facts_of("Engineers inspected the $2.6 billion bridge."), "money")
    b = _one(facts_of("The cost of the bridge rose to 3 billion euros."), "money")
    assert a.subject_key == b.subject_key == "bridge"
    assert (b.value, b.currency) == (3e9, "EUR")


def test_counts_with_owner_and_approximate_bounds(facts_of):
    f = _one(facts_of("The Kessel plant has 12 turbines."), "count")
    assert (f.value, f.unit, f.subject_key, f.approx) == (12, "turbine", "kessel plant", False)
    g = _one(facts_of("The Kessel plant opened in May. Its sixteen turbines run at night."), "count")
    assert (g.value, g.subject_key) == (16, "kessel plant")


def test_casualties_keep_victims_side_and_bound(facts_of):
    f = _one(facts_of("At least 14 Dravian soldiers were killed in the clash."), "casualties")
    assert (f.value, f.unit, f.outcome, f.bound, f.subject_key) == (14, "soldier", "killed", "min",
                                                                    "dravian soldier")
    w = _one(facts_of("Rebels wounded nine policemen near the border."), "casualties")
    assert (w.value, w.unit, w.outcome, w.bound) == (9, "policeman", "wounded", "exact")


def test_dates_of_events_and_of_things(facts_of):
    a = _one(facts_of("Construction of the Orlen Dam began in 2019."), "date")
    b = _one(facts_of("The Orlen Dam is vast. Work on the dam started in March 2018."), "date")
    assert (a.value, b.value) == ("2019", "2018-03")
    assert a.subject_key == b.subject_key == "build|orlen dam"
    c = _one(facts_of("The treaty, signed in 1938, fixed the border."), "date")
    d = _one(facts_of("The 1936 treaty fixed the border."), "date")
    assert c.subject_key == d.subject_key == "origin|treaty"


def test_skips_noise(facts_of):
    facts = facts_of("About 30 percent of voters backed the plan, a 45-year-old farmer said on May 6, 2025. "
                     "Three days later the talks resumed.")
    assert facts == []


def test_a_date_on_a_time_noun_dates_nothing(facts_of):
    # a stamp the cleaning did not recognise must not become "the date of the date"
    assert [f for f in facts_of("Bolivia rejects Chilean accusations, date 2018-04-09.") if f.kind == "date"] == []
    assert [f for f in facts_of("The ministry's 2019 update listed the dam.") if f.kind == "date"] == []
