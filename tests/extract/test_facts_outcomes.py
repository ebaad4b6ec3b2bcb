"""People counted by outcome, figures stated as a change or a duration, levy rates, period totals."""


def _people(facts, outcome):
    return [(f.value, f.unit, f.bound) for f in facts if f.kind == "casualties" and f.outcome == outcome]


def test_people_counted_by_what_happened_to_them(facts_of):
    f = facts_of("Officials said 104 passengers had been rescued, while 17 injured people were taken to a hospital.")
    assert _people(f, "freed") == [(104, "passenger", "exact")]
    assert _people(f, "wounded") == [(17, "people", "exact")]
    assert _people(facts_of("Marwen officials confirmed that 31 people lost their lives in the raid."), "killed") == \
        [(31, "people", "exact")]
    assert _people(facts_of("Coastguards freed 52 fishermen on Sunday."), "freed") == [(52, "fisherman", "exact")]


def test_people_aboard_count_the_same_heads_whatever_the_word(facts_of):
    a = facts_of("The ferry was carrying roughly 450 passengers when it ran aground.")
    b = facts_of("The Tarsa Star, with roughly 450 people on board, ran aground near Veld.")
    assert _people(a, "aboard") == _people(b, "aboard") == [(450, "person", "about")]


def test_a_figure_stated_as_a_change_gives_only_the_new_value(facts_of):
    f = facts_of("Officials revised the tally of passengers on the ferry downward to 425 from 440.")
    assert _people(f, "aboard") == [(425, "person", "exact")]
    toll = facts_of("The death toll from the blast rose to 31 on Friday.")
    assert _people(toll, "killed") == [(31, "people", "exact")]


def test_durations_and_strict_bounds(facts_of):
    a = [f for f in facts_of("The siege of the depot lasted almost 30 hours.") if f.kind == "count"]
    b = [f for f in facts_of("The siege, which lasted more than 30 hours, ended at dawn.") if f.kind == "count"]
    assert [(f.value, f.unit, f.bound) for f in a] == [(30, "hour", "near")]
    assert [(f.value, f.unit, f.bound) for f in b] == [(30, "hour", "over")]
    assert a[0].subject_key == b[0].subject_key == "siege duration"


def test_levy_rates_on_goods_and_the_rate_a_change_replaced(facts_of):
    f = [x for x in facts_of("Ruritania doubled the 25% tariff on Veldorian steel and aluminum imports to 50%.")
         if x.kind == "rate"]
    assert [(x.value, x.subject_key, x.qualifiers) for x in f] == [(50, "aluminum steel", ["veldorian"])]
    g = [x for x in facts_of("A 10% duty on copper exports takes effect on Monday.") if x.kind == "rate"]
    assert [(x.value, x.subject_key) for x in g] == [(10, "copper")]


def test_a_total_over_a_past_period_is_scoped_to_it(facts_of):
    f = facts_of("In the last 15 months, 1,250 rebels have been killed in the province, the army said.")
    (x,) = [x for x in f if x.kind == "casualties"]
    assert x.when == "period:the last 15 months"
    (y,) = [x for x in facts_of("The talks were delayed for four weeks after 12 soldiers were killed.")
            if x.kind == "casualties"]
    assert y.when is None
