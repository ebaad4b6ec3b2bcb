"""Main claims: widely carried, contested, about central actors, with figures; never a bare pronoun or an aside."""

from parallax.link.salience import ClaimActors, is_main_candidate, main_claims, rank_claims
from parallax.model import Claim, ClaimMention, Event, Mention


def _claim(i: str, text: str, docs: list[str], *, stances: list[str] | None = None, outlets: int = 1,
           proposition: str = "", events: list[str] | None = None) -> Claim:
    stances = stances or ["supports"] * len(docs)
    return Claim(i, text, proposition=proposition, events=events or [],
                 outlets=[f"o{n}" for n in range(outlets)], independent=outlets,
                 mentions=[ClaimMention(d, s, 0, 40) for d, s in zip(docs, stances)])


def test_a_bare_pronoun_subject_or_an_aside_is_never_a_main_claim():
    they = _claim("k1", "They shot at the bus near the bridge.", ["d1", "d2", "d3"], proposition="they shoot")
    hidden = _claim("k2", "At dawn, they shot at the bus near the bridge.", ["d1", "d2", "d3"],
                    proposition="they shoot at the bus")
    aside = _claim("k3", "Ministers agree.", ["d1", "d2", "d3"])
    witness = _claim("k4", "I think it was a terrible day.", ["d1", "d2", "d3"])
    this = _claim("k5", "This is a very good thing.", ["d1", "d2", "d3"])
    solid = _claim("k6", "The rebels attacked the bus near the bridge.", ["d1"])
    claims = [they, hidden, aside, witness, this, solid]
    assert [c.id for c in claims if is_main_candidate(c)] == ["k6"]
    actors = ClaimActors(claims, {}, [])
    assert [c.id for c in main_claims(claims, actors, 5)] == ["k6"]
    assert rank_claims(claims, actors)[0].id == "k6"  # asides rank after every candidate, however widely carried


def test_outlets_first_then_contested_central_actors_and_figures():
    wide = _claim("w", "The council approved the new harbour budget.", ["d1", "d2"], outlets=2)
    plain = _claim("p", "The harbour master inspected the new cranes.", ["d3"])
    contested = _claim("c", "The harbour master approved the new cranes.", ["d3", "d4"], stances=["supports", "refutes"])
    figures = _claim("f", "The harbour master inspected 14 new cranes.", ["d3"])
    central = _claim("a", "The harbour master praised the dock workers.", ["d3"], events=["e1"])
    events = {"e1": Event("e1", "d3", "mayor", None, "CONSULT", "asserted", 0, 40, "x")}
    mentions = [Mention(f"m{i}", d, 0, 5, "Mayor", "mayor") for i, d in enumerate(["d1", "d2", "d4"])]
    claims = [plain, figures, central, contested, wide]
    actors = ClaimActors(claims, events, mentions)
    assert actors.central(central) > actors.central(plain)
    assert [c.id for c in rank_claims(claims, actors)] == ["w", "c", "a", "f", "p"]
    assert [c.id for c in main_claims(claims, actors, 5, min_outlets=2)] == ["w"]


def test_a_possibility_a_feeling_an_impression_or_a_subject_named_only_before_is_no_main_claim():
    def ok(text: str) -> bool:
        return is_main_candidate(Claim(id="k", text=text))

    assert ok("339 passengers were rescued.")
    assert ok("Peru will close the border if the talks fail.")
    for text in ("A missile test could well bring the talks to an abrupt end.",
                 "Lawmakers also expressed hope that trade could resume.",
                 "Such transfers would violate the arms embargo on Peru.",
                 "Much remains to be done on the ceasefire deal.",
                 "The Chilean president is widely seen as a close ally of Lima."):
        assert not ok(text), text
