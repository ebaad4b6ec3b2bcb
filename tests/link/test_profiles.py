"""Source profiles: stance on main claims, exclusives, reliance on anonymous sources."""

from parallax.link.profiles import main_claims, source_profiles
from parallax.model import Claim, ClaimMention, Document, EventCluster, Quote


def _doc(i: str, outlet: str, dup: str | None = None) -> Document:
    return Document(id=i, key=i, text="x" * 100, outlet=outlet, duplicate_of=dup)


DOCS = {d.id: d for d in (_doc("h1", "Herald"), _doc("h2", "Herald"), _doc("p1", "Post"), _doc("c1", "Courier"),
                          _doc("m1", "Mirror", dup="p1"))}


def _claim(i: str, outlets: list[str], independent: int, *mentions: tuple[str, str]) -> Claim:
    return Claim(i, f"The harbour of Vela will reopen in {i}.", outlets=outlets, independent=independent,
                 mentions=[ClaimMention(d, s, 0, 10) for d, s in mentions])


CLAIMS = [
    _claim("k1", ["Courier", "Herald", "Mirror", "Post"], 3,
           ("h1", "refutes"), ("h2", "refutes"), ("p1", "supports"), ("c1", "discusses")),
    _claim("k2", ["Herald", "Post"], 2, ("h1", "supports"), ("h2", "refutes"), ("p1", "supports")),
    _claim("k3", ["Post"], 1, ("p1", "supports")),
]
QUOTES = [Quote(f"p1:q{i}", "p1", None, "s", anon, "direct", 0, 5, "x") for i, anon in enumerate([True, True, False])]


def test_stances_on_main_claims_with_duplicates_speaking_for_their_outlet() -> None:
    profiles = {p.outlet: p for p in source_profiles(DOCS, QUOTES, CLAIMS)}
    assert profiles["Herald"].stances == {"k1": "refutes", "k2": "discusses"}  # two documents, two sides on k2
    assert profiles["Post"].stances == {"k1": "supports", "k2": "supports"}
    assert profiles["Courier"].stances == {"k1": "discusses"}
    assert profiles["Mirror"].stances == {"k1": "supports", "k2": "supports"}
    assert "k3" not in profiles["Post"].stances  # one outlet only: not a main claim


def test_exclusives_and_anonymous_share() -> None:
    clusters = [EventCluster("v1", "AID", None, None, "asserted", docs=["h1", "h2"]),
                EventCluster("v2", "AID", None, None, "asserted", docs=["h1", "p1"])]
    profiles = {p.outlet: p for p in source_profiles(DOCS, QUOTES, CLAIMS, clusters)}
    post, herald = profiles["Post"], profiles["Herald"]
    assert post.exclusive_claims == ["k3"] and herald.exclusive_claims == []
    assert herald.exclusive_events == ["v1"] and post.exclusive_events == []
    assert (post.quotes, post.anonymous_quotes, post.anonymous_share) == (3, 2, 0.667)
    assert (herald.documents, herald.claims, post.claims) == (2, 2, 3)


def test_main_claims_rank_by_independent_outlets() -> None:
    assert [c.id for c in main_claims(CLAIMS)] == ["k1", "k2"]
    assert [c.id for c in main_claims(CLAIMS, 1)] == ["k1"]
